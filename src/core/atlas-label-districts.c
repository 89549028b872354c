/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-label-layout-private.h"

#include <math.h>

/* Districts' names: inside the part of the district in view where they fit, else in a callout
 * pointing into it. */

/* Less of a district cut by the surface's edges than a circle of this radius (surface units)
 * is not in view. A district wholly in view is, however small. */
#define MIN_VISIBLE_RADIUS 1.5
/* A name inside a district may reach over its border by these fractions of its box's height:
 * the box holds the line spacing, and the halo keeps the letters apart from the border. */
#define OVERHANG_X   0.15
#define OVERHANG_Y   0.22
/* The smaller type a name tries before two lines and a callout. */
#define SMALLER      0.85
/* A district's name in a callout stays within this fraction of the surface's smaller side. */
#define DISTRICT_REACH 0.25

typedef struct {
  const AtlasDistrict *district;
  char *name;              /* cleaned */
  char *two_lines;         /* NULL when the name has no break */
  gboolean selected;
  gboolean promoted;       /* left out in an earlier round: goes first */
  gboolean placed;
  double ax, ay;           /* the pole of the part in view, surface units */
  double radius;           /* its distance from the edges */
  double lx, ly;           /* the shape's label point (middle of its widest span) */
  LabelVariant variants[4];
  guint n_variants;
} DistrictTask;

static void
district_task_clear (DistrictTask *task)
{
  g_free (task->name);
  g_free (task->two_lines);
}

/* The pole of the part of the shape in view; FALSE when next to nothing of it is. */
static gboolean
find_anchor (const LabelPlacer *placer,
             const AtlasShape  *shape,
             DistrictTask      *task)
{
  const AtlasView *view = placer->view;
  AtlasPoint pole;
  double r, x, y, rs, min_radius = 0;

  atlas_shape_get_pole (shape, &pole, &r);
  atlas_view_world_to_surface (view, pole.x, pole.y, &x, &y);
  rs = r * view->scale;
  if (x - rs < 0 || y - rs < 0 || x + rs > view->width || y + rs > view->height)
    {
      AtlasBBox clip = { view->origin_x, view->origin_y, view->origin_x + view->width / view->scale,
                         view->origin_y + view->height / view->scale };

      if (!atlas_shape_find_pole (shape, &clip, 1.0 / view->scale, &pole, &r))
        return FALSE;
      atlas_view_world_to_surface (view, pole.x, pole.y, &x, &y);
      rs = r * view->scale;
      min_radius = MIN_VISIBLE_RADIUS;
    }
  task->ax = x;
  task->ay = y;
  task->radius = rs;
  return rs > min_radius;
}

/* One line, one line smaller, two lines, two lines smaller: the order in which a name tries to
 * fit inside its district. The two-line ones are measured when first needed. */
static void
measure_district (LabelPlacer  *placer,
                  DistrictTask *task)
{
  LabelVariant *v = task->variants;
  double w, h;

  _atlas_label_text_measure (&placer->text, task->name, FALSE, placer->district_size, &w, &h);
  v[0] = (LabelVariant) { task->name, placer->district_size, w, h };
  v[1] = (LabelVariant) { task->name, placer->district_size * SMALLER, w * SMALLER, h * SMALLER };
  task->two_lines = _atlas_label_text_two_lines (task->name);
  task->n_variants = task->two_lines != NULL ? 4 : 2;
}

static const LabelVariant *
get_variant (LabelPlacer  *placer,
             DistrictTask *task,
             guint         i)
{
  LabelVariant *v = task->variants;

  if (i >= task->n_variants)
    return NULL;
  if (i >= 2 && v[2].text == NULL)
    {
      double w, h;

      _atlas_label_text_measure (&placer->text, task->two_lines, FALSE, placer->district_size,
                                 &w, &h);
      v[2] = (LabelVariant) { task->two_lines, placer->district_size, w, h };
      v[3] = (LabelVariant) { task->two_lines, placer->district_size * SMALLER, w * SMALLER,
                              h * SMALLER };
    }
  return &v[i];
}

/* The middle of the inside span of the horizontal line at surface y that holds x, or else the
 * widest one; FALSE when the line misses the shape. */
static gboolean
find_span_middle (LabelPlacer      *placer,
                  const AtlasShape *shape,
                  double            x,
                  double            y,
                  double           *middle)
{
  const AtlasView *view = placer->view;
  double wy = view->origin_y + y / view->scale, wx = view->origin_x + x / view->scale;
  double best = -1;
  double *xs;

  const AtlasEdgeRun *runs;
  guint n_runs;

  runs = atlas_shape_get_runs (shape, &n_runs);
  g_array_set_size (placer->scratch, 0);
  for (guint k = 0; k < n_runs; k++)
    {
      /* Only runs that straddle the line can cross it. */
      if (wy < runs[k].box.min_y || wy > runs[k].box.max_y)
        continue;
      for (guint i = MAX (runs[k].start, shape->ring_start[runs[k].ring] + 1); i < runs[k].end;
           i++)
        {
          const AtlasPoint *a = &shape->projected[i - 1], *b = &shape->projected[i];

          if ((a->y > wy) != (b->y > wy))
            {
              double cx = a->x + (b->x - a->x) * (wy - a->y) / (b->y - a->y);

              g_array_append_val (placer->scratch, cx);
            }
        }
    }
  if (placer->scratch->len < 2)
    return FALSE;
  g_array_sort (placer->scratch, (GCompareFunc) _atlas_label_compare_doubles);
  xs = (double *) placer->scratch->data;
  for (guint i = 0; i + 1 < placer->scratch->len; i += 2)
    {
      double width = xs[i + 1] - xs[i];

      if (wx >= xs[i] && wx <= xs[i + 1])
        width = G_MAXDOUBLE;
      if (width > best)
        {
          best = width;
          *middle = ((xs[i] + xs[i + 1]) / 2 - view->origin_x) * view->scale;
        }
    }
  return TRUE;
}

/* Whether an edge of the shape runs through the box (world units), and whether the box's
 * centre is inside the shape. */
static void
test_box (const AtlasShape *shape,
          double            x0,
          double            y0,
          double            x1,
          double            y1,
          gboolean         *crossed,
          gboolean         *centre_inside)
{
  double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  gboolean inside = FALSE;
  const AtlasEdgeRun *runs;
  guint n_runs;

  runs = atlas_shape_get_runs (shape, &n_runs);
  *crossed = FALSE;
  for (guint k = 0; k < n_runs; k++)
    {
      const AtlasBBox *run = &runs[k].box;

      /* A run neither crossing the ray east from the centre nor meeting the box is passed
       * over whole. */
      if ((cy < run->min_y || cy > run->max_y || cx >= run->max_x)
          && (run->max_x < x0 || run->min_x > x1 || run->max_y < y0 || run->min_y > y1))
        continue;
      for (guint i = MAX (runs[k].start, shape->ring_start[runs[k].ring] + 1); i < runs[k].end;
           i++)
        {
          const AtlasPoint *a = &shape->projected[i - 1], *b = &shape->projected[i];

          if ((a->y > cy) != (b->y > cy)
              && cx < (b->x - a->x) * (cy - a->y) / (b->y - a->y) + a->x)
            inside = !inside;
          if (MAX (a->x, b->x) < x0 || MIN (a->x, b->x) > x1
              || MAX (a->y, b->y) < y0 || MIN (a->y, b->y) > y1)
            continue;
          if (_atlas_label_segment_meets_box (a->x, a->y, b->x, b->y, x0, y0, x1, y1))
            {
              *crossed = TRUE;
              return;
            }
        }
    }
  *centre_inside = inside;
}

/* Whether the box, less the overhang, lies inside the shape: its centre inside, and no edge of
 * the shape through it. */
static gboolean
box_inside_shape (const LabelPlacer *placer,
                  const AtlasShape  *shape,
                  double             x0,
                  double             y0,
                  double             x1,
                  double             y1)
{
  const AtlasView *view = placer->view;
  double ox = (y1 - y0) * OVERHANG_X, oy = (y1 - y0) * OVERHANG_Y;
  gboolean crossed, inside = FALSE;

  test_box (shape, view->origin_x + (x0 + ox) / view->scale,
            view->origin_y + (y0 + oy) / view->scale, view->origin_x + (x1 - ox) / view->scale,
            view->origin_y + (y1 - oy) / view->scale, &crossed, &inside);
  return !crossed && inside;
}

/* No box of a variant's height fits where no circle of half of it does; two lines are twice
 * one line's height, known before they are measured. */
static gboolean
fits_height (const DistrictTask *task,
             guint               i)
{
  double height = task->variants[0].height * (i >= 2 ? 2 : 1) * (i % 2 ? SMALLER : 1);

  return height * (0.5 - OVERHANG_Y) <= task->radius;
}

static gboolean
try_inside (LabelPlacer        *placer,
            DistrictTask       *task,
            const LabelVariant *v,
            AtlasLabelItem     *item)
{
  const AtlasShape *shape = task->district->shape;
  double xs[8], ys[8], middle = 0;
  guint n = 0;

  xs[n] = task->ax, ys[n++] = task->ay;
  for (int k = 0; k < 5; k++)
    {
      double y = task->ay + v->height * 0.5 * (k == 0 ? 0 : (k % 2 ? -1 : 1) * ((k + 1) / 2));

      if (find_span_middle (placer, shape, task->ax, y, &middle))
        xs[n] = middle, ys[n++] = y;
    }
  xs[n] = task->lx, ys[n++] = task->ly;
  xs[n] = task->ax, ys[n++] = task->ay - v->height * 0.25;

  for (guint i = 0; i < n; i++)
    {
      double x0 = xs[i] - v->width / 2, y0 = ys[i] - v->height / 2;
      double x1 = x0 + v->width, y1 = y0 + v->height;

      if (!_atlas_label_placer_on_surface (placer, x0, y0, x1, y1)
          || !_atlas_label_placer_is_free (placer, x0, y0, x1, y1)
          || !box_inside_shape (placer, shape, x0, y0, x1, y1))
        continue;
      item->box = (AtlasLabelBox) { x0, y0, v->width, v->height };
      return TRUE;
    }
  return FALSE;
}

/* Where a callout's leader ends: the pole, unless a symbol or name covers it, else the label
 * point or a point around the pole inside the district; FALSE when all are covered. */
static gboolean
find_anchor_point (LabelPlacer        *placer,
                   const DistrictTask *task,
                   double             *ax,
                   double             *ay)
{
  const double d = task->radius * 0.6;
  const double candidates[][2] = {
    { task->ax, task->ay }, { task->lx, task->ly }, { task->ax + d, task->ay },
    { task->ax - d, task->ay }, { task->ax, task->ay - d }, { task->ax, task->ay + d },
  };
  const double clear = placer->gap;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      double x = candidates[i][0], y = candidates[i][1], wx, wy, lon, lat;

      if (!_atlas_label_placer_on_surface (placer, x - clear, y - clear, x + clear, y + clear)
          || !_atlas_label_space_box_is_free (&placer->space, x - clear, y - clear, x + clear,
                                              y + clear))
        continue;
      atlas_view_surface_to_world (placer->view, x, y, &wx, &wy);
      atlas_unproject (wx, wy, &lon, &lat);
      if (i > 0 && !atlas_shape_contains (task->district->shape, lon, lat))
        continue;
      *ax = x;
      *ay = y;
      return TRUE;
    }
  return FALSE;
}

static gboolean
place_district (LabelPlacer  *placer,
                DistrictTask *task,
                gboolean      inside,
                gboolean      callout)
{
  AtlasLabelItem item = { 0, };

  item.flags = task->selected ? ATLAS_LABEL_SELECTED : 0;
  item.district = task->district;
  for (guint i = 0; inside && i < task->n_variants; i++)
    if (fits_height (task, i) && try_inside (placer, task, get_variant (placer, task, i), &item))
      {
        item.kind = ATLAS_LABEL_DISTRICT;
        item.text = task->variants[i].text;
        item.font_size = task->variants[i].size;
        _atlas_label_placer_take (placer, &item);
        return task->placed = TRUE;
      }
  if (callout)
    {
      /* Outside, the full size on one line first: there is more room. */
      static const guint order[] = { 0, 2, 1 };
      LabelTarget target = { 0, 0, MAX (task->radius, placer->gap * 3), 0,
                             task->district->shape,
                             DISTRICT_REACH * MIN (placer->view->width, placer->view->height) };

      if (!find_anchor_point (placer, task, &target.x, &target.y))
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        if (order[i] < task->n_variants)
          {
            if (!_atlas_label_place_callout (placer, &target,
                                             get_variant (placer, task, order[i]), &item))
              continue;
            item.kind = ATLAS_LABEL_DISTRICT_CALLOUT;
            item.text = task->variants[order[i]].text;
            item.font_size = task->variants[order[i]].size;
            _atlas_label_placer_take (placer, &item);
            return task->placed = TRUE;
          }
    }
  return FALSE;
}

static int
compare_by_radius (gconstpointer a,
                   gconstpointer b)
{
  const DistrictTask *ta = *(DistrictTask * const *) a, *tb = *(DistrictTask * const *) b;

  if (ta->radius != tb->radius)
    return ta->radius < tb->radius ? -1 : 1;
  return (ta->district->index > tb->district->index) - (ta->district->index < tb->district->index);
}

static gboolean
is_selected (const AtlasCartographyOptions *options,
             const AtlasDistrict           *district)
{
  return district == options->selected
         || (options->highlighted != NULL
             && atlas_cartography_partnership_has (options->highlighted, district));
}

struct _LabelDistricts {
  LabelPlacer *placer;
  GArray *tasks;           /* DistrictTask: the districts in view, in dataset order */
  GPtrArray *order;        /* the same, the smallest first */
};

LabelDistricts *
_atlas_label_districts_new (LabelPlacer *placer)
{
  LabelDistricts *self = g_new0 (LabelDistricts, 1);
  GArray *tasks = g_array_new (FALSE, TRUE, sizeof (DistrictTask));
  const AtlasDistrict *districts;
  double sx = 0, sy = 0;
  guint n = 0;

  self->placer = placer;
  self->tasks = tasks;
  self->order = g_ptr_array_new ();
  g_array_set_clear_func (tasks, (GDestroyNotify) district_task_clear);
  if (!placer->options->labels)
    return self;
  districts = atlas_dataset_get_districts (placer->dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasShape *shape = districts[i].shape;
      DistrictTask task = { &districts[i], 0, };
      double wx, wy;

      if (shape == NULL || !_atlas_cartography_shape_visible (shape, placer->view, 0.0)
          || !find_anchor (placer, shape, &task))
        continue;
      atlas_project (shape->label_point.x, shape->label_point.y, &wx, &wy);
      atlas_view_world_to_surface (placer->view, wx, wy, &task.lx, &task.ly);
      task.name = _atlas_label_text_clean (districts[i].name);
      task.selected = is_selected (placer->options, &districts[i]);
      measure_district (placer, &task);
      sx += task.ax;
      sy += task.ay;
      g_array_append_val (tasks, task);
    }
  if (tasks->len > 0)
    {
      placer->centre_x = sx / tasks->len;
      placer->centre_y = sy / tasks->len;
    }
  /* The smallest first: they have the fewest places for a name, inside or out. */
  for (guint i = 0; i < tasks->len; i++)
    g_ptr_array_add (self->order, &g_array_index (tasks, DistrictTask, i));
  g_ptr_array_sort (self->order, compare_by_radius);
  return self;
}

void
_atlas_label_districts_free (LabelDistricts *self)
{
  g_ptr_array_unref (self->order);
  g_array_unref (self->tasks);
  g_free (self);
}

void
_atlas_label_districts_start (LabelDistricts *self)
{
  for (guint i = 0; i < self->order->len; i++)
    ((DistrictTask *) self->order->pdata[i])->placed = FALSE;
}

void
_atlas_label_districts_place_selected (LabelDistricts *self)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      DistrictTask *task = self->order->pdata[i];

      if (task->selected || task->promoted)
        place_district (self->placer, task, TRUE, TRUE);
    }
}

void
_atlas_label_districts_place_inside (LabelDistricts *self)
{
  for (guint i = 0; i < self->order->len; i++)
    if (!((DistrictTask *) self->order->pdata[i])->placed)
      place_district (self->placer, self->order->pdata[i], TRUE, FALSE);
}

void
_atlas_label_districts_place_callouts (LabelDistricts *self)
{
  for (guint i = 0; i < self->order->len; i++)
    if (!((DistrictTask *) self->order->pdata[i])->placed)
      place_district (self->placer, self->order->pdata[i], FALSE, TRUE);
}

guint
_atlas_label_districts_drop_rest (LabelDistricts *self)
{
  guint missing = 0;

  for (guint i = 0; i < self->order->len; i++)
    {
      DistrictTask *task = self->order->pdata[i];
      AtlasLabelItem item = { ATLAS_LABEL_DISTRICT, 0, task->district, NULL, NULL, 0, };

      if (task->placed)
        continue;
      item.text = g_string_chunk_insert_const (self->placer->layout->texts, task->name);
      item.font_size = self->placer->district_size;
      g_array_append_val (self->placer->layout->dropped, item);
      missing++;
    }
  return missing;
}

guint
_atlas_label_districts_promote_dropped (LabelDistricts *self)
{
  guint n = 0;

  for (guint i = 0; i < self->order->len; i++)
    {
      DistrictTask *task = self->order->pdata[i];

      if (!task->placed && !task->promoted)
        task->promoted = TRUE, n++;
    }
  return n;
}

gboolean
_atlas_label_placer_box_meets_shape (const LabelPlacer *placer,
                                     const AtlasShape  *shape,
                                     double             x0,
                                     double             y0,
                                     double             x1,
                                     double             y1)
{
  const AtlasView *view = placer->view;
  double wx0 = view->origin_x + x0 / view->scale, wy0 = view->origin_y + y0 / view->scale;
  double wx1 = view->origin_x + x1 / view->scale, wy1 = view->origin_y + y1 / view->scale;
  AtlasBBox box = { wx0, wy0, wx1, wy1 };
  gboolean crossed, inside = FALSE;

  if (!atlas_bbox_intersects (&box, &shape->projected_bbox))
    return FALSE;
  test_box (shape, wx0, wy0, wx1, wy1, &crossed, &inside);
  return crossed || inside;
}
