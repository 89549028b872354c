/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-util.h"
#include "atlas-updates-page.h"

struct _AtlasUpdatesPage
{
  GtkWidget parent_instance;

  AtlasSelection *selection;
  GtkWidget *scrolled;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (AtlasUpdatesPage, atlas_updates_page, GTK_TYPE_WIDGET)

static GtkWidget *
build_card (AtlasUpdatesPage  *self,
            AtlasDataset      *dataset,
            const AtlasUpdate *update)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *districts = atlas_panel_link_box ();
  g_autofree char *date = atlas_panel_format_date (update->date);
  guint i;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "atlas-update");
  g_object_set_data_full (G_OBJECT (card), "atlas-id", g_strdup (update->id), g_free);

  gtk_box_append (GTK_BOX (card), atlas_panel_label (date, "dim-label"));
  gtk_box_append (GTK_BOX (card), atlas_panel_name_label (update->title, "title-4", 4));
  gtk_box_append (GTK_BOX (card), atlas_panel_field (_("Place"), update->place));
  if (update->summary != NULL)
    gtk_box_append (GTK_BOX (card), atlas_panel_label (update->summary, NULL));
  if (update->n_items > 0)
    gtk_box_append (GTK_BOX (card), atlas_panel_bullets (update->items, update->n_items));

  for (i = 0; i < update->n_districts; i++)
    atlas_panel_link_box_add (districts, self->selection, ATLAS_SELECTION_DISTRICT,
                              update->districts[i]->id, update->districts[i]->name);
  gtk_box_append (GTK_BOX (card),
                  atlas_panel_field_with (_("Districts named"),
                                          atlas_panel_link_box_finish (districts,
                                                                       _("None recorded"))));
  gtk_box_append (GTK_BOX (card), atlas_panel_source_label (dataset, update->source));

  return card;
}

static void
selection_changed_cb (AtlasUpdatesPage *self)
{
  const AtlasUpdate *update = atlas_selection_get_update (self->selection);
  GtkWidget *card;

  for (card = gtk_widget_get_first_child (self->list); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    if (update != NULL
        && g_strcmp0 (g_object_get_data (G_OBJECT (card), "atlas-id"), update->id) == 0)
      gtk_widget_add_css_class (card, "atlas-current");
    else
      gtk_widget_remove_css_class (card, "atlas-current");
}

static void
dataset_changed_cb (AtlasUpdatesPage *self)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  const AtlasUpdate *updates;
  guint n = 0, i;

  atlas_panel_clear (self->list);
  if (dataset != NULL)
    {
      updates = atlas_dataset_get_updates (dataset, &n);
      for (i = 0; i < n; i++)
        gtk_box_append (GTK_BOX (self->list), build_card (self, dataset, &updates[i]));
    }
  if (n == 0)
    gtk_box_append (GTK_BOX (self->list), atlas_panel_label (_("No updates recorded"),
                                                             "dim-label"));
  selection_changed_cb (self);
}

static void
atlas_updates_page_dispose (GObject *object)
{
  AtlasUpdatesPage *self = ATLAS_UPDATES_PAGE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_updates_page_parent_class)->dispose (object);
}

static void
atlas_updates_page_class_init (AtlasUpdatesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_updates_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_updates_page_init (AtlasUpdatesPage *self)
{
  GtkWidget *content;

  self->scrolled = atlas_panel_scrolled (&content);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  gtk_box_append (GTK_BOX (content), atlas_panel_label (_("Updates"), "heading"));
  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (content), self->list);
}

GtkWidget *
atlas_updates_page_new (AtlasSelection *selection)
{
  AtlasUpdatesPage *self;

  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  self = g_object_new (ATLAS_TYPE_UPDATES_PAGE, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "notify::dataset", G_CALLBACK (dataset_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  dataset_changed_cb (self);

  return GTK_WIDGET (self);
}
