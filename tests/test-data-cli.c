/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A planner's files on the command line: `ics-atlas --export out.png --data FILE` and
 * `--points FILE` with the built ics-atlas (ATLAS_CLI), with no display. Every figure in
 * tests/data/own-data is made up. */
#include <cairo.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-export.h"
#include "atlas-test-util.h"

static char *tmp;
static AtlasDataset *hwe;

static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = atlas_test_run_cli_valist (tmp, out, err, first, args);
  va_end (args);
  return status;
}

static char *
own_data (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "own-data", name, NULL);
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static guint
count_lines (const char *text,
             const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);
  return n;
}

static guint32
pixel_at (cairo_surface_t *png,
          int              x,
          int              y)
{
  const guint8 *p = cairo_image_surface_get_data (png)
                    + (gsize) y * cairo_image_surface_get_stride (png) + (gsize) x * 4;

  return (p[2] << 16) | (p[1] << 8) | p[0];
}

/* The commonest colour of the export at points of the district around its label point: its
 * fill, whatever names or symbols lie over part of it. */
static guint32
district_colour (cairo_surface_t          *png,
                 const AtlasExportOptions *options,
                 const AtlasDistrict      *district)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  const AtlasPoint *centre = &district->shape->label_point;
  guint32 best = 0;
  guint best_count = 0;

  for (int j = -8; j <= 8; j++)
    for (int i = -8; i <= 8; i++)
      {
        double lon = centre->x + i * 0.004, lat = centre->y + j * 0.0025, x, y;
        gpointer key;
        guint count;

        if (atlas_dataset_locate (hwe, lat, lon) != district)
          continue;
        atlas_export_location_to_surface (options, lon, lat, &x, &y);
        key = GUINT_TO_POINTER (pixel_at (png, (int) x, (int) y));
        count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
        g_hash_table_insert (counts, key, GUINT_TO_POINTER (count));
        if (count > best_count)
          {
            best_count = count;
            best = GPOINTER_TO_UINT (key);
          }
      }
  return best;
}

/* The export options the command line makes for these layers, made here by the same core. */
static AtlasMapState *
state_with (const char *data,
            const char *points)
{
  AtlasMapState *state = atlas_map_state_new ();
  const char *paths[] = { data, points };

  atlas_map_state_set_dataset (state, hwe);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(AtlasLayerDefinition) definition = NULL;
      g_autoptr(AtlasUserLayer) layer = NULL;
      g_autoptr(GError) error = NULL;

      if (paths[i] == NULL)
        continue;
      file = g_file_new_for_path (paths[i]);
      definition = atlas_layer_definition_new_for_file (file, NULL, &error);
      g_assert_no_error (error);
      layer = atlas_user_layer_new (hwe, definition, &error);
      g_assert_no_error (error);
      g_assert_true (atlas_map_state_add_layer (state, layer, &error));
      if (definition->kind == ATLAS_LAYER_VALUES)
        g_assert_true (atlas_map_state_set_thematic (state, atlas_user_layer_get_id (layer)));
    }
  return state;
}

/* A Fingertips download becomes a classed, legended map; England, the region and the counties
 * are said not to be districts, on standard error, one FILE:LINE line each. */
static void
test_fingertips (void)
{
  g_autofree char *data = own_data ("fingertips-hwe.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *png_path = g_build_filename (tmp, "fingertips.png", NULL);
  g_autofree char *england = g_strdup_printf ("%s:19: “England” (E92000001) is not a district "
                                              "of Hertfordshire and West Essex", data);
  g_autoptr(AtlasMapState) state = state_with (data, NULL);
  const AtlasDataClass *classes;
  const AtlasDistrict *districts;
  AtlasExportOptions options;
  cairo_surface_t *png;
  guint n_classes, n;

  g_assert_cmpint (run (&out, &err, "--export", "fingertips.png", "--data", data,
                        "--report-layout", NULL), ==, 0);
  g_test_message ("stderr:\n%s", err);
  g_assert_cmpuint (count_lines (err, data), ==, 4);
  g_assert_true (has_line (err, england));
  g_assert_cmpuint (count_lines (err, ""), ==, 4 + 1);

  /* The legend: the title, the classes, the period, the file as the source. */
  classes = atlas_choropleth_get_classes (atlas_map_state_get_choropleth (state), &n_classes);
  g_assert_cmpuint (n_classes, ==, 5);
  g_assert_nonnull (strstr (out, "legend\tPhysically active adults (made-up values)\t"));
  for (guint c = 0; c < n_classes; c++)
    {
      g_autofree char *line = g_strdup_printf ("legend\t%s\t", classes[c].label);

      g_assert_nonnull (strstr (out, line));
    }
  g_assert_nonnull (strstr (out, "legend\tPeriod: 2021/22\t"));
  g_assert_nonnull (strstr (out, "legend\tSource: fingertips-hwe.csv\t"));
  g_assert_nonnull (strstr (out, "subtitle\tPhysically active adults (made-up values), 2021/22 · "));

  /* Each district in its class's colour. */
  png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  atlas_export_options_init_from_state (&options, state);
  districts = atlas_dataset_get_districts (hwe, &n);
  for (guint i = 0; i < n; i++)
    {
      guint32 expected = atlas_cartography_district_fill (hwe, &districts[i], &options.carto);
      guint32 seen = district_colour (png, &options, &districts[i]);

      g_test_message ("%s: #%06x, expected #%06x", districts[i].id, seen, expected);
      g_assert_cmphex (seen, ==, expected);
    }
  cairo_surface_destroy (png);
}

/* A names-only sheet with odd spellings matches every district: nothing to say. */
static void
test_names_only (void)
{
  g_autofree char *data = own_data ("names-odd.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&out, &err, "--export", "names.png", "--data", data, "--report-layout",
                        NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "legend\tRate (per 1,000)\t"));
  g_assert_nonnull (strstr (out, "legend\t2.2–2.9 per 1,000\t"));
  g_assert_nonnull (strstr (out, "legend\tUnit: per 1,000\t"));
  g_assert_null (strstr (out, "legend\tNo figure\t"));
}

/* --column, --classes, --method and --palette are the dialog's choices. */
static void
test_choices (void)
{
  g_autofree char *data = own_data ("codes.tsv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&out, &err, "--export", "codes.png", "--data", data, "--column", "upper",
                        "--classes", "2", "--method", "jenks", "--palette", "viridis",
                        "--report-layout", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "legend\tupper\t"));
  /* Two classes by natural breaks (the three districts' upper limits are 1060, 1250 and
   * 1300), and the districts without a row. */
  g_assert_nonnull (strstr (out, "legend\t1060\t"));
  g_assert_nonnull (strstr (out, "legend\t1250–1300\t"));
  g_assert_nonnull (strstr (out, "legend\tNo figure\t"));
  g_assert_nonnull (strstr (out, "legend\tSource: codes.tsv\t"));
}

/* Refusals exit 1 with the place and write nothing. */
static void
test_refused (void)
{
  g_autofree char *bad = own_data ("bad/unclosed-quote.csv");
  g_autofree char *bad_points = own_data ("bad/points-latitude-91.csv");
  g_autofree char *data = own_data ("fingertips-hwe.csv");
  g_autofree char *path = g_build_filename (tmp, "refused.png", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:3:1: the quoted field that starts here is "
                                               "never closed\n", bad);
  g_autofree char *expected_points = g_strdup_printf ("%s:3:9: a latitude must lie between -90 "
                                                      "and 90, not 91\n", bad_points);
  static const char * const options[][3] = {
    { "--method", "median", "ics-atlas: --method expects quantile, equal or jenks; got "
      "“median”\n" },
    { "--classes", "9", "ics-atlas: 9 classes asked for: from 2 to 7 can be shown\n" },
    { "--palette", "rainbow", "ics-atlas: no palette “rainbow”; the palettes are ylgnbu, blues, "
      "purples, oranges, greens, ylorrd, viridis, rdbu, puor, brbg, okabe-ito\n" },
  };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run (NULL, &err, "--export", "refused.png", i == 0 ? "--data" : "--points",
                            i == 0 ? bad : bad_points, NULL), ==, 1);
      g_assert_cmpstr (err, ==, i == 0 ? expected : expected_points);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run (NULL, &err, "--export", "refused.png", "--data", data,
                            options[i][0], options[i][1], NULL), ==, 1);
      /* The rows that match no district may be said before the refusal. */
      g_assert_true (g_str_has_suffix (err, options[i][2]));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run (NULL, &err, "--export", "refused.png", "--column", "Value", NULL), ==,
                     1);
    g_assert_cmpstr (err, ==, "ics-atlas: --column, --classes, --method and --palette go with "
                              "--data FILE\n");
  }
}

/* Points in an export: the layer's colour at its points, and the legend's line. */
static void
test_points (void)
{
  g_autofree char *points = own_data ("points-hwe.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *png_path = g_build_filename (tmp, "points.png", NULL);
  g_autoptr(AtlasMapState) state = state_with (NULL, points);
  AtlasCartographyOptions carto;
  AtlasExportOptions options;
  const AtlasPlace *places;
  cairo_surface_t *png;
  guint n, inside = 0;

  g_assert_cmpint (run (&out, &err, "--export", "points.png", "--points", points,
                        "--report-layout", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "legend\tpoints-hwe.csv: 5 points, 1 outside the districts\t"));

  png = cairo_image_surface_create_from_png (png_path);
  atlas_export_options_init_from_state (&options, state);
  atlas_map_state_get_cartography (state, &carto);
  places = atlas_points_get_places (atlas_point_layer_get_points (carto.point_layers[0]), &n);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      atlas_export_location_to_surface (&options, places[i].lon, places[i].lat, &x, &y);
      if (x < 0 || y < 0 || x >= 1920 || y >= 1080)
        continue;
      g_test_message ("%s at %.0f, %.0f: #%06x", places[i].name, x, y, pixel_at (png, x, y));
      g_assert_cmphex (pixel_at (png, x, y), ==,
                       atlas_point_layer_get_colour (carto.point_layers[0]));
      inside++;
    }
  g_assert_cmpuint (inside, >=, 4);
  cairo_surface_destroy (png);
}

/* The meeting pack takes the layers too; the rows are said once. */
static void
test_pack (void)
{
  g_autofree char *data = own_data ("fingertips-hwe.csv");
  g_autofree char *points = own_data ("points-hwe.csv");
  g_autofree char *folder = g_build_filename (tmp, "pack", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GDir) dir = NULL;
  guint entries = 0;

  g_assert_cmpint (run (NULL, &err, "--export-pack", folder, "--data", data, "--points", points,
                        NULL), ==, 0);
  g_assert_cmpuint (count_lines (err, data), ==, 4);
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && g_dir_read_name (dir) != NULL)
    entries++;
  /* The PDF, a PNG per district and the pack's manifest. */
  g_assert_cmpuint (entries, ==, 1 + 13 + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp = g_dir_make_tmp ("atlas-data-cli-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  hwe = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);

  g_test_add_func ("/data-cli/fingertips", test_fingertips);
  g_test_add_func ("/data-cli/names-only", test_names_only);
  g_test_add_func ("/data-cli/choices", test_choices);
  g_test_add_func ("/data-cli/refused", test_refused);
  g_test_add_func ("/data-cli/points", test_points);
  g_test_add_func ("/data-cli/pack", test_pack);

  status = g_test_run ();
  atlas_test_remove_tree (tmp);
  g_free (tmp);
  g_object_unref (hwe);
  return status;
}
