/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's annotations: the layer that draws them over the map and takes the pointer on
 * them, the tool palette, and the actions with their keys: undo (Ctrl+Z) and redo
 * (Ctrl+Shift+Z) of every change, Delete for the picked annotation, Enter to finish an area or
 * edit the picked annotation, Escape to drop what is being drawn; and, for the side panel,
 * showing, editing and removing one by its id. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-annotation-palette.h"
#include "atlas-sidebar.h"
#include "atlas-window-private.h"

/* Half the side of the box framed around a pin or a text box, in degrees. */
#define POINT_FRAME_HALF_SIDE 0.02

static AtlasAnnotationList *
get_list (AtlasWindow *self)
{
  return atlas_map_state_get_annotations (self->state);
}

static void
update_actions (AtlasWindow *self)
{
  AtlasAnnotationLayer *layer = self->annotation_layer;
  gboolean picked = atlas_annotation_layer_get_selected (layer) != 0;
  gboolean drawing = atlas_annotation_layer_get_tool (layer) != ATLAS_ANNOTATION_TOOL_SELECT
                     || atlas_annotation_layer_is_drawing (layer);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 atlas_annotation_list_can_undo (get_list (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 atlas_annotation_list_can_redo (get_list (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-annotation", picked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.finish-annotation",
                                 picked || atlas_annotation_layer_is_drawing (layer));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-annotation", drawing);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  atlas_annotation_list_undo (get_list (ATLAS_WINDOW (widget)));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  atlas_annotation_list_redo (get_list (ATLAS_WINDOW (widget)));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  atlas_annotation_layer_delete_selected (ATLAS_WINDOW (widget)->annotation_layer);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasAnnotationLayer *layer = ATLAS_WINDOW (widget)->annotation_layer;

  if (!atlas_annotation_layer_finish (layer))
    atlas_annotation_layer_edit (layer, atlas_annotation_layer_get_selected (layer));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  atlas_annotation_layer_cancel (ATLAS_WINDOW (widget)->annotation_layer);
}

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _atlas_window_show_annotation (ATLAS_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  guint id = g_variant_get_uint32 (parameter);

  /* Shown first, so that the editor has the annotation to point at. */
  if (_atlas_window_show_annotation (self, id))
    atlas_annotation_layer_edit (self->annotation_layer, id);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  atlas_annotation_list_remove (get_list (ATLAS_WINDOW (widget)),
                                g_variant_get_uint32 (parameter));
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         GdkModifierType  mods,
         const char      *action)
{
  g_autoptr(GtkShortcut) shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, mods),
                                                      gtk_named_action_new (action));

  gtk_widget_class_add_shortcut (widget_class, shortcut);
}

void
_atlas_window_class_init_annotations (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.finish-annotation", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-annotation", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.show-annotation", "u", show_action);
  gtk_widget_class_install_action (widget_class, "win.edit-annotation", "u", edit_action);
  gtk_widget_class_install_action (widget_class, "win.remove-annotation", "u", remove_action);

  add_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo");
  add_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo");
  add_key (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo");
}

/* Keys for annotations belong to the map when it has the focus: elsewhere Delete and Enter
 * edit text, and Escape clears the selection as before when nothing is being drawn. */
static void
add_map_keys (AtlasWindow *self)
{
  static const struct {
    guint keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_Delete, "win.delete-annotation" },
    { GDK_KEY_KP_Delete, "win.delete-annotation" },
    { GDK_KEY_BackSpace, "win.delete-annotation" },
    { GDK_KEY_Return, "win.finish-annotation" },
    { GDK_KEY_KP_Enter, "win.finish-annotation" },
    { GDK_KEY_Escape, "win.cancel-annotation" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval,
                                                                                    0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (_atlas_window_get_map_widget (self), controller);
}

void
_atlas_window_annotations_init (AtlasWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  GtkWidget *sidebar = _atlas_window_get_sidebar (self);

  /* Over the districts and the street map alike. */
  self->annotation_layer = atlas_annotation_layer_new (viewport, self->state);
  shumate_simple_map_add_overlay_layer (self->simple_map,
                                        SHUMATE_LAYER (self->annotation_layer));
  atlas_annotation_layer_attach (self->annotation_layer, _atlas_window_get_map_widget (self));

  self->annotation_palette = atlas_annotation_palette_new (self->annotation_layer);
  gtk_widget_set_halign (self->annotation_palette, GTK_ALIGN_END);
  gtk_widget_set_valign (self->annotation_palette, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (self->annotation_palette, 6);
  gtk_widget_add_css_class (self->annotation_palette, "atlas-annotation-palette");
  gtk_overlay_add_overlay (self->map_overlay, self->annotation_palette);

  add_map_keys (self);
  g_signal_connect_object (get_list (self), "changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->annotation_layer, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->annotation_layer, "notify::tool", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  if (ATLAS_IS_SIDEBAR (sidebar))
    atlas_sidebar_set_annotations (ATLAS_SIDEBAR (sidebar), get_list (self));
  update_actions (self);
}

gboolean
_atlas_window_show_annotation (AtlasWindow *self,
                               guint        id)
{
  const AtlasAnnotation *annotation = atlas_annotation_list_find (get_list (self), id);
  AtlasBBox bbox;

  if (annotation == NULL)
    return FALSE;
  atlas_annotation_get_bbox (annotation, &bbox);
  atlas_bbox_extend (&bbox, bbox.min_x - POINT_FRAME_HALF_SIDE, bbox.min_y - POINT_FRAME_HALF_SIDE);
  atlas_bbox_extend (&bbox, bbox.max_x + POINT_FRAME_HALF_SIDE, bbox.max_y + POINT_FRAME_HALF_SIDE);
  atlas_district_layer_frame (self->district_layer, &bbox, FALSE);
  atlas_annotation_layer_select (self->annotation_layer, id);
  gtk_widget_grab_focus (_atlas_window_get_map_widget (self));
  return TRUE;
}

AtlasAnnotationLayer *
_atlas_window_get_annotation_layer (AtlasWindow *self)
{
  return self->annotation_layer;
}

GtkWidget *
_atlas_window_get_annotation_palette (AtlasWindow *self)
{
  return self->annotation_palette;
}

/* "Label\nNote" for the annotation drawn at (x, y) in the map's coordinates, or NULL. */
char *
_atlas_window_describe_annotation (AtlasWindow *self,
                                   double       x,
                                   double       y)
{
  GtkWidget *map = _atlas_window_get_map_widget (self);
  const AtlasAnnotation *annotation;
  double lx = x, ly = y;

  gtk_widget_translate_coordinates (map, GTK_WIDGET (self->annotation_layer), x, y, &lx, &ly);
  annotation = atlas_annotation_list_find (get_list (self),
                                           atlas_annotation_layer_get_at (self->annotation_layer,
                                                                          lx, ly));
  if (annotation == NULL || (annotation->label == NULL && annotation->note == NULL))
    return NULL;
  return g_strjoin ("\n", annotation->label != NULL ? annotation->label : "",
                    annotation->note, NULL);
}
