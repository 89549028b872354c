/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Switching care systems in the window: the bundled ones through the menu's action, dataset
 * files through app.open-dataset, a refused file leaving the system on screen as it was, and
 * the remembered system with its fall back. Captures go to tests/artefacts/. */
#include "config.h"

#include <string.h>

#include "window-test-util.h"

static AtlasApplication *app;

typedef struct {
  AtlasWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = window_test_open_loading (app, "hwe");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  window_test_close (fixture->window);
}

static char *
get_last_dataset (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "last-dataset");
}

static char *
get_action_state (AtlasWindow *window,
                  const char  *name)
{
  char *value = NULL;

  /* The win.NAME actions are property actions: their state is the property's value. */
  g_assert_cmpstr (name, ==, "dataset");
  g_object_get (window, "system", &value, NULL);
  return value;
}

static void
test_bad_dataset_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasDataset *before = atlas_window_get_dataset (window);
  AtlasSelection *selection = atlas_window_get_selection (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad",
                                                 "several-errors.json", NULL);
  g_autofree char *expected_file = g_test_build_filename (G_TEST_DIST, "data", "bad",
                                                          "several-errors.expected", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *state = NULL;
  g_autofree char *last = NULL;
  g_autoptr(Capture) capture = NULL;
  GtkWidget *dialog, *text;
  g_auto(GStrv) lines = NULL;
  g_autofree char *listed = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char *located;

  g_assert_true (g_file_get_contents (expected_file, &expected, NULL, NULL));
  /* The problem from its line and column on: the file's path depends on how it was named. */
  located = strstr (expected, ".json:") + strlen (".json");
  *strchr (located, '\n') = '\0';

  g_assert_true (atlas_window_select_district (window, "watford"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-dataset",
                                  g_variant_new_string (path));
  g_assert_true (_atlas_window_is_loading (window));
  window_test_wait_for_load (window);

  /* Refused, and said so with the place of the problem. */
  dialog = _atlas_window_get_load_error_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  /* The problems are plain text in a read-only text view (bounded, scrolled, selectable). */
  text = window_test_find_named (dialog, "load-error-text");
  g_assert_true (GTK_IS_TEXT_VIEW (text));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  listed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (listed, located));
  /* Every problem, each with its line and column. */
  lines = g_strsplit (strchr (located, '\0') + 1, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_assert_nonnull (strstr (listed, strstr (lines[i], ".json:") + strlen (".json")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (text)));
  g_assert_true (gtk_text_view_get_monospace (GTK_TEXT_VIEW (text)));
  g_assert_nonnull (gtk_widget_get_ancestor (text, GTK_TYPE_SCROLLED_WINDOW));

  /* The system on screen stays as it was: the same dataset, selection and remembered one. */
  g_assert_true (atlas_window_get_dataset (window) == before);
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "watford");
  state = get_action_state (window, "dataset");
  g_assert_cmpstr (state, ==, "hwe");
  last = get_last_dataset ();
  g_assert_cmpstr (last, ==, "hwe");

  window_test_wait_for_frame (window);
  TEST_WAIT_UNTIL (gtk_widget_get_mapped (dialog), "the dialog listing the problems to be mapped");
  capture = capture_window (window, "datasets-refused.png");
  g_clear_pointer (&capture, capture_free);
  window_test_wait_for_frame (ATLAS_WINDOW (window));
  capture = capture_widget (dialog, "datasets-refused-dialog.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  window_test_iterate_pending ();
  g_assert_null (_atlas_window_get_load_error_dialog (window));
}

static void
test_good_dataset_opens (Fixture       *fixture,
                         gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasSelection *selection = atlas_window_get_selection (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "mini.json",
                                                 NULL);
  g_autofree char *state = NULL;
  g_autofree char *last = NULL;
  g_autoptr(Capture) capture = NULL;
  AtlasDataset *dataset;

  g_assert_true (atlas_window_select_district (window, "watford"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-dataset",
                                  g_variant_new_string (path));
  window_test_wait_for_load (window);

  dataset = atlas_window_get_dataset (window);
  g_assert_cmpstr (atlas_dataset_get_id (dataset), ==, "mini");
  g_assert_null (_atlas_window_get_load_error_dialog (window));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  g_assert_cmpstr (_atlas_window_get_title_text (window), ==, "Mini");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Mini Integrated Care System");

  /* Remembered by its path, and no bundled system is checked in the menu. */
  g_assert_true (g_path_is_absolute (_atlas_window_get_dataset_location (window)));
  last = get_last_dataset ();
  g_assert_cmpstr (last, ==, _atlas_window_get_dataset_location (window));
  state = get_action_state (window, "dataset");
  g_assert_cmpstr (state, ==, last);

  window_test_wait_until_ready (window);
  capture = capture_window (window, "datasets-mini.png");
  {
    const AtlasDistrict *alpha = atlas_dataset_find_district (dataset, "alpha");
    AtlasCartographyOptions options;
    guint count, inside;
    guint32 colour;

    atlas_district_layer_get_options (_atlas_window_get_district_layer (window), &options);
    colour = district_commonest_colour (window, capture, alpha, &count, &inside);
    g_test_message ("alpha: #%06x in %u of %u pixels", colour, count, inside);
    g_assert_true (colours_close (colour,
                                  atlas_cartography_district_fill (dataset, alpha, &options)));
  }
}

static void
test_switch_to_nel (Fixture       *fixture,
                    gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  GtkWidget *sidebar = _atlas_window_get_sidebar (window);
  const AtlasDistrict *districts;
  const AtlasPriority *priorities;
  AtlasDataset *dataset;
  guint n = 0, n_priorities = 0, shown = 0;
  g_autofree char *last = NULL;
  g_autoptr(Capture) capture = NULL;

  /* As the menu's radio item does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.dataset", "s", "nel"));
  window_test_wait_for_load (window);

  dataset = atlas_window_get_dataset (window);
  g_assert_cmpstr (atlas_dataset_get_id (dataset), ==, "nel");
  districts = atlas_dataset_get_districts (dataset, &n);
  g_assert_cmpuint (n, ==, 8);
  last = get_last_dataset ();
  g_assert_cmpstr (last, ==, "nel");

  /* Framed clear of the legend card: no boundary point lies under it. */
  window_test_wait_until_ready (window);
  {
    GtkWidget *card = gtk_widget_get_parent (_atlas_window_get_legend (window));
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (card, GTK_WIDGET (window), &bounds));
    g_assert_cmpfloat (bounds.size.width, >, 0);
    for (guint i = 0; i < n; i++)
      for (guint k = 0; k < districts[i].shape->n_points; k++)
        {
          const AtlasPoint *p = &districts[i].shape->points[k];
          double map_x, map_y, x, y;

          location_to_window (window, p->y, p->x, &map_x, &map_y, &x, &y);
          g_assert_false (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
        }
  }

  window_test_iterate_pending ();
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (find_label_containing (sidebar, districts[i].name));

  g_assert_true (atlas_window_select_district (window, "hackney"));
  window_test_iterate_pending ();
  g_assert_true (find_label (sidebar, "Hackney"));
  priorities = atlas_dataset_get_priorities (dataset, &n_priorities);
  for (guint i = 0; i < n_priorities; i++)
    if (priorities[i].partnership != NULL
        && g_strcmp0 (priorities[i].partnership->id, "city-and-hackney") == 0)
      {
        g_assert_nonnull (find_label_containing (sidebar, priorities[i].title));
        shown++;
      }
  g_assert_cmpuint (shown, >=, 5);

  window_test_wait_until_ready (window);
  capture = capture_window (window, "datasets-nel-hackney.png");
}

/* A remembered file that has gone: the default system opens, and the banner says why. */
static void
test_remembered_gone (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AtlasWindow *window;

  g_settings_set_string (settings, "last-dataset", "/nonexistent/gone.json");
  /* It was shown in full before (else the crash-loop guard, tested in test-window-hostile.c,
   * would not even try it). */
  g_settings_set_boolean (settings, "last-dataset-ready", TRUE);
  g_application_activate (G_APPLICATION (app));
  window = ATLAS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  /* A file loads in a worker thread, the window showing. */
  window_test_wait_for_load (window);
  g_assert_cmpstr (atlas_dataset_get_id (atlas_window_get_dataset (window)), ==, "hwe");
  g_assert_true (_atlas_window_banner_is_shown (window));
  g_assert_nonnull (strstr (_atlas_window_get_banner_text (window), "gone.json"));
  window_test_close (window);
}

/* A remembered bundled system opens next time. */
static void
test_remembered_opens (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AtlasWindow *window;

  g_settings_set_string (settings, "last-dataset", "nel");
  g_settings_set_boolean (settings, "last-dataset-ready", TRUE);
  g_application_activate (G_APPLICATION (app));
  window = ATLAS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_cmpstr (atlas_dataset_get_id (atlas_window_get_dataset (window)), ==, "nel");
  g_assert_false (_atlas_window_banner_is_shown (window));
  window_test_close (window);
  g_settings_reset (settings, "last-dataset");
  g_settings_reset (settings, "last-dataset-ready");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/window-datasets/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("bad-dataset-refused", test_bad_dataset_refused);
  ADD ("good-dataset-opens", test_good_dataset_opens);
  ADD ("switch-to-nel", test_switch_to_nel);
#undef ADD
  g_test_add_func ("/window-datasets/remembered-gone", test_remembered_gone);
  g_test_add_func ("/window-datasets/remembered-opens", test_remembered_opens);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
