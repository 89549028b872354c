/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-summary.h"
#include "atlas-panel-util.h"

static GtkWidget *build_fact (AtlasSelection *selection, const AtlasSummaryFact *fact);

static gboolean
has (const AtlasSummaryFact *fact,
     gboolean                groups)
{
  for (guint i = 0; i < fact->entries->len; i++)
    {
      const AtlasSummaryEntry *entry = g_ptr_array_index (fact->entries, i);

      if (groups ? entry->group != NULL : entry->items != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
add_link (GtkWidget               *links,
          AtlasSelection          *selection,
          const AtlasSummaryEntry *entry)
{
  if (entry->kind == ATLAS_SELECTION_NONE)
    gtk_box_append (GTK_BOX (links), atlas_panel_label (entry->text, NULL));
  else
    atlas_panel_link_box_add (links, selection, entry->kind, entry->id, entry->text);
}

/* Entries under a heading whenever their group changes (the data keeps groups together). */
static GtkWidget *
build_grouped (AtlasSelection         *selection,
               const AtlasSummaryFact *fact)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *links = NULL;
  const char *group = NULL;

  for (guint i = 0; i < fact->entries->len; i++)
    {
      const AtlasSummaryEntry *entry = g_ptr_array_index (fact->entries, i);

      if (links == NULL || g_strcmp0 (group, entry->group) != 0)
        {
          GtkWidget *group_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

          group = entry->group;
          links = atlas_panel_link_box ();
          gtk_box_append (GTK_BOX (group_box),
                          atlas_panel_name_label (group != NULL ? group : fact->label,
                                                  "heading", 3));
          gtk_box_append (GTK_BOX (group_box), links);
          gtk_box_append (GTK_BOX (box), group_box);
        }
      add_link (links, selection, entry);
    }
  return box;
}

/* Each entry with the items that name the record under it: an update and what it says. */
static GtkWidget *
build_with_items (AtlasSelection         *selection,
                  const AtlasSummaryFact *fact)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  for (guint i = 0; i < fact->entries->len; i++)
    {
      const AtlasSummaryEntry *entry = g_ptr_array_index (fact->entries, i);
      GtkWidget *links = atlas_panel_link_box ();

      add_link (links, selection, entry);
      gtk_box_append (GTK_BOX (box), links);
      if (entry->items != NULL)
        gtk_box_append (GTK_BOX (box),
                        atlas_panel_bullets ((const char * const *) entry->items->pdata,
                                             entry->items->len));
    }
  return box;
}

static GtkWidget *
build_list (AtlasSelection         *selection,
            const AtlasSummaryFact *fact)
{
  GtkWidget *links;

  if (fact->entries->len == 0)
    return atlas_panel_link_box_finish (atlas_panel_link_box (), fact->empty);
  if (has (fact, TRUE))
    return build_grouped (selection, fact);
  if (has (fact, FALSE))
    return build_with_items (selection, fact);
  links = atlas_panel_link_box ();
  for (guint i = 0; i < fact->entries->len; i++)
    add_link (links, selection, g_ptr_array_index (fact->entries, i));
  return atlas_panel_link_box_finish (links, fact->empty);
}

/* An indicator: the figure large, the area it is for, the note. */
static GtkWidget *
build_figure (const AtlasSummaryFact *fact)
{
  GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (item), atlas_panel_label (fact->value, "title-4"));
  if (fact->area != NULL)
    gtk_box_append (GTK_BOX (item), atlas_panel_label (fact->area, NULL));
  if (fact->note != NULL)
    gtk_box_append (GTK_BOX (item), atlas_panel_label (fact->note, "dim-label"));
  return item;
}

static GtkWidget *
build_group (AtlasSelection         *selection,
             const AtlasSummaryFact *fact)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  for (guint i = 0; i < fact->children->len; i++)
    gtk_box_append (GTK_BOX (box), build_fact (selection, g_ptr_array_index (fact->children, i)));
  if (fact->children->len == 0)
    gtk_box_append (GTK_BOX (box), atlas_panel_not_recorded ());
  return box;
}

static GtkWidget *
build_fact (AtlasSelection         *selection,
            const AtlasSummaryFact *fact)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (selection);
  GtkWidget *field;

  switch (fact->kind)
    {
    case ATLAS_SUMMARY_LIST:
      field = atlas_panel_field_with (fact->label, build_list (selection, fact));
      break;
    case ATLAS_SUMMARY_FIGURE:
      field = atlas_panel_field_with (fact->label, build_figure (fact));
      break;
    case ATLAS_SUMMARY_GROUP:
      /* Each member carries its own sources. */
      return atlas_panel_field_with (fact->label, build_group (selection, fact));
    case ATLAS_SUMMARY_SECTION:
      field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (field), atlas_panel_section (fact->section));
      break;
    case ATLAS_SUMMARY_TEXT:
    default:
      if (fact->value == NULL)
        return atlas_panel_field (fact->label, NULL);
      field = atlas_panel_field (fact->label, fact->value);
      break;
    }
  /* "Not recorded" rests on nothing: no source under it. */
  if (fact->sources->len > 0)
    gtk_box_append (GTK_BOX (field), atlas_panel_sources_label (dataset, fact->sources));
  return field;
}

void
atlas_panel_append_summary (GtkWidget                *box,
                            AtlasSelection           *selection,
                            const AtlasRecordSummary *summary)
{
  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (ATLAS_IS_SELECTION (selection));
  g_return_if_fail (summary != NULL);

  for (guint i = 0; i < summary->facts->len; i++)
    gtk_box_append (GTK_BOX (box), build_fact (selection, g_ptr_array_index (summary->facts, i)));
}
