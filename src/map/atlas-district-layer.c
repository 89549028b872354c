/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-district-layer-private.h"

#include <math.h>

#include "atlas-map-view.h"
/* The map counts as still when the viewport has not changed for this long: the layer is then
 * drawn afresh for the exact view, in place of the moved image of the last drawing. */
#define SETTLE_MS 150

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LABELS_PLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasDistrictLayer, atlas_district_layer, SHUMATE_TYPE_LAYER)

double
_atlas_district_layer_get_tile_size (AtlasDistrictLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);

  return source != NULL ? shumate_map_source_get_tile_size (source) : 256.0;
}

void
_atlas_district_layer_fill_options (AtlasDistrictLayer      *self,
                                    AtlasCartographyOptions *options)
{
  atlas_map_state_get_cartography (self->state, options);
  options->hovered = self->hovered;
}

void
_atlas_district_layer_invalidate (AtlasDistrictLayer *self)
{
  atlas_layer_cache_invalidate (self->cache);
  self->generation++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  _atlas_district_layer_check_moved (self);
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
  _atlas_district_layer_invalidate (self);
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

  _atlas_district_layer_size_changed (self, width, height);
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
  g_clear_pointer (&self->labels, atlas_label_layout_free);

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

  /* Names were placed for the view as it is (a drawing for an exact view). */
  signals[LABELS_PLACED] = g_signal_new ("labels-placed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
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
  _atlas_district_layer_invalidate (self);
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
_atlas_district_layer_set_labels (AtlasDistrictLayer *self,
                                  AtlasLabelLayout   *layout)
{
  g_clear_pointer (&self->labels, atlas_label_layout_free);
  self->labels = layout;
  self->labels_count++;
  g_signal_emit (self, signals[LABELS_PLACED], 0);
}

guint
atlas_district_layer_get_labels_count (AtlasDistrictLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), 0);
  return self->labels_count;
}

void
atlas_district_layer_append_report (AtlasDistrictLayer *self,
                                    double              dx,
                                    double              dy,
                                    GString            *report)
{
  cairo_matrix_t to_output;

  g_return_if_fail (ATLAS_IS_DISTRICT_LAYER (self));
  g_return_if_fail (report != NULL);

  if (self->labels == NULL)
    return;
  cairo_matrix_init_translate (&to_output, dx, dy);
  atlas_label_layout_append_report (self->labels, &to_output, report);
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

gboolean
atlas_district_layer_is_still (AtlasDistrictLayer *self)
{
  AtlasView view;

  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), FALSE);

  return self->settle_id == 0 && atlas_district_layer_get_view (self, &view)
         && atlas_layer_cache_is_exact (self->cache, &view);
}
