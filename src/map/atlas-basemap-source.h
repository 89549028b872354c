/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-basemap.h"

G_BEGIN_DECLS

/* The offline base map as a libshumate map source: each tile is drawn by the bundled base map
 * in a worker thread. One source per style, since libshumate cannot invalidate tiles. */

#define ATLAS_TYPE_BASEMAP_SOURCE (atlas_basemap_source_get_type ())
G_DECLARE_FINAL_TYPE (AtlasBasemapSource, atlas_basemap_source, ATLAS, BASEMAP_SOURCE,
                      ShumateMapSource)

AtlasBasemapSource *atlas_basemap_source_new (AtlasBasemapStyle style);

G_END_DECLS
