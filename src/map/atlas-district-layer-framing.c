/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Framing: the area asked for is shown as large as it fits in the part of the map that nothing
 * covers (atlas_view_init_framing_clear, the exports' own rule), with a margin. The framing
 * holds until the user moves the map: while the view is where framing put it, a new size of the
 * map or of what covers it frames the same area again, so opening, Ctrl+0, another system, another
 * thematic layer and a resized window all come out the same. */
#include "atlas-district-layer-private.h"

#include <math.h>

/* Room left around a framed area, in pixels. */
#define FRAME_MARGIN 24.0
/* A viewport this close to where framing put it has not been moved. */
#define SAME_DEGREES 1e-7
#define SAME_ZOOM    1e-6

static ShumateMap *
get_map (AtlasDistrictLayer *self)
{
  return SHUMATE_MAP (gtk_widget_get_ancestor (GTK_WIDGET (self), SHUMATE_TYPE_MAP));
}

static gboolean
at_target (AtlasDistrictLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  return fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - self->framed_lat)
           <= SAME_DEGREES
         && fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) - self->framed_lon)
              <= SAME_DEGREES
         && fabs (shumate_viewport_get_zoom_level (viewport) - self->framed_zoom) <= SAME_ZOOM;
}

static void
go_to_done_cb (AtlasDistrictLayer *self)
{
  /* An earlier go-to stopped by a new framing. */
  if (self->moving_itself)
    return;
  self->going_to = FALSE;
  _atlas_district_layer_check_moved (self);
}

/* The map widget is an ancestor: it is there once the layer is in the map. */
static void
watch_map (AtlasDistrictLayer *self,
           ShumateMap         *map)
{
  GClosure *closure;

  if (self->watched_map == map)
    return;
  self->watched_map = map;
  closure = g_cclosure_new_object_swap (G_CALLBACK (go_to_done_cb), G_OBJECT (self));
  /* libshumate 1.0 declares the signal with a marshaller for one argument and emits it with
   * none: the closure brings its own. */
  g_closure_set_marshal (closure, g_cclosure_marshal_VOID__VOID);
  g_signal_connect_closure (map, "animation-completed::go-to", closure, FALSE);
}

static void
apply_framing (AtlasDistrictLayer *self,
               gboolean            animate)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  ShumateMap *map = get_map (self);
  AtlasLabelBox covers[ATLAS_FRAMING_MAX_COVERS];
  guint n_covers = atlas_district_layer_get_cover_boxes (self, width, height, covers);
  AtlasView view;
  double zoom, lat, lon;

  atlas_view_init_framing_clear (&view, &self->frame_bbox, width, height, FRAME_MARGIN, covers,
                                 n_covers, NULL);
  zoom = log2 (view.scale / _atlas_district_layer_get_tile_size (self));
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));
  /* The view's centre at the zoom the viewport takes (the same unless clamped). */
  atlas_unproject (view.origin_x + width / 2.0 / view.scale,
                   view.origin_y + height / 2.0 / view.scale, &lon, &lat);

  self->frame_pending = FALSE;
  self->framed = TRUE;
  self->framed_lat = lat;
  self->framed_lon = lon;
  self->framed_zoom = zoom;
  /* Our own moves (and the end of an earlier go-to) are not the user's. */
  self->moving_itself = TRUE;
  self->going_to = FALSE;
  if (map != NULL)
    {
      watch_map (self, map);
      shumate_map_stop_go_to (map);
    }
  if (animate && map != NULL && gtk_widget_get_mapped (GTK_WIDGET (map)))
    {
      shumate_map_go_to_full (map, lat, lon, zoom);
      /* Without animations (a desktop setting) the map is there already, and says nothing. */
      self->going_to = !at_target (self);
    }
  else
    {
      shumate_viewport_set_zoom_level (viewport, zoom);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
    }
  self->moving_itself = FALSE;
}

void
_atlas_district_layer_check_moved (AtlasDistrictLayer *self)
{
  /* A go-to of our own passes through other places on its way. */
  if (self->framed && !self->moving_itself && !self->going_to && !at_target (self))
    self->framed = FALSE;
}

void
_atlas_district_layer_size_changed (AtlasDistrictLayer *self,
                                    int                 width,
                                    int                 height)
{
  gboolean resized = width != self->framed_width || height != self->framed_height;

  if (width <= 0 || height <= 0)
    return;
  self->framed_width = width;
  self->framed_height = height;
  /* The first framing waits for a size: the zoom that fits depends on it. */
  if (self->frame_pending || (resized && self->framed))
    apply_framing (self, self->frame_pending && self->frame_animate);
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
    apply_framing (self, animate);
}

gboolean
atlas_district_layer_is_framed (AtlasDistrictLayer *self,
                                AtlasBBox          *bbox)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), FALSE);

  _atlas_district_layer_check_moved (self);
  if (bbox != NULL)
    *bbox = self->frame_bbox;
  return self->framed && !self->frame_pending && !self->going_to;
}

static gboolean
same_covers (AtlasDistrictLayer  *self,
             const AtlasMapCover *covers,
             guint                n_covers)
{
  if (n_covers != self->n_covers)
    return FALSE;
  for (guint i = 0; i < n_covers; i++)
    {
      const AtlasMapCover *a = &covers[i], *b = &self->covers[i];

      if (a->corner != b->corner || a->dx != b->dx || a->dy != b->dy || a->width != b->width
          || a->height != b->height)
        return FALSE;
    }
  return TRUE;
}

void
atlas_district_layer_set_covers (AtlasDistrictLayer  *self,
                                 const AtlasMapCover *covers,
                                 guint                n_covers)
{
  g_return_if_fail (ATLAS_IS_DISTRICT_LAYER (self));
  g_return_if_fail (covers != NULL || n_covers == 0);

  n_covers = MIN (n_covers, ATLAS_FRAMING_MAX_COVERS);
  if (same_covers (self, covers, n_covers))
    return;
  for (guint i = 0; i < n_covers; i++)
    self->covers[i] = covers[i];
  self->n_covers = n_covers;
  _atlas_district_layer_invalidate (self);

  /* What covers the map has moved or changed size: the framed area is framed again, unless the
   * user has moved the map since. */
  _atlas_district_layer_check_moved (self);
  if (self->framed && !self->frame_pending && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    apply_framing (self, self->going_to);
}

guint
atlas_district_layer_get_cover_boxes (AtlasDistrictLayer *self,
                                      double              width,
                                      double              height,
                                      AtlasLabelBox      *boxes)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), 0);
  g_return_val_if_fail (boxes != NULL, 0);

  for (guint i = 0; i < self->n_covers; i++)
    {
      const AtlasMapCover *cover = &self->covers[i];
      gboolean right = cover->corner == ATLAS_MAP_CORNER_TOP_RIGHT
                       || cover->corner == ATLAS_MAP_CORNER_BOTTOM_RIGHT;
      gboolean bottom = cover->corner == ATLAS_MAP_CORNER_BOTTOM_LEFT
                        || cover->corner == ATLAS_MAP_CORNER_BOTTOM_RIGHT;

      boxes[i].x = right ? width - cover->dx - cover->width : cover->dx;
      boxes[i].y = bottom ? height - cover->dy - cover->height : cover->dy;
      boxes[i].width = cover->width;
      boxes[i].height = cover->height;
    }
  return self->n_covers;
}
