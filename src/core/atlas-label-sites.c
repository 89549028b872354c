/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-label-layout-private.h"

#include <math.h>
#include <string.h>

/* Where a site's name goes beside its symbol, in order of preference: right, above right,
 * below right, left, above left, below left, above, below. Each as the box's top-left corner:
 * x = centre + sx × half the symbol + gx × the gap + bx × the box's width, and the same in y. */
static const struct {
  double sx, gx, bx, sy, gy, by;
} beside[] = {
  { 1, 1, 0, 0, 0, -0.5 },
  { 0.5, 0, 0, -1, -1, -1 },
  { 0.5, 0, 0, 1, 1, 0 },
  { -1, -1, -1, 0, 0, -0.5 },
  { -0.5, 0, -1, -1, -1, -1 },
  { -0.5, 0, -1, 1, 1, 0 },
  { 0, 0, -0.5, -1, -1, -1 },
  { 0, 0, -0.5, 1, 1, 0 },
};

/* Gaps between a symbol and its name, in the name's type size: close, then a little away (out
 * of the way of boxes a caller may keep around each symbol). */
static const double gaps[] = { 0.25, 0.85 };

/* A site's name in a callout stays within this fraction of the surface's smaller side. */
#define SITE_REACH 0.15
/* When fewer than one in SATURATED callouts of acute hospitals has found room, after at least
 * SATURATED × 4 tries, the map is full: the rest are not tried (thousands of sites would each
 * search in vain). */
#define SATURATED  8

typedef struct {
  const AtlasSite *site;
  char *name;
  char *two_lines;
  guint flags;
  gboolean acute;
  gboolean named;          /* whether its name is wanted, or just its symbol */
  gboolean promoted;       /* left out in an earlier round: goes first */
  gboolean placed;
  guint freedom;           /* how many places beside the symbol were free */
  double x, y;             /* the symbol's centre */
  double symbol_half;      /* half its side, halo included */
  double half;             /* the same, or half the room a caller keeps around it */
  LabelVariant least;      /* no bigger than variants[0], known before it is measured */
  LabelVariant variants[2];
  guint n_variants;
} SiteTask;

struct _LabelSites {
  LabelPlacer *placer;
  GArray *tasks;           /* SiteTask: the sites whose symbols are in view */
};

static void
site_task_clear (SiteTask *task)
{
  g_free (task->name);
  g_free (task->two_lines);
}

/* Before a name is measured, a box no bigger than it: its line height, and a fifth of the type
 * size per character (narrower than any glyph of a plain name). Where not even that fits
 * beside the symbol, the name is not measured for it: on a crowded map most are not. */
#define NARROWEST 0.2

static void
estimate_site (LabelPlacer *placer,
               SiteTask    *task)
{
  double size = placer->site_size;

  task->variants[0] = (LabelVariant) { task->name, size, 0, 0 };
  task->two_lines = _atlas_label_text_two_lines (task->name);
  task->n_variants = task->two_lines != NULL ? 2 : 1;
  if (_atlas_label_text_is_plain (task->name))
    {
      task->least = task->variants[0];
      task->least.width = NARROWEST * size * strlen (task->name);
      task->least.height = _atlas_label_text_line_height (&placer->text, TRUE, size);
      return;
    }
  _atlas_label_text_measure (&placer->text, task->name, TRUE, size, &task->variants[0].width,
                             &task->variants[0].height);
  task->least = task->variants[0];
}

/* The name on one line, or on two, measured when first needed. */
static const LabelVariant *
get_variant (LabelPlacer *placer,
             SiteTask    *task,
             guint        i)
{
  LabelVariant *v = &task->variants[i];

  if (v->text == NULL || v->width == 0)
    {
      v->text = i == 0 ? task->name : task->two_lines;
      v->size = placer->site_size;
      _atlas_label_text_measure (&placer->text, v->text, TRUE, v->size, &v->width, &v->height);
    }
  return v;
}

/* Every symbol in view is something names keep off, whether or not it gets a name; with the
 * room a caller keeps around it. */
static void
add_symbol (LabelSites     *self,
            const SiteTask *task)
{
  AtlasLabelItem item = { ATLAS_LABEL_SITE_SYMBOL, 0, NULL, task->site, task->site->name, 0, };
  double x = task->x, y = task->y, half = task->symbol_half;

  item.box = (AtlasLabelBox) { x - half, y - half, 2 * half, 2 * half };
  _atlas_label_placer_take (self->placer, &item);
  half = task->half;
  if (half > task->symbol_half)
    _atlas_label_space_add_symbol (&self->placer->space, x - half, y - half, x + half, y + half);
}

static void
beside_box (const SiteTask     *task,
            const LabelVariant *v,
            double              placer_gap,
            guint               gap,
            guint               k,
            double             *x0,
            double             *y0)
{
  /* Never closer than names keep to anything else, so that the symbol does not block it. */
  double g = MAX (gaps[gap] * v->size, placer_gap + 0.5);

  *x0 = task->x + beside[k].sx * task->half + beside[k].gx * g + beside[k].bx * v->width;
  *y0 = task->y + beside[k].sy * task->half + beside[k].gy * g + beside[k].by * v->height;
}

/* The places beside the symbol free for the variant. */
static guint
count_beside (LabelPlacer        *placer,
              const SiteTask     *task,
              const LabelVariant *v)
{
  guint n = 0;

  for (guint g = 0; g < G_N_ELEMENTS (gaps); g++)
    for (guint k = 0; k < G_N_ELEMENTS (beside); k++)
      {
        double x0, y0;

        beside_box (task, v, placer->gap, g, k, &x0, &y0);
        n += _atlas_label_placer_on_surface (placer, x0, y0, x0 + v->width, y0 + v->height)
             && _atlas_label_placer_is_free (placer, x0, y0, x0 + v->width, y0 + v->height);
      }
  return n;
}

/* A name nearer another symbol than this (in its type size) could be read as that one's. */
#define AMBIGUOUS 1.2

static gboolean
is_ambiguous (LabelPlacer    *placer,
              const SiteTask *task,
              double          x0,
              double          y0,
              double          x1,
              double          y1)
{
  double d = AMBIGUOUS * placer->site_size;

  return _atlas_label_space_meets_other_symbol (&placer->space, x0 - d, y0 - d, x1 + d, y1 + d,
                                                task->x, task->y);
}

static gboolean
try_beside (LabelPlacer        *placer,
            const SiteTask     *task,
            const LabelVariant *v,
            AtlasLabelItem     *item)
{
  for (guint g = 0; g < G_N_ELEMENTS (gaps); g++)
    for (guint k = 0; k < G_N_ELEMENTS (beside); k++)
      {
        double x0, y0, x1, y1;

        beside_box (task, v, placer->gap, g, k, &x0, &y0);
        x1 = x0 + v->width;
        y1 = y0 + v->height;

        if (_atlas_label_placer_on_surface (placer, x0, y0, x1, y1)
            && _atlas_label_placer_is_free (placer, x0, y0, x1, y1)
            && !is_ambiguous (placer, task, x0, y0, x1, y1))
          {
            item->box = (AtlasLabelBox) { x0, y0, v->width, v->height };
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
place_site (LabelPlacer *placer,
            SiteTask    *task,
            gboolean     beside_symbol,
            gboolean     callout)
{
  AtlasLabelItem item = { ATLAS_LABEL_SITE, task->flags, NULL, task->site, NULL, 0, };
  LabelTarget target = { task->x, task->y, task->half + 2 * placer->gap, task->half + 1, NULL,
                         SITE_REACH * MIN (placer->view->width, placer->view->height) };

  for (guint i = 0; i < task->n_variants; i++)
    {
      const LabelVariant *v;

      /* The name is at least this big on one line, and on two at least about half as wide
       * and twice as high: no room for that, no need to measure it. */
      if (!callout)
        {
          LabelVariant least = task->least;

          least.width *= i == 0 ? 1 : 0.4;
          least.height *= i == 0 ? 1 : 2;
          if (count_beside (placer, task, &least) == 0)
            continue;
        }
      v = get_variant (placer, task, i);

      if ((beside_symbol && try_beside (placer, task, v, &item))
          || (callout && _atlas_label_place_callout (placer, &target, v, &item)))
        {
          item.text = v->text;
          item.font_size = v->size;
          _atlas_label_placer_take (placer, &item);
          return task->placed = TRUE;
        }
    }
  return FALSE;
}

/* Acute hospitals and the selection's sites are named whatever it takes. */
static gboolean
is_wanted (const SiteTask *task)
{
  return task->acute || (task->flags & ATLAS_LABEL_SELECTED);
}

static int
compare_by_freedom (gconstpointer a,
                    gconstpointer b)
{
  const SiteTask *ta = *(SiteTask * const *) a, *tb = *(SiteTask * const *) b;

  if (ta->freedom != tb->freedom)
    return ta->freedom < tb->freedom ? -1 : 1;
  return (ta->site->index > tb->site->index) - (ta->site->index < tb->site->index);
}

static int
compare_centres (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const AtlasLabelBox *boxes = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  double xa = boxes[ia].x + boxes[ia].width / 2, xb = boxes[ib].x + boxes[ib].width / 2;

  if (xa != xb)
    return xa < xb ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

/* A caller may keep names off a square around each symbol (the map widget does, from before
 * names knew the symbols). Such a box is the symbol's room: it keeps names off as the symbol
 * does, and a leader ends at its edge, instead of being an obstacle no name of that site can
 * reach past. */
static void
absorb_symbol_boxes (LabelPlacer *placer,
                     GArray      *tasks)
{
  const AtlasLabelBox *boxes = placer->obstacles;
  g_autofree guint *order = g_new (guint, MAX (placer->n_obstacles, 1));
  guint n = placer->n_obstacles;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_centres, (gpointer) boxes);
  for (guint t = 0; t < tasks->len; t++)
    {
      SiteTask *task = &g_array_index (tasks, SiteTask, t);
      guint lo = 0, hi = n;

      /* The first box whose centre is not left of the symbol's, less half a unit. */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          const AtlasLabelBox *b = &boxes[order[mid]];

          if (b->x + b->width / 2 < task->x - 0.5)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint k = lo; k < n; k++)
        {
          const AtlasLabelBox *b = &boxes[order[k]];

          if (b->x + b->width / 2 > task->x + 0.5)
            break;
          if (fabs (b->y + b->height / 2 - task->y) <= 0.5 && fabs (b->width - b->height) <= 0.5
              && b->width / 2 >= task->half)
            {
              task->half = b->width / 2;
              placer->absorbed[order[k]] = TRUE;
            }
        }
    }
}

LabelSites *
_atlas_label_sites_new (LabelPlacer *placer)
{
  const AtlasCartographyOptions *options = placer->options;
  LabelSites *self = g_new0 (LabelSites, 1);
  const AtlasSite *sites;
  guint n = 0;

  self->placer = placer;
  self->tasks = g_array_new (FALSE, TRUE, sizeof (SiteTask));
  g_array_set_clear_func (self->tasks, (GDestroyNotify) site_task_clear);
  if (!options->sites)
    return self;

  sites = atlas_dataset_get_sites (placer->dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasSite *s = &sites[i];
      SiteTask task = { s, 0, };
      double wx, wy, size, alpha;

      gboolean on_surface;

      atlas_project (s->lon, s->lat, &wx, &wy);
      atlas_view_world_to_surface (placer->view, wx, wy, &task.x, &task.y);
      atlas_cartography_site_style (s, options, &size, &alpha);
      /* The diamond reaches further than the square; the edge is half outside the symbol (its
       * width grows with the symbol, see atlas_cartography_draw_site_symbol). */
      task.half = size / 2 * (s->kind == ATLAS_SITE_OTHER ? 1.2 : 1.0) + size * 0.75 / 11.0;
      if (task.x < -task.half || task.y < -task.half || task.x > placer->view->width + task.half
          || task.y > placer->view->height + task.half)
        continue;
      task.symbol_half = task.half;
      /* A symbol cut by the edge keeps names off, but is not named. */
      on_surface = task.x >= 0 && task.y >= 0 && task.x <= placer->view->width
                   && task.y <= placer->view->height;
      task.named = options->site_labels && on_surface;
      if (!task.named)
        {
          g_array_append_val (self->tasks, task);
          continue;
        }

      task.acute = s->kind == ATLAS_SITE_ACUTE;
      if ((options->trust != NULL && s->trust == options->trust) || s == options->site)
        task.flags |= ATLAS_LABEL_SELECTED;
      else if (options->trust != NULL)
        task.flags |= ATLAS_LABEL_FADED;
      task.name = _atlas_label_text_clean (s->name);
      estimate_site (placer, &task);
      g_array_append_val (self->tasks, task);
    }
  absorb_symbol_boxes (placer, self->tasks);
  return self;
}

void
_atlas_label_sites_start (LabelSites *self)
{
  for (guint i = 0; i < self->tasks->len; i++)
    {
      SiteTask *task = &g_array_index (self->tasks, SiteTask, i);

      task->placed = !task->named;
      add_symbol (self, task);
    }
}

void
_atlas_label_sites_free (LabelSites *self)
{
  g_array_unref (self->tasks);
  g_free (self);
}

void
_atlas_label_sites_place_selected (LabelSites *self)
{
  for (guint i = 0; i < self->tasks->len; i++)
    {
      SiteTask *task = &g_array_index (self->tasks, SiteTask, i);

      if (!task->placed && ((task->flags & ATLAS_LABEL_SELECTED) || task->promoted)
          && !place_site (self->placer, task, TRUE, FALSE))
        place_site (self->placer, task, FALSE, TRUE);
    }
}

guint
_atlas_label_sites_promote_dropped (LabelSites *self)
{
  guint n = 0;

  for (guint i = 0; i < self->tasks->len; i++)
    {
      SiteTask *task = &g_array_index (self->tasks, SiteTask, i);

      if (!task->placed && is_wanted (task) && !task->promoted)
        task->promoted = TRUE, n++;
    }
  return n;
}

void
_atlas_label_sites_place_beside (LabelSites *self,
                                 gboolean    acute)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  /* The sites with the fewest free places beside them choose first. */
  for (guint i = 0; i < self->tasks->len; i++)
    {
      SiteTask *task = &g_array_index (self->tasks, SiteTask, i);

      if (task->placed || task->acute != acute)
        continue;
      /* No room for even the smallest box its name could have: not measured, and last. */
      task->freedom = count_beside (self->placer, task, &task->least);
      if (task->freedom > 0)
        task->freedom = count_beside (self->placer, task, get_variant (self->placer, task, 0));
      g_ptr_array_add (order, task);
    }
  g_ptr_array_sort (order, compare_by_freedom);
  for (guint i = 0; i < order->len; i++)
    place_site (self->placer, order->pdata[i], TRUE, FALSE);
}

void
_atlas_label_sites_place_callouts (LabelSites *self)
{
  guint tried = 0, placed = 0;

  for (guint i = 0; i < self->tasks->len; i++)
    {
      SiteTask *task = &g_array_index (self->tasks, SiteTask, i);

      if (task->placed || !task->acute)
        continue;
      if (tried >= SATURATED * 4 && placed * SATURATED < tried)
        break;
      tried++;
      placed += place_site (self->placer, task, FALSE, TRUE);
    }
}

guint
_atlas_label_sites_drop_rest (LabelSites *self)
{
  guint missing = 0;

  for (guint i = 0; i < self->tasks->len; i++)
    {
      SiteTask *task = &g_array_index (self->tasks, SiteTask, i);
      AtlasLabelItem item = { ATLAS_LABEL_SITE, task->flags, NULL, task->site, NULL, 0, };

      if (task->placed)
        continue;
      item.text = g_string_chunk_insert_const (self->placer->layout->texts, task->name);
      item.font_size = self->placer->site_size;
      g_array_append_val (self->placer->layout->dropped, item);
      missing += is_wanted (task);
    }
  return missing;
}
