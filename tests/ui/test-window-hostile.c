/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Datasets that are valid but hostile, in the real window: every good fixture, line breaks by
 * the thousand, extreme figures and very long lists open without the window growing past the
 * screen or crashing, whatever is selected; a dataset that stopped the window is not opened
 * again at the next start (the crash-loop guard); a remembered path of 100 KB or a named pipe
 * cannot break the start; and the dialog for a file with thousands of problems stays the size
 * of a dialog, after the window has appeared. Every wait is bounded and says what it waited
 * for; the window runs under Xvfb at 1280×800. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "atlas-legend.h"
#include "atlas-sidebar.h"
#include "atlas-text.h"
#include "window-test-util.h"

#define WAIT_SECONDS 60

static AtlasApplication *app;
static char *tmp;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until done says so, failing after WAIT_SECONDS with what it waited for. */
static void
wait_until (Condition   done,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gave up after %d s waiting for %s", WAIT_SECONDS, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static gboolean
is_ready (gpointer window)
{
  return atlas_window_get_ready (window);
}

static gboolean
is_loaded (gpointer window)
{
  return !_atlas_window_is_loading (window);
}

static gboolean
has_dialog (gpointer window)
{
  return _atlas_window_get_load_error_dialog (window) != NULL;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
screen_size (GtkWidget *widget,
             int       *width,
             int       *height)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  *width = geometry.width;
  *height = geometry.height;
}

/* The smallest size widget asks for fits the screen: a window, dialog or popover asking for
 * more is made larger than the screen, which is what killed the window. */
static void
assert_fits_screen (GtkWidget  *widget,
                    const char *what)
{
  int screen_width, screen_height, min_width, min_height;

  screen_size (widget, &screen_width, &screen_height);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  /* The height it needs at the width it has. */
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL,
                      MAX (gtk_widget_get_width (widget), min_width), &min_height, NULL, NULL,
                      NULL);
  if (min_width > screen_width || min_height > screen_height)
    g_error ("%s asks for at least %d×%d on a %d×%d screen", what, min_width, min_height,
             screen_width, screen_height);
  g_assert_cmpint (gtk_widget_get_width (widget), <=, screen_width);
  g_assert_cmpint (gtk_widget_get_height (widget), <=, screen_height);
}

static void
show_and_check (AtlasWindow *window,
                const char  *what)
{
  window_test_iterate_pending ();
  window_test_wait_for_frame (window);
  assert_fits_screen (GTK_WIDGET (window), what);
  /* The legend floats over the map, so the window's size does not tell: it must fit too. */
  assert_fits_screen (_atlas_window_get_legend_card (window), "the legend");
}

/* Selects one record of every kind, opens a site's popover and colours the map by every
 * indicator, checking the window (and the popover) after each. */
static void
visit_everything (AtlasWindow *window,
                  const char  *name)
{
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  AtlasSelection *selection = atlas_window_get_selection (window);
  AtlasDistrictLayer *layer = _atlas_window_get_district_layer (window);
  const AtlasIndicator *indicators;
  const AtlasPriority *priorities;
  const AtlasUpdate *updates;
  const AtlasSite *sites;
  guint n;

  show_and_check (window, name);
  if (atlas_dataset_get_districts (dataset, &n) != NULL && n > 0)
    {
      atlas_selection_select (selection, ATLAS_SELECTION_DISTRICT,
                              atlas_dataset_get_districts (dataset, NULL)[0].id);
      show_and_check (window, "the window with a district selected");
    }
  if (atlas_dataset_get_partnerships (dataset, &n) != NULL && n > 0)
    {
      atlas_selection_select (selection, ATLAS_SELECTION_PARTNERSHIP,
                              atlas_dataset_get_partnerships (dataset, NULL)[n - 1].id);
      show_and_check (window, "the window with a partnership selected");
    }
  if (atlas_dataset_get_trusts (dataset, &n) != NULL && n > 0)
    {
      atlas_selection_select (selection, ATLAS_SELECTION_TRUST,
                              atlas_dataset_get_trusts (dataset, NULL)[0].id);
      show_and_check (window, "the window with a trust selected");
    }
  priorities = atlas_dataset_get_priorities (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      atlas_selection_select (selection, ATLAS_SELECTION_PRIORITY, priorities[i].id);
      show_and_check (window, "the window with a priority selected");
    }
  updates = atlas_dataset_get_updates (dataset, &n);
  if (n > 0)
    {
      atlas_selection_select (selection, ATLAS_SELECTION_UPDATE, updates[0].id);
      show_and_check (window, "the window with an update selected");
    }
  sites = atlas_dataset_get_sites (dataset, &n);
  if (n > 0)
    {
      GtkPopover *popover = atlas_district_layer_get_site_popover (layer);

      atlas_selection_select (selection, ATLAS_SELECTION_SITE, sites[0].id);
      atlas_district_layer_popup_site (layer, &sites[0]);
      show_and_check (window, "the window with a site's popover");
      assert_fits_screen (GTK_WIDGET (popover), "the site's popover");
      gtk_popover_popdown (popover);
    }
  indicators = atlas_dataset_get_indicators (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "set-thematic",
                                      g_variant_new_string (indicators[i].id));
      g_assert_cmpstr (_atlas_window_get_thematic (window), ==, indicators[i].id);
      show_and_check (window, "the window coloured by an indicator");
    }
  atlas_selection_clear (selection);
}

static void
open_and_visit (const char *path)
{
  g_autoptr(GError) error = NULL;
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app));

  g_test_message ("opening %s", path);
  g_assert_true (atlas_window_load_dataset (window, path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_ready, window, "the map to be complete");
  visit_everything (window, path);
  window_test_close (window);
}

/* Writes a dataset of n districts (squares), with more members added at the end of the
 * top-level object (extra, NULL for none), as tmp/NAME.json and tmp/NAME.geojson. */
static char *
write_dataset (const char *name,
               guint       n,
               const char *extra)
{
  GString *json = g_string_new (NULL);
  GString *geojson = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");
  g_autofree char *geojson_path = g_strdup_printf ("%s/%s.geojson", tmp, name);
  char *path = g_strdup_printf ("%s/%s.json", tmp, name);
  g_autoptr(GError) error = NULL;
  guint side = 1;

  while (side * side < n)
    side++;
  g_string_append_printf (json,
    "{\"format\":\"ics-atlas/1\",\"id\":\"%s\","
    "\"system\":{\"name\":\"Generated\",\"short_name\":\"G\",\"source\":\"notes\"},"
    "\"boundaries\":{\"file\":\"%s.geojson\",\"code_property\":\"code\",\"source\":\"notes\"},"
    "\"sources\":[{\"id\":\"notes\",\"title\":\"Notes\"}],\"districts\":[", name, name);
  for (guint i = 0; i < n; i++)
    {
      double x = (i % side) * 0.01, y = 50 + (i / side) * 0.01;

      g_string_append_printf (json, "%s{\"id\":\"d%u\",\"name\":\"District %u\",\"code\":\"C%u\","
                              "\"source\":\"notes\"}", i ? "," : "", i, i, i);
      g_string_append_printf (geojson, "%s{\"type\":\"Feature\",\"properties\":{\"code\":\"C%u\"},"
                              "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%g,%g],"
                              "[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}}", i ? "," : "", i,
                              x, y, x + 0.01, y, x + 0.01, y + 0.01, x, y + 0.01, x, y);
    }
  g_string_append_printf (json, "]%s%s}", extra != NULL ? "," : "", extra != NULL ? extra : "");
  g_string_append (geojson, "]}");
  g_file_set_contents (path, json->str, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (geojson_path, geojson->str, -1, &error);
  g_assert_no_error (error);
  g_string_free (json, TRUE);
  g_string_free (geojson, TRUE);
  return path;
}

static char *
list_of (const char *format,
         guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append_printf (text, format, i, i);
    }
  return g_string_free (text, FALSE);
}

/* Every good fixture, the hostile ones among them. */
static void
test_good_fixtures (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_assert_cmpuint (names->len, >=, 4);
  for (guint i = 0; i < names->len; i++)
    open_and_visit (g_ptr_array_index (names, i));
}

static char *
legend_for (AtlasWindow *window,
            const char  *indicator)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "set-thematic",
                                  g_variant_new_string (indicator));
  window_test_iterate_pending ();
  return atlas_legend_dup_text (ATLAS_LEGEND (_atlas_window_get_legend (window)));
}

/* Figures of ±1e308, 309 digits and a unit of 64 KB: the legend reads as figures, never "inf"
 * or "nan", gives its classes distinct colours, and keeps the unit to a line. */
static void
test_edge_numbers (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good",
                                                 "edge-numbers.json", NULL);
  AtlasWindow *window = window_test_open_loading (app, path);
  g_autofree char *extreme = legend_for (window, "extreme");
  g_autofree char *long_figure = legend_for (window, "long-figure");
  g_autofree char *long_unit = legend_for (window, "long-unit");
  g_autofree char *spread = legend_for (window, "many-classes");
  g_autoptr(GArray) colours = NULL;
  g_auto(GStrv) lines = NULL;

  g_test_message ("legends:\n%s\n%s\n%s\n%s", extreme, long_figure, long_unit, spread);
  g_assert_nonnull (strstr (extreme, "-1.00e308 % · Low\n"));
  g_assert_nonnull (strstr (extreme, "1.00e308 % · High\n"));
  /* A figure too small for the indicator's decimals reads as 0, as a rounded figure does. */
  g_assert_nonnull (strstr (extreme, "\n0 % · Tiny\n"));
  g_assert_nonnull (strstr (long_figure, "1.00e308 people · All\n"));
  for (const char **text = (const char *[]) { extreme, long_figure, long_unit, spread, NULL };
       *text != NULL; text++)
    {
      g_assert_null (strstr (*text, "inf"));
      g_assert_null (strstr (*text, "nan"));
    }
  /* Six figures in five classes spread over ±1e308: every class has its own colour. */
  colours = atlas_legend_get_swatch_colours (ATLAS_LEGEND (_atlas_window_get_legend (window)));
  g_assert_cmpuint (colours->len, >=, 5);
  for (guint i = 0; i < 5; i++)
    for (guint j = i + 1; j < 5; j++)
      g_assert_cmpuint (g_array_index (colours, guint32, i), !=,
                        g_array_index (colours, guint32, j));
  g_assert_nonnull (strstr (spread, "-1.00e308 per 1,000 people to -6.00e307 per 1,000 people "
                                   "· A0\n"));
  /* The unit: cut in the figures, one line in the legend. */
  lines = g_strsplit (long_unit, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "1.50 people per household pe… · South");
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpuint (g_utf8_strlen (lines[i], -1), <=, ATLAS_TEXT_NAME_CHARS + 64);
  show_and_check (window, "the window with a unit of 64 KB");
  window_test_close (window);
}

/* Long lists: partnerships by the thousand, one naming every district, and a section of tens
 * of thousands of items. They open, and their lists are built a chunk at a time. */
static void
test_long_lists (void)
{
  const guint n_districts = 3000, n_partnerships = 2000, n_items = 30000;
  g_autofree char *members = list_of ("\"d%u\"", n_districts);
  g_autofree char *partnerships = list_of ("{\"id\":\"p%u\",\"name\":\"Partnership %u\","
                                           "\"kind\":\"thematic\",\"districts\":[\"d0\"],"
                                           "\"source\":\"notes\"}", n_partnerships);
  g_autofree char *items = list_of ("\"Item %u of %u\"", n_items);
  g_autofree char *extra = g_strdup_printf (
    "\"partnerships\":[%s,{\"id\":\"all\",\"name\":\"Everyone\",\"kind\":\"place\","
    "\"districts\":[%s],\"sections\":[{\"title\":\"Long\",\"items\":[%s]}],"
    "\"source\":\"notes\"}],"
    "\"priorities\":[{\"id\":\"long\",\"number\":1,\"title\":\"Long\","
    "\"sections\":[{\"title\":\"Items\",\"items\":[%s]}],\"source\":\"notes\"}]",
    partnerships, members, items, items);
  g_autofree char *path = write_dataset ("long-lists", n_districts, extra);
  g_autoptr(GError) error = NULL;
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app));
  GtkWidget *sidebar;
  GtkWidget *more;

  g_assert_true (atlas_window_load_dataset (window, path, &error));
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_ready, window, "the map of long lists to be complete");
  visit_everything (window, "long lists");

  /* The partnerships page: a chunk of rows and a row that shows more. */
  sidebar = _atlas_window_get_sidebar (window);
  atlas_sidebar_set_page (ATLAS_SIDEBAR (sidebar), "partnerships");
  window_test_iterate_pending ();
  g_assert_true (has_label (sidebar, "Partnership 0"));
  g_assert_true (has_label (sidebar, "Partnership 199"));
  g_assert_false (has_label (sidebar, "Partnership 200"));
  more = find_label_containing (sidebar, "Show 200 more of 1801");
  g_assert_nonnull (more);
  /* Activating it builds the next chunk before it. */
  more = gtk_widget_get_ancestor (more, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (more);
  g_signal_emit_by_name (more, "activate");
  window_test_iterate_pending ();
  g_assert_true (has_label (sidebar, "Partnership 399"));
  g_assert_false (has_label (sidebar, "Partnership 400"));
  g_assert_nonnull (find_label_containing (sidebar, "Show 200 more of 1601"));

  /* The partnership of every district: its members and its section's items, a chunk each. */
  atlas_selection_select (atlas_window_get_selection (window), ATLAS_SELECTION_PARTNERSHIP, "all");
  window_test_iterate_pending ();
  g_assert_true (has_label (sidebar, "District 199"));
  g_assert_false (has_label (sidebar, "District 200"));
  g_assert_nonnull (find_label_containing (sidebar, "Show 200 more of 2800"));
  g_assert_true (has_label (sidebar, "Item 199 of 199"));
  g_assert_false (has_label (sidebar, "Item 200 of 200"));
  g_assert_nonnull (find_label_containing (sidebar, "Show 200 more of 29800"));
  show_and_check (window, "the window with the partnership of every district");
  window_test_close (window);
}

/* A dataset that stopped the window is not reopened at the next start: the default system
 * opens and the banner says why. Once a start with it reaches a complete map, it is trusted. */
static void
test_crash_loop_guard (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "mini.json", NULL);
  AtlasWindow *window;

  /* As a start that died before the map was complete leaves them. */
  g_settings_set_string (settings, "last-dataset", path);
  g_settings_set_boolean (settings, "last-dataset-ready", FALSE);
  g_application_activate (G_APPLICATION (app));
  window = ATLAS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  wait_until (is_loaded, window, "the start's dataset to load");
  g_assert_cmpstr (atlas_dataset_get_id (atlas_window_get_dataset (window)), ==, "hwe");
  g_assert_true (_atlas_window_banner_is_shown (window));
  g_assert_nonnull (strstr (_atlas_window_get_banner_text (window), "“mini.json”"));
  g_assert_nonnull (strstr (_atlas_window_get_banner_text (window), "before its map"));
  wait_until (is_ready, window, "the default system's map");
  g_assert_true (g_settings_get_boolean (settings, "last-dataset-ready"));
  window_test_close (window);

  /* Trusted: it opens, in a worker thread; its key is cleared until its map is complete. */
  g_settings_set_string (settings, "last-dataset", path);
  g_settings_set_boolean (settings, "last-dataset-ready", TRUE);
  g_application_activate (G_APPLICATION (app));
  window = ATLAS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  wait_until (is_loaded, window, "the remembered file to load");
  g_assert_cmpstr (atlas_dataset_get_id (atlas_window_get_dataset (window)), ==, "mini");
  g_assert_false (_atlas_window_banner_is_shown (window));
  g_assert_false (g_settings_get_boolean (settings, "last-dataset-ready"));
  wait_until (is_ready, window, "the remembered file's map");
  g_assert_true (g_settings_get_boolean (settings, "last-dataset-ready"));
  window_test_close (window);
  g_settings_reset (settings, "last-dataset");
  g_settings_reset (settings, "last-dataset-ready");
}

/* A remembered path of 100 KB, and a remembered named pipe: the default system opens, the
 * banner keeps to a few lines, and nothing blocks. */
static void
test_remembered_hostile (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *pipe = g_build_filename (tmp, "pipe.json", NULL);
  GString *long_path = g_string_new ("/nonexistent");
  const char *remembered[2];

  while (long_path->len < 100 * 1024)
    g_string_append (long_path, "/a-folder-with-a-rather-long-name\nand a line break");
  g_string_append (long_path, "/gone.json");
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  remembered[0] = long_path->str;
  remembered[1] = pipe;

  for (guint i = 0; i < G_N_ELEMENTS (remembered); i++)
    {
      AtlasWindow *window;
      GtkWidget *banner;

      g_settings_set_string (settings, "last-dataset", remembered[i]);
      g_settings_set_boolean (settings, "last-dataset-ready", TRUE);
      g_application_activate (G_APPLICATION (app));
      window = ATLAS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
      wait_until (is_loaded, window, "the remembered dataset to be refused");
      g_assert_cmpstr (atlas_dataset_get_id (atlas_window_get_dataset (window)), ==, "hwe");
      g_assert_true (_atlas_window_banner_is_shown (window));
      wait_until (is_ready, window, "the default system's map");
      show_and_check (window, "the window with a hostile remembered dataset");
      banner = find_label_containing (GTK_WIDGET (window), "could not be opened");
      g_assert_nonnull (banner);
      /* Three lines at most. */
      g_assert_cmpint (gtk_widget_get_height (banner), <, 100);
      window_test_close (window);
    }
  g_unlink (pipe);
  g_string_free (long_path, TRUE);
  g_settings_reset (settings, "last-dataset");
  g_settings_reset (settings, "last-dataset-ready");
}

/* A file with thousands of problems: the window is there while it loads, and the dialog lists
 * the first 1,000 and how many more, at the size of a dialog. */
static void
test_error_dialog_bounded (void)
{
  g_autofree char *empty = list_of ("{}", 2000);
  g_autofree char *path = g_strdup_printf ("%s/problems.json", tmp);
  g_autofree char *text = g_strdup_printf ("{\"format\":\"ics-atlas/1\",\"id\":\"problems\","
                                           "\"districts\":[%s]}", empty);
  g_autoptr(GError) error = NULL;
  AtlasWindow *window = window_test_open_loading (app, "hwe");
  GtkWidget *dialog, *view;
  GtkTextBuffer *buffer;
  g_autofree char *problems = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  atlas_window_open_dataset (window, path);
  g_assert_true (_atlas_window_is_loading (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  wait_until (has_dialog, window, "the dialog listing the problems");
  dialog = _atlas_window_get_load_error_dialog (window);
  wait_until (is_mapped, dialog, "the dialog to be shown");
  window_test_wait_for_frame (window);
  assert_fits_screen (dialog, "the problems dialog");

  view = window_test_find_named (dialog, "load-error-text");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    problems = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  }
  lines = g_strsplit (problems, "\n", -1);
  /* 2,000 objects of four missing members and three missing top-level members: 8,003
   * problems, the first 1,000 listed, then the count. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1001);
  g_assert_true (g_str_has_prefix (lines[0], "problems.json:1:"));
  g_assert_cmpstr (lines[1000], ==, "… and 7003 more problems after these");
  /* The system shown stays. */
  g_assert_cmpstr (atlas_dataset_get_id (atlas_window_get_dataset (window)), ==, "hwe");
  gtk_window_destroy (GTK_WINDOW (dialog));
  window_test_close (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv);
  tmp = g_dir_make_tmp ("atlas-window-hostile-XXXXXX", NULL);
  g_assert_nonnull (tmp);

  g_test_add_func ("/window-hostile/good-fixtures", test_good_fixtures);
  g_test_add_func ("/window-hostile/edge-numbers", test_edge_numbers);
  g_test_add_func ("/window-hostile/long-lists", test_long_lists);
  g_test_add_func ("/window-hostile/crash-loop-guard", test_crash_loop_guard);
  g_test_add_func ("/window-hostile/remembered-hostile", test_remembered_hostile);
  g_test_add_func ("/window-hostile/error-dialog-bounded", test_error_dialog_bounded);

  status = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (tmp, name, NULL);

        g_unlink (child);
      }
    g_rmdir (tmp);
  }
  return status;
}
