/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-layer-cache.h"

#include <math.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

/* The margin on each side, as a share of the view's longer side: room for a pan of a quarter
 * of the view, or a zoom out of about a third of a level, before the layer is drawn again. */
#define MARGIN_SHARE 0.25
/* How far the zoom may move from the image's before it is drawn again: past this, a scaled
 * image looks soft. */
#define MAX_ZOOM_IN_RATIO 1.5
#define MAX_ZOOM_OUT_RATIO 0.6
/* Past these, a new image is started in the background while the old one is still shown. */
#define REFRESH_ZOOM_IN_RATIO 1.2
#define REFRESH_ZOOM_OUT_RATIO 0.85

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

void
atlas_layer_cache_plan (const AtlasView *view,
                        gboolean         with_margin,
                        AtlasView       *margin_view)
{
  double margin;

  g_return_if_fail (view != NULL && margin_view != NULL);

  margin = with_margin ? ceil (MAX (view->width, view->height) * MARGIN_SHARE) : 0;
  *margin_view = *view;
  margin_view->origin_x -= margin / view->scale;
  margin_view->origin_y -= margin / view->scale;
  margin_view->width += 2 * margin;
  margin_view->height += 2 * margin;
}

#ifdef G_OS_UNIX
static const cairo_user_data_key_t mapping_key;

typedef struct {
  void *data;
  size_t size;
} Mapping;

static void
unmap_pixels (void *user_data)
{
  Mapping *mapping = user_data;

  munmap (mapping->data, mapping->size);
  g_free (mapping);
}
#endif

/* The images are big (several megabytes) and are made and dropped in worker threads as the
 * map moves: from malloc, they would settle in per-thread arenas and raise the peak memory use
 * for good, so they are mapped and unmapped straight from the system. */
static cairo_surface_t *
create_surface (int width,
                int height)
{
#ifdef G_OS_UNIX
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  Mapping *mapping = g_new0 (Mapping, 1);
  cairo_surface_t *surface;

  mapping->size = (size_t) stride * MAX (height, 1);
  mapping->data = mmap (NULL, mapping->size, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping->data == MAP_FAILED)
    {
      g_free (mapping);
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }
  surface = cairo_image_surface_create_for_data (mapping->data, CAIRO_FORMAT_ARGB32, width,
                                                 height, stride);
  cairo_surface_set_user_data (surface, &mapping_key, mapping, unmap_pixels);
  return surface;
#else
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
#endif
}

cairo_t *
atlas_layer_cache_create_context (const AtlasView *view,
                                  const AtlasView *margin_view,
                                  int              scale_factor)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (view != NULL && margin_view != NULL, NULL);

  surface = create_surface ((int) ceil (margin_view->width * scale_factor),
                            (int) ceil (margin_view->height * scale_factor));
  cairo_surface_set_device_scale (surface, scale_factor, scale_factor);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  cairo_translate (cr, (view->origin_x - margin_view->origin_x) * view->scale,
                   (view->origin_y - margin_view->origin_y) * view->scale);
  return cr;
}

void
atlas_layer_cache_set_image (AtlasLayerCache *cache,
                             cairo_t         *cr,
                             const AtlasView *view,
                             const AtlasView *margin_view,
                             int              scale_factor)
{
  g_return_if_fail (cache != NULL && cr != NULL && view != NULL && margin_view != NULL);

  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  cache->surface = cairo_surface_reference (cairo_get_target (cr));
  cairo_surface_flush (cache->surface);
  cache->view = *view;
  cache->margin_view = *margin_view;
  cache->scale_factor = scale_factor;
}

gboolean
atlas_layer_cache_wants_refresh (AtlasLayerCache *cache,
                                 const AtlasView *view)
{
  double ratio, slack_x, slack_y, x0, y0, x1, y1;

  g_return_val_if_fail (cache != NULL && view != NULL, FALSE);

  if (cache->surface == NULL)
    return TRUE;
  ratio = view->scale / cache->view.scale;
  if (ratio > REFRESH_ZOOM_IN_RATIO || ratio < REFRESH_ZOOM_OUT_RATIO)
    return TRUE;

  /* Less than half the margin left on a side. */
  slack_x = (cache->margin_view.width - cache->view.width) / 4 * ratio;
  slack_y = (cache->margin_view.height - cache->view.height) / 4 * ratio;
  x0 = (cache->margin_view.origin_x - view->origin_x) * view->scale;
  y0 = (cache->margin_view.origin_y - view->origin_y) * view->scale;
  x1 = x0 + cache->margin_view.width * ratio;
  y1 = y0 + cache->margin_view.height * ratio;
  return x0 > -slack_x || y0 > -slack_y || x1 < view->width + slack_x
         || y1 < view->height + slack_y;
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
