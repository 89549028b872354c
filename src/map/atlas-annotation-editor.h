/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-annotation.h"

G_BEGIN_DECLS

/* The popover that edits an annotation in place, pointing at it on the map: its label (a text
 * box's text), its note and its colour, with Done and Delete. Nothing changes until Done:
 * "done" then gives the edited copy (same id), which the map state's list takes as one change
 * (one undo step). Closing it any other way (Escape, a click elsewhere) changes nothing. A new
 * pin or text box is made the same way: "done" gives it, and closing drops it. */

#define ATLAS_TYPE_ANNOTATION_EDITOR (atlas_annotation_editor_get_type ())
G_DECLARE_FINAL_TYPE (AtlasAnnotationEditor, atlas_annotation_editor, ATLAS, ANNOTATION_EDITOR,
                      GtkPopover)

GtkWidget             *atlas_annotation_editor_new        (void);
/* Shows annotation's text and colour; is_new hides Delete and names Done "Add". */
void                   atlas_annotation_editor_set        (AtlasAnnotationEditor *self,
                                                           const AtlasAnnotation *annotation,
                                                           gboolean               is_new);
/* The annotation being edited, as it was given. */
const AtlasAnnotation *atlas_annotation_editor_get_annotation (AtlasAnnotationEditor *self);
/* For tests and keyboard users: what Done and Delete do. */
void                   atlas_annotation_editor_set_text   (AtlasAnnotationEditor *self,
                                                           const char            *label,
                                                           const char            *note);
gboolean               atlas_annotation_editor_done       (AtlasAnnotationEditor *self);
void                   atlas_annotation_editor_delete     (AtlasAnnotationEditor *self);

G_END_DECLS
