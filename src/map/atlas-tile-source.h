/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-basemap.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TILE_SOURCE (atlas_tile_source_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTileSource, atlas_tile_source, ATLAS, TILE_SOURCE, ShumateMapSource)

/* The offline base map as a libshumate map source: tiles drawn locally in worker threads,
 * zooms 6 to 15. Each style has its own id, so libshumate caches their tiles apart; to
 * restyle the map, set a new source. */
AtlasTileSource   *atlas_tile_source_new       (AtlasBasemapStyle  style);
AtlasBasemapStyle  atlas_tile_source_get_style (AtlasTileSource   *self);
/* Starts drawing a tile in a worker thread before libshumate asks for it (e.g. those of the
 * first view, while the first frame is painted); the request then takes the drawn pixels. */
void               atlas_tile_source_prerender (AtlasTileSource   *self,
                                                int                zoom,
                                                int                x,
                                                int                y);

/* Where a tile drawn ahead stands: not asked for (or already claimed by a request), still being
 * drawn, or drawn and kept for its request. */
typedef enum {
  ATLAS_PRERENDER_NONE,
  ATLAS_PRERENDER_DRAWING,
  ATLAS_PRERENDER_READY,
} AtlasPrerenderState;

AtlasPrerenderState atlas_tile_source_get_prerender_state (AtlasTileSource *self,
                                                           int              zoom,
                                                           int              x,
                                                           int              y);

G_END_DECLS
