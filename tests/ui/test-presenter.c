/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presenter mode under a virtual display: F5 starts it on the cover; → three times lands on
 * step 3 (the cover is step 0, then the partnerships in the dataset's order, then the
 * districts, as the meeting pack orders its pages); Page Down, Page Up, Space, Home, End and B
 * do what clickers expect; a district clicked on the map becomes the step; Escape puts the
 * window back as it was: its size, the selection, the side panel and its page, the header, the
 * view and the selection's history. In a window whose side panel folds over the map, the
 * caption still stands beside the map, and the panel comes back folded and open as it was.
 *
 * What stands in for keys and the pointer (GTK 4 has no public way to inject events): F5 is
 * looked up in the window's shortcut controllers and its action activated; the presenter's
 * keys go to the handler its key controller calls (_atlas_window_presenter_key); a click is
 * the map's click handler (_atlas_window_handle_click). Captures at 1280×800 go to
 * tests/artefacts/. */
#include "config.h"

#include <math.h>

#include "atlas-sidebar.h"
#include "window-test-util.h"

static AtlasApplication *app;

static const char *
caption_title (AtlasWindow *window)
{
  GtkWidget *caption = _atlas_window_get_presenter_caption (window);

  g_assert_nonnull (caption);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (caption)));
}

static void
press (AtlasWindow *window,
       guint        keyval)
{
  g_assert_true (_atlas_window_presenter_key (window, keyval));
  window_test_iterate_pending ();
}

static void
test_walk_and_restore (void)
{
  AtlasWindow *window = window_test_open_loading (app, "hwe");
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  AtlasSelection *selection = atlas_window_get_selection (window);
  AtlasSidebar *sidebar = ATLAS_SIDEBAR (_atlas_window_get_sidebar (window));
  g_autoptr(AtlasAnnotation) pin = NULL;
  const AtlasPartnership *partnerships;
  const AtlasDistrict *districts;
  const AtlasDistrict *watford;
  g_autofree char *f5 = NULL;
  g_autoptr(Capture) capture = NULL;
  AtlasPoint hub = { -0.3966, 51.6567 };
  guint n_partnerships = 0, n_districts = 0;
  int width, height;
  double mx, my, wx, wy;
  AtlasView before, after;

  partnerships = atlas_dataset_get_partnerships (dataset, &n_partnerships);
  districts = atlas_dataset_get_districts (dataset, &n_districts);
  watford = atlas_dataset_find_district (dataset, "watford");
  pin = atlas_annotation_new (ATLAS_ANNOTATION_PIN, ATLAS_ANNOTATION_RED,
                              "New health hub (ICP, November 2023)", NULL, &hub, 1);
  atlas_annotation_list_add (atlas_map_state_get_annotations (_atlas_window_get_state (window)),
                             pin);

  /* The window as the planner left it. */
  atlas_window_select (window, "uttlesford");
  atlas_window_select (window, "dacorum");
  atlas_sidebar_set_page (sidebar, "partnerships");
  window_test_wait_for_tiles (window);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_true (atlas_district_layer_get_view (_atlas_window_get_district_layer (window),
                                                &before));

  f5 = window_test_find_shortcut_action (GTK_WIDGET (window), GDK_KEY_F5, 0);
  g_assert_cmpstr (f5, ==, "win.present");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), f5, NULL));
  g_assert_true (atlas_window_is_presenting (window));
  g_assert_cmpint (_atlas_window_get_presenter_step (window), ==, 0);
  g_assert_cmpuint (_atlas_window_get_presenter_n_steps (window), ==,
                    1 + n_partnerships + n_districts);
  g_assert_cmpstr (caption_title (window), ==, atlas_dataset_get_name (dataset));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  /* The caption takes the side panel's place. */
  g_assert_true (_atlas_window_get_sidebar (window)
                 == _atlas_window_get_presenter_caption (window));
  g_assert_null (gtk_widget_get_parent (GTK_WIDGET (sidebar)));
  g_assert_false (adw_flap_get_folded (_atlas_window_get_flap (window)));
  g_assert_true (adw_flap_get_reveal_flap (_atlas_window_get_flap (window)));

  press (window, GDK_KEY_Right);
  press (window, GDK_KEY_Right);
  press (window, GDK_KEY_Right);
  g_assert_cmpint (_atlas_window_get_presenter_step (window), ==, 3);
  g_assert_true (atlas_selection_get_partnership (selection) == &partnerships[2]);
  g_assert_cmpstr (caption_title (window), ==, partnerships[2].name);

  /* What clickers send. */
  press (window, GDK_KEY_Page_Down);
  g_assert_cmpint (_atlas_window_get_presenter_step (window), ==, 4);
  press (window, GDK_KEY_Page_Up);
  g_assert_cmpint (_atlas_window_get_presenter_step (window), ==, 3);
  press (window, GDK_KEY_space);
  press (window, GDK_KEY_space);
  g_assert_cmpint (_atlas_window_get_presenter_step (window), ==, 1 + (int) n_partnerships);
  g_assert_true (atlas_selection_get_district (selection) == &districts[0]);
  press (window, GDK_KEY_End);
  g_assert_cmpint (_atlas_window_get_presenter_step (window), ==,
                   (int) (n_partnerships + n_districts));
  g_assert_cmpstr (caption_title (window), ==, districts[n_districts - 1].name);
  press (window, GDK_KEY_Home);
  g_assert_cmpint (_atlas_window_get_presenter_step (window), ==, 0);
  press (window, GDK_KEY_Left);
  g_assert_cmpint (_atlas_window_get_presenter_step (window), ==, 0);
  press (window, GDK_KEY_b);
  g_assert_true (_atlas_window_presenter_is_blank (window));
  capture = capture_window (window, "presenter-blank.png");
  g_clear_pointer (&capture, capture_free);
  press (window, GDK_KEY_b);
  g_assert_false (_atlas_window_presenter_is_blank (window));
  /* Keys that are not presenter mode's go on to the window. */
  g_assert_false (_atlas_window_presenter_key (window, GDK_KEY_x));

  /* The mouse still works: Watford clicked on the map is its step. */
  press (window, GDK_KEY_Home);
  window_test_wait_for_tiles (window);
  capture = capture_window (window, "presenter-cover.png");
  g_clear_pointer (&capture, capture_free);
  press (window, GDK_KEY_End);
  atlas_window_frame_all (window, FALSE);
  window_test_wait_for_tiles (window);
  location_to_window (window, watford->shape->label_point.y, watford->shape->label_point.x, &mx,
                      &my, &wx, &wy);
  _atlas_window_handle_click (window, mx, my, mx, my);
  g_assert_true (atlas_selection_get_district (selection) == watford);
  g_assert_cmpint (_atlas_window_get_presenter_step (window), ==,
                   (int) (1 + n_partnerships + watford->index));
  g_assert_cmpstr (caption_title (window), ==, "Watford");
  /* Framed when the map has moved there. */
  TEST_WAIT_UNTIL (atlas_district_layer_is_still (_atlas_window_get_district_layer (window)),
                   "the map to frame Watford");
  window_test_wait_for_tiles (window);
  capture = capture_window (window, "presenter-watford.png");
  g_assert_cmpint (capture->width, ==, width);

  press (window, GDK_KEY_Escape);
  g_assert_false (atlas_window_is_presenting (window));
  g_assert_null (_atlas_window_get_presenter_caption (window));
  TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) == width
                   && gtk_widget_get_height (GTK_WIDGET (window)) == height,
                   "the window to be its size again");
  window_test_wait_for_tiles (window);
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "dacorum");
  g_assert_true (_atlas_window_get_sidebar (window) == GTK_WIDGET (sidebar));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sidebar)));
  g_assert_false (adw_flap_get_folded (_atlas_window_get_flap (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (sidebar)), ==, 360);
  g_assert_cmpstr (atlas_sidebar_get_page (sidebar), ==, "partnerships");
  g_assert_true (atlas_district_layer_get_view (_atlas_window_get_district_layer (window),
                                                &after));
  g_assert_cmpfloat (fabs (after.scale - before.scale) / before.scale, <, 1e-9);
  g_assert_cmpfloat (fabs (after.origin_x - before.origin_x) * before.scale, <, 0.5);
  g_assert_cmpfloat (fabs (after.origin_y - before.origin_y) * before.scale, <, 0.5);
  /* The presentation, the click on Watford included, left the history alone: back goes where
   * it went before it. */
  g_assert_false (atlas_selection_can_go_forward (selection));
  g_assert_true (atlas_selection_go_back (selection));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "uttlesford");
  window_test_close (window);
}

static gboolean
caption_beside_map (AtlasWindow *window,
                    GtkWidget   *caption)
{
  GtkWidget *map = _atlas_window_get_map_widget (window);
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (caption)
         && gtk_widget_compute_bounds (caption, map, &bounds)
         && bounds.origin.x >= gtk_widget_get_width (map) - 0.5;
}

/* A window narrow enough for the side panel to fold over the map, the panel open: presenting
 * puts the caption beside the map, and Escape gives back the folded panel, open, at its width. */
static void
test_folded_panel (void)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app));
  AdwFlap *flap = _atlas_window_get_flap (window);
  GtkWidget *sidebar = _atlas_window_get_sidebar (window);
  g_autoptr(GError) error = NULL;
  GtkWidget *caption;
  int panel_width, width;

  _atlas_window_set_pointer_hover (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  g_assert_true (atlas_window_load_dataset (window, "hwe", &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  window_test_wait_until_ready (window);
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL));
  TEST_WAIT_UNTIL (adw_flap_get_reveal_progress (flap) == 1.0, "the folded panel to slide in");
  panel_width = gtk_widget_get_width (sidebar);
  g_assert_cmpint (panel_width, >, 0);
  width = gtk_widget_get_width (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  caption = _atlas_window_get_presenter_caption (window);
  g_assert_false (adw_flap_get_folded (flap));
  /* Beside the map, not over it (once the flap has finished unfolding): the map ends where the
   * caption begins. */
  TEST_WAIT_UNTIL (caption_beside_map (window, caption), "the caption to stand beside the map");
  g_assert_cmpint (gtk_widget_get_width (caption), >, 0);
  /* The folded panel's toggle does not take the caption away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL));
  g_assert_true (adw_flap_get_reveal_flap (flap));

  press (window, GDK_KEY_Escape);
  g_assert_false (atlas_window_is_presenting (window));
  TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) == width
                   && adw_flap_get_folded (flap) && adw_flap_get_reveal_progress (flap) == 1.0,
                   "the window to be its width again with its panel folded and open");
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (_atlas_window_get_sidebar (window) == sidebar);
  g_assert_cmpint (gtk_widget_get_width (sidebar), ==, panel_width);
  /* The flap is the window's again: closing the panel, then folding stays closed. */
  g_assert_true (window_test_press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  TEST_WAIT_UNTIL (adw_flap_get_reveal_progress (flap) == 0.0, "the folded panel to slide out");
  g_assert_false (adw_flap_get_locked (flap));
  window_test_close (window);
}

static void
test_header_button (void)
{
  AtlasWindow *window = window_test_open_loading (app, "nel");

  /* The header's button and the menu item use the same action; it starts and stops. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_true (atlas_window_is_presenting (window));
  window_test_wait_for_frame (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_false (atlas_window_is_presenting (window));
  window_test_close (window);
}

int
main (int   argc,
      char *argv[])
{
  app = window_test_init (&argc, &argv);

  g_test_add_func ("/presenter/walk-and-restore", test_walk_and_restore);
  g_test_add_func ("/presenter/folded-panel", test_folded_panel);
  g_test_add_func ("/presenter/header-button", test_header_button);
  return g_test_run ();
}
