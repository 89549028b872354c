/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map by keyboard. Tab reaches the map (a focus ring shows it: resources/style.css), its
 * zoom buttons, the legend card's controls, the licence line and the side panel. On the map:
 * - Ctrl+Left, Ctrl+Right, Ctrl+Up, Ctrl+Down move the selection to the next district that
 *   way (atlas_district_step: the nearest within 45 degrees of the direction), starting, when
 *   nothing is selected, from the district nearest the middle of the view; the map glides to
 *   keep it in view. Ctrl and an arrow, rather than Tab, because Tab must lead out of the map
 *   to the rest of the window, and the bare arrows pan it.
 * - Enter opens the selection's details: the side panel (over the map when it is folded),
 *   with the focus in its page.
 * F11 makes the window fullscreen and back. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-district-nav.h"
#include "atlas-sidebar.h"
#include "atlas-window-private.h"

/* A district stepped to is brought into view when its label point is closer than this to an
 * edge of what the map shows uncovered. */
#define VIEW_MARGIN 48.0

static gboolean
parse_direction (const char         *name,
                 AtlasStepDirection *direction)
{
  static const char * const names[] = { "left", "right", "up", "down" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *direction = (AtlasStepDirection) i;
        return TRUE;
      }
  return FALSE;
}

/* The district nearest the middle of the view: where stepping starts. */
static const AtlasDistrict *
find_start (AtlasWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);

  return atlas_district_nearest (self->dataset,
                                 shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                 shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
}

static void
keep_in_view (AtlasWindow         *self,
              const AtlasDistrict *district)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  GtkWidget *map = _atlas_window_get_map_widget (self);
  double lat = district->shape->label_point.y, lon = district->shape->label_point.x, x, y;
  double right = gtk_widget_get_width (map);

  if (_atlas_window_panel_is_folded (self) && adw_flap_get_reveal_flap (self->flap))
    right -= self->panel_width;
  shumate_viewport_location_to_widget_coords (viewport, map, lat, lon, &x, &y);
  if (x >= VIEW_MARGIN && x <= right - VIEW_MARGIN && y >= VIEW_MARGIN
      && y <= gtk_widget_get_height (map) - VIEW_MARGIN)
    return;
  shumate_map_go_to_full_with_duration (SHUMATE_MAP (map), lat, lon,
                                        shumate_viewport_get_zoom_level (viewport), 250);
}

static void
step_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  const AtlasDistrict *from, *to;
  AtlasStepDirection direction;

  if (self->dataset == NULL || !parse_direction (g_variant_get_string (parameter, NULL),
                                                 &direction))
    return;
  from = atlas_selection_get_kind (self->selection) == ATLAS_SELECTION_DISTRICT
           ? atlas_selection_get_district (self->selection) : NULL;
  to = from != NULL ? atlas_district_step (self->dataset, from, direction) : find_start (self);
  if (to == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  self->stepping = TRUE;
  atlas_selection_select (self->selection, ATLAS_SELECTION_DISTRICT, to->id);
  self->stepping = FALSE;
  keep_in_view (self, to);
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _atlas_window_focus_panel (ATLAS_WINDOW (widget));
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static GtkShortcut *
create_shortcut (guint            keyval,
                 GdkModifierType  mods,
                 const char      *action,
                 const char      *argument)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, mods),
                                            gtk_named_action_new (action));

  if (argument != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (argument));
  return shortcut;
}

void
_atlas_window_class_init_keyboard (GtkWidgetClass *widget_class)
{
  g_autoptr(GtkShortcut) fullscreen = create_shortcut (GDK_KEY_F11, 0, "win.fullscreen", NULL);

  gtk_widget_class_install_action (widget_class, "win.step-selection", "s",
                                   step_selection_action);
  gtk_widget_class_install_action (widget_class, "win.show-details", NULL, show_details_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_add_shortcut (widget_class, fullscreen);
}

/* Keys that belong to the map while it has the focus (the bare arrows and +/- are in
 * atlas-window-actions.c). */
void
_atlas_window_keyboard_init (AtlasWindow *self)
{
  static const struct {
    guint keyval;
    GdkModifierType mods;
    const char *action;
    const char *argument;
  } keys[] = {
    { GDK_KEY_Left, GDK_CONTROL_MASK, "win.step-selection", "left" },
    { GDK_KEY_Right, GDK_CONTROL_MASK, "win.step-selection", "right" },
    { GDK_KEY_Up, GDK_CONTROL_MASK, "win.step-selection", "up" },
    { GDK_KEY_Down, GDK_CONTROL_MASK, "win.step-selection", "down" },
    { GDK_KEY_KP_Left, GDK_CONTROL_MASK, "win.step-selection", "left" },
    { GDK_KEY_KP_Right, GDK_CONTROL_MASK, "win.step-selection", "right" },
    { GDK_KEY_KP_Up, GDK_CONTROL_MASK, "win.step-selection", "up" },
    { GDK_KEY_KP_Down, GDK_CONTROL_MASK, "win.step-selection", "down" },
    { GDK_KEY_Return, 0, "win.show-details", NULL },
    { GDK_KEY_KP_Enter, 0, "win.show-details", NULL },
    { GDK_KEY_ISO_Enter, 0, "win.show-details", NULL },
  };
  GtkWidget *map = _atlas_window_get_map_widget (self);
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          create_shortcut (keys[i].keyval, keys[i].mods,
                                                           keys[i].action, keys[i].argument));
  gtk_widget_add_controller (map, controller);

  gtk_widget_add_css_class (map, "atlas-map");
  gtk_accessible_update_property (GTK_ACCESSIBLE (map),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move the map, plus and minus zoom, Ctrl and an "
                                    "arrow select the next district that way, Enter shows its "
                                    "details"),
                                  -1);
}
