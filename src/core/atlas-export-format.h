/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The file formats of exports, in one table that the command line, the export dialog and the
 * writer all read: adding a format is one row here and its surface in atlas-export-format.c
 * (HACKING.md, "Adding an export format"). */

typedef enum {
  ATLAS_EXPORT_FORMAT_PNG,
  ATLAS_EXPORT_FORMAT_SVG,
  ATLAS_EXPORT_FORMAT_PDF,
  ATLAS_EXPORT_N_FORMATS,
} AtlasExportFormat;

typedef struct {
  AtlasExportFormat format;
  const char *name;          /* "png": the settings' and the command line's word for it */
  const char *suffix;        /* ".png" */
  const char *mime_type;
  const char *label;         /* "PNG image", untranslated: pass through gettext */
  gboolean vector;           /* drawn as paths and text, not pixels */
  gboolean text_as_text;     /* text stays selectable and searchable text */
  /* Output units per typographic point (paper sizes) and per pixel (slide sizes). */
  double units_per_point;
  double units_per_pixel;
  const char *units;         /* "pixels" or "points", untranslated */
  /* A surface of width × height in the format's units whose encoded file lands in buffer, and
   * for image formats the encoder that appends it there once drawn (NULL for streamed ones). */
  cairo_surface_t *(*create_surface) (double      width,
                                      double      height,
                                      GByteArray *buffer);
  gboolean (*encode) (cairo_surface_t *surface,
                      GByteArray      *buffer,
                      GError         **error);
} AtlasExportFormatInfo;

const AtlasExportFormatInfo *atlas_export_format_get_info   (AtlasExportFormat format);
/* By name ("png"), or NULL. */
const AtlasExportFormatInfo *atlas_export_format_lookup     (const char       *name);
/* By a file name's suffix, case-insensitively, or NULL. */
const AtlasExportFormatInfo *atlas_export_format_for_file   (const char       *file_name);
/* "png, svg or pdf": the names for messages. Free with g_free (). */
char                        *atlas_export_format_list_names (const char       *prefix);

G_END_DECLS
