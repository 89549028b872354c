/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <stdlib.h>

#include "atlas-geometry-private.h"

/* Whether a ring crosses itself. Only proper crossings count: each edge's ends lie strictly on
 * either side of the other. A ring may touch itself at a vertex or run along itself (those draw
 * and hit-test well), and consecutive edges always share a vertex. Every orientation is decided
 * exactly, however close to a line the third point lies.
 *
 * Two passes. The first sorts the edges by their west end and compares each with the edges
 * that overlap it in longitude: exact, and about linear for boundaries, whose edges overlap
 * only a few others. A hostile ring (a zigzag whose edges all overlap) would make it quadratic,
 * so it stops after a budget of comparisons proportional to the ring; then the second pass, a
 * sweep over the vertices from west to east (Shamos and Hoey, 1976), decides in O(n log n): the
 * edges the sweep line cuts are kept in their order along it, and two edges are compared only
 * when they become neighbours in that order. If any two edges cross, the westernmost crossing's
 * two edges are neighbours just before it, so it is found. The sweep is a little slanted
 * (points are ordered by x, then y), so vertical edges need no special case. */

typedef struct {
  double min_x;
  double max_x;
  guint index;
} Span;

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
 * only nearly collinear points take the exact path. */
int
atlas_orientation (const AtlasPoint *a,
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
  return orientation_exact (a, b, c);
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
      side = atlas_orientation (b->l, b->r, a->l);
      if (side == 0)
        side = atlas_orientation (b->l, b->r, a->r);
    }
  else
    {
      side = -atlas_orientation (a->l, a->r, b->l);
      if (side == 0)
        side = -atlas_orientation (a->l, a->r, b->r);
    }
  if (side != 0)
    return side;
  return a->index < b->index ? -1 : 1;
}

static gboolean
cross_properly (const Edge *a,
                const Edge *b)
{
  return atlas_orientation (a->l, a->r, b->l) * atlas_orientation (a->l, a->r, b->r) < 0
         && atlas_orientation (b->l, b->r, a->l) * atlas_orientation (b->l, b->r, a->r) < 0;
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

static void
swap_spans (Span *a,
            Span *b)
{
  Span tmp = *a;

  *a = *b;
  *b = tmp;
}

static void
sift_down (Span  *spans,
           guint  root,
           guint  n)
{
  for (;;)
    {
      guint child = 2 * root + 1;

      if (child >= n)
        return;
      if (child + 1 < n && spans[child].min_x < spans[child + 1].min_x)
        child++;
      if (!(spans[root].min_x < spans[child].min_x))
        return;
      swap_spans (&spans[root], &spans[child]);
      root = child;
    }
}

static void
heap_sort (Span  *spans,
           guint  n)
{
  for (guint i = n / 2; i-- > 0;)
    sift_down (spans, i, n);
  for (guint end = n; end-- > 1;)
    {
      swap_spans (&spans[0], &spans[end]);
      sift_down (spans, 0, end);
    }
}

/* Spans sorted by their west end. A quicksort with the comparison inline (qsort's callback and
 * scratch allocation made sorting half of the check), recursing into the smaller part only;
 * past a depth of 2 log2 n a part is heap-sorted instead, so no order of the input makes it
 * quadratic. Small parts are finished by insertion. */
static void
sort_spans (Span  *spans,
            guint  n,
            guint  depth)
{
  while (n > 16)
    {
      guint mid = n / 2, i = 0, j = n - 1;
      double pivot;

      if (depth-- == 0)
        {
          heap_sort (spans, n);
          return;
        }
      /* Median of three as the pivot, which also guards both scans below. */
      if (spans[mid].min_x < spans[0].min_x)
        swap_spans (&spans[mid], &spans[0]);
      if (spans[n - 1].min_x < spans[0].min_x)
        swap_spans (&spans[n - 1], &spans[0]);
      if (spans[n - 1].min_x < spans[mid].min_x)
        swap_spans (&spans[n - 1], &spans[mid]);
      pivot = spans[mid].min_x;

      for (;;)
        {
          while (spans[i].min_x < pivot)
            i++;
          while (pivot < spans[j].min_x)
            j--;
          if (i >= j)
            break;
          swap_spans (&spans[i], &spans[j]);
          i++;
          j--;
        }
      /* [0, j] holds keys <= pivot and [j + 1, n) keys >= pivot. */
      if (j + 1 < n - j - 1)
        {
          sort_spans (spans, j + 1, depth);
          spans += j + 1;
          n -= j + 1;
        }
      else
        {
          sort_spans (spans + j + 1, n - j - 1, depth);
          n = j + 1;
        }
    }

  for (guint i = 1; i < n; i++)
    {
      Span e = spans[i];
      guint k = i;

      for (; k > 0 && e.min_x < spans[k - 1].min_x; k--)
        spans[k] = spans[k - 1];
      spans[k] = e;
    }
}

static gboolean
points_cross (const AtlasPoint *p1,
              const AtlasPoint *p2,
              const AtlasPoint *q1,
              const AtlasPoint *q2)
{
  if (MAX (p1->y, p2->y) < MIN (q1->y, q2->y) || MAX (q1->y, q2->y) < MIN (p1->y, p2->y))
    return FALSE;
  return atlas_orientation (p1, p2, q1) * atlas_orientation (p1, p2, q2) < 0
         && atlas_orientation (q1, q2, p1) * atlas_orientation (q1, q2, p2) < 0;
}

/* The first pass: TRUE or FALSE when it could decide, and *decided FALSE when the budget ran
 * out first. */
static gboolean
cross_by_spans (const AtlasPoint *ring,
                guint             n_edges,
                gboolean         *decided)
{
  g_autofree Span *spans = g_new (Span, n_edges);
  guint64 budget = 16 * (guint64) n_edges + 4096;
  guint depth = 2 * g_bit_storage (n_edges);

  for (guint i = 0; i < n_edges; i++)
    {
      spans[i].min_x = MIN (ring[i].x, ring[i + 1].x);
      spans[i].max_x = MAX (ring[i].x, ring[i + 1].x);
      spans[i].index = i;
    }
  sort_spans (spans, n_edges, depth);

  *decided = TRUE;
  for (guint i = 0; i < n_edges; i++)
    for (guint j = i + 1; j < n_edges && spans[j].min_x <= spans[i].max_x; j++)
      {
        guint a = spans[i].index, b = spans[j].index;
        guint d = a > b ? a - b : b - a;

        if (budget-- == 0)
          {
            *decided = FALSE;
            return FALSE;
          }
        /* Consecutive edges share a vertex, so they cannot cross properly. */
        if (d == 1 || d == n_edges - 1)
          continue;
        if (points_cross (&ring[a], &ring[a + 1], &ring[b], &ring[b + 1]))
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
  crosses = cross_by_spans (ring, n_edges, &decided);
  return decided ? crosses : cross_by_sweep (ring, n_edges);
}

/* For tests: the second pass alone, on any ring. */
gboolean
_atlas_ring_crosses_itself_by_sweep (const AtlasPoint *ring,
                                     guint             n_points)
{
  return n_points >= 4 && cross_by_sweep (ring, n_points - 1);
}
