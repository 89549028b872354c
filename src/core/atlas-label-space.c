/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-label-layout-private.h"

#include <math.h>

/* A grid, not a tree: the surface is bounded, entries are small and spread out, and a grid
 * answers in the order entries were added, whatever they are. */
#define CELL_SIZE 48.0
#define FINE_SIZE 4.0
#define MAX_FINE  2048

typedef struct {
  guint entry;
  int next;
} LabelSpaceLink;

static void
cell_range (const LabelSpace *space,
            double            x0,
            double            y0,
            double            x1,
            double            y1,
            int              *c0,
            int              *r0,
            int              *c1,
            int              *r1)
{
  *c0 = (int) CLAMP (floor (MIN (x0, x1) / space->cell), 0, space->cols - 1);
  *c1 = (int) CLAMP (floor (MAX (x0, x1) / space->cell), 0, space->cols - 1);
  *r0 = (int) CLAMP (floor (MIN (y0, y1) / space->cell), 0, space->rows - 1);
  *r1 = (int) CLAMP (floor (MAX (y0, y1) / space->cell), 0, space->rows - 1);
}

/* Sets (or, with set FALSE, looks for) the bits of columns c0..c1 of a row. */
static gboolean
row_bits (guint64 *row,
          int      c0,
          int      c1,
          gboolean set)
{
  for (int w = c0 / 64; w <= c1 / 64; w++)
    {
      int lo = MAX (c0, w * 64) - w * 64, hi = MIN (c1, w * 64 + 63) - w * 64;
      guint64 mask = (hi == 63 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << (hi + 1)) - 1)
                     & ~((G_GUINT64_CONSTANT (1) << lo) - 1);

      if (set)
        row[w] |= mask;
      else if (row[w] & mask)
        return TRUE;
    }
  return FALSE;
}

static void
mark_filled (LabelSpace *space,
             double      x0,
             double      y0,
             double      x1,
             double      y1)
{
  int c0 = (int) ceil (MAX (x0, 0) / space->fine);
  int r0 = (int) ceil (MAX (y0, 0) / space->fine);
  int c1 = (int) floor (MIN (x1 / space->fine, space->fine_cols)) - 1;
  int r1 = (int) floor (MIN (y1 / space->fine, space->fine_rows)) - 1;

  for (int r = r0; r <= r1 && c0 <= c1; r++)
    row_bits (space->filled + (gsize) r * space->words, c0, c1, TRUE);
}

static gboolean
meets_filled (const LabelSpace *space,
              double            x0,
              double            y0,
              double            x1,
              double            y1)
{
  int c0 = (int) floor (MAX (x0, 0) / space->fine);
  int r0 = (int) floor (MAX (y0, 0) / space->fine);
  int c1 = (int) ceil (MIN (x1 / space->fine, space->fine_cols)) - 1;
  int r1 = (int) ceil (MIN (y1 / space->fine, space->fine_rows)) - 1;

  for (int r = r0; r <= r1 && c0 <= c1; r++)
    if (row_bits (space->filled + (gsize) r * space->words, c0, c1, FALSE))
      return TRUE;
  return FALSE;
}

static void
add_entry (LabelSpace            *space,
           const LabelSpaceEntry *entry)
{
  guint index = space->entries->len;
  int c0, r0, c1, r1;

  g_array_append_val (space->entries, *entry);
  cell_range (space, entry->x0, entry->y0, entry->x1, entry->y1, &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        LabelSpaceLink link = { index, space->heads[r * space->cols + c] };

        space->heads[r * space->cols + c] = (int) space->links->len;
        g_array_append_val (space->links, link);
      }
}

static gboolean
boxes_meet (double ax0, double ay0, double ax1, double ay1,
            double bx0, double by0, double bx1, double by1)
{
  return ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1;
}

static double
cross (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

static gboolean
segments_meet (double ax, double ay, double bx, double by,
               double cx, double cy, double dx, double dy)
{
  double d1 = cross (cx, cy, dx, dy, ax, ay), d2 = cross (cx, cy, dx, dy, bx, by);
  double d3 = cross (ax, ay, bx, by, cx, cy), d4 = cross (ax, ay, bx, by, dx, dy);

  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0
         && d4 != 0;
}

gboolean
_atlas_label_segment_meets_box (double ax,
                                double ay,
                                double bx,
                                double by,
                                double x0,
                                double y0,
                                double x1,
                                double y1)
{
  double t0 = 0, t1 = 1, dx = bx - ax, dy = by - ay;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { ax - x0, x1 - ax, ay - y0, y1 - ay };

  /* Liang–Barsky: clip the segment to the box; it meets the box when something is left. */
  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] <= 0)
            return FALSE;
          continue;
        }
      {
        double t = q[i] / p[i];

        if (p[i] < 0)
          t0 = MAX (t0, t);
        else
          t1 = MIN (t1, t);
      }
      if (t0 >= t1)
        return FALSE;
    }
  return TRUE;
}

static gboolean
entry_meets_box (const LabelSpaceEntry *e,
                 double x0, double y0, double x1, double y1)
{
  if (e->shape != LABEL_SPACE_SEGMENT)
    return boxes_meet (e->x0, e->y0, e->x1, e->y1, x0, y0, x1, y1);
  return _atlas_label_segment_meets_box (e->x0, e->y0, e->x1, e->y1, x0, y0, x1, y1);
}

static gboolean
entry_meets_segment (const LabelSpaceEntry *e,
                     double x0, double y0, double x1, double y1)
{
  if (e->shape != LABEL_SPACE_SEGMENT)
    return _atlas_label_segment_meets_box (x0, y0, x1, y1, e->x0, e->y0, e->x1, e->y1);
  return segments_meet (e->x0, e->y0, e->x1, e->y1, x0, y0, x1, y1);
}

void
_atlas_label_space_init (LabelSpace *space,
                         double      width,
                         double      height)
{
  space->cell = CELL_SIZE;
  space->cols = (int) CLAMP (ceil (width / CELL_SIZE), 1, 4096);
  space->rows = (int) CLAMP (ceil (height / CELL_SIZE), 1, 4096);
  /* A huge surface gets bigger cells rather than a huge grid. */
  space->cell = MAX (CELL_SIZE, MAX (width / space->cols, height / space->rows));
  space->heads = g_new (int, space->cols * space->rows);
  for (int i = 0; i < space->cols * space->rows; i++)
    space->heads[i] = -1;
  space->links = g_array_new (FALSE, FALSE, sizeof (LabelSpaceLink));
  space->entries = g_array_new (FALSE, FALSE, sizeof (LabelSpaceEntry));
  space->fine = MAX (FINE_SIZE, MAX (width, height) / MAX_FINE);
  space->fine_cols = (int) CLAMP (ceil (width / space->fine), 1, MAX_FINE);
  space->fine_rows = (int) CLAMP (ceil (height / space->fine), 1, MAX_FINE);
  space->words = (space->fine_cols + 63) / 64;
  space->filled = g_new0 (guint64, (gsize) space->words * space->fine_rows);
}

void
_atlas_label_space_clear (LabelSpace *space)
{
  g_clear_pointer (&space->heads, g_free);
  g_clear_pointer (&space->links, g_array_unref);
  g_clear_pointer (&space->entries, g_array_unref);
  g_clear_pointer (&space->filled, g_free);
}

void
_atlas_label_space_add_box (LabelSpace *space,
                            double      x0,
                            double      y0,
                            double      x1,
                            double      y1)
{
  LabelSpaceEntry e = { MIN (x0, x1), MIN (y0, y1), MAX (x0, x1), MAX (y0, y1), LABEL_SPACE_BOX };

  add_entry (space, &e);
  mark_filled (space, e.x0, e.y0, e.x1, e.y1);
}

void
_atlas_label_space_add_symbol (LabelSpace *space,
                               double      x0,
                               double      y0,
                               double      x1,
                               double      y1)
{
  LabelSpaceEntry e = { MIN (x0, x1), MIN (y0, y1), MAX (x0, x1), MAX (y0, y1),
                        LABEL_SPACE_SYMBOL };

  add_entry (space, &e);
  mark_filled (space, e.x0, e.y0, e.x1, e.y1);
}

gboolean
_atlas_label_space_meets_other_symbol (const LabelSpace *space,
                                       double            x0,
                                       double            y0,
                                       double            x1,
                                       double            y1,
                                       double            x,
                                       double            y)
{
  const LabelSpaceLink *links = (const LabelSpaceLink *) space->links->data;
  int c0, r0, c1, r1;

  cell_range (space, x0, y0, x1, y1, &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      for (int l = space->heads[r * space->cols + c]; l >= 0; l = links[l].next)
        {
          const LabelSpaceEntry *e = &g_array_index (space->entries, LabelSpaceEntry,
                                                     links[l].entry);

          if (e->shape == LABEL_SPACE_SYMBOL
              && boxes_meet (e->x0, e->y0, e->x1, e->y1, x0, y0, x1, y1)
              && !(x >= e->x0 && x <= e->x1 && y >= e->y0 && y <= e->y1))
            return TRUE;
        }
  return FALSE;
}

void
_atlas_label_space_add_segment (LabelSpace *space,
                                double      x0,
                                double      y0,
                                double      x1,
                                double      y1)
{
  LabelSpaceEntry e = { x0, y0, x1, y1, LABEL_SPACE_SEGMENT };

  add_entry (space, &e);
}

gboolean
_atlas_label_space_box_is_free (const LabelSpace *space,
                                double            x0,
                                double            y0,
                                double            x1,
                                double            y1)
{
  const LabelSpaceLink *links = (const LabelSpaceLink *) space->links->data;
  int c0, r0, c1, r1;

  if (meets_filled (space, x0, y0, x1, y1))
    return FALSE;
  cell_range (space, x0, y0, x1, y1, &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      for (int l = space->heads[r * space->cols + c]; l >= 0; l = links[l].next)
        if (entry_meets_box (&g_array_index (space->entries, LabelSpaceEntry, links[l].entry),
                             x0, y0, x1, y1))
          return FALSE;
  return TRUE;
}

gboolean
_atlas_label_space_segment_is_free (const LabelSpace *space,
                                    double            x0,
                                    double            y0,
                                    double            x1,
                                    double            y1,
                                    double            ax,
                                    double            ay)
{
  const LabelSpaceLink *links = (const LabelSpaceLink *) space->links->data;
  int c0, r0, c1, r1;

  cell_range (space, x0, y0, x1, y1, &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        double cx0 = c * space->cell, cy0 = r * space->cell;

        /* Only the cells the segment passes through. */
        if (!_atlas_label_segment_meets_box (x0, y0, x1, y1, cx0 - 1, cy0 - 1,
                                             cx0 + space->cell + 1, cy0 + space->cell + 1)
            && (c0 != c1 || r0 != r1))
          continue;
        for (int l = space->heads[r * space->cols + c]; l >= 0; l = links[l].next)
          {
            const LabelSpaceEntry *e = &g_array_index (space->entries, LabelSpaceEntry,
                                                       links[l].entry);

            /* The symbol the leader points at. */
            if (e->shape == LABEL_SPACE_SYMBOL && fabs ((e->x0 + e->x1) / 2 - ax) < 1e-6
                && fabs ((e->y0 + e->y1) / 2 - ay) < 1e-6)
              continue;
            if (entry_meets_segment (e, x0, y0, x1, y1))
              return FALSE;
          }
      }
  return TRUE;
}
