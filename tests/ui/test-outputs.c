/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What you see is what you export: with an indicator on and Watford selected in the window,
 * every way out of it (the screenshot, the copied image, the export dialog's PNG, SVG and PDF
 * through the export-to action, a printed page, the meeting pack and the command line) shows
 * the districts in the colours the window shows them, and its legend lists the window's
 * entries. An output that ignored the thematic layer or the selection would show partnership
 * colours, or Watford without its tint, and fail here. The same again with a planner's own
 * layers instead of the indicator (/outputs/user-layer/: a Fingertips download and a point
 * layer, added as Add Data does): every output shows their classes and the points. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-export-dialog-private.h"
#include "atlas-legend.h"
#include "atlas-pack-dialog.h"
#include "atlas-print.h"
#include "atlas-test-util.h"
#include "window-test-util.h"

#define INDICATOR "overweight-4-5"

static AtlasApplication *app;

typedef struct {
  AtlasWindow *window;
  AtlasDataset *dataset;
  char *tmpdir;
  guint32 *fills;          /* per district: its colour on screen */
  GHashTable *foreign;     /* colours the map must not show: the partnerships' fills */
  gboolean user;           /* a planner's layers rather than the indicator */
  char *data;              /* their files */
  char *points;
  AtlasPointLayer *point_layer;
} Fixture;


/* What the window shows: the bundled indicator, or a planner's layers. */
typedef struct {
  gboolean user;
} Case;

static const Case indicator_case = { FALSE };
static const Case user_case = { TRUE };

/* Where a place lands in an output, in its pixels. */
typedef void (*LocateFunc) (gpointer  data,
                            double    lon,
                            double    lat,
                            double   *x,
                            double   *y);

static guint32
surface_pixel (cairo_surface_t *surface,
               int              x,
               int              y)
{
  const guint8 *p = cairo_image_surface_get_data (surface)
                    + (gsize) y * cairo_image_surface_get_stride (surface) + (gsize) x * 4;

  return (p[2] << 16) | (p[1] << 8) | p[0];
}

/* Each of the planner's points that falls in the output, in the layer's colour. */
static void
assert_points_shown (Fixture         *fixture,
                     const char      *what,
                     cairo_surface_t *surface,
                     LocateFunc       locate,
                     gpointer         data)
{
  const AtlasPlace *places;
  guint32 colour;
  guint n, shown = 0;

  if (!fixture->user)
    return;
  colour = atlas_point_layer_get_colour (fixture->point_layer);
  places = atlas_points_get_places (atlas_point_layer_get_points (fixture->point_layer), &n);
  for (guint i = 0; i < n; i++)
    {
      double x, y;
      guint32 pixel;

      locate (data, places[i].lon, places[i].lat, &x, &y);
      if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (surface)
          || y >= cairo_image_surface_get_height (surface))
        continue;
      pixel = surface_pixel (surface, (int) x, (int) y);
      g_test_message ("%s: %s #%06x", what, places[i].name, pixel);
      g_assert_true (colours_close (pixel, colour));
      shown++;
    }
  g_assert_cmpuint (shown, >=, 4);
}

/* The commonest colour of the output's pixels at points of the district around its label point:
 * its fill, whatever names, borders and symbols are drawn over part of it. */
static guint32
commonest_colour (AtlasDataset        *dataset,
                  const AtlasDistrict *district,
                  cairo_surface_t     *surface,
                  LocateFunc           locate,
                  gpointer             data,
                  guint               *samples)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const AtlasPoint *centre = &district->shape->label_point;
  guint32 best = 0, best_count = 0;
  GHashTableIter iter;
  gpointer key, value;

  *samples = 0;
  for (int j = -8; j <= 8; j++)
    for (int i = -8; i <= 8; i++)
      {
        double lon = centre->x + i * 0.004, lat = centre->y + j * 0.0025, x, y;
        guint32 pixel;

        if (atlas_dataset_locate (dataset, lat, lon) != district)
          continue;
        locate (data, lon, lat, &x, &y);
        if (x < 0 || y < 0 || x >= width || y >= height)
          continue;
        pixel = surface_pixel (surface, (int) x, (int) y);
        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (
                               g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1));
        (*samples)++;
      }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count)
      {
        best = GPOINTER_TO_UINT (key);
        best_count = GPOINTER_TO_UINT (value);
      }
  return best;
}

/* Every district of the output in its colour on screen, and no partnership fill anywhere. */
static void
assert_output_matches (Fixture         *fixture,
                       const char      *what,
                       cairo_surface_t *surface,
                       LocateFunc       locate,
                       gpointer         data)
{
  const AtlasDistrict *districts;
  guint n = 0, checked = 0, foreign = 0;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  districts = atlas_dataset_get_districts (fixture->dataset, &n);
  for (guint d = 0; d < n; d++)
    {
      guint samples;
      guint32 colour = commonest_colour (fixture->dataset, &districts[d], surface, locate, data,
                                         &samples);

      g_test_message ("%s: %s #%06x in %u samples, on screen #%06x", what, districts[d].id,
                      colour, samples, fixture->fills[d]);
      if (samples < 10)
        continue;
      g_assert_true (colours_close (colour, fixture->fills[d]));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 10);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      foreign += g_hash_table_contains (fixture->foreign,
                                        GUINT_TO_POINTER (surface_pixel (surface, x, y)));
  g_test_message ("%s: %u pixels in a partnership's colour", what, foreign);
  g_assert_cmpuint (foreign, <, 50);
  assert_points_shown (fixture, what, surface, locate, data);
}

/* Without a per-district position (printed pages, the pack's slides): the on-screen colours of
 * the districts are there in quantity, and no partnership colour is. */
static void
assert_colours_present (Fixture         *fixture,
                        const char      *what,
                        cairo_surface_t *surface)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0, foreign = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        gpointer key = GUINT_TO_POINTER (surface_pixel (surface, x, y));

        g_hash_table_insert (counts, key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (
                               g_hash_table_lookup (counts, key)) + 1));
        foreign += g_hash_table_contains (fixture->foreign, key);
      }
  atlas_dataset_get_districts (fixture->dataset, &n);
  for (guint d = 0; d < n; d++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                           GUINT_TO_POINTER (fixture->fills[d])));

      g_test_message ("%s: #%06x in %u pixels", what, fixture->fills[d], count);
      g_assert_cmpuint (count, >, 100);
    }
  g_test_message ("%s: %u pixels in a partnership's colour", what, foreign);
  g_assert_cmpuint (foreign, <, 50);
  if (fixture->user)
    {
      guint32 colour = atlas_point_layer_get_colour (fixture->point_layer);
      guint points = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (colour)));

      g_test_message ("%s: #%06x (points) in %u pixels", what, colour, points);
      g_assert_cmpuint (points, >, 40);
    }
}

static void
forget_layers (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "data-layers");
  g_settings_reset (settings, "thematic-layer");
}

/* A Fingertips download and a point layer, added as Add Data does (every figure made up). */
static void
add_layers (Fixture *fixture)
{
  AtlasCartographyOptions options;
  const char *files[2];

  fixture->data = g_test_build_filename (G_TEST_DIST, "data", "own-data", "fingertips-hwe.csv",
                                         NULL);
  fixture->points = g_test_build_filename (G_TEST_DIST, "data", "own-data", "points-hwe.csv",
                                           NULL);
  files[0] = fixture->points;
  files[1] = fixture->data;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      _atlas_window_add_data_file (fixture->window, files[i]);
      TEST_WAIT_UNTIL (_atlas_window_get_data_loading (fixture->window) == 0,
                       "the data file to be read");
    }
  gtk_window_destroy (GTK_WINDOW (_atlas_window_get_data_dialog (fixture->window)));
  g_assert_cmpstr (_atlas_window_get_thematic (fixture->window), ==, "data:fingertips-hwe.csv");
  atlas_map_state_get_cartography (_atlas_window_get_state (fixture->window), &options);
  g_assert_cmpuint (options.n_point_layers, ==, 1);
  fixture->point_layer = options.point_layers[0];
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Capture) capture = NULL;
  AtlasCartographyOptions options;
  const AtlasPartnership *partnerships;
  const AtlasDistrict *districts;
  guint n = 0;

  const Case *test_case = data;

  forget_layers ();
  fixture->window = window_test_open_loading (app, "hwe");
  fixture->dataset = g_object_ref (atlas_window_get_dataset (fixture->window));
  fixture->tmpdir = g_dir_make_tmp ("ics-atlas-outputs-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->user = test_case->user;
  if (fixture->user)
    add_layers (fixture);
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.thematic", "s",
                                               INDICATOR));
  g_assert_true (atlas_window_select (fixture->window, "watford"));
  atlas_window_frame_all (fixture->window, FALSE);
  window_test_wait_for_tiles (fixture->window);
  TEST_WAIT_UNTIL (atlas_district_layer_is_still (_atlas_window_get_district_layer (fixture->window)),
                   "the district layer to be drawn for the view");
  window_test_wait_for_frame (fixture->window);

  /* The reference: what the window shows, which is what the state says it should. */
  capture = capture_window (fixture->window, "outputs-window.png");
  atlas_map_state_get_cartography (_atlas_window_get_state (fixture->window), &options);
  g_assert_nonnull (options.choropleth);
  g_assert_true ((options.indicator == NULL) == fixture->user);
  districts = atlas_dataset_get_districts (fixture->dataset, &n);
  fixture->fills = g_new0 (guint32, n);
  for (guint d = 0; d < n; d++)
    {
      guint count, inside;
      guint32 seen = district_commonest_colour (fixture->window, capture, &districts[d], &count,
                                                &inside);

      fixture->fills[d] = atlas_cartography_district_fill (fixture->dataset, &districts[d],
                                                           &options);
      if (inside >= 20)
        g_assert_true (colours_close (seen, fixture->fills[d]));
    }
  fixture->foreign = g_hash_table_new (NULL, NULL);
  partnerships = atlas_dataset_get_partnerships (fixture->dataset, &n);
  for (guint i = 0; i < n; i++)
    if (partnerships[i].kind == ATLAS_PARTNERSHIP_PLACE)
      g_hash_table_add (fixture->foreign, GUINT_TO_POINTER (
        atlas_dataset_get_partnership_colour (fixture->dataset, &partnerships[i])));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  window_test_close (fixture->window);
  forget_layers ();
  g_free (fixture->data);
  g_free (fixture->points);
  atlas_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->fills);
  g_hash_table_unref (fixture->foreign);
  g_clear_object (&fixture->dataset);
}

/* The window's legend, line by line (it leaves out the title: the switch above it says it). */
static char *
window_legend (Fixture *fixture)
{
  return atlas_legend_dup_text (ATLAS_LEGEND (_atlas_window_get_legend (fixture->window)));
}

/* The legend lines of an export's layout, without its title line. */
static char *
report_legend (GPtrArray *report)
{
  GString *text = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint i = 0; i < report->len; i++)
    {
      const AtlasExportItem *item = g_ptr_array_index (report, i);

      if (!g_str_equal (item->kind, "legend"))
        continue;
      if (!first)
        g_string_append_printf (text, "%s\n", item->text);
      first = FALSE;
    }
  return g_string_free (text, FALSE);
}

/* Images of the map widget at twice its size: the screenshot and the copied image. */
static void
locate_on_map_image (gpointer  data,
                     double    lon,
                     double    lat,
                     double   *x,
                     double   *y)
{
  double wx, wy;

  location_to_window (data, lat, lon, x, y, &wx, &wy);
  *x *= ATLAS_MAP_IMAGE_SCALE;
  *y *= ATLAS_MAP_IMAGE_SCALE;
}

typedef struct {
  const AtlasExportOptions *options;
  double scale;               /* pixels per output unit */
} ExportPlace;

static void
locate_on_export (gpointer  data,
                  double    lon,
                  double    lat,
                  double   *x,
                  double   *y)
{
  ExportPlace *place = data;

  atlas_export_location_to_surface (place->options, lon, lat, x, y);
  *x *= place->scale;
  *y *= place->scale;
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* A PDF page as pixels, at dpi. */
static cairo_surface_t *
render_pdf (Fixture    *fixture,
            const char *pdf,
            int         page,
            int         dpi)
{
  g_autofree char *prefix = g_build_filename (fixture->tmpdir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *resolution = g_strdup_printf ("%d", dpi);
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftoppm", "-png", "-singlefile", "-r", resolution, "-f", number,
                         "-l", number, pdf, prefix, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return load_png (png);
}

static gboolean
file_ready (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
test_screenshot_action (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "screenshot.png", NULL);
  cairo_surface_t *png;

  /* As `gapplication action io.github.icsatlas.IcsAtlas save-screenshot "'PATH'"` does. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "save-screenshot",
                                  g_variant_new_string (path));
  /* Written beside and renamed into place: once it is there, it is whole. */
  TEST_WAIT_UNTIL (file_ready (path), "the screenshot to be written");
  png = load_png (path);
  assert_output_matches (fixture, "screenshot", png, locate_on_map_image, fixture->window);
  cairo_surface_destroy (png);
}

static void
test_copied_image (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = window_test_copy_map_image (fixture->window);
  cairo_surface_t *surface;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (texture),
                                        gdk_texture_get_height (texture));
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  assert_output_matches (fixture, "copied image", surface, locate_on_map_image, fixture->window);
  cairo_surface_destroy (surface);
}

/* The export dialog's options as it opens with its remembered choices, for a format. They
 * borrow the dialog's title: destroy the dialog once done with them. */
static AtlasExportDialog *
get_dialog_options (Fixture            *fixture,
                    const char         *format,
                    AtlasExportOptions *options)
{
  AtlasExportDialog *dialog = atlas_export_dialog_new (fixture->window);

  _atlas_export_dialog_set_format (dialog, format);
  _atlas_export_dialog_get_options (dialog, options);
  return dialog;
}

/* Through the export-to action: the dialog's choices, its writer, no file chooser. */
static void
export_to (Fixture    *fixture,
           const char *path)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "export-to", g_variant_new_string (path));
  /* Written beside and renamed into place: once it is there, it is whole. */
  TEST_WAIT_UNTIL (file_ready (path), "the export to be written");
  /* And the export is over (its choices remembered, its dialog gone) before the test goes on. */
  TEST_WAIT_UNTIL (!window_test_has_export_dialog (), "the export to finish");
}

static void
test_export_png (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "export.png", NULL);
  g_autofree char *legend = window_legend (fixture);
  g_autofree char *exported = NULL;
  g_autoptr(GPtrArray) report = atlas_export_report_new ();
  AtlasExportDialog *dialog;
  AtlasExportOptions options;
  ExportPlace place = { &options, 1.0 };
  cairo_surface_t *png, *scratch;
  cairo_t *cr;

  export_to (fixture, path);
  dialog = get_dialog_options (fixture, "png", &options);
  png = load_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) options.width);
  assert_output_matches (fixture, "exported PNG", png, locate_on_export, &place);
  cairo_surface_destroy (png);

  /* Its legend lists what the window's does, in the same words. */
  options.report = report;
  scratch = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) options.width,
                                        (int) options.height);
  cr = cairo_create (scratch);
  atlas_export_render (cr, &options);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  exported = report_legend (report);
  g_test_message ("window legend:\n%s\nexported legend:\n%s", legend, exported);
  g_assert_cmpstr (exported, ==, legend);
  if (fixture->user)
    {
      g_assert_nonnull (strstr (legend, "Source: fingertips-hwe.csv"));
      g_assert_nonnull (strstr (legend, "points-hwe.csv: 5 points, 1 outside the districts"));
    }
  else
    g_assert_nonnull (strstr (legend, "covers all of Essex"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "export.pdf", NULL);
  AtlasExportDialog *dialog;
  AtlasExportOptions options;
  ExportPlace place = { &options, 2.0 };
  cairo_surface_t *page;

  export_to (fixture, path);
  dialog = get_dialog_options (fixture, "pdf", &options);
  /* Points at 144 dpi: two pixels each. */
  page = render_pdf (fixture, path, 1, 144);
  assert_output_matches (fixture, "exported PDF", page, locate_on_export, &place);
  cairo_surface_destroy (page);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Every fill colour of an SVG file: cairo writes them as fill:rgb(R%,G%,B%). */
static GHashTable *
svg_fills (const char *svg)
{
  GHashTable *fills = g_hash_table_new (NULL, NULL);
  const char *p = svg;

  while ((p = strstr (p, "fill:rgb(")) != NULL)
    {
      guint32 colour = 0;

      p += strlen ("fill:rgb(");
      for (int c = 0; c < 3; c++)
        {
          char *end;
          double value = g_ascii_strtod (p, &end);

          colour = (colour << 8) | (guint32) CLAMP (value * 255 / 100 + 0.5, 0, 255);
          p = end + (*end == '%') + (end[*end == '%'] == ',');
        }
      g_hash_table_add (fills, GUINT_TO_POINTER (colour));
    }
  return fills;
}

/* cairo's SVG has one path per district in its fill: every district's on-screen colour is a
 * path's fill, and no partnership colour is. */
static void
test_export_svg (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "export.svg", NULL);
  g_autofree char *svg = NULL;
  g_autoptr(GHashTable) fills = NULL;
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  export_to (fixture, path);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  fills = svg_fills (svg);
  atlas_dataset_get_districts (fixture->dataset, &n);
  for (guint d = 0; d < n; d++)
    {
      g_test_message ("SVG: #%06x", fixture->fills[d]);
      g_assert_true (g_hash_table_contains (fills, GUINT_TO_POINTER (fixture->fills[d])));
    }
  g_hash_table_iter_init (&iter, fixture->foreign);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_false (g_hash_table_contains (fills, key));
  if (fixture->user)
    g_assert_true (g_hash_table_contains (fills, GUINT_TO_POINTER (
      atlas_point_layer_get_colour (fixture->point_layer))));
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "print.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  AtlasExportOptions options;
  cairo_surface_t *page;

  _atlas_window_fill_export_options (fixture->window, &options);
  operation = atlas_print_operation_new (&options);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (fixture->window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  page = render_pdf (fixture, path, 1, 144);
  assert_colours_present (fixture, "printed page", page);
  cairo_surface_destroy (page);
}

static void
pack_finished_cb (AtlasPackDialog *dialog,
                  gboolean         ok,
                  int             *result)
{
  *result = ok;
}

/* The pack's slide of Watford: the indicator's colours, Watford tinted as selected. */
static void
test_pack (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(AtlasPackDialog) dialog = g_object_ref_sink (atlas_pack_dialog_new (fixture->window));
  g_autofree char *folder_path = g_build_filename (fixture->tmpdir, "pack", NULL);
  g_autofree char *slide = g_build_filename (folder_path, "hwe-watford.png", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  cairo_surface_t *png;
  int result = -1;

  g_signal_connect (dialog, "finished", G_CALLBACK (pack_finished_cb), &result);
  _atlas_pack_dialog_start (dialog, folder, ATLAS_EXPORT_PACK_BY_DISTRICT);
  TEST_WAIT_UNTIL (result >= 0, "the meeting pack to finish");
  g_assert_cmpint (result, ==, 1);
  png = load_png (slide);
  assert_colours_present (fixture, "pack slide", png);
  cairo_surface_destroy (png);
}

/* The command line reaches the same state: --thematic, --select and --report-layout. */
static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "cli.png", NULL);
  const char *indicator_argv[] = { g_getenv ("ATLAS_CLI"), "--export", path, "--thematic",
                                   INDICATOR, "--select", "watford", "--report-layout", NULL };
  const char *user_argv[] = { g_getenv ("ATLAS_CLI"), "--export", path, "--points",
                              fixture->points, "--data", fixture->data, "--select", "watford",
                              "--report-layout", NULL };
  const char **argv = fixture->user ? user_argv : indicator_argv;
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *legend = window_legend (fixture);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) exported = g_string_new (NULL);
  AtlasExportOptions options;
  ExportPlace place = { &options, 1.0 };
  cairo_surface_t *png;
  gboolean title_seen = FALSE;
  int status;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* The same state, as the command line builds it, gives the same layout. */
  atlas_map_state_set_dataset (state, fixture->dataset);
  if (fixture->user)
    {
      AtlasMapState *window_state = _atlas_window_get_state (fixture->window);

      for (guint i = 0; i < atlas_map_state_get_n_layers (window_state); i++)
        g_assert_true (atlas_map_state_add_layer (state, atlas_map_state_get_layer (window_state,
                                                                                     i), NULL));
      g_assert_true (atlas_map_state_set_thematic (state, "data:fingertips-hwe.csv"));
    }
  else
    g_assert_true (atlas_map_state_set_thematic (state, INDICATOR));
  g_assert_true (atlas_selection_select_any (atlas_map_state_get_selection (state), "watford"));
  atlas_export_options_init_from_state (&options, state);
  png = load_png (path);
  assert_output_matches (fixture, "command line", png, locate_on_export, &place);
  cairo_surface_destroy (png);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) != 6 || !g_str_equal (fields[0], "legend"))
        continue;
      if (title_seen)
        g_string_append_printf (exported, "%s\n", fields[1]);
      title_seen = TRUE;
    }
  g_assert_cmpstr (exported->str, ==, legend);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/outputs/" path, Fixture, &indicator_case, fixture_set_up, func, \
              fixture_tear_down); \
  g_test_add ("/outputs/user-layer/" path, Fixture, &user_case, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("screenshot-action", test_screenshot_action);
  ADD ("copied-image", test_copied_image);
  ADD ("export-png", test_export_png);
  ADD ("export-pdf", test_export_pdf);
  ADD ("export-svg", test_export_svg);
  ADD ("print", test_print);
  ADD ("pack", test_pack);
  ADD ("command-line", test_command_line);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
