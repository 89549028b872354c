/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "atlas-palette.h"

static double
lightness (guint32 colour)
{
  /* L* is what CIEDE2000 sees of a grey; black is 0. */
  return atlas_colour_difference (0x000000, atlas_colour_simulate (colour,
                                                                   ATLAS_VISION_GREYSCALE));
}

static void
test_names (void)
{
  guint n = 0;
  const AtlasPalette * const *list = atlas_palette_list (&n);
  const char * const wanted[] = { "ylgnbu", "blues", "purples", "oranges", "viridis", "rdbu",
                                  "puor", "brbg", "okabe-ito" };

  g_assert_cmpuint (n, >=, G_N_ELEMENTS (wanted));
  g_assert_null (list[n]);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      const AtlasPalette *p = atlas_palette_find (wanted[i]);
      g_autofree char *upper = g_ascii_strup (wanted[i], -1);

      g_assert_nonnull (p);
      g_assert_cmpstr (atlas_palette_get_name (p), ==, wanted[i]);
      g_assert_true (atlas_palette_find (upper) == p);
      g_assert_nonnull (atlas_palette_get_title (p));
    }
  for (guint i = 0; i < n; i++)
    {
      const char *name = atlas_palette_get_name (list[i]);

      for (const char *c = name; *c != '\0'; c++)
        g_assert_true (g_ascii_islower (*c) || *c == '-');
      for (guint j = i + 1; j < n; j++)
        g_assert_cmpstr (name, !=, atlas_palette_get_name (list[j]));
    }
  g_assert_null (atlas_palette_find ("rainbow"));
  g_assert_cmpint (atlas_palette_get_kind (atlas_palette_find ("rdbu")), ==,
                   ATLAS_PALETTE_DIVERGING);
  g_assert_cmpint (atlas_palette_get_kind (atlas_palette_find ("okabe-ito")), ==,
                   ATLAS_PALETTE_CATEGORICAL);
  g_assert_cmpstr (atlas_palette_get_name (atlas_palette_get_default (ATLAS_PALETTE_SEQUENTIAL)),
                   ==, "ylgnbu");
}

/* Every ramp has a colour per class for 2 to 7 classes, all different; sequential ramps get
 * darker class by class (viridis lighter), diverging ones are lightest in the middle. */
static void
test_ramps (void)
{
  guint n = 0;
  const AtlasPalette * const *list = atlas_palette_list (&n);

  for (guint i = 0; i < n; i++)
    {
      guint32 colours[ATLAS_PALETTE_MAX_CLASSES + 1];

      g_assert_false (atlas_palette_get_colours (list[i], 0, colours));
      g_assert_false (atlas_palette_get_colours (list[i], ATLAS_PALETTE_MAX_CLASSES + 1, colours));
      for (guint k = ATLAS_PALETTE_MIN_CLASSES; k <= ATLAS_PALETTE_MAX_CLASSES; k++)
        {
          gboolean viridis = strcmp (atlas_palette_get_name (list[i]), "viridis") == 0;

          g_assert_true (atlas_palette_get_colours (list[i], k, colours));
          for (guint c = 0; c < k; c++)
            {
              g_assert_cmpuint (colours[c], <=, 0xffffff);
              for (guint d = c + 1; d < k; d++)
                g_assert_cmpuint (colours[c], !=, colours[d]);
              if (c == 0 || atlas_palette_get_kind (list[i]) != ATLAS_PALETTE_SEQUENTIAL)
                continue;
              if (viridis)
                g_assert_cmpfloat (lightness (colours[c]), >, lightness (colours[c - 1]));
              else
                g_assert_cmpfloat (lightness (colours[c]), <, lightness (colours[c - 1]));
            }
          if (atlas_palette_get_kind (list[i]) == ATLAS_PALETTE_DIVERGING && k % 2 == 1)
            for (guint c = 0; c < k; c++)
              if (c != k / 2)
                g_assert_cmpfloat (lightness (colours[c]), <, lightness (colours[k / 2]));
        }
    }
  /* The 5-class YlGnBu is the one the bundled indicators have always been drawn with. */
  {
    guint32 colours[5];
    const guint32 expected[5] = { 0xffffcc, 0xa1dab4, 0x41b6c4, 0x2c7fb8, 0x253494 };

    atlas_palette_get_colours (atlas_palette_find ("ylgnbu"), 5, colours);
    g_assert_cmpmem (colours, sizeof colours, expected, sizeof expected);
  }
}

/* Test data of Sharma, Wu and Dalal (2005), pairs 1, 7 and 19. */
static void
test_ciede2000 (void)
{
  g_assert_cmpfloat_with_epsilon (atlas_colour_difference_lab ((double[]) { 50, 2.6772, -79.7751 },
                                                               (double[]) { 50, 0, -82.7485 }),
                                  2.0425, 5e-5);
  g_assert_cmpfloat_with_epsilon (atlas_colour_difference_lab ((double[]) { 50, 0, 0 },
                                                               (double[]) { 50, -1, 2 }),
                                  2.3669, 5e-5);
  g_assert_cmpfloat_with_epsilon (atlas_colour_difference_lab ((double[]) { 50, 2.5, 0 },
                                                               (double[]) { 73, 25, -18 }),
                                  27.1492, 5e-5);
  g_assert_cmpfloat (atlas_colour_difference (0x123456, 0x123456), ==, 0);
  g_assert_cmpfloat_with_epsilon (atlas_colour_difference (0x000000, 0xffffff), 100, 1e-3);
}

static void
test_simulate (void)
{
  guint32 grey = atlas_colour_simulate (0x2c7fb8, ATLAS_VISION_GREYSCALE);

  g_assert_cmpuint (grey >> 16, ==, (grey >> 8) & 0xff);
  g_assert_cmpuint (grey >> 16, ==, grey & 0xff);
  for (AtlasVision v = 0; v < ATLAS_VISION_N; v++)
    {
      /* White and black stay as they are. */
      g_assert_cmpuint (atlas_colour_simulate (0xffffff, v), ==, 0xffffff);
      g_assert_cmpuint (atlas_colour_simulate (0x000000, v), ==, 0x000000);
    }
  g_assert_cmpstr (atlas_vision_get_name (ATLAS_VISION_TRITANOPIA), ==, "tritanopia");
}

static void
test_check (void)
{
  AtlasColourConflict conflicts[ATLAS_VISION_N];
  guint32 colours[ATLAS_PALETTE_MAX_CLASSES];
  guint32 red = 0xd62728;
  guint n;
  gboolean deuteranopia = FALSE;

  /* The default ramp passes every check. */
  atlas_palette_get_colours (atlas_palette_find ("ylgnbu"), 5, colours);
  g_assert_cmpuint (atlas_palette_check_colours (colours, 5, ATLAS_PALETTE_MIN_DIFFERENCE,
                                                 conflicts), ==, 0);

  /* A diverging ramp is symmetric in lightness: its two sides merge in greyscale. */
  atlas_palette_get_colours (atlas_palette_find ("rdbu"), 5, colours);
  n = atlas_palette_check_colours (colours, 5, ATLAS_PALETTE_MIN_DIFFERENCE, conflicts);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (conflicts[0].vision, ==, ATLAS_VISION_GREYSCALE);
  g_assert_cmpuint (conflicts[0].first, ==, 1);
  g_assert_cmpuint (conflicts[0].second, ==, 3);
  g_assert_cmpfloat (conflicts[0].difference, <, ATLAS_PALETTE_MIN_DIFFERENCE);

  /* A red and the colour it looks to a deuteranope: far apart to others, not to them. */
  colours[0] = 0x1f77b4;
  colours[1] = red;
  colours[2] = atlas_colour_simulate (red, ATLAS_VISION_DEUTERANOPIA);
  g_assert_cmpfloat (atlas_colour_difference (colours[1], colours[2]), >, 30);
  n = atlas_palette_check_colours (colours, 3, ATLAS_PALETTE_MIN_DIFFERENCE, conflicts);
  for (guint i = 0; i < n; i++)
    if (conflicts[i].vision == ATLAS_VISION_DEUTERANOPIA)
      {
        deuteranopia = TRUE;
        g_assert_cmpuint (conflicts[i].first, ==, 1);
        g_assert_cmpuint (conflicts[i].second, ==, 2);
        g_assert_cmpfloat (conflicts[i].difference, <, 2);
      }
    else
      g_assert_cmpint (conflicts[i].vision, !=, ATLAS_VISION_TRITANOPIA);
  g_assert_true (deuteranopia);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/names", test_names);
  g_test_add_func ("/palette/ramps", test_ramps);
  g_test_add_func ("/palette/ciede2000", test_ciede2000);
  g_test_add_func ("/palette/simulate", test_simulate);
  g_test_add_func ("/palette/check", test_check);

  return g_test_run ();
}
