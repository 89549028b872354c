/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Times the base-map tiles over Hertfordshire, West Essex and London at zooms 6, 9, 12 and
 * 15, and as a baseline measured in the same run, filling a plain 256×256 ARGB32 surface
 * with one colour through cairo. Prints median and 95th percentile per zoom. */

#include <stdio.h>
#include <time.h>

#include "atlas-basemap.h"
#include "atlas-geometry.h"

#define MAX_TILES 400
#define ROUNDS 3

static const AtlasBBox region = { -0.80, 51.25, 0.65, 52.10 };

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
summarise (GArray *times,
           double *median,
           double *p95)
{
  g_array_sort (times, compare_doubles);
  *median = g_array_index (times, double, times->len / 2);
  *p95 = g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * 0.95)));
}

static double
baseline_fill (guint8 *pixels)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double median, p95;

  for (int i = 0; i < 2000; i++)
    {
      double t0 = now_ms ();
      cairo_surface_t *surface = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32,
                                                                      256, 256, 1024);
      cairo_t *cr = cairo_create (surface);
      double t;

      cairo_set_source_rgb (cr, 0.86, 0.9, 0.92);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      cairo_surface_destroy (surface);
      t = now_ms () - t0;
      g_array_append_val (times, t);
    }
  summarise (times, &median, &p95);
  return median;
}

int
main (int    argc,
      char **argv)
{
  static const int zooms[] = { 6, 9, 12, 15 };
  AtlasBasemap *map = atlas_basemap_get_default ();
  g_autofree guint8 *pixels = g_malloc (256 * 1024);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  double base;

  if (map == NULL)
    return 1;
  base = baseline_fill (pixels);
  printf ("baseline: plain 256x256 ARGB32 cairo fill, median %.4f ms\n", base);
  printf ("%-5s %6s %10s %10s %10s %10s\n", "zoom", "tiles", "median ms", "p95 ms",
          "median/x", "p95/x");

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      int z = zooms[i];
      double wx0, wy0, wx1, wy1, median, p95;
      int x0, y0, x1, y1, n;
      g_autoptr(GArray) tiles = g_array_new (FALSE, FALSE, sizeof (int) * 2);
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

      atlas_project (region.min_x, region.max_y, &wx0, &wy0);
      atlas_project (region.max_x, region.min_y, &wx1, &wy1);
      n = 1 << z;
      x0 = (int) (wx0 * n), y0 = (int) (wy0 * n), x1 = (int) (wx1 * n), y1 = (int) (wy1 * n);

      /* Every tile of the region, or a fixed random sample when there are too many. */
      if ((x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_TILES)
        {
          for (int x = x0; x <= x1; x++)
            for (int y = y0; y <= y1; y++)
              g_array_append_val (tiles, ((int[2]) { x, y }));
        }
      else
        for (int k = 0; k < MAX_TILES; k++)
          g_array_append_val (tiles, ((int[2]) { g_rand_int_range (rand, x0, x1 + 1),
                                                 g_rand_int_range (rand, y0, y1 + 1) }));

      for (int round = 0; round <= ROUNDS; round++)
        for (guint t = 0; t < tiles->len; t++)
          {
            const int *xy = &g_array_index (tiles, int, 2 * t);
            double t0 = now_ms (), dt;

            atlas_basemap_render_tile (map, ATLAS_BASEMAP_STYLE_LIGHT, z, xy[0], xy[1], pixels, 1024);
            dt = now_ms () - t0;
            /* Round 0 warms caches (fonts, glyphs) and is not counted. */
            if (round > 0)
              g_array_append_val (times, dt);
          }
      summarise (times, &median, &p95);
      printf ("%-5d %6u %10.3f %10.3f %10.1f %10.1f\n", z, tiles->len, median, p95,
              median / base, p95 / base);
    }
  return 0;
}
