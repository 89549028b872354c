/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-export-summary-private.h"
#include "atlas-test-util.h"

#include "atlas-data-resources.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

/* A record's summary set as print (atlas-export-summary-private.h): rows flow from column to
 * column and are never cut, and an export's caption names what it has no room for. */

#define COLUMN_WIDTH  300.0
#define COLUMN_HEIGHT 220.0

typedef struct {
  AtlasDataset *dataset;
  char *tmp;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dataset = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);
  f->tmp = g_dir_make_tmp ("atlas-export-summary-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  atlas_test_remove_tree (f->tmp);
  g_free (f->tmp);
  g_object_unref (f->dataset);
}

/* The text of a PDF, every run of white space made one space (lines wrap anywhere); NULL when
 * pdftotext is not installed. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *out = NULL;
  int status;

  if (g_find_program_in_path ("pdftotext") == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static AtlasSummaryFlow *
watford_flow (Fixture            *f,
              cairo_t            *cr,
              AtlasRecordSummary **summary)
{
  const AtlasDistrict *watford = atlas_dataset_find_district (f->dataset, "watford");

  g_assert_nonnull (watford);
  *summary = atlas_record_summary_new (f->dataset, ATLAS_SELECTION_DISTRICT, watford);
  return _atlas_summary_flow_new (cr, f->dataset, *summary, ATLAS_THEME_LIGHT, COLUMN_WIDTH,
                                  ATLAS_FLOW_TITLE | ATLAS_FLOW_SOURCES);
}

static void
test_printable (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *cut = _atlas_export_printable ("in 13 district areas … Our area");
  g_autofree char *whole = _atlas_export_printable ("Watford General Hospital");

  g_assert_cmpstr (cut, ==, "in 13 district areas [...] Our area");
  g_assert_cmpstr (whole, ==, "Watford General Hospital");
  g_assert_null (_atlas_export_printable (NULL));
}

/* Fills one column on a surface of its own; asserts that nothing is drawn below it. */
static gboolean
fill_within (AtlasSummaryFlow      *flow,
             const AtlasFlowColumn *column)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double x, y, w, h;
  gboolean done = _atlas_summary_flow_fill (flow, cr, column, 1);

  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  if (w > 0)
    {
      g_assert_cmpfloat (y, >=, column->y - 1);
      g_assert_cmpfloat (y + h, <=, column->y + column->height + 1);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return done;
}

/* Short columns take the summary in several, each starting where the last stopped; one tall
 * column takes it all. */
static void
test_flow_columns (Fixture       *f,
                   gconstpointer  data)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(AtlasRecordSummary) summary = NULL;
  g_autoptr(AtlasSummaryFlow) flow = watford_flow (f, cr, &summary);
  AtlasFlowColumn column = { 0, 0, COLUMN_WIDTH, COLUMN_HEIGHT };
  AtlasFlowColumn tall = { 0, 0, COLUMN_WIDTH, 100000 };
  guint n = 1;

  g_assert_false (_atlas_summary_flow_fill (flow, NULL, &column, 1));
  {
    g_autofree char *rest = _atlas_summary_flow_dup_rest (flow);

    g_assert_nonnull (rest);
    g_assert_nonnull (strstr (rest, "Sources"));
  }
  while (!fill_within (flow, &column))
    g_assert_cmpuint (++n, <, 100);
  g_test_message ("Watford's summary takes %u columns of %.0f", n + 1, COLUMN_HEIGHT);
  g_assert_cmpuint (n, >=, 2);
  g_assert_null (_atlas_summary_flow_dup_rest (flow));

  _atlas_summary_flow_rewind (flow);
  g_assert_true (_atlas_summary_flow_fill (flow, NULL, &tall, 1));
  g_assert_cmpfloat (_atlas_summary_flow_line_height (flow), >, 5);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Drawn a column to a page until all is placed, the summary has every fact whole: what the
 * issue asks of Watford's page, and never a mark of cut text. */
static void
test_flow_nothing_cut (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmp, "watford.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, COLUMN_WIDTH + 40,
                                                       COLUMN_HEIGHT + 40);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(AtlasRecordSummary) summary = NULL;
  AtlasSummaryFlow *flow = watford_flow (f, cr, &summary);
  AtlasFlowColumn column = { 20, 20, COLUMN_WIDTH, COLUMN_HEIGHT };
  g_autofree char *text = NULL;
  guint pages = 0;
  gboolean done;

  do
    {
      done = _atlas_summary_flow_fill (flow, cr, &column, 1);
      cairo_show_page (cr);
      g_assert_cmpuint (++pages, <, 100);
    }
  while (!done);
  _atlas_summary_flow_free (flow);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Watford General Hospital"));
  g_assert_nonnull (strstr (text, "West Hertfordshire Teaching Hospitals"));
  g_assert_nonnull (strstr (text, "South and West Hertfordshire"));
  g_assert_nonnull (strstr (text, "health hub"));
  g_assert_nonnull (strstr (text, "Sources"));
  g_assert_null (strstr (text, "…"));
}

/* An export's caption has one column: what does not fit is named at its foot, whole. */
static void
test_caption_names_the_rest (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmp, "caption.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  const char *note;
  AtlasExportOptions options;

  atlas_export_options_init (&options, f->dataset);
  g_assert_true (atlas_export_parse_size ("a4", ATLAS_EXPORT_FORMAT_PDF, &options.width,
                                          &options.height, &error));
  options.furniture |= ATLAS_EXPORT_CAPTION;
  atlas_cartography_options_set_selection (&options.carto, ATLAS_SELECTION_DISTRICT,
                                           atlas_dataset_find_district (f->dataset, "watford"));
  g_assert_true (atlas_export_to_file (&options, file, ATLAS_EXPORT_FORMAT_PDF, NULL, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Watford General Hospital"));
  note = strstr (text, "Not shown, or not in full, for want of room: ");
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "Sources. The side panel and the meeting pack have them."));
  g_assert_null (strstr (text, "…"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Links the data resource (and its registration) from the static core library. */
  (void) atlas_data_get_resource ();

#define ADD(path, func) \
  g_test_add ("/export-summary/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("printable", test_printable);
  ADD ("flow-columns", test_flow_columns);
  ADD ("flow-nothing-cut", test_flow_nothing_cut);
  ADD ("caption-names-the-rest", test_caption_names_the_rest);
#undef ADD

  return g_test_run ();
}
