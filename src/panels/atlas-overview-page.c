/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-overview-page.h"
#include "atlas-panel-util.h"

struct _AtlasOverviewPage
{
  GtkWidget parent_instance;

  AtlasSelection *selection;
  GtkWidget *scrolled;
  GtkWidget *content;
};

G_DEFINE_FINAL_TYPE (AtlasOverviewPage, atlas_overview_page, GTK_TYPE_WIDGET)

static GtkWidget *
build_counts (AtlasDataset *dataset)
{
  guint districts, partnerships, trusts, sites;
  g_autofree char *text = NULL;

  atlas_dataset_get_districts (dataset, &districts);
  atlas_dataset_get_partnerships (dataset, &partnerships);
  atlas_dataset_get_trusts (dataset, &trusts);
  atlas_dataset_get_sites (dataset, &sites);
  /* TRANSLATORS: counts of the records in the atlas */
  text = g_strdup_printf (_("%u districts · %u partnerships · %u trusts · %u sites"),
                          districts, partnerships, trusts, sites);

  return atlas_panel_label (text, "dim-label");
}

static GtkWidget *
build_facts (AtlasDataset *dataset)
{
  GtkWidget *list = gtk_list_box_new ();
  const AtlasFact *facts;
  guint n, i;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  facts = atlas_dataset_get_facts (dataset, &n);
  for (i = 0; i < n; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 10);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_box_append (GTK_BOX (box), atlas_panel_name_label (facts[i].label, "heading", 3));
      gtk_box_append (GTK_BOX (box), atlas_panel_label (facts[i].value, NULL));
      gtk_box_append (GTK_BOX (box), atlas_panel_source_label (dataset, facts[i].source));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  if (n == 0)
    {
      g_object_unref (g_object_ref_sink (list));
      return atlas_panel_not_recorded ();
    }
  return list;
}

static void
dataset_changed_cb (AtlasOverviewPage *self)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  GtkWidget *box = self->content;

  atlas_panel_clear (box);
  if (dataset == NULL)
    {
      gtk_box_append (GTK_BOX (box), atlas_panel_label (_("No care system loaded"),
                                                        "dim-label"));
      return;
    }

  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (atlas_dataset_get_name (dataset),
                                                         "title-2", 4));
  gtk_box_append (GTK_BOX (box),
                  atlas_panel_source_label (dataset,
                                            atlas_dataset_get_field_source (dataset, "name")));
  atlas_panel_append_fact (box, _("NHS body"), atlas_dataset_get_nhs_body (dataset), TRUE,
                           dataset, atlas_dataset_get_field_source (dataset, "nhs_body"));
  atlas_panel_append_fact (box, _("Summary"), atlas_dataset_get_summary (dataset), FALSE,
                           dataset, atlas_dataset_get_field_source (dataset, "summary"));
  gtk_box_append (GTK_BOX (box), build_counts (dataset));
  gtk_box_append (GTK_BOX (box), atlas_panel_label (_("Headline facts"), "heading"));
  gtk_box_append (GTK_BOX (box), build_facts (dataset));
  if (atlas_dataset_get_boundary_licence (dataset) != NULL)
    gtk_box_append (GTK_BOX (box),
                    atlas_panel_label (atlas_dataset_get_boundary_licence (dataset), "caption"));
  gtk_box_append (GTK_BOX (box),
                  atlas_panel_source_label (dataset, atlas_dataset_get_boundary_source (dataset)));
}

static void
atlas_overview_page_dispose (GObject *object)
{
  AtlasOverviewPage *self = ATLAS_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_overview_page_parent_class)->dispose (object);
}

static void
atlas_overview_page_class_init (AtlasOverviewPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_overview_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_overview_page_init (AtlasOverviewPage *self)
{
  self->scrolled = atlas_panel_scrolled (&self->content);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
atlas_overview_page_new (AtlasSelection *selection)
{
  AtlasOverviewPage *self;

  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  self = g_object_new (ATLAS_TYPE_OVERVIEW_PAGE, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "notify::dataset", G_CALLBACK (dataset_changed_cb),
                           self, G_CONNECT_SWAPPED);
  dataset_changed_cb (self);

  return GTK_WIDGET (self);
}
