/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "atlas-geometry.h"
#include "atlas-view.h"

static void
test_projection_round_trip (void)
{
  static const double points[][2] = {
    { -0.4011, 51.6497 }, { 0.0, 0.0 }, { 179.0, -80.0 }, { -179.5, 84.0 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double wx, wy, lon, lat;

      atlas_project (points[i][0], points[i][1], &wx, &wy);
      g_assert_cmpfloat (wx, >=, 0.0);
      g_assert_cmpfloat (wx, <=, 1.0);
      g_assert_cmpfloat (wy, >=, 0.0);
      g_assert_cmpfloat (wy, <=, 1.0);
      atlas_unproject (wx, wy, &lon, &lat);
      g_assert_cmpfloat_with_epsilon (lon, points[i][0], 1e-9);
      g_assert_cmpfloat_with_epsilon (lat, points[i][1], 1e-9);
    }
}

static void
test_projection_known_values (void)
{
  double wx, wy;

  atlas_project (0.0, 0.0, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (wy, 0.5, 1e-12);

  /* Central London falls in tile (16372, 10896) of the slippy-map scheme at zoom 15. */
  atlas_project (-0.1276, 51.5072, &wx, &wy);
  g_assert_cmpint ((int) floor (wx * (1 << 15)), ==, 16372);
  g_assert_cmpint ((int) floor (wy * (1 << 15)), ==, 10896);
}

/* A square of side 10 with a square hole of side 4 in the middle, and an island inside the hole. */
static AtlasShape *
make_square_with_hole (void)
{
  static const AtlasPoint pts[] = {
    { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 }, { 0, 0 },
    { 3, 3 }, { 3, 7 }, { 7, 7 }, { 7, 3 }, { 3, 3 },
    { 4.5, 4.5 }, { 5.5, 4.5 }, { 5.5, 5.5 }, { 4.5, 5.5 }, { 4.5, 4.5 },
  };
  AtlasShape *shape = atlas_shape_new ();

  shape->n_points = G_N_ELEMENTS (pts);
  shape->points = g_memdup2 (pts, sizeof pts);
  shape->n_rings = 3;
  shape->ring_start = g_new (guint, 4);
  shape->ring_start[0] = 0;
  shape->ring_start[1] = 5;
  shape->ring_start[2] = 10;
  shape->ring_start[3] = 15;
  shape->n_polygons = 2;
  shape->polygon_start = g_new (guint, 3);
  shape->polygon_start[0] = 0;
  shape->polygon_start[1] = 2;
  shape->polygon_start[2] = 3;
  atlas_shape_finish (shape);

  return shape;
}

/* The edge runs: every edge of every ring in exactly one run, in ring order, inside the run's
 * box; kept with the shape, and built again when the shape is finished again. */
static void
test_shape_runs (void)
{
  g_autoptr(AtlasShape) shape = make_square_with_hole ();
  const AtlasEdgeRun *runs;
  guint n_runs, next = 0, n_again;

  runs = atlas_shape_get_runs (shape, &n_runs);
  g_assert_cmpuint (n_runs, >=, shape->n_rings);
  for (guint k = 0; k < n_runs; k++)
    {
      const AtlasEdgeRun *run = &runs[k];
      guint first = shape->ring_start[run->ring], last = shape->ring_start[run->ring + 1] - 1;

      g_assert_cmpuint (run->start, ==, next);
      g_assert_cmpuint (run->end, >, run->start);
      g_assert_cmpuint (run->end, <=, last + 1);
      for (guint i = run->start; i < run->end; i++)
        {
          const AtlasPoint *a = &shape->projected[i == first ? last : i - 1];
          const AtlasPoint *b = &shape->projected[i];

          g_assert_true (atlas_bbox_contains (&run->box, a->x, a->y));
          g_assert_true (atlas_bbox_contains (&run->box, b->x, b->y));
        }
      next = run->end;
    }
  g_assert_cmpuint (next, ==, shape->n_points);
  g_assert_true (atlas_shape_get_runs (shape, &n_again) == runs);
  g_assert_cmpuint (n_again, ==, n_runs);

  /* Moved and finished again: the runs follow the points. */
  for (guint i = 0; i < shape->n_points; i++)
    shape->points[i].x += 20;
  atlas_shape_finish (shape);
  runs = atlas_shape_get_runs (shape, &n_runs);
  for (guint k = 0; k < n_runs; k++)
    g_assert_true (atlas_bbox_contains (&runs[k].box, shape->projected[runs[k].start].x,
                                        shape->projected[runs[k].start].y));
}

static void
test_shape_contains_with_holes (void)
{
  g_autoptr(AtlasShape) shape = make_square_with_hole ();

  g_assert_true (atlas_shape_contains (shape, 1, 1));
  g_assert_true (atlas_shape_contains (shape, 9, 5));
  g_assert_false (atlas_shape_contains (shape, 4, 4));    /* in the hole */
  g_assert_true (atlas_shape_contains (shape, 5, 5));     /* on the island in the hole */
  g_assert_false (atlas_shape_contains (shape, 11, 5));   /* outside */
  g_assert_false (atlas_shape_contains (shape, -1, -1));

  g_assert_cmpfloat (shape->bbox.min_x, ==, 0);
  g_assert_cmpfloat (shape->bbox.max_y, ==, 10);
  g_assert_true (atlas_shape_contains (shape, shape->label_point.x, shape->label_point.y));
}

/* One polygon from lon/lat points near the equator, where a degree is 1/360 of a world unit
 * either way (to a few parts in ten thousand). */
static AtlasShape *
make_polygon (const AtlasPoint *pts,
              guint             n)
{
  AtlasShape *shape = atlas_shape_new ();

  shape->n_points = n;
  shape->points = g_memdup2 (pts, n * sizeof *pts);
  shape->n_rings = 1;
  shape->ring_start = g_new (guint, 2);
  shape->ring_start[0] = 0;
  shape->ring_start[1] = n;
  shape->n_polygons = 1;
  shape->polygon_start = g_new (guint, 2);
  shape->polygon_start[0] = 0;
  shape->polygon_start[1] = 1;
  atlas_shape_finish (shape);
  return shape;
}

static void
to_lonlat (const AtlasPoint *world,
           double           *lon,
           double           *lat)
{
  atlas_unproject (world->x, world->y, lon, lat);
}

#define DEGREE (1.0 / 360.0)

static void
test_shape_pole (void)
{
  static const AtlasPoint rectangle[] = { { 0, 0 }, { 4, 0 }, { 4, 1 }, { 0, 1 }, { 0, 0 } };
  /* A U: its middle is in the notch, its pole in a corner of the bottom bar. */
  static const AtlasPoint u[] = {
    { 0, 0 }, { 3, 0 }, { 3, 3 }, { 2, 3 }, { 2, 1 }, { 1, 1 }, { 1, 3 }, { 0, 3 }, { 0, 0 },
  };
  g_autoptr(AtlasShape) rect = make_polygon (rectangle, G_N_ELEMENTS (rectangle));
  g_autoptr(AtlasShape) ushape = make_polygon (u, G_N_ELEMENTS (u));
  g_autoptr(AtlasShape) holed = make_square_with_hole ();
  AtlasPoint pole, again;
  AtlasBBox clip;
  double radius, radius_again, lon, lat;

  /* A rectangle: its centre, half its height. */
  atlas_shape_get_pole (rect, &pole, &radius);
  to_lonlat (&pole, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lat, 0.5, 0.05);
  g_assert_cmpfloat (lon, >, 0.5);
  g_assert_cmpfloat (lon, <, 3.5);
  g_assert_cmpfloat_with_epsilon (radius / DEGREE, 0.5, 0.02);
  /* Kept: the same answer again. */
  atlas_shape_get_pole (rect, &again, &radius_again);
  g_assert_cmpfloat (again.x, ==, pole.x);
  g_assert_cmpfloat (radius_again, ==, radius);

  /* Its part left of longitude 1: the middle of that square. */
  atlas_project (-1, 2, &clip.min_x, &clip.min_y);
  atlas_project (1, -2, &clip.max_x, &clip.max_y);
  g_assert_true (atlas_shape_find_pole (rect, &clip, DEGREE / 1000, &pole, &radius));
  to_lonlat (&pole, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 0.5, 0.01);
  g_assert_cmpfloat_with_epsilon (lat, 0.5, 0.01);
  g_assert_cmpfloat_with_epsilon (radius / DEGREE, 0.5, 0.01);

  /* Nothing of it inside a box elsewhere. */
  atlas_project (10, 2, &clip.min_x, &clip.min_y);
  atlas_project (11, 1, &clip.max_x, &clip.max_y);
  g_assert_false (atlas_shape_find_pole (rect, &clip, DEGREE / 1000, &pole, &radius));
  g_assert_cmpfloat (radius, ==, 0);

  /* The U: inside, not in the notch, as far from the edges as a corner of the bar allows
   * (√2 / (1 + √2) of the bar's height). */
  g_assert_true (atlas_shape_find_pole (ushape, NULL, DEGREE / 1000, &pole, &radius));
  to_lonlat (&pole, &lon, &lat);
  g_assert_true (atlas_shape_contains (ushape, lon, lat));
  g_assert_cmpfloat (lat, <, 1);
  g_assert_cmpfloat_with_epsilon (radius / DEGREE, G_SQRT2 / (1 + G_SQRT2), 0.01);

  /* With a hole: inside the ring around it. */
  atlas_shape_get_pole (holed, &pole, &radius);
  to_lonlat (&pole, &lon, &lat);
  g_assert_true (atlas_shape_contains (holed, lon, lat));
  g_assert_false (lon > 3 && lon < 7 && lat > 3 && lat < 7);
  g_assert_cmpfloat (radius, >, 0);
}

static void
test_ring_area (void)
{
  static const AtlasPoint ccw[] = { { 0, 0 }, { 2, 0 }, { 2, 2 }, { 0, 2 }, { 0, 0 } };
  static const AtlasPoint cw[] = { { 0, 0 }, { 0, 2 }, { 2, 2 }, { 2, 0 }, { 0, 0 } };

  g_assert_cmpfloat_with_epsilon (atlas_ring_signed_area (ccw, 5), 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (atlas_ring_signed_area (cw, 5), -4.0, 1e-12);
}

static void
test_bbox (void)
{
  AtlasBBox a, b;

  atlas_bbox_init_empty (&a);
  g_assert_true (atlas_bbox_is_empty (&a));
  atlas_bbox_extend (&a, 1, 2);
  atlas_bbox_extend (&a, 3, -1);
  g_assert_false (atlas_bbox_is_empty (&a));
  g_assert_true (atlas_bbox_contains (&a, 2, 0));
  g_assert_false (atlas_bbox_contains (&a, 4, 0));

  b = (AtlasBBox) { 2.5, 1.5, 5, 5 };
  g_assert_true (atlas_bbox_intersects (&a, &b));
  b = (AtlasBBox) { 3.5, 1.5, 5, 5 };
  g_assert_false (atlas_bbox_intersects (&a, &b));
}

static void
test_view_tile_and_framing (void)
{
  AtlasView view;
  AtlasBBox herts = { -0.75, 51.6, 0.4, 52.1 };
  AtlasBBox shown;
  double sx, sy, wx, wy;

  atlas_view_init_tile (&view, 9, 255, 170);
  g_assert_cmpfloat_with_epsilon (atlas_view_get_zoom (&view), 9.0, 1e-12);
  atlas_view_world_to_surface (&view, view.origin_x, view.origin_y, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, 0.0, 1e-9);

  atlas_view_init_framing (&view, &herts, 1280, 800, 20);
  atlas_view_get_bbox (&view, &shown);
  g_assert_cmpfloat (shown.min_x, <=, herts.min_x);
  g_assert_cmpfloat (shown.max_x, >=, herts.max_x);
  g_assert_cmpfloat (shown.min_y, <=, herts.min_y);
  g_assert_cmpfloat (shown.max_y, >=, herts.max_y);

  atlas_view_surface_to_world (&view, 100, 200, &wx, &wy);
  atlas_view_world_to_surface (&view, wx, wy, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 100, 1e-6);
  g_assert_cmpfloat_with_epsilon (sy, 200, 1e-6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geometry/projection/round-trip", test_projection_round_trip);
  g_test_add_func ("/geometry/projection/known-values", test_projection_known_values);
  g_test_add_func ("/geometry/shape/holes", test_shape_contains_with_holes);
  g_test_add_func ("/geometry/shape/pole", test_shape_pole);
  g_test_add_func ("/geometry/shape/runs", test_shape_runs);
  g_test_add_func ("/geometry/ring/area", test_ring_area);
  g_test_add_func ("/geometry/bbox", test_bbox);
  g_test_add_func ("/geometry/view", test_view_tile_and_framing);

  return g_test_run ();
}
