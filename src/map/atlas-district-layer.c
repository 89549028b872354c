/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-district-layer-private.h"

#include <math.h>

#include "atlas-map-view.h"

/* Room left around a framed area, in pixels. */
#define FRAME_MARGIN 24.0
/* The map counts as still when the viewport has not changed for this long: the layer is then
 * drawn afresh for the exact view, in place of the moved image of the last drawing. */
#define SETTLE_MS 150

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasDistrictLayer, atlas_district_layer, SHUMATE_TYPE_LAYER)

static double
get_tile_size (AtlasDistrictLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);

  return source != NULL ? shumate_map_source_get_tile_size (source) : 256.0;
}

/* Whether the outline of a district being framed (one that lies within the framed box)
 * reaches under the legend card in this view; neighbours shown for context may. */
static gboolean
covers_district (AtlasDistrictLayer *self,
                 const AtlasView    *view)
{
  AtlasDataset *dataset = atlas_map_state_get_dataset (self->state);
  const AtlasDistrict *districts;
  guint n = 0;

  if (dataset == NULL || self->frame_inset_left <= 0 || self->frame_inset_bottom <= 0)
    return FALSE;

  districts = atlas_dataset_get_districts (dataset, &n);
  for (guint d = 0; d < n; d++)
    {
      const AtlasShape *shape = districts[d].shape;
      const AtlasBBox *frame = &self->frame_bbox;
      double x, y;

      if (shape->bbox.min_x < frame->min_x - 1e-9 || shape->bbox.max_x > frame->max_x + 1e-9
          || shape->bbox.min_y < frame->min_y - 1e-9 || shape->bbox.max_y > frame->max_y + 1e-9)
        continue;
      atlas_view_world_to_surface (view, shape->projected_bbox.min_x,
                                   shape->projected_bbox.min_y, &x, &y);
      if (x > self->frame_inset_left || y > self->frame_inset_bottom)
        continue;
      for (guint i = 0; i < shape->n_points; i++)
        {
          atlas_view_world_to_surface (view, shape->projected[i].x, shape->projected[i].y,
                                       &x, &y);
          if (x >= 0 && x <= self->frame_inset_left && y >= 0 && y <= self->frame_inset_bottom)
            return TRUE;
        }
    }
  return FALSE;
}

static void
frame_animation_done_cb (AtlasDistrictLayer *self)
{
  self->frame_animating = FALSE;
}

static void
apply_framing (AtlasDistrictLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GtkWidget *map;
  AtlasView view;
  double zoom, lat, lon, inset, right;

  /* Frame the whole area; if that puts a district under the legend card, frame into what
   * the card leaves free instead (unless that would leave too little). */
  atlas_view_init_framing (&view, &self->frame_bbox, width, height, FRAME_MARGIN);
  inset = 0.0;
  /* What covers the right side (a panel over the map) is always kept clear. */
  right = self->frame_inset_right < width / 2.0 ? self->frame_inset_right : 0.0;
  if (right > 0)
    atlas_view_init_framing (&view, &self->frame_bbox, width - right, height, FRAME_MARGIN);
  if (self->frame_inset_left < (width - right) / 2.0 && covers_district (self, &view))
    {
      inset = self->frame_inset_left;
      atlas_view_init_framing (&view, &self->frame_bbox, width - inset - right, height,
                               FRAME_MARGIN);
    }
  zoom = log2 (view.scale / get_tile_size (self));
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));
  /* The widget's centre lies (inset - right) / 2 pixels left of the free area's centre. */
  atlas_unproject (view.origin_x + (width - inset - right) / 2.0 / view.scale
                     - (inset - right) / 2.0 / view.scale,
                   view.origin_y + height / 2.0 / view.scale, &lon, &lat);

  self->frame_pending = FALSE;
  self->frame_held = TRUE;
  self->held_lat = lat;
  self->held_lon = lon;
  self->held_zoom = zoom;
  self->framed_width = width;
  self->framed_height = height;
  map = gtk_widget_get_ancestor (GTK_WIDGET (self), SHUMATE_TYPE_MAP);
  if (self->frame_animate && map != NULL && gtk_widget_get_mapped (map))
    {
      if (!self->frame_animation_watched)
        {
          GClosure *closure = g_cclosure_new_object_swap (G_CALLBACK (frame_animation_done_cb),
                                                          G_OBJECT (self));

          /* libshumate 1.0 declares the signal with a marshaller for one argument and emits
           * it with none: the closure brings its own. */
          g_closure_set_marshal (closure, g_cclosure_marshal_VOID__VOID);
          g_signal_connect_closure (map, "animation-completed::go-to", closure, FALSE);
        }
      self->frame_animation_watched = TRUE;
      shumate_map_go_to_full (SHUMATE_MAP (map), lat, lon, zoom);
      self->frame_animating = TRUE;
      return;
    }

  self->frame_applying = TRUE;
  if (map != NULL)
    shumate_map_stop_go_to (SHUMATE_MAP (map));
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
  self->frame_applying = FALSE;
}

/* Whether the viewport is no longer where framing put it, and not on its way there: the user
 * has moved the map, and a new size must not take the view from them. */
static gboolean
left_frame (AtlasDistrictLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  if (self->frame_applying || self->frame_animating)
    return FALSE;
  return fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - self->held_lat) > 1e-7
         || fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) - self->held_lon) > 1e-7
         || fabs (shumate_viewport_get_zoom_level (viewport) - self->held_zoom) > 1e-6;
}

void
_atlas_district_layer_fill_options (AtlasDistrictLayer      *self,
                                    AtlasCartographyOptions *options)
{
  atlas_map_state_get_cartography (self->state, options);
  options->hovered = self->hovered;
}

/* What the layer shows has changed (not just where): draw it again. */
static void
invalidate (AtlasDistrictLayer *self)
{
  atlas_layer_cache_invalidate (self->cache);
  self->generation++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
reframe_cb (gpointer user_data)
{
  AtlasDistrictLayer *self = user_data;

  self->reframe_id = 0;
  if (self->frame_held)
    {
      self->frame_animate = FALSE;
      apply_framing (self);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
settle_cb (gpointer user_data)
{
  AtlasDistrictLayer *self = user_data;

  self->settle_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
viewport_notify_cb (AtlasDistrictLayer *self)
{
  if (self->frame_held && left_frame (self))
    self->frame_held = FALSE;
  _atlas_district_layer_update_popover_position (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
state_changed_cb (AtlasDistrictLayer *self,
                  guint               change)
{
  AtlasDataset *dataset = atlas_map_state_get_dataset (self->state);

  if (change == ATLAS_MAP_STATE_CHANGE_VIEW || change == ATLAS_MAP_STATE_CHANGE_BASEMAP)
    return;
  /* The hovered record belongs to the dataset it came from. */
  if (dataset != self->dataset)
    {
      self->hovered = NULL;
      self->dataset = dataset;
      self->popover_site = NULL;
      gtk_popover_popdown (GTK_POPOVER (self->popover));
    }
  /* A point's details belong to its layer as it was. */
  if (change & (ATLAS_MAP_STATE_CHANGE_LAYERS | ATLAS_MAP_STATE_CHANGE_DATASET))
    _atlas_district_layer_forget_point (self);
  invalidate (self);
  /* A symbol grows or shrinks with the selection. */
  _atlas_district_layer_update_popover_position (self);
}

static void
atlas_district_layer_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  AtlasDistrictLayer *self = ATLAS_DISTRICT_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  AtlasDataset *dataset = atlas_map_state_get_dataset (self->state);
  AtlasView view;
  double rotation;
  cairo_t *cr;
  int scale_factor;
  gboolean moving;

  if (dataset == NULL || !atlas_district_layer_get_view (self, &view))
    return;

  scale_factor = gtk_widget_get_scale_factor (widget);
  moving = self->settle_id != 0;
  /* While the map moves, nothing is drawn here: the last image stands in, moved and scaled,
   * even when it no longer reaches an edge of the view, until the next one comes from the
   * worker. With a thousand districts a drawing takes a quarter of a second, and drawing here
   * whenever the margin ran out made every such frame that long. */
  if (!atlas_layer_cache_fits_size (self->cache, &view, scale_factor)
      || (!moving && !atlas_layer_cache_is_exact (self->cache, &view)))
    _atlas_district_layer_render_now (self, dataset, &view);
  else if (moving && !self->rendering
           && (atlas_layer_cache_wants_refresh (self->cache, &view)
               || !atlas_layer_cache_covers (self->cache, &view, scale_factor)))
    _atlas_district_layer_render_in_background (self, dataset, &view);

  rotation = shumate_viewport_get_rotation (viewport);

  gtk_snapshot_save (snapshot);
  if (rotation != 0.0)
    {
      /* Turn about the centre as the base map layer does. */
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (view.width / 2, view.height / 2));
      gtk_snapshot_rotate (snapshot, rotation * 180 / G_PI);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-view.width / 2, -view.height / 2));
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view.width, view.height));
  atlas_layer_cache_paint (self->cache, cr, &view);
  cairo_destroy (cr);

  gtk_snapshot_restore (snapshot);
  self->paint_count++;
}

static void
atlas_district_layer_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  AtlasDistrictLayer *self = ATLAS_DISTRICT_LAYER (widget);

  GTK_WIDGET_CLASS (atlas_district_layer_parent_class)->size_allocate (widget, width, height,
                                                                       baseline);

  /* The first framing has to wait for a size: the zoom that fits depends on it. */
  if (self->frame_pending && width > 0 && height > 0)
    apply_framing (self);
  /* A new size frames again while the user has not moved the map, once the size has stopped
   * changing (a window being resized, a side panel sliding in or out). */
  else if (self->frame_held && width > 0 && height > 0
           && (width != self->framed_width || height != self->framed_height))
    {
      g_clear_handle_id (&self->reframe_id, g_source_remove);
      self->reframe_id = g_timeout_add (SETTLE_MS, reframe_cb, self);
    }
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
atlas_district_layer_constructed (GObject *object)
{
  AtlasDistrictLayer *self = ATLAS_DISTRICT_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (atlas_district_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (viewport_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "changed", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
atlas_district_layer_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AtlasDistrictLayer *self = ATLAS_DISTRICT_LAYER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      self->selection = atlas_map_state_get_selection (self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_district_layer_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasDistrictLayer *self = ATLAS_DISTRICT_LAYER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_district_layer_dispose (GObject *object)
{
  AtlasDistrictLayer *self = ATLAS_DISTRICT_LAYER (object);

  self->selection = NULL;
  g_clear_object (&self->state);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->reframe_id, g_source_remove);
  g_clear_object (&self->popover_point_layer);
  g_clear_pointer (&self->popover, gtk_widget_unparent);

  G_OBJECT_CLASS (atlas_district_layer_parent_class)->dispose (object);
}

static void
atlas_district_layer_finalize (GObject *object)
{
  AtlasDistrictLayer *self = ATLAS_DISTRICT_LAYER (object);

  g_clear_pointer (&self->cache, atlas_layer_cache_free);

  G_OBJECT_CLASS (atlas_district_layer_parent_class)->finalize (object);
}

static void
atlas_district_layer_class_init (AtlasDistrictLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_district_layer_constructed;
  object_class->set_property = atlas_district_layer_set_property;
  object_class->get_property = atlas_district_layer_get_property;
  object_class->dispose = atlas_district_layer_dispose;
  object_class->finalize = atlas_district_layer_finalize;
  widget_class->snapshot = atlas_district_layer_snapshot;
  widget_class->size_allocate = atlas_district_layer_size_allocate;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, ATLAS_TYPE_MAP_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_district_layer_init (AtlasDistrictLayer *self)
{
  self->cache = atlas_layer_cache_new ();
  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

AtlasDistrictLayer *
atlas_district_layer_new (ShumateViewport *viewport,
                          AtlasMapState   *state)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (state), NULL);

  return g_object_new (ATLAS_TYPE_DISTRICT_LAYER,
                       "viewport", viewport,
                       "state", state,
                       NULL);
}


void
atlas_district_layer_set_hovered (AtlasDistrictLayer  *self,
                                  const AtlasDistrict *district)
{
  g_return_if_fail (ATLAS_IS_DISTRICT_LAYER (self));

  if (self->hovered == district)
    return;
  self->hovered = district;
  invalidate (self);
}

const AtlasDistrict *
atlas_district_layer_get_hovered (AtlasDistrictLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), NULL);
  return self->hovered;
}

gboolean
atlas_district_layer_get_view (AtlasDistrictLayer *self,
                               AtlasView          *view)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  return atlas_map_view_for_layer (SHUMATE_LAYER (self), view);
}

void
atlas_district_layer_frame (AtlasDistrictLayer *self,
                            const AtlasBBox    *bbox,
                            gboolean            animate)
{
  g_return_if_fail (ATLAS_IS_DISTRICT_LAYER (self));
  g_return_if_fail (bbox != NULL);

  if (atlas_bbox_is_empty (bbox))
    return;

  self->frame_bbox = *bbox;
  self->frame_animate = animate;
  self->frame_pending = TRUE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 && gtk_widget_get_height (GTK_WIDGET (self)) > 0)
    apply_framing (self);
}

guint
atlas_district_layer_get_paint_count (AtlasDistrictLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), 0);
  return self->paint_count;
}




void
atlas_district_layer_get_options (AtlasDistrictLayer      *self,
                                  AtlasCartographyOptions *options)
{
  g_return_if_fail (ATLAS_IS_DISTRICT_LAYER (self));
  g_return_if_fail (options != NULL);
  _atlas_district_layer_fill_options (self, options);
}

/* The legend card covers the map's top left up to (left, bottom): framing keeps districts out
 * from under it, by framing into the space right of it when they would reach it. While the
 * view is the one framing made, a new inset frames it again. */
void
atlas_district_layer_set_frame_inset (AtlasDistrictLayer *self,
                                      double              left,
                                      double              bottom)
{
  g_return_if_fail (ATLAS_IS_DISTRICT_LAYER (self));

  left = MAX (left, 0.0);
  bottom = MAX (bottom, 0.0);
  if (left == self->frame_inset_left && bottom == self->frame_inset_bottom)
    return;
  self->frame_inset_left = left;
  self->frame_inset_bottom = bottom;
  if (self->frame_held && !self->frame_animating && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    apply_framing (self);
}

/* A panel over the map's right side, right pixels wide: the next framing fits into what it
 * leaves (the view is not moved now, the panel is only passing over it). */
void
atlas_district_layer_set_frame_inset_right (AtlasDistrictLayer *self,
                                            double              right)
{
  g_return_if_fail (ATLAS_IS_DISTRICT_LAYER (self));

  self->frame_inset_right = MAX (right, 0.0);
}

gboolean
atlas_district_layer_get_frame_held (AtlasDistrictLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), FALSE);
  return self->frame_held;
}

gboolean
atlas_district_layer_is_reframe_pending (AtlasDistrictLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), FALSE);
  return self->reframe_id != 0;
}


gboolean
atlas_district_layer_is_still (AtlasDistrictLayer *self)
{
  AtlasView view;

  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), FALSE);

  return self->settle_id == 0 && atlas_district_layer_get_view (self, &view)
         && atlas_layer_cache_is_exact (self->cache, &view);
}
