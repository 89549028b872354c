/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-view.h"

G_BEGIN_DECLS

/* The offline base map: the GB local-authority context layer (land, sea, faint district
 * outlines, names at closer zooms), converted at build time into a packed binary in the
 * GResource so that start-up parses nothing. Immutable once loaded and safe to draw from
 * several threads at once. */

typedef enum {
  ATLAS_BASEMAP_STYLE_LIGHT,
  ATLAS_BASEMAP_STYLE_DARK,
  ATLAS_BASEMAP_STYLE_HIGH_CONTRAST,
} AtlasBasemapStyle;

typedef struct _AtlasBasemap AtlasBasemap;

/* The bundled GB layer; cached, so cheap after the first call. Never NULL unless the
 * resource is broken, which is a build error. */
AtlasBasemap *atlas_basemap_get_default (void);
AtlasBasemap *atlas_basemap_new_from_bytes (GBytes        *packed,
                                            GError       **error);
AtlasBasemap *atlas_basemap_ref         (AtlasBasemap  *self);
void          atlas_basemap_unref       (AtlasBasemap  *self);

/* Draws sea, land, outlines and (at zooms where they fit) names for the view onto cr, whose
 * user space is the view's surface space. */
void          atlas_basemap_draw        (AtlasBasemap      *self,
                                         cairo_t           *cr,
                                         const AtlasView   *view,
                                         AtlasBasemapStyle  style);
/* One 256×256 tile into a premultiplied ARGB32 buffer (CAIRO_FORMAT_ARGB32, stride ≥ 1024). */
void          atlas_basemap_render_tile (AtlasBasemap      *self,
                                         AtlasBasemapStyle  style,
                                         int                zoom,
                                         int                tile_x,
                                         int                tile_y,
                                         guint8            *pixels,
                                         int                stride);
/* The sea colour of a style, 0xRRGGBB, for tests and for the map's background. */
guint32       atlas_basemap_style_sea_colour (AtlasBasemapStyle style);
/* The land colour of a style, 0xRRGGBB. */
guint32       atlas_basemap_style_land_colour (AtlasBasemapStyle style);
/* The attribution the boundary data's licence requires (Open Government Licence v3.0). */
const char   *atlas_basemap_get_attribution  (void);
guint         atlas_basemap_get_n_districts  (AtlasBasemap      *self);
const char   *atlas_basemap_get_district_name (AtlasBasemap     *self,
                                              guint              index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasBasemap, atlas_basemap_unref)

G_END_DECLS
