/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-about.h"
#include "atlas-application.h"
#include "atlas-ui-resources.h"
#include "atlas-cli.h"

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

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_cb },
  { "shortcuts", shortcuts_cb },
  { "quit", quit_cb },
};

static void
atlas_application_startup (GApplication *app)
{
  static const char *no_accels[] = { NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };

  /* The UI resources live in a static library and register themselves from a constructor;
   * naming them here keeps the linker from dropping that object from the executable. */
  (void) atlas_ui_get_resource ();

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  /* Move GtkApplication's default accelerator for the help overlay to app.shortcuts so that
   * one key does not belong to two actions. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         no_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
atlas_application_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), _("ICS Atlas"));
  gtk_window_present (GTK_WINDOW (window));
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->startup = atlas_application_startup;
  G_APPLICATION_CLASS (klass)->activate = atlas_application_activate;
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
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}
