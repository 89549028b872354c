/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keyboard only. From the map, move the focus to the districts list, select Watford, open the
 * export dialog with Ctrl+E and export a slide; from launch, reach Watford on the map itself
 * with Ctrl and the arrows, open its details with Enter and export it with Ctrl+E and Enter,
 * through the file chooser; the map's focus ring; Tab through the map's controls and the panel;
 * the menus' shortcut labels as on the keyboard.
 *
 * What is real and what stands in for a key, since GTK 4 has no public way to inject events:
 * - Ctrl+arrows, Enter, Ctrl+E and Escape in the map-to-Watford test: window_test_press_key (),
 *   which runs the shortcut that GTK's shortcut controllers would run for the key, from the
 *   focused widget up (the map's own, the window's class shortcuts, the dialogs' Enter).
 * - Tab: gtk_widget_child_focus () on the window, the very call GTK's Tab binding makes, so
 *   the focus chain walked is the one a user walks.
 * - Down in the list: the list box's "move-cursor" key binding signal, as the Down key emits.
 * - Space and Enter on the focused widget: gtk_widget_activate (), what those keys call.
 * - Ctrl+E: the test finds the window's shortcut whose trigger is Ctrl+E and activates the
 *   action it names, so a missing or wrong binding fails the test.
 * - The file chooser is bypassed: the file it would return is handed to the dialog. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "atlas-district-nav.h"
#include "atlas-export-dialog.h"
#include "window-test-util.h"

#define MAX_FOCUS_STEPS 200

static AtlasApplication *app;

static GtkWidget *
get_focus (AtlasWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

typedef gboolean (*FocusPredicate) (GtkWidget *focus, gpointer data);

/* Presses Tab (or an arrow) until the focused widget satisfies the predicate. */
static GtkWidget *
move_focus_until (AtlasWindow      *window,
                  GtkDirectionType  direction,
                  FocusPredicate    predicate,
                  gpointer          data)
{
  for (guint i = 0; i < MAX_FOCUS_STEPS; i++)
    {
      GtkWidget *focus = get_focus (window);

      if (focus != NULL && predicate (focus, data))
        return focus;
      if (!gtk_widget_child_focus (GTK_WIDGET (window), direction))
        /* Off the end of the chain: Tab wraps round to the start as GtkWindow does. */
        gtk_widget_child_focus (GTK_WIDGET (window), direction);
      window_test_iterate_pending ();
    }
  g_assert_not_reached ();
}

static gboolean
is_switcher_button (GtkWidget *focus,
                    gpointer   title)
{
  return GTK_IS_TOGGLE_BUTTON (focus) && has_label (focus, title);
}

static gboolean
is_district_row (GtkWidget *focus,
                 gpointer   data)
{
  return GTK_IS_LIST_BOX_ROW (focus) && g_object_get_data (G_OBJECT (focus), "atlas-id") != NULL;
}

static gboolean
is_row_of (GtkWidget *focus,
           gpointer   id)
{
  return GTK_IS_LIST_BOX_ROW (focus)
         && g_strcmp0 (g_object_get_data (G_OBJECT (focus), "atlas-id"), id) == 0;
}

static AtlasExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ATLAS_IS_EXPORT_DIALOG (item))
        return ATLAS_EXPORT_DIALOG (item);
    }
  return NULL;
}

static void
finished_cb (AtlasExportDialog *dialog,
             gboolean           ok,
             int               *result)
{
  *result = ok ? 1 : 0;
}

static void
test_select_and_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  AtlasWindow *window;
  AtlasSelection *selection;
  AtlasExportDialog *dialog;
  g_autofree char *action = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *focus;
  int result = -1;

  g_assert_no_error (error);
  window = window_test_open (app, dataset);
  selection = atlas_window_get_selection (window);

  /* The map has the focus at the start. */
  g_assert_true (get_focus (window) == _atlas_window_get_map_widget (window));

  /* Tab to the side panel's "Districts" switcher button and press Space. */
  focus = move_focus_until (window, GTK_DIR_TAB_FORWARD, is_switcher_button, "Districts");
  g_assert_true (gtk_widget_activate (focus));
  /* A button activated from the keyboard shows itself pressed for a moment before it clicks. */
  TEST_WAIT_UNTIL (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)), "Space to toggle the focused button");
  window_test_iterate_pending ();

  /* Tab into the list of districts, then Down until Watford, and Enter. */
  focus = move_focus_until (window, GTK_DIR_TAB_FORWARD, is_district_row, NULL);
  for (guint i = 0; i < MAX_FOCUS_STEPS && !is_row_of (focus, "watford"); i++)
    {
      /* Down: the list box's key binding moves its cursor (and the focus) a row. */
      g_signal_emit_by_name (gtk_widget_get_parent (focus), "move-cursor",
                             GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
      focus = get_focus (window);
    }
  g_assert_true (is_row_of (focus, "watford"));
  g_assert_true (gtk_widget_activate (focus));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_DISTRICT);
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "watford");

  /* Ctrl+E is bound to the export action, which opens the dialog. */
  action = window_test_find_shortcut_action (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK);
  g_assert_cmpstr (action, ==, "win.export");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_object_ref (dialog);

  /* The Export button would ask for a file; the test hands the dialog the file instead. */
  tmpdir = g_dir_make_tmp ("ics-atlas-keyboard-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "watford.png", NULL);
  file = g_file_new_for_path (path);
  _atlas_export_dialog_set_format (dialog, "png");
  _atlas_export_dialog_set_size (dialog, "slide");
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  _atlas_export_dialog_export_to_file (dialog, file);
  TEST_WAIT_UNTIL (result >= 0, "the export to finish");
  g_assert_cmpint (result, ==, 1);

  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1080);

  g_unlink (path);
  g_rmdir (tmpdir);
  g_object_unref (dialog);
  window_test_close (window);
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return GTK_WIDGET (item);
    }
  return NULL;
}

/* From launch, on a window at 800×600 whose panel is folded away: Ctrl and the arrows walk the
 * map from district to district towards Watford, as a planner looking at the map would, then
 * Enter shows its details and Ctrl+E and Enter export it. */
static void
test_map_to_watford_and_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  const AtlasDistrict *watford = atlas_dataset_find_district (dataset, "watford");
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app));
  AtlasSelection *selection = atlas_window_get_selection (window);
  GtkWidget *map = _atlas_window_get_map_widget (window);
  GtkWidget *sidebar = _atlas_window_get_sidebar (window);
  AtlasExportDialog *dialog;
  GtkWidget *chooser;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int result = -1;
  guint steps = 0;

  g_assert_no_error (error);
  _atlas_window_set_pointer_hover (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  atlas_window_set_dataset (window, dataset);
  gtk_window_present (GTK_WINDOW (window));
  window_test_wait_until_ready (window);
  g_assert_true (adw_flap_get_folded (_atlas_window_get_flap (window)));
  g_assert_true (get_focus (window) == map);

  /* The first press starts from the district in the middle of the map. */
  g_assert_true (window_test_press_key (GTK_WIDGET (window), GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_DISTRICT);
  while (atlas_selection_get_district (selection) != watford && steps++ < 20)
    {
      static const guint keys[] = { GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Up, GDK_KEY_Down };
      const AtlasDistrict *at = atlas_selection_get_district (selection);

      g_test_message ("at %s", at->id);
      g_assert_true (window_test_press_key (GTK_WIDGET (window),
                                            keys[atlas_district_direction (at, watford)],
                                            GDK_CONTROL_MASK));
    }
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "watford");
  /* Walking the map keeps the panel folded away and the focus on the map. */
  g_assert_false (adw_flap_get_reveal_flap (_atlas_window_get_flap (window)));
  g_assert_true (get_focus (window) == map);

  /* Enter: the details, in the panel over the map, with the focus in them. */
  g_assert_true (window_test_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  g_assert_true (adw_flap_get_reveal_flap (_atlas_window_get_flap (window)));
  TEST_WAIT_UNTIL (get_focus (window) != NULL && gtk_widget_is_ancestor (get_focus (window), sidebar),
                   "the focus in the side panel as it slides in");
  TEST_WAIT_UNTIL (gtk_widget_get_mapped (sidebar), "the side panel to open");
  g_assert_true (find_label (sidebar, "Watford Borough Council"));

  /* Ctrl+E, then Enter in the dialog: Export, whose file chooser opens in the folder of the
   * last export (here a new one). */
  tmpdir = g_dir_make_tmp ("ics-atlas-keyboard-XXXXXX", &error);
  g_assert_no_error (error);
  g_settings_set_string (settings, "last-export-folder", tmpdir);
  g_assert_true (window_test_press_key (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK));
  dialog = ATLAS_EXPORT_DIALOG (find_toplevel (ATLAS_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &result);
  g_assert_true (window_test_press_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0));
  TEST_WAIT_UNTIL ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL,
                   "the export's file chooser");

  /* The chooser proposes the file's name, in its name field; Enter accepts it. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_test_message ("proposed: %s", name);
  g_assert_true (g_str_has_prefix (name, "watford-"));
  g_assert_true (GTK_IS_EDITABLE (gtk_root_get_focus (GTK_ROOT (chooser))));
  g_assert_true (window_test_press_key (chooser, GDK_KEY_Return, 0));
  TEST_WAIT_UNTIL (result >= 0, "the export to finish");
  g_assert_cmpint (result, ==, 1);

  path = g_build_filename (tmpdir, name, NULL);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1080);

  g_unlink (path);
  g_rmdir (tmpdir);
  g_settings_reset (settings, "last-export-folder");
  g_object_unref (dialog);
  window_test_close (window);
}

/* Whether the row through edge, from the window's left to a little inside the map, crosses a
 * line in the ring's colour (the window's frame lies between them). */
static gboolean
has_ring (const Capture          *capture,
          const graphene_point_t *edge,
          guint32                 ring)
{
  for (int x = 0; x < (int) edge->x + 12; x++)
    {
      guint32 pixel = capture_get_pixel (capture, x, (int) edge->y);

      g_test_message ("x %d: #%06x", x, pixel);
      if (colours_close (pixel, ring))
        return TRUE;
    }
  return FALSE;
}

/* The map shows the keyboard focus: a ring in the theme's selection colour along its edges,
 * only when the focus was moved by keyboard. */
static void
test_focus_ring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  AtlasWindow *window = window_test_open (app, dataset);
  GtkWidget *map = _atlas_window_get_map_widget (window);
  g_autoptr(Capture) with_ring = NULL;
  g_autoptr(Capture) without = NULL;
  graphene_point_t edge;
  GdkRGBA selected;
  guint32 ring;

  g_assert_no_error (error);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (map),
                                                 "theme_selected_bg_color", &selected));
  G_GNUC_END_IGNORE_DEPRECATIONS
  ring = ((guint32) round (selected.red * 255) << 16) | ((guint32) round (selected.green * 255) << 8)
         | (guint32) round (selected.blue * 255);
  /* A point on the map's left edge, half way down, under the ring. */
  g_assert_true (gtk_widget_compute_point (map, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (1, gtk_widget_get_height (map) / 2.0),
                                           &edge));

  g_assert_true (get_focus (window) == map);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  window_test_wait_for_frame (window);
  with_ring = capture_window (window, "keyboard-focus-ring.png");
  g_test_message ("theme's selection #%06x", ring);
  g_assert_true (has_ring (with_ring, &edge, ring));

  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  window_test_wait_for_frame (window);
  without = capture_window (window, "keyboard-no-focus-ring.png");
  g_assert_false (has_ring (without, &edge, ring));
  window_test_close (window);
}

static gboolean
is_named_button (GtkWidget  *focus,
                 const char *tooltip)
{
  return GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_widget_get_tooltip_text (focus), tooltip) == 0;
}

/* Tab from the map reaches its zoom buttons, the legend card's switch, the licence line's
 * button and the side panel, and comes back round to the map. */
static void
test_tab_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  AtlasWindow *window = window_test_open (app, dataset);
  GtkWidget *map = _atlas_window_get_map_widget (window);
  GtkWidget *dropdown = GTK_WIDGET (_atlas_window_get_thematic_dropdown (window));
  gboolean zoom = FALSE, thematic = FALSE, licence = FALSE, panel = FALSE;

  g_assert_no_error (error);
  g_assert_true (get_focus (window) == map);
  for (guint i = 0; i < MAX_FOCUS_STEPS; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = get_focus (window);
      if (focus == map)
        break;
      zoom |= is_named_button (focus, "Zoom In");
      thematic |= gtk_widget_is_ancestor (focus, dropdown);
      licence |= focus == _atlas_window_get_licence_button (window);
      panel |= gtk_widget_is_ancestor (focus, _atlas_window_get_sidebar (window));
    }
  g_assert_true (get_focus (window) == map);
  g_assert_true (zoom);
  g_assert_true (thematic);
  g_assert_true (licence);
  g_assert_true (panel);
  window_test_close (window);
}

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main menu shows Ctrl+0 for "Show the Whole System", as on the keyboard, not the keypad's
 * "Ctrl+KP 0" that the same action also answers to. */
static void
test_shortcut_labels (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  AtlasWindow *window = window_test_open (app, dataset);
  GtkWidget *button = find_primary_menu_button (GTK_WIDGET (window));
  GtkWidget *popover;

  g_assert_no_error (error);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  TEST_WAIT_UNTIL (gtk_widget_get_mapped (popover), "the main menu to open");
  g_assert_nonnull (find_label_containing (popover, "Ctrl+0"));
  g_assert_null (find_label_containing (popover, "KP"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  window_test_close (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv);

  g_test_add_func ("/keyboard/select-and-export", test_select_and_export);
  g_test_add_func ("/keyboard/map-to-watford-and-export", test_map_to_watford_and_export);
  g_test_add_func ("/keyboard/focus-ring", test_focus_ring);
  g_test_add_func ("/keyboard/tab-order", test_tab_order);
  g_test_add_func ("/keyboard/shortcut-labels", test_shortcut_labels);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
