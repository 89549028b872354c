/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window remembers of itself: its size, whether it is maximised, and the side
 * panel's page (its width is remembered by atlas-window-adaptive.c). They are written as they
 * change, not only when the window closes: quitting with Ctrl+Q or being killed keeps them. */
#include "config.h"

#include "atlas-sidebar.h"
#include "atlas-window-private.h"

static void
save_size_cb (AtlasWindow *self)
{
  int width, height;

  /* A maximised or fullscreen window keeps the size it will come back to. */
  if (gtk_window_is_maximized (GTK_WINDOW (self)) || gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width <= 0 || height <= 0)
    return;
  if (_atlas_settings_has_key (self->settings, "window-width")
      && g_settings_get_int (self->settings, "window-width") != width)
    g_settings_set_int (self->settings, "window-width", width);
  if (_atlas_settings_has_key (self->settings, "window-height")
      && g_settings_get_int (self->settings, "window-height") != height)
    g_settings_set_int (self->settings, "window-height", height);
}

static void
save_maximized_cb (AtlasWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  if (_atlas_settings_has_key (self->settings, "window-maximized")
      && g_settings_get_boolean (self->settings, "window-maximized") != maximized)
    g_settings_set_boolean (self->settings, "window-maximized", maximized);
}

static void
save_page_cb (AtlasWindow *self)
{
  GtkWidget *sidebar = _atlas_window_get_sidebar (self);
  const char *page;
  g_autofree char *saved = NULL;

  /* While presenting, the caption is in the panel's place and the steps turn its pages: the
   * page it goes back to is the one to keep. */
  if (!ATLAS_IS_SIDEBAR (sidebar))
    return;
  page = atlas_sidebar_get_page (ATLAS_SIDEBAR (sidebar));
  if (page == NULL || !_atlas_settings_has_key (self->settings, "sidebar-page"))
    return;
  saved = g_settings_get_string (self->settings, "sidebar-page");
  if (g_strcmp0 (saved, page) != 0)
    g_settings_set_string (self->settings, "sidebar-page", page);
}

void
_atlas_window_state_restore (AtlasWindow *self)
{
  GtkWidget *sidebar = _atlas_window_get_sidebar (self);

  if (_atlas_settings_has_key (self->settings, "window-width")
      && _atlas_settings_has_key (self->settings, "window-height"))
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
    }

  if (_atlas_settings_has_key (self->settings, "window-maximized")
      && g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (_atlas_settings_has_key (self->settings, "sidebar-page"))
    {
      g_autofree char *page = g_settings_get_string (self->settings, "sidebar-page");

      atlas_sidebar_set_page (ATLAS_SIDEBAR (sidebar), page);
    }

  if (self->settings == NULL)
    return;
  g_signal_connect_swapped (self, "notify::default-width", G_CALLBACK (save_size_cb), self);
  g_signal_connect_swapped (self, "notify::default-height", G_CALLBACK (save_size_cb), self);
  g_signal_connect_swapped (self, "notify::maximized", G_CALLBACK (save_maximized_cb), self);
  g_signal_connect_object (sidebar, "notify::page", G_CALLBACK (save_page_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_atlas_window_state_save (AtlasWindow *self)
{
  save_size_cb (self);
  save_maximized_cb (self);
  save_page_cb (self);
}
