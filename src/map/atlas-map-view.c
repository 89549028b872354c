/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-map-view.h"

#include <math.h>

gboolean
atlas_map_view_for_layer (ShumateLayer *layer,
                          AtlasView    *view)
{
  ShumateViewport *viewport;
  ShumateMapSource *source;
  double lat, lon, cx, cy, tile_size;
  int width, height;

  g_return_val_if_fail (SHUMATE_IS_LAYER (layer), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  viewport = shumate_layer_get_viewport (layer);
  width = gtk_widget_get_width (GTK_WIDGET (layer));
  height = gtk_widget_get_height (GTK_WIDGET (layer));
  if (width <= 0 || height <= 0)
    return FALSE;

  source = shumate_viewport_get_reference_map_source (viewport);
  tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256.0;
  /* libshumate places a point at (tile_size * 2^zoom) * world - that of the centre + size / 2,
   * with the same Mercator formulas as atlas_project. */
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  atlas_project (lon, lat, &cx, &cy);

  view->scale = tile_size * pow (2.0, shumate_viewport_get_zoom_level (viewport));
  view->width = width;
  view->height = height;
  view->origin_x = cx - width / 2.0 / view->scale;
  view->origin_y = cy - height / 2.0 / view->scale;
  return TRUE;
}
