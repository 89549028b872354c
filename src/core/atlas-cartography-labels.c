/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-cartography-private.h"

#include "atlas-label-layout.h"

#include <math.h>
#include <pango/pangocairo.h>

#define POINT_FONT "Sans 9"

static gboolean
overlaps (const AtlasLabelBox *a,
          const AtlasLabelBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
overlaps_any (const AtlasLabelBox *box,
              GArray              *taken)
{
  for (guint i = 0; i < taken->len; i++)
    if (overlaps (box, &g_array_index (taken, AtlasLabelBox, i)))
      return TRUE;
  return FALSE;
}

static void
draw_point_name (cairo_t                       *cr,
                 PangoLayout                   *layout,
                 double                         x,
                 double                         y,
                 const AtlasCartographyPalette *palette)
{
  cairo_save (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  _atlas_cartography_set_source_rgba (cr, palette->halo, 0.9);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  _atlas_cartography_set_source_rgb (cr, palette->text);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* A planner's lone points are named after the districts and sites, beside their symbols (right,
 * left, above, below), clear of every name, symbol and obstacle already there. */
static void
place_point_names (cairo_t                       *cr,
                   const AtlasView               *view,
                   const AtlasCartographyOptions *options,
                   GArray                        *taken)
{
  g_autoptr(GArray) candidates = _atlas_cartography_points_label_candidates (view, options);
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->theme);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;

  if (candidates->len == 0)
    return;
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (POINT_FONT);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  for (guint i = 0; i < candidates->len; i++)
    {
      const AtlasPointLabel *c = &g_array_index (candidates, AtlasPointLabel, i);
      double gap = c->radius + 3;
      int tw, th;

      pango_layout_set_text (layout, c->text, -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      {
        double xs[] = { c->x + gap, c->x - gap - tw, c->x - tw / 2.0, c->x - tw / 2.0 };
        double ys[] = { c->y - th / 2.0, c->y - th / 2.0, c->y - gap - th, c->y + gap };

        for (guint k = 0; k < G_N_ELEMENTS (xs); k++)
          {
            AtlasLabelBox box = { xs[k] - 1, ys[k], tw + 2, th };

            if (box.x < 0 || box.y < 0 || box.x + box.width > view->width
                || box.y + box.height > view->height || overlaps_any (&box, taken))
              continue;
            g_array_append_val (taken, box);
            draw_point_name (cr, layout, xs[k], ys[k], palette);
            break;
          }
      }
    }
}

void
atlas_cartography_draw_labels (cairo_t                       *cr,
                               const AtlasView               *view,
                               AtlasDataset                  *dataset,
                               const AtlasCartographyOptions *options)
{
  atlas_cartography_draw_labels_avoiding (cr, view, dataset, options, NULL, 0);
}

void
atlas_cartography_draw_labels_avoiding (cairo_t                       *cr,
                                        const AtlasView               *view,
                                        AtlasDataset                  *dataset,
                                        const AtlasCartographyOptions *options,
                                        const double                  *boxes,
                                        guint                          n_boxes)
{
  g_autoptr(AtlasLabelLayout) layout = NULL;
  g_autoptr(GArray) corners = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  const AtlasLabelItem *items;
  guint n_items;

  g_return_if_fail (cr != NULL && view != NULL && options != NULL);
  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (boxes != NULL || n_boxes == 0);

  /* What covers the map, then the symbols of a planner's sparse point layers. */
  if (n_boxes > 0)
    g_array_append_vals (corners, boxes, 4 * n_boxes);
  _atlas_cartography_points_add_obstacles (view, options, corners);
  for (guint i = 0; i + 3 < corners->len; i += 4)
    {
      const double *b = &g_array_index (corners, double, i);
      AtlasLabelBox box = { MIN (b[0], b[2]), MIN (b[1], b[3]), fabs (b[2] - b[0]),
                            fabs (b[3] - b[1]) };

      g_array_append_val (taken, box);
    }
  layout = atlas_label_layout_new (view, dataset, options, (AtlasLabelBox *) taken->data,
                                   taken->len);
  atlas_label_layout_draw (layout, cr);

  /* The points' names keep off everything the layout placed as well. */
  items = atlas_label_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    g_array_append_val (taken, items[i].box);
  place_point_names (cr, view, options, taken);
}
