/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-export-dialog-private.h"
#include "atlas-window-export.h"

/* The export dialog's work off the main thread: the live preview and the written file. */

/* The preview is drawn by the export renderer at this size at most, in a worker thread: the
 * composition scales with the canvas, so a small one is a true miniature of the file. */
#define PREVIEW_MAX_WIDTH  720.0
#define PREVIEW_MAX_HEIGHT 480.0

/* A copy of the options that a worker thread may use while the dialog changes or closes. */
typedef struct {
  AtlasExportOptions options;
  AtlasDataset *dataset;
  char *title;
  AtlasExportFormat format;
  GFile *file;
  GPtrArray *held;             /* the layers the options borrow */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->dataset);
  g_clear_object (&job->file);
  g_clear_pointer (&job->held, g_ptr_array_unref);
  g_free (job->title);
  g_free (job);
}

static ExportJob *
export_job_new (AtlasExportDialog *self)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  _atlas_export_dialog_get_options (self, &job->options);
  job->dataset = g_object_ref (self->dataset);
  job->held = atlas_cartography_options_hold (&job->options.carto);
  job->title = g_strdup (job->options.title);
  job->options.title = job->title;
  job->format = (AtlasExportFormat) MIN (adw_combo_row_get_selected (self->format_row),
                                         ATLAS_EXPORT_N_FORMATS - 1);
  return job;
}

static void
preview_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AtlasExportDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  self->preview_running = FALSE;
  if (texture == NULL || g_task_had_error (G_TASK (result)))
    return;
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  g_free (self->preview_title);
  self->preview_title = g_strdup (job->title);
  self->preview_count++;
  /* What changed while it was drawn is drawn next. */
  if (self->preview_stale && self->preview_source == 0)
    self->preview_source = g_idle_add (_atlas_export_dialog_render_preview, self);
  self->preview_stale = FALSE;
}

static void
render_preview_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  ExportJob *job = task_data;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  int width = (int) ceil (job->options.width), height = (int) ceil (job->options.height);
  GdkTexture *texture;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  atlas_export_render (cr, &job->options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (g_task_return_error_if_cancelled (task))
    {
      cairo_surface_destroy (surface);
      return;
    }
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  g_task_return_pointer (task, texture, g_object_unref);
}

gboolean
_atlas_export_dialog_render_preview (gpointer user_data)
{
  AtlasExportDialog *self = user_data;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  double fit;

  self->preview_source = 0;
  /* One drawing at a time: several at once would only compete for the processor. */
  if (self->preview_running)
    {
      self->preview_stale = TRUE;
      return G_SOURCE_REMOVE;
    }
  self->preview_running = TRUE;
  job = export_job_new (self);
  if (self->preview_cancellable == NULL)
    self->preview_cancellable = g_cancellable_new ();

  fit = MIN (PREVIEW_MAX_WIDTH / job->options.width, PREVIEW_MAX_HEIGHT / job->options.height);
  job->options.width = MAX (1, round (job->options.width * fit));
  job->options.height = MAX (1, round (job->options.height * fit));

  task = g_task_new (NULL, self->preview_cancellable, preview_ready_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, render_preview_thread);
  return G_SOURCE_REMOVE;
}

static void
set_busy (AtlasExportDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtlasExportDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      _atlas_export_dialog_emit_finished (self, FALSE);
      return;
    }

  _atlas_export_dialog_save_settings (self, job->file);
  if (self->window != NULL)
    _atlas_window_toast_saved (self->window, _("Exported the map to %s"), job->file);
  _atlas_export_dialog_emit_finished (self, TRUE);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (atlas_export_to_file (&job->options, job->file, job->format, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
_atlas_export_dialog_export_to_file (AtlasExportDialog *self,
                                     GFile             *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_busy (self, TRUE);

  job = export_job_new (self);
  job->file = g_object_ref (file);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->export_cancellable, export_done_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}
