/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-pack.h"
#include "atlas-export-pack-writer.h"
#include "atlas-export-private.h"
#include "atlas-locale.h"

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
  AtlasPackWriter *writer;       /* while the pack runs */
  GPtrArray *held;               /* what base borrows, in a job of its own */
} PackJob;

static void
pack_job_free (PackJob *job)
{
  g_clear_object (&job->dataset);
  g_clear_object (&job->folder);
  g_clear_pointer (&job->held, g_ptr_array_unref);
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

/* The slides (PNG) are drawn, encoded and written in a second thread while this one draws the
 * PDF: they are more than half of the work and share nothing but the read-only dataset and base
 * map. Each slide goes to disk as soon as it is made, so memory does not grow with the pack.
 * Progress is still reported from the calling thread, in the same order as before. */
typedef struct {
  const PackJob *job;
  guint n;
  GCancellable *cancellable;
  GMutex lock;
  GCond cond;
  guint ready;           /* slides 1..ready are done (written or failed) */
  gboolean finished;     /* the thread has stopped */
  gboolean stop;         /* asked to stop early */
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

/* The file name of entry i's slide (i > 0), e.g. "hwe-watford.png". */
static char *
slide_name (const PackJob *job,
            guint          i)
{
  const AtlasDistrict *d;
  const AtlasPartnership *p;

  get_entry (job, i, &d, &p);
  return g_strdup_printf ("%s-%s.png", atlas_dataset_get_id (job->dataset), d ? d->id : p->id);
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
      if (bytes != NULL)
        {
          g_autofree char *name = slide_name (w->job, i);

          _atlas_pack_writer_write (w->job->writer, name, bytes, &error);
          g_bytes_unref (bytes);
        }

      g_mutex_lock (&w->lock);
      if (error != NULL)
        w->error = error;
      w->ready = i;
      g_cond_signal (&w->cond);
      g_mutex_unlock (&w->lock);
      if (error != NULL)
        break;
    }

  g_mutex_lock (&w->lock);
  w->finished = TRUE;
  g_cond_signal (&w->cond);
  g_mutex_unlock (&w->lock);
  return NULL;
}

/* Waits for slide i; FALSE (and the error, if it failed rather than stopped) when it is not
 * coming. */
static gboolean
wait_for_slide (SlideWorker  *w,
                guint         i,
                GError      **error)
{
  gboolean done;

  g_mutex_lock (&w->lock);
  while (w->ready < i && !w->finished)
    g_cond_wait (&w->cond, &w->lock);
  done = w->ready >= i && w->error == NULL;
  if (!done && w->error != NULL)
    g_propagate_error (error, g_steal_pointer (&w->error));
  g_mutex_unlock (&w->lock);
  return done;
}

static void
stop_slides (SlideWorker *w,
             GThread     *thread)
{
  g_mutex_lock (&w->lock);
  w->stop = TRUE;
  g_mutex_unlock (&w->lock);
  g_thread_join (thread);
  g_clear_error (&w->error);
  g_mutex_clear (&w->lock);
  g_cond_clear (&w->cond);
}

static gboolean
render_pack (const PackJob  *job,
             GCancellable   *cancellable,
             GError        **error)
{
  guint n_districts, n_partnerships, n, done = 0, total;
  g_autofree char *pdf_name = atlas_export_pack_get_pdf_name (job->dataset);
  cairo_surface_t *pdf;
  cairo_t *cr;
  g_autofree char *cover_subtitle = NULL;
  g_autofree char *date = atlas_format_today ();
  SlideWorker slides = { 0, };
  GThread *slides_thread;
  gboolean written;

  atlas_dataset_get_districts (job->dataset, &n_districts);
  atlas_dataset_get_partnerships (job->dataset, &n_partnerships);
  n = job->by == ATLAS_EXPORT_PACK_BY_DISTRICT ? n_districts : n_partnerships;
  total = 1 + 2 * n;

  pdf = _atlas_pack_writer_create_pdf (job->writer, pdf_name, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE,
                                  atlas_dataset_get_name (job->dataset));
  cr = cairo_create (pdf);
  cover_subtitle = g_strdup_printf (_("Meeting pack · %s"), date);

  slides.job = job;
  slides.n = n;
  slides.cancellable = cancellable;
  g_mutex_init (&slides.lock);
  g_cond_init (&slides.cond);
  slides_thread = g_thread_new ("atlas-pack-slides", draw_slides_thread, &slides);

  /* A PDF that cannot be written (a full disk) stops the pack at once. */
  for (guint i = 0; i <= n && !g_cancellable_is_cancelled (cancellable)
                    && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
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
          if (g_cancellable_is_cancelled (cancellable) || !wait_for_slide (&slides, i, error))
            break;
          report (job, ++done, total);
        }
    }
  stop_slides (&slides, slides_thread);
  cairo_destroy (cr);

  written = _atlas_pack_writer_finish_pdf (job->writer, pdf, done == total ? error : NULL);
  if (!written || done != total)
    {
      if (error != NULL && *error == NULL)
        g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }
  return TRUE;
}

/* Every file the pack writes: the PDF, then a slide per entry. */
static GStrv
list_files (const PackJob *job)
{
  GPtrArray *names = g_ptr_array_new ();
  guint n;

  if (job->by == ATLAS_EXPORT_PACK_BY_DISTRICT)
    atlas_dataset_get_districts (job->dataset, &n);
  else
    atlas_dataset_get_partnerships (job->dataset, &n);
  g_ptr_array_add (names, atlas_export_pack_get_pdf_name (job->dataset));
  for (guint i = 1; i <= n; i++)
    g_ptr_array_add (names, slide_name (job, i));
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (names, FALSE);
}

static gboolean
run_pack (PackJob       *job,
          GCancellable  *cancellable,
          GError       **error)
{
  g_auto(GStrv) names = list_files (job);
  g_autoptr(AtlasPackWriter) writer = NULL;
  gboolean ok;

  /* The folder is made and checked first, so an unwritable destination or a file in the way
   * fails before any drawing. */
  writer = _atlas_pack_writer_begin (job->folder, (const char * const *) names, cancellable,
                                     error);
  if (writer == NULL)
    return FALSE;
  job->writer = writer;
  ok = render_pack (job, cancellable, error)
       && !g_cancellable_set_error_if_cancelled (cancellable, error)
       && _atlas_pack_writer_commit (writer, error);
  job->writer = NULL;
  return ok;
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
  PackJob job = { dataset, folder, by, { 0, }, progress, user_data, NULL };

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
  job->held = atlas_cartography_options_hold (base);
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
