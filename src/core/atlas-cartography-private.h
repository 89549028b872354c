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

G_END_DECLS
