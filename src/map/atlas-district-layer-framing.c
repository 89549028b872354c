/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Framing: the area asked for is shown as large as it fits in the part of the map that nothing
 * covers (atlas_view_init_framing_clear, the exports' own rule), with a margin. What covers it:
 * the window's furniture (atlas_district_layer_set_covers), each kept in place from a corner of
 * the map, which counts only when a framed district would reach under it, and a panel over its
 * right side while one is open there, which always counts. The framing holds until
 * the user moves the map: while the view is where framing put it, new covers frame the same
 * area again at once, and a new size once it has settled, so opening, Ctrl+0, another system,
 * another thematic layer and a resized window or folded panel all come out the same. */
#include "atlas-district-layer-private.h"

#include <math.h>

/* Room left around a framed area, in pixels. */
#define FRAME_MARGIN 24.0
/* A new size frames again once it has not changed for this long: a window being resized, a
 * side panel sliding in or out. */
#define REFRAME_MS 150
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

static gboolean
in_any (const AtlasLabelBox *boxes,
        guint                n_boxes,
        double               x,
        double               y)
{
  for (guint i = 0; i < n_boxes; i++)
    if (x >= boxes[i].x && x <= boxes[i].x + boxes[i].width && y >= boxes[i].y
        && y <= boxes[i].y + boxes[i].height)
      return TRUE;
  return FALSE;
}

/* Whether, in this view, the outline of a district being framed (one that lies within the
 * framed box) reaches under a cover; neighbours shown for context may. */
static gboolean
covers_district (AtlasDistrictLayer  *self,
                 const AtlasView     *view,
                 const AtlasLabelBox *covers,
                 guint                n_covers)
{
  AtlasDataset *dataset = atlas_map_state_get_dataset (self->state);
  const AtlasBBox *frame = &self->frame_bbox;
  const AtlasDistrict *districts;
  guint n = 0;

  if (dataset == NULL || n_covers == 0)
    return FALSE;
  districts = atlas_dataset_get_districts (dataset, &n);
  for (guint d = 0; d < n; d++)
    {
      const AtlasShape *shape = districts[d].shape;

      if (shape->bbox.min_x < frame->min_x - 1e-9 || shape->bbox.max_x > frame->max_x + 1e-9
          || shape->bbox.min_y < frame->min_y - 1e-9 || shape->bbox.max_y > frame->max_y + 1e-9)
        continue;
      for (guint i = 0; i < shape->n_points; i++)
        {
          double x, y;

          atlas_view_world_to_surface (view, shape->projected[i].x, shape->projected[i].y,
                                       &x, &y);
          if (in_any (covers, n_covers, x, y))
            return TRUE;
        }
    }
  return FALSE;
}

static void
apply_framing (AtlasDistrictLayer *self,
               gboolean            animate)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  ShumateMap *map = get_map (self);
  AtlasLabelBox covers[ATLAS_FRAMING_MAX_COVERS], panel = { 0 };
  guint n_covers = atlas_district_layer_get_cover_boxes (self, width, height, TRUE, covers);
  guint n_panel = 0;
  AtlasView view;
  double zoom, lat, lon;

  /* A panel over the right side is always kept clear, unless it covers half the map or more:
   * that would leave too little, and framing then passes under it. */
  if (self->panel_width > 0 && self->panel_width < width / 2.0)
    {
      panel = (AtlasLabelBox) { width - self->panel_width, 0, self->panel_width, height };
      covers[n_covers++] = panel;
      n_panel = 1;
    }
  /* The other covers count only when a framed district would reach under them: the legend card
   * over an empty corner of the area's box costs nothing. */
  atlas_view_init_framing_clear (&view, &self->frame_bbox, width, height, FRAME_MARGIN, &panel,
                                 n_panel, NULL);
  if (covers_district (self, &view, covers, n_covers - n_panel))
    atlas_view_init_framing_clear (&view, &self->frame_bbox, width, height, FRAME_MARGIN,
                                   covers, n_covers, NULL);
  zoom = log2 (view.scale / _atlas_district_layer_get_tile_size (self));
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));
  /* The view's centre at the zoom the viewport takes (the same unless clamped). */
  atlas_unproject (view.origin_x + width / 2.0 / view.scale,
                   view.origin_y + height / 2.0 / view.scale, &lon, &lat);

  g_clear_handle_id (&self->reframe_id, g_source_remove);
  self->frame_pending = FALSE;
  self->framed = TRUE;
  self->framed_width = width;
  self->framed_height = height;
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

static gboolean
reframe_cb (gpointer user_data)
{
  AtlasDistrictLayer *self = user_data;

  self->reframe_id = 0;
  _atlas_district_layer_check_moved (self);
  if (self->framed && !self->going_to)
    apply_framing (self, FALSE);
  return G_SOURCE_REMOVE;
}

void
_atlas_district_layer_size_changed (AtlasDistrictLayer *self,
                                    int                 width,
                                    int                 height)
{
  if (width <= 0 || height <= 0)
    return;
  /* The first framing waits for a size: the zoom that fits depends on it. */
  if (self->frame_pending)
    apply_framing (self, self->frame_animate);
  /* A new size frames again once it has settled, unless the user has moved the map. */
  else if (self->framed && (width != self->framed_width || height != self->framed_height))
    {
      g_clear_handle_id (&self->reframe_id, g_source_remove);
      self->reframe_id = g_timeout_add (REFRAME_MS, reframe_cb, self);
    }
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
          || a->height != b->height || a->names_only != b->names_only)
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

  /* One place is kept for the panel over the right side. */
  n_covers = MIN (n_covers, ATLAS_FRAMING_MAX_COVERS - 1);
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
                                      gboolean            framing,
                                      AtlasLabelBox      *boxes)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), 0);
  g_return_val_if_fail (boxes != NULL, 0);

  for (guint i = 0; i < self->n_covers; i++)
    {
      const AtlasMapCover *cover = &self->covers[i];
      gboolean right = cover->corner == ATLAS_MAP_CORNER_TOP_RIGHT
                       || cover->corner == ATLAS_MAP_CORNER_BOTTOM_RIGHT;
      gboolean bottom = cover->corner == ATLAS_MAP_CORNER_BOTTOM_LEFT
                        || cover->corner == ATLAS_MAP_CORNER_BOTTOM_RIGHT;

      if (framing && cover->names_only)
        continue;
      boxes[n].x = right ? width - cover->dx - cover->width : cover->dx;
      boxes[n].y = bottom ? height - cover->dy - cover->height : cover->dy;
      boxes[n].width = cover->width;
      boxes[n].height = cover->height;
      n++;
    }
  return n;
}

void
atlas_district_layer_set_frame_inset_right (AtlasDistrictLayer *self,
                                            double              right)
{
  g_return_if_fail (ATLAS_IS_DISTRICT_LAYER (self));

  self->panel_width = MAX (right, 0.0);
}

gboolean
atlas_district_layer_is_reframe_pending (AtlasDistrictLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), FALSE);

  return self->reframe_id != 0;
}
