/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-test-util.h"

/* Runs the built ics-atlas (ATLAS_CLI) --export and --export-pack with no display. */

static char *tmp;

static int
run (char       **err,
     const char  *first,
     ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = atlas_test_run_cli_valist (tmp, NULL, err, first, args);
  va_end (args);
  return status;
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_export_slide (void)
{
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (tmp, "watford.png", NULL);
  cairo_surface_t *png;

  /* A relative name: written into the working folder. */
  g_assert_cmpint (run (&err, "--export", "watford.png", "--select", "watford",
                        "--size", "slide", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1080);
  cairo_surface_destroy (png);
  g_unlink (path);
}

static void
test_export_vector (void)
{
  g_autofree char *err = NULL;
  g_autofree char *svg = g_build_filename (tmp, "herts.svg", NULL);
  g_autofree char *pdf = g_build_filename (tmp, "herts.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (run (&err, "--export", svg, "--dataset", "hwe", "--select", "west-essex",
                        "--size", "1280x720", "--title", "West Essex", NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (strstr (text, "width=\"1280px\""));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, "--export", pdf, "--size", "a4", NULL), ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (pdf, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  g_clear_pointer (&err, g_free);

  /* A portrait page: an SVG at 96 px per inch, taller than wide. */
  g_assert_cmpint (run (&err, "--export", svg, "--size", "a4-portrait", NULL), ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "width=\"794px\""));
  g_assert_nonnull (strstr (text, "height=\"1123px\""));
  g_unlink (svg);
  g_unlink (pdf);
}

static void
test_export_errors (void)
{
  g_autofree char *err = NULL;
  g_autofree char *blocker = g_build_filename (tmp, "blocker", NULL);
  g_autofree char *bad = g_build_filename (blocker, "watford.png", NULL);

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_cmpint (run (&err, "--export", bad, "--select", "watford", NULL), !=, 0);
  g_assert_nonnull (strstr (err, bad));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, "--export", "x.png", "--select", "no-such-place", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "no-such-place"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, "--export", "x.jpg", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "x.jpg"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, "--export", "x.png", "--size", "big", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "big"));
  g_assert_nonnull (strstr (err, "a4-portrait"));
  g_clear_pointer (&err, g_free);

  /* A read-only file is not replaced, even by root. */
  {
    g_autofree char *read_only = g_build_filename (tmp, "read-only.svg", NULL);
    g_autofree char *expected = g_strdup_printf ("ics-atlas: Could not write “%s”: the file is "
                                                 "read-only, so it was not replaced\n",
                                                 read_only);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (read_only, "keep", -1, NULL));
    g_assert_cmpint (g_chmod (read_only, 0444), ==, 0);
    g_assert_cmpint (run (&err, "--export", read_only, NULL), ==, 1);
    g_assert_cmpstr (err, ==, expected);
    g_assert_true (g_file_get_contents (read_only, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "keep");
    g_unlink (read_only);
  }

  /* Nothing was written by the failures but the blocker itself. */
  g_assert_cmpuint (count_entries (tmp), ==, 1);
  g_unlink (blocker);
}

static void
test_export_pack (void)
{
  g_autofree char *err = NULL;
  g_autofree char *folder = g_build_filename (tmp, "pack", NULL);
  g_autofree char *pdf = g_build_filename (folder, "hwe-meeting-pack.pdf", NULL);

  g_assert_cmpint (run (&err, "--export-pack", folder, "--by", "partnership", NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  /* The PDF, one PNG per partnership, and the list of what the pack wrote. */
  g_assert_cmpuint (count_entries (folder), ==, 1 + 4 + 1);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, "--export-pack", folder, "--by", "trust", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "trust"));
}

static int
run_with_output (char       **out,
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

/* The line of the layout report of that kind (the first), split into its six fields. */
static char **
find_item (const char *report,
           const char *kind)
{
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) == 6 && g_str_equal (fields[0], kind))
        return fields;
      g_strfreev (fields);
    }
  return NULL;
}

/* Every kind of record can be the export's subject: its name is the title. */
static void
test_select_every_kind (void)
{
  static const struct {
    const char *id;
    const char *title;
  } records[] = {
    { "watford", "Watford — South and West Hertfordshire Health and Care Partnership" },
    { "south-west-herts", "South and West Hertfordshire Health and Care Partnership" },
    { "whth", "West Hertfordshire Teaching Hospitals NHS Trust" },
    { "lister", "Lister Hospital — East and North Hertfordshire NHS Trust" },
    { "best-start", "Give every child the best start in life" },
    { "icp-2023-11",
      "Headlines from Hertfordshire and West Essex Integrated Care Partnership meeting "
      "(November 2023)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_auto(GStrv) title = NULL;

      g_assert_cmpint (run_with_output (&out, &err, "--export", "subject.png", "--select",
                                        records[i].id, "--report-layout", NULL), ==, 0);
      title = find_item (out, "title");
      g_assert_nonnull (title);
      g_test_message ("%s: %s", records[i].id, title[1]);
      g_assert_cmpstr (title[1], ==, records[i].title);
    }
}

/* --thematic colours the districts by an indicator, its legend says so; an unknown layer is
 * refused with the ones there are; --basemap osm is said to stay offline in exports. */
static void
test_thematic_and_basemap (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (tmp, "indicator.png", NULL);
  g_auto(GStrv) legend = NULL;
  g_auto(GStrv) subtitle = NULL;

  g_assert_cmpint (run_with_output (&out, &err, "--export", "indicator.png", "--thematic",
                                    "overweight-4-5", "--report-layout", NULL), ==, 0);
  legend = find_item (out, "legend");
  g_assert_cmpstr (legend[1], ==, "Children aged 4–5 overweight or obese");
  g_assert_nonnull (strstr (out, "legend\t20.1 % · Hertfordshire\t"));
  g_assert_nonnull (strstr (out, "legend\t22.3 % · Essex\t"));
  g_assert_nonnull (strstr (out, "covers all of Essex"));
  subtitle = find_item (out, "subtitle");
  g_assert_true (g_str_has_prefix (subtitle[1], "Children aged 4–5 overweight or obese, 2019-20"));
  g_unlink (path);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_with_output (&out, &err, "--export", "x.png", "--thematic", "smoking",
                                    NULL), ==, 1);
  g_assert_cmpstr (err, ==, "ics-atlas: hwe has no thematic layer “smoking”; use one of: "
                            "partnerships, overweight-4-5, overweight-10-11\n");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_with_output (&out, &err, "--export", "osm.png", "--basemap", "osm", NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "ics-atlas: exports draw the offline base map; the OpenStreetMap "
                            "street map is only shown in the window\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_with_output (&out, &err, "--export", "x.png", "--basemap", "satellite",
                                    NULL), ==, 1);
  g_assert_nonnull (strstr (err, "satellite"));
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

/* Whether anything but the plain colour of its top-left corner is drawn inside a box. */
static gboolean
box_has_drawing (cairo_surface_t *png,
                 char           **item)
{
  int x = atoi (item[2]), y = atoi (item[3]), w = atoi (item[4]), h = atoi (item[5]);
  guint32 plain = pixel_at (png, x + 1, y + 1);

  for (int py = y; py < y + h; py++)
    for (int px = x; px < x + w; px++)
      if (pixel_at (png, px, py) != plain)
        return TRUE;
  return FALSE;
}

/* The report lists each element where it is drawn: inside the image, something drawn in its
 * box, and the legend's entries inside the legend's box. */
static void
test_report_layout (void)
{
  static const char * const kinds[] = {
    "title", "subtitle", "map-frame", "legend-box", "legend", "scale-bar", "north-arrow",
    "attribution",
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (tmp, "layout.png", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) box = NULL;
  cairo_surface_t *png;
  guint entries = 0;

  g_assert_cmpint (run_with_output (&out, &err, "--export", "layout.png", "--select", "watford",
                                    "--report-layout", NULL), ==, 0);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(GStrv) item = find_item (out, kinds[i]);

      g_assert_nonnull (item);
      g_assert_cmpint (atoi (item[2]), >=, 0);
      g_assert_cmpint (atoi (item[3]), >=, 0);
      g_assert_cmpint (atoi (item[2]) + atoi (item[4]), <=, 1920);
      g_assert_cmpint (atoi (item[3]) + atoi (item[5]), <=, 1080);
      if (!g_str_equal (kinds[i], "map-frame"))
        g_assert_true (box_has_drawing (png, item));
    }

  box = find_item (out, "legend-box");
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) item = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (item) != 6 || !g_str_equal (item[0], "legend"))
        continue;
      entries++;
      g_assert_cmpint (atoi (item[2]), >=, atoi (box[2]));
      g_assert_cmpint (atoi (item[3]), >=, atoi (box[3]));
      g_assert_cmpint (atoi (item[2]) + atoi (item[4]), <=, atoi (box[2]) + atoi (box[4]));
      g_assert_cmpint (atoi (item[3]) + atoi (item[5]), <=, atoi (box[3]) + atoi (box[5]));
    }
  /* The title, three place partnerships, the thematic one, the sites' heading and two kinds. */
  g_assert_cmpuint (entries, ==, 8);
  cairo_surface_destroy (png);
  g_unlink (path);
}

/* --title: line breaks become spaces (the PDF's title says so), and text that is not UTF-8 is
 * refused naming the option. */
static void
test_title (void)
{
  g_autofree char *err = NULL;
  g_autofree char *pdf = g_build_filename (tmp, "titled.pdf", NULL);
  g_autofree char *bad = g_build_filename (tmp, "bad.png", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };

  g_assert_cmpint (run (&err, "--export", bad, "--title", "Caf\xe9 \xff", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "ics-atlas: --title expects UTF-8 text; the text given is not UTF-8\n");
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, "--export", pdf, "--size", "a4",
                        "--title", "Two\nlines\r\nand\u2028more", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  if (g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Title:           Two lines and more\n"));
  g_unlink (pdf);
}

/* --export-pack '' would mean the current folder: refused. Progress goes to standard error,
 * one line a step, only when asked (standard error is not a terminal here). */
static void
test_export_pack_edges (void)
{
  g_autofree char *err = NULL;
  g_autofree char *folder = g_build_filename (tmp, "progress", NULL);
  g_autofree char *mini = g_build_filename (g_test_get_dir (G_TEST_DIST), "data", "good",
                                            "mini.json", NULL);
  guint before = count_entries (tmp);

  g_assert_cmpint (run (&err, "--export-pack", "", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "ics-atlas: --export-pack expects the name of a folder\n");
  g_assert_cmpuint (count_entries (tmp), ==, before);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, "--export-pack", folder, "--dataset", mini, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);

  /* Again into the same folder: the earlier pack is replaced. */
  g_assert_cmpint (run (&err, "--export-pack", folder, "--dataset", mini, "--progress", NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==,
                   "ics-atlas: meeting pack: 1 of 7\n" "ics-atlas: meeting pack: 2 of 7\n"
                   "ics-atlas: meeting pack: 3 of 7\n" "ics-atlas: meeting pack: 4 of 7\n"
                   "ics-atlas: meeting pack: 5 of 7\n" "ics-atlas: meeting pack: 6 of 7\n"
                   "ics-atlas: meeting pack: 7 of 7\n");
  g_assert_cmpuint (count_entries (folder), ==, 1 + 3 + 1);
  atlas_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp = g_dir_make_tmp ("atlas-export-cli-XXXXXX", NULL);
  g_assert_nonnull (tmp);

  g_test_add_func ("/export-cli/slide", test_export_slide);
  g_test_add_func ("/export-cli/vector", test_export_vector);
  g_test_add_func ("/export-cli/errors", test_export_errors);
  g_test_add_func ("/export-cli/pack", test_export_pack);
  g_test_add_func ("/export-cli/select-every-kind", test_select_every_kind);
  g_test_add_func ("/export-cli/thematic-and-basemap", test_thematic_and_basemap);
  g_test_add_func ("/export-cli/report-layout", test_report_layout);
  g_test_add_func ("/export-cli/title", test_title);
  g_test_add_func ("/export-cli/pack-edges", test_export_pack_edges);

  status = g_test_run ();
  atlas_test_remove_tree (tmp);
  g_free (tmp);
  return status;
}
