/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-print.h"

#include <adwaita.h>
#include <glib/gi18n.h>

typedef struct {
  AtlasExportOptions options;
  AtlasDataset *dataset;  /* a reference: the options point into it */
  char *title;
  char *subtitle;
  GPtrArray *held;        /* the layers the options borrow */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->dataset);
  g_free (job->title);
  g_free (job->subtitle);
  g_clear_pointer (&job->held, g_ptr_array_unref);
  g_free (job);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  AtlasExportOptions options = job->options;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  /* The context's user space is the printable area, in the page's units. */
  options.width = gtk_print_context_get_width (context);
  options.height = gtk_print_context_get_height (context);
  if (options.width <= 0 || options.height <= 0)
    return;
  atlas_export_render (cr, &options);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL && parent != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("The map could not be printed"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

GtkPrintOperation *
atlas_print_operation_new (const AtlasExportOptions *options)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  PrintJob *job;

  g_return_val_if_fail (options != NULL && ATLAS_IS_DATASET (options->dataset), NULL);

  job = g_new0 (PrintJob, 1);
  job->options = *options;
  job->dataset = g_object_ref (options->dataset);
  job->held = atlas_cartography_options_hold (&options->carto);
  job->title = g_strdup (options->title);
  job->subtitle = g_strdup (options->subtitle);
  job->options.title = job->title;
  job->options.subtitle = job->subtitle;

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, atlas_dataset_get_name (options->dataset));
  g_object_set_data_full (G_OBJECT (operation), "atlas-print-job", job,
                          (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  return operation;
}

void
atlas_print_map (GtkWindow                *parent,
                 const AtlasExportOptions *options)
{
  g_autoptr(GtkPrintOperation) operation = atlas_print_operation_new (options);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), parent);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Printing failed: %s", error->message);
}
