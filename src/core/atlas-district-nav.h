/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* Moving from district to district with the keyboard, as the map shows them: the districts
 * are points (their label points, in Web Mercator world units, north up), and a step goes to
 * the nearest district that lies in the direction asked, within 45 degrees of it, preferring
 * those straight ahead. Every district can be reached from every other by stepping towards it
 * (tests/test-district-nav.c checks that on the bundled systems). */

typedef enum {
  ATLAS_STEP_LEFT,
  ATLAS_STEP_RIGHT,
  ATLAS_STEP_UP,
  ATLAS_STEP_DOWN,
} AtlasStepDirection;

/* The district next to from in that direction, or NULL when none lies that way. */
const AtlasDistrict *atlas_district_step     (AtlasDataset        *dataset,
                                              const AtlasDistrict *from,
                                              AtlasStepDirection   direction);
/* The district whose label point is nearest to (lon, lat): where stepping starts when nothing
 * is selected. NULL when the dataset has no districts. */
const AtlasDistrict *atlas_district_nearest  (AtlasDataset        *dataset,
                                              double               lon,
                                              double               lat);
/* The direction of the four that points most nearly from one district towards another. */
AtlasStepDirection   atlas_district_direction (const AtlasDistrict *from,
                                               const AtlasDistrict *to);

G_END_DECLS
