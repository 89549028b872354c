/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "atlas-spatial-index.h"

struct _AtlasSpatialIndex {
  const AtlasShape **shapes;
  guint n_shapes;
  AtlasBBox bbox;
  guint columns;
  guint rows;
  double cell_width;
  double cell_height;
  guint *cell_start;   /* columns * rows + 1 entries */
  guint *items;        /* shape indices, cell by cell */
};

/* Cells come from one formula for both points and box corners, and the formula is monotonic,
 * so a box that contains a point always lists itself in the point's cell. */
static guint
cell_of (double value,
         double origin,
         double size,
         guint  count)
{
  double f = floor ((value - origin) / size);

  if (!(f >= 0))
    return 0;
  if (f >= count)
    return count - 1;
  return (guint) f;
}

/* The cells the shape's box covers; FALSE for a shape without one. */
static gboolean
cell_range (AtlasSpatialIndex *index,
            const AtlasShape  *shape,
            guint             *c0,
            guint             *c1,
            guint             *r0,
            guint             *r1)
{
  const AtlasBBox *b;

  if (shape == NULL || atlas_bbox_is_empty (&shape->bbox))
    return FALSE;
  b = &shape->bbox;
  *c0 = cell_of (b->min_x, index->bbox.min_x, index->cell_width, index->columns);
  *c1 = cell_of (b->max_x, index->bbox.min_x, index->cell_width, index->columns);
  *r0 = cell_of (b->min_y, index->bbox.min_y, index->cell_height, index->rows);
  *r1 = cell_of (b->max_y, index->bbox.min_y, index->cell_height, index->rows);
  return TRUE;
}

/* How many (cell, shape) entries a grid of that size makes. */
static guint64
count_items (AtlasSpatialIndex *index)
{
  guint64 total = 0;
  guint s, c0, c1, r0, r1;

  for (s = 0; s < index->n_shapes; s++)
    if (cell_range (index, index->shapes[s], &c0, &c1, &r0, &r1))
      total += (guint64) (c1 - c0 + 1) * (r1 - r0 + 1);
  return total;
}

static void
set_grid (AtlasSpatialIndex *index,
          guint              size)
{
  index->columns = index->rows = size;
  index->cell_width = MAX ((index->bbox.max_x - index->bbox.min_x) / index->columns, 1e-12);
  index->cell_height = MAX ((index->bbox.max_y - index->bbox.min_y) / index->rows, 1e-12);
}

AtlasSpatialIndex *
atlas_spatial_index_new (const AtlasShape * const *shapes,
                         guint                      n_shapes)
{
  AtlasSpatialIndex *index = g_new0 (AtlasSpatialIndex, 1);
  g_autofree guint *counts = NULL;
  guint s, n_cells, c, r, total = 0;

  index->shapes = g_new0 (const AtlasShape *, MAX (n_shapes, 1));
  index->n_shapes = n_shapes;
  atlas_bbox_init_empty (&index->bbox);
  for (s = 0; s < n_shapes; s++)
    {
      index->shapes[s] = shapes[s];
      if (shapes[s] != NULL && !atlas_bbox_is_empty (&shapes[s]->bbox))
        atlas_bbox_union (&index->bbox, &shapes[s]->bbox);
    }

  /* About four cells per shape along each axis keeps candidate lists to one or two shapes.
   * Shapes whose boxes overlap a lot (thousands of districts each covering the whole area)
   * would each be listed in every cell: a coarser grid keeps the lists linear in size. */
  set_grid (index, atlas_bbox_is_empty (&index->bbox)
                   ? 1 : CLAMP ((guint) ceil (sqrt ((double) n_shapes) * 4), 1, 256));
  while (index->columns > 1 && count_items (index) > 64 * (guint64) n_shapes + 65536)
    set_grid (index, index->columns / 2);
  n_cells = index->columns * index->rows;
  counts = g_new0 (guint, n_cells);
  index->cell_start = g_new0 (guint, n_cells + 1);

  /* Two passes: count per cell, then fill, so the lists are one flat array. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (s = 0; s < n_shapes; s++)
        {
          guint c0, c1, r0, r1;

          if (!cell_range (index, shapes[s], &c0, &c1, &r0, &r1))
            continue;
          for (r = r0; r <= r1; r++)
            for (c = c0; c <= c1; c++)
              {
                guint cell = r * index->columns + c;

                if (pass == 0)
                  counts[cell]++;
                else
                  index->items[index->cell_start[cell] + counts[cell]++] = s;
              }
        }
      if (pass == 0)
        {
          for (c = 0; c < n_cells; c++)
            {
              index->cell_start[c] = total;
              total += counts[c];
              counts[c] = 0;
            }
          index->cell_start[n_cells] = total;
          index->items = g_new (guint, MAX (total, 1));
        }
    }

  return index;
}

void
atlas_spatial_index_free (AtlasSpatialIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->shapes);
  g_free (index->cell_start);
  g_free (index->items);
  g_free (index);
}

int
atlas_spatial_index_locate (AtlasSpatialIndex *index,
                            double             lon,
                            double             lat)
{
  guint cell, i;

  g_return_val_if_fail (index != NULL, -1);

  if (!atlas_bbox_contains (&index->bbox, lon, lat))
    return -1;
  cell = cell_of (lat, index->bbox.min_y, index->cell_height, index->rows) * index->columns
         + cell_of (lon, index->bbox.min_x, index->cell_width, index->columns);
  for (i = index->cell_start[cell]; i < index->cell_start[cell + 1]; i++)
    {
      guint s = index->items[i];

      if (atlas_shape_contains (index->shapes[s], lon, lat))
        return s;
    }
  return -1;
}
