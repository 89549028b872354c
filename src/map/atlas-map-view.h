/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-view.h"

G_BEGIN_DECLS

/* The view (atlas-view.h) that maps Web Mercator world units onto a layer of the map for its
 * viewport as it is now: what core's cartography draws a layer's widget with. FALSE before
 * the layer has a size. */
gboolean atlas_map_view_for_layer (ShumateLayer *layer,
                                   AtlasView    *view);

G_END_DECLS
