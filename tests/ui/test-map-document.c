/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Annotations and map documents in the real window: a planner's map built with the tools
 * (select a district, colour by an indicator, a pin and a text box), saved, checked against
 * the JSON Schema and reopened in another window with the same state; an annotation dragged,
 * undone and redone; one edited in place and deleted; a malformed document refused with its
 * exact problems while the map stays; the side panel's page and search; and every output of
 * the window (screenshot, copied image, exported PDF, printed page, meeting pack) carrying the
 * pin. Captures of the annotations in light and dark go to tests/artefacts/.
 *
 * What stands in for the pointer and keys (GTK 4 has no public way to inject events, and window
 * tests never depend on the pointer): the annotation layer's press, drag and release handlers,
 * which the map's gestures call with the same coordinates; the editor's Done; and the actions
 * that the window's shortcuts name (Ctrl+Z, Ctrl+Shift+Z and Delete are looked up in its
 * shortcut controllers, so a missing key binding fails). */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "atlas-annotation-editor.h"
#include "atlas-annotation-palette.h"
#include "atlas-export-dialog.h"
#include "atlas-pack-dialog.h"
#include "atlas-print.h"
#include "atlas-search.h"
#include "atlas-sidebar.h"
#include "atlas-user-layer.h"
#include "window-test-util.h"

#define PIN_LABEL "New health hub (ICP, November 2023)"
#define PIN_NOTE "Donna Nolan, Chief Executive of Watford, revealed plans for a new health hub"

static AtlasApplication *app;
static char *source_root;

static const AtlasPoint hub = { -0.3966, 51.6567 };
static const AtlasPoint text_place = { -0.30, 51.75 };

static AtlasAnnotationList *
get_list (AtlasWindow *window)
{
  return atlas_map_state_get_annotations (_atlas_window_get_state (window));
}

/* Where a place is in the annotation layer's (the map's) coordinates. */
static void
place_on_map (AtlasWindow      *window,
              const AtlasPoint *point,
              double           *x,
              double           *y)
{
  double wx, wy;

  location_to_window (window, point->y, point->x, x, y, &wx, &wy);
}

/* A click with a drawing tool, and the editor's Add with this text. */
static guint
add_with_tool (AtlasWindow         *window,
               AtlasAnnotationTool  tool,
               const AtlasPoint    *point,
               const char          *label,
               const char          *note)
{
  AtlasAnnotationLayer *layer = _atlas_window_get_annotation_layer (window);
  AtlasAnnotationEditor *editor =
    ATLAS_ANNOTATION_EDITOR (atlas_annotation_layer_get_editor (layer));
  guint before = atlas_annotation_list_get_n (get_list (window));
  double x, y;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (
    atlas_annotation_palette_get_button (ATLAS_ANNOTATION_PALETTE (
      _atlas_window_get_annotation_palette (window)), tool)), TRUE);
  g_assert_cmpint (atlas_annotation_layer_get_tool (layer), ==, tool);
  place_on_map (window, point, &x, &y);
  g_assert_true (atlas_annotation_layer_press (layer, x, y, 1));
  atlas_annotation_layer_release (layer, x, y);
  /* Nothing is added until the label is given. */
  g_assert_cmpuint (atlas_annotation_list_get_n (get_list (window)), ==, before);
  TEST_WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (editor)), "the annotation editor to open");
  atlas_annotation_editor_set_text (editor, label, note);
  g_assert_true (atlas_annotation_editor_done (editor));
  g_assert_cmpuint (atlas_annotation_list_get_n (get_list (window)), ==, before + 1);
  /* A drawing tool is used once. */
  g_assert_cmpint (atlas_annotation_layer_get_tool (layer), ==, ATLAS_ANNOTATION_TOOL_SELECT);
  return atlas_annotation_layer_get_selected (layer);
}

static void
assert_schema_valid (const char *path)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = g_build_filename (source_root, "tests", "check-map-schema.py", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (python);
  g_spawn_sync (NULL, (char *[]) { python, script, source_root, (char *) path, NULL }, NULL, 0,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", out);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "0 problem(s)\n");
}

static void
assert_views_equal (AtlasWindow *a,
                    AtlasWindow *b)
{
  AtlasView va, vb;

  g_assert_true (atlas_district_layer_get_view (_atlas_window_get_district_layer (a), &va));
  g_assert_true (atlas_district_layer_get_view (_atlas_window_get_district_layer (b), &vb));
  g_test_message ("views: %g %g %g / %g %g %g", va.origin_x, va.origin_y, va.scale, vb.origin_x,
                  vb.origin_y, vb.scale);
  g_assert_cmpfloat (va.width, ==, vb.width);
  g_assert_cmpfloat (va.height, ==, vb.height);
  /* Within a hundredth of a pixel: the same view. */
  g_assert_cmpfloat (fabs (va.scale - vb.scale) / va.scale, <, 1e-6);
  g_assert_cmpfloat (fabs (va.origin_x - vb.origin_x) * va.scale, <, 0.01);
  g_assert_cmpfloat (fabs (va.origin_y - vb.origin_y) * va.scale, <, 0.01);
}

/* How many pixels of colour there are around the pin's head: the capture may sit a few pixels
 * off the map's coordinates (the window's border), so a box, not a point. */
static guint
count_near_head (const Capture *capture,
                 double         x,
                 double         y,
                 guint32        colour)
{
  guint n = 0;

  for (int dy = -12; dy <= 12; dy++)
    for (int dx = -12; dx <= 12; dx++)
      n += colours_close (capture_get_pixel (capture, (int) x + dx, (int) y + dy), colour);
  return n;
}

/* The pin's head is drawn in the red for the window's style, and not in the other's. */
static void
assert_pin_colour (AtlasWindow *window,
                   const char  *capture_name,
                   gboolean     dark)
{
  g_autoptr(Capture) capture = NULL;
  guint32 expected = atlas_annotation_colour_rgb (ATLAS_ANNOTATION_RED, dark);
  guint32 other = atlas_annotation_colour_rgb (ATLAS_ANNOTATION_RED, !dark);
  double mx, my, wx, wy;

  window_test_wait_for_tiles (window);
  capture = capture_window (window, capture_name);
  location_to_window (window, hub.y, hub.x, &mx, &my, &wx, &wy);
  /* The head is a disc of radius 8 around (x, y - 20): some 150 pixels of its colour. */
  g_assert_cmpuint (count_near_head (capture, wx, wy - 20, expected), >, 80);
  g_assert_cmpuint (count_near_head (capture, wx, wy - 20, other), ==, 0);
}

static void
test_round_trip (void)
{
  AtlasWindow *window = window_test_open_loading (app, "hwe");
  AtlasWindow *reopened;
  AtlasMapState *state;
  g_autofree char *dir = g_dir_make_tmp ("atlas-map-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "health-hub.atlas", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *points_path = g_build_filename (source_root, "tests", "data", "own-data",
                                                   "points-hwe.csv", NULL);
  const AtlasLayerDefinition *places;
  const AtlasAnnotation *pin;
  guint pin_id;

  g_assert_true (atlas_window_select_district (window, "watford"));
  g_object_set (window, "thematic", "overweight-4-5", NULL);
  /* A planner's places, which the document carries. */
  _atlas_window_add_data_file (window, points_path);
  TEST_WAIT_UNTIL (_atlas_window_get_data_loading (window) == 0, "the places to be read");
  g_assert_cmpuint (atlas_map_state_get_n_layers (_atlas_window_get_state (window)), ==, 1);
  pin_id = add_with_tool (window, ATLAS_ANNOTATION_TOOL_PIN, &hub, PIN_LABEL, PIN_NOTE);
  add_with_tool (window, ATLAS_ANNOTATION_TOOL_TEXT, &text_place, "Ask about parking", NULL);
  pin = atlas_annotation_list_find (get_list (window), pin_id);
  g_assert_cmpstr (pin->label, ==, PIN_LABEL);
  g_assert_cmpstr (pin->note, ==, PIN_NOTE);
  g_assert_true (atlas_window_get_modified (window));

  g_assert_true (atlas_window_save_map (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (atlas_window_get_modified (window));
  g_assert_cmpstr (_atlas_window_get_title_text (window), ==, "health-hub");
  assert_schema_valid (path);

  /* A colleague opens it in another window. */
  reopened = atlas_window_new (GTK_APPLICATION (app));
  _atlas_window_set_pointer_hover (reopened, FALSE);
  gtk_window_present (GTK_WINDOW (reopened));
  atlas_window_open_map (reopened, file);
  window_test_wait_for_load (reopened);
  g_assert_null (_atlas_window_get_load_error_dialog (reopened));
  window_test_wait_until_ready (reopened);
  TEST_WAIT_UNTIL (!_atlas_window_map_view_pending (reopened), "the map's saved view");
  window_test_wait_for_frame (reopened);

  state = _atlas_window_get_state (reopened);
  g_assert_cmpstr (atlas_dataset_get_id (atlas_window_get_dataset (reopened)), ==, "hwe");
  g_assert_cmpint (atlas_selection_get_kind (atlas_map_state_get_selection (state)), ==,
                   ATLAS_SELECTION_DISTRICT);
  g_assert_cmpstr (atlas_selection_get_id (atlas_map_state_get_selection (state)), ==, "watford");
  g_assert_cmpstr (_atlas_window_get_thematic (reopened), ==, "overweight-4-5");
  g_assert_true (atlas_annotation_set_equal (atlas_annotation_list_get_set (get_list (window)),
                                             atlas_annotation_list_get_set (get_list (reopened))));
  assert_views_equal (window, reopened);
  /* The places come from the document alone, the same bytes under the same id. */
  g_assert_cmpuint (atlas_map_state_get_n_layers (state), ==, 1);
  places = atlas_user_layer_get_definition (atlas_map_state_get_layer (state, 0));
  g_assert_cmpstr (places->id, ==, atlas_user_layer_get_id (atlas_map_state_get_layer (
                                     _atlas_window_get_state (window), 0)));
  g_assert_null (places->path);
  g_assert_true (g_bytes_equal (places->bytes, atlas_user_layer_get_definition (
                                  atlas_map_state_get_layer (_atlas_window_get_state (window),
                                                             0))->bytes));
  g_assert_false (atlas_window_get_modified (reopened));
  g_assert_true (g_file_equal (atlas_window_get_map_file (reopened), file));
  g_assert_cmpstr (_atlas_window_get_title_text (reopened), ==, "health-hub");

  /* What the colleague sees: the pin, in light and in dark. */
  assert_pin_colour (reopened, "map-document-light.png", FALSE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  TEST_WAIT_UNTIL (_atlas_window_get_theme (reopened) == ATLAS_THEME_DARK, "the dark style");
  assert_pin_colour (reopened, "map-document-dark.png", TRUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* A layer removed is a change to save. */
  g_assert_true (atlas_map_state_remove_layer (state, places->id));
  g_assert_true (atlas_window_get_modified (reopened));
  g_assert_true (atlas_window_save_map (reopened, file, &error));
  g_assert_false (atlas_window_get_modified (reopened));

  /* A change shows in the title until it is saved. */
  atlas_window_clear_selection (reopened);
  g_assert_true (atlas_window_get_modified (reopened));
  g_assert_cmpstr (_atlas_window_get_title_text (reopened), ==, "• health-hub");

  window_test_close (reopened);
  window_test_close (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* What the key does where it is pressed: the window's keys, or the map's (Delete). */
static void
activate_key (GtkWidget       *widget,
              guint            keyval,
              GdkModifierType  mods,
              const char      *expected)
{
  g_autofree char *action = window_test_find_shortcut_action (widget, keyval, mods);

  g_assert_cmpstr (action, ==, expected);
  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
}

static void
test_move_undo_redo (void)
{
  AtlasWindow *window = window_test_open_loading (app, "hwe");
  AtlasAnnotationLayer *layer = _atlas_window_get_annotation_layer (window);
  g_autoptr(AtlasAnnotation) template = atlas_annotation_new (ATLAS_ANNOTATION_PIN,
                                                              ATLAS_ANNOTATION_BLUE, PIN_LABEL,
                                                              NULL, &hub, 1);
  AtlasView view;
  guint id;
  double x, y, wx0, wy0, wx1, wy1;
  const AtlasAnnotation *pin;

  id = atlas_annotation_list_add (get_list (window), template);
  window_test_wait_for_frame (window);
  place_on_map (window, &hub, &x, &y);
  g_assert_true (atlas_district_layer_get_view (_atlas_window_get_district_layer (window), &view));

  /* Pressed on its head: the layer takes it, the map neither pans nor selects. */
  g_assert_cmpuint (atlas_annotation_layer_get_at (layer, x, y - 20), ==, id);
  g_assert_true (atlas_annotation_layer_press (layer, x, y - 20, 1));
  atlas_annotation_layer_drag_to (layer, x + 30, y);
  atlas_annotation_layer_drag_to (layer, x + 60, y + 10);
  /* Not moved in the state until it is let go: one drag, one change. */
  g_assert_cmpfloat (atlas_annotation_list_find (get_list (window), id)->points[0].x, ==, hub.x);
  atlas_annotation_layer_release (layer, x + 60, y + 10);
  g_assert_cmpint (atlas_selection_get_kind (atlas_window_get_selection (window)), ==,
                   ATLAS_SELECTION_NONE);

  pin = atlas_annotation_list_find (get_list (window), id);
  atlas_project (hub.x, hub.y, &wx0, &wy0);
  atlas_project (pin->points[0].x, pin->points[0].y, &wx1, &wy1);
  g_assert_cmpfloat_with_epsilon ((wx1 - wx0) * view.scale, 60.0, 1e-6);
  g_assert_cmpfloat_with_epsilon ((wy1 - wy0) * view.scale, 30.0, 1e-6);

  activate_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK, "win.undo");
  pin = atlas_annotation_list_find (get_list (window), id);
  g_assert_cmpfloat (pin->points[0].x, ==, hub.x);
  g_assert_cmpfloat (pin->points[0].y, ==, hub.y);
  activate_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo");
  pin = atlas_annotation_list_find (get_list (window), id);
  atlas_project (pin->points[0].x, pin->points[0].y, &wx1, &wy1);
  g_assert_cmpfloat_with_epsilon ((wx1 - wx0) * view.scale, 60.0, 1e-6);

  /* Delete, with the map's key, and back again. */
  g_assert_cmpuint (atlas_annotation_layer_get_selected (layer), ==, id);
  activate_key (_atlas_window_get_map_widget (window), GDK_KEY_Delete, 0, "win.delete-annotation");
  g_assert_cmpuint (atlas_annotation_list_get_n (get_list (window)), ==, 0);
  activate_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK, "win.undo");
  g_assert_cmpuint (atlas_annotation_list_get_n (get_list (window)), ==, 1);
  window_test_close (window);
}

static void
test_edit_in_place (void)
{
  AtlasWindow *window = window_test_open_loading (app, "hwe");
  AtlasAnnotationLayer *layer = _atlas_window_get_annotation_layer (window);
  AtlasAnnotationEditor *editor =
    ATLAS_ANNOTATION_EDITOR (atlas_annotation_layer_get_editor (layer));
  g_autoptr(AtlasAnnotation) template = atlas_annotation_new (ATLAS_ANNOTATION_PIN,
                                                              ATLAS_ANNOTATION_RED, "Hub", NULL,
                                                              &hub, 1);
  guint id = atlas_annotation_list_add (get_list (window), template);
  double x, y;

  window_test_wait_for_frame (window);
  place_on_map (window, &hub, &x, &y);
  /* A double click on it opens the editor pointing at it. */
  g_assert_true (atlas_annotation_layer_press (layer, x, y - 20, 1));
  atlas_annotation_layer_release (layer, x, y - 20);
  g_assert_true (atlas_annotation_layer_press (layer, x, y - 20, 2));
  TEST_WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (editor)), "the annotation editor to open");
  g_assert_cmpuint (atlas_annotation_editor_get_annotation (editor)->id, ==, id);
  atlas_annotation_editor_set_text (editor, PIN_LABEL, "  a note  ");
  g_assert_true (atlas_annotation_editor_done (editor));
  g_assert_cmpstr (atlas_annotation_list_find (get_list (window), id)->label, ==, PIN_LABEL);
  g_assert_cmpstr (atlas_annotation_list_find (get_list (window), id)->note, ==, "a note");
  /* A pin needs its label: Done does nothing without one. */
  g_assert_true (atlas_annotation_layer_edit (layer, id));
  atlas_annotation_editor_set_text (editor, "   ", NULL);
  g_assert_false (atlas_annotation_editor_done (editor));
  gtk_popover_popdown (GTK_POPOVER (editor));
  g_assert_cmpstr (atlas_annotation_list_find (get_list (window), id)->label, ==, PIN_LABEL);

  /* The edit is one change. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (atlas_annotation_list_find (get_list (window), id)->label, ==, "Hub");
  /* The editor's Delete. */
  g_assert_true (atlas_annotation_layer_edit (layer, id));
  atlas_annotation_editor_delete (editor);
  g_assert_null (atlas_annotation_list_find (get_list (window), id));
  window_test_close (window);
}

static void
test_area_and_arrow (void)
{
  AtlasWindow *window = window_test_open_loading (app, "hwe");
  AtlasAnnotationLayer *layer = _atlas_window_get_annotation_layer (window);
  const AtlasAnnotation *made;
  double x, y;

  window_test_wait_for_frame (window);
  place_on_map (window, &hub, &x, &y);
  atlas_annotation_layer_set_tool (layer, ATLAS_ANNOTATION_TOOL_AREA);
  atlas_annotation_layer_press (layer, x, y, 1);
  atlas_annotation_layer_press (layer, x + 80, y, 1);
  atlas_annotation_layer_press (layer, x + 80, y + 60, 1);
  g_assert_true (atlas_annotation_layer_is_drawing (layer));
  g_assert_cmpuint (atlas_annotation_list_get_n (get_list (window)), ==, 0);
  /* Back on the first corner closes it. */
  atlas_annotation_layer_press (layer, x + 2, y + 1, 1);
  g_assert_false (atlas_annotation_layer_is_drawing (layer));
  made = atlas_annotation_set_get (atlas_annotation_list_get_set (get_list (window)), 0);
  g_assert_cmpint (made->kind, ==, ATLAS_ANNOTATION_AREA);
  g_assert_cmpuint (made->n_points, ==, 3);
  gtk_popover_popdown (atlas_annotation_layer_get_editor (layer));

  atlas_annotation_layer_set_tool (layer, ATLAS_ANNOTATION_TOOL_ARROW);
  atlas_annotation_layer_press (layer, x - 100, y - 100, 1);
  atlas_annotation_layer_press (layer, x, y, 1);
  made = atlas_annotation_set_get (atlas_annotation_list_get_set (get_list (window)), 1);
  g_assert_cmpint (made->kind, ==, ATLAS_ANNOTATION_ARROW);
  gtk_popover_popdown (atlas_annotation_layer_get_editor (layer));

  /* Escape drops an arrow half drawn, and changes nothing. */
  atlas_annotation_layer_set_tool (layer, ATLAS_ANNOTATION_TOOL_ARROW);
  atlas_annotation_layer_press (layer, x, y, 1);
  g_assert_true (atlas_annotation_layer_is_drawing (layer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-annotation",
                                             NULL));
  g_assert_false (atlas_annotation_layer_is_drawing (layer));
  g_assert_cmpuint (atlas_annotation_list_get_n (get_list (window)), ==, 2);
  window_test_close (window);
}

static void
test_refused_keeps_map (void)
{
  AtlasWindow *window = window_test_open_loading (app, "nel");
  g_autofree char *path = g_build_filename (source_root, "tests", "data", "documents", "bad",
                                            "malformed-annotation.atlas", NULL);
  g_autofree char *expected_path = g_build_filename (source_root, "tests", "data", "documents",
                                                     "bad", "malformed-annotation.expected",
                                                     NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasAnnotation) pin = atlas_annotation_new (ATLAS_ANNOTATION_PIN,
                                                         ATLAS_ANNOTATION_RED, "Mine", NULL,
                                                         &hub, 1);
  GtkWidget *dialog, *text;

  atlas_annotation_list_add (get_list (window), pin);
  atlas_window_open_map (window, file);
  window_test_wait_for_load (window);
  dialog = _atlas_window_get_load_error_dialog (window);
  g_assert_nonnull (dialog);
  /* Every problem, the folder left out, in the problems dialog's text view. */
  text = window_test_find_named (dialog, "load-error-text");
  g_assert_true (GTK_IS_TEXT_VIEW (text));
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  g_strchomp (expected);
  {
    g_auto(GStrv) parts = g_strsplit (expected, "tests/data/documents/bad/", -1);
    g_autofree char *shown = g_strjoinv ("", parts);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));
    g_autofree char *listed = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    listed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (listed, ==, shown);
  }
  /* Nothing lost: the system and the annotation on screen stay. */
  g_assert_cmpstr (atlas_dataset_get_id (atlas_window_get_dataset (window)), ==, "nel");
  g_assert_cmpuint (atlas_annotation_list_get_n (get_list (window)), ==, 1);
  g_assert_null (atlas_window_get_map_file (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  window_test_close (window);
}

static void
test_side_panel (void)
{
  AtlasWindow *window = window_test_open_loading (app, "hwe");
  AtlasSidebar *sidebar = ATLAS_SIDEBAR (_atlas_window_get_sidebar (window));
  AtlasSearch *search = ATLAS_SEARCH (atlas_sidebar_get_search (sidebar));
  AtlasAnnotationLayer *layer = _atlas_window_get_annotation_layer (window);
  g_autoptr(AtlasAnnotation) pin = atlas_annotation_new (ATLAS_ANNOTATION_PIN,
                                                         ATLAS_ANNOTATION_RED, PIN_LABEL,
                                                         PIN_NOTE, &hub, 1);
  guint id;

  id = atlas_annotation_list_add (get_list (window), pin);
  atlas_sidebar_set_page (sidebar, "annotations");
  window_test_wait_for_frame (window);
  /* The Notes page is remembered like the others. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *page = g_settings_get_string (settings, "sidebar-page");

    g_assert_cmpstr (page, ==, "annotations");
  }
  g_assert_true (find_label (GTK_WIDGET (sidebar), PIN_LABEL));
  g_assert_true (find_label (GTK_WIDGET (sidebar), PIN_NOTE));

  /* The note's words find it, and the result shows it on the map. */
  atlas_search_set_query (search, "Nolan");
  g_assert_cmpuint (atlas_search_get_n_results (search), >=, 1);
  g_assert_true (atlas_search_activate_first (search));
  g_assert_cmpuint (atlas_annotation_layer_get_selected (layer), ==, id);

  /* Removed from the list, gone from the page. */
  atlas_annotation_list_remove (get_list (window), id);
  window_test_wait_for_frame (window);
  g_assert_false (has_label (GTK_WIDGET (sidebar), PIN_LABEL));
  window_test_close (window);
}

/* The text of a PDF, as pdftotext reads it, line breaks as spaces. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strdelimit (out, "\n", ' ');
}

/* Pixels of the pin's red in a map image drawn at scale × the map's size, looked at on a grid
 * of the map's pixels around the pin's head (a disc of radius 8: some 200 of them). */
static guint
red_pixels_at_pin (AtlasWindow     *window,
                   cairo_surface_t *image,
                   double           scale)
{
  guint32 red = atlas_annotation_colour_rgb (ATLAS_ANNOTATION_RED, FALSE);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data;
  double x, y;
  guint n = 0;

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  place_on_map (window, &hub, &x, &y);
  for (int dy = -12; dy <= 12; dy++)
    for (int dx = -12; dx <= 12; dx++)
      {
        int px = (int) ((x + dx) * scale), py = (int) ((y - 20 + dy) * scale);
        guint32 pixel;

        if (px < 0 || py < 0 || px >= cairo_image_surface_get_width (image)
            || py >= cairo_image_surface_get_height (image))
          continue;
        pixel = *(const guint32 *) (data + py * stride + px * 4) & 0xffffff;
        n += colours_close (pixel, red);
      }
  return n;
}

static void
texture_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static void
pack_finished_cb (AtlasPackDialog *dialog,
                  gboolean         ok,
                  int             *result)
{
  *result = ok;
}

static gboolean
has_toplevel_of (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        return TRUE;
    }
  return FALSE;
}

static void
test_outputs_carry_annotations (void)
{
  AtlasWindow *window = window_test_open_loading (app, "hwe");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autoptr(AtlasAnnotation) pin = atlas_annotation_new (ATLAS_ANNOTATION_PIN,
                                                         ATLAS_ANNOTATION_RED, PIN_LABEL, NULL,
                                                         &hub, 1);
  g_autofree char *dir = g_dir_make_tmp ("atlas-outputs-XXXXXX", NULL);
  g_autofree char *shot = g_build_filename (dir, "shot.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "export.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "print.pdf", NULL);
  g_autofree char *pack_path = g_build_filename (dir, "pack", NULL);
  g_autofree char *pack_pdf = g_build_filename (pack_path, "hwe-meeting-pack.pdf", NULL);
  g_autoptr(GFile) pack = g_file_new_for_path (pack_path);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(AtlasPackDialog) pack_dialog = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AtlasExportOptions options;
  cairo_surface_t *image;
  gboolean copied = FALSE;
  int result = -1;

  atlas_annotation_list_add (get_list (window), pin);
  window_test_wait_for_frame (window);

  /* Save Screenshot and Copy Map Image: twice the map's size. */
  g_assert_true (atlas_window_save_screenshot (window, shot));
  TEST_WAIT_UNTIL (g_file_test (shot, G_FILE_TEST_IS_REGULAR), "the screenshot to be written");
  image = cairo_image_surface_create_from_png (shot);
  g_assert_cmpuint (red_pixels_at_pin (window, image, ATLAS_MAP_IMAGE_SCALE), >, 100);
  cairo_surface_destroy (image);
  g_signal_connect_swapped (clipboard, "changed", G_CALLBACK (set_true), &copied);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-image", NULL));
  TEST_WAIT_UNTIL (copied, "the map image to be copied");
  g_signal_handlers_disconnect_by_data (clipboard, &copied);
  gdk_clipboard_read_texture_async (clipboard, NULL, texture_read_cb, &texture);
  TEST_WAIT_UNTIL (texture != NULL, "the map image on the clipboard");
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (texture),
                                      gdk_texture_get_height (texture));
  gdk_texture_download (texture, cairo_image_surface_get_data (image),
                        cairo_image_surface_get_stride (image));
  cairo_surface_mark_dirty (image);
  g_assert_cmpuint (red_pixels_at_pin (window, image, ATLAS_MAP_IMAGE_SCALE), >, 100);
  cairo_surface_destroy (image);

  /* Export (the export dialog's writer), print and the meeting pack: the label, as text. */
  g_assert_true (atlas_window_export_to (window, pdf));
  TEST_WAIT_UNTIL (g_file_test (pdf, G_FILE_TEST_IS_REGULAR), "the export to be written");
  TEST_WAIT_UNTIL (!has_toplevel_of (ATLAS_TYPE_EXPORT_DIALOG), "the export to finish");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, PIN_LABEL));
  g_clear_pointer (&text, g_free);

  _atlas_window_fill_export_options (window, &options);
  operation = atlas_print_operation_new (&options);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, PIN_LABEL));
  g_clear_pointer (&text, g_free);

  pack_dialog = g_object_ref_sink (atlas_pack_dialog_new (window));
  g_signal_connect (pack_dialog, "finished", G_CALLBACK (pack_finished_cb), &result);
  _atlas_pack_dialog_start (pack_dialog, pack, ATLAS_EXPORT_PACK_BY_DISTRICT);
  TEST_WAIT_UNTIL (result >= 0, "the meeting pack to finish");
  g_assert_cmpint (result, ==, 1);
  text = pdf_text (pack_pdf);
  g_assert_nonnull (strstr (text, PIN_LABEL));

  gtk_window_destroy (GTK_WINDOW (pack_dialog));
  window_test_close (window);
}

static GtkWindow *
find_toplevel_of (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        return GTK_WINDOW (item);
    }
  return NULL;
}

/* Nothing lost: closing a map with annotations never saved asks first, and Cancel keeps it. */
static void
test_close_asks (void)
{
  AtlasWindow *window = window_test_open_loading (app, "hwe");
  g_autoptr(AtlasAnnotation) pin = atlas_annotation_new (ATLAS_ANNOTATION_PIN,
                                                         ATLAS_ANNOTATION_RED, PIN_LABEL, NULL,
                                                         &hub, 1);
  GtkWindow *dialog;
  gboolean destroyed = FALSE;

  g_assert_false (atlas_window_get_modified (window));
  atlas_annotation_list_add (get_list (window), pin);
  g_assert_true (atlas_window_get_modified (window));
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (set_true), &destroyed);

  gtk_window_close (GTK_WINDOW (window));
  TEST_WAIT_UNTIL ((dialog = find_toplevel_of (ADW_TYPE_MESSAGE_DIALOG)) != NULL,
                   "the question about unsaved changes");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  window_test_iterate_pending ();
  g_assert_false (destroyed);
  g_assert_cmpuint (atlas_annotation_list_get_n (get_list (window)), ==, 1);

  gtk_window_close (GTK_WINDOW (window));
  TEST_WAIT_UNTIL ((dialog = find_toplevel_of (ADW_TYPE_MESSAGE_DIALOG)) != NULL,
                   "the question about unsaved changes");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  TEST_WAIT_UNTIL (destroyed, "the window to close");
}

int
main (int   argc,
      char *argv[])
{
  app = window_test_init (&argc, &argv);
  source_root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));

  g_test_add_func ("/map-document/round-trip", test_round_trip);
  g_test_add_func ("/map-document/move-undo-redo", test_move_undo_redo);
  g_test_add_func ("/map-document/edit-in-place", test_edit_in_place);
  g_test_add_func ("/map-document/area-and-arrow", test_area_and_arrow);
  g_test_add_func ("/map-document/refused-keeps-map", test_refused_keeps_map);
  g_test_add_func ("/map-document/side-panel", test_side_panel);
  g_test_add_func ("/map-document/outputs-carry-annotations", test_outputs_carry_annotations);
  g_test_add_func ("/map-document/close-asks", test_close_asks);
  return g_test_run ();
}
