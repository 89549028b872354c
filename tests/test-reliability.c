/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-dataset.h"
#include "atlas-geojson.h"
#include "atlas-json.h"
#include "atlas-spatial-index.h"

/* Hostile input: markup, format directives, bidi controls and very long text come back
 * byte for byte; oversized and absurdly nested files are refused with located errors and
 * without exhausting memory or the stack; a file that changes or disappears once loaded does
 * not change the loaded dataset. */

#define RLO "\xE2\x80\xAE"  /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define PDF "\xE2\x80\xAC"  /* U+202C POP DIRECTIONAL FORMATTING */
#define RLM "\xE2\x80\x8F"  /* U+200F RIGHT-TO-LEFT MARK */

static char *
long_name (void)
{
  const char *pattern = "Wych & <i>Elm</i> %s %n " RLO " &amp; ";
  GString *text = g_string_new (NULL);

  while (g_utf8_strlen (text->str, -1) < 10000)
    g_string_append (text, pattern);
  g_string_truncate (text, g_utf8_offset_to_pointer (text->str, 10000) - text->str);
  return g_string_free (text, FALSE);
}

static void
test_hostile_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "hostile.json",
                                                 NULL);
  g_autofree char *expected_long = long_name ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load (path, &error);
  const AtlasDistrict *alpha;
  const AtlasPartnership *south;
  const AtlasSource *sources;
  const AtlasFact *facts;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpstr (atlas_dataset_get_name (dataset), ==,
                   "<b>Hostile</b> &amp; Care & System %s %n");
  g_assert_cmpstr (atlas_dataset_get_short_name (dataset), ==, RLO "evil" PDF);
  g_assert_cmpstr (atlas_dataset_get_nhs_body (dataset), ==,
                   "NHS <Body> & \"Quotes\" \\ Backslash");
  g_assert_cmpstr (atlas_dataset_get_summary (dataset), ==,
                   "<script>alert(1)</script> %s%s%s%n &lt; " RLO "desrever" PDF " " RLM
                   " done\nsecond line\ttab");
  g_assert_cmpstr (atlas_dataset_get_boundary_licence (dataset), ==,
                   "<a href=\"x\">Licence</a> &copy;");
  facts = atlas_dataset_get_facts (dataset, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (facts[0].label, ==, "Share %");
  g_assert_cmpstr (facts[0].value, ==, "50% of 100%s &amp;");
  sources = atlas_dataset_get_sources (dataset, &n);
  g_assert_cmpstr (sources[0].title, ==, "Notes & <Co>");
  g_assert_cmpstr (sources[0].publisher, ==, "%n%n%n");

  alpha = atlas_dataset_find_district (dataset, "alpha");
  g_assert_nonnull (alpha);
  g_assert_cmpuint (g_utf8_strlen (alpha->name, -1), ==, 10000);
  g_assert_cmpuint (strlen (alpha->name), ==, strlen (expected_long));
  g_assert_true (memcmp (alpha->name, expected_long, strlen (expected_long)) == 0);
  g_assert_cmpstr (alpha->council, ==, "<u>Alpha</u> Council");
  g_assert_cmpstr (alpha->county, ==, RLO "Testshire");
  g_assert_cmpstr (atlas_dataset_find_district (dataset, "beta")->name, ==, "&amp;");
  g_assert_cmpstr (atlas_dataset_find_district (dataset, "gamma")->name, ==, "&");

  south = atlas_dataset_find_partnership (dataset, "south");
  g_assert_cmpstr (south->name, ==, "<span foreground=\"red\">South</span>");
  g_assert_cmpstr (south->description, ==, "&#x41; &lt;b&gt; %1$s {0} ${x}");
  g_assert_cmpuint (south->n_sections, ==, 1);
  g_assert_cmpstr (south->sections[0].title, ==, "<h1>Aims</h1>");
  g_assert_cmpstr (south->sections[0].text, ==, "%n");
  g_assert_cmpuint (south->sections[0].n_items, ==, 3);
  g_assert_cmpstr (south->sections[0].items[0], ==, "<li>one</li>");
  g_assert_cmpstr (south->sections[0].items[1], ==, "%1$s");
  g_assert_cmpstr (south->sections[0].items[2], ==, RLO);

  g_assert_cmpstr (atlas_dataset_find_trust (dataset, "t")->name, ==,
                   "St Mary's & St John's <NHS> Trust %d");
  g_assert_cmpstr (atlas_dataset_find_trust (dataset, "t")->kind, ==, "acute & <community>");
  g_assert_cmpstr (atlas_dataset_find_site (dataset, "clinic")->name, ==,
                   "Clinic " RLO "%n" PDF " <br/>");
  g_assert_cmpstr (atlas_dataset_find_site (dataset, "clinic")->town, ==, "<Town>");
  g_assert_cmpstr (atlas_dataset_find_priority (dataset, "p")->title, ==, "<b>First</b> & %s");
  g_assert_cmpstr (atlas_dataset_find_priority (dataset, "p")->summary, ==, "&amp;amp;");
  g_assert_cmpstr (atlas_dataset_get_updates (dataset, &n)[0].title, ==, "A & B");
  g_assert_cmpstr (atlas_dataset_get_updates (dataset, &n)[0].place, ==, "<place>");
  g_assert_cmpstr (atlas_dataset_get_updates (dataset, &n)[0].items[0], ==, "%n");
}

static char *
copy_fixture (const char *dir,
              const char *name)
{
  g_autofree char *from = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  char *to = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
  return to;
}

/* What the loaded records say, as one string made from copies. */
static char *
describe (AtlasDataset *dataset)
{
  GString *text = g_string_new (atlas_dataset_get_name (dataset));
  const AtlasDistrict *districts;
  const AtlasSite *sites;
  guint n, i, k;

  districts = atlas_dataset_get_districts (dataset, &n);
  for (i = 0; i < n; i++)
    {
      g_string_append_printf (text, "|%s %s %s", districts[i].id, districts[i].name,
                              districts[i].code);
      for (k = 0; k < districts[i].shape->n_points; k++)
        g_string_append_printf (text, " %.17g,%.17g", districts[i].shape->points[k].x,
                                districts[i].shape->points[k].y);
    }
  sites = atlas_dataset_get_sites (dataset, &n);
  for (i = 0; i < n; i++)
    g_string_append_printf (text, "|%s %s %.17g %.17g %s", sites[i].id, sites[i].name,
                            sites[i].lat, sites[i].lon, sites[i].district->id);
  return g_string_free (text, FALSE);
}

static void
test_file_changes_after_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-reliability-XXXXXX", &error);
  g_autofree char *dataset_path = NULL;
  g_autofree char *boundary_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *garbage = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  g_assert_no_error (error);
  dataset_path = copy_fixture (dir, "mini.json");
  boundary_path = copy_fixture (dir, "mini-boundaries.geojson");
  dataset = atlas_dataset_load (dataset_path, &error);
  g_assert_no_error (error);
  before = describe (dataset);

  /* Overwritten in place (same inode, so a lazy mapping would see it), then truncated. */
  garbage = g_strnfill (4096, 'X');
  {
    FILE *f = fopen (dataset_path, "r+");

    g_assert_nonnull (f);
    g_assert_cmpuint (fwrite (garbage, 1, 4096, f), ==, 4096);
    fclose (f);
    f = fopen (boundary_path, "w");
    g_assert_nonnull (f);
    fputs ("{}", f);
    fclose (f);
  }
  after = describe (dataset);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  g_assert_cmpint (g_unlink (dataset_path), ==, 0);
  g_assert_cmpint (g_unlink (boundary_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  after = describe (dataset);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (atlas_dataset_locate (dataset, 50.2, 0.2));
}

static void
write_sparse (const char *path,
              gsize       size)
{
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, (long) size - 1, SEEK_SET), ==, 0);
  fputc (' ', f);
  fclose (f);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-reliability-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *boundary = g_build_filename (dir, "mini-boundaries.geojson", NULL);
  g_autofree char *dataset_path = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  g_assert_no_error (error);
  write_sparse (path, (gsize) ATLAS_JSON_MAX_INPUT + 1);
  dataset = atlas_dataset_load (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_LIMIT);
  expected = g_strdup_printf ("%s:1:1: $: file is larger than 64 MiB", path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* A boundary file that is too large is a located problem of the dataset. */
  dataset_path = copy_fixture (dir, "mini.json");
  write_sparse (boundary, (gsize) ATLAS_JSON_MAX_INPUT + 1);
  dataset = atlas_dataset_load (dataset_path, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_LIMIT);
  g_assert_true (g_str_has_suffix (error->message,
                                   "mini.json:13:27: $.boundaries.file: boundary file "
                                   "\"mini-boundaries.geojson\" is larger than 64 MiB"));

  g_unlink (path);
  g_unlink (boundary);
  g_unlink (dataset_path);
  g_rmdir (dir);
}

static void
check_deep (const char *open,
            const char *close,
            const char *expected_path_end)
{
  const guint depth = 100000;
  GString *text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) doc = NULL;
  guint i;

  for (i = 0; i < depth; i++)
    g_string_append (text, open);
  for (i = 0; close != NULL && i < depth; i++)
    g_string_append (text, close);
  doc = atlas_json_document_parse (text->str, text->len, "deep.json", &error);
  g_assert_null (doc);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_LIMIT);
  g_assert_true (g_str_has_suffix (error->message, expected_path_end));
  g_string_free (text, TRUE);
}

/* 100,000 levels: refused at the depth limit, iteratively, so the stack is never at risk. */
static void
test_deep_nesting (void)
{
  check_deep ("[", "]", "[0][0]: nesting deeper than 64 levels");
  check_deep ("[", NULL, "[0][0]: nesting deeper than 64 levels");
  check_deep ("{\"a\":", "}", ".a.a: nesting deeper than 64 levels");
  check_deep ("[{\"b\":", "}]", "[0].b: nesting deeper than 64 levels");
}

/* Under valgrind the multi-megabyte inputs below take minutes; their code paths are the
 * ordinary ones, exercised by the other tests. */
static gboolean
skip_large (void)
{
  if (g_getenv ("ATLAS_MEMCHECK") == NULL)
    return FALSE;
  g_test_skip ("large input under memcheck");
  return TRUE;
}

/* A file of nothing but tiny values would take memory many times its size: stopped at
 * ATLAS_JSON_MAX_VALUES with the place it was reached. */
static void
test_too_many_values (void)
{
  GString *text;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) doc = NULL;
  g_autofree char *expected = NULL;
  guint i;

  if (skip_large ())
    return;
  text = g_string_sized_new (2 * ATLAS_JSON_MAX_VALUES + 8);
  g_string_append_c (text, '[');
  for (i = 0; i < ATLAS_JSON_MAX_VALUES; i++)
    g_string_append (text, "0,");
  g_string_append (text, "0]");
  doc = atlas_json_document_parse (text->str, text->len, "flat.json", &error);
  g_assert_null (doc);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_LIMIT);
  expected = g_strdup_printf ("flat.json:1:%u: $[%u]: more than %u values in one file",
                              2 * ATLAS_JSON_MAX_VALUES, ATLAS_JSON_MAX_VALUES - 1,
                              ATLAS_JSON_MAX_VALUES);
  g_assert_cmpstr (error->message, ==, expected);

  /* Just under the limit is fine. */
  g_clear_error (&error);
  g_string_truncate (text, 0);
  g_string_append_c (text, '[');
  for (i = 0; i < ATLAS_JSON_MAX_VALUES - 2; i++)
    g_string_append (text, "0,");
  g_string_append (text, "0]");
  doc = atlas_json_document_parse (text->str, text->len, "flat.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_json_document_get_n_nodes (doc), ==, ATLAS_JSON_MAX_VALUES);
  g_string_free (text, TRUE);
}

/* More positions than the boundary reader takes: one located problem, not one per ring. */
static void
test_too_many_positions (void)
{
  const guint per_ring = 100000;
  const guint n_rings = ATLAS_GEOJSON_MAX_POSITIONS / per_ring + 1;
  GString *text;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) doc = NULL;
  g_autoptr(AtlasProblems) problems = atlas_problems_new ();
  g_autoptr(GHashTable) shapes = NULL;
  g_autoptr(GError) report = NULL;
  guint r, i;

  if (skip_large ())
    return;
  text = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");
  for (r = 0; r < n_rings; r++)
    {
      g_string_append_printf (text, "%s{\"type\":\"Feature\",\"properties\":{\"code\":\"C%u\"},"
                              "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[",
                              r > 0 ? ",\n" : "", r);
      for (i = 0; i < per_ring; i++)
        g_string_append (text, "[0,0],");
      g_string_append (text, "[0,0]]]}}");
    }
  g_string_append (text, "]}");
  doc = atlas_json_document_parse (text->str, text->len, "big.geojson", &error);
  g_assert_no_error (error);
  shapes = atlas_geojson_read_boundaries (atlas_json_document_get_root (doc), "big.geojson",
                                          "code", problems);
  g_assert_cmpuint (atlas_problems_get_count (problems), ==, 1);
  g_assert_false (atlas_problems_check (problems, &report));
  g_assert_error (report, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_LIMIT);
  g_assert_true (g_str_has_prefix (report->message, "big.geojson:20:"));
  g_assert_true (g_str_has_suffix (report->message,
                                   ".coordinates[0]: more than 2000000 positions in the file"));
  g_string_free (text, TRUE);
}

/* Millions of bad coordinates make a thousand listed problems and a count, not a message of
 * hundreds of megabytes; a problem found later that sorts earlier still makes the list. */
static void
test_many_problems (void)
{
  GString *text = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                                "\"Feature\",\"properties\":{\"code\":\"C\"},\"geometry\":"
                                "{\"type\":\"Polygon\",\"coordinates\":[[");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) doc = NULL;
  g_autoptr(AtlasJsonDocument) early = NULL;
  g_autoptr(AtlasProblems) problems = atlas_problems_new ();
  g_autoptr(GHashTable) shapes = NULL;
  g_autoptr(GError) report = NULL;
  g_auto(GStrv) lines = NULL;
  guint i;

  for (i = 0; i < 5000; i++)
    g_string_append (text, "[200,0],");
  g_string_append (text, "[200,0]]]}}]}");
  doc = atlas_json_document_parse (text->str, text->len, "b.geojson", &error);
  g_assert_no_error (error);
  shapes = atlas_geojson_read_boundaries (atlas_json_document_get_root (doc), "b.geojson",
                                          "code", problems);
  g_assert_cmpuint (atlas_problems_get_count (problems), ==, 5001);

  early = atlas_json_document_parse ("{\n\"a\": 1}", 9, "d.json", &error);
  g_assert_no_error (error);
  atlas_problems_add (problems, 0, "d.json",
                      atlas_json_node_get_child (atlas_json_document_get_root (early), 0),
                      ATLAS_DATASET_ERROR_SCHEMA, "found late, listed first");
  g_assert_cmpuint (atlas_problems_get_count (problems), ==, 5002);

  g_assert_false (atlas_problems_check (problems, &report));
  g_assert_error (report, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_INVALID);
  lines = g_strsplit (report->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, ATLAS_PROBLEMS_MAX + 1);
  g_assert_cmpstr (lines[0], ==, "d.json:2:6: $.a: found late, listed first");
  g_assert_cmpstr (lines[1], ==, "b.geojson:1:131: $.features[0].geometry.coordinates[0][0][0]: "
                                 "longitude 200 is outside [-180, 180]");
  g_assert_true (g_str_has_suffix (lines[ATLAS_PROBLEMS_MAX - 1], ".coordinates[0][998][0]: "
                                   "longitude 200 is outside [-180, 180]"));
  g_assert_cmpstr (lines[ATLAS_PROBLEMS_MAX], ==, "… and 4002 more problems after these");
  g_string_free (text, TRUE);
}

/* Thousands of districts covering the same area: the index stays linear in size (every shape
 * in every cell of the finest grid would be over a billion entries) and still finds the
 * first shape containing a point, as a brute-force scan does. */
static void
test_overlapping_shapes (void)
{
  const guint n = 20000;
  g_autoptr(AtlasShape) square = atlas_shape_new ();
  g_autoptr(AtlasShape) corner = atlas_shape_new ();
  g_autofree const AtlasShape **shapes = g_new (const AtlasShape *, n + 1);
  g_autoptr(AtlasSpatialIndex) index = NULL;
  static const AtlasPoint big[] = { { 0, 50 }, { 1, 50 }, { 1, 51 }, { 0, 51 }, { 0, 50 } };
  static const AtlasPoint small[] = {
    { 0.9, 50.9 }, { 1, 50.9 }, { 1, 51 }, { 0.9, 51 }, { 0.9, 50.9 },
  };
  static const guint ring_start[] = { 0, 5 };
  static const guint polygon_start[] = { 0, 1 };
  guint i;

  square->n_points = corner->n_points = 5;
  square->points = g_memdup2 (big, sizeof big);
  corner->points = g_memdup2 (small, sizeof small);
  square->n_rings = corner->n_rings = 1;
  square->ring_start = g_memdup2 (ring_start, sizeof ring_start);
  corner->ring_start = g_memdup2 (ring_start, sizeof ring_start);
  square->n_polygons = corner->n_polygons = 1;
  square->polygon_start = g_memdup2 (polygon_start, sizeof polygon_start);
  corner->polygon_start = g_memdup2 (polygon_start, sizeof polygon_start);
  atlas_shape_finish (square);
  atlas_shape_finish (corner);

  shapes[0] = corner;
  for (i = 1; i <= n; i++)
    shapes[i] = square;
  index = atlas_spatial_index_new (shapes, n + 1);
  g_assert_cmpint (atlas_spatial_index_locate (index, 0.95, 50.95), ==, 0);
  g_assert_cmpint (atlas_spatial_index_locate (index, 0.5, 50.5), ==, 1);
  g_assert_cmpint (atlas_spatial_index_locate (index, 1.5, 50.5), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reliability/hostile-text", test_hostile_text);
  g_test_add_func ("/reliability/file-changes-after-load", test_file_changes_after_load);
  g_test_add_func ("/reliability/too-large", test_too_large);
  g_test_add_func ("/reliability/deep-nesting", test_deep_nesting);
  g_test_add_func ("/reliability/too-many-values", test_too_many_values);
  g_test_add_func ("/reliability/too-many-positions", test_too_many_positions);
  g_test_add_func ("/reliability/many-problems", test_many_problems);
  g_test_add_func ("/reliability/overlapping-shapes", test_overlapping_shapes);

  return g_test_run ();
}
