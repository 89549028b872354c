/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window at any width. The side panel is the flap of an AdwFlap: beside the map while the
 * map keeps 740 pixels beside it (1100 pixels for the window, with the panel at its usual 360),
 * else folded into a sheet over the map's right side, which the header button or F9 opens,
 * selecting something opens, and Escape or a click on the map closes. The map then has the
 * whole width, and framing done while the sheet is open keeps clear of it
 * (atlas_district_layer_set_frame_inset_right). Beside the map, the panel's edge can be
 * dragged to widen it (within a few pixels of the one-pixel separator); its width is
 * remembered. A small map shows the legend card compact.
 *
 * The fold is decided here from the width the flap is given, just before it is laid out (the
 * flap's fold policy is set to always or never by a layout of the bin around it), not by
 * AdwFlap from its children's minimum sizes: those would also be the window's minimum width,
 * and the window must still shrink to a narrow screen.
 *
 * Presenter mode holds the panel's place beside the map for its caption, at any width, with
 * the flap locked (its fold does not open or close it). Afterwards the panel gets its width
 * back, and whether it was shown once the fold is what it was: after full screen, the window
 * may take a few layouts to be its size again. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-sidebar.h"
#include "atlas-window-private.h"

/* Beside the panel the map keeps at least this width; with less, the panel folds over it. At
 * 1024×768, a map of 657 pixels beside the panel left the system small and the legend over
 * a third of it: there the panel folds. */
#define MIN_MAP_BESIDE_PANEL 740
#define DEFAULT_PANEL_WIDTH 360
/* The settings' range for the panel's width. */
#define MIN_PANEL_WIDTH 240
#define MAX_PANEL_WIDTH 800
/* What the map keeps when the panel is dragged wider. */
#define MIN_MAP_WIDTH 320
/* A press this close to the panel's edge drags it. */
#define GRAB_DISTANCE 4.0
/* A map smaller than this either way shows the legend card compact. */
#define COMPACT_MAP_WIDTH 720
#define COMPACT_MAP_HEIGHT 560

static int
get_separator_width (AtlasWindow *self)
{
  int width = 0;

  gtk_widget_measure (self->panel_separator, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL,
                      NULL, NULL);
  return width;
}

static void
set_panel_width (AtlasWindow *self,
                 int          width)
{
  int least = 0;

  /* Never narrower than the panel's contents need (its seven page tabs). */
  gtk_widget_measure (GTK_WIDGET (self->sidebar_bin), GTK_ORIENTATION_HORIZONTAL, -1, &least,
                      NULL, NULL, NULL);
  self->panel_width = MAX (CLAMP (width, MIN_PANEL_WIDTH, MAX_PANEL_WIDTH), least);
  /* The flap takes its minimum beside the map and its natural width folded: both are this. */
  adw_clamp_set_maximum_size (self->sidebar_clamp, self->panel_width);
  adw_clamp_set_tightening_threshold (self->sidebar_clamp, self->panel_width);
  gtk_widget_set_size_request (GTK_WIDGET (self->sidebar_clamp), self->panel_width, -1);
}

/* Back from presenter mode, once the flap folds as it did before: shown or not as it was. The
 * flap stays locked until then, or its fold would open or close it. */
static void
finish_restore (AtlasWindow *self)
{
  if (!self->restore_pending || adw_flap_get_folded (self->flap) != self->held_folded)
    return;
  self->restore_pending = FALSE;
  adw_flap_set_reveal_flap (self->flap, self->held_revealed);
  adw_flap_set_locked (self->flap, FALSE);
}

/* Folded below the panel's width and the map's beside it. */
static void
update_fold (AtlasWindow *self,
             int          width)
{
  gboolean fold = !self->panel_held
                  && width < self->panel_width + get_separator_width (self) + MIN_MAP_BESIDE_PANEL;
  AdwFlapFoldPolicy policy = fold ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_NEVER;

  if (adw_flap_get_fold_policy (self->flap) != policy)
    adw_flap_set_fold_policy (self->flap, policy);
  /* No fold to wait for (else folded_changed_cb finishes). */
  if (fold == adw_flap_get_folded (self->flap))
    finish_restore (self);
}

/* The part of the map the panel covers, for framing: all of its width while folded and open. */
static void
update_cover (AtlasWindow *self)
{
  gboolean covers = adw_flap_get_folded (self->flap) && adw_flap_get_reveal_flap (self->flap);

  atlas_district_layer_set_frame_inset_right (self->district_layer,
                                              covers ? self->panel_width : 0);
}

static gboolean
focus_is_in_panel (AtlasWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar_clamp));
}

static void
reveal_changed_cb (AtlasWindow *self)
{
  update_cover (self);
  /* A closed sheet takes the focus with it: give it back to the map. */
  if (!adw_flap_get_reveal_flap (self->flap) && focus_is_in_panel (self))
    gtk_widget_grab_focus (_atlas_window_get_map_widget (self));
}

/* The panel can take the focus once it is shown, as it starts to slide in. */
static void
reveal_progress_cb (AtlasWindow *self)
{
  if (!self->focus_panel_when_shown || adw_flap_get_reveal_progress (self->flap) <= 0)
    return;
  self->focus_panel_when_shown = FALSE;
  /* While presenting, the caption is in the panel's place. */
  if (ATLAS_IS_SIDEBAR (_atlas_window_get_sidebar (self)))
    atlas_sidebar_focus_page (ATLAS_SIDEBAR (_atlas_window_get_sidebar (self)));
}

static void
folded_changed_cb (AtlasWindow *self)
{
  finish_restore (self);
  update_cover (self);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AtlasWindow    *self)
{
  graphene_point_t edge;

  /* A sheet over the map has no edge to drag, and a press away from the edge is the map's or
   * the panel's. */
  if (adw_flap_get_folded (self->flap) || self->panel_held
      || !gtk_widget_compute_point (self->panel_separator, GTK_WIDGET (self->flap),
                                    &GRAPHENE_POINT_INIT (0, 0), &edge)
      || ABS (x - edge.x) > GRAB_DISTANCE)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_start_width = self->panel_width;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                AtlasWindow    *self)
{
  int room = gtk_widget_get_width (GTK_WIDGET (self->flap)) - MIN_MAP_BESIDE_PANEL
             - get_separator_width (self);

  /* The panel is on the right: dragging its edge left widens it. */
  set_panel_width (self, MIN ((int) (self->drag_start_width - offset_x), room));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             AtlasWindow    *self)
{
  if (_atlas_settings_has_key (self->settings, "sidebar-width"))
    g_settings_set_int (self->settings, "sidebar-width", self->panel_width);
}

/* Escape closes the sheet before it clears the selection: this runs on the flap, below the
 * window's own Escape (win.clear-selection) and before it. AdwFlap's own Escape is in the
 * window's managed shortcuts, which the window's run after its class's. */
static gboolean
escape_cb (GtkWidget *flap,
           GVariant  *arguments,
           gpointer   user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);

  if (!adw_flap_get_folded (self->flap) || !adw_flap_get_reveal_flap (self->flap))
    return FALSE;
  adw_flap_set_reveal_flap (self->flap, FALSE);
  return TRUE;
}

static void
measure_flap (GtkWidget      *bin,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  gtk_widget_measure (adw_bin_get_child (ADW_BIN (bin)), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
allocate_flap (GtkWidget *bin,
               int        width,
               int        height,
               int        baseline)
{
  AtlasWindow *self = ATLAS_WINDOW (gtk_widget_get_root (bin));

  update_fold (self, width);
  gtk_widget_allocate (adw_bin_get_child (ADW_BIN (bin)), width, height, baseline, NULL);
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  /* Presenter mode's caption stays. */
  if (self->panel_held)
    return;
  /* The planner's choice now, not the one from before presenting. */
  if (self->restore_pending)
    {
      self->restore_pending = FALSE;
      adw_flap_set_locked (self->flap, FALSE);
    }
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

void
_atlas_window_class_init_adaptive (GtkWidgetClass *widget_class)
{
  g_autoptr(GtkShortcut) shortcut = NULL;

  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F9, 0),
                               gtk_named_action_new ("win.toggle-panel"));
  gtk_widget_class_add_shortcut (widget_class, shortcut);
}

void
_atlas_window_adaptive_init (AtlasWindow *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *escape = gtk_shortcut_controller_new ();
  int width = DEFAULT_PANEL_WIDTH;

  if (_atlas_settings_has_key (self->settings, "sidebar-width"))
    width = g_settings_get_int (self->settings, "sidebar-width");
  set_panel_width (self, width);
  gtk_widget_set_size_request (GTK_WIDGET (self->map_overlay), MIN_MAP_WIDTH, -1);
  gtk_widget_set_layout_manager (self->flap_bin,
                                 gtk_custom_layout_new (NULL, measure_flap, allocate_flap));

  g_object_bind_property (self->flap, "reveal-flap", self->panel_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (reveal_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-progress", G_CALLBACK (reveal_progress_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  /* On the flap, before its children, so that the pixels either side of the edge grab it. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->flap), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (self->panel_separator, "col-resize");

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (escape),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (escape_cb, self,
                                                                                   NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->flap), escape);
}

void
_atlas_window_adaptive_realize (AtlasWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0)
    update_fold (self, width);
}

void
_atlas_window_adaptive_layout (AtlasWindow *self)
{
  GtkWidget *map = _atlas_window_get_map_widget (self);
  int width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);

  if (width <= 0 || height <= 0 || (width == self->map_width && height == self->map_height))
    return;
  self->map_width = width;
  self->map_height = height;
  _atlas_window_set_legend_compact (self, width < COMPACT_MAP_WIDTH
                                          || height < COMPACT_MAP_HEIGHT);
}

void
_atlas_window_adaptive_selection_changed (AtlasWindow *self)
{
  /* Moving the selection with the keys keeps the map in view; Enter opens the details. */
  if (self->stepping || !adw_flap_get_folded (self->flap)
      || atlas_selection_get_kind (self->selection) == ATLAS_SELECTION_NONE)
    return;
  _atlas_window_reveal_panel (self);
}

void
_atlas_window_reveal_panel (AtlasWindow *self)
{
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

void
_atlas_window_focus_panel (AtlasWindow *self)
{
  adw_flap_set_reveal_flap (self->flap, TRUE);
  self->focus_panel_when_shown = TRUE;
  reveal_progress_cb (self);
}

gboolean
_atlas_window_panel_is_folded (AtlasWindow *self)
{
  return adw_flap_get_folded (self->flap);
}

void
_atlas_window_hold_panel (AtlasWindow *self,
                          int          width)
{
  if (!self->panel_held && !self->restore_pending)
    {
      self->held_width = self->panel_width;
      self->held_folded = adw_flap_get_folded (self->flap);
      self->held_revealed = adw_flap_get_reveal_flap (self->flap);
    }
  self->panel_held = TRUE;
  self->restore_pending = FALSE;
  adw_flap_set_locked (self->flap, TRUE);
  set_panel_width (self, width);
  adw_flap_set_fold_policy (self->flap, ADW_FLAP_FOLD_POLICY_NEVER);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

void
_atlas_window_release_panel (AtlasWindow *self)
{
  if (!self->panel_held)
    return;
  self->panel_held = FALSE;
  self->restore_pending = TRUE;
  set_panel_width (self, self->held_width);
  gtk_widget_queue_allocate (self->flap_bin);
}
