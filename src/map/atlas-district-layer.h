/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-cartography.h"
#include "atlas-dataset.h"
#include "atlas-framing.h"
#include "atlas-map-state.h"
#include "atlas-point-layer.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/* Something over the map (the legend card, the zoom buttons, the licence line…), kept in place
 * from one of the map's corners as the map changes size: dx and dy are its distances from that
 * corner's two edges, inwards. */
typedef enum {
  ATLAS_MAP_CORNER_TOP_LEFT,
  ATLAS_MAP_CORNER_TOP_RIGHT,
  ATLAS_MAP_CORNER_BOTTOM_LEFT,
  ATLAS_MAP_CORNER_BOTTOM_RIGHT,
} AtlasMapCorner;

typedef struct {
  AtlasMapCorner corner;
  double dx;
  double dy;
  double width;
  double height;
  /* Names keep off it but framing may pass under it: a thin strip along an edge (the licence
   * line, the scale bar) or a small box in a corner (the zoom buttons), which the framing
   * margin mostly clears, and which would otherwise shrink the framed area by its whole side. */
  gboolean names_only;
} AtlasMapCover;

/* The districts over the base map: fills by partnership, borders, the selection and hover
 * outlines, the hospital sites' symbols and the names, drawn by the shared cartography so that
 * the map and the exports agree. It reads everything it draws from the window's map state, and
 * adds only the hover. */

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
/* Shows bbox (lon/lat) as large as it fits, with a margin, in the part of the layer that the
 * covers leave free: at once when the layer has a size, else as soon as it is first given one.
 * Until the user moves the map, a new size of the layer or new covers frame it again. */
void                 atlas_district_layer_frame         (AtlasDistrictLayer *self,
                                                          const AtlasBBox    *bbox,
                                                          gboolean            animate);
/* Whether the view is (or, once a size or an animation allows, will be) where the last framing
 * put it, with the user not having moved it since; bbox, when not NULL, receives what it
 * framed. FALSE while an animated framing is under way. */
gboolean             atlas_district_layer_is_framed     (AtlasDistrictLayer *self,
                                                          AtlasBBox          *bbox);
/* What lies over the map: framing keeps the framed area clear of it and names keep off it. At
 * most ATLAS_FRAMING_MAX_COVERS - 1 (a panel over the right side takes the last place). */
void                 atlas_district_layer_set_covers    (AtlasDistrictLayer  *self,
                                                          const AtlasMapCover *covers,
                                                          guint                n_covers);
/* The covers' boxes on a layer of width × height (only those framing keeps clear of, when
 * framing), into boxes (room for ATLAS_FRAMING_MAX_COVERS); returns how many. */
guint                atlas_district_layer_get_cover_boxes (AtlasDistrictLayer *self,
                                                            double              width,
                                                            double              height,
                                                            gboolean            framing,
                                                            AtlasLabelBox      *boxes);
/* A panel right pixels wide over the map's right side (0: none), such as the folded side panel
 * while it is open. Framing done while it is there fits left of it; the view is not moved now,
 * the panel only passes over it. Names do not keep off it: it hides them only for a while. */
void                 atlas_district_layer_set_frame_inset_right (AtlasDistrictLayer *self,
                                                                double              right);
/* Whether a new size waits to settle before framing again (atlas_district_layer_is_framed). */
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
/* How many drawings have placed names (each emits labels-placed), and what the last one
 * placed, one line per name or symbol (KIND<TAB>TEXT<TAB>X<TAB>Y<TAB>W<TAB>H, as
 * `ics-atlas --report-layout` writes), its boxes moved by (dx, dy): the layer's place in the
 * window, for a report in window pixels. */
guint                atlas_district_layer_get_labels_count (AtlasDistrictLayer *self);
void                 atlas_district_layer_append_report (AtlasDistrictLayer *self,
                                                          double              dx,
                                                          double              dy,
                                                          GString            *report);
/* How many times the districts have been painted since the dataset was set. */
guint                atlas_district_layer_get_paint_count (AtlasDistrictLayer *self);

G_END_DECLS
