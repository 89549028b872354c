/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-pack-dialog.h"

#include <glib/gi18n.h>

#include "atlas-window-export.h"

struct _AtlasPackDialog
{
  AdwWindow parent_instance;

  GtkButton *cancel_button;
  GtkButton *start_button;
  GtkCheckButton *district_check;
  GtkCheckButton *partnership_check;
  AdwActionRow *folder_row;
  GtkButton *choose_button;
  GtkProgressBar *progress_bar;
  GtkLabel *status_label;

  AtlasWindow *window;          /* weak */
  AtlasDataset *dataset;
  AtlasCartographyOptions base; /* the window's map as the dialog opened: theme, thematic
                                 * layer (its records belong to dataset) */
  GPtrArray *held;              /* the layers base borrows */
  GFile *parent_folder;         /* chosen; the pack goes into a new folder inside it */
  GFile *folder;                /* where the running or last pack goes */
  GCancellable *cancellable;
};

enum {
  PROGRESS,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasPackDialog, atlas_pack_dialog, ADW_TYPE_WINDOW)

typedef struct {
  GWeakRef dialog;
  guint done;
  guint total;
} Progress;

static void
progress_free (Progress *progress)
{
  g_weak_ref_clear (&progress->dialog);
  g_free (progress);
}

static char *
get_folder_name (AtlasPackDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  /* e.g. "hwe-meeting-pack-2026-11-22": the dataset id is already a safe file name. */
  return g_strdup_printf ("%s-meeting-pack-%s", atlas_dataset_get_id (self->dataset), date);
}

static void
update_folder (AtlasPackDialog *self)
{
  g_autofree char *name = get_folder_name (self);
  g_autofree char *path = NULL;

  g_clear_object (&self->folder);
  self->folder = g_file_get_child (self->parent_folder, name);
  path = g_file_get_path (self->folder);
  adw_action_row_set_subtitle (self->folder_row, path != NULL ? path : name);
}

static void
set_status (AtlasPackDialog *self,
            const char      *text,
            gboolean         error)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_busy (AtlasPackDialog *self,
          gboolean         busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->district_check), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->partnership_check), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
}

static gboolean
report_progress_idle (gpointer user_data)
{
  Progress *progress = user_data;
  g_autoptr(AtlasPackDialog) self = g_weak_ref_get (&progress->dialog);
  g_autofree char *text = NULL;

  if (self == NULL || self->cancellable == NULL)
    return G_SOURCE_REMOVE;
  text = g_strdup_printf (_("%u of %u"), progress->done, progress->total);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 progress->total > 0
                                   ? (double) progress->done / progress->total : 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  g_signal_emit (self, signals[PROGRESS], 0, progress->done, progress->total);
  return G_SOURCE_REMOVE;
}

/* From the worker thread: hands the numbers to the main thread. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  g_weak_ref_init (&progress->dialog, user_data);
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, report_progress_idle, progress,
                              (GDestroyNotify) progress_free);
}

static void
pack_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AtlasPackDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = atlas_export_pack_finish (result, &error);

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, _("Cancelled: no files were written."), FALSE);
      else
        set_status (self, error->message, TRUE);
      g_signal_emit (self, signals[FINISHED], 0, FALSE);
      return;
    }

  if (self->window != NULL)
    {
      _atlas_window_remember_export_folder (self->window, self->parent_folder);
      _atlas_window_toast_folder (self->window, _("Saved the meeting pack to %s"), self->folder);
    }
  g_signal_emit (self, signals[FINISHED], 0, TRUE);
  gtk_window_close (GTK_WINDOW (self));
}

static void
folder_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    AtlasPackDialog *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (folder == NULL)
    return;
  g_set_object (&self->parent_folder, folder);
  update_folder (self);
}

static void
choose_clicked_cb (AtlasPackDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Meeting Pack"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->parent_folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
start_clicked_cb (AtlasPackDialog *self)
{
  g_autoptr(GFile) folder = g_object_ref (self->folder);

  _atlas_pack_dialog_start (self, folder,
                            gtk_check_button_get_active (self->partnership_check)
                              ? ATLAS_EXPORT_PACK_BY_PARTNERSHIP : ATLAS_EXPORT_PACK_BY_DISTRICT);
}

static void
cancel_clicked_cb (AtlasPackDialog *self)
{
  if (self->cancellable != NULL)
    _atlas_pack_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
atlas_pack_dialog_close_request (GtkWindow *window)
{
  AtlasPackDialog *self = ATLAS_PACK_DIALOG (window);

  /* Closing while the pack is made cancels it: the core then removes what it made. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (atlas_pack_dialog_parent_class)->close_request (window);
}

static void
atlas_pack_dialog_dispose (GObject *object)
{
  AtlasPackDialog *self = ATLAS_PACK_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_object (&self->parent_folder);
  g_clear_object (&self->folder);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PACK_DIALOG);

  G_OBJECT_CLASS (atlas_pack_dialog_parent_class)->dispose (object);
}

static void
atlas_pack_dialog_class_init (AtlasPackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = atlas_pack_dialog_dispose;
  window_class->close_request = atlas_pack_dialog_close_request;

  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/icsatlas/IcsAtlas/atlas-pack-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPackDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasPackDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasPackDialog, district_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasPackDialog, partnership_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasPackDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPackDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasPackDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasPackDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_pack_dialog_init (AtlasPackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AtlasPackDialog *
atlas_pack_dialog_new (AtlasWindow *window)
{
  AtlasPackDialog *self;
  AtlasExportOptions options;

  g_return_val_if_fail (ATLAS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (atlas_window_get_dataset (window) != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_PACK_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->dataset = g_object_ref (atlas_window_get_dataset (window));
  _atlas_window_fill_export_options (window, &options);
  self->base = options.carto;
  self->held = atlas_cartography_options_hold (&self->base);
  self->parent_folder = _atlas_window_get_export_folder (window);
  update_folder (self);
  return self;
}

void
_atlas_pack_dialog_start (AtlasPackDialog   *self,
                          GFile             *folder,
                          AtlasExportPackBy  by)
{
  g_return_if_fail (ATLAS_IS_PACK_DIALOG (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->cancellable != NULL)
    return;
  g_set_object (&self->folder, folder);
  self->cancellable = g_cancellable_new ();
  set_status (self, NULL, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Drawing…"));
  set_busy (self, TRUE);
  atlas_export_pack_async (self->dataset, folder, by, &self->base, progress_cb, self,
                           self->cancellable, pack_done_cb, g_object_ref (self));
}

void
_atlas_pack_dialog_cancel (AtlasPackDialog *self)
{
  g_return_if_fail (ATLAS_IS_PACK_DIALOG (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
_atlas_pack_dialog_is_busy (AtlasPackDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_PACK_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
_atlas_pack_dialog_get_status (AtlasPackDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_PACK_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->status_label))
           ? gtk_label_get_text (self->status_label) : NULL;
}
