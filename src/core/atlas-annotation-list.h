/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-annotation.h"

G_BEGIN_DECLS

/* The annotations of a map, as the map state owns them: the current set (immutable, shared
 * with renderers by reference) and the history of changes for undo and redo. Every change
 * makes a new set, pushes the old one on the undo stack, forgets what could be redone, and
 * emits "changed". Main thread only. */

/* Undo goes back this many changes at most. */
#define ATLAS_ANNOTATION_LIST_MAX_UNDO 500

#define ATLAS_TYPE_ANNOTATION_LIST (atlas_annotation_list_get_type ())
G_DECLARE_FINAL_TYPE (AtlasAnnotationList, atlas_annotation_list, ATLAS, ANNOTATION_LIST,
                      GObject)

AtlasAnnotationList   *atlas_annotation_list_new      (void);
/* The current set; it never changes (a change replaces it), so keep a reference to use it
 * later or in another thread. */
AtlasAnnotationSet    *atlas_annotation_list_get_set  (AtlasAnnotationList *self);
guint                  atlas_annotation_list_get_n    (AtlasAnnotationList *self);
const AtlasAnnotation *atlas_annotation_list_find     (AtlasAnnotationList *self,
                                                       guint                id);

/* Adds a copy of annotation at the end (drawn on top), with a new id; returns that id, or 0
 * (and nothing changes) when atlas_annotation_check () refuses it or the list is full. */
guint                  atlas_annotation_list_add      (AtlasAnnotationList   *self,
                                                       const AtlasAnnotation *annotation);
/* Puts annotation (a changed copy: moved, edited) in the place of the one with its id; FALSE
 * when there is none, when it is refused, or when it is the same (then nothing is recorded). */
gboolean               atlas_annotation_list_replace  (AtlasAnnotationList   *self,
                                                       const AtlasAnnotation *annotation);
gboolean               atlas_annotation_list_remove   (AtlasAnnotationList   *self,
                                                       guint                  id);
/* Replaces everything with set (a document opened): new ids, and the history is cleared, as
 * the previous map's changes do not apply to this one. */
void                   atlas_annotation_list_reset    (AtlasAnnotationList   *self,
                                                       AtlasAnnotationSet    *set);

gboolean               atlas_annotation_list_can_undo (AtlasAnnotationList *self);
gboolean               atlas_annotation_list_can_redo (AtlasAnnotationList *self);
gboolean               atlas_annotation_list_undo     (AtlasAnnotationList *self);
gboolean               atlas_annotation_list_redo     (AtlasAnnotationList *self);

G_END_DECLS
