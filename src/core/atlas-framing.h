/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-label-layout.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/* Framing a map on what it is about, clear of what covers it. The window (legend card, zoom
 * buttons, attribution) and every export (legend, scale bar, north arrow) frame through this one
 * function, with the boxes they also hand to the names (atlas_label_layout_new), so the framed
 * area and its names stay out from under the furniture alike.
 *
 * The area framed is shown as large as it can be inside a free rectangle: one that meets no
 * cover. Every maximal free rectangle of a few covers has its sides on the surface's edges or
 * on the covers' sides, so those are all tried (a handful of covers: a few thousand boxes at
 * most). The largest scale wins; on a tie, the rectangle whose centre is nearest the surface's.
 * The area, with margin on every side, is centred in it. */

#define ATLAS_FRAMING_MAX_COVERS 8

/* A view of width × height (surface units) showing bbox (lon/lat) with margin around it, all
 * of it inside a free rectangle among the n_covers boxes (surface units; boxes outside the
 * surface do not count, at most ATLAS_FRAMING_MAX_COVERS are looked at). When no free rectangle
 * leaves room for the margins, the whole surface is used, as atlas_view_init_framing () does.
 * room, when not NULL, receives the rectangle used. */
void atlas_view_init_framing_clear (AtlasView           *view,
                                    const AtlasBBox     *bbox,
                                    double               width,
                                    double               height,
                                    double               margin,
                                    const AtlasLabelBox *covers,
                                    guint                n_covers,
                                    AtlasLabelBox       *room);

/* Whether two boxes share more than slack on both axes (slack 0: any area at all). */
gboolean atlas_label_box_overlaps  (const AtlasLabelBox *a,
                                    const AtlasLabelBox *b,
                                    double               slack);

G_END_DECLS
