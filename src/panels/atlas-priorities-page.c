/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-util.h"
#include "atlas-priorities-page.h"
#include "atlas-text.h"

struct _AtlasPrioritiesPage
{
  AtlasListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasPrioritiesPage, atlas_priorities_page, ATLAS_TYPE_LIST_PAGE)

static gboolean
atlas_priorities_page_show_details (AtlasListPage      *page,
                                    AtlasSelectionKind  kind,
                                    gconstpointer       record,
                                    GtkWidget          *box)
{
  AtlasSelection *selection = atlas_list_page_get_selection (page);
  AtlasDataset *dataset = atlas_selection_get_dataset (selection);
  const AtlasPriority *priority = record;
  g_autofree char *number = NULL;
  GtkWidget *owner;
  guint i;

  if (kind != ATLAS_SELECTION_PRIORITY)
    return FALSE;

  number = g_strdup_printf (_("Priority %u"), priority->number);
  gtk_box_append (GTK_BOX (box), atlas_panel_label (number, "dim-label"));
  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (priority->title, "title-2", 6));
  if (priority->group != NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Group"), priority->group));

  owner = atlas_panel_link_box ();
  if (priority->partnership != NULL)
    atlas_panel_link_box_add (owner, selection, ATLAS_SELECTION_PARTNERSHIP,
                              priority->partnership->id, priority->partnership->name);
  else
    gtk_box_append (GTK_BOX (owner), atlas_panel_label (atlas_dataset_get_name (dataset), NULL));
  gtk_box_append (GTK_BOX (box), atlas_panel_field_with (_("Priority of"), owner));

  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Summary"), priority->summary));
  for (i = 0; i < priority->n_sections; i++)
    gtk_box_append (GTK_BOX (box), atlas_panel_section (&priority->sections[i]));

  gtk_box_append (GTK_BOX (box), atlas_panel_source_label (dataset, priority->source));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  return TRUE;
}

static GtkWidget *
build_row (const AtlasPriority *priority)
{
  g_autofree char *title = g_strdup_printf ("%u. %s", priority->number, priority->title);
  g_autofree char *title_line = NULL;
  g_autofree char *summary_line = NULL;
  GtkWidget *row;
  guint i;

  if (priority->n_sections == 0)
    {
      row = atlas_panel_row (title, priority->summary);
      atlas_panel_set_id (row, priority->id);
      return row;
    }

  title_line = atlas_text_one_line (title, ATLAS_TEXT_NAME_CHARS);
  summary_line = atlas_text_one_line (priority->summary, ATLAS_TEXT_NAME_CHARS);
  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_line);
  if (summary_line != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary_line);
  atlas_panel_set_id (row, priority->id);

  for (i = 0; i < priority->n_sections; i++)
    {
      GtkWidget *child = gtk_list_box_row_new ();
      GtkWidget *section = atlas_panel_section (&priority->sections[i]);

      gtk_widget_set_margin_start (section, 12);
      gtk_widget_set_margin_end (section, 12);
      gtk_widget_set_margin_top (section, 12);
      gtk_widget_set_margin_bottom (section, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (child), section);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }

  return row;
}

/* The system's own priorities (not a partnership's), kept with their dataset while the list
 * builds its rows. */
typedef struct {
  AtlasDataset *dataset;
  GPtrArray *priorities;
} SystemPriorities;

static void
system_priorities_free (gpointer data)
{
  SystemPriorities *system = data;

  g_ptr_array_unref (system->priorities);
  g_object_unref (system->dataset);
  g_free (system);
}

static GtkWidget *
build_entry (guint    i,
             gpointer data)
{
  SystemPriorities *system = data;

  return build_row (g_ptr_array_index (system->priorities, i));
}

static void
atlas_priorities_page_rebuild_list (AtlasListPage *page,
                                    AtlasDataset  *dataset,
                                    GtkWidget     *list)
{
  const AtlasPriority *priorities;
  SystemPriorities *system;
  guint n, i;

  if (dataset == NULL)
    return;

  system = g_new0 (SystemPriorities, 1);
  system->dataset = g_object_ref (dataset);
  system->priorities = g_ptr_array_new ();
  priorities = atlas_dataset_get_priorities (dataset, &n);
  for (i = 0; i < n; i++)
    if (priorities[i].partnership == NULL)
      g_ptr_array_add (system->priorities, (gpointer) &priorities[i]);
  atlas_panel_fill_lazily (list, system->priorities->len, build_entry, system,
                           system_priorities_free);

  if (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) == NULL)
    {
      GtkWidget *row = atlas_panel_row (_("Not recorded"), NULL);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

static void
atlas_priorities_page_class_init (AtlasPrioritiesPageClass *klass)
{
  AtlasListPageClass *page_class = ATLAS_LIST_PAGE_CLASS (klass);

  page_class->kind = ATLAS_SELECTION_PRIORITY;
  page_class->heading = N_("The system’s priorities");
  page_class->rebuild_list = atlas_priorities_page_rebuild_list;
  page_class->show_details = atlas_priorities_page_show_details;
}

static void
atlas_priorities_page_init (AtlasPrioritiesPage *self)
{
}

GtkWidget *
atlas_priorities_page_new (AtlasSelection *selection)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  return g_object_new (ATLAS_TYPE_PRIORITIES_PAGE, "selection", selection, NULL);
}
