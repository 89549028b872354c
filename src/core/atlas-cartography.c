/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-cartography.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#define SELECTED_TINT 0.45
#define HOVERED_TINT  0.22
#define DIMMED_MIX    0.70
#define LABEL_FONT    "Sans Bold 10"

static const AtlasCartographyPalette palettes[] = {
  [ATLAS_THEME_LIGHT] = {
    .background = 0xf6f5f4, .no_data = 0xd5d3cf, .border = 0xffffff, .text = 0x1f1f1f,
    .halo = 0xffffff, .muted_text = 0x5e5c64, .outline = 0x1f1f1f, .site = 0x241f31,
    .border_width = 1.2,
  },
  [ATLAS_THEME_DARK] = {
    .background = 0x242424, .no_data = 0x4a4a4a, .border = 0x1e1e1e, .text = 0xf6f5f4,
    .halo = 0x1e1e1e, .muted_text = 0xc0bfbc, .outline = 0xffffff, .site = 0xf6f5f4,
    .border_width = 1.2,
  },
  [ATLAS_THEME_HIGH_CONTRAST] = {
    .background = 0xffffff, .no_data = 0xbdbdbd, .border = 0x000000, .text = 0x000000,
    .halo = 0xffffff, .muted_text = 0x000000, .outline = 0x000000, .site = 0x000000,
    .border_width = 2.0,
  },
};

/* ColorBrewer YlGnBu: sequential, colour-blind safe and readable in greyscale print. */
static const guint32 sequential_ramp[ATLAS_CARTOGRAPHY_MAX_CLASSES] = {
  0xffffcc, 0xa1dab4, 0x41b6c4, 0x2c7fb8, 0x253494,
};

typedef struct {
  const AtlasDistrict *district;
  double area;
} LabelCandidate;

typedef struct {
  double x0, y0, x1, y1;
} Rect;

static void
set_source_rgb (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
set_source_rgba (cairo_t *cr,
                 guint32  rgb,
                 double   alpha)
{
  cairo_set_source_rgba (cr,
                         ((rgb >> 16) & 0xff) / 255.0,
                         ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0,
                         alpha);
}

static guint32
mix_colour (guint32 a,
            guint32 b,
            double  t)
{
  guint32 out = 0;

  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double ca = (a >> shift) & 0xff;
      double cb = (b >> shift) & 0xff;
      guint32 c = (guint32) CLAMP (lround (ca + (cb - ca) * t), 0, 255);

      out |= c << shift;
    }
  return out;
}

static AtlasTheme
clamp_theme (AtlasTheme theme)
{
  return theme <= ATLAS_THEME_HIGH_CONTRAST ? theme : ATLAS_THEME_LIGHT;
}

static gboolean
shape_visible (const AtlasShape *shape,
               const AtlasView  *view,
               double            margin)
{
  AtlasBBox world;

  world.min_x = view->origin_x - margin / view->scale;
  world.min_y = view->origin_y - margin / view->scale;
  world.max_x = view->origin_x + (view->width + margin) / view->scale;
  world.max_y = view->origin_y + (view->height + margin) / view->scale;
  return atlas_bbox_intersects (&shape->projected_bbox, &world);
}

static void
append_shape_path (cairo_t          *cr,
                   const AtlasView  *view,
                   const AtlasShape *shape)
{
  for (guint r = 0; r < shape->n_rings; r++)
    {
      guint start = shape->ring_start[r];
      guint end = shape->ring_start[r + 1];

      for (guint i = start; i < end; i++)
        {
          double x, y;

          atlas_view_world_to_surface (view, shape->projected[i].x, shape->projected[i].y,
                                       &x, &y);
          if (i == start)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
}

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

/* A thick line around the outside of a group of districts: the stroke is clipped to what lies
 * outside all of them, so it traces their union and leaves their shared borders alone. */
static void
stroke_union_outline (cairo_t                 *cr,
                      const AtlasView         *view,
                      const AtlasDistrict    **districts,
                      guint                    n_districts,
                      guint32                  colour,
                      double                   width)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, -width, -width, view->width + 2 * width, view->height + 2 * width);
  for (guint i = 0; i < n_districts; i++)
    append_shape_path (cr, view, districts[i]->shape);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);

  cairo_new_path (cr);
  for (guint i = 0; i < n_districts; i++)
    if (shape_visible (districts[i]->shape, view, width))
      append_shape_path (cr, view, districts[i]->shape);
  set_source_rgb (cr, colour);
  cairo_set_line_width (cr, 2 * width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
stroke_selected (cairo_t                       *cr,
                 const AtlasView               *view,
                 const AtlasDistrict           *district,
                 const AtlasCartographyPalette *palette)
{
  cairo_save (cr);
  cairo_new_path (cr);
  append_shape_path (cr, view, district->shape);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_source_rgb (cr, palette->halo);
  cairo_set_line_width (cr, 5.0);
  cairo_stroke_preserve (cr);
  set_source_rgb (cr, palette->outline);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const LabelCandidate *ca = a;
  const LabelCandidate *cb = b;

  return (ca->area < cb->area) - (ca->area > cb->area);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
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
  set_source_rgba (cr, palette->halo, 0.9);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  set_source_rgb (cr, palette->text);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
atlas_cartography_options_init (AtlasCartographyOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->theme = ATLAS_THEME_LIGHT;
  options->labels = TRUE;
  options->sites = TRUE;
  options->site_colour = -1;
}

const AtlasCartographyPalette *
atlas_cartography_get_palette (AtlasTheme theme)
{
  return &palettes[clamp_theme (theme)];
}

gboolean
atlas_cartography_partnership_has (const AtlasPartnership *partnership,
                                   const AtlasDistrict    *district)
{
  g_return_val_if_fail (partnership != NULL, FALSE);

  for (guint i = 0; i < partnership->n_districts; i++)
    if (partnership->districts[i] == district)
      return TRUE;
  return FALSE;
}

guint
atlas_cartography_indicator_classes (const AtlasIndicator  *indicator,
                                     AtlasCartographyClass *classes)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  g_autoptr(GArray) distinct = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  g_return_val_if_fail (indicator != NULL, 0);
  g_return_val_if_fail (classes != NULL, 0);

  for (guint i = 0; i < indicator->n_values; i++)
    {
      double v = indicator->values[i].value;
      gboolean seen = FALSE;

      for (guint j = 0; j < distinct->len && !seen; j++)
        seen = g_array_index (distinct, double, j) == v;
      if (!seen)
        g_array_append_val (distinct, v);
      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }

  g_array_sort (distinct, compare_doubles);
  n = MIN (distinct->len, ATLAS_CARTOGRAPHY_MAX_CLASSES);
  for (guint c = 0; c < n; c++)
    {
      /* Spread the ramp's ends over however many classes there are. */
      guint ramp = n == 1 ? ATLAS_CARTOGRAPHY_MAX_CLASSES / 2
                          : (c * (ATLAS_CARTOGRAPHY_MAX_CLASSES - 1) + (n - 1) / 2) / (n - 1);

      if (distinct->len <= ATLAS_CARTOGRAPHY_MAX_CLASSES)
        {
          /* Few figures: one class each, so the legend shows the figures themselves. */
          classes[c].lower = classes[c].upper = g_array_index (distinct, double, c);
        }
      else
        {
          classes[c].lower = lo + (hi - lo) * c / n;
          classes[c].upper = lo + (hi - lo) * (c + 1) / n;
        }
      classes[c].colour = sequential_ramp[ramp];
    }
  return n;
}

guint
atlas_cartography_indicator_class_of (const AtlasCartographyClass *classes,
                                      guint                        n_classes,
                                      double                       value)
{
  g_return_val_if_fail (n_classes > 0, 0);

  for (guint c = 0; c + 1 < n_classes; c++)
    if (value <= classes[c].upper)
      return c;
  return n_classes - 1;
}

guint32
atlas_cartography_district_fill (AtlasDataset                  *dataset,
                                 const AtlasDistrict           *district,
                                 const AtlasCartographyOptions *options)
{
  const AtlasCartographyPalette *palette;
  guint32 fill;

  g_return_val_if_fail (district != NULL, 0);
  g_return_val_if_fail (options != NULL, 0);

  palette = atlas_cartography_get_palette (options->theme);
  fill = palette->no_data;

  if (options->indicator != NULL)
    {
      AtlasCartographyClass classes[ATLAS_CARTOGRAPHY_MAX_CLASSES];
      guint n = atlas_cartography_indicator_classes (options->indicator, classes);

      for (guint i = 0; i < options->indicator->n_values && n > 0; i++)
        {
          const AtlasIndicatorValue *value = &options->indicator->values[i];

          for (guint j = 0; j < value->n_districts; j++)
            if (value->districts[j] == district)
              fill = classes[atlas_cartography_indicator_class_of (classes, n, value->value)].colour;
        }
    }
  else if (district->partnership != NULL && dataset != NULL)
    fill = atlas_dataset_get_partnership_colour (dataset, district->partnership);

  if (options->highlighted != NULL
      && !atlas_cartography_partnership_has (options->highlighted, district))
    fill = mix_colour (fill, palette->background, DIMMED_MIX);

  if (district == options->selected)
    fill = mix_colour (fill, 0xffffff, SELECTED_TINT);
  else if (district == options->hovered)
    fill = mix_colour (fill, 0xffffff, HOVERED_TINT);

  return fill;
}

void
atlas_cartography_draw_districts (cairo_t                       *cr,
                                  const AtlasView               *view,
                                  AtlasDataset                  *dataset,
                                  const AtlasCartographyOptions *options)
{
  const AtlasCartographyPalette *palette;
  const AtlasDistrict *districts;
  guint n = 0;

  g_return_if_fail (cr != NULL && view != NULL && options != NULL);
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  palette = atlas_cartography_get_palette (options->theme);
  districts = atlas_dataset_get_districts (dataset, &n);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, palette->border_width);

  for (guint i = 0; i < n; i++)
    {
      const AtlasDistrict *d = &districts[i];

      if (d->shape == NULL || !shape_visible (d->shape, view, 8.0))
        continue;
      cairo_new_path (cr);
      append_shape_path (cr, view, d->shape);
      set_source_rgb (cr, atlas_cartography_district_fill (dataset, d, options));
      cairo_fill_preserve (cr);
      set_source_rgb (cr, palette->border);
      cairo_stroke (cr);
    }

  if (options->highlighted != NULL && options->highlighted->n_districts > 0)
    stroke_union_outline (cr, view, options->highlighted->districts,
                          options->highlighted->n_districts, palette->outline,
                          options->highlighted->kind == ATLAS_PARTNERSHIP_THEMATIC ? 4.0 : 2.5);

  if (options->hovered != NULL && options->hovered != options->selected
      && options->hovered->shape != NULL)
    {
      cairo_new_path (cr);
      append_shape_path (cr, view, options->hovered->shape);
      set_source_rgba (cr, palette->outline, 0.6);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }

  if (options->selected != NULL && options->selected->shape != NULL)
    stroke_selected (cr, view, options->selected, palette);

  cairo_restore (cr);
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

      if (districts[i].shape == NULL || !shape_visible (districts[i].shape, view, 0.0))
        continue;
      c.area = shape_projected_area (districts[i].shape);
      g_array_append_val (candidates, c);
    }
  /* Greedy: the largest districts claim their place first. */
  g_array_sort (candidates, compare_candidates);
  if (options->sites)
    add_site_obstacles (view, dataset, placed);
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
}

void
atlas_cartography_draw_site_symbol (cairo_t       *cr,
                                    AtlasSiteKind  kind,
                                    double         x,
                                    double         y,
                                    double         size,
                                    AtlasTheme     theme)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (theme);
  double h = size / 2.0;

  cairo_save (cr);
  cairo_new_path (cr);
  switch (kind)
    {
    case ATLAS_SITE_ACUTE:
      cairo_rectangle (cr, x - h, y - h, size, size);
      break;
    case ATLAS_SITE_LOCAL:
      cairo_arc (cr, x, y, h, 0, 2 * G_PI);
      break;
    case ATLAS_SITE_OTHER:
    default:
      cairo_move_to (cr, x, y - h * 1.2);
      cairo_line_to (cr, x + h * 1.2, y);
      cairo_line_to (cr, x, y + h * 1.2);
      cairo_line_to (cr, x - h * 1.2, y);
      cairo_close_path (cr);
      break;
    }
  set_source_rgb (cr, palette->halo);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke_preserve (cr);
  set_source_rgb (cr, palette->site);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The on-screen symbols: a selected trust's or site's are this much bigger, others faded. */
#define SCREEN_PROMINENT_GROWTH 6.0
#define SCREEN_FADED_ALPHA 0.35

void
atlas_cartography_site_style (const AtlasSite               *site,
                              const AtlasCartographyOptions *options,
                              double                        *size,
                              double                        *alpha)
{
  gboolean screen = options->site_colour >= 0;
  gboolean prominent = (options->trust != NULL && site->trust == options->trust)
                       || (options->site != NULL && site == options->site);
  gboolean faded = options->trust != NULL && site->trust != options->trust;

  if (options->site_size > 0)
    *size = options->site_size;
  else
    *size = site->kind == ATLAS_SITE_ACUTE ? 8.0 : 7.0;
  if (prominent)
    *size = screen ? *size + SCREEN_PROMINENT_GROWTH : *size * 1.5;
  *alpha = faded ? (screen ? SCREEN_FADED_ALPHA : 0.4) : 1.0;
}

/* The map's look: a fill with a thin white edge over it. */
static void
draw_screen_symbol (cairo_t       *cr,
                    AtlasSiteKind  kind,
                    double         x,
                    double         y,
                    double         size,
                    guint32        colour)
{
  double h = size / 2.0;

  cairo_save (cr);
  cairo_new_path (cr);
  if (kind == ATLAS_SITE_ACUTE)
    cairo_rectangle (cr, x - h, y - h, size, size);
  else if (kind == ATLAS_SITE_LOCAL)
    cairo_arc (cr, x, y, h, 0, 2 * G_PI);
  else
    {
      cairo_move_to (cr, x, y - h);
      cairo_line_to (cr, x + h, y);
      cairo_line_to (cr, x, y + h);
      cairo_line_to (cr, x - h, y);
      cairo_close_path (cr);
    }
  set_source_rgb (cr, colour);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_one_site (cairo_t                       *cr,
               const AtlasSite               *s,
               double                         x,
               double                         y,
               double                         size,
               const AtlasCartographyOptions *options)
{
  if (options->site_colour >= 0)
    draw_screen_symbol (cr, s->kind, x, y, size, (guint32) options->site_colour);
  else
    atlas_cartography_draw_site_symbol (cr, s->kind, x, y, size, options->theme);
}

void
atlas_cartography_draw_sites (cairo_t                       *cr,
                              const AtlasView               *view,
                              AtlasDataset                  *dataset,
                              const AtlasCartographyOptions *options)
{
  const AtlasSite *sites;
  guint n = 0;

  g_return_if_fail (cr != NULL && view != NULL && options != NULL);
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  if (!options->sites)
    return;

  sites = atlas_dataset_get_sites (dataset, &n);
  /* Local sites first so that acute hospitals sit on top where they crowd; the prominent
   * ones last of all. */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < n; i++)
      {
        const AtlasSite *s = &sites[i];
        gboolean acute = s->kind == ATLAS_SITE_ACUTE;
        double wx, wy, x, y, size, alpha;
        int s_pass;

        atlas_cartography_site_style (s, options, &size, &alpha);
        s_pass = size > (options->site_size > 0 ? options->site_size : 8.0) ? 2 : acute ? 1 : 0;
        if (s_pass != pass)
          continue;
        atlas_project (s->lon, s->lat, &wx, &wy);
        atlas_view_world_to_surface (view, wx, wy, &x, &y);
        if (x < -size || y < -size || x > view->width + size || y > view->height + size)
          continue;

        if (alpha < 1.0)
          {
            cairo_push_group (cr);
            draw_one_site (cr, s, x, y, size, options);
            cairo_pop_group_to_source (cr);
            cairo_paint_with_alpha (cr, alpha);
          }
        else
          draw_one_site (cr, s, x, y, size, options);
      }
}
