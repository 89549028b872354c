/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Geographic points are (x = longitude, y = latitude) in WGS84 degrees.
 * Projected points are Web Mercator "world units": x and y in [0, 1], y growing southwards,
 * so that a pixel at zoom z is world * 256 * 2^z. */
typedef struct {
  double x;
  double y;
} AtlasPoint;

typedef struct {
  double min_x;
  double min_y;
  double max_x;
  double max_y;
} AtlasBBox;

/* Up to a few consecutive edges of one ring and their box (world units): edges i in
 * [start, end), each from point i - 1 to point i, the ring's first from its last point (a
 * closed ring's last point is its first, so that edge has no length). A point's distance to
 * the run is at least its distance to the box, and only runs whose box straddles a latitude
 * can cross a horizontal line there, so most runs are passed over whole. */
typedef struct {
  AtlasBBox box;
  guint start;
  guint end;
  guint ring;
} AtlasEdgeRun;

/* A multipolygon stored flat, for cache-friendly drawing and hit-testing.
 * Ring r spans points [ring_start[r], ring_start[r + 1]) and is closed (first == last point).
 * Polygon p spans rings [polygon_start[p], polygon_start[p + 1]); its first ring is the outer
 * ring, the others are holes. */
typedef struct {
  guint n_points;
  AtlasPoint *points;       /* lon/lat */
  AtlasPoint *projected;    /* Web Mercator world units, same indices as points */
  guint n_rings;
  guint *ring_start;        /* n_rings + 1 entries */
  guint n_polygons;
  guint *polygon_start;     /* n_polygons + 1 entries */
  AtlasBBox bbox;           /* lon/lat */
  AtlasBBox projected_bbox; /* world units */
  AtlasPoint label_point;   /* lon/lat of a point well inside the largest polygon */
  /* The pole of inaccessibility, filled on first use by atlas_shape_get_pole (): read it
   * through that function. */
  gsize pole_ready;
  AtlasPoint pole;          /* world units */
  double pole_radius;       /* world units */
  /* The edge runs, built on first use by atlas_shape_get_runs (): read them through it. */
  gsize runs_ready;
  AtlasEdgeRun *runs;
  guint n_runs;
} AtlasShape;

#define ATLAS_MERCATOR_MAX_LATITUDE 85.0511287798

void     atlas_project                (double        lon,
                                       double        lat,
                                       double       *world_x,
                                       double       *world_y);
void     atlas_unproject              (double        world_x,
                                       double        world_y,
                                       double       *lon,
                                       double       *lat);

void     atlas_bbox_init_empty        (AtlasBBox        *bbox);
void     atlas_bbox_extend            (AtlasBBox        *bbox,
                                       double            x,
                                       double            y);
void     atlas_bbox_union             (AtlasBBox        *bbox,
                                       const AtlasBBox  *other);
gboolean atlas_bbox_is_empty          (const AtlasBBox  *bbox);
gboolean atlas_bbox_contains          (const AtlasBBox  *bbox,
                                       double            x,
                                       double            y);
gboolean atlas_bbox_intersects        (const AtlasBBox  *a,
                                       const AtlasBBox  *b);

/* Even-odd test against one ring; points on the boundary may go either way. */
gboolean atlas_ring_contains          (const AtlasPoint *ring,
                                       guint             n_points,
                                       double            x,
                                       double            y);
/* Signed area (shoelace), positive for counter-clockwise rings in x-right/y-up axes. */
double   atlas_ring_signed_area       (const AtlasPoint *ring,
                                       guint             n_points);
/* +1 when c lies left of the line from a to b, -1 right of it, 0 exactly on it (decided
 * exactly, however nearly collinear the points are). */
int      atlas_orientation            (const AtlasPoint *a,
                                       const AtlasPoint *b,
                                       const AtlasPoint *c);
/* Whether two edges of the closed ring (its last point repeats the first) cross each other:
 * each one's ends strictly on either side of the other. Touching at a vertex and running
 * along itself do not count. O(n log n) in the ring's n points, whatever their shape. */
gboolean atlas_ring_crosses_itself    (const AtlasPoint *ring,
                                       guint             n_points);

AtlasShape *atlas_shape_new           (void);
void        atlas_shape_free          (AtlasShape       *shape);
/* Fills projected[], bbox, projected_bbox and label_point from points and the ring tables. */
void        atlas_shape_finish        (AtlasShape       *shape);
/* Inside the outer ring of some polygon and outside that polygon's holes. */
gboolean    atlas_shape_contains      (const AtlasShape *shape,
                                       double            lon,
                                       double            lat);

/* The pole of inaccessibility: the point inside the shape farthest from its edges (world
 * units), and that distance, within precision of the best (polylabel's method). With clip (world
 * units), of the part of the shape inside clip, the distance counting clip's sides as edges.
 * FALSE when no part of the shape is inside (the radius is then 0). Bounded work for any shape. */
gboolean    atlas_shape_find_pole     (const AtlasShape *shape,
                                       const AtlasBBox  *clip,
                                       double            precision,
                                       AtlasPoint       *pole,
                                       double           *radius);
/* The same for the whole shape to 1/500 of its size, computed once on first use and kept with
 * the shape (safe from any thread). A shape with no inside gets its label point, radius 0. */
void        atlas_shape_get_pole      (const AtlasShape *shape,
                                       AtlasPoint       *pole,
                                       double           *radius);

/* The shape's edges in runs, in ring order (see AtlasEdgeRun), built on first use and kept
 * with the shape (safe from any thread). */
const AtlasEdgeRun *atlas_shape_get_runs (const AtlasShape *shape,
                                          guint            *n_runs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasShape, atlas_shape_free)

G_END_DECLS
