/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What an export draws, read from `ics-atlas --report-layout` (ATLAS_CLI, no display): for both
 * bundled systems at slide, A4, 1280×800 and 800×600, every district and acute hospital is
 * named, and no name meets another, a site or the furniture; the system is framed clear of the
 * furniture; a 120-character title at A4 comes out whole on two lines, a longer one cut on two;
 * a page framed on a selection keeps it clear of the furniture too. */
#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-export.h"
#include "atlas-test-layout.h"
#include "atlas-test-util.h"

/* 120 characters. */
#define LONG_TITLE "Hospital discharge and community beds across Hertfordshire and West Essex: " \
                   "what the partnerships agreed for winter 2026."

typedef struct {
  const char *dataset;
  const char *size;
} Case;

static const Case cases[] = {
  { "hwe", "slide" }, { "hwe", "a4" }, { "hwe", "1280x800" }, { "hwe", "800x600" },
  { "nel", "slide" }, { "nel", "a4" }, { "nel", "1280x800" }, { "nel", "800x600" },
};

static char *tmp;

/* The report of a command's export (its arguments from first to a NULL). */
static GPtrArray *
export_report (const char *first,
               ...)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;
  int status;

  va_start (args, first);
  status = atlas_test_run_cli_valist (tmp, &out, &err, first, args);
  va_end (args);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  return atlas_test_parse_report (out);
}

/* Where the system's bounding box lands on the page the command line drew. */
static void
get_system_box (AtlasDataset *dataset,
                const char   *size,
                double        box[4])
{
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  const AtlasBBox *bbox = atlas_dataset_get_bbox (dataset);
  AtlasExportOptions options;

  atlas_map_state_set_dataset (state, dataset);
  atlas_export_options_init_from_state (&options, state);
  g_assert_true (atlas_export_parse_size (size, ATLAS_EXPORT_FORMAT_PNG, &options.width,
                                          &options.height, NULL));
  atlas_export_location_to_surface (&options, bbox->min_x, bbox->max_y, &box[0], &box[1]);
  atlas_export_location_to_surface (&options, bbox->max_x, bbox->min_y, &box[2], &box[3]);
}

static void
test_names (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *name = g_strdup_printf ("%s-%s.png", c->dataset, c->size);
  g_autofree char *path = g_build_filename (tmp, name, NULL);
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load (c->dataset, NULL);
  g_autoptr(GPtrArray) items = export_report ("--export", name, "--dataset", c->dataset,
                                              "--size", c->size, "--report-layout", NULL);
  double box[4];

  g_assert_nonnull (dataset);
  atlas_test_check_names (items, dataset, name);

  get_system_box (dataset, c->size, box);
  if (!atlas_test_box_is_clear (items, box[0], box[1], box[2] - box[0], box[3] - box[1]))
    g_error ("%s: the system (%.0f, %.0f)–(%.0f, %.0f) is not framed clear of the furniture",
             name, box[0], box[1], box[2], box[3]);
  g_unlink (path);
}

/* Above the map, inside the page's width, and the attribution under the map. */
static void
check_bands (GPtrArray *items)
{
  const AtlasTestItem *title = atlas_test_find_item (items, "title", NULL);
  const AtlasTestItem *subtitle = atlas_test_find_item (items, "subtitle", NULL);
  const AtlasTestItem *frame = atlas_test_find_item (items, "map-frame", NULL);
  const AtlasTestItem *attribution = atlas_test_find_item (items, "attribution", NULL);

  g_assert_cmpfloat (title->x + title->width, <=, frame->x + frame->width + 1);
  g_assert_cmpfloat (title->y + title->height, <=, subtitle->y + 1);
  g_assert_cmpfloat (subtitle->y + subtitle->height, <=, frame->y);
  g_assert_cmpfloat (attribution->y, >=, frame->y + frame->height);
}

static void
test_long_title (void)
{
  g_autofree char *longer = g_strdup_printf ("%s; %s; %s", LONG_TITLE, LONG_TITLE, LONG_TITLE);
  g_autofree char *pdf = g_build_filename (tmp, "title.pdf", NULL);
  g_autoptr(GPtrArray) plain = export_report ("--export", pdf, "--size", "a4",
                                              "--report-layout", NULL);
  g_autoptr(GPtrArray) whole = export_report ("--export", pdf, "--size", "a4",
                                              "--title", LONG_TITLE, "--report-layout", NULL);
  g_autoptr(GPtrArray) cut = export_report ("--export", pdf, "--size", "a4", "--title", longer,
                                            "--report-layout", NULL);
  const AtlasTestItem *one_line = atlas_test_find_item (plain, "title", NULL);
  const AtlasTestItem *title;
  g_autofree char *kept = NULL;

  g_assert_cmpuint (g_utf8_strlen (LONG_TITLE, -1), ==, 120);

  /* Whole, on two lines: taller than one, not as tall as three. */
  title = atlas_test_find_item (whole, "title", NULL);
  g_assert_cmpstr (title->text, ==, LONG_TITLE);
  g_assert_cmpfloat (title->height, >, 1.5 * one_line->height);
  g_assert_cmpfloat (title->height, <, 2.5 * one_line->height);
  check_bands (whole);

  /* Too long for two lines even in smaller type: cut at a word, with an ellipsis. */
  title = atlas_test_find_item (cut, "title", NULL);
  g_assert_true (g_str_has_suffix (title->text, "…"));
  kept = g_strndup (title->text, strlen (title->text) - strlen ("…"));
  g_assert_true (g_str_has_prefix (longer, kept));
  g_assert_cmpuint (strlen (kept), >, strlen (LONG_TITLE));
  g_assert_cmpfloat (title->height, <, 2.5 * one_line->height);
  check_bands (cut);
  g_unlink (pdf);
}

/* A page about a partnership (as the meeting pack draws them) frames it clear of the furniture. */
static void
test_selection_framing (void)
{
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", NULL);
  g_autoptr(GPtrArray) report = atlas_export_report_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *lines = NULL;
  const AtlasPartnership *partnership;
  cairo_surface_t *surface;
  AtlasExportOptions options;
  AtlasBBox bbox;
  cairo_t *cr;
  double x0, y0, x1, y1;
  guint n;

  partnership = atlas_dataset_get_partnerships (dataset, &n);
  atlas_export_options_init (&options, dataset);
  atlas_cartography_options_set_selection (&options.carto, ATLAS_SELECTION_PARTNERSHIP,
                                           partnership);
  options.framing = ATLAS_EXPORT_FRAME_SELECTION;
  options.furniture |= ATLAS_EXPORT_CAPTION;
  options.width = 842;
  options.height = 595;
  options.report = report;
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
  cr = cairo_create (surface);
  atlas_export_render (cr, &options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  lines = atlas_export_report_format (report);
  items = atlas_test_parse_report (lines);
  atlas_selection_record_get_bbox (dataset, ATLAS_SELECTION_PARTNERSHIP, partnership, &bbox);
  atlas_export_location_to_surface (&options, bbox.min_x, bbox.max_y, &x0, &y0);
  atlas_export_location_to_surface (&options, bbox.max_x, bbox.min_y, &x1, &y1);
  g_assert_true (atlas_test_box_is_clear (items, x0, y0, x1 - x0, y1 - y0));
  g_assert_nonnull (atlas_test_find_item (items, "label", NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp = g_dir_make_tmp ("atlas-export-layout-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/export-layout/names/%s/%s", cases[i].dataset,
                                               cases[i].size);

      g_test_add_data_func (path, &cases[i], test_names);
    }
  g_test_add_func ("/export-layout/long-title", test_long_title);
  g_test_add_func ("/export-layout/selection-framing", test_selection_framing);

  status = g_test_run ();
  atlas_test_remove_tree (tmp);
  g_free (tmp);
  return status;
}
