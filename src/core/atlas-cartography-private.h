/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-cartography.h"

G_BEGIN_DECLS

/* Shared by the districts, the labels and the sites, for every shape on every frame: inline. */

static inline void
_atlas_cartography_set_source_rgb (cairo_t *cr,
                                   guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static inline void
_atlas_cartography_set_source_rgba (cairo_t *cr,
                                    guint32  rgb,
                                    double   alpha)
{
  cairo_set_source_rgba (cr,
                         ((rgb >> 16) & 0xff) / 255.0,
                         ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0,
                         alpha);
}

static inline gboolean
_atlas_cartography_shape_visible (const AtlasShape *shape,
                                  const AtlasView  *view,
                                  double            margin)
{
  AtlasBBox world;

  world.min_x = view->origin_x - margin / view->scale;
  world.min_y = view->origin_y - margin / view->scale;
  world.max_x = view->origin_x + (view->width + margin) / view->scale;
  world.max_y = view->origin_y + (view->height + margin) / view->scale;
  return atlas_bbox_intersects (&shape->projected_bbox, &world);
}

/* Where the point layers (atlas-cartography-points.c) meet the names on the map
 * (atlas-cartography-labels.c). The symbols of sparse layers are obstacles that names keep
 * off, as the sites' are (boxes: four doubles each, x0, y0, x1, y1 in surface units); the
 * names of lone points are candidates placed beside their symbols after the districts' names.
 * A label engine takes the same candidates. */
typedef struct {
  const char *text;   /* the point's name, owned by its layer */
  double x;           /* the symbol's centre and half its size, in surface units */
  double y;
  double radius;
} AtlasPointLabel;

void    _atlas_cartography_points_add_obstacles    (const AtlasView               *view,
                                                    const AtlasCartographyOptions *options,
                                                    GArray                        *boxes);
/* An array of AtlasPointLabel, in the order names should claim their place. */
GArray *_atlas_cartography_points_label_candidates (const AtlasView               *view,
                                                    const AtlasCartographyOptions *options);

G_END_DECLS
