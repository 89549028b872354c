/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-layer-cache.h"

#include <math.h>

/* The margin on each side, as a share of the view's longer side: room for a pan of a quarter
 * of the view, or a zoom out of about a third of a level, before the layer is drawn again. */
#define MARGIN_SHARE 0.25
/* How far the zoom may move from the image's before it is drawn again: past this, a scaled
 * image looks soft. */
#define MAX_ZOOM_IN_RATIO 1.5
#define MAX_ZOOM_OUT_RATIO 0.6

struct _AtlasLayerCache
{
  cairo_surface_t *surface;
  AtlasView view;          /* the view the image was drawn for */
  AtlasView margin_view;   /* the whole image */
  int scale_factor;
};

AtlasLayerCache *
atlas_layer_cache_new (void)
{
  return g_new0 (AtlasLayerCache, 1);
}

void
atlas_layer_cache_free (AtlasLayerCache *cache)
{
  if (cache == NULL)
    return;
  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  g_free (cache);
}

void
atlas_layer_cache_invalidate (AtlasLayerCache *cache)
{
  g_return_if_fail (cache != NULL);

  g_clear_pointer (&cache->surface, cairo_surface_destroy);
}

gboolean
atlas_layer_cache_has_image (AtlasLayerCache *cache)
{
  g_return_val_if_fail (cache != NULL, FALSE);

  return cache->surface != NULL;
}

gboolean
atlas_layer_cache_covers (AtlasLayerCache *cache,
                          const AtlasView *view,
                          int              scale_factor)
{
  double ratio, x0, y0, x1, y1;

  g_return_val_if_fail (cache != NULL && view != NULL, FALSE);

  if (cache->surface == NULL || cache->scale_factor != scale_factor
      || cache->view.width != view->width || cache->view.height != view->height)
    return FALSE;

  ratio = view->scale / cache->view.scale;
  if (ratio > MAX_ZOOM_IN_RATIO || ratio < MAX_ZOOM_OUT_RATIO)
    return FALSE;

  /* Where the image's corners land in the view, in pixels. */
  x0 = (cache->margin_view.origin_x - view->origin_x) * view->scale;
  y0 = (cache->margin_view.origin_y - view->origin_y) * view->scale;
  x1 = x0 + cache->margin_view.width * ratio;
  y1 = y0 + cache->margin_view.height * ratio;
  return x0 <= 0 && y0 <= 0 && x1 >= view->width && y1 >= view->height;
}

gboolean
atlas_layer_cache_is_exact (AtlasLayerCache *cache,
                            const AtlasView *view)
{
  g_return_val_if_fail (cache != NULL && view != NULL, FALSE);

  return cache->surface != NULL && cache->view.scale == view->scale
         && cache->view.origin_x == view->origin_x && cache->view.origin_y == view->origin_y
         && cache->view.width == view->width && cache->view.height == view->height;
}

cairo_t *
atlas_layer_cache_begin (AtlasLayerCache *cache,
                         const AtlasView *view,
                         int              scale_factor,
                         gboolean         with_margin,
                         AtlasView       *margin_view)
{
  double margin;
  cairo_t *cr;

  g_return_val_if_fail (cache != NULL && view != NULL && margin_view != NULL, NULL);

  margin = with_margin ? ceil (MAX (view->width, view->height) * MARGIN_SHARE) : 0;
  cache->view = *view;
  cache->margin_view = *view;
  cache->margin_view.origin_x -= margin / view->scale;
  cache->margin_view.origin_y -= margin / view->scale;
  cache->margin_view.width += 2 * margin;
  cache->margin_view.height += 2 * margin;
  cache->scale_factor = scale_factor;
  *margin_view = cache->margin_view;

  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  cache->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                               (int) ceil (margin_view->width * scale_factor),
                                               (int) ceil (margin_view->height * scale_factor));
  cairo_surface_set_device_scale (cache->surface, scale_factor, scale_factor);
  cr = cairo_create (cache->surface);
  cairo_translate (cr, margin, margin);
  return cr;
}

void
atlas_layer_cache_paint (AtlasLayerCache *cache,
                         cairo_t         *cr,
                         const AtlasView *view)
{
  double ratio, x, y;

  g_return_if_fail (cache != NULL && cr != NULL && view != NULL);

  if (cache->surface == NULL)
    return;

  ratio = view->scale / cache->view.scale;
  x = (cache->margin_view.origin_x - view->origin_x) * view->scale;
  y = (cache->margin_view.origin_y - view->origin_y) * view->scale;

  cairo_save (cr);
  if (ratio == 1.0)
    {
      /* A pan: whole device pixels keep the copy sharp and on pixman's fast path; the image is
       * at most half a pixel off until the map stops and the layer is drawn afresh. */
      x = round (x * cache->scale_factor) / cache->scale_factor;
      y = round (y * cache->scale_factor) / cache->scale_factor;
      cairo_set_source_surface (cr, cache->surface, x, y);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
    }
  else
    {
      cairo_translate (cr, x, y);
      cairo_scale (cr, ratio, ratio);
      cairo_set_source_surface (cr, cache->surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
    }
  cairo_paint (cr);
  cairo_restore (cr);
}
