/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "atlas-cartography.h"

G_BEGIN_DECLS

/* Annotations on a map: where their symbols and labels go on a surface, how they are drawn,
 * and which one is under a point. The window's annotation layer, the screenshot and copied
 * image (atlas_map_image_render), every export (atlas_export_render: PNG, SVG, PDF, print, the
 * meeting pack) and presenter mode all draw them with this, so they look the same everywhere.
 *
 * Labels and district names. Annotation labels are placed here, in annotation order: beside
 * the pin's head (right, left, above, below), around an arrow's tail, at an area's centre; a
 * label whose place is taken (by another annotation, a site symbol or the edge of the map) goes
 * further out with a leader line to its anchor (a callout). District names then keep clear of
 * every annotation box through atlas_cartography_draw_labels_around (): that is the one hook
 * between the two, and the place for a label placement engine to take both over. */

typedef struct {
  double x0;
  double y0;
  double x1;
  double y1;
} AtlasAnnotationBox;

typedef struct {
  const AtlasAnnotation *annotation;
  AtlasAnnotationBox symbol;     /* the pin's head, the text box, the arrow's or area's extent */
  gboolean has_label;            /* its label (and note) are drawn */
  AtlasAnnotationBox label;      /* the label (a note is not drawn on the map) */
  gboolean callout;              /* the label stands away, joined by a leader line */
  double anchor_x;               /* what the label belongs to, where the leader line starts */
  double anchor_y;
} AtlasAnnotationPlace;

typedef struct _AtlasAnnotationLayout AtlasAnnotationLayout;

/* Places options->annotations on a surface showing view; the text is measured on cr, which
 * atlas_cartography_draw_annotations () must then draw on (or one with the same font setup).
 * dataset (may be NULL) gives the site symbols labels keep off when options->sites is set. */
AtlasAnnotationLayout *atlas_annotation_layout_new   (cairo_t                       *cr,
                                                     const AtlasView               *view,
                                                     AtlasDataset                  *dataset,
                                                     const AtlasCartographyOptions *options);
void                   atlas_annotation_layout_free  (AtlasAnnotationLayout         *self);
guint                  atlas_annotation_layout_get_n (const AtlasAnnotationLayout   *self);
const AtlasAnnotationPlace *atlas_annotation_layout_get (const AtlasAnnotationLayout *self,
                                                         guint                        i);
/* The position of the topmost annotation drawn at (x, y) (its symbol, line, outline or label),
 * or -1. */
int                    atlas_annotation_layout_hit   (const AtlasAnnotationLayout   *self,
                                                     double                         x,
                                                     double                         y);
/* Every symbol and label box, as x0, y0, x1, y1 quadruples, for names to keep clear of. */
GArray                *atlas_annotation_layout_get_boxes (const AtlasAnnotationLayout *self);

/* Draws the annotations of the layout (made for this view and options on cr). */
void     atlas_cartography_draw_annotations  (cairo_t                       *cr,
                                              const AtlasAnnotationLayout   *layout);
/* District names (atlas_cartography_draw_labels_avoiding) kept clear of the annotations of
 * layout (may be NULL) and of n_boxes more boxes. */
void     atlas_cartography_draw_labels_around (cairo_t                       *cr,
                                               const AtlasView               *view,
                                               AtlasDataset                  *dataset,
                                               const AtlasCartographyOptions *options,
                                               const AtlasAnnotationLayout   *layout,
                                               const double                  *boxes,
                                               guint                          n_boxes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasAnnotationLayout, atlas_annotation_layout_free)

G_END_DECLS
