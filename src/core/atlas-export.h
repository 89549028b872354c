/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-cartography.h"
#include "atlas-dataset.h"
#include "atlas-export-format.h"
#include "atlas-map-state.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/* Slide-ready compositions of the map: title, subtitle, the map with its legend, scale bar and
 * north arrow, an optional caption panel, and the attribution line (always). One renderer draws
 * them onto any cairo context, so PNG, SVG, PDF and printing show the same picture.
 *
 * The layout is designed on a canvas of about 1920×1080 units and scaled to the output size,
 * so a 4K PNG or an A4 PDF page looks like the slide, only sharper or smaller.
 *
 * SVG and PDF are vector output. cairo's SVG surface carries no ids, so in SVG each district is
 * one <path> with fill-rule:evenodd in its fill colour (holes included), in dataset order. */

#define ATLAS_EXPORT_ERROR (atlas_export_error_quark ())

typedef enum {
  ATLAS_EXPORT_ERROR_WRITE,      /* the destination cannot be written; the message names it */
  ATLAS_EXPORT_ERROR_FORMAT,     /* unknown file type or size */
  ATLAS_EXPORT_ERROR_NOT_FOUND,  /* a selection id the dataset does not have */
} AtlasExportError;

typedef enum {
  ATLAS_EXPORT_TITLE       = 1 << 0,
  ATLAS_EXPORT_SUBTITLE    = 1 << 1,
  ATLAS_EXPORT_LEGEND      = 1 << 2,
  ATLAS_EXPORT_SCALE_BAR   = 1 << 3,
  ATLAS_EXPORT_NORTH_ARROW = 1 << 4,
  ATLAS_EXPORT_CAPTION     = 1 << 5,  /* panel beside the map with the selection's details */
  ATLAS_EXPORT_LABELS      = 1 << 6,
  ATLAS_EXPORT_SITES       = 1 << 7,
  ATLAS_EXPORT_BASEMAP     = 1 << 8,
} AtlasExportFurniture;

#define ATLAS_EXPORT_FURNITURE_DEFAULT (ATLAS_EXPORT_TITLE | ATLAS_EXPORT_SUBTITLE \
                                        | ATLAS_EXPORT_LEGEND | ATLAS_EXPORT_SCALE_BAR \
                                        | ATLAS_EXPORT_NORTH_ARROW | ATLAS_EXPORT_LABELS \
                                        | ATLAS_EXPORT_SITES | ATLAS_EXPORT_BASEMAP)

typedef enum {
  ATLAS_EXPORT_FRAME_SYSTEM,     /* all the system's districts */
  ATLAS_EXPORT_FRAME_SELECTION,  /* the selected district or partnership, with some context */
  ATLAS_EXPORT_FRAME_BBOX,       /* the options' bbox, e.g. what the window shows */
} AtlasExportFraming;

typedef struct {
  AtlasDataset *dataset;
  /* The map as the map state has it: theme, thematic layer (partnerships or an indicator), the
   * selection (any record kind) and its emphasis. The furniture flags decide names and sites. */
  AtlasCartographyOptions carto;
  double width;                         /* in the surface's units: pixels, or points */
  double height;
  guint furniture;                      /* AtlasExportFurniture flags */
  AtlasExportFraming framing;
  AtlasBBox bbox;                       /* lon/lat, for ATLAS_EXPORT_FRAME_BBOX */
  const char *title;                    /* NULL: derived from the selection */
  const char *subtitle;                 /* NULL: the system's name and today's date */
  gboolean online_map;                  /* adds "© OpenStreetMap contributors" */
  GPtrArray *report;                    /* when not NULL, filled with AtlasExportItem, one per
                                         * element drawn (--report-layout) */
} AtlasExportOptions;

/* One element of a composition as drawn, in output units (pixels for PNG): what
 * `ics-atlas --report-layout` prints as KIND<TAB>TEXT<TAB>X<TAB>Y<TAB>W<TAB>H. */
typedef struct {
  char *kind;    /* "title", "legend", "scale-bar", "map-frame", … */
  char *text;    /* one line; "" when the element has none */
  double x;
  double y;
  double width;
  double height;
} AtlasExportItem;

/* The places a composition puts things, in design units (surface units / factor). */
typedef struct {
  double   factor;     /* surface units per design unit */
  double   width;      /* the whole canvas */
  double   height;
  double   header_height;
  double   map_x;      /* the map frame */
  double   map_y;
  double   map_width;
  double   map_height;
  AtlasView view;      /* the map, relative to the map frame */
  double   caption_x;  /* the caption panel, when there is one */
  double   caption_width;
} AtlasExportLayout;

GQuark   atlas_export_error_quark      (void);

/* Defaults: 1920×1080, default furniture, system framing, light theme. */
void     atlas_export_options_init     (AtlasExportOptions       *options,
                                        AtlasDataset             *dataset);
/* The same for what a map state shows: its dataset, thematic layer, selection and theme. The
 * options borrow the state's dataset and records: keep a reference to the dataset while they
 * are in use (a worker thread takes a copy of the state, atlas_map_state_copy ()). */
void     atlas_export_options_init_from_state (AtlasExportOptions *options,
                                               AtlasMapState      *state);
/* A new, empty array for AtlasExportOptions.report; and the lines of one. */
GPtrArray *atlas_export_report_new     (void);
char    *atlas_export_report_format    (GPtrArray                *report);

/* "slide" (1920×1080 px), "4k" (3840×2160 px), "a4", "a3" (landscape), "a4-portrait",
 * "a3-portrait" (paper: points for PDF, 300 dpi pixels for PNG, 96 dpi pixels for SVG) or
 * "WIDTHxHEIGHT" in the format's units. */
gboolean atlas_export_parse_size       (const char               *spec,
                                        AtlasExportFormat         format,
                                        double                   *width,
                                        double                   *height,
                                        GError                  **error);
/* From the file name's extension. */
gboolean atlas_export_format_from_name (const char               *name,
                                        AtlasExportFormat        *format,
                                        GError                  **error);

/* The title used when options->title is NULL. Free with g_free (). */
char    *atlas_export_get_default_title (const AtlasExportOptions *options);

void     atlas_export_compute_layout   (const AtlasExportOptions *options,
                                        AtlasExportLayout        *layout);
/* Where a lon/lat point lands on the output surface. */
void     atlas_export_location_to_surface (const AtlasExportOptions *options,
                                           double                    lon,
                                           double                    lat,
                                           double                   *x,
                                           double                   *y);

/* Draws the whole composition on cr, whose user space is the output surface (0, 0)–(width,
 * height). For printing, scale cr to the page first. */
void     atlas_export_render           (cairo_t                  *cr,
                                        const AtlasExportOptions *options);

/* The encoded file in memory, e.g. for the clipboard. */
GBytes  *atlas_export_to_bytes         (const AtlasExportOptions *options,
                                        AtlasExportFormat         format,
                                        GError                  **error);

/* Writes bytes atomically as atlas_export_to_file () does. */
gboolean atlas_export_write_bytes      (GBytes                   *bytes,
                                        GFile                    *file,
                                        GCancellable             *cancellable,
                                        GError                  **error);

/* Writes the composition atomically: to a temporary file beside the destination, renamed over
 * it only when complete. On failure nothing is left behind and the message names the file. A
 * file in the way is replaced only if its permissions let the user write it (even root), and
 * the new file keeps its permissions. */
gboolean atlas_export_to_file          (const AtlasExportOptions *options,
                                        GFile                    *file,
                                        AtlasExportFormat         format,
                                        GCancellable             *cancellable,
                                        GError                  **error);

G_END_DECLS
