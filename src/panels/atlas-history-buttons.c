/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-history-buttons.h"

#define BUTTON_BACK    8
#define BUTTON_FORWARD 9
#define GESTURE_NAME "atlas-history-buttons"

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            AtlasSelection  *selection)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (atlas_history_buttons_press (selection, button))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

gboolean
atlas_history_buttons_press (AtlasSelection *selection,
                             guint           button)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), FALSE);

  if (button == BUTTON_BACK)
    atlas_selection_go_back (selection);
  else if (button == BUTTON_FORWARD)
    atlas_selection_go_forward (selection);
  else
    return FALSE;
  return TRUE;
}

void
atlas_history_buttons_attach (GtkWidget      *widget,
                              AtlasSelection *selection)
{
  GtkGesture *gesture;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ATLAS_IS_SELECTION (selection));

  gesture = gtk_gesture_click_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (gesture), GESTURE_NAME);
  /* Every button: the gesture claims only the two history buttons' presses. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_data (gesture, "pressed", G_CALLBACK (pressed_cb), g_object_ref (selection),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
}

gboolean
atlas_history_buttons_attached (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), GESTURE_NAME) == 0)
        return TRUE;
    }
  return FALSE;
}
