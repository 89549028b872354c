/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-cartography.h"
#include "atlas-points.h"

G_BEGIN_DECLS

/* A planner's points as the map draws them: a symbol of a chosen shape and colour per point,
 * decluttered. Immutable once made, so the window, its worker threads and every output share
 * one.
 *
 * Decluttering: the map is cut into a grid of ATLAS_POINT_CELL surface units (pixels on
 * screen, design units in an export), anchored in world coordinates so that a cell does not
 * change while the map pans. Each cell with points in it shows one symbol: a lone point's
 * where it is, several points' as a round badge in the cell's middle with how many they are
 * (its details are the first point's in the file's order). Zoomed in far enough, every point
 * has a cell of its own and a plain symbol. The grid is made for
 * each view in O(points), from Web Mercator coordinates projected once when the layer is made.
 * Points outside every district are drawn like the others; their popover says so. */

typedef enum {
  ATLAS_POINT_SHAPE_CIRCLE,
  ATLAS_POINT_SHAPE_SQUARE,
  ATLAS_POINT_SHAPE_TRIANGLE,
  ATLAS_POINT_SHAPE_DIAMOND,
  ATLAS_POINT_N_SHAPES,
} AtlasPointShape;

/* A grid cell's side, and a lone point's symbol, in surface units. */
#define ATLAS_POINT_CELL 24.0
#define ATLAS_POINT_SYMBOL_SIZE 10.0

/* A symbol drawn for a view: a point, or a cell's points. */
typedef struct {
  guint index;        /* the point drawn (a cell's first), in atlas_points_get_places () order */
  guint count;        /* how many points of the cell it stands for */
  double x;           /* where, in the view's surface units: the point, or the cell's middle */
  double y;
} AtlasPointCluster;

#define ATLAS_TYPE_POINT_LAYER (atlas_point_layer_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPointLayer, atlas_point_layer, ATLAS, POINT_LAYER, GObject)

AtlasPointLayer *atlas_point_layer_new        (AtlasPoints     *points,
                                               guint32          colour,
                                               AtlasPointShape  shape);
AtlasPoints     *atlas_point_layer_get_points (AtlasPointLayer *self);
guint32          atlas_point_layer_get_colour (AtlasPointLayer *self);
AtlasPointShape  atlas_point_layer_get_shape  (AtlasPointLayer *self);

/* The symbols of the view (and margin surface units around it), cell by cell: an array of
 * AtlasPointCluster. */
GArray          *atlas_point_layer_cluster    (AtlasPointLayer *self,
                                               const AtlasView *view,
                                               double           margin);
/* The symbol drawn at (x, y) in the view's surface units (the nearest within its size and a
 * few units), or FALSE. */
gboolean         atlas_point_layer_find_at    (AtlasPointLayer   *self,
                                               const AtlasView   *view,
                                               double             x,
                                               double             y,
                                               AtlasPointCluster *cluster);
/* The side of the symbol of a cluster of count points. */
double           atlas_point_cluster_size     (guint             count);

/* One symbol: the shape in the colour with a thin edge, as the map, the window's legend and
 * the exports' legend draw it. */
void             atlas_cartography_draw_point_symbol (cairo_t         *cr,
                                                      AtlasPointShape  shape,
                                                      guint32          colour,
                                                      double           x,
                                                      double           y,
                                                      double           size,
                                                      AtlasTheme       theme);

/* "circle", "square", "triangle", "diamond": the names settings and documents keep. */
const char      *atlas_point_shape_to_string   (AtlasPointShape  shape);
gboolean         atlas_point_shape_from_string (const char      *text,
                                                AtlasPointShape *shape);
/* The colours offered for point layers (Okabe and Ito's, without the sites' red), and the
 * default of the i-th layer added. */
const guint32   *atlas_point_layer_get_colours (guint *n);
guint32          atlas_point_layer_default_colour (guint i);

G_END_DECLS
