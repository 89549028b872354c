/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-about.h"
#include "atlas-renderer.h"

/* The attribution texts are legal wording and stay in English, exactly as the licensors ask.
 * AdwAboutWindow shows custom licence text as Pango markup, so none of them may contain
 * markup characters. */
#define BOUNDARY_ATTRIBUTION \
  "Contains Ordnance Survey data © Crown copyright and database right. " \
  "Contains National Statistics data © Crown copyright and database right. " \
  "Licensed under the Open Government Licence v3.0. " \
  "Boundary collection by Martin Chorley (UK-GeoJSON), CC BY 4.0."

#define OSM_COPYRIGHT "© OpenStreetMap contributors"

/* The published documents the bundled datasets take their content from. Titles are proper
 * names and are not translated. */
static const char *content_sources[] = {
  "About our area (Hertfordshire and West Essex ICS)",
  "Hertfordshire and West Essex Integrated Care Strategy",
  "Headlines from the ICP meeting (November 2023)",
  "City and Hackney (NHS North East London)",
  NULL
};

static void
add_data_sections (AdwAboutWindow *about)
{
  adw_about_window_add_legal_section (about,
                                      _("Boundary data"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      BOUNDARY_ATTRIBUTION);
  /* TRANSLATORS: the vintage of the offline map's districts, in the about window */
  adw_about_window_add_legal_section (about,
                                      _("Offline map"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The offline map shows the local authority districts of "
                                        "Great Britain as they were in December 2013, with the "
                                        "districts merged since then, up to April 2023, joined "
                                        "into the councils that replaced them and named as they "
                                        "are today (Buckinghamshire, North Yorkshire, Somerset "
                                        "and others). Other boundary changes since 2013 are not "
                                        "shown."));
  adw_about_window_add_legal_section (about,
                                      _("OpenStreetMap"),
                                      OSM_COPYRIGHT,
                                      GTK_LICENSE_CUSTOM,
                                      _("When the online map is chosen, its map data is "
                                        "available under the Open Database License (ODbL)."));
  adw_about_window_add_acknowledgement_section (about,
                                                _("Content from"),
                                                content_sources);
}

/* The troubleshooting information: what a bug report needs to know of this machine's
 * drawing, since the renderer decides how fast the map is. */
static char *
debug_info (GtkWindow *parent)
{
  GString *info = g_string_new (NULL);
  const char *renderer = atlas_renderer_describe ();
  GskRenderer *used = parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent))
                      ? gtk_native_get_renderer (GTK_NATIVE (parent)) : NULL;

  g_string_append_printf (info, "ICS Atlas %s\n", PACKAGE_VERSION);
  g_string_append_printf (info, "GTK %u.%u.%u, libadwaita %u.%u.%u\n",
                          gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version (), adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "Renderer chosen: %s\n",
                          renderer != NULL ? renderer : "GTK's default");
  g_string_append_printf (info, "Renderer in use: %s\n",
                          used != NULL ? G_OBJECT_TYPE_NAME (used) : "unknown");
  g_string_append_printf (info, "Display: %s\n",
                          G_OBJECT_TYPE_NAME (gdk_display_get_default ()));
  return g_string_free (info, FALSE);
}

/**
 * atlas_about_window_new:
 * @parent: (nullable): the window the about window belongs to
 *
 * Returns: (transfer none): a new about window, not yet presented; GTK owns it
 */
GtkWindow *
atlas_about_window_new (GtkWindow *parent)
{
  AdwAboutWindow *about;
  g_autofree char *info = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  info = debug_info (parent);

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("ICS Atlas"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, "ICS Atlas contributors");
  adw_about_window_set_copyright (about, "© 2026 ICS Atlas contributors");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/icsatlas/ics-atlas");
  adw_about_window_set_issue_url (about, "https://github.com/icsatlas/ics-atlas/issues");
  /* Translators: replace with your names, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  add_data_sections (about);
  adw_about_window_set_debug_info (about, info);
  adw_about_window_set_debug_info_filename (about, "ics-atlas-troubleshooting.txt");

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
    }

  return GTK_WINDOW (about);
}

/**
 * atlas_show_about:
 * @parent: (nullable): the window the about window belongs to
 *
 * Presents the about window with the application's version, licence and the licences and
 * sources of its data.
 */
void
atlas_show_about (GtkWindow *parent)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  gtk_window_present (atlas_about_window_new (parent));
}
