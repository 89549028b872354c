/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Desktop integration: the about window, the shortcuts window, the application's actions
 * and accelerators, the settings schema and the icons. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "test-wait.h"
#include "atlas-about.h"
#include "atlas-application.h"

static AtlasApplication *app;

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
destroy_toplevels (void)
{
  GtkWindow *window;

  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
  test_iterate_pending ();
}

static void
collect_accelerators (GtkWidget  *widget,
                      GHashTable *accels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *accel = NULL;

          g_object_get (child, "accelerator", &accel, NULL);
          g_hash_table_add (accels, g_steal_pointer (&accel));
        }
      collect_accelerators (child, accels);
    }
}

/* Whether a label under root, shown or not, contains text. */
static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;
  return FALSE;
}

static void
test_about_window (void)
{
  g_autoptr(GtkWindow) parent = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (atlas_about_window_new (parent));

  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "ICS Atlas contributors");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (about)));
  /* The offline map says how old its districts are. */
  g_assert_true (has_label_containing (GTK_WIDGET (about), "as they were in December 2013"));

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (parent);
}

static void
test_help_overlay (void)
{
  static const char *expected[] = {
    "<ctrl>f", "<ctrl>o", "<ctrl>e", "<ctrl><shift>s", "<ctrl><shift>c", "<ctrl>p",
    "Left Up Right Down", "plus", "minus", "<ctrl>0", "<ctrl>period", "Escape",
    "<alt>Left", "<alt>Right", "<ctrl>question", "<ctrl>q",
    "<ctrl>s", "<ctrl>z", "<ctrl><shift>z", "Delete",
    "F5", "Right", "Left", "Home End", "b",
    "<ctrl>Left <ctrl>Up <ctrl>Right <ctrl>Down", "Return", "F9", "F11",
  };
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GHashTable) accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWindow *overlay;

  builder = gtk_builder_new_from_resource ("/io/github/icsatlas/IcsAtlas/gtk/help-overlay.ui");
  overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  collect_accelerators (GTK_WIDGET (overlay), accels);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) keys = g_strsplit (expected[i], " ", -1);

      g_test_message ("shortcut %s", expected[i]);
      g_assert_true (g_hash_table_contains (accels, expected[i]));
      for (guint k = 0; keys[k] != NULL; k++)
        g_assert_true (gtk_accelerator_parse (keys[k], NULL, NULL));
    }
  g_assert_cmpuint (g_hash_table_size (accels), ==, G_N_ELEMENTS (expected));

  gtk_window_destroy (overlay);
}

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, accel);
}

static void
test_app_actions (void)
{
  g_auto(GStrv) overlay_accels = NULL;

  for (const char **name = (const char *[]) { "about", "shortcuts", "quit", NULL }; *name; name++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), *name));

  assert_accel ("app.quit", "<Control>q");
  assert_accel ("app.shortcuts", "<Control>question");
  /* One key, one action: the default accelerator of GtkApplication's help overlay moved. */
  overlay_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                         "win.show-help-overlay");
  g_assert_cmpuint (g_strv_length (overlay_accels), ==, 0);
}

static void
test_app_opens_windows (void)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWindow *about;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  g_assert_nonnull (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));

  destroy_toplevels ();
}

static void
test_settings_schema (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  settings = g_settings_new (APP_ID);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1280);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 800);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 360);
  g_assert_cmpstr (g_settings_get_string (settings, "last-dataset"), ==, "hwe");
  g_assert_cmpstr (g_settings_get_string (settings, "base-map"), ==, "offline");
  g_assert_cmpstr (g_settings_get_string (settings, "last-export-folder"), ==, "");
  g_assert_cmpstr (g_settings_get_string (settings, "export-format"), ==, "png");
  g_assert_cmpstr (g_settings_get_string (settings, "export-size"), ==, "slide");
  g_assert_cmpstr (g_settings_get_string (settings, "thematic-layer"), ==, "partnerships");
  g_assert_true (g_settings_schema_has_key (schema, "export-custom-width"));
  g_assert_true (g_settings_schema_has_key (schema, "export-custom-height"));

  /* The enumerated keys refuse what the application does not know. */
  {
    g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, "base-map");
    g_autoptr(GVariant) osm = g_variant_ref_sink (g_variant_new_string ("osm"));
    g_autoptr(GVariant) other = g_variant_ref_sink (g_variant_new_string ("satellite"));

    g_assert_true (g_settings_schema_key_range_check (key, osm));
    g_assert_false (g_settings_schema_key_range_check (key, other));
  }
}

static void
test_icons_installed (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree char *icons = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", NULL);
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GtkIconPaintable) symbolic = NULL;
  g_autoptr(GFile) icon_file = NULL;
  g_autoptr(GFile) icons_dir = g_file_new_for_path (icons);

  /* The hicolor tree that `meson install` copies: looked up from the source folder. */
  gtk_icon_theme_add_search_path (theme, icons);
  icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  symbolic = gtk_icon_theme_lookup_icon (theme, APP_ID "-symbolic", NULL, 16, 1,
                                         GTK_TEXT_DIR_NONE, 0);
  icon_file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (icon_file);
  g_assert_true (g_file_has_prefix (icon_file, icons_dir));
  g_assert_false (gtk_icon_paintable_is_symbolic (icon));
  g_assert_true (gtk_icon_paintable_is_symbolic (symbolic));
}

/* The same icons in the UI resource, so the uninstalled app and its about window have them. */
static void
test_icons_in_resource (void)
{
  static const char *paths[] = {
    "/io/github/icsatlas/IcsAtlas/icons/scalable/apps/" APP_ID ".svg",
    "/io/github/icsatlas/IcsAtlas/icons/symbolic/apps/" APP_ID "-symbolic.svg",
  };
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_assert_true (g_resources_get_info (paths[i], 0, NULL, NULL, NULL));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = atlas_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/desktop/about-window", test_about_window);
  g_test_add_func ("/desktop/help-overlay", test_help_overlay);
  g_test_add_func ("/desktop/app-actions", test_app_actions);
  g_test_add_func ("/desktop/app-opens-windows", test_app_opens_windows);
  g_test_add_func ("/desktop/settings-schema", test_settings_schema);
  g_test_add_func ("/desktop/icons-in-resource", test_icons_in_resource);
  g_test_add_func ("/desktop/icons-installed", test_icons_installed);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
