/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-label-layout-private.h"

#include <math.h>
#include <string.h>

/* Between a name and anything else, in the district type size. */
#define GAP_FACTOR   0.18
/* Names keep this far (surface units) from the surface's edges. */
#define EDGE         2.0
/* Rounds of placement at most, and names left out at most for another round to be tried. */
#define MAX_ROUNDS   3
#define MAX_PROMOTED 12

/* The steps, each on what the ones before left: the selection's names (and those promoted by
 * an earlier round) by any means; names inside districts; acute hospitals beside their symbols,
 * then in callouts (a site's leader must end at its symbol, a district's may end anywhere in
 * it); the other districts in callouts; the other hospitals beside their symbols. Returns how
 * many names that must be shown found no place. */
static guint
place_round (LabelPlacer    *placer,
             LabelDistricts *districts,
             LabelSites     *sites)
{
  _atlas_label_placer_start (placer);
  _atlas_label_districts_start (districts);
  _atlas_label_sites_start (sites);
  _atlas_label_districts_place_selected (districts);
  _atlas_label_sites_place_selected (sites);
  _atlas_label_districts_place_inside (districts);
  _atlas_label_sites_place_beside (sites, TRUE);
  _atlas_label_sites_place_callouts (sites);
  _atlas_label_districts_place_callouts (districts);
  _atlas_label_sites_place_beside (sites, FALSE);
  return _atlas_label_districts_drop_rest (districts) + _atlas_label_sites_drop_rest (sites);
}

/* Greedy placement can paint itself into a corner: a tiny district between two hospitals
 * whose names took the room around it. When names that must be shown are left out, they go
 * first in another round, and the round that leaves out fewest is kept. */
static void
place_all (LabelPlacer *placer)
{
  g_autoptr(GArray) best_items = NULL;
  g_autoptr(GArray) best_dropped = NULL;
  LabelSites *sites = _atlas_label_sites_new (placer);
  LabelDistricts *districts = _atlas_label_districts_new (placer);
  guint best = G_MAXUINT;

  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      guint missing = place_round (placer, districts, sites);

      if (missing < best)
        {
          best = missing;
          g_clear_pointer (&best_items, g_array_unref);
          g_clear_pointer (&best_dropped, g_array_unref);
          best_items = g_array_copy (placer->layout->items);
          best_dropped = g_array_copy (placer->layout->dropped);
        }
      if (missing == 0 || missing > MAX_PROMOTED
          || _atlas_label_districts_promote_dropped (districts)
             + _atlas_label_sites_promote_dropped (sites) == 0)
        break;
    }
  g_array_set_size (placer->layout->items, 0);
  g_array_set_size (placer->layout->dropped, 0);
  g_array_append_vals (placer->layout->items, best_items->data, best_items->len);
  g_array_append_vals (placer->layout->dropped, best_dropped->data, best_dropped->len);
  _atlas_label_districts_free (districts);
  _atlas_label_sites_free (sites);
}

int
_atlas_label_compare_doubles (const double *a,
                              const double *b)
{
  return (*a > *b) - (*a < *b);
}

gboolean
_atlas_label_placer_on_surface (const LabelPlacer *placer,
                                double             x0,
                                double             y0,
                                double             x1,
                                double             y1)
{
  return x0 >= EDGE && y0 >= EDGE && x1 <= placer->view->width - EDGE
         && y1 <= placer->view->height - EDGE;
}

gboolean
_atlas_label_placer_is_free (const LabelPlacer *placer,
                             double             x0,
                             double             y0,
                             double             x1,
                             double             y1)
{
  double g = placer->gap;

  return _atlas_label_space_box_is_free (&placer->space, x0 - g, y0 - g, x1 + g, y1 + g);
}

void
_atlas_label_placer_start (LabelPlacer *placer)
{
  g_array_set_size (placer->layout->items, 0);
  g_array_set_size (placer->layout->dropped, 0);
  _atlas_label_space_clear (&placer->space);
  _atlas_label_space_init (&placer->space, placer->view->width, placer->view->height);
  for (guint i = 0; i < placer->n_obstacles; i++)
    {
      const AtlasLabelBox *o = &placer->obstacles[i];

      if (placer->absorbed[i])
        continue;
      _atlas_label_space_add_box (&placer->space, o->x, o->y, o->x + o->width, o->y + o->height);
    }
}

void
_atlas_label_placer_take (LabelPlacer          *placer,
                          const AtlasLabelItem *item)
{
  AtlasLabelItem copy = *item;
  const AtlasLabelBox *b = &item->box;

  if (item->text != NULL)
    copy.text = g_string_chunk_insert_const (placer->layout->texts, item->text);
  g_array_append_val (placer->layout->items, copy);
  if (item->kind == ATLAS_LABEL_SITE_SYMBOL)
    _atlas_label_space_add_symbol (&placer->space, b->x, b->y, b->x + b->width,
                                   b->y + b->height);
  else
    _atlas_label_space_add_box (&placer->space, b->x, b->y, b->x + b->width, b->y + b->height);
  if (item->has_leader)
    _atlas_label_space_add_segment (&placer->space, item->leader_x0, item->leader_y0,
                                    item->leader_x1, item->leader_y1);
}

AtlasLabelLayout *
atlas_label_layout_new (const AtlasView               *view,
                        AtlasDataset                  *dataset,
                        const AtlasCartographyOptions *options,
                        const AtlasLabelBox           *obstacles,
                        guint                          n_obstacles)
{
  AtlasLabelLayout *layout;
  LabelPlacer placer = { 0, };

  g_return_val_if_fail (view != NULL && options != NULL, NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (obstacles != NULL || n_obstacles == 0, NULL);

  layout = g_new0 (AtlasLabelLayout, 1);
  layout->view = *view;
  layout->theme = options->theme;
  layout->dataset = g_object_ref (dataset);
  layout->items = g_array_new (FALSE, FALSE, sizeof (AtlasLabelItem));
  layout->dropped = g_array_new (FALSE, FALSE, sizeof (AtlasLabelItem));
  layout->texts = g_string_chunk_new (256);

  placer.view = &layout->view;
  placer.dataset = dataset;
  placer.options = options;
  placer.layout = layout;
  placer.district_size = options->label_size > 0 ? options->label_size
                                                 : ATLAS_LABEL_DEFAULT_SIZE;
  placer.site_size = options->site_label_size > 0 ? options->site_label_size
                                                  : placer.district_size * ATLAS_LABEL_SITE_FACTOR;
  placer.gap = placer.district_size * GAP_FACTOR;
  placer.centre_x = view->width / 2;
  placer.centre_y = view->height / 2;
  placer.scratch = g_array_new (FALSE, FALSE, sizeof (double));
  placer.obstacles = obstacles;
  placer.n_obstacles = n_obstacles;
  placer.absorbed = g_new0 (gboolean, MAX (n_obstacles, 1));
  _atlas_label_text_init (&placer.text);

  if (view->width > 0 && view->height > 0 && view->scale > 0)
    place_all (&placer);

  _atlas_label_text_clear (&placer.text);
  _atlas_label_space_clear (&placer.space);
  g_array_unref (placer.scratch);
  g_free (placer.absorbed);
  return layout;
}

void
atlas_label_layout_free (AtlasLabelLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_object (&layout->dataset);
  g_array_unref (layout->items);
  g_array_unref (layout->dropped);
  g_string_chunk_free (layout->texts);
  g_free (layout);
}

const AtlasLabelItem *
atlas_label_layout_get_items (const AtlasLabelLayout *layout,
                              guint                  *n_items)
{
  g_return_val_if_fail (layout != NULL && n_items != NULL, NULL);

  *n_items = layout->items->len;
  return (const AtlasLabelItem *) layout->items->data;
}

const AtlasLabelItem *
atlas_label_layout_get_dropped (const AtlasLabelLayout *layout,
                                guint                  *n_items)
{
  g_return_val_if_fail (layout != NULL && n_items != NULL, NULL);

  *n_items = layout->dropped->len;
  return (const AtlasLabelItem *) layout->dropped->data;
}

void
atlas_label_layout_draw (const AtlasLabelLayout *layout,
                         cairo_t                *cr)
{
  LabelText text;

  g_return_if_fail (layout != NULL && cr != NULL);

  _atlas_label_text_init (&text);
  _atlas_label_text_draw_items (&text, cr, layout);
  _atlas_label_text_clear (&text);
}

const char *
atlas_label_kind_to_string (AtlasLabelKind kind)
{
  switch (kind)
    {
    case ATLAS_LABEL_DISTRICT:
      return "label";
    case ATLAS_LABEL_DISTRICT_CALLOUT:
      return "callout-label";
    case ATLAS_LABEL_SITE:
      return "site-label";
    case ATLAS_LABEL_SITE_SYMBOL:
      return "site";
    default:
      return "unknown";
    }
}

void
atlas_label_layout_append_report (const AtlasLabelLayout *layout,
                                  const cairo_matrix_t   *to_output,
                                  GString                *report)
{
  cairo_matrix_t identity;

  g_return_if_fail (layout != NULL && report != NULL);

  cairo_matrix_init_identity (&identity);
  if (to_output == NULL)
    to_output = &identity;
  for (guint i = 0; i < layout->items->len; i++)
    {
      const AtlasLabelItem *item = &g_array_index (layout->items, AtlasLabelItem, i);
      const AtlasLabelBox *b = &item->box;
      double xs[4] = { b->x, b->x + b->width, b->x, b->x + b->width };
      double ys[4] = { b->y, b->y, b->y + b->height, b->y + b->height };
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
      long ix, iy;

      for (int k = 0; k < 4; k++)
        {
          cairo_matrix_transform_point (to_output, &xs[k], &ys[k]);
          x0 = MIN (x0, xs[k]), y0 = MIN (y0, ys[k]);
          x1 = MAX (x1, xs[k]), y1 = MAX (y1, ys[k]);
        }
      ix = lround (x0);
      iy = lround (y0);
      g_string_append_printf (report, "%s\t", atlas_label_kind_to_string (item->kind));
      for (const char *p = item->text; p != NULL && *p != '\0'; p++)
        g_string_append_c (report, *p == '\n' || *p == '\t' ? ' ' : *p);
      g_string_append_printf (report, "\t%ld\t%ld\t%ld\t%ld\n", ix, iy, lround (x1) - ix,
                              lround (y1) - iy);
    }
}
