/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <stdlib.h>

#include "atlas-geometry-private.h"

/* Whether a ring crosses itself. Only proper crossings count: each edge's ends lie strictly on
 * either side of the other. A ring may touch itself at a vertex or run along itself (those draw
 * and hit-test well), and consecutive edges always share a vertex. Every orientation is decided
 * exactly, however close to a line the third point lies.
 *
 * Two passes. The first lays a grid over the ring's box, with about as many cells as edges,
 * lists each edge in the cells its box covers, and compares two edges in the one cell that holds
 * the low corner of where their boxes overlap (so each pair once): exact, and about linear for
 * boundaries, whose edges are short beside the ring and meet only a few others. (An earlier
 * first pass compared the edges that overlap in longitude, which a coast running north and
 * south makes many: half the load of every GB district went there.) A hostile ring (a zigzag
 * whose edges all overlap) would make it quadratic, so it stops after budgets of cells and of
 * comparisons proportional to the ring; then the second pass, a sweep over the vertices from
 * west to east (Shamos and Hoey, 1976), decides in O(n log n): the edges the sweep line cuts
 * are kept in their order along it, and two edges are compared only when they become
 * neighbours in that order. If any two edges cross, the westernmost crossing's
 * two edges are neighbours just before it, so it is found. The sweep is a little slanted
 * (points are ordered by x, then y), so vertical edges need no special case. */

/* The cells an edge's box covers, columns x0 … x1 and rows y0 … y1. */
typedef struct {
  guint x0, x1, y0, y1;
} Cells;

typedef struct {
  double min_x, min_y;
  double scale_x, scale_y; /* cells per unit */
  guint columns, rows;
} Grid;

typedef struct {
  const AtlasPoint *l;  /* the end that comes first in the sweep */
  const AtlasPoint *r;
  guint l_vertex;
  guint r_vertex;
  guint index;
  GSequenceIter *iter;  /* while the sweep line cuts it */
} Edge;

typedef struct {
  double x;
  double y;
  guint vertex;
} Vertex;

/* a + b = hi + lo exactly (Knuth's two-sum). */
static inline void
two_sum (double  a,
         double  b,
         double *hi,
         double *lo)
{
  double s = a + b, bb = s - a;

  *lo = (a - (s - bb)) + (b - bb);
  *hi = s;
}

/* a × b = hi + lo exactly (the fused multiply-add rounds once). */
static inline void
two_product (double  a,
             double  b,
             double *hi,
             double *lo)
{
  double p = a * b;

  *lo = fma (a, b, -p);
  *hi = p;
}

/* Adds x to the expansion e (n components of increasing magnitude that do not overlap, summing
 * to an exact value), as Shewchuk's Grow-Expansion does; returns the new number of components. */
static guint
grow_expansion (double *e,
                guint   n,
                double  x)
{
  double q = x;

  for (guint i = 0; i < n; i++)
    two_sum (q, e[i], &q, &e[i]);
  e[n] = q;
  return n + 1;
}

/* The sign of (b - a) × (c - a), computed exactly. */
static int
orientation_exact (const AtlasPoint *a,
                   const AtlasPoint *b,
                   const AtlasPoint *c)
{
  double d[4][2];
  double e[16];
  guint n = 0;

  two_sum (b->x, -a->x, &d[0][0], &d[0][1]);
  two_sum (c->y, -a->y, &d[1][0], &d[1][1]);
  two_sum (b->y, -a->y, &d[2][0], &d[2][1]);
  two_sum (c->x, -a->x, &d[3][0], &d[3][1]);
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      {
        double hi, lo;

        two_product (d[0][i], d[1][j], &hi, &lo);
        n = grow_expansion (e, n, lo);
        n = grow_expansion (e, n, hi);
        two_product (d[2][i], d[3][j], &hi, &lo);
        n = grow_expansion (e, n, -lo);
        n = grow_expansion (e, n, -hi);
      }
  /* The last component that is not zero is the largest, and has the sum's sign. */
  while (n > 0 && e[n - 1] == 0)
    n--;
  return n == 0 ? 0 : (e[n - 1] > 0 ? 1 : -1);
}

/* +1 when c lies left of the line from a to b, -1 right of it, 0 on it. The floating-point
 * result is trusted when it is further from zero than its error can be (Shewchuk's bound);
 * only nearly collinear points take the exact path. Inline here: the check calls it for every
 * pair of edges it compares. */
static inline int
orientation (const AtlasPoint *a,
             const AtlasPoint *b,
             const AtlasPoint *c)
{
  double left = (b->x - a->x) * (c->y - a->y);
  double right = (b->y - a->y) * (c->x - a->x);
  double det = left - right;
  double bound = 3.3306690738754716e-16 * (fabs (left) + fabs (right));

  if (det > bound)
    return 1;
  if (-det > bound)
    return -1;
  /* A factor of each product exactly zero (points along one line of a grid, as in quantised
   * boundaries): the determinant is exactly zero. */
  if ((b->x == a->x || c->y == a->y) && (b->y == a->y || c->x == a->x))
    return 0;
  return orientation_exact (a, b, c);
}

int
atlas_orientation (const AtlasPoint *a,
                   const AtlasPoint *b,
                   const AtlasPoint *c)
{
  return orientation (a, b, c);
}

static int
compare_points (const AtlasPoint *p,
                const AtlasPoint *q)
{
  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  return 0;
}

static int
compare_vertices (const void *a,
                  const void *b)
{
  const Vertex *p = a, *q = b;

  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  return 0;
}

/* Which of two edges the sweep line cut lies above, where the later of the two starts (the
 * sweep is there when one of them is inserted). Edges on one line are told apart by index. */
static int
compare_edges (gconstpointer a_ptr,
               gconstpointer b_ptr,
               gpointer      data)
{
  const Edge *a = a_ptr, *b = b_ptr;
  int side;

  if (a == b)
    return 0;
  if (compare_points (a->l, b->l) >= 0)
    {
      side = orientation (b->l, b->r, a->l);
      if (side == 0)
        side = orientation (b->l, b->r, a->r);
    }
  else
    {
      side = -orientation (a->l, a->r, b->l);
      if (side == 0)
        side = -orientation (a->l, a->r, b->r);
    }
  if (side != 0)
    return side;
  return a->index < b->index ? -1 : 1;
}

static gboolean
cross_properly (const Edge *a,
                const Edge *b)
{
  return orientation (a->l, a->r, b->l) * orientation (a->l, a->r, b->r) < 0
         && orientation (b->l, b->r, a->l) * orientation (b->l, b->r, a->r) < 0;
}

static gboolean
cross_neighbours (GSequenceIter *below,
                  GSequenceIter *above)
{
  return below != NULL && above != NULL
         && cross_properly (g_sequence_get (below), g_sequence_get (above));
}

static GSequenceIter *
iter_below (GSequenceIter *iter)
{
  return g_sequence_iter_is_begin (iter) ? NULL : g_sequence_iter_prev (iter);
}

static GSequenceIter *
iter_above (GSequenceIter *iter)
{
  GSequenceIter *next = g_sequence_iter_next (iter);

  return g_sequence_iter_is_end (next) ? NULL : next;
}

/* The edges that end (remove) or start (insert) at the vertices of one point; FALSE once a
 * crossing is found. */
static gboolean
sweep_point (GSequence    *line,
             Edge         *edges,
             guint         n_edges,
             const Vertex *run,
             guint         n_run,
             gboolean      insert)
{
  for (guint k = 0; k < n_run; k++)
    {
      guint v = run[k].vertex;
      guint incident[2] = { (v + n_edges - 1) % n_edges, v };

      for (guint j = 0; j < 2; j++)
        {
          Edge *e = &edges[incident[j]];

          if (e->l == NULL)
            continue;  /* of no length */
          if (!insert && e->r_vertex == v && e->iter != NULL)
            {
              GSequenceIter *below = iter_below (e->iter), *above = iter_above (e->iter);

              g_sequence_remove (e->iter);
              e->iter = NULL;
              if (cross_neighbours (below, above))
                return FALSE;
            }
          else if (insert && e->l_vertex == v && e->iter == NULL)
            {
              e->iter = g_sequence_insert_sorted (line, e, compare_edges, NULL);
              if (cross_neighbours (iter_below (e->iter), e->iter)
                  || cross_neighbours (e->iter, iter_above (e->iter)))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static inline guint
grid_column (const Grid *grid,
             double      x)
{
  double c = (x - grid->min_x) * grid->scale_x;

  return c < grid->columns - 1 ? (guint) MAX (c, 0) : grid->columns - 1;
}

static inline guint
grid_row (const Grid *grid,
          double      y)
{
  double r = (y - grid->min_y) * grid->scale_y;

  return r < grid->rows - 1 ? (guint) MAX (r, 0) : grid->rows - 1;
}

/* About one cell per edge, shaped like the ring's box. FALSE when the ring has no width or
 * no height: all its points on one line, nothing crosses properly. */
static gboolean
make_grid (const AtlasPoint *ring,
           guint             n_edges,
           Grid             *grid)
{
  AtlasBBox box;
  double width, height, columns;

  atlas_bbox_init_empty (&box);
  for (guint i = 0; i < n_edges; i++)
    atlas_bbox_extend (&box, ring[i].x, ring[i].y);
  width = box.max_x - box.min_x;
  height = box.max_y - box.min_y;
  if (!(width > 0) || !(height > 0))
    return FALSE;
  columns = CLAMP (round (sqrt (n_edges * (width / height))), 1, n_edges);
  grid->columns = (guint) columns;
  grid->rows = (n_edges + grid->columns - 1) / grid->columns;
  grid->min_x = box.min_x;
  grid->min_y = box.min_y;
  grid->scale_x = grid->columns / width;
  grid->scale_y = grid->rows / height;
  return TRUE;
}

/* The first pass: TRUE or FALSE when it could decide, and *decided FALSE when a budget ran
 * out first. */
static gboolean
cross_by_grid (const AtlasPoint *ring,
               guint             n_edges,
               gboolean         *decided)
{
  g_autofree Cells *cells = NULL;
  g_autofree guint *start = NULL;
  g_autofree guint *listed = NULL;
  guint64 listing_budget = 4 * (guint64) n_edges + 4096;
  guint64 budget = 16 * (guint64) n_edges + 4096;
  guint64 n_listed = 0;
  guint n_cells;
  Grid grid;

  *decided = TRUE;
  if (!make_grid (ring, n_edges, &grid))
    return FALSE;
  n_cells = grid.columns * grid.rows;
  cells = g_new (Cells, n_edges);
  start = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < n_edges; i++)
    {
      Cells *c = &cells[i];

      c->x0 = grid_column (&grid, MIN (ring[i].x, ring[i + 1].x));
      c->x1 = grid_column (&grid, MAX (ring[i].x, ring[i + 1].x));
      c->y0 = grid_row (&grid, MIN (ring[i].y, ring[i + 1].y));
      c->y1 = grid_row (&grid, MAX (ring[i].y, ring[i + 1].y));
      n_listed += (guint64) (c->x1 - c->x0 + 1) * (c->y1 - c->y0 + 1);
      if (n_listed > listing_budget)
        {
          *decided = FALSE;
          return FALSE;
        }
      for (guint y = c->y0; y <= c->y1; y++)
        for (guint x = c->x0; x <= c->x1; x++)
          start[y * grid.columns + x + 1]++;
    }
  /* Each cell's edges, in the order of the ring: listed[start[k]] … listed[start[k + 1] - 1]. */
  for (guint k = 0; k < n_cells; k++)
    start[k + 1] += start[k];
  listed = g_new (guint, n_listed);
  {
    g_autofree guint *next = g_memdup2 (start, n_cells * sizeof (guint));

    for (guint i = 0; i < n_edges; i++)
      for (guint y = cells[i].y0; y <= cells[i].y1; y++)
        for (guint x = cells[i].x0; x <= cells[i].x1; x++)
          listed[next[y * grid.columns + x]++] = i;
  }

  for (guint k = 0; k < n_cells; k++)
    for (guint i = start[k]; i < start[k + 1]; i++)
      for (guint j = i + 1; j < start[k + 1]; j++)
        {
          guint a = listed[i], b = listed[j], d = b - a;
          const AtlasPoint *p1 = &ring[a], *p2 = &ring[a + 1], *q1 = &ring[b], *q2 = &ring[b + 1];
          double low_x, low_y;

          if (budget-- == 0)
            {
              *decided = FALSE;
              return FALSE;
            }
          /* Consecutive edges share a vertex, so they cannot cross properly. */
          if (d == 1 || d == n_edges - 1)
            continue;
          low_x = MAX (MIN (p1->x, p2->x), MIN (q1->x, q2->x));
          low_y = MAX (MIN (p1->y, p2->y), MIN (q1->y, q2->y));
          if (low_x > MIN (MAX (p1->x, p2->x), MAX (q1->x, q2->x))
              || low_y > MIN (MAX (p1->y, p2->y), MAX (q1->y, q2->y))
              || grid_row (&grid, low_y) * grid.columns + grid_column (&grid, low_x) != k)
            continue;
          if (orientation (p1, p2, q1) * orientation (p1, p2, q2) < 0
              && orientation (q1, q2, p1) * orientation (q1, q2, p2) < 0)
            return TRUE;
        }
  return FALSE;
}

/* The second pass. */
static gboolean
cross_by_sweep (const AtlasPoint *ring,
                guint             n_edges)
{
  g_autofree Edge *edges = g_new0 (Edge, n_edges);
  g_autofree Vertex *order = g_new (Vertex, n_edges);
  g_autoptr(GSequence) line = g_sequence_new (NULL);
  gboolean clear = TRUE;

  for (guint i = 0; i < n_edges; i++)
    {
      const AtlasPoint *a = &ring[i], *b = &ring[i + 1];
      int c = compare_points (a, b);
      Edge *e = &edges[i];

      order[i].x = a->x;
      order[i].y = a->y;
      order[i].vertex = i;
      e->index = i;
      if (c == 0)
        continue;
      e->l = c < 0 ? a : b;
      e->r = c < 0 ? b : a;
      e->l_vertex = c < 0 ? i : (i + 1) % n_edges;
      e->r_vertex = c < 0 ? (i + 1) % n_edges : i;
    }
  /* glibc's qsort is a merge sort: O(n log n) whatever the order. */
  qsort (order, n_edges, sizeof (Vertex), compare_vertices);

  for (guint i = 0; i < n_edges && clear;)
    {
      guint j = i + 1;

      /* A ring may come back to a vertex: every edge ending there leaves the sweep line
       * before any edge starting there joins it. */
      while (j < n_edges && compare_vertices (&order[i], &order[j]) == 0)
        j++;
      clear = sweep_point (line, edges, n_edges, &order[i], j - i, FALSE)
              && sweep_point (line, edges, n_edges, &order[i], j - i, TRUE);
      i = j;
    }
  return !clear;
}

gboolean
atlas_ring_crosses_itself (const AtlasPoint *ring,
                           guint             n_points)
{
  guint n_edges = n_points > 0 ? n_points - 1 : 0;
  gboolean decided, crosses;

  /* Three edges cannot cross; the ring is closed, so vertex n_edges is vertex 0. */
  if (n_edges < 3)
    return FALSE;
  crosses = cross_by_grid (ring, n_edges, &decided);
  return decided ? crosses : cross_by_sweep (ring, n_edges);
}

/* For tests: the second pass alone, on any ring. */
gboolean
_atlas_ring_crosses_itself_by_sweep (const AtlasPoint *ring,
                                     guint             n_points)
{
  return n_points >= 4 && cross_by_sweep (ring, n_points - 1);
}
