/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-link.h"
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
  gtk_box_append (GTK_BOX (box),
                  atlas_panel_source_label (dataset, ATLAS_RECORD_FIELD_SOURCE (priority, "title")));
  atlas_panel_append_fact (box, _("Group"), priority->group, FALSE, dataset,
                           ATLAS_RECORD_FIELD_SOURCE (priority, "group"));

  owner = atlas_panel_link_box ();
  if (priority->partnership != NULL)
    atlas_panel_link_box_add (owner, selection, ATLAS_SELECTION_PARTNERSHIP,
                              priority->partnership->id, priority->partnership->name);
  else
    gtk_box_append (GTK_BOX (owner), atlas_panel_label (atlas_dataset_get_name (dataset), NULL));
  gtk_box_append (GTK_BOX (box),
                  atlas_panel_fact (_("Priority of"), owner, dataset,
                                    ATLAS_RECORD_FIELD_SOURCE (priority, "partnership")));

  atlas_panel_append_fact (box, _("Summary"), priority->summary, FALSE, dataset,
                           ATLAS_RECORD_FIELD_SOURCE (priority, "summary"));
  for (i = 0; i < priority->n_sections; i++)
    gtk_box_append (GTK_BOX (box), atlas_panel_section (&priority->sections[i]));
  if (priority->n_sections > 0)
    gtk_box_append (GTK_BOX (box),
                    atlas_panel_source_label (dataset,
                                              ATLAS_RECORD_FIELD_SOURCE (priority, "sections")));

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
      /* A priority is read whole: its title is never cut short. */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
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

/* The priorities of one owner (the whole system when partnership is NULL), in the dataset's
 * order, under a heading for each group; FALSE when it has none. */
static gboolean
append_owner (AtlasListPage          *page,
              GtkWidget              *box,
              AtlasDataset           *dataset,
              const AtlasPartnership *partnership)
{
  const AtlasPriority *priorities;
  GtkWidget *rows = NULL;
  const char *group = NULL;
  guint n, i;

  priorities = atlas_dataset_get_priorities (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasPriority *priority = &priorities[i];

      if (priority->partnership != partnership)
        continue;
      /* A new list whenever the group changes (the data keeps groups together). */
      if (rows == NULL || g_strcmp0 (group, priority->group) != 0)
        {
          group = priority->group;
          if (group != NULL)
            {
              GtkWidget *heading = atlas_panel_name_label (group, "heading", 3);

              gtk_widget_add_css_class (heading, "dim-label");
              gtk_widget_set_margin_top (heading, rows != NULL ? 6 : 0);
              gtk_box_append (GTK_BOX (box), heading);
            }
          rows = atlas_list_page_new_list_box (page);
          gtk_box_append (GTK_BOX (box), rows);
        }
      gtk_list_box_append (GTK_LIST_BOX (rows), build_row (priority));
    }

  return rows != NULL;
}

/* The system's own priorities first, then each partnership's, each under its name (a link to
 * the partnership) and grouped as the dataset groups them. */
static void
atlas_priorities_page_rebuild_list (AtlasListPage *page,
                                    AtlasDataset  *dataset,
                                    GtkWidget     *list)
{
  AtlasSelection *selection = atlas_list_page_get_selection (page);
  const AtlasPartnership *partnerships;
  GtkWidget *block;
  guint n, i;

  if (dataset == NULL)
    return;

  block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (block), atlas_panel_label (_("The system’s priorities"), "heading"));
  if (!append_owner (page, block, dataset, NULL))
    gtk_box_append (GTK_BOX (block), atlas_panel_label (_("None recorded for the system as a "
                                                          "whole"), "dim-label"));
  gtk_box_append (GTK_BOX (list), block);

  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  for (i = 0; i < n; i++)
    {
      GtkWidget *heading = atlas_link_new (selection, ATLAS_SELECTION_PARTNERSHIP,
                                           partnerships[i].id, partnerships[i].name);

      block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_add_css_class (gtk_button_get_child (GTK_BUTTON (heading)), "heading");
      gtk_box_append (GTK_BOX (block), heading);
      if (append_owner (page, block, dataset, &partnerships[i]))
        gtk_box_append (GTK_BOX (list), block);
      else
        g_object_unref (g_object_ref_sink (block));
    }
}

static GtkWidget *
atlas_priorities_page_create_list (AtlasListPage *page)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
}

static void
atlas_priorities_page_class_init (AtlasPrioritiesPageClass *klass)
{
  AtlasListPageClass *page_class = ATLAS_LIST_PAGE_CLASS (klass);

  page_class->kind = ATLAS_SELECTION_PRIORITY;
  page_class->heading = NULL;
  page_class->create_list = atlas_priorities_page_create_list;
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
