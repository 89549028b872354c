/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-framing.h"

#include <math.h>
#include <string.h>

/* Two candidates' scales this close are a tie. */
#define SCALE_TIE 1e-9

gboolean
atlas_label_box_overlaps (const AtlasLabelBox *a,
                          const AtlasLabelBox *b,
                          double               slack)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x) > slack
         && MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y) > slack;
}

/* Adds v to a short sorted list of distinct values. */
static void
add_edge (double *edges,
          guint  *n,
          double  v)
{
  guint i = 0;

  while (i < *n && edges[i] < v)
    i++;
  if (i < *n && edges[i] == v)
    return;
  memmove (&edges[i + 1], &edges[i], (*n - i) * sizeof *edges);
  edges[i] = v;
  (*n)++;
}

static gboolean
is_free (const AtlasLabelBox *room,
         const AtlasLabelBox *covers,
         guint                n_covers)
{
  for (guint i = 0; i < n_covers; i++)
    if (atlas_label_box_overlaps (room, &covers[i], 0.0))
      return FALSE;
  return TRUE;
}

/* The scale at which the area (w × h world units) fills the room less its margins; 0 when the
 * margins leave no room. */
static double
scale_in (const AtlasLabelBox *room,
          double               w,
          double               h,
          double               margin)
{
  double inner_w = room->width - 2 * margin, inner_h = room->height - 2 * margin;

  if (inner_w < 1.0 || inner_h < 1.0)
    return 0.0;
  return MIN (inner_w / MAX (w, 1e-12), inner_h / MAX (h, 1e-12));
}

static double
distance_to_centre (const AtlasLabelBox *room,
                    double               width,
                    double               height)
{
  return hypot (room->x + room->width / 2 - width / 2, room->y + room->height / 2 - height / 2);
}

void
atlas_view_init_framing_clear (AtlasView           *view,
                               const AtlasBBox     *bbox,
                               double               width,
                               double               height,
                               double               margin,
                               const AtlasLabelBox *covers,
                               guint                n_covers,
                               AtlasLabelBox       *room)
{
  AtlasLabelBox clipped[ATLAS_FRAMING_MAX_COVERS];
  double xs[ATLAS_FRAMING_MAX_COVERS * 2 + 2], ys[ATLAS_FRAMING_MAX_COVERS * 2 + 2];
  guint n_clipped = 0, n_xs = 0, n_ys = 0;
  AtlasLabelBox best = { 0, 0, width, height };
  double x0, y0, x1, y1, best_scale = 0, best_distance = G_MAXDOUBLE;

  g_return_if_fail (view != NULL && bbox != NULL);
  g_return_if_fail (covers != NULL || n_covers == 0);

  atlas_project (bbox->min_x, bbox->max_y, &x0, &y0);
  atlas_project (bbox->max_x, bbox->min_y, &x1, &y1);

  /* The covers' parts on the surface; their sides, with the surface's, are the candidates. */
  add_edge (xs, &n_xs, 0.0);
  add_edge (xs, &n_xs, width);
  add_edge (ys, &n_ys, 0.0);
  add_edge (ys, &n_ys, height);
  for (guint i = 0; i < n_covers && n_clipped < ATLAS_FRAMING_MAX_COVERS; i++)
    {
      double cx0 = MAX (covers[i].x, 0), cy0 = MAX (covers[i].y, 0);
      double cx1 = MIN (covers[i].x + covers[i].width, width);
      double cy1 = MIN (covers[i].y + covers[i].height, height);

      if (cx1 <= cx0 || cy1 <= cy0)
        continue;
      clipped[n_clipped++] = (AtlasLabelBox) { cx0, cy0, cx1 - cx0, cy1 - cy0 };
      add_edge (xs, &n_xs, cx0);
      add_edge (xs, &n_xs, cx1);
      add_edge (ys, &n_ys, cy0);
      add_edge (ys, &n_ys, cy1);
    }

  for (guint l = 0; l < n_xs; l++)
    for (guint r = l + 1; r < n_xs; r++)
      for (guint t = 0; t < n_ys; t++)
        for (guint b = t + 1; b < n_ys; b++)
          {
            AtlasLabelBox candidate = { xs[l], ys[t], xs[r] - xs[l], ys[b] - ys[t] };
            double scale = scale_in (&candidate, x1 - x0, y1 - y0, margin), distance;

            if (scale < best_scale * (1 - SCALE_TIE) || scale <= 0)
              continue;
            distance = distance_to_centre (&candidate, width, height);
            if (scale <= best_scale * (1 + SCALE_TIE) && distance >= best_distance)
              continue;
            if (!is_free (&candidate, clipped, n_clipped))
              continue;
            best = candidate;
            best_scale = scale;
            best_distance = distance;
          }

  if (best_scale <= 0)
    best = (AtlasLabelBox) { 0, 0, width, height };
  atlas_view_init_framing (view, bbox, best.width, best.height, margin);
  view->origin_x -= best.x / view->scale;
  view->origin_y -= best.y / view->scale;
  view->width = width;
  view->height = height;
  if (room != NULL)
    *room = best;
}
