/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "atlas-view.h"

G_BEGIN_DECLS

/* A map layer's last drawing, kept between frames: an image of the view it was drawn for plus a
 * margin on every side. While the map only moves, the image is painted shifted (and, during a
 * zoom, scaled) instead of drawing the layer again; it is drawn again when it no longer covers
 * the view, when the zoom has gone too far from the one it was drawn at, or when told. */

typedef struct _AtlasLayerCache AtlasLayerCache;

AtlasLayerCache *atlas_layer_cache_new        (void);
void             atlas_layer_cache_free       (AtlasLayerCache *cache);
/* What the layer shows has changed: the next frame draws it again. */
void             atlas_layer_cache_invalidate (AtlasLayerCache *cache);
/* Whether there is an image (none at first and after atlas_layer_cache_invalidate). */
gboolean         atlas_layer_cache_has_image  (AtlasLayerCache *cache);
/* Whether the image can stand in for view (at this many device pixels per pixel). */
gboolean         atlas_layer_cache_covers     (AtlasLayerCache *cache,
                                               const AtlasView *view,
                                               int              scale_factor);
/* Whether the image was drawn for exactly view: what a fresh drawing would show. */
gboolean         atlas_layer_cache_is_exact   (AtlasLayerCache *cache,
                                               const AtlasView *view);
/* Whether the map has moved far enough from the image that a new one should be started, in
 * the background, before the image stops covering the view. */
gboolean         atlas_layer_cache_wants_refresh (AtlasLayerCache *cache,
                                                  const AtlasView *view);
/* The view of a new image for view, with a margin or not (a still map needs none until it
 * moves). Safe in any thread, like atlas_layer_cache_create_context. */
void             atlas_layer_cache_plan       (const AtlasView *view,
                                               gboolean         with_margin,
                                               AtlasView       *margin_view);
/* A context on a new, clear image of margin_view, whose origin is view's top-left corner (the
 * margin is at negative coordinates). */
cairo_t         *atlas_layer_cache_create_context (const AtlasView *view,
                                                   const AtlasView *margin_view,
                                                   int              scale_factor);
/* Keeps the image cr drew on as the drawing for view. */
void             atlas_layer_cache_set_image  (AtlasLayerCache *cache,
                                               cairo_t         *cr,
                                               const AtlasView *view,
                                               const AtlasView *margin_view,
                                               int              scale_factor);
/* Paints the image onto cr, whose user space is that of view. */
void             atlas_layer_cache_paint      (AtlasLayerCache *cache,
                                               cairo_t         *cr,
                                               const AtlasView *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLayerCache, atlas_layer_cache_free)

G_END_DECLS
