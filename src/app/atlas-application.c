/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-about.h"
#include "atlas-application.h"
#include "atlas-ui-resources.h"
#include "atlas-window-private.h"
#include "atlas-cli.h"
#include "atlas-document.h"
#include "atlas-renderer.h"
#include "atlas-startup-trace.h"

struct _AtlasApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  atlas_show_about (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

/* GtkApplication gives every application window a win.show-help-overlay action built from
 * the gtk/help-overlay.ui resource; app.shortcuts forwards to it so that menus and the
 * accelerator have one application-wide name. */
static void
shortcuts_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

/* Closes every window as its close button would, so that a map with unsaved changes asks
 * first; the application ends with its last window. */
static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));
  gboolean asking = FALSE;

  for (GList *l = windows; l != NULL; l = l->next)
    asking |= ATLAS_IS_WINDOW (l->data) && atlas_window_get_modified (l->data);
  if (!asking)
    g_application_quit (G_APPLICATION (user_data));
  else
    for (GList *l = windows; l != NULL; l = l->next)
      gtk_window_close (l->data);
  g_list_free (windows);
}

static AtlasWindow *
get_main_window (AtlasApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return ATLAS_IS_WINDOW (window) ? ATLAS_WINDOW (window) : NULL;
}

/* The selection and base map actions forward to the main window. They are application
 * actions so that other programs can drive the map over D-Bus, e.g.
 * `gapplication action io.github.icsatlas.IcsAtlas select-district "'watford'"`.
 * Those with a string, what they call and what they say when the window has nothing by it: */
static const struct
{
  const char *name;
  gboolean  (*forward) (AtlasWindow *window,
                        const char  *arg);
  const char *unknown;
} string_actions[] = {
  { "select-district", atlas_window_select_district, "No district with the id “%s”" },
  { "select", atlas_window_select, "Nothing has the id “%s”" },
  { "set-basemap", atlas_window_set_basemap, "Unknown base map “%s”: use 'offline' or 'osm'" },
  { "set-thematic", _atlas_window_set_thematic,
    "No thematic layer “%s”: use 'partnerships' or an indicator id" },
  { "save-screenshot", atlas_window_save_screenshot, "No map to save to “%s” yet" },
  { "export-to", atlas_window_export_to,
    "Cannot export to “%s”: no map yet, or the name does not end in .png, .svg or .pdf" },
};

static void
forward_string_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AtlasWindow *window = get_main_window (user_data);
  const char *name = g_action_get_name (G_ACTION (action));
  const char *arg = g_variant_get_string (parameter, NULL);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (string_actions); i++)
    if (g_str_equal (string_actions[i].name, name)
        && window != NULL && !string_actions[i].forward (window, arg))
      g_message (string_actions[i].unknown, arg);
}

static void
clear_selection_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AtlasWindow *window = get_main_window (user_data);

  if (window != NULL)
    atlas_window_clear_selection (window);
}

/* A bundled id or a dataset file, opened in the main window in the background. */
static void
open_dataset_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AtlasWindow *window = get_main_window (user_data);

  if (window != NULL)
    atlas_window_open_dataset (window, g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "open-dataset", open_dataset_cb, "s" },
  { "set-thematic", forward_string_cb, "s" },
  { "about", about_cb },
  { "shortcuts", shortcuts_cb },
  { "quit", quit_cb },
  { "select-district", forward_string_cb, "s" },
  { "select", forward_string_cb, "s" },
  { "clear-selection", clear_selection_cb },
  { "set-basemap", forward_string_cb, "s" },
  { "save-screenshot", forward_string_cb, "s" },
  { "export-to", forward_string_cb, "s" },
};

/* Opens a dataset in the main window, creating the window if needed: the one asked for, or
 * with NULL the remembered one (see atlas-window-datasets.c). The window shows first; a file
 * loads in a worker thread and an explicit request that fails is reported in the window. */
static void
open_dataset (AtlasApplication *self,
              const char       *request)
{
  AtlasWindow *window = get_main_window (self);

  if (window == NULL)
    window = atlas_window_new (GTK_APPLICATION (self));
  atlas_trace_startup ("window-built");
  gtk_window_present (GTK_WINDOW (window));
  atlas_trace_startup ("window-presented");
  _atlas_window_open_at_start (window, request);
}

/* A map document: in a new window when there is none, else where the main window opens it
 * (there, or in a new window when the map on screen has unsaved changes). */
static void
open_map (AtlasApplication *self,
          GFile            *file)
{
  AtlasWindow *window = get_main_window (self);

  if (window != NULL)
    {
      _atlas_window_open_map_in_place (window, file);
      return;
    }
  window = atlas_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
  atlas_window_open_map (window, file);
}

static void
atlas_application_startup (GApplication *app)
{
  static const char *no_accels[] = { NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };

  /* The UI resources live in a static library and register themselves from a constructor;
   * naming them here keeps the linker from dropping that object from the executable. */
  (void) atlas_ui_get_resource ();

  atlas_trace_startup ("startup");
  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (app);
  atlas_trace_startup ("toolkit-initialised");
  if (gdk_display_get_default () != NULL)
    atlas_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  /* Move GtkApplication's default accelerator for the help overlay to app.shortcuts so that
   * one key does not belong to two actions. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         no_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open-dataset",
                                         open_accels);
}

static void
atlas_application_activate (GApplication *app)
{
  AtlasApplication *self = ATLAS_APPLICATION (app);
  AtlasWindow *window = get_main_window (self);
  const char *request = NULL;

  /* The command line's --dataset and map document are for the first window only. */
  if (window == NULL && atlas_cli_get_document_request (app) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (atlas_cli_get_document_request (app));

      open_map (self, file);
      return;
    }
  if (window == NULL)
    request = atlas_cli_get_dataset_request (app);

  /* A second launch without a dataset only raises the window. */
  if (window != NULL && request == NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  open_dataset (self, request);
  /* --data and --points, for the first window too. */
  if (window == NULL && atlas_cli_get_layers_request (app) != NULL)
    atlas_window_add_layers (get_main_window (self), atlas_cli_get_layers_request (app));
}

static void
atlas_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  g_autofree char *path = g_file_get_path (files[0]);

  if (path != NULL && atlas_document_is_document_name (path))
    open_map (ATLAS_APPLICATION (app), files[0]);
  else if (path != NULL)
    open_dataset (ATLAS_APPLICATION (app), path);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->startup = atlas_application_startup;
  G_APPLICATION_CLASS (klass)->activate = atlas_application_activate;
  G_APPLICATION_CLASS (klass)->open = atlas_application_open;
}

static void
atlas_application_init (AtlasApplication *self)
{
  atlas_cli_add_options (G_APPLICATION (self));
  g_signal_connect (self, "handle-local-options",
                    G_CALLBACK (atlas_cli_handle_local_options), NULL);
}

AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       /* Unique, so that its actions are exported on the session bus. */
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
