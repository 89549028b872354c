/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-cartography.h"
#include "atlas-dataset.h"
#include "atlas-map-state.h"
#include "atlas-point-layer.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/* The districts over the base map: fills by partnership, borders, the selection and hover
 * outlines, the hospital sites' symbols and the names, drawn by the shared cartography so that the map and the exports agree.
 * It reads everything it draws from the window's map state, and adds only the hover. */

#define ATLAS_TYPE_DISTRICT_LAYER (atlas_district_layer_get_type ())
G_DECLARE_FINAL_TYPE (AtlasDistrictLayer, atlas_district_layer, ATLAS, DISTRICT_LAYER, ShumateLayer)

AtlasDistrictLayer  *atlas_district_layer_new           (ShumateViewport    *viewport,
                                                          AtlasMapState      *state);
void                 atlas_district_layer_set_hovered   (AtlasDistrictLayer *self,
                                                          const AtlasDistrict *district);
const AtlasDistrict *atlas_district_layer_get_hovered   (AtlasDistrictLayer *self);
/* The view that maps Web Mercator world units onto this widget for the viewport as it is now. */
gboolean             atlas_district_layer_get_view      (AtlasDistrictLayer *self,
                                                          AtlasView          *view);
/* What covers the map, for framing: the legend card at the top left up to (left, bottom), and
 * a panel over the right side. */
void                 atlas_district_layer_set_frame_inset (AtlasDistrictLayer *self,
                                                          double              left,
                                                          double              bottom);
void                 atlas_district_layer_set_frame_inset_right (AtlasDistrictLayer *self,
                                                                double              right);
/* Shows bbox (lon/lat) filling the layer with a margin: at once when the layer has a size,
 * else as soon as it is first given one. Until the user moves the map, a new size or inset
 * frames it again. */
void                 atlas_district_layer_frame         (AtlasDistrictLayer *self,
                                                          const AtlasBBox    *bbox,
                                                          gboolean            animate);
/* Whether the view is still the one the last framing made (the user has not moved the map), and
 * whether it waits for a new size to settle to frame again. */
gboolean             atlas_district_layer_get_frame_held (AtlasDistrictLayer *self);
gboolean             atlas_district_layer_is_reframe_pending (AtlasDistrictLayer *self);
/* The options the layer draws with now: the map state's, and the hover. */
void                 atlas_district_layer_get_options   (AtlasDistrictLayer      *self,
                                                          AtlasCartographyOptions *options);
/* The hospital site whose symbol is at (x, y) in the layer's coordinates (the nearest within
 * its radius and a few pixels), or NULL. */
const AtlasSite     *atlas_district_layer_get_site_at   (AtlasDistrictLayer *self,
                                                          double              x,
                                                          double              y);
/* The box a site's symbol takes in the layer's coordinates now. */
gboolean             atlas_district_layer_get_site_rect (AtlasDistrictLayer *self,
                                                          const AtlasSite    *site,
                                                          GdkRectangle       *rect);
/* Selects the site and opens its details in a popover pointing at its symbol. */
void                 atlas_district_layer_popup_site    (AtlasDistrictLayer *self,
                                                          const AtlasSite    *site);
GtkPopover          *atlas_district_layer_get_site_popover (AtlasDistrictLayer *self);
/* The planner's point whose symbol is at (x, y) in the layer's coordinates, as drawn: a lone
 * point or the symbol of a crowded cell (the topmost layer's), or FALSE. */
gboolean             atlas_district_layer_get_point_at  (AtlasDistrictLayer  *self,
                                                          double               x,
                                                          double               y,
                                                          AtlasPointLayer    **layer,
                                                          AtlasPointCluster   *cluster);
/* Opens the point's details (its row's fields, its district or that it lies outside them all,
 * its file and line) in the popover, pointing at its symbol. */
void                 atlas_district_layer_popup_point   (AtlasDistrictLayer      *self,
                                                          AtlasPointLayer         *layer,
                                                          const AtlasPointCluster *cluster);
/* Whether the map has stopped moving and what is shown was drawn for the view as it is now. */
gboolean             atlas_district_layer_is_still      (AtlasDistrictLayer *self);
/* How many times the districts have been painted since the dataset was set. */
guint                atlas_district_layer_get_paint_count (AtlasDistrictLayer *self);

G_END_DECLS
