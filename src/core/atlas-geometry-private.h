/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-geometry.h"

G_BEGIN_DECLS

/* For tests: atlas_ring_crosses_itself's sweep alone, which otherwise only runs on rings
 * whose edges overlap too much for its first pass. */
gboolean _atlas_ring_crosses_itself_by_sweep (const AtlasPoint *ring,
                                              guint             n_points);

G_END_DECLS
