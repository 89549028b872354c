/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-private.h"
#include "atlas-memory-private.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

typedef struct {
  gpointer data;
  gsize size;
} Pixels;

static const cairo_user_data_key_t pixels_key;

static void
free_pixels (gpointer data)
{
  Pixels *pixels = data;

  _atlas_large_free (pixels->data, pixels->size);
  g_free (pixels);
}

/* An image surface on huge pages: a slide is 8 MB of fresh memory, and touching it a page at
 * a time was a sixth of a slide export. */
static cairo_surface_t *
create_image (int width,
              int height)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_RGB24, width);
  cairo_surface_t *surface;
  Pixels *pixels;

  if (stride < 0 || width < 1 || height < 1 || height > G_MAXINT / stride)
    return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  pixels = g_new (Pixels, 1);
  pixels->size = (gsize) stride * height;
  pixels->data = _atlas_large_alloc (pixels->size);
  surface = cairo_image_surface_create_for_data (pixels->data, CAIRO_FORMAT_RGB24, width, height,
                                                 stride);
  if (cairo_surface_set_user_data (surface, &pixels_key, pixels, free_pixels)
      != CAIRO_STATUS_SUCCESS)
    free_pixels (pixels);
  return surface;
}

/* Exports are opaque: RGB24 encodes faster and smaller than ARGB32. */
static cairo_surface_t *
create_png_surface (double      width,
                    double      height,
                    GByteArray *buffer)
{
  return create_image ((int) ceil (width), (int) ceil (height));
}

static cairo_surface_t *
create_svg_surface (double      width,
                    double      height,
                    GByteArray *buffer)
{
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (_atlas_export_append_cb, buffer,
                                                                  width, height);

  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  return surface;
}

static cairo_surface_t *
create_pdf_surface (double      width,
                    double      height,
                    GByteArray *buffer)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (_atlas_export_append_cb, buffer,
                                                                  width, height);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ICS Atlas");
  return surface;
}


static const AtlasExportFormatInfo formats[ATLAS_EXPORT_N_FORMATS] = {
  [ATLAS_EXPORT_FORMAT_PNG] = {
    ATLAS_EXPORT_FORMAT_PNG, "png", ".png", "image/png", N_("PNG image"),
    FALSE, FALSE, 300.0 / 72.0, 1.0, N_("pixels"), create_png_surface, _atlas_export_encode_png,
  },
  /* cairo's SVG surface writes text as glyph outlines. */
  [ATLAS_EXPORT_FORMAT_SVG] = {
    ATLAS_EXPORT_FORMAT_SVG, "svg", ".svg", "image/svg+xml", N_("SVG drawing"),
    TRUE, FALSE, 96.0 / 72.0, 1.0, N_("pixels"), create_svg_surface, NULL,
  },
  [ATLAS_EXPORT_FORMAT_PDF] = {
    ATLAS_EXPORT_FORMAT_PDF, "pdf", ".pdf", "application/pdf", N_("PDF document"),
    TRUE, TRUE, 1.0, 0.75, N_("points"), create_pdf_surface, NULL,
  },
};

const AtlasExportFormatInfo *
atlas_export_format_get_info (AtlasExportFormat format)
{
  g_return_val_if_fail (format < ATLAS_EXPORT_N_FORMATS, &formats[ATLAS_EXPORT_FORMAT_PNG]);
  return &formats[format];
}

const AtlasExportFormatInfo *
atlas_export_format_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < ATLAS_EXPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (formats[i].name, name) == 0)
      return &formats[i];
  return NULL;
}

const AtlasExportFormatInfo *
atlas_export_format_for_file (const char *file_name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (file_name != NULL, NULL);

  lower = g_ascii_strdown (file_name, -1);
  for (guint i = 0; i < ATLAS_EXPORT_N_FORMATS; i++)
    if (g_str_has_suffix (lower, formats[i].suffix))
      return &formats[i];
  return NULL;
}

char *
atlas_export_format_list_names (const char *prefix)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < ATLAS_EXPORT_N_FORMATS; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the last two items of a list such as "png, svg or pdf" */
        g_string_append (list, i + 1 == ATLAS_EXPORT_N_FORMATS ? _(" or ") : ", ");
      g_string_append_printf (list, "%s%s", prefix != NULL ? prefix : "", formats[i].name);
    }
  return g_string_free (list, FALSE);
}
