/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "atlas-test-util.h"

/* Runs the built ics-atlas (ATLAS_CLI) with no display, from the source root. */

static char *source_root;

static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = atlas_test_run_cli_valist (source_root, out, err, first, args);
  va_end (args);
  return status;
}

static gboolean
have_bundled (void)
{
  /* The bundled data must always be there: a build without it is broken. */
  return TRUE;
}

#define MINI "tests/data/good/mini.json"

static void
test_version (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "ics-atlas 0.1.0\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_validate_file (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "--validate", MINI, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "mini: 3 districts, 3 sites, 3 partnerships, 2 trusts, 2 priorities\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_validate_mixed (void)
{
  g_autofree char *out = NULL, *err = NULL;

  /* One good, one bad: both reported, and the status says something failed. */
  g_assert_cmpint (run (&out, &err, "--validate", MINI, "tests/data/bad/latitude-91.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "mini: 3 districts, 3 sites, 3 partnerships, 2 trusts, 2 priorities\n");
  g_assert_cmpstr (err, ==, "tests/data/bad/latitude-91.json:21:76: $.sites[0].lat: latitude 91 is outside [-90, 90]\n");
}

static void
test_validate_bundled (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *hwe_out = NULL, *hwe_err = NULL;

  if (!have_bundled ())
    return;
  g_assert_cmpint (run (&out, &err, "--validate", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "hwe: 13 districts, 8 sites, 4 partnerships, 8 trusts, 6 priorities\n"
                                        "nel: 8 districts, 8 sites, 7 partnerships, 6 trusts, "));
  g_assert_cmpint (run (&hwe_out, &hwe_err, "--validate", "hwe", NULL), ==, 0);
  g_assert_cmpstr (hwe_out, ==, "hwe: 13 districts, 8 sites, 4 partnerships, 8 trusts, 6 priorities\n");
}

static void
test_locate (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "--locate", "51.75,1.75", "--dataset", MINI, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "gamma\tGamma Islands\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* In alpha's hole. */
  g_assert_cmpint (run (&out, &err, "--locate", "50.5,0.5", "--dataset", MINI, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "No district of mini contains 50.5,0.5\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "--locate", "51.6497;-0.4011", "--dataset", MINI, NULL), ==, 1);
  g_assert_true (strstr (err, "--locate expects LAT,LON") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "--locate", "91,0", "--dataset", MINI, NULL), ==, 1);
  g_assert_true (strstr (err, "--locate expects LAT,LON") != NULL);
}

static void
test_locate_bundled (void)
{
  g_autofree char *out = NULL, *err = NULL;

  if (!have_bundled ())
    return;
  g_assert_cmpint (run (&out, &err, "--locate", "51.6497,-0.4011", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "watford\tWatford\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_list (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "--list", "districts", "--dataset", MINI, NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "alpha\tAlpha\tT001\tAlpha Council\tTestshire\tsouth\n"
                   "beta\tBeta\tT002\t\t\tsouth\n"
                   "gamma\tGamma Islands\tT003\t\t\tnorth\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "--list", "sites", "--dataset", MINI, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "alpha-general\tAlpha General Hospital\tacute\t50.2\t0.2\talpha\tmini-acute\tAlpha\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "--list", "partnerships", "--dataset", MINI, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "south\tSouth Partnership\tplace\t#0072b2\talpha,beta\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "--list", "trusts", "--dataset", MINI, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "mini-acute\tMini Acute NHS Trust\tMAT\tacute\t\n"
                            "mini-community\tMini Community NHS Trust\t\tcommunity\teverywhere\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "--list", "priorities", "--dataset", MINI, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "best-start\t1\tGive every child the best start in life\tStrategic priorities\t\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "--list", "hospitals", "--dataset", MINI, NULL), ==, 1);
  g_assert_true (strstr (err, "--list expects districts, sites") != NULL);
}

/* --search prints KIND, ID, NAME and WHERE, best first, forgiving typing errors. */
static void
test_search (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *hub = NULL, *hub_err = NULL;
  g_autofree char *overweight = NULL, *overweight_err = NULL;
  g_autofree char *best = NULL, *best_err = NULL;
  g_autofree char *none = NULL, *none_err = NULL;

  g_assert_cmpint (run (&out, &err, "--search", "watfrod", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "district\twatford\tWatford\tname\n"));

  g_assert_cmpint (run (&hub, &hub_err, "--search", "health hub", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (hub, "update\ticp-2023-11\tHeadlines from Hertfordshire and "
                                        "West Essex Integrated Care Partnership meeting "
                                        "(November 2023)\titem 4\n"));

  g_assert_cmpint (run (&overweight, &overweight_err, "--search", "overweight", NULL), ==, 0);
  g_assert_nonnull (strstr (overweight, "indicator\toverweight-4-5\tChildren aged 4–5 "
                                        "overweight or obese\tname\n"));
  g_assert_nonnull (strstr (overweight, "indicator\toverweight-10-11\t"));

  g_assert_cmpint (run (&best, &best_err, "--search", "best start", "--dataset", "nel", NULL),
                   ==, 0);
  g_assert_true (g_str_has_prefix (best, "priority\tch-children-families\tChildren, young "
                                         "people, families and maternity – giving every child "
                                         "the best start in life\tname\n"));

  g_assert_cmpint (run (&none, &none_err, "--search", "qqqqqqq", NULL), ==, 1);
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (none_err, ==, "ics-atlas: nothing in hwe matches “qqqqqqq”\n");
}

/* Names full of tabs, line breaks and terminal escapes: one record is one line, with every
 * control character escaped and none sent to the terminal. */
static void
test_list_escapes (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (&out, &err, "--list", "districts", "--dataset",
                        "tests/data/good/line-breaks.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_null (strchr (out, '\x1b'));
  g_assert_null (strchr (out, '\r'));
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "alpha\tAlpha\\n\\n\\n"));
  g_assert_true (g_str_has_suffix (lines[0], "\\nOmega\tT001\tAlpha Council\tTestshire\tsouth"));
  g_assert_cmpstr (lines[1], ==, "beta\tTab\\tbed\\x1b[31m red \\x1b[0m\\x07\tT002\t\t\tsouth");
  g_assert_true (g_str_has_prefix (lines[2], "gamma\tGamma Islands\tT003\tCouncil\\rCouncil\\r"));
  g_assert_cmpstr (lines[3], ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Every list, and the summary: as many lines as records. */
  g_assert_cmpint (run (&out, &err, "--list", "sites", "--dataset",
                        "tests/data/good/line-breaks.json", NULL), ==, 0);
  g_strfreev (lines);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3 + 1);
  g_assert_null (strchr (out, '\x1b'));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "--validate", "tests/data/good/line-breaks.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "line-breaks: 3 districts, 3 sites, 3 partnerships, 2 trusts, "
                            "2 priorities\n");
}

/* What the user typed is escaped too. */
static void
test_arguments_escaped (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "--list", "x\x1b[2J\ny", "--dataset", MINI, NULL), ==, 1);
  g_assert_cmpstr (err, ==, "ics-atlas: --list expects districts, sites, partnerships, trusts or "
                            "priorities; got “x\\x1b[2J\\ny”\n");
}

/* Not regular files, and a file that is not JSON: a clear message at once, no bytes of it. */
static void
test_special_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-cli-XXXXXX", &error);
  g_autofree char *pipe = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  g_assert_cmpint (run (&out, &err, "--validate", pipe, NULL), ==, 1);
  expected = g_strdup_printf ("%s:1:1: $: cannot read the file: it is a named pipe, not a "
                              "regular file\n", pipe);
  g_assert_cmpstr (err, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  g_assert_cmpint (run (&out, &err, "--list", "sites", "--dataset", "/dev/zero", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "/dev/zero:1:1: $: cannot read the file: it is a device, not a "
                            "regular file\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (text, "secret: hunter2\n", -1, NULL));
  g_assert_cmpint (run (&out, &err, "--validate", text, NULL), ==, 1);
  expected = g_strdup_printf ("%s:1:1: $: the file is not JSON: it does not start with a JSON "
                              "value\n", text);
  g_assert_cmpstr (err, ==, expected);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  /* A boundary file that is a link to a file outside the dataset's folder. */
  {
    g_autofree char *inner = g_build_filename (dir, "inner", NULL);
    g_autofree char *dataset = g_build_filename (inner, "mini.json", NULL);
    g_autofree char *link = g_build_filename (inner, "mini-boundaries.geojson", NULL);
    g_autofree char *mini = g_build_filename (source_root, MINI, NULL);
    g_autofree char *boundaries = g_build_filename (source_root, "tests", "data", "good",
                                                    "mini-boundaries.geojson", NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (g_mkdir (inner, 0700), ==, 0);
    g_assert_true (g_file_get_contents (mini, &contents, NULL, NULL));
    g_assert_true (g_file_set_contents (dataset, contents, -1, NULL));
    g_assert_cmpint (symlink (boundaries, link), ==, 0);
    g_assert_cmpint (run (&out, &err, "--validate", dataset, NULL), ==, 1);
    expected = g_strdup_printf ("%s:13:27: $.boundaries.file: cannot read boundary file "
                                "\"mini-boundaries.geojson\": it leads outside the dataset's "
                                "folder\n", dataset);
    g_assert_cmpstr (err, ==, expected);
    g_unlink (link);
    g_unlink (dataset);
    g_rmdir (inner);
  }

  g_unlink (pipe);
  g_unlink (text);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tests = NULL;

  g_test_init (&argc, &argv, NULL);
  tests = g_canonicalize_filename (g_test_get_dir (G_TEST_DIST), NULL);
  source_root = g_path_get_dirname (tests);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/validate/file", test_validate_file);
  g_test_add_func ("/cli/validate/mixed", test_validate_mixed);
  g_test_add_func ("/cli/validate/bundled", test_validate_bundled);
  g_test_add_func ("/cli/locate", test_locate);
  g_test_add_func ("/cli/locate/bundled", test_locate_bundled);
  g_test_add_func ("/cli/list", test_list);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/list/escapes", test_list_escapes);
  g_test_add_func ("/cli/arguments-escaped", test_arguments_escaped);
  g_test_add_func ("/cli/special-files", test_special_files);

  return g_test_run ();
}
