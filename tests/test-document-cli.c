/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Map documents on the built command line (ATLAS_CLI), with no display: --validate, --map for
 * --export and --export-pack. The example document's PDF carries its pin's label as text
 * (read back with pdftotext), and every malformed document is refused with exactly the
 * problems its .expected file lists. */
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-test-util.h"

#define EXAMPLE "docs/examples/watford-health-hub.atlas"
#define PIN_LABEL "New health hub (ICP, November 2023)"

static char *source_root;
static char *tmp;

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

/* The text of a PDF, as pdftotext reads it (poppler-utils, from build-aux/install-deps.sh). */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (pdftotext == NULL)
    g_error ("pdftotext is missing: run build-aux/install-deps.sh");
  g_spawn_sync (NULL, (char *[]) { pdftotext, (char *) pdf, (char *) "-", NULL }, NULL, 0, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Line breaks as spaces: a label may wrap on the page. */
static char *
flatten (const char *text)
{
  return g_strdelimit (g_strdup (text), "\n", ' ');
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL)
         && child != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

static void
test_validate (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&out, &err, "--validate", EXAMPLE,
                        "docs/examples/every-annotation.atlas", "hwe", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   EXAMPLE ": map of hwe, 1 annotation, 0 data layers\n"
                   "docs/examples/every-annotation.atlas: map of hwe, 4 annotations, "
                   "0 data layers\n"
                   "hwe: 13 districts, 8 sites, 4 partnerships, 8 trusts, 6 priorities\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_refused (gconstpointer data)
{
  const char *name = data;
  g_autofree char *relative = g_strdup_printf ("tests/data/documents/bad/%s.atlas", name);
  g_autofree char *expected_path = g_build_filename (source_root, "tests", "data", "documents",
                                                     "bad", NULL);
  g_autofree char *expected_file = g_strdup_printf ("%s/%s.expected", expected_path, name);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_get_contents (expected_file, &expected, NULL, NULL));
  g_assert_cmpint (run (&out, &err, "--validate", relative, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, expected);
}

static void
test_export_pdf_has_pin (void)
{
  g_autofree char *pdf = g_build_filename (tmp, "watford-hub.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_cmpint (run (&out, &err, "--export", pdf, "--map", EXAMPLE, "--size", "a4",
                        "--report-layout", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  /* The layout report has the annotation, inside the map frame. */
  g_assert_nonnull (strstr (out, "annotation\t" PIN_LABEL "\t"));
  text = pdf_text (pdf);
  flat = flatten (text);
  g_test_message ("%s", flat);
  g_assert_nonnull (strstr (flat, PIN_LABEL));
  /* The document's selection titles it. */
  g_assert_nonnull (strstr (flat, "Watford"));
  g_unlink (pdf);
}

static void
test_export_pack_has_pin (void)
{
  g_autofree char *folder = g_build_filename (tmp, "pack", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pdf = g_build_filename (folder, "hwe-meeting-pack.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (run (&out, &err, "--export-pack", folder, "--map", EXAMPLE, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = pdf_text (pdf);
  /* On the cover and on Watford's page, at least. */
  g_assert_nonnull (strstr (text, "New health hub"));
  g_assert_nonnull (strstr (strstr (text, "New health hub") + 1, "New health hub"));
}

static void
test_map_conflicts (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *png = g_build_filename (tmp, "never.png", NULL);

  g_assert_cmpint (run (&out, &err, "--export", png, "--map", EXAMPLE, "--select", "dacorum",
                        NULL), ==, 1);
  g_assert_cmpstr (err, ==, "ics-atlas: --map says which system, selection and thematic layer "
                            "to show; leave out --select\n");
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "--export", png, "--map",
                        "tests/data/documents/bad/dangling-district.atlas", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "tests/data/documents/bad/dangling-district.atlas:4:44: "
                            "$.selection.id: no district has id \"watfrod\" in hwe\n");
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GFile) top = NULL;
  const char *entry;
  int status;

  g_test_init (&argc, &argv, NULL);
  source_root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
  tmp = g_dir_make_tmp ("atlas-document-cli-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/document-cli/validate", test_validate);
  g_test_add_func ("/document-cli/export-pdf-has-pin", test_export_pdf_has_pin);
  g_test_add_func ("/document-cli/export-pack-has-pin", test_export_pack_has_pin);
  g_test_add_func ("/document-cli/map-conflicts", test_map_conflicts);
  bad = g_build_filename (source_root, "tests", "data", "documents", "bad", NULL);
  dir = g_dir_open (bad, 0, NULL);
  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".atlas"))
      {
        char *name = g_strndup (entry, strlen (entry) - strlen (".atlas"));
        g_autofree char *path = g_strdup_printf ("/document-cli/refused/%s", name);

        g_test_add_data_func_full (path, name, test_refused, g_free);
      }
  status = g_test_run ();
  top = g_file_new_for_path (tmp);
  remove_tree (top);
  return status;
}
