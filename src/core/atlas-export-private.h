/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "atlas-cartography-private.h"
#include "atlas-export.h"

G_BEGIN_DECLS

/* Design units: the composition is laid out on a canvas of about 1920×1080. */
#define ATLAS_EXPORT_DESIGN_WIDTH  1920.0
#define ATLAS_EXPORT_DESIGN_HEIGHT 1080.0
#define ATLAS_EXPORT_FONT          "Cantarell,DejaVu Sans"

/* A layout of plain text (never read as markup), wrapped at width when width > 0. */
PangoLayout *_atlas_export_text  (cairo_t     *cr,
                                  const char  *text,
                                  const char  *font,
                                  double       width);

/* Adds an element to options->report (when asked for), from design units. */
void   _atlas_export_report           (const AtlasExportOptions *options,
                                       const AtlasExportLayout  *layout,
                                       const char               *kind,
                                       const char               *text,
                                       double                    x,
                                       double                    y,
                                       double                    width,
                                       double                    height);

/* The room the legend takes in the map's bottom-left corner, inset included. */
void   _atlas_export_measure_legend   (const AtlasExportOptions *options,
                                       double                    map_width,
                                       double                   *width,
                                       double                   *height);
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
