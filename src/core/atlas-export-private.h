/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "atlas-annotation-layout.h"
#include "atlas-cartography-private.h"
#include "atlas-export.h"
#include "atlas-label-layout.h"

G_BEGIN_DECLS

/* Design units: the composition is laid out on a canvas of about 1920×1080. */
#define ATLAS_EXPORT_DESIGN_WIDTH  1920.0
#define ATLAS_EXPORT_DESIGN_HEIGHT 1080.0
#define ATLAS_EXPORT_FONT          "Cantarell,DejaVu Sans"
#define ATLAS_EXPORT_PAD           48.0   /* between the page's edges and what is on it */

/* A layout of plain text (never read as markup), wrapped at width when width > 0. Measured
 * with fixed font options (no hinting), so text takes the same room on every surface. */
PangoLayout *_atlas_export_text  (cairo_t     *cr,
                                  const char  *text,
                                  const char  *font,
                                  double       width);

/* Text fitted to its room (atlas-export-text.c). */
typedef struct {
  char *text;          /* as drawn: the text given, or its beginning and "…" */
  const char *face;    /* "Bold", "" */
  double size;         /* points, one of the sizes tried */
  double width;        /* as measured, design units */
  double height;
  guint lines;
  gboolean cut;
} AtlasExportFitted;

/* Fits text to width on at most max_lines lines: at the first of sizes (largest first) at
 * which it fits, else at the last, cut at a word with an ellipsis. */
void         _atlas_export_fit_text        (cairo_t                 *cr,
                                            const char              *text,
                                            const char              *face,
                                            const double            *sizes,
                                            guint                    n_sizes,
                                            double                   width,
                                            guint                    max_lines,
                                            AtlasExportFitted       *fitted);
/* The layout to draw fitted text with, wrapped at the width it was fitted to. */
PangoLayout *_atlas_export_fitted_layout   (cairo_t                 *cr,
                                            const AtlasExportFitted *fitted,
                                            double                   width);
void         _atlas_export_fitted_clear    (AtlasExportFitted       *fitted);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtlasExportFitted, _atlas_export_fitted_clear)
/* A context to measure text on when nothing is being drawn. */
cairo_t     *_atlas_export_create_measuring_context (void);
/* The heights of the title and subtitle's band above the map (layout->header_height) and of
 * the attribution's under it (layout->footer_height), for a layout whose width is set. */
void         _atlas_export_measure_text_bands (const AtlasExportOptions *options,
                                               AtlasExportLayout        *layout);
void         _atlas_export_draw_header     (cairo_t                  *cr,
                                            const AtlasExportOptions *options,
                                            const AtlasExportLayout  *layout);
/* The attribution: drawn whatever the furniture flags say, as a licence condition. */
void         _atlas_export_draw_footer     (cairo_t                  *cr,
                                            const AtlasExportOptions *options,
                                            const AtlasExportLayout  *layout);

/* Adds an element to options->report (when asked for), from design units. */
void   _atlas_export_report           (const AtlasExportOptions *options,
                                       const AtlasExportLayout  *layout,
                                       const char               *kind,
                                       const char               *text,
                                       double                    x,
                                       double                    y,
                                       double                    width,
                                       double                    height);

/* The boxes the legend, the scale bar and the north arrow take over the map, in the map
 * frame's units ((0, 0) its top-left corner), as they are drawn: what framing keeps the subject
 * clear of and names keep off. With view NULL, the scale bar's widest box (its length depends on
 * the view). Returns how many were written to covers (at most ATLAS_EXPORT_MAX_COVERS). */
#define ATLAS_EXPORT_MAX_COVERS 3
guint  _atlas_export_get_covers       (cairo_t                  *cr,
                                       const AtlasExportOptions *options,
                                       double                    map_width,
                                       double                    map_height,
                                       const AtlasView          *view,
                                       AtlasLabelBox            *covers);

/* The names of districts and hospitals on the map (cr's user space is the map frame's), kept
 * off the furniture, at type sizes for the page; reported when asked (atlas-export-names.c). */
void   _atlas_export_draw_names       (cairo_t                       *cr,
                                       const AtlasExportOptions      *options,
                                       const AtlasExportLayout       *layout,
                                       const AtlasCartographyOptions *carto,
                                       const AtlasAnnotationLayout   *annotations);
void   _atlas_export_draw_legend      (cairo_t                  *cr,
                                       const AtlasExportOptions *options,
                                       const AtlasExportLayout  *layout);
void   _atlas_export_draw_scale_bar   (cairo_t                  *cr,
                                       const AtlasExportOptions *options,
                                       const AtlasExportLayout  *layout);
void   _atlas_export_draw_north_arrow (cairo_t                  *cr,
                                       const AtlasExportOptions *options,
                                       const AtlasExportLayout  *layout);
/* The caption panel's text in the rectangle given (design units). */
void   _atlas_export_draw_caption     (cairo_t                  *cr,
                                       const AtlasExportOptions *options,
                                       double                    x,
                                       double                    y,
                                       double                    width,
                                       double                    height);

/* The page without its map, caption and furniture: background, title, subtitle and footer,
 * for the meeting pack's pages of text. layout receives the page's places. */
void   _atlas_export_render_frame     (cairo_t                  *cr,
                                       const AtlasExportOptions *options,
                                       AtlasExportLayout        *layout);

/* Encoding into memory, shared by single exports and the meeting pack. */
cairo_status_t   _atlas_export_append_cb      (void                *closure,
                                               const unsigned char *data,
                                               unsigned int         length);
/* Finishes the surface and hands the buffer over as bytes; NULL and an error on failure. */
GBytes          *_atlas_export_finish_surface (cairo_surface_t     *surface,
                                               GByteArray          *buffer,
                                               GError             **error);

/* Appends the image surface (RGB24 or ARGB32) as a PNG file; FALSE and an error on failure. */
gboolean         _atlas_export_encode_png     (cairo_surface_t     *surface,
                                               GByteArray          *buffer,
                                               GError             **error);

G_END_DECLS
