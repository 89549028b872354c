/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-link.h"
#include "atlas-panel-util.h"
#include "atlas-updates-page.h"

struct _AtlasUpdatesPage
{
  AtlasListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasUpdatesPage, atlas_updates_page, ATLAS_TYPE_LIST_PAGE)

static GtkWidget *
build_card (AtlasSelection    *selection,
            AtlasDataset      *dataset,
            const AtlasUpdate *update)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *districts = atlas_panel_link_box ();
  GtkWidget *title = atlas_link_new (selection, ATLAS_SELECTION_UPDATE, update->id, update->title);
  g_autofree char *date = atlas_panel_format_date (update->date);
  g_autoptr(GPtrArray) text_sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) district_sources = g_ptr_array_new ();
  GtkWidget *field;
  guint i;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "atlas-update");
  atlas_panel_set_id (card, update->id);

  /* The title selects the update, which shows the districts it names on the map. */
  gtk_box_append (GTK_BOX (card), atlas_panel_label (date, "dim-label"));
  gtk_widget_add_css_class (gtk_button_get_child (GTK_BUTTON (title)), "title-4");
  gtk_label_set_lines (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (title))), 6);
  gtk_box_append (GTK_BOX (card), title);
  atlas_panel_add_source (text_sources, ATLAS_RECORD_FIELD_SOURCE (update, "date"));
  atlas_panel_add_source (text_sources, ATLAS_RECORD_FIELD_SOURCE (update, "title"));
  if (update->place != NULL)
    {
      gtk_box_append (GTK_BOX (card), atlas_panel_field (_("Place"), update->place));
      atlas_panel_add_source (text_sources, ATLAS_RECORD_FIELD_SOURCE (update, "place"));
    }
  if (update->summary != NULL)
    {
      gtk_box_append (GTK_BOX (card), atlas_panel_label (update->summary, NULL));
      atlas_panel_add_source (text_sources, ATLAS_RECORD_FIELD_SOURCE (update, "summary"));
    }
  if (update->n_items > 0)
    {
      gtk_box_append (GTK_BOX (card), atlas_panel_bullets (update->items, update->n_items));
      atlas_panel_add_source (text_sources, ATLAS_RECORD_FIELD_SOURCE (update, "items"));
    }
  gtk_box_append (GTK_BOX (card), atlas_panel_sources_label (dataset, text_sources));

  for (i = 0; i < update->n_districts; i++)
    atlas_panel_link_box_add (districts, selection, ATLAS_SELECTION_DISTRICT,
                              update->districts[i]->id, update->districts[i]->name);
  field = atlas_panel_field_with (_("Districts named"),
                                  atlas_panel_link_box_finish (districts, _("None recorded")));
  if (update->n_districts > 0)
    {
      atlas_panel_add_source (district_sources, ATLAS_RECORD_FIELD_SOURCE (update, "districts"));
      gtk_box_append (GTK_BOX (field), atlas_panel_sources_label (dataset, district_sources));
    }
  gtk_box_append (GTK_BOX (card), field);

  return card;
}

/* Updates are cards in a plain box rather than rows: each shows in full, so there are no
 * details above the list, and the selected one is marked as current. */
static GtkWidget *
atlas_updates_page_create_list (AtlasListPage *page)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
}

static GtkWidget *
build_entry (guint    i,
             gpointer selection)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (selection);

  return build_card (selection, dataset, &atlas_dataset_get_updates (dataset, NULL)[i]);
}

static void
atlas_updates_page_rebuild_list (AtlasListPage *page,
                                 AtlasDataset  *dataset,
                                 GtkWidget     *list)
{
  AtlasSelection *selection = atlas_list_page_get_selection (page);
  guint n = 0;

  if (dataset != NULL)
    atlas_dataset_get_updates (dataset, &n);
  if (n == 0)
    gtk_box_append (GTK_BOX (list), atlas_panel_label (_("No updates recorded"), "dim-label"));
  else
    /* The selection's dataset is this one until the list is rebuilt for the next. */
    atlas_panel_fill_lazily (list, n, build_entry, g_object_ref (selection), g_object_unref);
}

static void
atlas_updates_page_class_init (AtlasUpdatesPageClass *klass)
{
  AtlasListPageClass *page_class = ATLAS_LIST_PAGE_CLASS (klass);

  page_class->kind = ATLAS_SELECTION_UPDATE;
  page_class->heading = N_("Updates");
  page_class->create_list = atlas_updates_page_create_list;
  page_class->rebuild_list = atlas_updates_page_rebuild_list;
}

static void
atlas_updates_page_init (AtlasUpdatesPage *self)
{
}

GtkWidget *
atlas_updates_page_new (AtlasSelection *selection)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  return g_object_new (ATLAS_TYPE_UPDATES_PAGE, "selection", selection, NULL);
}
