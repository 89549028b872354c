/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "atlas-annotation.h"
#include "atlas-dataset.h"
#include "atlas-selection.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/* The dataset's layers drawn with cairo: districts filled by partnership (or by an indicator's
 * classes), borders, the selection, names and hospital sites. The on-screen layers and every
 * export call these, so what is exported is what is seen. */

/* Defined in atlas-choropleth.h and atlas-point-layer.h, which include this header. */
typedef struct _AtlasChoropleth AtlasChoropleth;
typedef struct _AtlasPointLayer AtlasPointLayer;

#define ATLAS_CARTOGRAPHY_MAX_POINT_LAYERS 8

typedef enum {
  ATLAS_THEME_LIGHT,
  ATLAS_THEME_DARK,
  ATLAS_THEME_HIGH_CONTRAST,
} AtlasTheme;

typedef struct {
  AtlasTheme theme;
  /* The selected record (any kind), as atlas_cartography_options_set_selection () sets it with
   * the emphasis below: titles, captions and framing read it. */
  AtlasSelectionKind selection_kind;
  gconstpointer selection;
  const AtlasDistrict *selected;        /* strong outline; may be NULL */
  const AtlasDistrict *hovered;         /* light highlight; may be NULL */
  const AtlasPartnership *highlighted;  /* its districts stand out, the rest are dimmed */
  const AtlasUpdate *update;            /* the districts it names stand out, the rest dimmed */
  /* What fills the districts instead of their partnerships (NULL: partnerships): a bundled
   * indicator's classes or a planner's values, classed once (atlas-choropleth.h) and read per
   * district in O(1). Borrowed, as are the point layers: see atlas_cartography_options_hold (). */
  AtlasChoropleth *choropleth;
  /* The bundled indicator the choropleth was made from, for its wording (legend, subtitle);
   * NULL for a planner's layer. On its own it fills nothing. */
  const AtlasIndicator *indicator;
  /* A planner's point layers (atlas-point-layer.h), drawn over the sites, first one lowest. */
  AtlasPointLayer *point_layers[ATLAS_CARTOGRAPHY_MAX_POINT_LAYERS];
  guint n_point_layers;
  const AtlasTrust *trust;              /* its sites drawn prominently */
  gboolean labels;                      /* district names where they fit */
  gboolean sites;                       /* hospital site symbols */
  const AtlasSite *site;                /* the selected site: drawn prominently; may be NULL */
  double site_size;                     /* symbol side in surface units (11 by default) */
  /* The planner's annotations, drawn over everything (atlas-annotation-layout.h); borrowed
   * from the map state, as the layers are: see atlas_cartography_options_hold (). May be
   * NULL. */
  const AtlasAnnotationSet *annotations;
  gboolean site_labels;                 /* hospital names beside their symbols (with sites) */
  double label_size;                    /* district names' type size in surface units;
                                         * 0: 10 pt at 96 dpi */
  double site_label_size;               /* hospital names'; 0: 0.85 × the district names' */
} AtlasCartographyOptions;

void    atlas_cartography_options_init   (AtlasCartographyOptions *options);
/* What a selected record makes stand out (record as atlas_selection_get_record () gives it):
 * the one mapping from a selection to the map's emphasis, shared by the map, the window's
 * images and every export. Clears the emphasis of any earlier selection. */
void    atlas_cartography_options_set_selection (AtlasCartographyOptions *options,
                                                 AtlasSelectionKind       kind,
                                                 gconstpointer            record);

/* The objects the options borrow (the choropleth, the point layers and the annotations), each
 * with a reference taken: a job that draws with a copy of the options in another thread keeps
 * this array (free it with g_ptr_array_unref) with its reference to the dataset, so that a
 * layer removed from the map, or annotations the planner changed, meanwhile stay alive until
 * the job is done. */
GPtrArray *atlas_cartography_options_hold (const AtlasCartographyOptions *options);

/* Fills and borders of all districts, then the selection outline. */
void    atlas_cartography_draw_districts (cairo_t                       *cr,
                                          const AtlasView               *view,
                                          AtlasDataset                  *dataset,
                                          const AtlasCartographyOptions *options);
/* The names of every district in view and of the hospital sites, placed by
 * atlas_label_layout_new () (atlas-label-layout.h): inside a district where the name fits, else
 * outside with a leader line; never over each other, a site symbol or the surface's edges.
 * Names are placed for the whole surface: draw them once over the whole map widget, not per
 * tile. */
void    atlas_cartography_draw_labels    (cairo_t                       *cr,
                                          const AtlasView               *view,
                                          AtlasDataset                  *dataset,
                                          const AtlasCartographyOptions *options);
/* The same, also keeping names off n_boxes boxes given as x0, y0, x1, y1 in surface units: what
 * is drawn over the map by other means, such as a legend or the map widget's buttons. */
void    atlas_cartography_draw_labels_avoiding (cairo_t                       *cr,
                                                const AtlasView               *view,
                                                AtlasDataset                  *dataset,
                                                const AtlasCartographyOptions *options,
                                                const double                  *boxes,
                                                guint                          n_boxes);
/* A symbol per site: a filled square for acute hospitals, a circle for local ones, in the
 * palette's site colour with a thin edge, on screen and in every output alike. A selected
 * trust's sites (and a selected site) are drawn bigger, the other sites faded. */
void    atlas_cartography_draw_sites     (cairo_t                       *cr,
                                          const AtlasView               *view,
                                          AtlasDataset                  *dataset,
                                          const AtlasCartographyOptions *options);
/* The point layers' symbols (atlas-cartography-points.c): one symbol per cell of a grid of
 * ATLAS_POINT_CELL surface units, the points it stands for counted on it when there are
 * several; their names are placed by the label functions above, after the districts' names. */
void    atlas_cartography_draw_points    (cairo_t                       *cr,
                                          const AtlasView               *view,
                                          AtlasDataset                  *dataset,
                                          const AtlasCartographyOptions *options);
/* The size and opacity a site's symbol is drawn with under these options. */
void    atlas_cartography_site_style     (const AtlasSite               *site,
                                          const AtlasCartographyOptions *options,
                                          double                        *size,
                                          double                        *alpha);
/* The fill colour (0xRRGGBB) a district gets under these options. */
guint32 atlas_cartography_district_fill  (AtlasDataset                  *dataset,
                                          const AtlasDistrict           *district,
                                          const AtlasCartographyOptions *options);

/* Fills are drawn opaque, so the pixel at a district's interior point (away from its label and
 * borders) is exactly atlas_cartography_district_fill (). A map layer that wants the base map
 * to show through draws into a group and paints it with an alpha of its own. */

/* The colours of a theme, 0xRRGGBB, shared by the layers and the export furniture. */
typedef struct {
  guint32 background;   /* paper behind the map in exports */
  guint32 no_data;      /* a district with no partnership or no indicator value */
  guint32 border;       /* lines between districts */
  guint32 text;         /* labels, titles */
  guint32 halo;         /* around labels and site symbols */
  guint32 muted_text;   /* subtitles, attribution */
  guint32 outline;      /* the selected district and a highlighted partnership */
  guint32 site;         /* site symbols' fill */
  guint32 site_edge;    /* the thin edge around them */
  double  border_width; /* in surface units */
} AtlasCartographyPalette;

#define ATLAS_CARTOGRAPHY_MAX_CLASSES 5

/* One class of an indicator's values: [lower, upper] and its colour. */
typedef struct {
  double  lower;
  double  upper;
  guint32 colour;
} AtlasCartographyClass;

const AtlasCartographyPalette *atlas_cartography_get_palette (AtlasTheme theme);

/* The classes an indicator's values are shown in, on a sequential colour-blind-safe ramp; returns
 * how many. One class per distinct figure when there are at most ATLAS_CARTOGRAPHY_MAX_CLASSES
 * of them (lower == upper), else that many equal intervals over the range. */
guint   atlas_cartography_indicator_classes (const AtlasIndicator  *indicator,
                                             AtlasCartographyClass *classes);
/* The class index of a value: the first class whose upper bound is not below it. */
guint   atlas_cartography_indicator_class_of (const AtlasCartographyClass *classes,
                                              guint                        n_classes,
                                              double                       value);
/* Whether a district belongs to a partnership of either kind. */
gboolean atlas_cartography_partnership_has (const AtlasPartnership *partnership,
                                            const AtlasDistrict    *district);
/* Site symbol size in surface units, and one symbol drawn at (x, y): for legends. */
void    atlas_cartography_draw_site_symbol (cairo_t       *cr,
                                            AtlasSiteKind  kind,
                                            double         x,
                                            double         y,
                                            double         size,
                                            AtlasTheme     theme);

G_END_DECLS
