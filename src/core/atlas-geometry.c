/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-geometry.h"

#include <math.h>

void
atlas_project (double  lon,
               double  lat,
               double *world_x,
               double *world_y)
{
  double phi;

  lat = CLAMP (lat, -ATLAS_MERCATOR_MAX_LATITUDE, ATLAS_MERCATOR_MAX_LATITUDE);
  phi = lat * G_PI / 180.0;
  *world_x = (lon + 180.0) / 360.0;
  *world_y = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

void
atlas_unproject (double  world_x,
                 double  world_y,
                 double *lon,
                 double *lat)
{
  *lon = world_x * 360.0 - 180.0;
  *lat = atan (sinh (G_PI * (1.0 - 2.0 * world_y))) * 180.0 / G_PI;
}

void
atlas_bbox_init_empty (AtlasBBox *bbox)
{
  bbox->min_x = bbox->min_y = G_MAXDOUBLE;
  bbox->max_x = bbox->max_y = -G_MAXDOUBLE;
}

void
atlas_bbox_extend (AtlasBBox *bbox,
                   double     x,
                   double     y)
{
  bbox->min_x = MIN (bbox->min_x, x);
  bbox->min_y = MIN (bbox->min_y, y);
  bbox->max_x = MAX (bbox->max_x, x);
  bbox->max_y = MAX (bbox->max_y, y);
}

void
atlas_bbox_union (AtlasBBox       *bbox,
                  const AtlasBBox *other)
{
  if (atlas_bbox_is_empty (other))
    return;
  atlas_bbox_extend (bbox, other->min_x, other->min_y);
  atlas_bbox_extend (bbox, other->max_x, other->max_y);
}

gboolean
atlas_bbox_is_empty (const AtlasBBox *bbox)
{
  return bbox->min_x > bbox->max_x || bbox->min_y > bbox->max_y;
}

gboolean
atlas_bbox_contains (const AtlasBBox *bbox,
                     double           x,
                     double           y)
{
  return x >= bbox->min_x && x <= bbox->max_x && y >= bbox->min_y && y <= bbox->max_y;
}

gboolean
atlas_bbox_intersects (const AtlasBBox *a,
                       const AtlasBBox *b)
{
  return a->min_x <= b->max_x && b->min_x <= a->max_x &&
         a->min_y <= b->max_y && b->min_y <= a->max_y;
}

gboolean
atlas_ring_contains (const AtlasPoint *ring,
                     guint             n_points,
                     double            x,
                     double            y)
{
  gboolean inside = FALSE;
  guint i, j;

  if (n_points < 3)
    return FALSE;

  for (i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      const AtlasPoint *a = &ring[i];
      const AtlasPoint *b = &ring[j];

      if ((a->y > y) != (b->y > y) &&
          x < (b->x - a->x) * (y - a->y) / (b->y - a->y) + a->x)
        inside = !inside;
    }

  return inside;
}

double
atlas_ring_signed_area (const AtlasPoint *ring,
                        guint             n_points)
{
  double sum = 0.0;
  guint i;

  for (i = 0; i + 1 < n_points; i++)
    sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
  if (n_points > 0)
    sum += ring[n_points - 1].x * ring[0].y - ring[0].x * ring[n_points - 1].y;

  return sum / 2.0;
}

AtlasShape *
atlas_shape_new (void)
{
  return g_new0 (AtlasShape, 1);
}

void
atlas_shape_free (AtlasShape *shape)
{
  if (shape == NULL)
    return;

  g_free (shape->points);
  g_free (shape->projected);
  g_free (shape->ring_start);
  g_free (shape->polygon_start);
  g_free (shape->runs);
  g_free (shape);
}

static gboolean
polygon_contains (const AtlasShape *shape,
                  guint             polygon,
                  double            x,
                  double            y)
{
  guint first = shape->polygon_start[polygon];
  guint last = shape->polygon_start[polygon + 1];
  guint r;

  if (first == last)
    return FALSE;

  for (r = first; r < last; r++)
    {
      guint start = shape->ring_start[r];
      gboolean in_ring = atlas_ring_contains (&shape->points[start],
                                              shape->ring_start[r + 1] - start, x, y);

      if (r == first && !in_ring)
        return FALSE;
      if (r != first && in_ring)
        return FALSE;
    }

  return TRUE;
}

/* A label point inside the largest polygon: the midpoint of the widest inside span of the
 * horizontal line through the middle of its bounding box. Cheap, and always inside, which the
 * centroid of a crescent-shaped district is not. */
static AtlasPoint
find_label_point (const AtlasShape *shape)
{
  AtlasPoint best = { 0, 0 };
  double best_area = -1.0;
  guint largest = 0;
  guint p;

  for (p = 0; p < shape->n_polygons; p++)
    {
      guint r = shape->polygon_start[p];
      double area;

      if (r == shape->polygon_start[p + 1])
        continue;
      area = fabs (atlas_ring_signed_area (&shape->points[shape->ring_start[r]],
                                           shape->ring_start[r + 1] - shape->ring_start[r]));
      if (area > best_area)
        {
          best_area = area;
          largest = p;
        }
    }

  if (best_area < 0)
    return best;

  {
    guint outer = shape->polygon_start[largest];
    guint start = shape->ring_start[outer];
    guint n = shape->ring_start[outer + 1] - start;
    AtlasBBox box;
    double best_width = -1.0;
    int attempt;
    guint i;

    atlas_bbox_init_empty (&box);
    for (i = 0; i < n; i++)
      atlas_bbox_extend (&box, shape->points[start + i].x, shape->points[start + i].y);

    /* Try a few scanlines around the middle; keep the widest inside span. */
    for (attempt = 0; attempt < 9; attempt++)
      {
        static const double fractions[] = { 0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65 };
        double y = box.min_y + (box.max_y - box.min_y) * fractions[attempt];
        g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
        guint r, k;

        for (r = outer; r < shape->polygon_start[largest + 1]; r++)
          {
            guint s = shape->ring_start[r];
            guint m = shape->ring_start[r + 1] - s;

            for (k = 0; k + 1 < m; k++)
              {
                const AtlasPoint *a = &shape->points[s + k];
                const AtlasPoint *b = &shape->points[s + k + 1];

                if ((a->y > y) != (b->y > y))
                  {
                    double x = a->x + (b->x - a->x) * (y - a->y) / (b->y - a->y);
                    g_array_append_val (xs, x);
                  }
              }
          }

        if (xs->len < 2)
          continue;
        {
          double *v = (double *) xs->data;
          guint a, b;

          /* insertion sort: spans are few */
          for (a = 1; a < xs->len; a++)
            {
              double key = v[a];
              for (b = a; b > 0 && v[b - 1] > key; b--)
                v[b] = v[b - 1];
              v[b] = key;
            }
          for (a = 0; a + 1 < xs->len; a += 2)
            if (v[a + 1] - v[a] > best_width)
              {
                best_width = v[a + 1] - v[a];
                best.x = (v[a] + v[a + 1]) / 2.0;
                best.y = y;
              }
        }
      }
  }

  return best;
}

void
atlas_shape_finish (AtlasShape *shape)
{
  guint i;

  g_return_if_fail (shape != NULL);

  g_free (shape->projected);
  shape->projected = g_new (AtlasPoint, MAX (shape->n_points, 1));
  /* Built again from these points when next asked for. */
  g_clear_pointer (&shape->runs, g_free);
  shape->n_runs = 0;
  shape->runs_ready = 0;
  atlas_bbox_init_empty (&shape->bbox);
  atlas_bbox_init_empty (&shape->projected_bbox);

  for (i = 0; i < shape->n_points; i++)
    {
      AtlasPoint *p = &shape->points[i];
      AtlasPoint *w = &shape->projected[i];

      atlas_project (p->x, p->y, &w->x, &w->y);
      atlas_bbox_extend (&shape->bbox, p->x, p->y);
      atlas_bbox_extend (&shape->projected_bbox, w->x, w->y);
    }

  shape->label_point = find_label_point (shape);
}

gboolean
atlas_shape_contains (const AtlasShape *shape,
                      double            lon,
                      double            lat)
{
  guint p;

  g_return_val_if_fail (shape != NULL, FALSE);

  if (!atlas_bbox_contains (&shape->bbox, lon, lat))
    return FALSE;

  for (p = 0; p < shape->n_polygons; p++)
    if (polygon_contains (shape, p, lon, lat))
      return TRUE;

  return FALSE;
}
