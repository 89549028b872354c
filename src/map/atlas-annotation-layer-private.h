/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-annotation-layer.h"
#include "atlas-annotation-layout.h"

G_BEGIN_DECLS

/* A press that moves less than this (pixels) is a click. */
#define ANNOTATION_CLICK_SLOP 4.0
/* A click this near an area's first corner closes it (pixels). */
#define ANNOTATION_CLOSE_SLOP 8.0

struct _AtlasAnnotationLayer
{
  ShumateLayer parent_instance;

  AtlasMapState *state;
  AtlasAnnotationTool tool;
  AtlasAnnotationColour colour;
  guint selected;                /* an annotation's id, or 0 */
  GtkWidget *editor;             /* AtlasAnnotationEditor */
  guint editing;                 /* the id being edited, 0 for a new one or none */

  /* A press taken: where, on what, and whether it has become a drag. */
  gboolean pressed;
  double press_x;
  double press_y;
  guint press_id;
  gboolean dragging;
  AtlasAnnotationSet *preview;   /* while dragging: the annotations, the dragged one moved */

  /* An arrow or area being drawn: its points (lon/lat) and where the pointer is. */
  GArray *drawing;               /* AtlasPoint */
  gboolean has_pointer;
  double pointer_x;
  double pointer_y;

  /* The layout hit-tests are made on, kept while the view, the annotations and the theme stay
   * as they were: the pointer's every move asks what is under it. */
  AtlasAnnotationLayout *hit_layout;
  AtlasAnnotationSet *hit_set;   /* a reference to what it was made of */
  AtlasView hit_view;
  AtlasTheme hit_theme;

  guint paint_count;
};

/* atlas-annotation-layer.c */
/* The layout of what is shown now: the state's annotations, or the preview while one is
 * dragged. NULL before the layer has a size. */
AtlasAnnotationLayout *_atlas_annotation_layer_layout (AtlasAnnotationLayer *self,
                                                       cairo_t              *cr,
                                                       AtlasView            *view);
void                   _atlas_annotation_layer_surface_to_point (AtlasAnnotationLayer *self,
                                                                 double                x,
                                                                 double                y,
                                                                 AtlasPoint           *point);
/* Opens the editor on annotation, pointing at rect; is_new for one not yet in the list. */
void                   _atlas_annotation_layer_open_editor (AtlasAnnotationLayer  *self,
                                                            const AtlasAnnotation *annotation,
                                                            gboolean               is_new,
                                                            const GdkRectangle    *rect);

G_END_DECLS
