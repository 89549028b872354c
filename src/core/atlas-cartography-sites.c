/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-cartography-private.h"

/* A selected trust's or site's symbols are this much bigger (in the symbol's units), and the
 * others of a selected trust faded to this opacity. */
#define PROMINENT_GROWTH 6.0
#define FADED_ALPHA 0.35
#define DEFAULT_SIZE 11.0

/* The one look of a site's symbol, on screen, in the legend and in every output: a fill in the
 * palette's site colour with a thin edge over it. */
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
  _atlas_cartography_set_source_rgb (cr, palette->site);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, size * 1.5 / DEFAULT_SIZE);
  _atlas_cartography_set_source_rgb (cr, palette->site_edge);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
atlas_cartography_site_style (const AtlasSite               *site,
                              const AtlasCartographyOptions *options,
                              double                        *size,
                              double                        *alpha)
{
  gboolean prominent = (options->trust != NULL && site->trust == options->trust)
                       || (options->site != NULL && site == options->site);
  gboolean faded = options->trust != NULL && site->trust != options->trust;
  double base = options->site_size > 0 ? options->site_size : DEFAULT_SIZE;

  *size = prominent ? base * (DEFAULT_SIZE + PROMINENT_GROWTH) / DEFAULT_SIZE : base;
  *alpha = faded ? FADED_ALPHA : 1.0;
}

static void
draw_one_site (cairo_t                       *cr,
               const AtlasSite               *s,
               double                         x,
               double                         y,
               double                         size,
               const AtlasCartographyOptions *options)
{
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
        s_pass = size > (options->site_size > 0 ? options->site_size : DEFAULT_SIZE) ? 2
                 : acute ? 1 : 0;
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
