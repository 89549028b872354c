/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-basemap.h"
#include "atlas-basemap-format.h"

G_BEGIN_DECLS

/* Pointers into the packed bytes (read in place, never modified). */
struct _AtlasBasemap {
  gatomicrefcount ref_count;
  GBytes *bytes;
  const AtlasPackedHeader *header;
  const guint32 *arc_start[ATLAS_BASEMAP_N_LEVELS];
  const float *points[ATLAS_BASEMAP_N_LEVELS];
  const AtlasPackedArc *arcs;
  const AtlasPackedRing *rings;
  const gint32 *arc_refs;
  const AtlasPackedDistrict *districts;
  const char *strings;
};

typedef struct {
  double sea[3];
  double land[3];
  double coast[3];
  double border[3];
  double text[3];
  double coast_width;
  double border_width;
} AtlasBasemapPalette;

const AtlasBasemapPalette *_atlas_basemap_palette (AtlasBasemapStyle style);

/* Direct drawing of thin lines into an ARGB32 buffer (atlas-basemap-raster.c). */
typedef struct {
  guint8 *pixels;
  int stride;
  int width;
  int height;
  guint8 rgb[3];
  double line_width;
} AtlasRaster;

void _atlas_raster_line (AtlasRaster *raster,
                         double       x0,
                         double       y0,
                         double       x1,
                         double       y1);

/* Draws view into an ARGB32 buffer of view->width × view->height pixels, lines drawn
 * directly into the buffer (what tiles use; atlas_basemap_draw strokes with cairo). */
void _atlas_basemap_render_view (AtlasBasemap      *self,
                                 AtlasBasemapStyle  style,
                                 const AtlasView   *view,
                                 guint8            *pixels,
                                 int                stride);

G_END_DECLS
