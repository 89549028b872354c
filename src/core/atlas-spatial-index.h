/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-geometry.h"

G_BEGIN_DECLS

/* A uniform grid over the bounding boxes of a set of shapes. Each cell lists, in shape order,
 * the shapes whose bounding box touches it, so a lookup tests only a few shapes and, trying
 * them in the same order as a brute-force scan, gives the same answer. */

typedef struct _AtlasSpatialIndex AtlasSpatialIndex;

/* shapes are borrowed and must outlive the index; NULL entries are skipped. */
AtlasSpatialIndex *atlas_spatial_index_new    (const AtlasShape * const *shapes,
                                               guint                      n_shapes);
void               atlas_spatial_index_free   (AtlasSpatialIndex         *index);
/* The index of the first shape containing (lon, lat), or -1. */
int                atlas_spatial_index_locate (AtlasSpatialIndex         *index,
                                               double                     lon,
                                               double                     lat);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSpatialIndex, atlas_spatial_index_free)

G_END_DECLS
