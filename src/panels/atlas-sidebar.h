/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-annotation-list.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

/* The side panel: back and forward, search, and pages for the overview, districts,
 * partnerships, trusts, priorities and updates. It follows the shared selection and switches
 * to the page of whatever is selected.
 *
 * Actions on the widget: sidebar.back (Alt+Left), sidebar.forward (Alt+Right) and
 * sidebar.search (Ctrl+F), with their shortcuts active anywhere in the window;
 * sidebar.show-page (a page's name) and sidebar.open-uri (an http or https address, opened in
 * the desktop's browser; anything else is refused). */

#define ATLAS_TYPE_SIDEBAR (atlas_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSidebar, atlas_sidebar, ATLAS, SIDEBAR, GtkWidget)

GtkWidget      *atlas_sidebar_new             (AtlasSelection *selection);
/* Adds the page of the planner's annotations ("annotations"), and searches them. */
void            atlas_sidebar_set_annotations (AtlasSidebar        *self,
                                               AtlasAnnotationList *annotations);
/* Focuses the search entry. */
void            atlas_sidebar_start_search    (AtlasSidebar   *self);
GtkWidget      *atlas_sidebar_get_search      (AtlasSidebar   *self);
/* "overview", "districts", "partnerships", "trusts", "priorities", "updates" or "annotations"
 * (the "page" property; an unknown name is ignored). */
void            atlas_sidebar_set_page        (AtlasSidebar   *self,
                                               const char     *name);
const char     *atlas_sidebar_get_page        (AtlasSidebar   *self);
/* Moves the focus into the page shown (to the selected record's row or its details). */
void            atlas_sidebar_focus_page      (AtlasSidebar   *self);

G_END_DECLS
