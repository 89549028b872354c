/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The GB local authority districts of 2013 (data/basemap/gb-lad-2013.topo.json, 380 districts)
 * read with json-glib, and the pieces of a dataset the benchmarks' generated systems share:
 * the boundary file's features and the dataset's header. */

#include <json-glib/json-glib.h>

#include "atlas-geometry.h"

G_BEGIN_DECLS

typedef struct {
  char *code;              /* LAD13CD, the GSS code: E07000103 */
  char *old_code;          /* LAD13CDO, the older ONS code: 26UK */
  char *name;              /* LAD13NM */
  GPtrArray *polygons;     /* of GPtrArray of GArray of AtlasPoint: outer ring, then holes */
  AtlasBBox bbox;
} BenchGbDistrict;

/* The districts in the file's order, or NULL with error set. */
GPtrArray *bench_gb_read_districts    (const char        *topo_path,
                                       GError           **error);

/* Coordinates as they are written: to 1e-6 degrees. */
double     bench_gb_round             (double             v);

/* Takes the twists out of a closed ring (its last point repeats the first) in place: while
 * two edges AB and CD cross, the path from B to C is reversed, so that the ring runs A, C …
 * B, D (a "2-opt" move: the outline moves by the two small triangles at the crossing, and
 * the ring gets shorter each time, so this ends). Returns the number of moves, or -1 when
 * max_moves were not enough. */
int        bench_gb_untwist_ring      (AtlasPoint        *ring,
                                       guint              n_points,
                                       int                max_moves);

/* A shape put together ring by ring: each outer ring starts a polygon, its holes follow. */
typedef struct {
  GArray *points;
  GArray *ring_start;
  GArray *polygon_start;
} BenchGbShapeBuilder;

void        bench_gb_shape_init       (BenchGbShapeBuilder *builder);
void        bench_gb_shape_add_ring   (BenchGbShapeBuilder *builder,
                                       const AtlasPoint    *points,
                                       guint                n_points,
                                       gboolean             outer);
/* The finished shape (NULL when no ring was added); the builder is emptied. */
AtlasShape *bench_gb_shape_finish     (BenchGbShapeBuilder *builder);

/* One GeoJSON Feature (a MultiPolygon with property "code") appended to out, with a comma
 * and a line break before it unless it is the first. */
void       bench_gb_append_feature    (GString           *out,
                                       gboolean           first,
                                       const char        *code,
                                       const AtlasShape  *shape);
/* The FeatureCollection around the features: call with opening TRUE before them, FALSE
 * after. */
void       bench_gb_append_collection (GString           *out,
                                       gboolean           opening);

void       bench_gb_add_string        (JsonBuilder       *b,
                                       const char        *member,
                                       const char        *value);
/* Into an open object: format, id, system, boundaries (code_property "code") and the two
 * sources, "structure" (what the records cite) and "boundaries" (with the licence line). */
void       bench_gb_add_header        (JsonBuilder       *b,
                                       const char        *id,
                                       const char        *name,
                                       const char        *short_name,
                                       const char        *boundary_file,
                                       const char        *structure_title,
                                       const char        *boundary_title);
/* The dataset pretty-printed, its boundary file beside it; FALSE with error set. */
gboolean   bench_gb_write_files       (JsonBuilder       *b,
                                       const char        *dataset_path,
                                       GString           *geojson,
                                       const char        *geojson_path,
                                       GError           **error);

G_END_DECLS
