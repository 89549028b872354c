/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What lies over the map: the legend card (compact on a small map, its legend behind a
 * button), the licence line (one line, with a button that shows it whole), and the theme they
 * and the map are drawn in.
 *
 * Their colours come from the theme through the names every GTK theme defines
 * (@theme_base_color, @theme_text_color: resources/style.css), not libadwaita's own names,
 * which a theme set with GTK_THEME (Adwaita:dark, HighContrast) does not define: there the
 * card lost its background and kept the theme's light text over the light map. The map's
 * palette follows the same choice: libadwaita's dark and high-contrast styles, or a theme
 * whose background is dark. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-window-private.h"

/* A background darker than this relative luminance is a dark theme's. */
#define DARK_LUMINANCE 0.4

static double
get_luminance (const GdkRGBA *colour)
{
  return 0.2126 * colour->red + 0.7152 * colour->green + 0.0722 * colour->blue;
}

/* The theme GTK loaded: GTK_THEME wins over the setting, as in GTK itself. */
static char *
get_theme_name (void)
{
  const char *env = g_getenv ("GTK_THEME");
  GtkSettings *settings = gtk_settings_get_default ();
  char *name = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (settings != NULL)
    g_object_get (settings, "gtk-theme-name", &name, NULL);
  return name;
}

AtlasBasemapStyle
_atlas_window_get_basemap_style (AtlasWindow *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  g_autofree char *name = get_theme_name ();
  GdkRGBA colour;
  gboolean libadwaita, found;

  if (adw_style_manager_get_high_contrast (manager)
      || (name != NULL && g_str_has_prefix (name, "HighContrast")))
    return ATLAS_BASEMAP_STYLE_HIGH_CONTRAST;
  if (adw_style_manager_get_dark (manager))
    return ATLAS_BASEMAP_STYLE_DARK;

  /* libadwaita's style sheet (the only one to name accent_bg_color) is there unless a theme
   * was set with GTK_THEME: then it is that theme's background that says light or dark. While
   * libadwaita styles the window, its style manager is the one to ask (its colours may still
   * be the old ones when it tells of a change). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  libadwaita = gtk_style_context_lookup_color (context, "accent_bg_color", &colour);
  found = !libadwaita && gtk_style_context_lookup_color (context, "theme_bg_color", &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (found && get_luminance (&colour) < DARK_LUMINANCE)
    return ATLAS_BASEMAP_STYLE_DARK;
  return ATLAS_BASEMAP_STYLE_LIGHT;
}

AtlasTheme
_atlas_window_get_carto_theme (AtlasWindow *self)
{
  switch (_atlas_window_get_basemap_style (self))
    {
    case ATLAS_BASEMAP_STYLE_HIGH_CONTRAST:
      return ATLAS_THEME_HIGH_CONTRAST;
    case ATLAS_BASEMAP_STYLE_DARK:
      return ATLAS_THEME_DARK;
    case ATLAS_BASEMAP_STYLE_LIGHT:
    default:
      return ATLAS_THEME_LIGHT;
    }
}

static void
theme_changed_cb (AtlasWindow *self)
{
  /* Before the map is set up, the base map's init reads the theme itself. */
  if (self->district_layer != NULL)
    _atlas_window_basemap_restyle (self);
}

/* The legend opened from the compact card lies over the map for a moment: the map is not
 * framed anew for it, only when the card itself changes. */
static void
update_legend (AtlasWindow *self)
{
  gboolean open = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->legend_button));

  gtk_widget_set_visible (self->legend_button, self->legend_compact);
  gtk_widget_set_visible (self->legend, !self->legend_compact || open);
}

static void
licence_toggled_cb (AtlasWindow *self)
{
  gboolean whole = gtk_toggle_button_get_active (self->licence_button);

  gtk_label_set_wrap (self->licence_label, whole);
  gtk_label_set_ellipsize (self->licence_label, whole ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_button_set_icon_name (GTK_BUTTON (self->licence_button),
                            whole ? "pan-down-symbolic" : "pan-up-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->licence_button),
                               whole ? _("Show the Licence on One Line")
                                     : _("Show the Whole Licence"));
}

void
_atlas_window_overlays_init (AtlasWindow *self)
{
  GtkSettings *settings = gtk_settings_get_default ();

  self->style_manager = g_object_ref (adw_style_manager_get_default ());
  g_signal_connect_object (self->style_manager, "notify::dark", G_CALLBACK (theme_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->style_manager, "notify::high-contrast",
                           G_CALLBACK (theme_changed_cb), self, G_CONNECT_SWAPPED);
  if (settings != NULL)
    g_signal_connect_object (settings, "notify::gtk-theme-name", G_CALLBACK (theme_changed_cb),
                             self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->licence_button, "toggled", G_CALLBACK (licence_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->licence_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Licence"), -1);
  licence_toggled_cb (self);
}

void
_atlas_window_overlays_dispose (AtlasWindow *self)
{
  self->legend_button = NULL;
  g_clear_object (&self->style_manager);
}

GtkWidget *
_atlas_window_wrap_legend (AtlasWindow *self,
                           GtkWidget   *legend)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  self->legend_button = gtk_toggle_button_new_with_mnemonic (_("_Legend"));
  gtk_widget_set_tooltip_text (self->legend_button, _("Show the Legend"));
  gtk_widget_set_visible (self->legend_button, FALSE);
  g_signal_connect_object (self->legend_button, "toggled", G_CALLBACK (update_legend), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->legend_button);
  gtk_box_append (GTK_BOX (box), legend);
  return box;
}

void
_atlas_window_set_legend_compact (AtlasWindow *self,
                                  gboolean     compact)
{
  if (self->legend_button == NULL || self->legend_compact == compact)
    return;
  self->legend_compact = compact;
  /* A legend the planner opened closes when the map grows and shrinks again. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->legend_button), FALSE);
  update_legend (self);
  if (self->legend_card != NULL && self->district_layer != NULL)
    _atlas_window_update_frame_inset (self);
}

void
_atlas_window_update_licence (AtlasWindow *self)
{
  GtkWidget *street_licence = GTK_WIDGET (shumate_simple_map_get_license (self->simple_map));
  int street_width = 0;

  gtk_label_set_text (self->licence_label,
                      self->dataset != NULL ? atlas_dataset_get_boundary_licence (self->dataset)
                                            : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->licence_label),
                               gtk_label_get_text (self->licence_label));
  /* The street map's licence is the map's own, at its bottom right: the line stops short. */
  if (_atlas_window_street_map_shown (self))
    gtk_widget_measure (street_licence, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &street_width,
                        NULL, NULL);
  gtk_widget_set_margin_end (self->licence_box, street_width);
}
