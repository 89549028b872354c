/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-private.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Whether the file's permissions let this user write it: access () alone says yes to root for
 * any file, and an export must not replace a file its owner marked read-only. */
static gboolean
may_replace (const char *path,
             GStatBuf   *st)
{
  mode_t bit = S_IWOTH;

  if (access (path, W_OK) != 0)
    return FALSE;
  if (st->st_uid == geteuid ())
    bit = S_IWUSR;
  else if (st->st_gid == getegid ())
    bit = S_IWGRP;
  else
    {
      int n = getgroups (0, NULL);
      g_autofree gid_t *groups = g_new (gid_t, MAX (n, 1));

      n = getgroups (n, groups);
      for (int i = 0; i < n; i++)
        if (groups[i] == st->st_gid)
          bit = S_IWGRP;
    }
  return (st->st_mode & bit) != 0;
}

/* Writes a temporary file beside the destination and renames it over the destination, so a
 * reader never sees half a file; the temporary file is removed when anything fails. A file
 * that is replaced keeps its permissions. */
static gboolean
write_native (const char  *path,
              const char  *data,
              gsize        size,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  GStatBuf st;
  gboolean replacing = g_stat (path, &st) == 0;
  int fd, saved_errno = 0;

  if (replacing && S_ISDIR (st.st_mode))
    {
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: it is a folder"), display);
      return FALSE;
    }
  if (replacing && !may_replace (path, &st))
    {
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: the file is read-only, so it was not replaced"),
                   display);
      return FALSE;
    }

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    saved_errno = errno;
  for (gsize done = 0; fd >= 0 && saved_errno == 0 && done < size;)
    {
      gssize n = write (fd, data + done, size - done);

      if (n < 0 && errno != EINTR)
        saved_errno = errno;
      else if (n > 0)
        done += n;
    }
  if (fd >= 0 && saved_errno == 0 && replacing
      && (fchmod (fd, st.st_mode & 07777) != 0 || fsync (fd) != 0))
    saved_errno = errno;
  if (fd >= 0 && close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (tmp, path) != 0)
    saved_errno = errno;
  if (saved_errno == 0)
    return TRUE;

  if (fd >= 0)
    g_unlink (tmp);
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

gboolean
atlas_export_write_bytes (GBytes        *bytes,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (g_file_is_native (file))
    {
      g_autofree char *path = g_file_get_path (file);

      return write_native (path, data, size, error);
    }
  if (g_file_replace_contents (file, data, size, NULL, FALSE,
                               G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable,
                               &local_error))
    return TRUE;

  name = g_file_get_parse_name (file);
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), name, local_error->message);
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
