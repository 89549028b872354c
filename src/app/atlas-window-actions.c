/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions and their keyboard shortcuts: moving and zooming the map, framing, and
 * selecting. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-history-buttons.h"
#include "atlas-window-private.h"

/* An arrow key moves the map by this share of its size. */
#define PAN_FRACTION 0.25

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkWidget *map = _atlas_window_get_map_widget (self);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  const char *direction = g_variant_get_string (parameter, NULL);
  double width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);
  double x = width / 2, y = height / 2, lat, lon;

  if (g_str_equal (direction, "left"))
    x -= width * PAN_FRACTION;
  else if (g_str_equal (direction, "right"))
    x += width * PAN_FRACTION;
  else if (g_str_equal (direction, "up"))
    y -= height * PAN_FRACTION;
  else if (g_str_equal (direction, "down"))
    y += height * PAN_FRACTION;
  else
    return;

  shumate_viewport_widget_coords_to_location (viewport, map, x, y, &lat, &lon);
  shumate_map_go_to_full_with_duration (SHUMATE_MAP (map), lat, lon,
                                        shumate_viewport_get_zoom_level (viewport), 150);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  shumate_map_zoom_in (SHUMATE_MAP (_atlas_window_get_map_widget (self)));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  shumate_map_zoom_out (SHUMATE_MAP (_atlas_window_get_map_widget (self)));
}

static void
frame_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  atlas_window_frame_all (ATLAS_WINDOW (widget), TRUE);
}

static void
frame_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  atlas_window_frame_selection (ATLAS_WINDOW (widget), TRUE);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  atlas_window_clear_selection (ATLAS_WINDOW (widget));
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  atlas_window_select (ATLAS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
select_district_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  atlas_window_select_district (ATLAS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static GtkShortcut *
create_shortcut (guint            keyval,
                 GdkModifierType  mods,
                 const char      *action,
                 const char      *direction)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, mods),
                                            gtk_named_action_new (action));

  if (direction != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (direction));
  return shortcut;
}

static void
add_class_key (GtkWidgetClass  *widget_class,
               guint            keyval,
               GdkModifierType  mods,
               const char      *action)
{
  g_autoptr(GtkShortcut) shortcut = create_shortcut (keyval, mods, action, NULL);

  gtk_widget_class_add_shortcut (widget_class, shortcut);
}

void
_atlas_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.pan", "s", pan_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.frame-all", NULL, frame_all_action);
  gtk_widget_class_install_action (widget_class, "win.frame-selection", NULL,
                                   frame_selection_action);
  gtk_widget_class_install_action (widget_class, "win.clear-selection", NULL,
                                   clear_selection_action);
  gtk_widget_class_install_action (widget_class, "win.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "win.select-district", "s",
                                   select_district_action);
  gtk_widget_class_install_property_action (widget_class, "win.basemap", "basemap");

  add_class_key (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in");
  add_class_key (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in");
  add_class_key (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out");
  /* The last key added for an action is the one menus show: the keypad's first, so that the
   * menu reads "Ctrl+0", not "Ctrl+KP 0". */
  add_class_key (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.frame-all");
  add_class_key (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.frame-all");
  add_class_key (widget_class, GDK_KEY_period, GDK_CONTROL_MASK, "win.frame-selection");
  add_class_key (widget_class, GDK_KEY_Escape, 0, "win.clear-selection");
}

/* Arrows and bare +/- belong to the map when it has the focus: elsewhere they move the focus
 * or type into entries (GtkWindow binds arrows to focus moves before any subclass could). */
void
_atlas_window_add_map_shortcuts (AtlasWindow *self)
{
  static const struct {
    guint keyval;
    const char *action;
    const char *direction;
  } keys[] = {
    { GDK_KEY_Left, "win.pan", "left" },
    { GDK_KEY_Right, "win.pan", "right" },
    { GDK_KEY_Up, "win.pan", "up" },
    { GDK_KEY_Down, "win.pan", "down" },
    { GDK_KEY_KP_Left, "win.pan", "left" },
    { GDK_KEY_KP_Right, "win.pan", "right" },
    { GDK_KEY_KP_Up, "win.pan", "up" },
    { GDK_KEY_KP_Down, "win.pan", "down" },
    { GDK_KEY_plus, "win.zoom-in", NULL },
    { GDK_KEY_equal, "win.zoom-in", NULL },
    { GDK_KEY_KP_Add, "win.zoom-in", NULL },
    { GDK_KEY_minus, "win.zoom-out", NULL },
    { GDK_KEY_KP_Subtract, "win.zoom-out", NULL },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          create_shortcut (keys[i].keyval, 0, keys[i].action,
                                                           keys[i].direction));
  gtk_widget_add_controller (_atlas_window_get_map_widget (self), controller);

  /* The mouse's back and forward buttons over the map, as over the side panel. */
  atlas_history_buttons_attach (_atlas_window_get_map_widget (self), self->selection);
}

/* A partnership, a trust or an update selected anywhere (the side panel, search, history) is
 * framed on the map; a site is brought to the middle. Districts stay put: they are mostly picked on the
 * map itself, where moving it would be in the way. */
void
_atlas_window_follow_selection (AtlasWindow *self)
{
  ShumateMap *map = SHUMATE_MAP (_atlas_window_get_map_widget (self));
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  const AtlasSite *site;

  switch (atlas_selection_get_kind (self->selection))
    {
    case ATLAS_SELECTION_PARTNERSHIP:
    case ATLAS_SELECTION_TRUST:
    case ATLAS_SELECTION_UPDATE:
      atlas_window_frame_selection (self, gtk_widget_get_mapped (GTK_WIDGET (map)));
      break;
    case ATLAS_SELECTION_SITE:
      site = atlas_selection_get_site (self->selection);
      if (gtk_widget_get_mapped (GTK_WIDGET (map)))
        shumate_map_go_to_full (map, site->lat, site->lon,
                                shumate_viewport_get_zoom_level (viewport));
      else
        shumate_map_center_on (map, site->lat, site->lon);
      break;
    case ATLAS_SELECTION_NONE:
    case ATLAS_SELECTION_DISTRICT:
    case ATLAS_SELECTION_PRIORITY:
    default:
      break;
    }
}

void
_atlas_window_update_actions (AtlasWindow *self)
{
  gboolean has_dataset = self->dataset != NULL;
  gboolean has_selection = atlas_selection_get_kind (self->selection) != ATLAS_SELECTION_NONE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.frame-all", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.frame-selection", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-selection", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-district", has_dataset);
  _atlas_window_update_export_actions (self);
}

void
atlas_window_frame_selection (AtlasWindow *self,
                              gboolean     animate)
{
  AtlasBBox bbox;

  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (self->dataset != NULL && atlas_map_state_get_selection_bbox (self->state, &bbox))
    atlas_district_layer_frame (self->district_layer, &bbox, animate);
}
