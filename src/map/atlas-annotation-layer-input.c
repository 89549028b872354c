/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a planner does to annotations on the map with the pointer: pick and drag them, open
 * the editor, and draw new ones with the palette's tools. */
#include "config.h"

#include "atlas-annotation-layer-private.h"

#include <math.h>

#include "atlas-map-view.h"

/* Half the side of the box a new pin's or text box's editor points at, in pixels. */
#define NEW_MARK_HALF 6

static AtlasAnnotationList *
get_list (AtlasAnnotationLayer *self)
{
  return atlas_map_state_get_annotations (self->state);
}

static void
set_cursor (AtlasAnnotationLayer *self,
            const char           *name)
{
  GtkWidget *map = gtk_widget_get_ancestor (GTK_WIDGET (self), SHUMATE_TYPE_MAP);

  if (map != NULL)
    gtk_widget_set_cursor_from_name (map, name);
}

/* The annotations with the pressed one moved by (dx, dy) pixels: shown while it is dragged,
 * and what the move commits. */
static void
update_preview (AtlasAnnotationLayer *self,
                double                dx,
                double                dy)
{
  AtlasAnnotationSet *set = atlas_annotation_list_get_set (get_list (self));
  guint n = atlas_annotation_set_get_n (set);
  g_autofree AtlasAnnotation **items = g_new (AtlasAnnotation *, MAX (n, 1));
  g_autoptr(AtlasAnnotation) moved = NULL;
  AtlasView view;

  if (!atlas_map_view_for_layer (SHUMATE_LAYER (self), &view))
    return;
  for (guint i = 0; i < n; i++)
    {
      items[i] = (AtlasAnnotation *) atlas_annotation_set_get (set, i);
      if (items[i]->id == self->press_id)
        items[i] = moved = atlas_annotation_moved (items[i], dx / view.scale, dy / view.scale);
    }
  g_clear_pointer (&self->preview, atlas_annotation_set_unref);
  self->preview = atlas_annotation_set_new (items, n);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Adds a made annotation (one change), picks it and opens the editor for its label. */
static void
add_and_edit (AtlasAnnotationLayer *self,
              AtlasAnnotation      *annotation)
{
  guint id = atlas_annotation_list_add (get_list (self), annotation);

  g_array_set_size (self->drawing, 0);
  atlas_annotation_layer_set_tool (self, ATLAS_ANNOTATION_TOOL_SELECT);
  if (id == 0)
    return;
  atlas_annotation_layer_select (self, id);
  atlas_annotation_layer_edit (self, id);
}

static void
start_new (AtlasAnnotationLayer *self,
           AtlasAnnotationKind   kind,
           double                x,
           double                y)
{
  GdkRectangle rect = { (int) x - NEW_MARK_HALF, (int) y - NEW_MARK_HALF, 2 * NEW_MARK_HALF,
                        2 * NEW_MARK_HALF };
  g_autoptr(AtlasAnnotation) annotation = NULL;
  AtlasPoint point;

  _atlas_annotation_layer_surface_to_point (self, x, y, &point);
  annotation = atlas_annotation_new (kind, self->colour, NULL, NULL, &point, 1);
  atlas_annotation_layer_set_tool (self, ATLAS_ANNOTATION_TOOL_SELECT);
  /* A pin or a text box is made when its label is given: the editor adds it. */
  _atlas_annotation_layer_open_editor (self, annotation, TRUE, &rect);
}

static gboolean
press_select (AtlasAnnotationLayer *self,
              double                x,
              double                y,
              int                   n_press)
{
  guint hit = atlas_annotation_layer_get_at (self, x, y);

  if (hit == 0)
    {
      atlas_annotation_layer_select (self, 0);
      return FALSE;
    }
  atlas_annotation_layer_select (self, hit);
  if (n_press >= 2)
    {
      atlas_annotation_layer_edit (self, hit);
      return TRUE;
    }
  self->pressed = TRUE;
  self->press_x = x;
  self->press_y = y;
  self->press_id = hit;
  self->dragging = FALSE;
  return TRUE;
}

static void
press_area (AtlasAnnotationLayer *self,
            double                x,
            double                y,
            int                   n_press)
{
  AtlasView view;
  AtlasPoint point;

  if (self->drawing->len > 0 && atlas_map_view_for_layer (SHUMATE_LAYER (self), &view))
    {
      const AtlasPoint *first = &g_array_index (self->drawing, AtlasPoint, 0);
      double wx, wy, fx, fy;

      atlas_project (first->x, first->y, &wx, &wy);
      atlas_view_world_to_surface (&view, wx, wy, &fx, &fy);
      /* A double click ends the outline: its first click added a corner too many. */
      if (n_press >= 2)
        g_array_set_size (self->drawing, self->drawing->len - 1);
      if ((n_press >= 2 || hypot (x - fx, y - fy) <= ANNOTATION_CLOSE_SLOP)
          && atlas_annotation_layer_finish (self))
        return;
    }
  _atlas_annotation_layer_surface_to_point (self, x, y, &point);
  g_array_append_val (self->drawing, point);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
press_arrow (AtlasAnnotationLayer *self,
             double                x,
             double                y)
{
  g_autoptr(AtlasAnnotation) arrow = NULL;
  AtlasPoint point;

  _atlas_annotation_layer_surface_to_point (self, x, y, &point);
  g_array_append_val (self->drawing, point);
  if (self->drawing->len < 2)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  arrow = atlas_annotation_new (ATLAS_ANNOTATION_ARROW, self->colour, NULL, NULL,
                                (const AtlasPoint *) self->drawing->data, 2);
  add_and_edit (self, arrow);
}

static int
count_press (GtkGesture *gesture,
             double      x,
             double      y)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint32 time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
  guint32 last = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (gesture), "atlas-last-time"));
  double *last_at = g_object_get_data (G_OBJECT (gesture), "atlas-last-at");
  int double_click_time = 400, n = 1;

  g_object_get (gtk_widget_get_settings (widget), "gtk-double-click-time", &double_click_time,
                NULL);
  if (last_at != NULL && time - last <= (guint32) double_click_time
      && hypot (x - last_at[0], y - last_at[1]) <= ANNOTATION_CLOSE_SLOP)
    n = 2;
  last_at = g_new (double, 2);
  last_at[0] = x;
  last_at[1] = y;
  g_object_set_data_full (G_OBJECT (gesture), "atlas-last-at", last_at, g_free);
  /* The second click of a double click starts no third. */
  g_object_set_data (G_OBJECT (gesture), "atlas-last-time",
                     GUINT_TO_POINTER (n == 2 ? 0 : time));
  return n;
}

static void
to_layer (AtlasAnnotationLayer *self,
          GtkGesture           *gesture,
          double                x,
          double                y,
          double               *lx,
          double               *ly)
{
  GtkWidget *map = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  if (!gtk_widget_translate_coordinates (map, GTK_WIDGET (self), x, y, lx, ly))
    {
      *lx = x;
      *ly = y;
    }
}

static void
drag_begin_cb (GtkGestureDrag       *gesture,
               double                x,
               double                y,
               AtlasAnnotationLayer *self)
{
  double lx, ly;

  to_layer (self, GTK_GESTURE (gesture), x, y, &lx, &ly);
  if (atlas_annotation_layer_press (self, lx, ly, count_press (GTK_GESTURE (gesture), x, y)))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (GtkGestureDrag       *gesture,
                double                dx,
                double                dy,
                AtlasAnnotationLayer *self)
{
  double x, y, lx, ly;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  to_layer (self, GTK_GESTURE (gesture), x + dx, y + dy, &lx, &ly);
  atlas_annotation_layer_drag_to (self, lx, ly);
}

static void
drag_end_cb (GtkGestureDrag       *gesture,
             double                dx,
             double                dy,
             AtlasAnnotationLayer *self)
{
  double x, y, lx, ly;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  to_layer (self, GTK_GESTURE (gesture), x + dx, y + dy, &lx, &ly);
  atlas_annotation_layer_release (self, lx, ly);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AtlasAnnotationLayer     *self)
{
  GtkWidget *map = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  double lx = x, ly = y;

  gtk_widget_translate_coordinates (map, GTK_WIDGET (self), x, y, &lx, &ly);
  atlas_annotation_layer_hover (self, lx, ly);
}

void
atlas_annotation_layer_attach (AtlasAnnotationLayer *self,
                               GtkWidget            *map)
{
  GtkGesture *drag;
  GtkEventController *motion;

  g_return_if_fail (ATLAS_IS_ANNOTATION_LAYER (self));
  g_return_if_fail (GTK_IS_WIDGET (map));

  /* Before the map's own gestures: a press on an annotation must not pan the map. */
  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (map, GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (map, motion);
}

gboolean
atlas_annotation_layer_press (AtlasAnnotationLayer *self,
                              double                x,
                              double                y,
                              int                   n_press)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), FALSE);

  if (atlas_map_state_get_dataset (self->state) == NULL)
    return FALSE;
  switch (self->tool)
    {
    case ATLAS_ANNOTATION_TOOL_SELECT:
      return press_select (self, x, y, n_press);
    case ATLAS_ANNOTATION_TOOL_PIN:
    case ATLAS_ANNOTATION_TOOL_TEXT:
      self->pressed = TRUE;
      self->press_id = 0;
      self->press_x = x;
      self->press_y = y;
      return TRUE;
    case ATLAS_ANNOTATION_TOOL_ARROW:
      press_arrow (self, x, y);
      return TRUE;
    case ATLAS_ANNOTATION_TOOL_AREA:
    default:
      press_area (self, x, y, n_press);
      return TRUE;
    }
}

void
atlas_annotation_layer_drag_to (AtlasAnnotationLayer *self,
                                double                x,
                                double                y)
{
  g_return_if_fail (ATLAS_IS_ANNOTATION_LAYER (self));

  atlas_annotation_layer_hover (self, x, y);
  if (!self->pressed || self->press_id == 0)
    return;
  if (!self->dragging && hypot (x - self->press_x, y - self->press_y) > ANNOTATION_CLICK_SLOP)
    self->dragging = TRUE;
  if (self->dragging)
    update_preview (self, x - self->press_x, y - self->press_y);
}

void
atlas_annotation_layer_release (AtlasAnnotationLayer *self,
                                double                x,
                                double                y)
{
  g_return_if_fail (ATLAS_IS_ANNOTATION_LAYER (self));

  if (!self->pressed)
    return;
  self->pressed = FALSE;
  if (self->tool == ATLAS_ANNOTATION_TOOL_PIN || self->tool == ATLAS_ANNOTATION_TOOL_TEXT)
    {
      start_new (self, self->tool == ATLAS_ANNOTATION_TOOL_PIN ? ATLAS_ANNOTATION_PIN
                                                                : ATLAS_ANNOTATION_TEXT, x, y);
      return;
    }
  if (self->dragging)
    {
      atlas_annotation_layer_drag_to (self, x, y);
      /* The whole drag is one change, and one undo step. */
      if (self->preview != NULL)
        atlas_annotation_list_replace (get_list (self),
                                       atlas_annotation_set_find (self->preview, self->press_id,
                                                                  NULL));
    }
  self->dragging = FALSE;
  self->press_id = 0;
  g_clear_pointer (&self->preview, atlas_annotation_set_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_annotation_layer_hover (AtlasAnnotationLayer *self,
                              double                x,
                              double                y)
{
  g_return_if_fail (ATLAS_IS_ANNOTATION_LAYER (self));

  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drawing->len > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->tool != ATLAS_ANNOTATION_TOOL_SELECT)
    set_cursor (self, "crosshair");
  else if (self->pressed && self->dragging)
    set_cursor (self, "grabbing");
  else if (atlas_annotation_list_get_n (get_list (self)) > 0
           && atlas_annotation_layer_get_at (self, x, y) != 0)
    set_cursor (self, "pointer");
  else
    set_cursor (self, NULL);
}

gboolean
atlas_annotation_layer_finish (AtlasAnnotationLayer *self)
{
  g_autoptr(AtlasAnnotation) area = NULL;

  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), FALSE);

  if (self->tool != ATLAS_ANNOTATION_TOOL_AREA || self->drawing->len < 3)
    return FALSE;
  area = atlas_annotation_new (ATLAS_ANNOTATION_AREA, self->colour, NULL, NULL,
                               (const AtlasPoint *) self->drawing->data, self->drawing->len);
  add_and_edit (self, area);
  return TRUE;
}

gboolean
atlas_annotation_layer_is_drawing (AtlasAnnotationLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), FALSE);
  return self->drawing->len > 0;
}

gboolean
atlas_annotation_layer_cancel (AtlasAnnotationLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), FALSE);

  if (self->tool == ATLAS_ANNOTATION_TOOL_SELECT && self->drawing->len == 0)
    return FALSE;
  g_array_set_size (self->drawing, 0);
  atlas_annotation_layer_set_tool (self, ATLAS_ANNOTATION_TOOL_SELECT);
  set_cursor (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}
