/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-district-layer-private.h"

#include <math.h>

#include "atlas-site-marker.h"

/* A pointer this far outside a symbol still counts as on it, in pixels. */
#define SITE_HIT_SLOP 3.0

void
_atlas_district_layer_update_popover_position (AtlasDistrictLayer *self)
{
  GdkRectangle rect;

  if (self->popover_point_layer != NULL)
    _atlas_district_layer_update_point_popover (self);
  if (self->popover_site == NULL || !atlas_district_layer_get_site_rect (self, self->popover_site,
                                                                         &rect))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
}

/* Where a site's symbol is in the layer's coordinates, and how big it is drawn now. */
static gboolean
get_site_position (AtlasDistrictLayer            *self,
                   const AtlasView               *view,
                   const AtlasCartographyOptions *options,
                   const AtlasSite               *site,
                   double                        *x,
                   double                        *y,
                   double                        *size)
{
  double wx, wy, alpha;

  atlas_project (site->lon, site->lat, &wx, &wy);
  atlas_view_world_to_surface (view, wx, wy, x, y);
  atlas_cartography_site_style (site, options, size, &alpha);
  return *x >= -*size && *y >= -*size && *x <= view->width + *size
         && *y <= view->height + *size;
}

const AtlasSite *
atlas_district_layer_get_site_at (AtlasDistrictLayer *self,
                                  double              x,
                                  double              y)
{
  AtlasDataset *dataset;
  AtlasCartographyOptions options;
  const AtlasSite *sites, *nearest = NULL;
  AtlasView view;
  double best = G_MAXDOUBLE;
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), NULL);

  dataset = atlas_map_state_get_dataset (self->state);
  if (dataset == NULL || !atlas_district_layer_get_view (self, &view))
    return NULL;

  _atlas_district_layer_fill_options (self, &options);
  sites = atlas_dataset_get_sites (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      double sx, sy, size, d;

      if (!get_site_position (self, &view, &options, &sites[i], &sx, &sy, &size))
        continue;
      d = hypot (sx - x, sy - y);
      if (d <= size / 2.0 + SITE_HIT_SLOP && d < best)
        {
          best = d;
          nearest = &sites[i];
        }
    }
  return nearest;
}

gboolean
atlas_district_layer_get_site_rect (AtlasDistrictLayer *self,
                                    const AtlasSite    *site,
                                    GdkRectangle       *rect)
{
  AtlasCartographyOptions options;
  AtlasView view;
  double x, y, size;

  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), FALSE);
  g_return_val_if_fail (site != NULL && rect != NULL, FALSE);

  if (!atlas_district_layer_get_view (self, &view))
    return FALSE;
  _atlas_district_layer_fill_options (self, &options);
  get_site_position (self, &view, &options, site, &x, &y, &size);
  rect->x = (int) floor (x - size / 2.0);
  rect->y = (int) floor (y - size / 2.0);
  rect->width = rect->height = (int) ceil (size);
  return TRUE;
}

void
atlas_district_layer_popup_site (AtlasDistrictLayer *self,
                                 const AtlasSite    *site)
{
  g_return_if_fail (ATLAS_IS_DISTRICT_LAYER (self));
  g_return_if_fail (site != NULL);

  g_clear_object (&self->popover_point_layer);
  self->popover_site = site;
  atlas_site_marker_set_popover_site (GTK_POPOVER (self->popover),
                                      atlas_map_state_get_dataset (self->state), site);
  _atlas_district_layer_update_popover_position (self);
  atlas_selection_select (self->selection, ATLAS_SELECTION_SITE, site->id);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

GtkPopover *
atlas_district_layer_get_site_popover (AtlasDistrictLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT_LAYER (self), NULL);
  return GTK_POPOVER (self->popover);
}
