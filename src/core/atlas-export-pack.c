/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-pack.h"
#include "atlas-export-private.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#define A4_WIDTH  841.89
#define A4_HEIGHT 595.28

typedef struct {
  AtlasDataset *dataset;
  GFile *folder;
  AtlasExportPackBy by;
  AtlasCartographyOptions base;  /* theme and thematic layer of every page */
  AtlasExportProgressFunc progress;
  gpointer user_data;
} PackJob;

typedef struct {
  char *name;
  GBytes *bytes;
} PackFile;

static void
pack_file_clear (gpointer data)
{
  PackFile *f = data;

  g_free (f->name);
  g_bytes_unref (f->bytes);
}

static void
pack_job_free (PackJob *job)
{
  atlas_cartography_options_release (&job->base);
  g_clear_object (&job->dataset);
  g_clear_object (&job->folder);
  g_free (job);
}

/* One entry of the pack: a district, a partnership, or (both NULL) the whole system. */
static void
init_page_options (AtlasExportOptions            *options,
                   AtlasDataset                  *dataset,
                   const AtlasCartographyOptions *base,
                   const AtlasDistrict           *district,
                   const AtlasPartnership        *partnership)
{
  atlas_export_options_init (options, dataset);
  options->carto = *base;
  if (district != NULL)
    atlas_cartography_options_set_selection (&options->carto, ATLAS_SELECTION_DISTRICT, district);
  else
    atlas_cartography_options_set_selection (&options->carto, ATLAS_SELECTION_PARTNERSHIP,
                                             partnership);
  options->furniture |= ATLAS_EXPORT_CAPTION;
  options->framing = district || partnership ? ATLAS_EXPORT_FRAME_SELECTION
                                             : ATLAS_EXPORT_FRAME_SYSTEM;
}

static void
report (const PackJob *job,
        guint          done,
        guint          total)
{
  if (job->progress != NULL)
    job->progress (done, total, job->user_data);
}

/* The slides (PNG) are drawn and encoded in a second thread while this one draws the PDF:
 * they are more than half of the work and share nothing but the read-only dataset and base
 * map. Progress is still reported from the calling thread, in the same order as before. */
typedef struct {
  const PackJob *job;
  guint n;
  GCancellable *cancellable;
  GMutex lock;
  GCond cond;
  guint ready;           /* slides 1..ready are done (bytes or error) */
  gboolean finished;     /* the thread has stopped */
  gboolean stop;         /* asked to stop early */
  GBytes **slides;       /* 1..n */
  GError *error;         /* the first slide that failed */
} SlideWorker;

static void
get_entry (const PackJob           *job,
           guint                    i,
           const AtlasDistrict    **district,
           const AtlasPartnership **partnership)
{
  guint n;

  *district = NULL;
  *partnership = NULL;
  if (i > 0 && job->by == ATLAS_EXPORT_PACK_BY_DISTRICT)
    *district = &atlas_dataset_get_districts (job->dataset, &n)[i - 1];
  else if (i > 0)
    *partnership = &atlas_dataset_get_partnerships (job->dataset, &n)[i - 1];
}

static gpointer
draw_slides_thread (gpointer data)
{
  SlideWorker *w = data;

  for (guint i = 1; i <= w->n; i++)
    {
      const AtlasDistrict *d;
      const AtlasPartnership *p;
      AtlasExportOptions options;
      GError *error = NULL;
      GBytes *bytes;
      gboolean stop;

      g_mutex_lock (&w->lock);
      stop = w->stop;
      g_mutex_unlock (&w->lock);
      if (stop || g_cancellable_is_cancelled (w->cancellable))
        break;

      get_entry (w->job, i, &d, &p);
      init_page_options (&options, w->job->dataset, &w->job->base, d, p);
      bytes = atlas_export_to_bytes (&options, ATLAS_EXPORT_FORMAT_PNG, &error);

      g_mutex_lock (&w->lock);
      w->slides[i] = bytes;
      if (bytes == NULL)
        w->error = error;
      w->ready = i;
      g_cond_signal (&w->cond);
      g_mutex_unlock (&w->lock);
      if (bytes == NULL)
        break;
    }

  g_mutex_lock (&w->lock);
  w->finished = TRUE;
  g_cond_signal (&w->cond);
  g_mutex_unlock (&w->lock);
  return NULL;
}

/* Waits for slide i; NULL (and the error, if it failed rather than stopped) when it is not
 * coming. */
static GBytes *
wait_for_slide (SlideWorker  *w,
                guint         i,
                GError      **error)
{
  GBytes *bytes;

  g_mutex_lock (&w->lock);
  while (w->ready < i && !w->finished)
    g_cond_wait (&w->cond, &w->lock);
  bytes = w->ready >= i ? g_steal_pointer (&w->slides[i]) : NULL;
  if (bytes == NULL && w->error != NULL)
    g_propagate_error (error, g_steal_pointer (&w->error));
  g_mutex_unlock (&w->lock);
  return bytes;
}

static void
stop_slides (SlideWorker *w,
             GThread     *thread)
{
  g_mutex_lock (&w->lock);
  w->stop = TRUE;
  g_mutex_unlock (&w->lock);
  g_thread_join (thread);
  for (guint i = 1; i <= w->n; i++)
    g_clear_pointer (&w->slides[i], g_bytes_unref);
  g_free (w->slides);
  g_clear_error (&w->error);
  g_mutex_clear (&w->lock);
  g_cond_clear (&w->cond);
}

static gboolean
render_pack (const PackJob  *job,
             GArray         *files,
             GCancellable   *cancellable,
             GError        **error)
{
  guint n_districts, n_partnerships, n, done = 0, total;
  GByteArray *pdf_buffer = g_byte_array_new ();
  cairo_surface_t *pdf;
  cairo_t *cr;
  PackFile pdf_file = { NULL, NULL };
  g_autofree char *cover_subtitle = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%-d %B %Y");
  SlideWorker slides = { 0, };
  GThread *slides_thread;

  atlas_dataset_get_districts (job->dataset, &n_districts);
  atlas_dataset_get_partnerships (job->dataset, &n_partnerships);
  n = job->by == ATLAS_EXPORT_PACK_BY_DISTRICT ? n_districts : n_partnerships;
  total = 1 + 2 * n;

  pdf = atlas_export_format_get_info (ATLAS_EXPORT_FORMAT_PDF)->create_surface (A4_WIDTH, A4_HEIGHT,
                                                                              pdf_buffer);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE,
                                  atlas_dataset_get_name (job->dataset));
  cr = cairo_create (pdf);
  cover_subtitle = g_strdup_printf (_("Meeting pack · %s"), date);

  slides.job = job;
  slides.n = n;
  slides.cancellable = cancellable;
  slides.slides = g_new0 (GBytes *, n + 1);
  g_mutex_init (&slides.lock);
  g_cond_init (&slides.cond);
  slides_thread = g_thread_new ("atlas-pack-slides", draw_slides_thread, &slides);

  for (guint i = 0; i <= n && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const AtlasDistrict *d;
      const AtlasPartnership *p;
      AtlasExportOptions options;

      get_entry (job, i, &d, &p);
      init_page_options (&options, job->dataset, &job->base, d, p);
      options.width = A4_WIDTH;
      options.height = A4_HEIGHT;
      if (i == 0)
        options.subtitle = cover_subtitle;

      atlas_export_render (cr, &options);
      cairo_show_page (cr);
      report (job, ++done, total);

      if (i > 0)
        {
          PackFile png = { NULL, NULL };

          if (g_cancellable_is_cancelled (cancellable))
            break;
          png.bytes = wait_for_slide (&slides, i, error);
          if (png.bytes == NULL)
            break;
          png.name = g_strdup_printf ("%s-%s.png", atlas_dataset_get_id (job->dataset),
                                      d ? d->id : p->id);
          g_array_append_val (files, png);
          report (job, ++done, total);
        }
    }
  stop_slides (&slides, slides_thread);
  cairo_destroy (cr);

  pdf_file.bytes = _atlas_export_finish_surface (pdf, pdf_buffer,
                                                 done == total ? error : NULL);
  cairo_surface_destroy (pdf);
  if (pdf_file.bytes == NULL || done != total)
    {
      g_clear_pointer (&pdf_file.bytes, g_bytes_unref);
      if (error != NULL && *error == NULL)
        g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }
  pdf_file.name = atlas_export_pack_get_pdf_name (job->dataset);
  g_array_prepend_val (files, pdf_file);
  return TRUE;
}

/* Makes the folder first, so an unwritable destination fails before any drawing. */
static gboolean
prepare_folder (const PackJob  *job,
                GFile         **made_top,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autofree char *folder_name = g_file_get_parse_name (job->folder);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) top = NULL;
  GFile *f;

  /* The outermost folder this pack creates, to be removed again if the pack fails. */
  f = g_object_ref (job->folder);
  while (f != NULL && !g_file_query_exists (f, NULL))
    {
      GFile *parent = g_file_get_parent (f);

      g_set_object (&top, f);
      g_object_unref (f);
      f = parent;
    }
  g_clear_object (&f);

  *made_top = NULL;
  if (g_file_make_directory_with_parents (job->folder, cancellable, &local_error))
    {
      *made_top = g_steal_pointer (&top);
      return TRUE;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS)
      && g_file_query_file_type (job->folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return TRUE;
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
               _("Could not create the folder “%s”: %s"), folder_name, local_error->message);
  return FALSE;
}

static gboolean
write_pack (const PackJob  *job,
            GArray         *files,
            GCancellable   *cancellable,
            GError        **error)
{
  guint written = 0;

  for (; written < files->len; written++)
    {
      const PackFile *f = &g_array_index (files, PackFile, written);
      g_autoptr(GFile) file = g_file_get_child (job->folder, f->name);

      if (!atlas_export_write_bytes (f->bytes, file, cancellable, error))
        break;
    }
  if (written == files->len)
    return TRUE;

  /* Take back what this pack wrote, so a failed pack is not mistaken for a complete one. */
  for (guint i = 0; i < written; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (job->folder,
                                                g_array_index (files, PackFile, i).name);

      g_file_delete (file, NULL, NULL);
    }
  return FALSE;
}

static gboolean
run_pack (const PackJob  *job,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autoptr(GArray) files = g_array_new (FALSE, TRUE, sizeof (PackFile));
  g_autoptr(GFile) made_top = NULL;

  g_array_set_clear_func (files, pack_file_clear);
  if (!prepare_folder (job, &made_top, cancellable, error))
    return FALSE;
  if (render_pack (job, files, cancellable, error)
      && !g_cancellable_set_error_if_cancelled (cancellable, error)
      && write_pack (job, files, cancellable, error))
    return TRUE;

  /* Remove the folders this pack made, innermost first; they are empty again by now. */
  if (made_top != NULL)
    {
      GFile *f = g_object_ref (job->folder);

      while (f != NULL)
        {
          GFile *parent = g_file_equal (f, made_top) ? NULL : g_file_get_parent (f);

          g_file_delete (f, NULL, NULL);
          g_object_unref (f);
          f = parent;
        }
    }
  return FALSE;
}

static void
pack_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_pack (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

char *
atlas_export_pack_get_pdf_name (AtlasDataset *dataset)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  return g_strdup_printf ("%s-meeting-pack.pdf", atlas_dataset_get_id (dataset));
}

gboolean
atlas_export_pack (AtlasDataset                  *dataset,
                   GFile                         *folder,
                   AtlasExportPackBy              by,
                   const AtlasCartographyOptions *base,
                   AtlasExportProgressFunc        progress,
                   gpointer                       user_data,
                   GCancellable                  *cancellable,
                   GError                       **error)
{
  PackJob job = { dataset, folder, by, { 0, }, progress, user_data };

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (base != NULL, FALSE);

  job.base = *base;
  return run_pack (&job, cancellable, error);
}

void
atlas_export_pack_async (AtlasDataset                  *dataset,
                         GFile                         *folder,
                         AtlasExportPackBy              by,
                         const AtlasCartographyOptions *base,
                         AtlasExportProgressFunc        progress,
                         gpointer                       user_data,
                         GCancellable                  *cancellable,
                         GAsyncReadyCallback            callback,
                         gpointer                       callback_data)
{
  g_autoptr(GTask) task = NULL;
  PackJob *job;

  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (base != NULL);

  job = g_new0 (PackJob, 1);
  job->dataset = g_object_ref (dataset);
  job->folder = g_object_ref (folder);
  job->by = by;
  job->base = *base;
  atlas_cartography_options_hold (&job->base);
  job->progress = progress;
  job->user_data = user_data;

  task = g_task_new (NULL, cancellable, callback, callback_data);
  g_task_set_source_tag (task, atlas_export_pack_async);
  g_task_set_task_data (task, job, (GDestroyNotify) pack_job_free);
  g_task_run_in_thread (task, pack_thread_cb);
}

gboolean
atlas_export_pack_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
