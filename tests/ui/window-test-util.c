/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "atlas-export-dialog.h"
#include "window-test-util.h"

AtlasApplication *
window_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  AtlasApplication *app;

  /* Caches and settings stay out of the real home folder. */
  home = g_dir_make_tmp ("ics-atlas-test-XXXXXX", &error);
  g_assert_no_error (error);
  for (const char **var = (const char *[]) { "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
                                             "XDG_DATA_HOME", NULL }; *var; var++)
    {
      g_autofree char *dir = g_build_filename (home, *var, NULL);
      g_mkdir_with_parents (dir, 0700);
      g_setenv (*var, dir, TRUE);
    }
  /* Anything that still looks in the home folder itself (pictures, documents) finds it there. */
  g_setenv ("HOME", home, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  app = atlas_application_new ();
  /* Another test may own the application's bus name at the same time. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                           | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

void
window_test_iterate_pending (void)
{
  test_iterate_pending ();
}

void
window_test_wait_until_ready (AtlasWindow *window)
{
  TEST_WAIT_UNTIL (atlas_window_get_ready (window),
                   "the window's map to be complete (its \"ready\" signal)");
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  gboolean      *painted)
{
  *painted = TRUE;
}

/* Lets the widget's toplevel be mapped and paint a frame. */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  TEST_WAIT_UNTIL (gtk_widget_get_mapped (widget), "the window to be mapped");
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  TEST_WAIT_UNTIL (painted, "a frame to be painted");
  g_signal_handler_disconnect (clock, id);
}

void
window_test_wait_for_frame (AtlasWindow *window)
{
  wait_for_paint (GTK_WIDGET (window));
}

void
window_test_wait_for_load (AtlasWindow *window)
{
  TEST_WAIT_UNTIL (!_atlas_window_is_loading (window), "the dataset load to finish");
}

AtlasWindow *
window_test_open (AtlasApplication *app,
                  AtlasDataset     *dataset)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app));

  /* The real pointer, moved by anyone over the shared display, must not hover a district. */
  _atlas_window_set_pointer_hover (window, FALSE);
  atlas_window_set_dataset (window, dataset);
  gtk_window_present (GTK_WINDOW (window));
  window_test_wait_until_ready (window);
  return window;
}

AtlasWindow *
window_test_open_loading (AtlasApplication *app,
                          const char       *id)
{
  g_autoptr(GError) error = NULL;
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app));

  _atlas_window_set_pointer_hover (window, FALSE);
  g_assert_true (atlas_window_load_dataset (window, id, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  window_test_wait_until_ready (window);
  return window;
}

void
window_test_close (AtlasWindow *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_destroy (GTK_WINDOW (window));
  window_test_iterate_pending ();
  /* The window writes its size and panel as they change: the next test's window starts from
   * the defaults, whatever this one was made to do. */
  for (const char **key = (const char *[]) { "window-width", "window-height", "window-maximized",
                                             "sidebar-width", "sidebar-page", NULL };
       *key != NULL; key++)
    g_settings_reset (settings, *key);
}

void
window_test_wait_for_tiles (AtlasWindow *window)
{
  window_test_wait_for_frame (window);
  TEST_WAIT_UNTIL (atlas_watched_source_get_pending (_atlas_window_get_offline_source (window)) == 0,
                   "the offline base map's tiles to be drawn");
  window_test_wait_for_frame (window);
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, mods)
           || trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                               keyval, mods);
  return GTK_IS_KEYVAL_TRIGGER (trigger)
         && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
         && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
}

static gboolean
run_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        mods)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller))
      == GTK_PHASE_NONE)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

      if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, mods)
          && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                           gtk_shortcut_get_arguments (shortcut)))
        return TRUE;
    }
  return FALSE;
}

gboolean
window_test_press_key (GtkWidget       *root,
                       guint            keyval,
                       GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));
  gboolean taken = FALSE;

  for (GtkWidget *widget = focus != NULL ? focus : root; widget != NULL && !taken;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !taken; i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_SHORTCUT_CONTROLLER (controller))
            taken = run_shortcut (GTK_SHORTCUT_CONTROLLER (controller), keyval, mods);
        }
    }
  window_test_iterate_pending ();
  return taken;
}

void
capture_free (Capture *capture)
{
  g_free (capture->data);
  g_free (capture);
}

/* With paint_first, a frame is painted before the capture; without, the window is captured as
 * it is (a paint now could take in a change the test has not made, such as the pointer's
 * hover), and only painted again if it was between images. */
static Capture *
capture (GtkWidget  *widget,
         const char *name,
         gboolean    paint_first)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "artefacts", NULL);
  g_autofree char *file = NULL;
  Capture *result = g_new0 (Capture, 1);

  /* The paintable holds the widget's image from its last paint: paint again if the widget
   * was between images. */
  for (guint attempt = 0; node == NULL && attempt < 10; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (paint_first || attempt > 0)
        wait_for_paint (widget);
      result->width = gtk_widget_get_width (widget);
      result->height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, result->width, result->height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, result->width,
                                                              result->height));

  g_mkdir_with_parents (dir, 0755);
  file = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("capture: %s", file);

  result->stride = result->width * 4;
  result->data = g_malloc (result->stride * result->height);
  gdk_texture_download (texture, result->data, result->stride);
  return result;
}

Capture *
capture_window (AtlasWindow *window,
                const char  *name)
{
  return capture (GTK_WIDGET (window), name, FALSE);
}

Capture *
capture_widget (GtkWidget  *widget,
                const char *name)
{
  return capture (widget, name, TRUE);
}

guint32
capture_get_pixel (const Capture *capture,
                   int            x,
                   int            y)
{
  const guint8 *p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, capture->width);
  g_assert_cmpint (y, <, capture->height);
  p = capture->data + y * capture->stride + x * 4;
  /* Little-endian ARGB32: B, G, R, A in memory. */
  return (p[2] << 16) | (p[1] << 8) | p[0];
}

gboolean
colours_close (guint32 a,
               guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > COLOUR_TOLERANCE)
      return FALSE;
  return TRUE;
}

void
location_to_window (AtlasWindow *window,
                    double       lat,
                    double       lon,
                    double      *map_x,
                    double      *map_y,
                    double      *window_x,
                    double      *window_y)
{
  GtkWidget *map = _atlas_window_get_map_widget (window);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  graphene_point_t point;

  shumate_viewport_location_to_widget_coords (viewport, map, lat, lon, map_x, map_y);
  g_assert_true (gtk_widget_compute_point (map, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (*map_x, *map_y), &point));
  *window_x = point.x;
  *window_y = point.y;
}

/* Whether the window shows the map itself (or one of its layers) at this point, rather than
 * a control laid over it. */
static gboolean
shows_map (AtlasWindow *window,
           GtkWidget   *map,
           double       x,
           double       y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (window), x, y,
                                       GTK_PICK_INSENSITIVE | GTK_PICK_NON_TARGETABLE);

  return picked == map || (picked != NULL && gtk_widget_is_ancestor (picked, map));
}

guint32
district_commonest_colour (AtlasWindow         *window,
                           const Capture       *capture,
                           const AtlasDistrict *district,
                           guint               *count,
                           guint               *inside)
{
  GtkWidget *map = _atlas_window_get_map_widget (window);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  double mx, my, wx, wy;
  guint32 best = 0;
  GHashTableIter iter;
  gpointer key, value;

  graphene_rect_t card;
  gboolean has_card = _atlas_window_get_legend_card (window) != NULL
                      && gtk_widget_get_mapped (_atlas_window_get_legend_card (window))
                      && gtk_widget_compute_bounds (_atlas_window_get_legend_card (window), GTK_WIDGET (window),
                                                    &card);
  int map_width = gtk_widget_get_width (map), map_height = gtk_widget_get_height (map);

  *count = 0;
  *inside = 0;
  location_to_window (window, district->shape->label_point.y, district->shape->label_point.x,
                      &mx, &my, &wx, &wy);
  for (int dy = -18; dy <= 18; dy += 2)
    for (int dx = -18; dx <= 18; dx += 2)
      {
        double lat, lon;
        guint32 pixel;
        guint n;

        shumate_viewport_widget_coords_to_location (viewport, map, mx + dx, my + dy, &lat, &lon);
        /* Only what the map shows: not beyond its edges, not under the legend or any other
         * control laid over the map (the zoom buttons, the scale). */
        if (mx + dx < 0 || my + dy < 0 || mx + dx >= map_width || my + dy >= map_height
            || (has_card && graphene_rect_contains_point (&card,
                                                          &GRAPHENE_POINT_INIT (wx + dx,
                                                                                wy + dy)))
            || !shows_map (window, map, wx + dx, wy + dy))
          continue;
        if (atlas_dataset_locate (dataset, lat, lon) != district
            || wx + dx < 0 || wy + dy < 0
            || wx + dx >= capture->width || wy + dy >= capture->height)
          continue;
        (*inside)++;
        pixel = capture_get_pixel (capture, (int) wx + dx, (int) wy + dy);
        n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;
        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (n));
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > *count)
      {
        *count = GPOINTER_TO_UINT (value);
        best = GPOINTER_TO_UINT (key);
      }
  return best;
}

gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
window_test_find_named (GtkWidget  *widget,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = window_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

char *
window_test_find_shortcut_action (GtkWidget       *widget,
                                  guint            keyval,
                                  GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods
              && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

static void
clipboard_changed_cb (GdkClipboard *clipboard,
                      gboolean     *changed)
{
  *changed = TRUE;
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

GdkTexture *
window_test_copy_map_image (AtlasWindow *window)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GdkTexture *texture = NULL;
  gboolean changed = FALSE;

  g_signal_connect (clipboard, "changed", G_CALLBACK (clipboard_changed_cb), &changed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-image", NULL));
  TEST_WAIT_UNTIL (changed, "the map image on the clipboard");
  g_signal_handlers_disconnect_by_data (clipboard, &changed);
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard),
                                                    GDK_TYPE_TEXTURE));
  gdk_clipboard_read_texture_async (clipboard, NULL, texture_read_cb, &texture);
  TEST_WAIT_UNTIL (texture != NULL, "the clipboard's texture to be read");
  return texture;
}

gboolean
window_test_has_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ATLAS_IS_EXPORT_DIALOG (item))
        return TRUE;
    }
  return FALSE;
}
