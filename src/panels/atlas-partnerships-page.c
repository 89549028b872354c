/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-util.h"
#include "atlas-partnerships-page.h"

struct _AtlasPartnershipsPage
{
  GtkWidget parent_instance;

  AtlasSelection *selection;
  GtkWidget *scrolled;
  GtkWidget *details;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (AtlasPartnershipsPage, atlas_partnerships_page, GTK_TYPE_WIDGET)

static const char *
describe_kind (AtlasPartnershipKind kind)
{
  return kind == ATLAS_PARTNERSHIP_PLACE ? _("Place partnership") : _("Thematic partnership");
}

static GtkWidget *
build_facts (AtlasDataset    *dataset,
             const AtlasFact *facts,
             guint            n_facts)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  guint i;

  for (i = 0; i < n_facts; i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_box_append (GTK_BOX (item), atlas_panel_label (facts[i].value, NULL));
      gtk_box_append (GTK_BOX (item), atlas_panel_source_label (dataset, facts[i].source));
      gtk_box_append (GTK_BOX (box), atlas_panel_field_with (facts[i].label, item));
    }

  return box;
}

/* Trusts that run a site in one of the partnership's districts. */
static GtkWidget *
build_trusts (AtlasPartnershipsPage  *self,
              AtlasDataset           *dataset,
              const AtlasPartnership *partnership)
{
  g_autoptr(GPtrArray) trusts = g_ptr_array_new ();
  GtkWidget *links = atlas_panel_link_box ();
  const AtlasSite *sites;
  guint n, i, j;

  sites = atlas_dataset_get_sites (dataset, &n);
  for (i = 0; i < n; i++)
    for (j = 0; j < partnership->n_districts; j++)
      if (sites[i].district == partnership->districts[j] && sites[i].trust != NULL
          && !g_ptr_array_find (trusts, sites[i].trust, NULL))
        {
          g_ptr_array_add (trusts, (gpointer) sites[i].trust);
          atlas_panel_link_box_add (links, self->selection, ATLAS_SELECTION_TRUST,
                                    sites[i].trust->id, sites[i].trust->name);
        }

  return atlas_panel_field_with (_("Trusts with sites here"),
                                 atlas_panel_link_box_finish (links, _("None recorded")));
}

static void
show_partnership (AtlasPartnershipsPage  *self,
                  const AtlasPartnership *partnership)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  GtkWidget *box = self->details;
  GtkWidget *members = atlas_panel_link_box ();
  GtkWidget *priorities;
  guint i;

  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (partnership->name, "title-2", 4));
  gtk_box_append (GTK_BOX (box), atlas_panel_label (describe_kind (partnership->kind),
                                                    "dim-label"));
  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Short name"), partnership->short_name));
  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Description"), partnership->description));

  for (i = 0; i < partnership->n_districts; i++)
    atlas_panel_link_box_add (members, self->selection, ATLAS_SELECTION_DISTRICT,
                              partnership->districts[i]->id, partnership->districts[i]->name);
  gtk_box_append (GTK_BOX (box),
                  atlas_panel_field_with (_("Member districts"),
                                          atlas_panel_link_box_finish (members, NULL)));
  gtk_box_append (GTK_BOX (box), build_trusts (self, dataset, partnership));

  if (partnership->n_facts > 0)
    gtk_box_append (GTK_BOX (box), build_facts (dataset, partnership->facts,
                                                partnership->n_facts));
  for (i = 0; i < partnership->n_sections; i++)
    gtk_box_append (GTK_BOX (box), atlas_panel_section (&partnership->sections[i]));

  priorities = atlas_panel_priorities_of (self->selection, partnership);
  if (priorities != NULL)
    gtk_box_append (GTK_BOX (box), priorities);

  gtk_box_append (GTK_BOX (box), atlas_panel_source_label (dataset, partnership->source));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

static void
rebuild_list (AtlasPartnershipsPage *self)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  const AtlasPartnership *partnerships;
  guint n, i;

  atlas_panel_clear_list (self->list);
  if (dataset == NULL)
    return;

  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasPartnership *p = &partnerships[i];
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%s · %u district",
                                                             "%s · %u districts",
                                                             p->n_districts),
                                                   describe_kind (p->kind), p->n_districts);
      GtkWidget *row = atlas_panel_row (p->name, subtitle);

      g_object_set_data_full (G_OBJECT (row), "atlas-id", g_strdup (p->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

static void
selection_changed_cb (AtlasPartnershipsPage *self)
{
  const AtlasPartnership *partnership = atlas_selection_get_partnership (self->selection);

  atlas_panel_clear (self->details);
  gtk_widget_set_visible (self->details, partnership != NULL);
  if (partnership != NULL)
    {
      show_partnership (self, partnership);
      atlas_panel_scroll_to_top (self->scrolled);
    }

  atlas_panel_mark_current (self->list, partnership != NULL ? partnership->id : NULL);
}

static void
dataset_changed_cb (AtlasPartnershipsPage *self)
{
  rebuild_list (self);
  selection_changed_cb (self);
}

static void
row_activated_cb (AtlasPartnershipsPage *self,
                  GtkListBoxRow         *row)
{
  atlas_selection_select (self->selection, ATLAS_SELECTION_PARTNERSHIP,
                          g_object_get_data (G_OBJECT (row), "atlas-id"));
}

static void
atlas_partnerships_page_dispose (GObject *object)
{
  AtlasPartnershipsPage *self = ATLAS_PARTNERSHIPS_PAGE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_partnerships_page_parent_class)->dispose (object);
}

static void
atlas_partnerships_page_class_init (AtlasPartnershipsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_partnerships_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_partnerships_page_init (AtlasPartnershipsPage *self)
{
  GtkWidget *content;

  self->scrolled = atlas_panel_scrolled (&content);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_visible (self->details, FALSE);
  gtk_box_append (GTK_BOX (content), self->details);

  gtk_box_append (GTK_BOX (content), atlas_panel_label (_("All partnerships"), "heading"));
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (content), self->list);
}

GtkWidget *
atlas_partnerships_page_new (AtlasSelection *selection)
{
  AtlasPartnershipsPage *self;

  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  self = g_object_new (ATLAS_TYPE_PARTNERSHIPS_PAGE, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "notify::dataset", G_CALLBACK (dataset_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  dataset_changed_cb (self);

  return GTK_WIDGET (self);
}
