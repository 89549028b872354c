/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "atlas-dataset.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/* The dataset's layers drawn with cairo: districts filled by partnership (or by an indicator's
 * classes), borders, the selection, names and hospital sites. The on-screen layers and every
 * export call these, so what is exported is what is seen. */

typedef enum {
  ATLAS_THEME_LIGHT,
  ATLAS_THEME_DARK,
  ATLAS_THEME_HIGH_CONTRAST,
} AtlasTheme;

typedef struct {
  AtlasTheme theme;
  const AtlasDistrict *selected;        /* strong outline; may be NULL */
  const AtlasDistrict *hovered;         /* light highlight; may be NULL */
  const AtlasPartnership *highlighted;  /* its districts stand out, the rest are dimmed */
  const AtlasIndicator *indicator;      /* fill by the indicator's classes instead of partnerships */
  const AtlasTrust *trust;              /* its sites drawn prominently */
  gboolean labels;                      /* district names where they fit */
  gboolean sites;                       /* hospital site symbols */
} AtlasCartographyOptions;

void    atlas_cartography_options_init   (AtlasCartographyOptions *options);

/* Fills and borders of all districts, then the selection outline. */
void    atlas_cartography_draw_districts (cairo_t                       *cr,
                                          const AtlasView               *view,
                                          AtlasDataset                  *dataset,
                                          const AtlasCartographyOptions *options);
/* District names inside their polygons, skipped where they would not fit or would overlap. */
void    atlas_cartography_draw_labels    (cairo_t                       *cr,
                                          const AtlasView               *view,
                                          AtlasDataset                  *dataset,
                                          const AtlasCartographyOptions *options);
/* A symbol per site: a filled square for acute hospitals, a circle for local ones. */
void    atlas_cartography_draw_sites     (cairo_t                       *cr,
                                          const AtlasView               *view,
                                          AtlasDataset                  *dataset,
                                          const AtlasCartographyOptions *options);
/* The fill colour (0xRRGGBB) a district gets under these options. */
guint32 atlas_cartography_district_fill  (AtlasDataset                  *dataset,
                                          const AtlasDistrict           *district,
                                          const AtlasCartographyOptions *options);

G_END_DECLS
