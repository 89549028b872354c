/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-dataset.h"

/* Valid but hostile files, and files that are not files: named pipes, devices and folders are
 * refused at once (never waited on), a boundary file may not lead out of the dataset's folder,
 * a file that is not JSON is not quoted back, control characters in a file stay out of the
 * messages' layout, and keys built to collide or lists that name every district cost no more
 * than ordinary ones (the times are in tests/bench/bench-slow.c; these check the answers). */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("atlas-hostile-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A dataset of n districts (ids from make_id, codes C0…), squares in a grid, with more
 * members added at the end of the top-level object (extra, which may be NULL). */
static char *
write_dataset (const char *dir,
               const char *boundary_file,
               guint       n,
               char *    (*make_id) (guint i),
               const char *extra)
{
  GString *json = g_string_new (NULL);
  GString *geojson = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");
  char *path;
  guint side = 1;

  while (side * side < n)
    side++;
  g_string_append_printf (json,
    "{\"format\":\"ics-atlas/1\",\"id\":\"hostile\","
    "\"system\":{\"name\":\"Hostile\",\"short_name\":\"H\",\"source\":\"notes\"},"
    "\"boundaries\":{\"file\":\"%s\",\"code_property\":\"code\",\"source\":\"notes\"},"
    "\"sources\":[{\"id\":\"notes\",\"title\":\"Notes\"}],\"districts\":[", boundary_file);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = make_id (i);
      double x = (i % side) * 0.01, y = 50 + (i / side) * 0.01;

      g_string_append_printf (json, "%s{\"id\":\"%s\",\"name\":\"D%u\",\"code\":\"C%u\","
                              "\"source\":\"notes\"}", i ? "," : "", id, i, i);
      g_string_append_printf (geojson, "%s{\"type\":\"Feature\",\"properties\":{\"code\":\"C%u\"},"
                              "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%g,%g],"
                              "[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}}", i ? "," : "", i,
                              x, y, x + 0.01, y, x + 0.01, y + 0.01, x, y + 0.01, x, y);
    }
  g_string_append_printf (json, "]%s%s}", extra != NULL ? "," : "", extra != NULL ? extra : "");
  g_string_append (geojson, "]}");
  if (strcmp (boundary_file, "b.geojson") == 0)
    g_free (write_file (dir, "b.geojson", geojson->str));
  g_string_free (geojson, TRUE);
  path = write_file (dir, "hostile.json", json->str);
  g_string_free (json, TRUE);
  return path;
}

static char *
plain_id (guint i)
{
  return g_strdup_printf ("d%u", i);
}

/* Two-character blocks "c0" and "ar" add the same to GLib's h * 33 + c. */
static char *
colliding_id (guint i)
{
  GString *id = g_string_new (NULL);

  for (guint b = 0; b < 13; b++)
    g_string_append (id, (i >> b) & 1 ? "ar" : "c0");
  return g_string_free (id, FALSE);
}

static void
assert_refused (const char *path,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load (path, &error);

  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_fifo_dataset (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pipe.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:1:1: $: cannot read the file: it is a named "
                                               "pipe, not a regular file", path);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  /* Nothing ever writes to it: a blocking open would never come back. */
  assert_refused (path, expected);
}

static void
test_device_and_folder (Fixture       *fixture,
                        gconstpointer  data)
{
  assert_refused ("/dev/zero", "/dev/zero:1:1: $: cannot read the file: it is a device, not a "
                               "regular file");
  {
    g_autofree char *expected = g_strdup_printf ("%s:1:1: $: cannot read the file: it is a "
                                                 "folder, not a regular file", fixture->dir);

    assert_refused (fixture->dir, expected);
  }
}

static void
test_fifo_boundaries (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *pipe = g_build_filename (fixture->dir, "pipe.geojson", NULL);
  g_autofree char *path = write_dataset (fixture->dir, "pipe.geojson", 2, plain_id, NULL);
  g_autofree char *expected = NULL;

  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  expected = g_strdup_printf ("%s:1:123: $.boundaries.file: cannot read boundary file "
                              "\"pipe.geojson\": it is a named pipe, not a regular file", path);
  assert_refused (path, expected);
}

/* A link to a file outside the dataset's folder is refused (though that file is a good
 * boundary file); a link to a file inside it is followed. */
static void
test_boundary_link_outside (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *inner = g_build_filename (fixture->dir, "inner", NULL);
  g_autofree char *boundaries = g_build_filename (inner, "b.geojson", NULL);
  g_autofree char *outside = g_build_filename (fixture->dir, "outside.geojson", NULL);
  g_autofree char *moved = g_build_filename (inner, "real.geojson", NULL);
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  g_assert_cmpint (g_mkdir (inner, 0700), ==, 0);
  path = write_dataset (inner, "b.geojson", 2, plain_id, NULL);
  g_assert_cmpint (g_rename (boundaries, outside), ==, 0);
  g_assert_cmpint (symlink ("../outside.geojson", boundaries), ==, 0);
  expected = g_strdup_printf ("%s:1:123: $.boundaries.file: cannot read boundary file "
                              "\"b.geojson\": it leads outside the dataset's folder", path);
  assert_refused (path, expected);

  /* The same file moved inside, under another name, and linked to: fine. */
  g_assert_cmpint (g_unlink (boundaries), ==, 0);
  g_assert_cmpint (g_rename (outside, moved), ==, 0);
  g_assert_cmpint (symlink ("real.geojson", boundaries), ==, 0);
  dataset = atlas_dataset_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
}

/* A file that is not JSON at all: said so, with none of its bytes. */
static void
test_not_json_not_echoed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_file (fixture->dir, "shadow", "root:$6$salt$hash:19000::\n");
  g_autofree char *expected = g_strdup_printf ("%s:1:1: $: the file is not JSON: it does not "
                                               "start with a JSON value", path);

  assert_refused (path, expected);
}

/* Control characters from a file are escaped in its problems: one problem, one line. */
static void
test_control_characters_escaped (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = write_dataset (fixture->dir, "b.geojson", 1, plain_id,
                                         "\"\\u001b]0;owned\\u0007\\n\\t\":1");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load (path, &error);
  g_autofree char *expected = g_strdup_printf ("%s:1:313: $[\"\\x1b]0;owned\\x07\\n\\t\"]: "
                                               "unknown member \"\\x1b]0;owned\\x07\\n\\t\"",
                                               path);

  g_assert_null (dataset);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Ids that all collide under GLib's string hash load and resolve like any others. */
static void
test_colliding_ids (Fixture       *fixture,
                    gconstpointer  data)
{
  const guint n = 4096;
  g_autofree char *last = colliding_id (n - 1);
  g_autofree char *extra = g_strdup_printf ("\"updates\":[{\"id\":\"u\",\"date\":\"2024-01-01\","
                                            "\"title\":\"T\",\"districts\":[\"%s\"],"
                                            "\"source\":\"notes\"}]", last);
  g_autofree char *path = write_dataset (fixture->dir, "b.geojson", n, colliding_id, extra);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load (path, &error);
  guint count;

  g_assert_no_error (error);
  atlas_dataset_get_districts (dataset, &count);
  g_assert_cmpuint (count, ==, n);
  for (guint i = 0; i < n; i += 257)
    {
      g_autofree char *id = colliding_id (i);
      g_autofree char *name = g_strdup_printf ("D%u", i);

      g_assert_cmpstr (atlas_dataset_find_district (dataset, id)->name, ==, name);
    }
  g_assert_cmpstr (atlas_dataset_get_updates (dataset, &count)[0].districts[0]->id, ==, last);
}

/* A partnership and an update naming every one of many districts: the one repeat and the one
 * district already in another place partnership are found, at their own places. */
static void
test_long_district_lists (Fixture       *fixture,
                          gconstpointer  data)
{
  const guint n = 20000;
  GString *all = g_string_new (NULL);
  g_autofree char *extra = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (all, "%s\"d%u\"", i ? "," : "", i);
  extra = g_strdup_printf ("\"partnerships\":[{\"id\":\"first\",\"name\":\"F\",\"kind\":\"place\","
                           "\"districts\":[\"d7\"],\"source\":\"notes\"},"
                           "{\"id\":\"all\",\"name\":\"A\",\"kind\":\"place\",\"districts\":[%s,"
                           "\"d12345\"],\"source\":\"notes\"}],"
                           "\"updates\":[{\"id\":\"u\",\"date\":\"2024-01-01\",\"title\":\"T\","
                           "\"districts\":[%s],\"source\":\"notes\"}]", all->str, all->str);
  g_string_free (all, TRUE);
  path = write_dataset (fixture->dir, "b.geojson", n, plain_id, extra);
  dataset = atlas_dataset_load (path, &error);
  g_assert_null (dataset);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], ": $.partnerships[1].districts[7]: district \"d7\" is "
                                      "already in place partnership \"first\""));
  g_assert_nonnull (strstr (lines[1], ": $.partnerships[1].districts[20000]: district "
                                      "\"d12345\" is listed twice"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/hostile/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fifo-dataset", test_fifo_dataset);
  ADD ("device-and-folder", test_device_and_folder);
  ADD ("fifo-boundaries", test_fifo_boundaries);
  ADD ("boundary-link-outside", test_boundary_link_outside);
  ADD ("not-json-not-echoed", test_not_json_not_echoed);
  ADD ("control-characters-escaped", test_control_characters_escaped);
  ADD ("colliding-ids", test_colliding_ids);
  ADD ("long-district-lists", test_long_district_lists);
#undef ADD

  return g_test_run ();
}
