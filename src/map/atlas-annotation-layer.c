/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-annotation-layer-private.h"

#include <math.h>
#include <string.h>

#include "atlas-annotation-editor.h"
#include "atlas-map-view.h"

/* The picked annotation's frame: GNOME's accent blue, a shade for each theme. */
#define PICKED_LIGHT 0x1c71d8
#define PICKED_DARK  0x78aeed

enum {
  PROP_0,
  PROP_STATE,
  PROP_TOOL,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasAnnotationLayer, atlas_annotation_layer, SHUMATE_TYPE_LAYER)

static AtlasAnnotationList *
get_list (AtlasAnnotationLayer *self)
{
  return atlas_map_state_get_annotations (self->state);
}

static void
set_source (cairo_t *cr,
            guint32  rgb,
            double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static gboolean
place_bounds (const AtlasAnnotationPlace *place,
              AtlasAnnotationBox         *box)
{
  *box = place->symbol;
  if (place->has_label)
    {
      box->x0 = MIN (box->x0, place->label.x0);
      box->y0 = MIN (box->y0, place->label.y0);
      box->x1 = MAX (box->x1, place->label.x1);
      box->y1 = MAX (box->y1, place->label.y1);
    }
  return TRUE;
}

/* A dashed frame around the picked annotation: the map's own mark, not the annotation's. */
static void
draw_picked (AtlasAnnotationLayer        *self,
             cairo_t                     *cr,
             const AtlasAnnotationLayout *layout)
{
  gboolean dark = atlas_map_state_get_theme (self->state) == ATLAS_THEME_DARK;

  for (guint i = 0; self->selected != 0 && i < atlas_annotation_layout_get_n (layout); i++)
    {
      const AtlasAnnotationPlace *place = atlas_annotation_layout_get (layout, i);
      AtlasAnnotationBox box;

      if (place->annotation->id != self->selected || !place_bounds (place, &box))
        continue;
      cairo_save (cr);
      cairo_rectangle (cr, box.x0 - 4, box.y0 - 4, box.x1 - box.x0 + 8, box.y1 - box.y0 + 8);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      set_source (cr, dark ? PICKED_DARK : PICKED_LIGHT, 1.0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* The arrow or area being drawn: its corners, and a line on to the pointer. */
static void
draw_drawing (AtlasAnnotationLayer *self,
              cairo_t              *cr,
              const AtlasView      *view)
{
  gboolean dark = atlas_map_state_get_theme (self->state) == ATLAS_THEME_DARK;
  guint32 colour = atlas_annotation_colour_rgb (self->colour, dark);

  if (self->drawing->len == 0)
    return;
  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < self->drawing->len; i++)
    {
      const AtlasPoint *p = &g_array_index (self->drawing, AtlasPoint, i);
      double wx, wy, x, y;

      atlas_project (p->x, p->y, &wx, &wy);
      atlas_view_world_to_surface (view, wx, wy, &x, &y);
      cairo_line_to (cr, x, y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_move_to (cr, x, y);
    }
  if (self->has_pointer)
    cairo_line_to (cr, self->pointer_x, self->pointer_y);
  cairo_set_line_width (cr, 2.5);
  cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  set_source (cr, colour, 0.9);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
editor_done_cb (AtlasAnnotationLayer  *self,
                const AtlasAnnotation *edited)
{
  if (self->editing == 0)
    atlas_annotation_layer_select (self, atlas_annotation_list_add (get_list (self), edited));
  else
    atlas_annotation_list_replace (get_list (self), edited);
  self->editing = 0;
}

static void
editor_delete_cb (AtlasAnnotationLayer *self,
                  guint                 id)
{
  atlas_annotation_list_remove (get_list (self), id);
  self->editing = 0;
}

static void
state_changed_cb (AtlasAnnotationLayer *self,
                  guint                 change)
{
  /* An annotation picked or edited that an undo took away is no longer there to pick. */
  if (self->selected != 0 && atlas_annotation_list_find (get_list (self), self->selected) == NULL)
    atlas_annotation_layer_select (self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_annotation_layer_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  AtlasAnnotationLayer *self = ATLAS_ANNOTATION_LAYER (widget);
  g_autoptr(AtlasAnnotationLayout) layout = NULL;
  AtlasView view;
  cairo_t *cr;

  if (!atlas_map_view_for_layer (SHUMATE_LAYER (self), &view))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view.width, view.height));
  layout = _atlas_annotation_layer_layout (self, cr, &view);
  if (layout != NULL)
    {
      atlas_cartography_draw_annotations (cr, layout);
      draw_picked (self, cr, layout);
    }
  draw_drawing (self, cr, &view);
  cairo_destroy (cr);
  self->paint_count++;
}

static void
atlas_annotation_layer_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  AtlasAnnotationLayer *self = ATLAS_ANNOTATION_LAYER (widget);

  GTK_WIDGET_CLASS (atlas_annotation_layer_parent_class)->size_allocate (widget, width, height,
                                                                         baseline);
  gtk_popover_present (GTK_POPOVER (self->editor));
}

static void
atlas_annotation_layer_constructed (GObject *object)
{
  AtlasAnnotationLayer *self = ATLAS_ANNOTATION_LAYER (object);

  G_OBJECT_CLASS (atlas_annotation_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "changed", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
atlas_annotation_layer_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtlasAnnotationLayer *self = ATLAS_ANNOTATION_LAYER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    case PROP_TOOL:
      atlas_annotation_layer_set_tool (self, g_value_get_int (value));
      break;
    case PROP_SELECTED:
      atlas_annotation_layer_select (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_annotation_layer_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtlasAnnotationLayer *self = ATLAS_ANNOTATION_LAYER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_TOOL:
      g_value_set_int (value, self->tool);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_annotation_layer_dispose (GObject *object)
{
  AtlasAnnotationLayer *self = ATLAS_ANNOTATION_LAYER (object);

  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->preview, atlas_annotation_set_unref);
  g_clear_pointer (&self->hit_layout, atlas_annotation_layout_free);
  g_clear_pointer (&self->hit_set, atlas_annotation_set_unref);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (atlas_annotation_layer_parent_class)->dispose (object);
}

static void
atlas_annotation_layer_finalize (GObject *object)
{
  AtlasAnnotationLayer *self = ATLAS_ANNOTATION_LAYER (object);

  g_array_unref (self->drawing);

  G_OBJECT_CLASS (atlas_annotation_layer_parent_class)->finalize (object);
}

static void
atlas_annotation_layer_class_init (AtlasAnnotationLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_annotation_layer_constructed;
  object_class->set_property = atlas_annotation_layer_set_property;
  object_class->get_property = atlas_annotation_layer_get_property;
  object_class->dispose = atlas_annotation_layer_dispose;
  object_class->finalize = atlas_annotation_layer_finalize;
  widget_class->snapshot = atlas_annotation_layer_snapshot;
  widget_class->size_allocate = atlas_annotation_layer_size_allocate;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, ATLAS_TYPE_MAP_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* An AtlasAnnotationTool. */
  properties[PROP_TOOL] =
    g_param_spec_int ("tool", NULL, NULL, ATLAS_ANNOTATION_TOOL_SELECT,
                      ATLAS_ANNOTATION_TOOL_AREA, ATLAS_ANNOTATION_TOOL_SELECT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_annotation_layer_init (AtlasAnnotationLayer *self)
{
  self->drawing = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
  self->editor = atlas_annotation_editor_new ();
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  g_signal_connect_swapped (self->editor, "done", G_CALLBACK (editor_done_cb), self);
  g_signal_connect_swapped (self->editor, "delete", G_CALLBACK (editor_delete_cb), self);
  /* Only the gestures on the map take input: the layer itself lets it through. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

AtlasAnnotationLayout *
_atlas_annotation_layer_layout (AtlasAnnotationLayer *self,
                                cairo_t              *cr,
                                AtlasView            *view)
{
  AtlasCartographyOptions options;

  if (!atlas_map_view_for_layer (SHUMATE_LAYER (self), view))
    return NULL;
  atlas_map_state_get_cartography (self->state, &options);
  if (self->preview != NULL)
    options.annotations = self->preview;
  return atlas_annotation_layout_new (cr, view, atlas_map_state_get_dataset (self->state),
                                      &options);
}

void
_atlas_annotation_layer_surface_to_point (AtlasAnnotationLayer *self,
                                          double                x,
                                          double                y,
                                          AtlasPoint           *point)
{
  AtlasView view;
  double wx, wy;

  atlas_map_view_for_layer (SHUMATE_LAYER (self), &view);
  atlas_view_surface_to_world (&view, x, y, &wx, &wy);
  atlas_unproject (wx, wy, &point->x, &point->y);
}

void
_atlas_annotation_layer_open_editor (AtlasAnnotationLayer  *self,
                                     const AtlasAnnotation *annotation,
                                     gboolean               is_new,
                                     const GdkRectangle    *rect)
{
  self->editing = is_new ? 0 : annotation->id;
  atlas_annotation_editor_set (ATLAS_ANNOTATION_EDITOR (self->editor), annotation, is_new);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor), rect);
  gtk_popover_popup (GTK_POPOVER (self->editor));
}

AtlasAnnotationLayer *
atlas_annotation_layer_new (ShumateViewport *viewport,
                            AtlasMapState   *state)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (state), NULL);

  return g_object_new (ATLAS_TYPE_ANNOTATION_LAYER, "viewport", viewport, "state", state, NULL);
}

void
atlas_annotation_layer_set_tool (AtlasAnnotationLayer *self,
                                 AtlasAnnotationTool   tool)
{
  g_return_if_fail (ATLAS_IS_ANNOTATION_LAYER (self));

  if (self->tool == tool)
    return;
  /* A half-drawn arrow or area belongs to the tool that drew it. */
  g_array_set_size (self->drawing, 0);
  self->tool = tool;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

AtlasAnnotationTool
atlas_annotation_layer_get_tool (AtlasAnnotationLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), ATLAS_ANNOTATION_TOOL_SELECT);
  return self->tool;
}

void
atlas_annotation_layer_set_colour (AtlasAnnotationLayer  *self,
                                   AtlasAnnotationColour  colour)
{
  g_return_if_fail (ATLAS_IS_ANNOTATION_LAYER (self));
  g_return_if_fail ((guint) colour < ATLAS_ANNOTATION_N_COLOURS);
  self->colour = colour;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_annotation_layer_select (AtlasAnnotationLayer *self,
                               guint                 id)
{
  g_return_if_fail (ATLAS_IS_ANNOTATION_LAYER (self));

  if (id != 0 && atlas_annotation_list_find (get_list (self), id) == NULL)
    id = 0;
  if (self->selected == id)
    return;
  self->selected = id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

guint
atlas_annotation_layer_get_selected (AtlasAnnotationLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), 0);
  return self->selected;
}

gboolean
atlas_annotation_layer_edit (AtlasAnnotationLayer *self,
                             guint                 id)
{
  const AtlasAnnotation *annotation;
  GdkRectangle rect;

  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), FALSE);

  annotation = atlas_annotation_list_find (get_list (self), id);
  if (annotation == NULL || !atlas_annotation_layer_get_bounds (self, id, &rect))
    return FALSE;
  atlas_annotation_layer_select (self, id);
  _atlas_annotation_layer_open_editor (self, annotation, FALSE, &rect);
  return TRUE;
}

GtkPopover *
atlas_annotation_layer_get_editor (AtlasAnnotationLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), NULL);
  return GTK_POPOVER (self->editor);
}

gboolean
atlas_annotation_layer_delete_selected (AtlasAnnotationLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), FALSE);

  return self->selected != 0 && atlas_annotation_list_remove (get_list (self), self->selected);
}

/* The layout of what is shown, for hit-tests: made again only when something changed. */
static const AtlasAnnotationLayout *
get_hit_layout (AtlasAnnotationLayer *self)
{
  AtlasAnnotationSet *set = self->preview != NULL ? self->preview
                          : atlas_annotation_list_get_set (get_list (self));
  AtlasTheme theme = atlas_map_state_get_theme (self->state);
  cairo_surface_t *surface;
  cairo_t *cr;
  AtlasView view;

  if (!atlas_map_view_for_layer (SHUMATE_LAYER (self), &view))
    return NULL;
  if (self->hit_layout != NULL && self->hit_set == set && self->hit_theme == theme
      && memcmp (&self->hit_view, &view, sizeof view) == 0)
    return self->hit_layout;
  g_clear_pointer (&self->hit_layout, atlas_annotation_layout_free);
  g_clear_pointer (&self->hit_set, atlas_annotation_set_unref);
  /* Text is measured as it is drawn: with cairo's defaults. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  self->hit_layout = _atlas_annotation_layer_layout (self, cr, &view);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  self->hit_set = atlas_annotation_set_ref (set);
  self->hit_view = view;
  self->hit_theme = theme;
  return self->hit_layout;
}

guint
atlas_annotation_layer_get_at (AtlasAnnotationLayer *self,
                               double                x,
                               double                y)
{
  const AtlasAnnotationLayout *layout;
  int hit = -1;

  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), 0);

  layout = get_hit_layout (self);
  if (layout != NULL)
    hit = atlas_annotation_layout_hit (layout, x, y);
  return hit >= 0 ? atlas_annotation_layout_get (layout, hit)->annotation->id : 0;
}

gboolean
atlas_annotation_layer_get_bounds (AtlasAnnotationLayer *self,
                                   guint                 id,
                                   GdkRectangle         *rect)
{
  const AtlasAnnotationLayout *layout;
  gboolean found = FALSE;

  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  layout = get_hit_layout (self);
  for (guint i = 0; layout != NULL && i < atlas_annotation_layout_get_n (layout); i++)
    {
      const AtlasAnnotationPlace *place = atlas_annotation_layout_get (layout, i);
      AtlasAnnotationBox box;

      if (place->annotation->id != id || !place_bounds (place, &box))
        continue;
      rect->x = (int) floor (box.x0);
      rect->y = (int) floor (box.y0);
      rect->width = MAX (1, (int) ceil (box.x1 - box.x0));
      rect->height = MAX (1, (int) ceil (box.y1 - box.y0));
      found = TRUE;
    }
  return found;
}

guint
atlas_annotation_layer_get_paint_count (AtlasAnnotationLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (self), 0);
  return self->paint_count;
}
