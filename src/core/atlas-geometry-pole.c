/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-geometry.h"

#include <math.h>

/* The pole of inaccessibility by polylabel's method (Agafonkin, 2016): cover the box with square
 * cells, and refine the cells that could still hold a point farther from the edges than the
 * best found, best first. The distance from the edges changes by at most one unit per unit
 * moved, so a cell of half-side h whose centre is d from the edges holds nothing farther than
 * d + h·√2: that bound orders the queue and prunes it.
 *
 * Clipped to a box, the distance to the edges of (shape ∩ box) is the smaller of the distances
 * to the shape's edges and to the box's sides, for points inside both: the same search on that
 * function finds the pole of the visible part without building the clipped polygon. */

/* Bounded work for any input: a hostile shape gets a rougher answer, never a long wait. */
#define MAX_CELLS    4096
#define MAX_START    32

typedef struct {
  double x, y;   /* centre */
  double h;      /* half the side */
  double d;      /* signed distance from the edges at the centre: > 0 inside */
  double max;    /* d + h·√2: the most any point of the cell can have */
} Cell;

/* The edges of a run (AtlasEdgeRun), a few so that a run's box stays tight. */
#define RUN_LENGTH 8

typedef struct {
  const AtlasShape *shape;
  const AtlasBBox *clip;
  const AtlasEdgeRun *runs;
  guint n_runs;
  guint hint;              /* the run nearest the last point asked about */
} Target;

static AtlasEdgeRun *
make_runs (const AtlasShape *shape,
           guint            *n_runs)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (AtlasEdgeRun));

  for (guint r = 0; r < shape->n_rings; r++)
    for (guint i = shape->ring_start[r]; i < shape->ring_start[r + 1]; i += RUN_LENGTH)
      {
        AtlasEdgeRun run = { { 0, }, i, MIN (i + RUN_LENGTH, shape->ring_start[r + 1]), r };

        atlas_bbox_init_empty (&run.box);
        for (guint k = run.start; k < run.end; k++)
          {
            const AtlasPoint *p = &shape->projected[k == shape->ring_start[r]
                                                    ? shape->ring_start[r + 1] - 1 : k - 1];

            atlas_bbox_extend (&run.box, p->x, p->y);
            atlas_bbox_extend (&run.box, shape->projected[k].x, shape->projected[k].y);
          }
        g_array_append_val (runs, run);
      }
  *n_runs = runs->len;
  return (AtlasEdgeRun *) g_array_free (runs, FALSE);
}

static double
box_distance_squared (const AtlasBBox *b,
                      double           x,
                      double           y)
{
  double dx = MAX (MAX (b->min_x - x, x - b->max_x), 0);
  double dy = MAX (MAX (b->min_y - y, y - b->max_y), 0);

  return dx * dx + dy * dy;
}

static inline double
segment_distance_squared (double            px,
                          double            py,
                          const AtlasPoint *a,
                          const AtlasPoint *b)
{
  double x = a->x, y = a->y, dx = b->x - x, dy = b->y - y;
  double along = (px - x) * dx + (py - y) * dy, length = dx * dx + dy * dy;

  /* The nearest point of the segment: an end, or the foot of the perpendicular (the only case
   * that needs a division). */
  if (along >= length && length > 0)
    {
      x = b->x;
      y = b->y;
    }
  else if (along > 0)
    {
      x += dx * along / length;
      y += dy * along / length;
    }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

static void
scan_run (const AtlasShape   *shape,
          const AtlasEdgeRun *run,
          double            x,
          double            y,
          gboolean         *inside,
          double           *best)
{
  const AtlasPoint *pts = shape->projected;
  gboolean crossing = y >= run->box.min_y && y <= run->box.max_y && x < run->box.max_x;
  guint first = shape->ring_start[run->ring], last = shape->ring_start[run->ring + 1] - 1;

  if (!crossing && box_distance_squared (&run->box, x, y) >= *best)
    return;
  for (guint i = run->start; i < run->end; i++)
    {
      const AtlasPoint *a = &pts[i], *b = &pts[i == first ? last : i - 1];

      if (crossing && (a->y > y) != (b->y > y)
          && x < (b->x - a->x) * (y - a->y) / (b->y - a->y) + a->x)
        *inside = !*inside;
      *best = MIN (*best, segment_distance_squared (x, y, a, b));
    }
}

/* Even-odd over every ring of every polygon: inside an outer ring and outside its holes. The
 * run nearest the last point asked about goes first: the next point is near it, and a small
 * first distance lets most runs be passed over. */
static double
shape_signed_distance (Target *t,
                       double  x,
                       double  y)
{
  const AtlasEdgeRun *runs = t->runs;
  gboolean inside = FALSE, ignored = FALSE;
  double best = G_MAXDOUBLE, before;

  scan_run (t->shape, &runs[t->hint], x, y, &ignored, &best);
  for (guint k = 0; k < t->n_runs; k++)
    {
      /* The hint's distance is known; its crossings are counted here, with the others'. */
      before = best;
      scan_run (t->shape, &runs[k], x, y, &inside, &best);
      if (best < before)
        t->hint = k;
    }
  return (inside ? 1 : -1) * sqrt (best);
}

static double
target_distance (Target *t,
                 double        x,
                 double        y)
{
  double d = shape_signed_distance (t, x, y);

  if (t->clip != NULL)
    {
      double to_side = MIN (MIN (x - t->clip->min_x, t->clip->max_x - x),
                            MIN (y - t->clip->min_y, t->clip->max_y - y));

      d = MIN (d, to_side);
    }
  return d;
}

static Cell
make_cell (Target *t,
           double        x,
           double        y,
           double        h)
{
  Cell c = { x, y, h, target_distance (t, x, y), 0 };

  c.max = c.d + h * G_SQRT2;
  return c;
}

/* A binary max-heap on Cell.max. */
static void
heap_push (GArray *heap,
           Cell    cell)
{
  Cell *v;
  guint i;

  g_array_append_val (heap, cell);
  v = (Cell *) heap->data;
  for (i = heap->len - 1; i > 0 && v[(i - 1) / 2].max < v[i].max; i = (i - 1) / 2)
    {
      Cell tmp = v[i];

      v[i] = v[(i - 1) / 2];
      v[(i - 1) / 2] = tmp;
    }
}

static Cell
heap_pop (GArray *heap)
{
  Cell *v = (Cell *) heap->data;
  Cell top = v[0];
  guint i = 0, n;

  v[0] = v[heap->len - 1];
  g_array_set_size (heap, heap->len - 1);
  n = heap->len;
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      Cell tmp;

      if (l < n && v[l].max > v[m].max)
        m = l;
      if (r < n && v[r].max > v[m].max)
        m = r;
      if (m == i)
        break;
      tmp = v[i];
      v[i] = v[m];
      v[m] = tmp;
      i = m;
    }
  return top;
}

gboolean
atlas_shape_find_pole (const AtlasShape *shape,
                       const AtlasBBox  *clip,
                       double            precision,
                       AtlasPoint       *pole,
                       double           *radius)
{
  g_autoptr(GArray) heap = NULL;
  Target t = { shape, clip, NULL, 0, 0 };
  AtlasBBox box;
  double w, h, size;
  Cell best;
  guint n_cells = 0;

  g_return_val_if_fail (shape != NULL && pole != NULL && radius != NULL, FALSE);

  box = shape->projected_bbox;
  if (clip != NULL)
    {
      box.min_x = MAX (box.min_x, clip->min_x);
      box.min_y = MAX (box.min_y, clip->min_y);
      box.max_x = MIN (box.max_x, clip->max_x);
      box.max_y = MIN (box.max_y, clip->max_y);
    }
  *radius = 0;
  if (shape->n_points == 0 || atlas_bbox_is_empty (&box))
    return FALSE;

  w = box.max_x - box.min_x;
  h = box.max_y - box.min_y;
  size = MAX (MIN (w, h), MAX (w, h) / MAX_START);
  if (!(size > 0) || !isfinite (size))
    return FALSE;
  precision = MAX (precision, size * 1e-6);
  t.runs = atlas_shape_get_runs (shape, &t.n_runs);
  if (t.n_runs == 0)
    return FALSE;

  /* The first guess: the centre of the box, or the old label point when the whole shape is
   * wanted (always inside, which the centre of a crescent is not). */
  best = make_cell (&t, box.min_x + w / 2, box.min_y + h / 2, 0);
  if (clip == NULL)
    {
      double lx, ly;
      Cell c;

      atlas_project (shape->label_point.x, shape->label_point.y, &lx, &ly);
      c = make_cell (&t, lx, ly, 0);
      if (c.d > best.d)
        best = c;
    }

  heap = g_array_sized_new (FALSE, FALSE, sizeof (Cell), 64);
  for (double x = box.min_x; x < box.max_x; x += size)
    for (double y = box.min_y; y < box.max_y; y += size)
      heap_push (heap, make_cell (&t, x + size / 2, y + size / 2, size / 2));

  while (heap->len > 0 && n_cells < MAX_CELLS)
    {
      Cell c = heap_pop (heap);

      if (c.d > best.d)
        best = c;
      /* Nothing in this cell (nor, the queue being ordered, in any other) beats the best by
       * more than the precision. */
      if (c.max - best.d <= precision)
        break;
      for (int k = 0; k < 4; k++)
        heap_push (heap, make_cell (&t, c.x + (k & 1 ? 1 : -1) * c.h / 2,
                                    c.y + (k & 2 ? 1 : -1) * c.h / 2, c.h / 2));
      n_cells += 4;
    }

  pole->x = best.x;
  pole->y = best.y;
  *radius = MAX (best.d, 0.0);
  return best.d > 0;
}

void
atlas_shape_get_pole (const AtlasShape *shape,
                      AtlasPoint       *pole,
                      double           *radius)
{
  /* The shape is immutable once finished; the pole is a cache of it, filled on first use. */
  AtlasShape *cache = (AtlasShape *) shape;

  g_return_if_fail (shape != NULL && pole != NULL && radius != NULL);

  if (g_once_init_enter (&cache->pole_ready))
    {
      const AtlasBBox *b = &shape->projected_bbox;
      double size = MAX (b->max_x - b->min_x, b->max_y - b->min_y);

      if (!atlas_shape_find_pole (shape, NULL, size / 100, &cache->pole, &cache->pole_radius))
        atlas_project (shape->label_point.x, shape->label_point.y, &cache->pole.x,
                       &cache->pole.y);
      g_once_init_leave (&cache->pole_ready, 1);
    }
  *pole = shape->pole;
  *radius = shape->pole_radius;
}

const AtlasEdgeRun *
atlas_shape_get_runs (const AtlasShape *shape,
                      guint            *n_runs)
{
  /* As the pole: a cache of the immutable shape, filled on first use. */
  AtlasShape *cache = (AtlasShape *) shape;

  g_return_val_if_fail (shape != NULL && n_runs != NULL, NULL);

  if (g_once_init_enter (&cache->runs_ready))
    {
      cache->runs = make_runs (shape, &cache->n_runs);
      g_once_init_leave (&cache->runs_ready, 1);
    }
  *n_runs = shape->n_runs;
  return shape->runs;
}
