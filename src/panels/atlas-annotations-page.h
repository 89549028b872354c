/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-annotation-list.h"
#include "atlas-list-page.h"

G_BEGIN_DECLS

/* The planner's annotations, in drawing order: each with its kind, label and note, a button
 * to edit it in place on the map and one to delete it. Activating a row shows the annotation
 * on the map (the window's win.show-annotation); the buttons use win.edit-annotation and
 * win.remove-annotation, all with the annotation's id. */

#define ATLAS_TYPE_ANNOTATIONS_PAGE (atlas_annotations_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasAnnotationsPage, atlas_annotations_page, ATLAS, ANNOTATIONS_PAGE,
                      AtlasListPage)

GtkWidget *atlas_annotations_page_new (AtlasSelection      *selection,
                                       AtlasAnnotationList *annotations);

G_END_DECLS
