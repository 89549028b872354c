/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's exports, driven in-process under a virtual display: the map image copied to the
 * clipboard, the export dialog writing a slide and reporting an unwritable destination, a
 * printed page, and the meeting pack cancelled and completed. The file choosers are bypassed
 * through the dialogs' internal API; what they hand on (a GFile) is what the tests pass.
 * Captures of the dialogs go to tests/artefacts/ in the build folder for eyes-on checks. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "atlas-export-dialog.h"
#include "atlas-pack-dialog.h"
#include "atlas-print.h"
#include "atlas-test-util.h"
#include "window-test-util.h"

static AtlasApplication *app;

typedef struct {
  AtlasWindow *window;
  AtlasDataset *dataset;
  char *tmpdir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dataset = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);
  fixture->tmpdir = g_dir_make_tmp ("ics-atlas-export-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->window = window_test_open (app, fixture->dataset);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  window_test_close (fixture->window);
  atlas_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_clear_object (&fixture->dataset);
}

static guint32
texture_pixel (const guint8 *data,
               gsize         stride,
               int           x,
               int           y)
{
  const guint8 *p = data + y * stride + x * 4;

  /* GDK_MEMORY_DEFAULT: B, G, R, A in memory. */
  return (p[2] << 16) | (p[1] << 8) | p[0];
}

/* Around Harlow's label point, most pixels of the copied image are Harlow's fill. */
static void
test_copy_image (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *map = _atlas_window_get_map_widget (fixture->window);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  const AtlasDistrict *harlow = atlas_dataset_find_district (fixture->dataset, "harlow");
  g_autoptr(GdkTexture) texture = NULL;
  AtlasCartographyOptions options;
  g_autofree guint8 *pixels = NULL;
  gsize stride;
  double mx, my;
  guint inside = 0, matching = 0;
  guint32 expected;

  texture = window_test_copy_map_image (fixture->window);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2 * gtk_widget_get_width (map));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 2 * gtk_widget_get_height (map));

  stride = gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);

  atlas_cartography_options_init (&options);
  options.theme = _atlas_window_get_theme (fixture->window);
  expected = atlas_cartography_district_fill (fixture->dataset, harlow, &options);
  shumate_viewport_location_to_widget_coords (viewport, map, harlow->shape->label_point.y,
                                              harlow->shape->label_point.x, &mx, &my);
  for (int dy = -16; dy <= 16; dy += 2)
    for (int dx = -16; dx <= 16; dx += 2)
      {
        double lat, lon;

        shumate_viewport_widget_coords_to_location (viewport, map, mx + dx, my + dy, &lat, &lon);
        if (atlas_dataset_locate (fixture->dataset, lat, lon) != harlow)
          continue;
        inside++;
        if (colours_close (texture_pixel (pixels, stride, 2 * (mx + dx), 2 * (my + dy)),
                           expected))
          matching++;
      }
  g_test_message ("harlow: %u of %u pixels are #%06x", matching, inside, expected);
  g_assert_cmpuint (inside, >, 20);
  g_assert_cmpuint (matching * 2, >=, inside);
}

static void
screenshot_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = _atlas_window_make_map_image_finish (ATLAS_WINDOW (source), result, &error);
  g_assert_no_error (error);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *map = _atlas_window_get_map_widget (fixture->window);
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "artefacts", NULL);
  g_autofree char *path = g_build_filename (dir, "screenshot-watford.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_true (atlas_window_select_district (fixture->window, "watford"));
  name = _atlas_window_get_export_name (fixture->window, "png");
  g_assert_true (g_str_has_prefix (name, "watford-hertfordshire-and-west-essex-20"));
  g_assert_true (g_str_has_suffix (name, ".png"));

  g_mkdir_with_parents (dir, 0755);
  _atlas_window_make_map_image_async (fixture->window, ATLAS_MAP_IMAGE_SCALE, file, NULL,
                                      screenshot_done_cb, &texture);
  TEST_WAIT_UNTIL (texture != NULL, "the screenshot to be written");
  saved = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
  g_assert_cmpint (gdk_texture_get_width (saved), ==, 2 * gtk_widget_get_width (map));
  g_assert_cmpint (gdk_texture_get_height (saved), ==, 2 * gtk_widget_get_height (map));
}

static void
finished_cb (GObject  *dialog,
             gboolean  ok,
             int      *result)
{
  *result = ok ? 1 : 0;
}

static AtlasExportDialog *
open_export_dialog (Fixture *fixture)
{
  AtlasExportDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Ctrl+E's action opens the dialog as a new toplevel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ATLAS_IS_EXPORT_DIALOG (item))
        dialog = ATLAS_EXPORT_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  return g_object_ref (dialog);
}

static int
export_and_wait (AtlasExportDialog *dialog,
                 GFile             *file)
{
  int result = -1;
  gulong id = g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);

  _atlas_export_dialog_export_to_file (dialog, file);
  g_assert_true (_atlas_export_dialog_is_busy (dialog));
  TEST_WAIT_UNTIL (result >= 0, "the export dialog to finish");
  g_signal_handler_disconnect (dialog, id);
  return result;
}

static void
test_export_slide (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AtlasExportDialog) dialog = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "slide.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  AtlasExportOptions options;
  guint previews;

  g_assert_true (atlas_window_select_district (fixture->window, "watford"));
  dialog = open_export_dialog (fixture);
  _atlas_export_dialog_set_format (dialog, "png");
  _atlas_export_dialog_set_size (dialog, "slide");
  _atlas_export_dialog_get_options (dialog, &options);
  g_assert_cmpfloat (options.width, ==, 1920);
  g_assert_cmpfloat (options.height, ==, 1080);
  g_assert_true (options.carto.selected == atlas_dataset_find_district (fixture->dataset, "watford"));
  g_assert_true (options.furniture & ATLAS_EXPORT_TITLE);

  /* The preview comes from a worker thread; wait for one, then look at the dialog. */
  previews = _atlas_export_dialog_get_preview_count (dialog);
  TEST_WAIT_UNTIL (_atlas_export_dialog_get_preview_count (dialog) != previews,
                   "a new preview in the export dialog");
  window_test_iterate_pending ();
  capture_free (capture_widget (GTK_WIDGET (dialog), "export-dialog.png"));

  g_assert_cmpint (export_and_wait (dialog, file), ==, 1);
  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1080);
  /* The dialog closed itself after a successful export. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtlasExportDialog) dialog = open_export_dialog (fixture);
  g_autofree char *blocker = g_build_filename (fixture->tmpdir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *message;

  /* Even root cannot write below a regular file. */
  g_assert_true (g_file_set_contents (blocker, "", 0, &error));
  g_assert_no_error (error);
  _atlas_export_dialog_set_size (dialog, "slide");
  g_assert_cmpint (export_and_wait (dialog, file), ==, 0);

  message = _atlas_export_dialog_get_error (dialog);
  g_test_message ("error shown: %s", message);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "map.png"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  window_test_iterate_pending ();
  capture_free (capture_widget (GTK_WIDGET (dialog), "export-dialog-error.png"));

  /* Nothing was left beside the blocker. */
  dir = g_dir_open (fixture->tmpdir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "not-a-folder");
  g_assert_null (g_dir_read_name (dir));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
assert_pdf_pages (const char *path,
                  guint       pages)
{
  g_autofree char *info = pdf_info (path);
  g_autoptr(GRegex) regex = g_regex_new ("^Pages: +([0-9]+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *count = NULL;

  g_assert_true (g_regex_match (regex, info, 0, &match));
  count = g_match_info_fetch (match, 1);
  g_assert_cmpuint (g_ascii_strtoull (count, NULL, 10), ==, pages);
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "print.pdf", NULL);
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "artefacts", NULL);
  g_autofree char *copy = g_build_filename (dir, "print.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *contents = NULL;
  AtlasExportOptions options;
  gsize length;

  g_assert_true (atlas_window_select_district (fixture->window, "watford"));
  _atlas_window_fill_export_options (fixture->window, &options);
  operation = atlas_print_operation_new (&options);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (fixture->window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  assert_pdf_pages (path, 1);
  /* Landscape: wider than tall. */
  info = pdf_info (path);
  g_test_message ("%s", info);
  {
    g_autoptr(GRegex) regex = g_regex_new ("^Page size: +([0-9.]+) x ([0-9.]+)",
                                           G_REGEX_MULTILINE, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    g_autofree char *w = NULL, *h = NULL;

    g_assert_true (g_regex_match (regex, info, 0, &match));
    w = g_match_info_fetch (match, 1);
    h = g_match_info_fetch (match, 2);
    g_assert_cmpfloat (g_ascii_strtod (w, NULL), >, g_ascii_strtod (h, NULL));
  }

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
}

static guint
count_files (const char *path,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (suffix == NULL || g_str_has_suffix (name, suffix))
      n++;
  return n;
}

static void
cancel_on_progress_cb (AtlasPackDialog *dialog,
                       guint            done,
                       guint            total,
                       guint           *calls)
{
  if ((*calls)++ == 0)
    _atlas_pack_dialog_cancel (dialog);
}

static int
run_pack (AtlasPackDialog *dialog,
          GFile           *folder,
          guint           *progress_calls)
{
  int result = -1;
  gulong finished = g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  gulong progress = 0;

  if (progress_calls != NULL)
    progress = g_signal_connect (dialog, "progress", G_CALLBACK (cancel_on_progress_cb),
                                 progress_calls);
  _atlas_pack_dialog_start (dialog, folder, ATLAS_EXPORT_PACK_BY_DISTRICT);
  g_assert_true (_atlas_pack_dialog_is_busy (dialog));
  TEST_WAIT_UNTIL (result >= 0, "the meeting pack to finish");
  g_signal_handler_disconnect (dialog, finished);
  if (progress != 0)
    g_signal_handler_disconnect (dialog, progress);
  return result;
}

static void
test_pack (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(AtlasPackDialog) dialog = g_object_ref_sink (atlas_pack_dialog_new (fixture->window));
  g_autofree char *path = g_build_filename (fixture->tmpdir, "pack", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *pdf_name = atlas_export_pack_get_pdf_name (fixture->dataset);
  g_autofree char *pdf = g_build_filename (path, pdf_name, NULL);
  guint progress_calls = 0;

  gtk_window_present (GTK_WINDOW (dialog));
  window_test_iterate_pending ();
  capture_free (capture_widget (GTK_WIDGET (dialog), "pack-dialog.png"));

  /* Cancelled after the first page: nothing is left, not even the folder's contents. */
  g_assert_cmpint (run_pack (dialog, folder, &progress_calls), ==, 0);
  g_assert_cmpuint (progress_calls, >=, 1);
  g_test_message ("status after cancel: %s", _atlas_pack_dialog_get_status (dialog));
  g_assert_cmpstr (_atlas_pack_dialog_get_status (dialog), ==,
                   "Cancelled: no files were written.");
  g_assert_cmpuint (count_files (path, NULL), ==, 0);

  /* Run to the end: a slide per district and the PDF with a cover and a page each. */
  g_assert_cmpint (run_pack (dialog, folder, NULL), ==, 1);
  g_assert_cmpuint (count_files (path, ".png"), ==, 13);
  /* And the pack's list of the files it wrote. */
  g_assert_cmpuint (count_files (path, NULL), ==, 15);
  assert_pdf_pages (pdf, 14);
}

/* A window closed while its export is written: the file is still written whole, and what the
 * export would have remembered in the window's settings is let go, without a crash. */
static void
test_export_outlives_window (Fixture       *fixture,
                             gconstpointer  data)
{
  AtlasWindow *other = window_test_open (app, fixture->dataset);
  g_autofree char *path = g_build_filename (fixture->tmpdir, "orphan.pdf", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (atlas_window_export_to (other, path));
  window_test_close (other);
  TEST_WAIT_UNTIL (!window_test_has_export_dialog (), "the export to finish");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static gboolean
is_active (AtlasExportDialog *dialog,
           guint              flag)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (_atlas_export_dialog_get_check (dialog,
                                                                                      flag)));
}

static void
set_active (AtlasExportDialog *dialog,
            guint              flag,
            gboolean           active)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (_atlas_export_dialog_get_check (dialog, flag)),
                               active);
}

/* Every choice made in the dialog comes back the next time it opens, the caption included. */
static void
test_remembers_every_choice (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(AtlasExportDialog) dialog = open_export_dialog (fixture);
  g_autoptr(AtlasExportDialog) again = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "portrait.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasExportOptions options;

  /* What a first export uses: every piece of furniture but the caption. */
  g_assert_true (is_active (dialog, ATLAS_EXPORT_TITLE));
  g_assert_false (is_active (dialog, ATLAS_EXPORT_CAPTION));
  _atlas_export_dialog_set_format (dialog, "svg");
  _atlas_export_dialog_set_size (dialog, "a4-portrait");
  set_active (dialog, ATLAS_EXPORT_SUBTITLE, FALSE);
  set_active (dialog, ATLAS_EXPORT_LEGEND, FALSE);
  set_active (dialog, ATLAS_EXPORT_NORTH_ARROW, FALSE);
  set_active (dialog, ATLAS_EXPORT_CAPTION, TRUE);
  g_assert_cmpint (export_and_wait (dialog, file), ==, 1);

  again = open_export_dialog (fixture);
  _atlas_export_dialog_get_options (again, &options);
  g_assert_cmpfloat (options.width, ==, 794);
  g_assert_cmpfloat (options.height, ==, 1123);
  g_assert_true (options.furniture & ATLAS_EXPORT_TITLE);
  g_assert_false (options.furniture & ATLAS_EXPORT_SUBTITLE);
  g_assert_false (options.furniture & ATLAS_EXPORT_LEGEND);
  g_assert_true (options.furniture & ATLAS_EXPORT_SCALE_BAR);
  g_assert_false (options.furniture & ATLAS_EXPORT_NORTH_ARROW);
  g_assert_true (options.furniture & ATLAS_EXPORT_CAPTION);
  g_assert_cmpstr (g_settings_get_string (settings, "export-format"), ==, "svg");
  g_assert_cmpstr (g_settings_get_string (settings, "export-size"), ==, "a4-portrait");
  gtk_window_destroy (GTK_WINDOW (again));

  for (const char **key = (const char *[]) { "export-format", "export-size", "export-subtitle",
                                             "export-legend", "export-north-arrow",
                                             "export-caption", NULL }; *key; key++)
    g_settings_reset (settings, *key);
}

static void
assert_size_fields (AtlasExportDialog *dialog,
                    int                width,
                    int                height)
{
  AtlasExportOptions options;
  int field_width, field_height;

  _atlas_export_dialog_get_size_fields (dialog, &field_width, &field_height);
  _atlas_export_dialog_get_options (dialog, &options);
  g_test_message ("fields %d × %d, export %.0f × %.0f", field_width, field_height,
                  options.width, options.height);
  g_assert_cmpint (field_width, ==, width);
  g_assert_cmpint (field_height, ==, height);
  g_assert_cmpfloat (options.width, ==, width);
  g_assert_cmpfloat (options.height, ==, height);
}

/* The Width and Height fields show the chosen size, in the format's pixels or points; Custom
 * starts from the size shown. */
static void
test_size_fields (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtlasExportDialog) dialog = open_export_dialog (fixture);
  AtlasExportOptions options;

  _atlas_export_dialog_set_format (dialog, "png");
  _atlas_export_dialog_set_size (dialog, "slide");
  assert_size_fields (dialog, 1920, 1080);
  _atlas_export_dialog_set_size (dialog, "a4");
  assert_size_fields (dialog, 3508, 2480);
  _atlas_export_dialog_set_size (dialog, "a4-portrait");
  assert_size_fields (dialog, 2480, 3508);
  _atlas_export_dialog_set_size (dialog, "a3-portrait");
  assert_size_fields (dialog, 3508, 4961);
  _atlas_export_dialog_set_format (dialog, "pdf");
  assert_size_fields (dialog, 842, 1191);

  /* Custom: the fields keep the A3 portrait page, and are the size from then on. */
  _atlas_export_dialog_set_size (dialog, "custom");
  assert_size_fields (dialog, 842, 1191);
  _atlas_export_dialog_set_format (dialog, "png");
  _atlas_export_dialog_get_options (dialog, &options);
  g_assert_cmpfloat (options.width, ==, 842);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Typing a title: the preview never draws more than one image at a time, and the last one
 * shown has the whole title. */
static void
test_preview_while_typing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AtlasExportDialog) dialog = open_export_dialog (fixture);
  const char *title = "Watford, Three Rivers and Hertsmere";
  GtkWidget *label = find_label_containing (GTK_WIDGET (dialog), "Title Text");
  GtkEditable *entry;
  GString *typed = g_string_new (NULL);

  TEST_WAIT_UNTIL (_atlas_export_dialog_get_preview_count (dialog) > 0, "the first preview");
  /* The Title Text row. */
  g_assert_nonnull (label);
  entry = GTK_EDITABLE (gtk_widget_get_ancestor (label, ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, "");
  for (const char *c = title; *c != '\0'; c++)
    {
      g_string_append_c (typed, *c);
      gtk_editable_set_text (entry, typed->str);
      window_test_iterate_pending ();
      g_assert_cmpuint (_atlas_export_dialog_get_previews_running (dialog), <=, 1);
    }
  TEST_WAIT_UNTIL (!_atlas_export_dialog_is_preview_pending (dialog),
                   "the preview of the whole title");
  g_assert_cmpstr (_atlas_export_dialog_get_preview_title (dialog), ==, title);
  g_string_free (typed, TRUE);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Enter exports: Export is the default button, with the focus when the dialog opens. */
static void
test_default_button (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtlasExportDialog) dialog = open_export_dialog (fixture);
  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (dialog));

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Export…");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == button);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/export-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("copy-image", test_copy_image);
  ADD ("screenshot", test_screenshot);
  ADD ("export-slide", test_export_slide);
  ADD ("export-unwritable", test_export_unwritable);
  ADD ("export-outlives-window", test_export_outlives_window);
  ADD ("remembers-every-choice", test_remembers_every_choice);
  ADD ("size-fields", test_size_fields);
  ADD ("preview-while-typing", test_preview_while_typing);
  ADD ("default-button", test_default_button);
  ADD ("print", test_print);
  ADD ("pack", test_pack);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
