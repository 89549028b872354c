/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Framing clear of what covers the map (atlas-framing.h): the framed area, with its margin,
 * meets no cover and stays on the surface; it is as large as any free rectangle allows (checked
 * against a search of every rectangle on a grid); nothing to avoid frames as before; no room
 * anywhere falls back to the whole surface. */
#include <math.h>

#include "atlas-framing.h"

#define MARGIN 20.0

/* Hertfordshire and West Essex, roughly. */
static const AtlasBBox herts = { -0.75, 51.60, 0.50, 52.10 };

/* The area's box on the surface. */
static AtlasLabelBox
framed_box (const AtlasView *view,
            const AtlasBBox *bbox)
{
  double wx0, wy0, wx1, wy1, x0, y0, x1, y1;

  atlas_project (bbox->min_x, bbox->max_y, &wx0, &wy0);
  atlas_project (bbox->max_x, bbox->min_y, &wx1, &wy1);
  atlas_view_world_to_surface (view, wx0, wy0, &x0, &y0);
  atlas_view_world_to_surface (view, wx1, wy1, &x1, &y1);
  return (AtlasLabelBox) { x0, y0, x1 - x0, y1 - y0 };
}

/* The box grown by the margin on every side, less a hair for rounding. */
static AtlasLabelBox
with_margin (const AtlasLabelBox *box,
             double               margin)
{
  double m = margin - 1e-6;

  return (AtlasLabelBox) { box->x - m, box->y - m, box->width + 2 * m, box->height + 2 * m };
}

static void
assert_clear (const AtlasView     *view,
              const AtlasBBox     *bbox,
              const AtlasLabelBox *covers,
              guint                n_covers)
{
  AtlasLabelBox box = framed_box (view, bbox), room = with_margin (&box, MARGIN);

  g_assert_cmpfloat (room.x, >=, 0);
  g_assert_cmpfloat (room.y, >=, 0);
  g_assert_cmpfloat (room.x + room.width, <=, view->width);
  g_assert_cmpfloat (room.y + room.height, <=, view->height);
  for (guint i = 0; i < n_covers; i++)
    g_assert_false (atlas_label_box_overlaps (&room, &covers[i], 0.0));
}

static void
test_no_covers (void)
{
  AtlasView plain, clear;
  AtlasLabelBox room;

  atlas_view_init_framing (&plain, &herts, 800, 600, MARGIN);
  atlas_view_init_framing_clear (&clear, &herts, 800, 600, MARGIN, NULL, 0, &room);
  g_assert_cmpfloat_with_epsilon (clear.scale, plain.scale, plain.scale * 1e-12);
  g_assert_cmpfloat_with_epsilon (clear.origin_x, plain.origin_x, 1e-12);
  g_assert_cmpfloat_with_epsilon (clear.origin_y, plain.origin_y, 1e-12);
  g_assert_cmpfloat (room.width, ==, 800);
  g_assert_cmpfloat (room.height, ==, 600);
}

/* A legend card at the top left and zoom buttons at the top right, as in the window: the area
 * goes below or beside them, and is centred in the room it takes. */
static void
test_window_corners (void)
{
  const AtlasLabelBox covers[] = {
    { 12, 12, 250, 270 },    /* legend card */
    { 860, 6, 50, 90 },      /* zoom buttons */
    { 0, 710, 820, 40 },     /* attribution */
  };
  AtlasView view, plain;
  AtlasLabelBox room, box;

  atlas_view_init_framing_clear (&view, &herts, 920, 750, MARGIN, covers,
                                 G_N_ELEMENTS (covers), &room);
  assert_clear (&view, &herts, covers, G_N_ELEMENTS (covers));
  atlas_view_init_framing (&plain, &herts, 920, 750, MARGIN);
  g_assert_cmpfloat (view.scale, <, plain.scale);
  g_assert_cmpfloat (view.width, ==, 920);
  g_assert_cmpfloat (view.height, ==, 750);

  /* Centred in its room: equal space left and right, or above and below. */
  box = framed_box (&view, &herts);
  g_assert_true (fabs ((box.x - room.x) - (room.x + room.width - box.x - box.width)) < 1e-6
                 || fabs ((box.y - room.y) - (room.y + room.height - box.y - box.height)) < 1e-6);
}

/* Covers off the surface do not count; covers over everything leave the whole surface. */
static void
test_edges (void)
{
  const AtlasLabelBox outside[] = { { -200, -200, 100, 100 }, { 900, 0, 100, 600 } };
  const AtlasLabelBox everything[] = { { 0, 0, 800, 600 } };
  AtlasView view, plain;
  AtlasLabelBox room;

  atlas_view_init_framing (&plain, &herts, 800, 600, MARGIN);
  atlas_view_init_framing_clear (&view, &herts, 800, 600, MARGIN, outside,
                                 G_N_ELEMENTS (outside), &room);
  g_assert_cmpfloat_with_epsilon (view.scale, plain.scale, plain.scale * 1e-12);

  atlas_view_init_framing_clear (&view, &herts, 800, 600, MARGIN, everything, 1, &room);
  g_assert_cmpfloat_with_epsilon (view.scale, plain.scale, plain.scale * 1e-12);
  g_assert_cmpfloat (room.width, ==, 800);
}

static void
test_overlaps (void)
{
  AtlasLabelBox a = { 0, 0, 10, 10 }, touching = { 10, 0, 10, 10 }, b = { 9, 9, 10, 10 };

  g_assert_false (atlas_label_box_overlaps (&a, &touching, 0));
  g_assert_true (atlas_label_box_overlaps (&a, &b, 0));
  g_assert_false (atlas_label_box_overlaps (&a, &b, 1));
}

/* The largest scale any free rectangle with sides on a 10-unit grid gives. */
static double
best_on_grid (const AtlasBBox     *bbox,
              double               width,
              double               height,
              const AtlasLabelBox *covers,
              guint                n_covers)
{
  double best = 0;

  for (double x0 = 0; x0 < width; x0 += 10)
    for (double x1 = x0 + 10; x1 <= width; x1 += 10)
      for (double y0 = 0; y0 < height; y0 += 10)
        for (double y1 = y0 + 10; y1 <= height; y1 += 10)
          {
            AtlasLabelBox r = { x0, y0, x1 - x0, y1 - y0 };
            gboolean free = TRUE;
            AtlasView v;

            for (guint i = 0; i < n_covers && free; i++)
              free = !atlas_label_box_overlaps (&r, &covers[i], 0);
            if (!free || r.width <= 2 * MARGIN + 1 || r.height <= 2 * MARGIN + 1)
              continue;
            atlas_view_init_framing (&v, bbox, r.width, r.height, MARGIN);
            best = MAX (best, v.scale);
          }
  return best;
}

/* Random covers on a small surface: always clear, and never smaller than the grid's best. */
static void
test_random (void)
{
  for (guint round = 0; round < 40; round++)
    {
      AtlasLabelBox covers[4];
      guint n = g_test_rand_int_range (1, 5);
      AtlasView view;
      double best;

      for (guint i = 0; i < n; i++)
        covers[i] = (AtlasLabelBox) { g_test_rand_int_range (0, 20) * 10,
                                      g_test_rand_int_range (0, 15) * 10,
                                      g_test_rand_int_range (1, 8) * 10,
                                      g_test_rand_int_range (1, 8) * 10 };
      atlas_view_init_framing_clear (&view, &herts, 200, 150, MARGIN, covers, n, NULL);
      best = best_on_grid (&herts, 200, 150, covers, n);
      if (best == 0)
        continue;
      assert_clear (&view, &herts, covers, n);
      g_assert_cmpfloat (view.scale, >=, best * (1 - 1e-9));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/framing/no-covers", test_no_covers);
  g_test_add_func ("/framing/window-corners", test_window_corners);
  g_test_add_func ("/framing/edges", test_edges);
  g_test_add_func ("/framing/overlaps", test_overlaps);
  g_test_add_func ("/framing/random", test_random);
  return g_test_run ();
}
