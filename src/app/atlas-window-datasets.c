/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which care system the window shows: the bundled ones from the menu, a dataset file from the
 * file chooser or dropped on the window, loaded in a worker thread. A file that does not
 * validate is refused with its problems listed, and the system on screen stays as it was. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-document.h"
#include "atlas-window-private.h"

#define DEFAULT_DATASET "hwe"

typedef struct {
  AtlasWindow *window;           /* a reference */
  char *location;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->window);
  g_free (data->location);
  g_free (data);
}

static gboolean
is_bundled (const char *location)
{
  return location != NULL && g_strv_contains (atlas_dataset_bundled_ids (), location);
}

/* Bundled ids stay as they are; anything else is a file, remembered by its absolute path so
 * that it opens again whatever the working folder. */
static char *
normalise_location (const char *id_or_path)
{
  g_autoptr(GFile) file = NULL;

  if (is_bundled (id_or_path))
    return g_strdup (id_or_path);
  file = g_file_new_for_commandline_arg (id_or_path);
  return g_file_get_path (file);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  AtlasDataset *dataset;
  GError *error = NULL;

  dataset = atlas_dataset_load (data->location, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static void
error_dialog_destroy_cb (AtlasWindow *self)
{
  self->load_error_dialog = NULL;
}

static void
show_error_dialog (AtlasWindow  *self,
                   const char   *location,
                   const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  name = is_bundled (location) ? g_strdup (location) : g_path_get_basename (location);
  if (self->dataset != NULL)
    /* TRANSLATORS: %s is a file name. */
    body = g_strdup_printf (_("“%s” is not a valid dataset. The care system on screen stays "
                              "open."), name);
  else
    body = g_strdup_printf (_("“%s” is not a valid dataset."), name);
  _atlas_window_show_problems (self, _("The Dataset Could Not Be Opened"), body,
                               is_bundled (location) ? NULL : location, error);
}

void
_atlas_window_show_problems (AtlasWindow  *self,
                             const char   *heading,
                             const char   *body,
                             const char   *path,
                             const GError *error)
{
  g_autofree char *problems = NULL;
  GtkWidget *dialog, *scrolled, *label;

  if (self->load_error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->load_error_dialog));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  /* Every problem on a line of its own, FILE:LINE:COLUMN first: too many for a toast, and
   * worth copying into an editor. The file's folder is left out: the dialog is narrow. */
  if (path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *prefix = g_strconcat (dir, G_DIR_SEPARATOR_S, NULL);
      g_auto(GStrv) parts = g_strsplit (error->message, prefix, -1);

      problems = g_strjoinv ("", parts);
    }
  else
    problems = g_strdup (error->message);
  label = gtk_label_new (problems);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_name (label, "load-error-text");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 140);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 520);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  self->load_error_dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (error_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadData *data = g_task_get_task_data (G_TASK (result));
  AtlasWindow *self = data->window;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = g_task_propagate_pointer (G_TASK (result), &error);
  g_assert (self->loading > 0);
  self->loading--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (dataset == NULL)
    {
      g_message ("%s", error->message);
      show_error_dialog (self, data->location, error);
    }
  else
    _atlas_window_set_dataset_from (self, dataset, data->location);
  _atlas_window_update_actions (self);
}

static void
file_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          AtlasWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    path = g_file_get_path (file);
  /* The same chooser opens map documents. */
  if (path != NULL && atlas_document_is_document_name (path))
    _atlas_window_open_map_in_place (self, file);
  else if (path != NULL)
    atlas_window_open_dataset (self, path);
  g_object_unref (native);
}

static void
open_dataset_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (json, _("Maps and Datasets"));
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_pattern (json, "*" ATLAS_DOCUMENT_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  g_signal_connect (native, "response", G_CALLBACK (file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AtlasWindow   *self)
{
  GSList *files;
  g_autofree char *path = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  path = g_file_get_path (files->data);
  if (path == NULL)
    return FALSE;
  if (atlas_document_is_document_name (path))
    _atlas_window_open_map_in_place (self, files->data);
  else
    atlas_window_open_dataset (self, path);
  return TRUE;
}

void
_atlas_window_class_init_datasets (GtkWidgetClass *widget_class)
{
  /* The "system" property's setter opens the system; its value, and so the radio items' state,
   * follows only once it is loaded, so a failure leaves the old one checked. */
  gtk_widget_class_install_property_action (widget_class, "win.dataset", "system");
  gtk_widget_class_install_action (widget_class, "win.open-dataset", NULL, open_dataset_action);
}

void
_atlas_window_datasets_init (AtlasWindow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_atlas_window_datasets_dispose (AtlasWindow *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->dataset_location, g_free);
  g_clear_pointer (&self->next_location, g_free);
  if (self->load_error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->load_error_dialog));
}

/* Called whenever the dataset changes: the menu's radio items and the remembered system. */
void
_atlas_window_datasets_changed (AtlasWindow *self)
{
  const char *location;

  if (self->dataset == NULL)
    return;
  g_free (self->dataset_location);
  if (self->next_location != NULL)
    self->dataset_location = g_steal_pointer (&self->next_location);
  else
    self->dataset_location = g_strdup (atlas_dataset_get_id (self->dataset));
  location = self->dataset_location;
  g_object_notify (G_OBJECT (self), "system");
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-dataset", location);
}

void
_atlas_window_set_dataset_from (AtlasWindow  *self,
                                AtlasDataset *dataset,
                                const char   *location)
{
  g_free (self->next_location);
  self->next_location = normalise_location (location);
  if (self->dataset == dataset)
    _atlas_window_datasets_changed (self);
  else
    atlas_window_set_dataset (self, dataset);
  g_clear_pointer (&self->next_location, g_free);
}

gboolean
atlas_window_load_dataset (AtlasWindow  *self,
                           const char   *id_or_path,
                           GError      **error)
{
  g_autoptr(AtlasDataset) dataset = NULL;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id_or_path != NULL, FALSE);

  dataset = atlas_dataset_load (id_or_path, error);
  if (dataset == NULL)
    return FALSE;
  _atlas_window_set_dataset_from (self, dataset, id_or_path);
  return TRUE;
}

void
atlas_window_open_dataset (AtlasWindow *self,
                           const char  *id_or_path)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (id_or_path != NULL);

  /* The last request wins. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->window = g_object_ref (self);
  data->location = normalise_location (id_or_path);
  task = g_task_new (NULL, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, atlas_window_open_dataset);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  /* A cancelled load still finishes its thread; its result is dropped when it comes back. */
  self->loading++;
  g_task_run_in_thread (task, load_in_thread);
}
