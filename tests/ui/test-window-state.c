/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window remembers of itself, as it changes: its size and the side panel's page come
 * back in the next window; F11 is bound to fullscreen. (Without a window manager on the virtual
 * display the window cannot actually be maximised or made fullscreen: those states are only
 * asked for.) */
#include "config.h"

#include <adwaita.h>

#include "atlas-sidebar.h"
#include "window-test-util.h"

static AtlasApplication *app;
static AtlasDataset *hwe;

static AtlasWindow *
open_window (void)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app));

  _atlas_window_set_pointer_hover (window, FALSE);
  atlas_window_set_dataset (window, hwe);
  return window;
}

static void
test_size_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AtlasWindow *window = open_window ();
  AtlasWindow *next;
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1280);
  g_assert_cmpint (height, ==, 800);

  /* A new size is written at once, not only when the window closes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1024);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));

  next = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (next), &width, &height);
  g_assert_cmpint (width, ==, 1024);
  g_assert_cmpint (height, ==, 700);
  window_test_close (next);
}

static void
test_page_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AtlasWindow *window = open_window ();
  AtlasWindow *next;

  g_assert_cmpstr (atlas_sidebar_get_page (ATLAS_SIDEBAR (_atlas_window_get_sidebar (window))),
                   ==, "overview");
  atlas_sidebar_set_page (ATLAS_SIDEBAR (_atlas_window_get_sidebar (window)), "trusts");
  g_assert_cmpstr (g_settings_get_string (settings, "sidebar-page"), ==, "trusts");
  gtk_window_destroy (GTK_WINDOW (window));

  next = open_window ();
  g_assert_cmpstr (atlas_sidebar_get_page (ATLAS_SIDEBAR (_atlas_window_get_sidebar (next))),
                   ==, "trusts");
  /* A selection still shows its own page. */
  g_assert_true (atlas_window_select_district (next, "watford"));
  g_assert_cmpstr (atlas_sidebar_get_page (ATLAS_SIDEBAR (_atlas_window_get_sidebar (next))),
                   ==, "districts");
  g_assert_cmpstr (g_settings_get_string (settings, "sidebar-page"), ==, "districts");
  window_test_close (next);
}

/* F11, from anywhere in the window, asks for fullscreen. */
static void
test_fullscreen_key (void)
{
  AtlasWindow *window = open_window ();
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean bound = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !bound; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !bound; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          bound = GTK_IS_KEYVAL_TRIGGER (trigger)
                  && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_F11
                  && GTK_IS_NAMED_ACTION (action)
                  && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                  "win.fullscreen");
        }
    }
  g_assert_true (bound);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fullscreen", NULL));
  window_test_close (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  app = window_test_init (&argc, &argv);
  hwe = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);

  g_test_add_func ("/window-state/size-remembered", test_size_remembered);
  g_test_add_func ("/window-state/page-remembered", test_page_remembered);
  g_test_add_func ("/window-state/fullscreen-key", test_fullscreen_key);

  status = g_test_run ();
  g_clear_object (&hwe);
  g_clear_object (&app);
  return status;
}
