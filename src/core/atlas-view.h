/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-geometry.h"

G_BEGIN_DECLS

/* What part of the Web Mercator world lands on a drawing surface. Tiles, the on-screen layers
 * and exports all draw through one of these, so they agree to the pixel. */
typedef struct {
  double origin_x;   /* world units at the surface's left edge */
  double origin_y;   /* world units at the surface's top edge */
  double scale;      /* surface units (pixels or points) per world unit: 256 * 2^zoom for tiles */
  double width;      /* surface size in its units */
  double height;
} AtlasView;

/* The view of a 256×256 tile (z, x, y) in the slippy-map scheme. */
void   atlas_view_init_tile      (AtlasView       *view,
                                  int              zoom,
                                  int              tile_x,
                                  int              tile_y);
/* A view of width × height that frames bbox (lon/lat) with a margin (in surface units). */
void   atlas_view_init_framing   (AtlasView       *view,
                                  const AtlasBBox *bbox,
                                  double           width,
                                  double           height,
                                  double           margin);
/* The fractional slippy-map zoom of this view: log2 (scale / 256). */
double atlas_view_get_zoom       (const AtlasView *view);
/* The lon/lat bounding box the view shows. */
void   atlas_view_get_bbox       (const AtlasView *view,
                                  AtlasBBox       *bbox);
void   atlas_view_world_to_surface (const AtlasView *view,
                                    double           world_x,
                                    double           world_y,
                                    double          *sx,
                                    double          *sy);
void   atlas_view_surface_to_world (const AtlasView *view,
                                    double           sx,
                                    double           sy,
                                    double          *world_x,
                                    double          *world_y);

G_END_DECLS
