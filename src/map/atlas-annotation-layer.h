/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-map-state.h"

G_BEGIN_DECLS

/* The planner's annotations over the map, drawn by core cartography from the map state (as
 * every output draws them), and what a planner does with them: pick one, drag it, edit it in
 * place, delete it, and draw new ones with a tool (a pin or a text box where the map is
 * clicked, an arrow from its tail to its head, an area by clicking its corners). Every change
 * goes to the map state's annotation list as one change, so it can be undone.
 *
 * Input comes from gestures on the map widget (atlas_annotation_layer_attach) in the capture
 * phase: a press the layer takes (on an annotation, or with a drawing tool) is claimed, so the
 * map neither pans nor selects a district; any other press is left to the map. The handlers
 * are public so that tests drive them without a pointer. Coordinates are the layer's, which
 * covers the map widget. */

typedef enum {
  ATLAS_ANNOTATION_TOOL_SELECT,  /* pick, drag, edit: the map's own behaviour otherwise */
  ATLAS_ANNOTATION_TOOL_PIN,
  ATLAS_ANNOTATION_TOOL_TEXT,
  ATLAS_ANNOTATION_TOOL_ARROW,
  ATLAS_ANNOTATION_TOOL_AREA,
} AtlasAnnotationTool;

#define ATLAS_TYPE_ANNOTATION_LAYER (atlas_annotation_layer_get_type ())
G_DECLARE_FINAL_TYPE (AtlasAnnotationLayer, atlas_annotation_layer, ATLAS, ANNOTATION_LAYER,
                      ShumateLayer)

AtlasAnnotationLayer *atlas_annotation_layer_new      (ShumateViewport      *viewport,
                                                       AtlasMapState        *state);
/* Takes presses, drags and motion over map (the ShumateMap this layer is in). */
void                 atlas_annotation_layer_attach    (AtlasAnnotationLayer *self,
                                                       GtkWidget            *map);

/* The tool; drawing tools go back to SELECT once their annotation is made. "tool" notifies. */
void                 atlas_annotation_layer_set_tool  (AtlasAnnotationLayer *self,
                                                       AtlasAnnotationTool   tool);
AtlasAnnotationTool  atlas_annotation_layer_get_tool  (AtlasAnnotationLayer *self);
/* The colour new annotations get. */
void                 atlas_annotation_layer_set_colour (AtlasAnnotationLayer  *self,
                                                        AtlasAnnotationColour  colour);
/* The picked annotation's id, 0 for none ("selected" notifies). */
void                 atlas_annotation_layer_select    (AtlasAnnotationLayer *self,
                                                       guint                 id);
guint                atlas_annotation_layer_get_selected (AtlasAnnotationLayer *self);
/* Opens the editor on an annotation, pointing at it. */
gboolean             atlas_annotation_layer_edit      (AtlasAnnotationLayer *self,
                                                       guint                 id);
GtkPopover          *atlas_annotation_layer_get_editor (AtlasAnnotationLayer *self);
/* Deletes the picked annotation (one change); FALSE when none is picked. */
gboolean             atlas_annotation_layer_delete_selected (AtlasAnnotationLayer *self);
/* Whether an arrow or an area is being drawn; cancel drops it and goes back to SELECT. */
gboolean             atlas_annotation_layer_is_drawing (AtlasAnnotationLayer *self);
gboolean             atlas_annotation_layer_cancel    (AtlasAnnotationLayer *self);

/* The annotation drawn at (x, y): its id, or 0. */
guint                atlas_annotation_layer_get_at    (AtlasAnnotationLayer *self,
                                                       double                x,
                                                       double                y);
/* Where an annotation is drawn now (symbol and label), in the layer's coordinates. */
gboolean             atlas_annotation_layer_get_bounds (AtlasAnnotationLayer *self,
                                                        guint                 id,
                                                        GdkRectangle         *rect);

/* The input handlers. press: TRUE when the layer takes it (then motion and release follow);
 * n_press 2 on an annotation edits it. */
gboolean             atlas_annotation_layer_press     (AtlasAnnotationLayer *self,
                                                       double                x,
                                                       double                y,
                                                       int                   n_press);
void                 atlas_annotation_layer_drag_to   (AtlasAnnotationLayer *self,
                                                       double                x,
                                                       double                y);
void                 atlas_annotation_layer_release   (AtlasAnnotationLayer *self,
                                                       double                x,
                                                       double                y);
/* The pointer over the map, buttons up: the rubber band of an arrow or area being drawn. */
void                 atlas_annotation_layer_hover     (AtlasAnnotationLayer *self,
                                                       double                x,
                                                       double                y);
/* Finishes an area being drawn (three corners at least): what Enter does. */
gboolean             atlas_annotation_layer_finish    (AtlasAnnotationLayer *self);

guint                atlas_annotation_layer_get_paint_count (AtlasAnnotationLayer *self);

G_END_DECLS
