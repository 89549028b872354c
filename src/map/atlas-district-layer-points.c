/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-district-layer-private.h"

#include <math.h>

#include "atlas-point-popover.h"

/* A planner's points: what a click at a symbol finds (as drawn, decluttered: a cell's
 * symbol), and their details in the layer's popover, which follows the symbol as the map
 * moves. */

static gboolean
get_point_rect (AtlasDistrictLayer *self,
                GdkRectangle       *rect)
{
  AtlasView view;
  double x, y, size = atlas_point_cluster_size (self->popover_point_count);

  if (self->popover_point_layer == NULL || !atlas_district_layer_get_view (self, &view))
    return FALSE;
  atlas_view_world_to_surface (&view, self->popover_point_x, self->popover_point_y, &x, &y);
  rect->x = (int) floor (x - size / 2.0);
  rect->y = (int) floor (y - size / 2.0);
  rect->width = rect->height = (int) ceil (size);
  return TRUE;
}

void
_atlas_district_layer_update_point_popover (AtlasDistrictLayer *self)
{
  GdkRectangle rect;

  if (get_point_rect (self, &rect))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
}

void
_atlas_district_layer_forget_point (AtlasDistrictLayer *self)
{
  if (self->popover_point_layer == NULL)
    return;
  g_clear_object (&self->popover_point_layer);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

gboolean
atlas_district_layer_get_point_at (AtlasDistrictLayer  *self,
                                   double               x,
                                   double               y,
                                   AtlasPointLayer    **layer,
                                   AtlasPointCluster   *cluster)
{
  AtlasCartographyOptions options;
  AtlasView view;

  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), FALSE);

  if (!atlas_district_layer_get_view (self, &view))
    return FALSE;
  _atlas_district_layer_fill_options (self, &options);
  /* The layer drawn last is on top. */
  for (guint i = options.n_point_layers; i-- > 0;)
    if (atlas_point_layer_find_at (options.point_layers[i], &view, x, y, cluster))
      {
        if (layer != NULL)
          *layer = options.point_layers[i];
        return TRUE;
      }
  return FALSE;
}

void
atlas_district_layer_popup_point (AtlasDistrictLayer      *self,
                                  AtlasPointLayer         *layer,
                                  const AtlasPointCluster *cluster)
{
  AtlasView view;

  g_return_if_fail (ATLAS_IS_DISTRICT_LAYER (self));
  g_return_if_fail (ATLAS_IS_POINT_LAYER (layer));
  g_return_if_fail (cluster != NULL);

  if (!atlas_district_layer_get_view (self, &view))
    return;
  self->popover_site = NULL;
  g_set_object (&self->popover_point_layer, layer);
  self->popover_point_count = cluster->count;
  /* Where its symbol is drawn (a crowded cell's badge is in the cell's middle). */
  atlas_view_surface_to_world (&view, cluster->x, cluster->y, &self->popover_point_x,
                               &self->popover_point_y);
  atlas_point_popover_fill (GTK_POPOVER (self->popover), atlas_point_layer_get_points (layer),
                            cluster->index, cluster->count);
  _atlas_district_layer_update_point_popover (self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}
