/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-selection.h"

G_BEGIN_DECLS

/* The skeleton of a side panel page: a scrolled column with the selected record's details at
 * the top, then a heading and the list of the records the page is about. The page follows the
 * selection: the list is rebuilt when the dataset changes, the details and the current row are
 * refreshed when the selection changes, and activating a row selects its record (the row's
 * "atlas-id" data). Subclasses set the class fields in class_init and fill in the details and
 * the list. */

#define ATLAS_TYPE_LIST_PAGE (atlas_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (AtlasListPage, atlas_list_page, ATLAS, LIST_PAGE, GtkWidget)

struct _AtlasListPageClass
{
  GtkWidgetClass parent_class;

  /* The kind of record the list holds; activating a row selects a record of this kind. */
  AtlasSelectionKind kind;
  /* The heading above the list, marked with N_ and translated when the page is built; NULL
   * for none (a list that brings its own headings). */
  const char *heading;

  /* Returns the widget that holds the list; the default is atlas_list_page_new_list_box. A
   * plain GtkBox works too: of cards, or of groups holding several list boxes (its children
   * are cleared, and entries marked as current wherever they are inside). */
  GtkWidget  *(*create_list)  (AtlasListPage      *self);
  /* Fills the emptied list; dataset is NULL before one is loaded. Required. */
  void        (*rebuild_list) (AtlasListPage      *self,
                               AtlasDataset       *dataset,
                               GtkWidget          *list);
  /* Appends to details what the page shows of the selected record; FALSE when it shows
   * nothing for that kind (then the details stay hidden). The default shows nothing. */
  gboolean    (*show_details) (AtlasListPage      *self,
                               AtlasSelectionKind  kind,
                               gconstpointer       record,
                               GtkWidget          *details);
  /* The id of the list entry to mark as current for the selected record; the default is the
   * record's id when it is of the page's kind, else NULL. */
  const char *(*current_id)   (AtlasListPage      *self,
                               AtlasSelectionKind  kind,
                               gconstpointer       record);
};

AtlasSelection *atlas_list_page_get_selection (AtlasListPage *self);
/* Empties the list and fills it again: for a page whose records change without the dataset
 * changing (the planner's annotations). */
void            atlas_list_page_refresh       (AtlasListPage *self);
/* Shows the selected record's details again: what they rest on besides the record changed. */
void            atlas_list_page_refresh_details (AtlasListPage *self);
/* A boxed list whose rows select their record (the row's "atlas-id", of the page's kind) when
 * activated; expander rows expand instead. */
GtkWidget      *atlas_list_page_new_list_box  (AtlasListPage *self);

G_END_DECLS
