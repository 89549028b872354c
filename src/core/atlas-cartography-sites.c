/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-cartography-private.h"

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
  _atlas_cartography_set_source_rgb (cr, palette->halo);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke_preserve (cr);
  _atlas_cartography_set_source_rgb (cr, palette->site);
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
  _atlas_cartography_set_source_rgb (cr, colour);
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
