/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-private.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Exports are encoded in memory first (a 4K PNG is a few megabytes) and written in one go, so
 * a failure half way through an encoder never leaves a partial file on disk. */

cairo_status_t
_atlas_export_append_cb (void                *closure,
                         const unsigned char *data,
                         unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
_atlas_export_finish_surface (cairo_surface_t *surface,
                              GByteArray      *buffer,
                              GError         **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                   _("Could not draw the export: %s"), cairo_status_to_string (status));
      g_byte_array_unref (buffer);
      return NULL;
    }
  return g_byte_array_free_to_bytes (buffer);
}

GBytes *
atlas_export_to_bytes (const AtlasExportOptions *options,
                       AtlasExportFormat         format,
                       GError                  **error)
{
  const AtlasExportFormatInfo *info;
  GByteArray *buffer;
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (options->dataset), NULL);
  g_return_val_if_fail (options->width >= 1 && options->height >= 1, NULL);

  info = atlas_export_format_get_info (format);
  buffer = g_byte_array_new ();
  surface = info->create_surface (options->width, options->height, buffer);
  if (format == ATLAS_EXPORT_FORMAT_PDF)
    {
      g_autofree char *title = options->title ? g_strdup (options->title)
                                              : atlas_export_get_default_title (options);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    }
  cr = cairo_create (surface);
  atlas_export_render (cr, options);
  cairo_destroy (cr);

  if (info->encode != NULL && !info->encode (surface, buffer, error))
    {
      cairo_surface_destroy (surface);
      g_byte_array_unref (buffer);
      return NULL;
    }
  bytes = _atlas_export_finish_surface (surface, buffer, error);
  cairo_surface_destroy (surface);
  return bytes;
}

gboolean
atlas_export_write_bytes (GBytes        *bytes,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  const char *reason;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  name = g_file_get_parse_name (file);
  if (g_file_is_native (file))
    {
      g_autofree char *path = g_file_get_path (file);

      /* Writes a temporary file beside the destination and renames it over the destination;
       * the temporary file is removed when anything fails. */
      if (g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                    &local_error))
        return TRUE;
    }
  else if (g_file_replace_contents (file, data, size, NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable,
                                    &local_error))
    return TRUE;

  /* GLib's message names the temporary file; ours names the one that was asked for. */
  reason = local_error->message;
  if (local_error->domain == G_FILE_ERROR && strrchr (reason, ':') != NULL)
    reason = strrchr (reason, ':') + 2;
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), name, reason);
  return FALSE;
}

gboolean
atlas_export_to_file (const AtlasExportOptions *options,
                      GFile                    *file,
                      AtlasExportFormat         format,
                      GCancellable             *cancellable,
                      GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = atlas_export_to_bytes (options, format, error);
  if (bytes == NULL)
    return FALSE;
  return atlas_export_write_bytes (bytes, file, cancellable, error);
}
