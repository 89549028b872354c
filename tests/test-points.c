/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-points.h"

static char *source_root;
static AtlasDataset *hwe;

static AtlasPoints *
load (const char  *name,
      GError     **error)
{
  g_autofree char *relative = g_strdup_printf ("tests/data/own-data/%s", name);
  g_autoptr(GFile) file = NULL;

  g_assert_cmpint (g_chdir (source_root), ==, 0);
  file = g_file_new_for_path (relative);
  return atlas_points_load_file (file, relative, hwe, error);
}

static const char *
field (AtlasPoints      *points,
       const AtlasPlace *place,
       const char       *name)
{
  for (guint i = 0; i < place->n_fields; i++)
    {
      const char *key, *value;

      atlas_points_get_field (points, place, i, &key, &value);
      if (strcmp (key, name) == 0)
        return value;
    }
  return NULL;
}

static void
test_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasPoints) points = load ("points-hwe.csv", &error);
  const AtlasPlace *places;
  guint n;

  g_assert_no_error (error);
  places = atlas_points_get_places (points, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (places[0].name, ==, "Watford General Hospital");
  g_assert_cmpfloat (places[0].lat, ==, 51.6497);
  g_assert_cmpfloat (places[0].lon, ==, -0.4011);
  g_assert_true (places[0].district == atlas_dataset_find_district (hwe, "watford"));
  g_assert_true (places[1].district == atlas_dataset_find_district (hwe, "stevenage"));
  g_assert_true (places[2].district == atlas_dataset_find_district (hwe, "harlow"));
  g_assert_cmpstr (field (points, &places[2], "Note"), ==, "Harlow, Essex");
  g_assert_cmpuint (places[2].line, ==, 4);
  /* Outside every district: kept, and said to be outside. */
  g_assert_null (places[4].district);
  g_assert_cmpuint (atlas_points_get_n_outside (points), ==, 1);
  g_assert_cmpuint (places[4].n_fields, ==, 5);
  g_assert_cmpstr (field (points, &places[4], "Kind"), ==, "test");
  g_assert_cmpstr (atlas_points_get_source (points), ==, "points-hwe.csv");
}

static void
test_geojson (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasPoints) points = load ("points-hwe.geojson", &error);
  const AtlasPlace *places;
  guint n;

  g_assert_no_error (error);
  places = atlas_points_get_places (points, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (places[0].name, ==, "St Albans City Hospital");
  g_assert_true (places[0].district == atlas_dataset_find_district (hwe, "st-albans"));
  g_assert_cmpstr (field (points, &places[0], "beds"), ==, "120");
  g_assert_cmpstr (field (points, &places[0], "open"), ==, "true");
  g_assert_cmpstr (field (points, &places[0], "note"), ==, "");
  /* A MultiPoint is one point per position, sharing the feature's fields. */
  g_assert_cmpstr (places[1].name, ==, "Two local hospitals");
  g_assert_cmpstr (places[2].name, ==, "Two local hospitals");
  g_assert_true (places[1].district == atlas_dataset_find_district (hwe, "dacorum"));
  g_assert_true (places[2].district == atlas_dataset_find_district (hwe, "east-herts"));
  g_assert_cmpuint (places[2].line, ==, 8);
  g_assert_cmpuint (places[2].column, ==, 79);
  g_assert_cmpstr (places[3].name, ==, "");
  g_assert_cmpuint (places[3].n_fields, ==, 0);
  g_assert_null (places[3].district);
  g_assert_cmpuint (atlas_points_get_n_outside (points), ==, 1);
}

/* Each tests/data/own-data/bad/points-X.{csv,geojson} is refused with the message in
 * points-X.expected. */
static void
test_refused (gconstpointer data)
{
  const char *file = data;
  g_autofree char *stem = g_strndup (file, strrchr (file, '.') - file);
  g_autofree char *expected_path = g_strdup_printf ("%s/tests/data/own-data/%s.expected",
                                                    source_root, stem);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasPoints) points = NULL;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  points = load (file, &error);
  g_assert_null (points);
  g_assert_true (error->domain == ATLAS_IMPORT_ERROR);
  g_assert_cmpstr (error->message, ==, g_strchomp (expected));
}

static void
test_bytes (void)
{
  const char *csv = "lon;lat;label\n-0,4011;51,6497;A\n";
  const char *json = "\xef\xbb\xbf  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
                     "\"coordinates\": [-0.4011, 51.6497]}, \"properties\": {\"title\": \"B\"}}";
  g_autoptr(GBytes) csv_bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr(GBytes) json_bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasPoints) a = atlas_points_new_from_bytes (csv_bytes, "a.csv", hwe, &error);
  g_autoptr(AtlasPoints) b = NULL;
  const AtlasPlace *place;

  g_assert_no_error (error);
  place = atlas_points_get_places (a, NULL);
  g_assert_cmpfloat (place->lon, ==, -0.4011);
  g_assert_cmpstr (place->name, ==, "A");
  b = atlas_points_new_from_bytes (json_bytes, "b.geojson", hwe, &error);
  g_assert_no_error (error);
  place = atlas_points_get_places (b, NULL);
  g_assert_cmpstr (place->name, ==, "B");
  g_assert_true (place->district == atlas_dataset_find_district (hwe, "watford"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *bad = NULL;
  const char *entry;
  int status;

  g_test_init (&argc, &argv, NULL);
  source_root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
  hwe = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);

  g_test_add_func ("/points/csv", test_csv);
  g_test_add_func ("/points/geojson", test_geojson);
  g_test_add_func ("/points/bytes", test_bytes);

  bad = g_build_filename (source_root, "tests", "data", "own-data", "bad", NULL);
  dir = g_dir_open (bad, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, "points-") && !g_str_has_suffix (entry, ".expected"))
      {
        g_autofree char *path = g_strdup_printf ("/points/refused/%s", entry);

        g_test_add_data_func_full (path, g_strdup_printf ("bad/%s", entry), test_refused,
                                   g_free);
      }

  status = g_test_run ();
  g_object_unref (hwe);
  g_free (source_root);
  return status;
}
