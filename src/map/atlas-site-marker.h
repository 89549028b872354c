/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-dataset.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

/* A hospital site on the map: a square for acute hospitals, a circle for local ones. Hovering
 * names it; clicking opens a popover with its details and selects it. */

#define ATLAS_TYPE_SITE_MARKER (atlas_site_marker_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSiteMarker, atlas_site_marker, ATLAS, SITE_MARKER, ShumateMarker)

AtlasSiteMarker *atlas_site_marker_new      (AtlasSelection   *selection,
                                             const AtlasSite  *site);
const AtlasSite *atlas_site_marker_get_site (AtlasSiteMarker  *self);
/* Opens the details popover, as a click does. */
void             atlas_site_marker_popup    (AtlasSiteMarker  *self);

/* Whether the marker stands out: its trust or itself is selected. */
gboolean         atlas_site_marker_get_prominent (AtlasSiteMarker *self);

/* The marker's symbol, centred on (cx, cy): also for the map's legend. */
void             atlas_site_marker_draw_symbol (cairo_t       *cr,
                                                AtlasSiteKind  kind,
                                                double         cx,
                                                double         cy,
                                                double         size);

/* Replaces the layer's markers with one per site of the selection's dataset. */
void             atlas_site_markers_fill    (ShumateMarkerLayer *layer,
                                             AtlasSelection     *selection);

G_END_DECLS
