/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A planner's own files in the window: a Fingertips download becomes a classed, legended map
 * with its unmatched rows listed, a names-only sheet matches every district, a broken file is
 * refused with its line and leaves the map as it was, the colour-vision warning, a point layer
 * with its details on click, a dropped file, the district panel's figures, and the layers
 * remembered for the next window. Every figure in tests/data/own-data is made up. Captures go
 * to tests/artefacts/. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "atlas-data-dialog.h"
#include "atlas-legend.h"
#include "window-test-util.h"

static AtlasApplication *app;

typedef struct {
  AtlasWindow *window;
  AtlasDataset *dataset;
} Fixture;

static void
forget_layers (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "data-layers");
  g_settings_reset (settings, "thematic-layer");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  forget_layers ();
  fixture->window = window_test_open_loading (app, "hwe");
  fixture->dataset = g_object_ref (atlas_window_get_dataset (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  window_test_close (fixture->window);
  g_clear_object (&fixture->dataset);
  forget_layers ();
}

static char *
own_data (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "own-data", name, NULL);
}

/* Adds the file as Add Data does, and waits for it to be read and drawn. */
static void
add_file (AtlasWindow *window,
          const char  *path)
{
  _atlas_window_add_data_file (window, path);
  g_assert_cmpuint (_atlas_window_get_data_loading (window), ==, 1);
  TEST_WAIT_UNTIL (_atlas_window_get_data_loading (window) == 0, "the data file to be read");
  window_test_wait_for_frame (window);
  TEST_WAIT_UNTIL (atlas_district_layer_is_still (_atlas_window_get_district_layer (window)),
                   "the district layer to be drawn");
  window_test_wait_for_frame (window);
}

static AtlasDataDialog *
get_dialog (AtlasWindow *window)
{
  GtkWidget *dialog = _atlas_window_get_data_dialog (window);

  g_assert_nonnull (dialog);
  return ATLAS_DATA_DIALOG (dialog);
}

static char *
legend_text (AtlasWindow *window)
{
  char *text = atlas_legend_dup_text (ATLAS_LEGEND (_atlas_window_get_legend (window)));

  g_test_message ("legend:\n%s", text);
  return text;
}

/* Every district in view in the colour the state gives it. */
static void
assert_district_pixels (Fixture       *fixture,
                        const Capture *capture)
{
  AtlasCartographyOptions options;
  const AtlasDistrict *districts;
  guint n = 0, checked = 0;

  atlas_district_layer_get_options (_atlas_window_get_district_layer (fixture->window), &options);
  districts = atlas_dataset_get_districts (fixture->dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      guint32 expected = atlas_cartography_district_fill (fixture->dataset, &districts[i],
                                                          &options);
      guint count, inside;
      guint32 colour = district_commonest_colour (fixture->window, capture, &districts[i],
                                                  &count, &inside);

      g_test_message ("%s: #%06x in %u of %u pixels, expected #%06x", districts[i].id, colour,
                      count, inside, expected);
      if (inside < 20)
        continue;
      g_assert_true (colours_close (colour, expected));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 10);
}

static void
test_fingertips (Fixture       *fixture,
                 gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasMapState *state = _atlas_window_get_state (window);
  g_autofree char *path = own_data ("fingertips-hwe.csv");
  g_autofree char *text = NULL;
  g_autoptr(Capture) capture = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) remembered = NULL;
  g_auto(GStrv) lines = NULL;
  AtlasChoropleth *choropleth;
  const AtlasDataClass *classes;
  AtlasDataDialog *dialog;
  guint n_classes;

  add_file (window, path);

  /* The figures are the thematic layer, beside the bundled indicators in the switch. */
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, "data:fingertips-hwe.csv");
  g_assert_cmpstr (_atlas_window_get_thematic (window), ==, "data:fingertips-hwe.csv");
  g_assert_cmpuint (gtk_drop_down_get_selected (_atlas_window_get_thematic_dropdown (window)),
                    ==, 3);
  choropleth = atlas_map_state_get_choropleth (state);
  g_assert_nonnull (choropleth);
  classes = atlas_choropleth_get_classes (choropleth, &n_classes);
  g_assert_cmpuint (n_classes, ==, 5);

  /* Classed and legended: classes, period, the file as the source. */
  capture = capture_window (window, "data-fingertips.png");
  assert_district_pixels (fixture, capture);
  text = legend_text (window);
  for (guint c = 0; c < n_classes; c++)
    g_assert_nonnull (strstr (text, classes[c].label));
  g_assert_nonnull (strstr (text, "Period: 2021/22"));
  g_assert_nonnull (strstr (text, "Source: fingertips-hwe.csv"));

  /* The dialog says what was not matched: England, the region and the counties, by line. */
  dialog = get_dialog (window);
  g_assert_cmpstr (atlas_data_dialog_get_layer_id (dialog), ==, "data:fingertips-hwe.csv");
  g_assert_cmpstr (atlas_data_dialog_get_unmatched_title (dialog), ==,
                   "4 rows not matched to a district");
  lines = atlas_data_dialog_dup_unmatched_lines (dialog);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "fingertips-hwe.csv:19: “England” (E92000001) is not a "
                                 "district of Hertfordshire and West Essex");
  g_assert_true (g_str_has_prefix (lines[2], "fingertips-hwe.csv:21: “Hertfordshire”"));
  g_assert_null (atlas_data_dialog_get_warning (dialog));
  g_assert_null (atlas_data_dialog_get_error (dialog));

  /* Remembered: where the file is and what was chosen, not its contents. */
  remembered = g_settings_get_value (settings, "data-layers");
  g_assert_cmpuint (g_variant_n_children (remembered), ==, 1);
  {
    g_autoptr(GVariant) first = g_variant_get_child_value (remembered, 0);
    g_autoptr(AtlasLayerDefinition) definition = atlas_layer_definition_new_from_variant (first,
                                                                                       NULL);

    g_assert_cmpstr (definition->path, ==, path);
    g_assert_null (definition->bytes);
  }
  {
    g_autofree char *thematic = g_settings_get_string (settings, "thematic-layer");

    g_assert_cmpstr (thematic, ==, "data:fingertips-hwe.csv");
  }
}

/* The district panel gives the figure with its confidence interval and where it came from. */
static void
test_district_panel (Fixture       *fixture,
                     gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  g_autofree char *path = own_data ("fingertips-hwe.csv");
  GtkWidget *sidebar = _atlas_window_get_sidebar (window);

  add_file (window, path);
  g_assert_true (atlas_window_select_district (window, "watford"));
  window_test_wait_for_frame (window);
  g_assert_true (find_label (sidebar, "63.7 (2021/22)"));
  g_assert_true (find_label (sidebar, "Confidence interval: 60.8 to 66.5"));
  g_assert_true (find_label (sidebar, "Compared to England value or percentiles: Similar"));
  g_assert_true (find_label (sidebar, "Source: fingertips-hwe.csv, line 31"));

  /* Other choices refresh the panel; removing the layer takes its figures away. */
  _atlas_window_remove_layer (window, "data:fingertips-hwe.csv");
  window_test_wait_for_frame (window);
  g_assert_false (has_label (sidebar, "63.7 (2021/22)"));
  g_assert_cmpstr (_atlas_window_get_thematic (window), ==, "partnerships");
}

static void
test_names_only (Fixture       *fixture,
                 gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasMapState *state = _atlas_window_get_state (window);
  g_autofree char *path = own_data ("names-odd.csv");
  AtlasUserLayer *layer;
  AtlasDataDialog *dialog;
  guint n, n_districts;

  add_file (window, path);
  layer = atlas_map_state_find_layer (state, "data:names-odd.csv");
  g_assert_nonnull (layer);
  atlas_area_values_get_values (atlas_user_layer_get_values (layer), &n);
  atlas_dataset_get_districts (fixture->dataset, &n_districts);
  g_assert_cmpuint (n, ==, 13);
  g_assert_cmpuint (n, ==, n_districts);
  dialog = get_dialog (window);
  g_assert_null (atlas_data_dialog_get_unmatched_title (dialog));
  g_assert_cmpuint (atlas_choropleth_get_n_no_data (atlas_user_layer_get_choropleth (layer)), ==,
                    0);
}

/* A broken file is refused where it breaks, and nothing on the map changes. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasMapState *state = _atlas_window_get_state (window);
  g_autofree char *path = own_data ("bad/unclosed-quote.csv");
  g_autoptr(Capture) before = NULL;
  g_autoptr(Capture) after = NULL;
  g_autofree char *legend_before = legend_text (window);
  g_autofree char *legend_after = NULL;
  GtkWidget *dialog, *label;

  /* The map itself: the header's buttons may show the real pointer over them. */
  before = capture_widget (_atlas_window_get_map_widget (window), "data-refused-before.png");
  add_file (window, path);
  dialog = _atlas_window_get_data_error_dialog (window);
  g_assert_nonnull (dialog);
  label = find_label_containing (dialog, "unclosed-quote.csv:");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "unclosed-quote.csv:3:1: the quoted field that starts here is never closed");
  g_assert_true (find_label_containing (dialog, "The map stays as it was") != NULL);
  capture_free (capture_widget (dialog, "data-refused-dialog.png"));

  g_assert_cmpuint (atlas_map_state_get_n_layers (state), ==, 0);
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, "partnerships");
  g_assert_null (_atlas_window_get_data_dialog (window));
  legend_after = legend_text (window);
  g_assert_cmpstr (legend_after, ==, legend_before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  window_test_wait_for_frame (window);
  after = capture_widget (_atlas_window_get_map_widget (window), "data-refused-after.png");
  for (int y = 0; y < before->height; y += 7)
    for (int x = 0; x < before->width; x += 7)
      g_assert_cmphex (capture_get_pixel (before, x, y), ==, capture_get_pixel (after, x, y));
}

/* Two classes that look alike for some readers are said in words; a choice the file cannot
 * take is said in the dialog and the map keeps the layer as it was. */
static void
test_colour_vision (Fixture       *fixture,
                    gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasMapState *state = _atlas_window_get_state (window);
  g_autofree char *path = own_data ("fingertips-hwe.csv");
  AtlasUserLayer *layer;
  AtlasDataDialog *dialog;
  const char *warning;
  guint n_classes;

  add_file (window, path);
  dialog = get_dialog (window);
  g_assert_null (atlas_data_dialog_get_warning (dialog));

  /* A diverging palette's two sides are equally light: greyscale print cannot tell them. */
  g_assert_true (atlas_data_dialog_choose_palette (dialog, "rdbu"));
  g_assert_cmpstr (atlas_choropleth_get_palette_name (atlas_map_state_get_choropleth (state)), ==,
                   "rdbu");
  warning = atlas_data_dialog_get_warning (dialog);
  g_test_message ("warning: %s", warning);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "look alike in greyscale print"));
  g_assert_true (g_str_has_prefix (warning, "Classes "));
  capture_free (capture_widget (GTK_WIDGET (dialog), "data-dialog-warning.png"));

  /* Back to a palette every reader can tell apart at five classes. */
  g_assert_true (atlas_data_dialog_choose_palette (dialog, "ylgnbu"));
  g_assert_null (atlas_data_dialog_get_warning (dialog));

  /* Three classes, as asked. */
  atlas_data_dialog_choose_classes (dialog, 3);
  layer = atlas_map_state_find_layer (state, "data:fingertips-hwe.csv");
  g_assert_cmpuint (atlas_user_layer_get_definition (layer)->n_classes, ==, 3);
  atlas_choropleth_get_classes (atlas_map_state_get_choropleth (state), &n_classes);
  g_assert_cmpuint (n_classes, ==, 3);
}

static void
test_refused_choice (Fixture       *fixture,
                     gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasMapState *state = _atlas_window_get_state (window);
  g_autofree char *path = own_data ("codes.tsv");
  AtlasChoropleth *before;
  AtlasDataDialog *dialog;
  const char *error;

  add_file (window, path);
  dialog = get_dialog (window);
  before = atlas_map_state_get_choropleth (state);
  g_assert_nonnull (before);
  /* The comparison column holds words: refused, with where. */
  g_assert_true (atlas_data_dialog_choose_column (dialog, "compared to england"));
  error = atlas_data_dialog_get_error (dialog);
  g_test_message ("error: %s", error);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error, "codes.tsv:2:"));
  g_assert_true (atlas_map_state_get_choropleth (state) == before);
  g_assert_true (atlas_data_dialog_choose_column (dialog, "upper"));
  g_assert_null (atlas_data_dialog_get_error (dialog));
  g_assert_true (atlas_map_state_get_choropleth (state) != before);
}

static void
test_points (Fixture       *fixture,
             gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasMapState *state = _atlas_window_get_state (window);
  AtlasDistrictLayer *layer = _atlas_window_get_district_layer (window);
  g_autofree char *path = own_data ("points-hwe.csv");
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;
  g_autoptr(Capture) capture = NULL;
  AtlasCartographyOptions options;
  GtkPopover *popover;
  double mx, my, wx, wy;

  add_file (window, path);
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, "partnerships");
  atlas_map_state_get_cartography (state, &options);
  g_assert_cmpuint (options.n_point_layers, ==, 1);
  text = legend_text (window);
  g_assert_nonnull (strstr (text, "points-hwe.csv: 5 points, 1 outside the districts"));

  /* The point in central London, outside every district, brought to the middle: drawn in the
   * layer's colour. */
  shumate_map_center_on (SHUMATE_MAP (_atlas_window_get_map_widget (window)), 51.5079, -0.0877);
  window_test_wait_for_tiles (window);
  TEST_WAIT_UNTIL (atlas_district_layer_is_still (layer), "the district layer to be drawn");
  window_test_wait_for_frame (window);
  capture = capture_window (window, "data-points.png");
  location_to_window (window, 51.5079, -0.0877, &mx, &my, &wx, &wy);
  g_assert_true (colours_close (capture_get_pixel (capture, wx, wy),
                                atlas_point_layer_get_colour (options.point_layers[0])));
  tip = _atlas_window_describe_point (window, mx, my);
  g_assert_cmpstr (tip, ==, "A point in central London");

  /* A click opens its row's fields, and says it lies outside the districts. */
  _atlas_window_handle_click (window, mx, my, mx, my);
  popover = atlas_district_layer_get_site_popover (layer);
  TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)), "the point's details");
  g_assert_true (find_label (GTK_WIDGET (popover), "A point in central London"));
  g_assert_true (find_label (GTK_WIDGET (popover), "outside the system"));
  g_assert_true (find_label (GTK_WIDGET (popover),
                             "Outside the districts of Hertfordshire and West Essex"));
  g_assert_true (find_label (GTK_WIDGET (popover), "points-hwe.csv, line 6"));
  /* It was no click on a district. */
  g_assert_cmpint (atlas_selection_get_kind (atlas_window_get_selection (window)), ==,
                   ATLAS_SELECTION_NONE);
  gtk_popover_popdown (popover);
}

/* A CSV dropped on the window goes on the map; a dataset dropped still opens as one. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  g_autofree char *path = own_data ("codes.tsv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  GSList *files = g_slist_append (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_cmpuint (_atlas_window_get_data_loading (window), ==, 1);
  g_assert_false (_atlas_window_is_loading (window));
  TEST_WAIT_UNTIL (_atlas_window_get_data_loading (window) == 0, "the dropped file to be read");
  g_assert_cmpstr (_atlas_window_get_thematic (window), ==, "data:codes.tsv");
  g_assert_true (atlas_window_get_dataset (window) == fixture->dataset);
}

/* What was added comes back in the next window; a file that has gone is said in the banner. */
static void
test_remembered (Fixture       *fixture,
                 gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  g_autofree char *points = own_data ("points-hwe.csv");
  g_autofree char *source = own_data ("names-odd.csv");
  g_autofree char *dir = g_dir_make_tmp ("ics-atlas-data-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "short-lived.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) remembered = NULL;
  AtlasWindow *next;
  AtlasMapState *state;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  add_file (window, points);
  add_file (window, copy);
  g_assert_cmpstr (_atlas_window_get_thematic (window), ==, "data:short-lived.csv");

  next = window_test_open_loading (app, "hwe");
  TEST_WAIT_UNTIL (_atlas_window_get_data_loading (next) == 0, "the remembered layers");
  state = _atlas_window_get_state (next);
  g_assert_cmpuint (atlas_map_state_get_n_layers (state), ==, 2);
  g_assert_cmpstr (atlas_user_layer_get_id (atlas_map_state_get_layer (state, 0)), ==,
                   "data:points-hwe.csv");
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, "data:short-lived.csv");
  g_assert_false (_atlas_window_banner_is_shown (next));
  window_test_close (next);

  /* The file goes; the next window says so and forgets it. */
  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  next = window_test_open_loading (app, "hwe");
  TEST_WAIT_UNTIL (_atlas_window_get_data_loading (next) == 0, "the remembered layers");
  state = _atlas_window_get_state (next);
  g_assert_cmpuint (atlas_map_state_get_n_layers (state), ==, 1);
  g_assert_true (_atlas_window_banner_is_shown (next));
  g_test_message ("banner: %s", _atlas_window_get_banner_text (next));
  g_assert_nonnull (strstr (_atlas_window_get_banner_text (next), "“short-lived.csv”"));
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, "partnerships");
  remembered = g_settings_get_value (settings, "data-layers");
  g_assert_cmpuint (g_variant_n_children (remembered), ==, 1);
  window_test_close (next);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/window-data/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fingertips", test_fingertips);
  ADD ("district-panel", test_district_panel);
  ADD ("names-only", test_names_only);
  ADD ("refused", test_refused);
  ADD ("colour-vision", test_colour_vision);
  ADD ("refused-choice", test_refused_choice);
  ADD ("points", test_points);
  ADD ("drop", test_drop);
  ADD ("remembered", test_remembered);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
