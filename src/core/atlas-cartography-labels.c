/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-cartography-private.h"

#include <math.h>
#include <pango/pangocairo.h>

#define LABEL_FONT    "Sans Bold 10"
#define POINT_FONT    "Sans 9"

typedef struct {
  const AtlasDistrict *district;
  double area;
} LabelCandidate;

typedef struct {
  double x0, y0, x1, y1;
} Rect;

static double
shape_projected_area (const AtlasShape *shape)
{
  double area = 0.0;

  for (guint r = 0; r < shape->n_rings; r++)
    {
      guint start = shape->ring_start[r];
      guint n = shape->ring_start[r + 1] - start;
      gboolean outer = FALSE;

      for (guint p = 0; p < shape->n_polygons; p++)
        outer |= shape->polygon_start[p] == r;
      area += (outer ? 1 : -1) * fabs (atlas_ring_signed_area (shape->projected + start, n));
    }
  return area;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const LabelCandidate *ca = a;
  const LabelCandidate *cb = b;

  return (ca->area < cb->area) - (ca->area > cb->area);
}

static gboolean
rect_overlaps_any (const Rect *rect,
                   GArray     *placed)
{
  for (guint i = 0; i < placed->len; i++)
    {
      const Rect *o = &g_array_index (placed, Rect, i);

      if (rect->x0 < o->x1 && o->x0 < rect->x1 && rect->y0 < o->y1 && o->y0 < rect->y1)
        return TRUE;
    }
  return FALSE;
}

/* Site symbols are drawn over the names: keep names off them. */
static void
add_site_obstacles (const AtlasView *view,
                    AtlasDataset    *dataset,
                    GArray          *placed)
{
  const AtlasSite *sites;
  guint n;

  sites = atlas_dataset_get_sites (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      double wx, wy, x, y;
      Rect r;

      atlas_project (sites[i].lon, sites[i].lat, &wx, &wy);
      atlas_view_world_to_surface (view, wx, wy, &x, &y);
      r = (Rect) { x - 6, y - 6, x + 6, y + 6 };
      g_array_append_val (placed, r);
    }
}

/* Tries the label point, then just above and below it; the name's centre must stay inside the
 * district and its box clear of names and symbols already placed. */
static gboolean
place_label (const AtlasView  *view,
             const AtlasShape *shape,
             GArray           *placed,
             int               tw,
             int               th,
             double           *lx,
             double           *ly)
{
  /* Multiples of the name's height (vertical) and width (horizontal). */
  static const struct { double dx, dy; } shifts[] = {
    { 0.0, 0.0 }, { 0.0, -0.9 }, { 0.0, 0.9 }, { 0.0, -1.6 }, { 0.0, 1.6 },
    { -0.55, 0.0 }, { 0.55, 0.0 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (shifts); k++)
    {
      double x = *lx + shifts[k].dx * tw, y = *ly + shifts[k].dy * th, wx, wy, lon, lat;
      Rect rect = { x - tw / 2.0 - 2, y - th / 2.0 - 1, x + tw / 2.0 + 2, y + th / 2.0 + 1 };

      /* A name cut by the edge reads as a different name. */
      if (rect.x0 < 0 || rect.y0 < 0 || rect.x1 > view->width || rect.y1 > view->height)
        continue;
      atlas_view_surface_to_world (view, x, y, &wx, &wy);
      atlas_unproject (wx, wy, &lon, &lat);
      if (k > 0 && !atlas_shape_contains (shape, lon, lat))
        continue;
      if (rect_overlaps_any (&rect, placed))
        continue;
      g_array_append_val (placed, rect);
      *lx = x;
      *ly = y;
      return TRUE;
    }
  return FALSE;
}

static void
draw_label (cairo_t                       *cr,
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

/* The names of a planner's lone points (the candidates of atlas-cartography-points.c), to the
 * right of their symbol, else left, above or below, where they are clear of everything
 * placed before them; else left out. */
static void
place_point_names (cairo_t                       *cr,
                   const AtlasView               *view,
                   const AtlasCartographyOptions *options,
                   GArray                        *placed,
                   const AtlasCartographyPalette *palette)
{
  g_autoptr(GArray) candidates = _atlas_cartography_points_label_candidates (view, options);
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
            Rect rect = { xs[k] - 1, ys[k], xs[k] + tw + 1, ys[k] + th };

            if (rect.x0 < 0 || rect.y0 < 0 || rect.x1 > view->width || rect.y1 > view->height
                || rect_overlaps_any (&rect, placed))
              continue;
            g_array_append_val (placed, rect);
            draw_label (cr, layout, xs[k], ys[k], palette);
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
  const AtlasCartographyPalette *palette;
  const AtlasDistrict *districts;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (LabelCandidate));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Rect));
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  guint n = 0;

  g_return_if_fail (cr != NULL && view != NULL && options != NULL);
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  palette = atlas_cartography_get_palette (options->theme);
  districts = atlas_dataset_get_districts (dataset, &n);

  for (guint i = 0; i < n; i++)
    {
      LabelCandidate c = { &districts[i], 0.0 };

      if (districts[i].shape == NULL
          || !_atlas_cartography_shape_visible (districts[i].shape, view, 0.0))
        continue;
      c.area = shape_projected_area (districts[i].shape);
      g_array_append_val (candidates, c);
    }
  /* Greedy: the largest districts claim their place first. */
  g_array_sort (candidates, compare_candidates);
  if (options->sites)
    add_site_obstacles (view, dataset, placed);
  _atlas_cartography_points_add_obstacles (view, options, placed);
  for (guint i = 0; i < n_boxes; i++)
    {
      Rect r = { boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3] };
      g_array_append_val (placed, r);
    }

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (LABEL_FONT);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  for (guint i = 0; i < candidates->len; i++)
    {
      const AtlasDistrict *d = g_array_index (candidates, LabelCandidate, i).district;
      const AtlasBBox *pb = &d->shape->projected_bbox;
      double wx, wy, lx, ly, box_w, box_h;
      int tw, th;

      pango_layout_set_text (layout, d->name, -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      box_w = (pb->max_x - pb->min_x) * view->scale;
      box_h = (pb->max_y - pb->min_y) * view->scale;
      if (tw > box_w * 0.9 || th > box_h * 0.9)
        continue;

      atlas_project (d->shape->label_point.x, d->shape->label_point.y, &wx, &wy);
      atlas_view_world_to_surface (view, wx, wy, &lx, &ly);
      if (!place_label (view, d->shape, placed, tw, th, &lx, &ly))
        continue;
      draw_label (cr, layout, lx - tw / 2.0, ly - th / 2.0, palette);
    }
  place_point_names (cr, view, options, placed, palette);
}
