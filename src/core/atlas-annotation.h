/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-geometry.h"

G_BEGIN_DECLS

/* What a planner draws on the map: a pin with a label and an optional note, a text box, an
 * arrow, or an area outlined by its corners. Points are lon/lat (x = longitude, y = latitude).
 *
 * An annotation never changes once made (an edit makes a new one with the same id), and a set
 * of them is an immutable snapshot: the map state, every renderer and every worker thread
 * share them by reference, and the undo history is a list of earlier sets. */

/* What a document or the window accepts: enough for any map, and a bound on the time and
 * memory a hostile document can cost. Lengths are in characters. */
#define ATLAS_ANNOTATION_MAX_LABEL   1000
#define ATLAS_ANNOTATION_MAX_NOTE    10000
#define ATLAS_ANNOTATION_MAX_POINTS  10000
#define ATLAS_ANNOTATION_MAX_COUNT   10000

typedef enum {
  ATLAS_ANNOTATION_PIN,    /* one point; label required */
  ATLAS_ANNOTATION_TEXT,   /* one point, the box's centre; label (the text) required */
  ATLAS_ANNOTATION_ARROW,  /* two points, from tail to head; label optional, at the tail */
  ATLAS_ANNOTATION_AREA,   /* three points or more, the outline's corners; label optional */
} AtlasAnnotationKind;

#define ATLAS_ANNOTATION_N_KINDS (ATLAS_ANNOTATION_AREA + 1)

/* A few colours, each with a shade for light maps and one for dark maps, so that a choice
 * stays legible in both (atlas_annotation_colour_rgb). */
typedef enum {
  ATLAS_ANNOTATION_RED,
  ATLAS_ANNOTATION_BLUE,
  ATLAS_ANNOTATION_GREEN,
  ATLAS_ANNOTATION_PURPLE,
  ATLAS_ANNOTATION_INK,
} AtlasAnnotationColour;

#define ATLAS_ANNOTATION_N_COLOURS (ATLAS_ANNOTATION_INK + 1)

typedef struct {
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  guint id;                       /* unique within its list; 0 until a list takes it */
  AtlasAnnotationKind kind;
  AtlasAnnotationColour colour;
  char *label;                    /* NULL when it has none */
  char *note;                     /* NULL when it has none */
  guint n_points;
  AtlasPoint *points;             /* lon/lat */
} AtlasAnnotation;

/* label and note: NULL or "" for none. The points are copied; no check is made here (see
 * atlas_annotation_check). */
AtlasAnnotation *atlas_annotation_new       (AtlasAnnotationKind    kind,
                                             AtlasAnnotationColour  colour,
                                             const char            *label,
                                             const char            *note,
                                             const AtlasPoint      *points,
                                             guint                  n_points);
AtlasAnnotation *atlas_annotation_ref       (AtlasAnnotation       *self);
void             atlas_annotation_unref     (AtlasAnnotation       *self);
/* A new annotation with the same id, kind, colour and points and this text. */
AtlasAnnotation *atlas_annotation_with_text (const AtlasAnnotation *self,
                                             const char            *label,
                                             const char            *note);
AtlasAnnotation *atlas_annotation_with_colour (const AtlasAnnotation *self,
                                               AtlasAnnotationColour  colour);
/* A new annotation with the same id, moved by (dx, dy) Web Mercator world units: a move keeps
 * its shape as seen on the map. Latitudes stay within what the map can show. */
AtlasAnnotation *atlas_annotation_moved     (const AtlasAnnotation *self,
                                             double                 dx,
                                             double                 dy);
/* Whether the annotation may be shown and saved: its kind's number of points, coordinates on
 * Earth, a label where the kind needs one, lengths within the limits above. NULL when it is
 * fine, else a sentence saying what is wrong (static, untranslated: a document's message). */
const char      *atlas_annotation_check     (const AtlasAnnotation *self);
gboolean         atlas_annotation_equal     (const AtlasAnnotation *a,
                                             const AtlasAnnotation *b);
/* The lon/lat box of its points. */
void             atlas_annotation_get_bbox  (const AtlasAnnotation *self,
                                             AtlasBBox             *bbox);

/* "pin", "text", "arrow", "area": the document's names; FALSE for anything else. */
const char      *atlas_annotation_kind_to_string   (AtlasAnnotationKind    kind);
gboolean         atlas_annotation_kind_from_string (const char            *text,
                                                    AtlasAnnotationKind   *kind);
/* "red", "blue", "green", "purple", "ink". */
const char      *atlas_annotation_colour_to_string   (AtlasAnnotationColour  colour);
gboolean         atlas_annotation_colour_from_string (const char            *text,
                                                      AtlasAnnotationColour *colour);
/* 0xRRGGBB of a colour on a light (dark == FALSE) or dark map. */
guint32          atlas_annotation_colour_rgb         (AtlasAnnotationColour  colour,
                                                      gboolean               dark);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasAnnotation, atlas_annotation_unref)

/* An immutable, reference-counted list of annotations, in drawing order. */
typedef struct _AtlasAnnotationSet AtlasAnnotationSet;

/* Takes a reference to each annotation. */
AtlasAnnotationSet    *atlas_annotation_set_new    (AtlasAnnotation * const *items,
                                                    guint                    n_items);
AtlasAnnotationSet    *atlas_annotation_set_ref    (AtlasAnnotationSet      *self);
void                   atlas_annotation_set_unref  (AtlasAnnotationSet      *self);
guint                  atlas_annotation_set_get_n  (const AtlasAnnotationSet *self);
const AtlasAnnotation *atlas_annotation_set_get    (const AtlasAnnotationSet *self,
                                                    guint                     i);
/* The annotation with that id and its position, or NULL. */
const AtlasAnnotation *atlas_annotation_set_find   (const AtlasAnnotationSet *self,
                                                    guint                     id,
                                                    guint                    *position);
/* Same annotations (by content, ids aside) in the same order. */
gboolean               atlas_annotation_set_equal  (const AtlasAnnotationSet *a,
                                                    const AtlasAnnotationSet *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasAnnotationSet, atlas_annotation_set_unref)

G_END_DECLS
