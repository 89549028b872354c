/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "atlas-export.h"
#include "atlas-export-pack-writer.h"
#include "atlas-hash.h"

/* A manifest longer than this is not ours. */
#define MANIFEST_LIMIT (16 * 1024 * 1024)
#define MANIFEST_HEADER "# ICS Atlas meeting pack: the files it wrote in this folder\n"
#define PREVIOUS ".previous"

struct _AtlasPackWriter {
  char *folder;          /* the pack's folder */
  char *made_top;        /* the outermost folder the pack made, or NULL */
  char *staging;         /* a fresh folder inside folder, while the pack is written */
  GPtrArray *names;      /* the pack's files */
  GHashTable *earlier;   /* the files the earlier pack's manifest lists */
  gboolean committed;
};

typedef struct {
  FILE *file;
  char *name;            /* the file's final path, for messages */
  int error;             /* errno of the first failure, or 0 */
} PdfStream;

static const cairo_user_data_key_t pdf_stream_key;

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
}

/* A file name the pack may have written: plain, visible, a page or the PDF. */
static gboolean
is_pack_name (const char *name)
{
  return name[0] != '\0' && name[0] != '.' && strchr (name, '/') == NULL
         && g_utf8_validate (name, -1, NULL)
         && (g_str_has_suffix (name, ".png") || g_str_has_suffix (name, ".pdf"));
}

static GHashTable *
read_manifest (const char  *folder,
               GError     **error)
{
  g_autofree char *path = g_build_filename (folder, ATLAS_PACK_MANIFEST, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *names = g_hash_table_new_full (atlas_str_hash, g_str_equal, g_free, NULL);
  GStatBuf st;
  gsize length;

  if (g_lstat (path, &st) != 0)
    return names;
  if (!S_ISREG (st.st_mode) || st.st_size > MANIFEST_LIMIT
      || !g_file_get_contents (path, &text, &length, NULL))
    {
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                   _("“%s” in “%s” is not the list of an earlier meeting pack; the pack was not "
                     "written. Choose another folder."), ATLAS_PACK_MANIFEST, display);
      g_hash_table_unref (names);
      return NULL;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (is_pack_name (lines[i]))
      g_hash_table_add (names, g_strdup (lines[i]));
  return names;
}

/* Whether every file of the pack may be written: free, or a regular file of the earlier pack. */
static gboolean
check_names (AtlasPackWriter  *self,
             GError          **error)
{
  for (guint i = 0; i < self->names->len; i++)
    {
      const char *name = g_ptr_array_index (self->names, i);
      g_autofree char *path = g_build_filename (self->folder, name, NULL);
      GStatBuf st;

      if (g_lstat (path, &st) != 0)
        continue;
      /* The manifest itself was read, so it is a regular file of a pack. */
      if (S_ISREG (st.st_mode) && (g_hash_table_contains (self->earlier, name)
                                   || strcmp (name, ATLAS_PACK_MANIFEST) == 0))
        continue;
      {
        g_autofree char *display = g_filename_display_name (self->folder);

        g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                     _("“%s” is already in “%s” and is not from an earlier meeting pack; the "
                       "pack was not written. Choose another folder, or move that file away."),
                     name, display);
        return FALSE;
      }
    }
  return TRUE;
}

/* Makes the folder and its missing parents, remembering the outermost one made. */
static gboolean
make_folder (AtlasPackWriter  *self,
             GError          **error)
{
  g_autofree char *display = g_filename_display_name (self->folder);
  g_autofree char *top = NULL;
  g_autofree char *at = g_strdup (self->folder);
  int saved_errno;

  while (!g_file_test (at, G_FILE_TEST_EXISTS))
    {
      char *parent = g_path_get_dirname (at);

      g_free (top);
      top = g_steal_pointer (&at);
      at = parent;
      if (strcmp (at, top) == 0)
        break;
    }
  if (g_mkdir_with_parents (self->folder, 0755) == 0
      && g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      self->made_top = g_steal_pointer (&top);
      return TRUE;
    }
  saved_errno = g_file_test (self->folder, G_FILE_TEST_EXISTS) ? ENOTDIR : errno;
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
               _("Could not create the folder “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* Removes a folder the writer made and what is in it, never following links. */
static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

AtlasPackWriter *
_atlas_pack_writer_begin (GFile               *folder,
                          const char * const  *names,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(AtlasPackWriter) self = g_new0 (AtlasPackWriter, 1);

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (names != NULL, NULL);

  self->committed = TRUE;  /* nothing to take back yet */
  self->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (self->names, g_strdup (names[i]));
  g_ptr_array_add (self->names, g_strdup (ATLAS_PACK_MANIFEST));
  self->folder = g_file_get_path (folder);
  if (self->folder == NULL || self->folder[0] == '\0')
    {
      g_autofree char *display = g_file_get_parse_name (folder);

      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                   _("Could not write to “%s”: the meeting pack needs a folder on this "
                     "computer"), display);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !make_folder (self, error))
    return NULL;
  self->committed = FALSE;
  self->earlier = read_manifest (self->folder, error);
  if (self->earlier == NULL || !check_names (self, error))
    return NULL;

  self->staging = g_build_filename (self->folder, ATLAS_PACK_MANIFEST "-XXXXXX", NULL);
  if (g_mkdtemp_full (self->staging, 0700) == NULL)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (self->folder);

      g_clear_pointer (&self->staging, g_free);
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                   _("Could not write in the folder “%s”: %s"), display,
                   g_strerror (saved_errno));
      return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
_atlas_pack_writer_write (AtlasPackWriter  *self,
                          const char       *name,
                          GBytes           *bytes,
                          GError          **error)
{
  g_autofree char *path = g_build_filename (self->staging, name, NULL);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  FILE *file = fopen (path, "wb");
  int saved_errno = 0;

  /* Into the staging folder: nobody sees the file until commit, so no atomic dance here. */
  if (file == NULL || fwrite (data, 1, size, file) != size)
    saved_errno = errno != 0 ? errno : EIO;
  if (file != NULL && fclose (file) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0)
    return TRUE;
  {
    g_autofree char *final = g_build_filename (self->folder, name, NULL);

    set_write_error (error, final, saved_errno);
  }
  return FALSE;
}

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfStream *stream = closure;

  if (stream->file == NULL || stream->error != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, stream->file) != length)
    {
      stream->error = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
pdf_stream_free (gpointer data)
{
  PdfStream *stream = data;

  if (stream->file != NULL)
    fclose (stream->file);
  g_free (stream->name);
  g_free (stream);
}

cairo_surface_t *
_atlas_pack_writer_create_pdf (AtlasPackWriter *self,
                               const char      *name,
                               double           width,
                               double           height)
{
  g_autofree char *path = g_build_filename (self->staging, name, NULL);
  PdfStream *stream = g_new0 (PdfStream, 1);
  cairo_surface_t *surface;

  stream->name = g_build_filename (self->folder, name, NULL);
  stream->file = fopen (path, "wb");
  if (stream->file == NULL)
    stream->error = errno;
  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, stream, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ICS Atlas");
  if (cairo_surface_set_user_data (surface, &pdf_stream_key, stream, pdf_stream_free)
      != CAIRO_STATUS_SUCCESS)
    pdf_stream_free (stream);
  return surface;
}

gboolean
_atlas_pack_writer_finish_pdf (AtlasPackWriter  *self,
                               cairo_surface_t  *surface,
                               GError          **error)
{
  PdfStream *stream = cairo_surface_get_user_data (surface, &pdf_stream_key);
  cairo_status_t status;
  gboolean ok = FALSE;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (stream == NULL)
    g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                 _("Could not draw the export: %s"), cairo_status_to_string (status));
  else
    {
      if (stream->file != NULL && fclose (stream->file) != 0 && stream->error == 0)
        stream->error = errno;
      stream->file = NULL;
      if (stream->error != 0)
        set_write_error (error, stream->name, stream->error);
      else if (status != CAIRO_STATUS_SUCCESS)
        g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                     _("Could not draw the export: %s"), cairo_status_to_string (status));
      else
        ok = TRUE;
    }
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
write_manifest (AtlasPackWriter  *self,
                GError          **error)
{
  GString *text = g_string_new (MANIFEST_HEADER);
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < self->names->len; i++)
    if (is_pack_name (g_ptr_array_index (self->names, i)))
      g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (self->names, i));
  bytes = g_string_free_to_bytes (text);
  return _atlas_pack_writer_write (self, ATLAS_PACK_MANIFEST, bytes, error);
}

/* Puts every file back where it was after commit moved the first n into place. */
static void
roll_back (AtlasPackWriter *self,
           guint            n,
           const gboolean  *set_aside)
{
  for (guint i = n; i-- > 0;)
    {
      const char *name = g_ptr_array_index (self->names, i);
      g_autofree char *dest = g_build_filename (self->folder, name, NULL);
      g_autofree char *src = g_build_filename (self->staging, name, NULL);
      g_autofree char *old = g_build_filename (self->staging, PREVIOUS, name, NULL);

      g_rename (dest, src);
      if (set_aside[i])
        g_rename (old, dest);
    }
}

/* Removes the earlier pack's files that this pack does not have. */
static void
remove_stale (AtlasPackWriter *self)
{
  g_autoptr(GHashTable) current = g_hash_table_new (atlas_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer name;

  for (guint i = 0; i < self->names->len; i++)
    g_hash_table_add (current, g_ptr_array_index (self->names, i));
  g_hash_table_iter_init (&iter, self->earlier);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_autofree char *path = g_build_filename (self->folder, name, NULL);
      GStatBuf st;

      if (!g_hash_table_contains (current, name) && g_lstat (path, &st) == 0
          && S_ISREG (st.st_mode))
        g_unlink (path);
    }
}

gboolean
_atlas_pack_writer_commit (AtlasPackWriter  *self,
                           GError          **error)
{
  g_autofree char *previous = g_build_filename (self->staging, PREVIOUS, NULL);
  g_autofree gboolean *set_aside = g_new0 (gboolean, self->names->len);

  g_return_val_if_fail (!self->committed, FALSE);

  /* Something may have appeared while the pages were drawn. */
  if (!check_names (self, error) || !write_manifest (self, error))
    return FALSE;
  if (g_mkdir (previous, 0700) != 0)
    {
      set_write_error (error, previous, errno);
      return FALSE;
    }
  /* The manifest is the last name: it moves once every page is in place. */
  for (guint i = 0; i < self->names->len; i++)
    {
      const char *name = g_ptr_array_index (self->names, i);
      g_autofree char *dest = g_build_filename (self->folder, name, NULL);
      g_autofree char *src = g_build_filename (self->staging, name, NULL);
      g_autofree char *old = g_build_filename (previous, name, NULL);
      GStatBuf st;

      if (g_lstat (dest, &st) == 0)
        {
          if (g_rename (dest, old) != 0)
            {
              set_write_error (error, dest, errno);
              roll_back (self, i, set_aside);
              return FALSE;
            }
          set_aside[i] = TRUE;
        }
      if (g_rename (src, dest) != 0)
        {
          set_write_error (error, dest, errno);
          if (set_aside[i])
            g_rename (old, dest);
          roll_back (self, i, set_aside);
          return FALSE;
        }
    }
  self->committed = TRUE;
  remove_stale (self);
  remove_tree (self->staging);
  return TRUE;
}

void
_atlas_pack_writer_free (AtlasPackWriter *self)
{
  if (self == NULL)
    return;
  if (!self->committed)
    {
      if (self->staging != NULL)
        remove_tree (self->staging);
      /* The folders the pack made, innermost first; only empty ones go. */
      if (self->made_top != NULL)
        {
          g_autofree char *at = g_strdup (self->folder);

          while (g_rmdir (at) == 0 && strcmp (at, self->made_top) != 0)
            {
              char *parent = g_path_get_dirname (at);

              g_free (at);
              at = parent;
            }
        }
    }
  g_free (self->folder);
  g_free (self->made_top);
  g_free (self->staging);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->earlier, g_hash_table_unref);
  g_free (self);
}
