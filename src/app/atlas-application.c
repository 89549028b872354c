/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-cli.h"

struct _AtlasApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

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
