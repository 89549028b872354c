/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-label-layout-private.h"

#include <math.h>

/* A name that does not fit where it belongs goes out along one of these directions, at growing
 * distances, to the nearest free place: leaning away from the middle of the map, where the
 * margins, the sea and the less crowded neighbours are, and off its own district. */
#define N_DIRECTIONS  16
#define RING_GROWTH   1.4
#define EXTRA_RINGS   2      /* looked at beyond the first ring with a place, for a better one */
#define OWN_COST      4.0    /* a name over its own district costs this many of its heights */
#define LEAN          0.6    /* a name opposite the way out costs this much more distance */

typedef struct {
  double score;
  double x0, y0;           /* the box's top-left corner */
  double sx, sy;           /* the leader's start, on the box's edge */
  double ex, ey;           /* and end */
} Place;

/* How far the box's centre is from its edge along direction (dx, dy). */
static double
half_extent (double w,
             double h,
             double dx,
             double dy)
{
  double ex = fabs (dx) > 1e-9 ? w / 2 / fabs (dx) : G_MAXDOUBLE;
  double ey = fabs (dy) > 1e-9 ? h / 2 / fabs (dy) : G_MAXDOUBLE;

  return MIN (ex, ey);
}

static double
angle_between (double a,
               double b)
{
  double d = fmod (fabs (a - b), 2 * G_PI);

  return d > G_PI ? 2 * G_PI - d : d;
}

/* The candidate at distance r along direction (dx, dy), scored; FALSE when it is not free. */
static gboolean
try_place (LabelPlacer        *placer,
           const LabelTarget  *target,
           const LabelVariant *v,
           double              r,
           double              dx,
           double              dy,
           double              lean,
           int                 slide,
           Place              *place)
{
  double e = half_extent (v->width, v->height, dx, dy);
  /* Above or below, a name may also hang to one side, its end over the anchor. */
  double cx = target->x + dx * (r + e) + slide * MAX (v->width / 2 - v->height, 0);
  double cy = target->y + dy * (r + e);
  double x0 = cx - v->width / 2, y0 = cy - v->height / 2, x1 = x0 + v->width, y1 = y0 + v->height;
  double sx, sy, len, ux, uy, score;

  if (!_atlas_label_placer_on_surface (placer, x0, y0, x1, y1)
      || !_atlas_label_placer_is_free (placer, x0, y0, x1, y1))
    return FALSE;

  /* The leader runs from the point of the box nearest the anchor. */
  sx = CLAMP (target->x, x0, x1);
  sy = CLAMP (target->y, y0, y1);
  len = hypot (sx - target->x, sy - target->y);
  if (len <= target->stop + 1)
    return FALSE;
  ux = (sx - target->x) / len;
  uy = (sy - target->y) / len;
  place->ex = target->x + ux * target->stop;
  place->ey = target->y + uy * target->stop;
  if (!_atlas_label_space_segment_is_free (&placer->space, sx, sy, place->ex, place->ey,
                                           target->x, target->y))
    return FALSE;

  score = len * lean;
  if (target->shape != NULL
      && _atlas_label_placer_box_meets_shape (placer, target->shape, x0, y0, x1, y1))
    score += OWN_COST * v->height;
  place->score = score;
  place->x0 = x0;
  place->y0 = y0;
  place->sx = sx;
  place->sy = sy;
  return TRUE;
}

gboolean
_atlas_label_place_callout (LabelPlacer        *placer,
                            const LabelTarget  *target,
                            const LabelVariant *v,
                            AtlasLabelItem     *item)
{
  const AtlasView *view = placer->view;
  double way_out, limit, r, dx[N_DIRECTIONS], dy[N_DIRECTIONS], lean[N_DIRECTIONS];
  Place best = { G_MAXDOUBLE, };
  int rings_after = -1;

  if (v->width > view->width - 4 || v->height > view->height - 4)
    return FALSE;
  if (hypot (target->x - placer->centre_x, target->y - placer->centre_y) < 1)
    way_out = -G_PI / 4;  /* up and to the right, as names of points go */
  else
    way_out = atan2 (target->y - placer->centre_y, target->x - placer->centre_x);
  limit = MAX (6 * v->height, target->reach);
  for (int k = 0; k < N_DIRECTIONS; k++)
    {
      double angle = k * 2 * G_PI / N_DIRECTIONS;

      dx[k] = cos (angle);
      dy[k] = sin (angle);
      lean[k] = 1 + LEAN * angle_between (angle, way_out) / G_PI;
    }

  for (r = MAX (target->clearance, 2.0); r <= limit && rings_after < EXTRA_RINGS;
       r *= RING_GROWTH)
    {
      for (int k = 0; k < N_DIRECTIONS; k++)
        for (int slide = 0; slide < (fabs (dy[k]) > 0.6 ? 3 : 1); slide++)
          {
            Place place;

            if (try_place (placer, target, v, r, dx[k], dy[k], lean[k], slide == 2 ? -1 : slide,
                           &place)
                && place.score < best.score)
              best = place;
          }
      if (best.score < G_MAXDOUBLE)
        rings_after++;
      /* Nothing further out scores less than its distance. */
      if (best.score <= r * RING_GROWTH)
        break;
    }
  if (best.score == G_MAXDOUBLE)
    return FALSE;

  item->box = (AtlasLabelBox) { best.x0, best.y0, v->width, v->height };
  item->has_leader = TRUE;
  item->leader_x0 = best.sx;
  item->leader_y0 = best.sy;
  item->leader_x1 = best.ex;
  item->leader_y1 = best.ey;
  return TRUE;
}
