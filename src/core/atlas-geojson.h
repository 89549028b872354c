/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-geometry.h"
#include "atlas-json.h"
#include "atlas-problems.h"

G_BEGIN_DECLS

/* Reads the district boundaries of a GeoJSON FeatureCollection whose features carry Polygon or
 * MultiPolygon geometry. Rings must be closed, have at least four positions, stay within
 * longitude [-180, 180] and latitude [-90, 90], and not cross themselves (see
 * atlas_ring_crosses_itself); polygons and multipolygons must not be empty; at most
 * ATLAS_GEOJSON_MAX_POSITIONS positions in all. Problems go to `problems` (file rank 1) under
 * display_name. */

#define ATLAS_GEOJSON_MAX_POSITIONS 2000000

/* Returns a table from each feature's code (its string property code_property) to its
 * finished AtlasShape, owned by the table; NULL for a feature whose geometry has problems.
 * The codes point into root's document. */
GHashTable *atlas_geojson_read_boundaries (const AtlasJsonNode *root,
                                           const char          *display_name,
                                           const char          *code_property,
                                           AtlasProblems       *problems);

G_END_DECLS
