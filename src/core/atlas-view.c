/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-view.h"

#include <math.h>

void
atlas_view_init_tile (AtlasView *view,
                      int        zoom,
                      int        tile_x,
                      int        tile_y)
{
  view->scale = 256.0 * (double) (1u << CLAMP (zoom, 0, 30));
  view->origin_x = tile_x * 256.0 / view->scale;
  view->origin_y = tile_y * 256.0 / view->scale;
  view->width = 256.0;
  view->height = 256.0;
}

void
atlas_view_init_framing (AtlasView       *view,
                         const AtlasBBox *bbox,
                         double           width,
                         double           height,
                         double           margin)
{
  double x0, y0, x1, y1, sx, sy, inner_w, inner_h;

  /* North is up: the top of the box has the smaller world y. */
  atlas_project (bbox->min_x, bbox->max_y, &x0, &y0);
  atlas_project (bbox->max_x, bbox->min_y, &x1, &y1);

  inner_w = MAX (width - 2 * margin, 1.0);
  inner_h = MAX (height - 2 * margin, 1.0);
  sx = inner_w / MAX (x1 - x0, 1e-12);
  sy = inner_h / MAX (y1 - y0, 1e-12);

  view->scale = MIN (sx, sy);
  view->width = width;
  view->height = height;
  view->origin_x = (x0 + x1) / 2.0 - width / 2.0 / view->scale;
  view->origin_y = (y0 + y1) / 2.0 - height / 2.0 / view->scale;
}

double
atlas_view_get_zoom (const AtlasView *view)
{
  return log2 (view->scale / 256.0);
}

void
atlas_view_get_bbox (const AtlasView *view,
                     AtlasBBox       *bbox)
{
  double lon0, lat0, lon1, lat1;

  atlas_unproject (view->origin_x, view->origin_y, &lon0, &lat0);
  atlas_unproject (view->origin_x + view->width / view->scale,
                   view->origin_y + view->height / view->scale, &lon1, &lat1);
  bbox->min_x = lon0;
  bbox->max_x = lon1;
  bbox->min_y = lat1;
  bbox->max_y = lat0;
}

void
atlas_view_world_to_surface (const AtlasView *view,
                             double           world_x,
                             double           world_y,
                             double          *sx,
                             double          *sy)
{
  *sx = (world_x - view->origin_x) * view->scale;
  *sy = (world_y - view->origin_y) * view->scale;
}

void
atlas_view_surface_to_world (const AtlasView *view,
                             double           sx,
                             double           sy,
                             double          *world_x,
                             double          *world_y)
{
  *world_x = view->origin_x + sx / view->scale;
  *world_y = view->origin_y + sy / view->scale;
}
