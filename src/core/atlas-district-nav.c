/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-district-nav.h"

#include <math.h>

/* How far off the direction asked a district may lie: tan (45°), so that the four directions
 * share the plane between them (with wider cones, stepping towards a district could go round
 * in circles). */
#define CONE_SLOPE 1.0
/* A district off to the side costs this much more per unit than one straight ahead. */
#define SIDEWAYS_WEIGHT 2.0

static void
get_point (const AtlasDistrict *district,
           double              *x,
           double              *y)
{
  atlas_project (district->shape->label_point.x, district->shape->label_point.y, x, y);
}

/* The direction as a unit vector in world units, where y grows southwards. */
static void
get_axis (AtlasStepDirection  direction,
          double             *ax,
          double             *ay)
{
  *ax = direction == ATLAS_STEP_LEFT ? -1 : direction == ATLAS_STEP_RIGHT ? 1 : 0;
  *ay = direction == ATLAS_STEP_UP ? -1 : direction == ATLAS_STEP_DOWN ? 1 : 0;
}

const AtlasDistrict *
atlas_district_step (AtlasDataset        *dataset,
                     const AtlasDistrict *from,
                     AtlasStepDirection   direction)
{
  const AtlasDistrict *districts, *best = NULL;
  double fx, fy, ax, ay, best_score = INFINITY;
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (from != NULL, NULL);

  districts = atlas_dataset_get_districts (dataset, &n);
  get_point (from, &fx, &fy);
  get_axis (direction, &ax, &ay);
  for (guint i = 0; i < n; i++)
    {
      double x, y, ahead, aside, score;

      if (&districts[i] == from)
        continue;
      get_point (&districts[i], &x, &y);
      ahead = (x - fx) * ax + (y - fy) * ay;
      aside = fabs ((x - fx) * ay - (y - fy) * ax);
      if (ahead <= 0 || aside > ahead * CONE_SLOPE)
        continue;
      score = ahead + SIDEWAYS_WEIGHT * aside;
      /* Ties go to the dataset's order, so a step is the same every time. */
      if (score < best_score)
        {
          best_score = score;
          best = &districts[i];
        }
    }
  return best;
}

const AtlasDistrict *
atlas_district_nearest (AtlasDataset *dataset,
                        double        lon,
                        double        lat)
{
  const AtlasDistrict *districts, *best = NULL;
  double px, py, best_distance = INFINITY;
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  districts = atlas_dataset_get_districts (dataset, &n);
  atlas_project (lon, lat, &px, &py);
  for (guint i = 0; i < n; i++)
    {
      double x, y, distance;

      get_point (&districts[i], &x, &y);
      distance = hypot (x - px, y - py);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = &districts[i];
        }
    }
  return best;
}

AtlasStepDirection
atlas_district_direction (const AtlasDistrict *from,
                          const AtlasDistrict *to)
{
  double fx, fy, tx, ty;

  g_return_val_if_fail (from != NULL && to != NULL, ATLAS_STEP_RIGHT);

  get_point (from, &fx, &fy);
  get_point (to, &tx, &ty);
  if (fabs (tx - fx) >= fabs (ty - fy))
    return tx >= fx ? ATLAS_STEP_RIGHT : ATLAS_STEP_LEFT;
  return ty >= fy ? ATLAS_STEP_DOWN : ATLAS_STEP_UP;
}
