/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-annotation-list.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

/* The search box and its results, grouped by kind, each with the words found in bold in the
 * text they were found in. Enter or a click selects a result through the shared selection and
 * clears the search; an indicator colours the map by it (the window's win.thematic action), a
 * headline fact or the system shows the overview (sidebar.show-page), and an annotation is
 * shown on the map (win.show-annotation). "active" is TRUE while there is a query. */

#define ATLAS_TYPE_SEARCH (atlas_search_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSearch, atlas_search, ATLAS, SEARCH, GtkWidget)

GtkWidget *atlas_search_new           (void);
void       atlas_search_set_selection (AtlasSearch    *self,
                                       AtlasSelection *selection);
/* The planner's annotations are searched too, listed first. */
void       atlas_search_set_annotations (AtlasSearch        *self,
                                         AtlasAnnotationList *annotations);
/* Focuses the entry and selects its text. */
void       atlas_search_focus         (AtlasSearch    *self);
void       atlas_search_set_query     (AtlasSearch    *self,
                                       const char     *query);
gboolean   atlas_search_get_active    (AtlasSearch    *self);
guint      atlas_search_get_n_results (AtlasSearch    *self);
/* Selects the first result, as Enter in the entry does; FALSE when there is none. */
gboolean   atlas_search_activate_first (AtlasSearch   *self);

G_END_DECLS
