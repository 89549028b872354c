/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which care system the window shows: the bundled ones from the menu, a dataset file from the
 * file chooser or dropped on the window, loaded in a worker thread. A file that does not
 * validate is refused with its problems listed, and the system on screen stays as it was.
 *
 * The system shown last is remembered, and trusted only once a launch with it reached "ready"
 * (its map complete): a dataset whose text or size kills the window would otherwise kill every
 * later launch too. "last-dataset-ready" is cleared, and written to disk, before a system is
 * shown, and set again when its map is complete; a start that finds it cleared opens the
 * default system and says why in the banner. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-document.h"
#include "atlas-problems.h"
#include "atlas-startup-trace.h"
#include "atlas-text.h"
#include "atlas-window-private.h"

#define DEFAULT_DATASET "hwe"
#define READY_KEY "last-dataset-ready"
/* Lines listed in the dialog: the core keeps no more problems than these, and says how many
 * more there were on a line of its own. */
#define MAX_LISTED (ATLAS_PROBLEMS_MAX + 1)
/* A file's name in the banner: the banner keeps to a line or two. */
#define BANNER_NAME_CHARS 80

typedef struct {
  AtlasWindow *window;           /* a reference */
  char *location;
  gboolean remembered;           /* on failure, the default system with a word in the banner */
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

/* The problems, one per line with the folder of path (the file they are in, or NULL) left out
 * (the dialog is narrow), and no more than MAX_LISTED of them, then how many more there were. */
static char *
list_problems (const char   *path,
               const GError *error)
{
  g_autofree char *prefix = NULL;
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  GString *text = g_string_new (NULL);
  guint n = g_strv_length (lines);

  if (path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      prefix = g_strconcat (dir, G_DIR_SEPARATOR_S, NULL);
    }
  for (guint i = 0; i < n && i < MAX_LISTED; i++)
    {
      const char *line = lines[i];

      if (prefix != NULL && g_str_has_prefix (line, prefix))
        line += strlen (prefix);
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
    }
  if (n > MAX_LISTED)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("… and %u more problem", "… and %u more problems",
                                              n - MAX_LISTED), n - MAX_LISTED);
    }
  return g_string_free (text, FALSE);
}

static void
show_error_dialog (AtlasWindow  *self,
                   const char   *location,
                   const GError *error)
{
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  base = is_bundled (location) ? g_strdup (location) : g_filename_display_basename (location);
  name = atlas_text_one_line (base, BANNER_NAME_CHARS);
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
  GtkWidget *dialog, *scrolled, *view;
  GtkTextBuffer *buffer;

  if (self->load_error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->load_error_dialog));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  /* Every problem on a line of its own, FILE:LINE:COLUMN first: too many for a toast, and
   * worth copying into an editor. A text view in a scrolled area of fixed height: however
   * many problems there are, the dialog keeps its size and its Close button stays on screen. */
  problems = list_problems (path, error);
  view = gtk_text_view_new ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, problems, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_name (view, "load-error-text");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  self->load_error_dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (error_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The default system, with a word in the banner about the one that was not opened. format has
 * one %s, for that one's name. */
static void
fall_back (AtlasWindow *self,
           const char  *location,
           const char  *format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = is_bundled (location) ? g_strdup (location)
                                                : g_filename_display_basename (location);
  g_autofree char *name = atlas_text_one_line (base, BANNER_NAME_CHARS);
  g_autofree char *text = g_strdup_printf (format, name);

  /* The bundled default is small and trusted: no need for a worker thread. */
  if (!atlas_window_load_dataset (self, DEFAULT_DATASET, &error))
    {
      show_error_dialog (self, DEFAULT_DATASET, error);
      return;
    }
  _atlas_window_show_banner (self, text);
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
      if (data->remembered && g_strcmp0 (data->location, DEFAULT_DATASET) != 0)
        /* TRANSLATORS: %s is the name of a dataset file. */
        fall_back (self, data->location, _("The dataset opened last, “%s”, could not be "
                                           "opened; showing Hertfordshire and West Essex"));
      else
        show_error_dialog (self, data->location, error);
    }
  else
    {
      _atlas_window_set_dataset_from (self, dataset, data->location);
      atlas_trace_startup ("dataset-set");
    }
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
  /* A map document opens as a map; a spreadsheet or places go on the map; anything else is a
   * care system's dataset. */
  if (atlas_document_is_document_name (path))
    _atlas_window_open_map_in_place (self, files->data);
  else if (self->dataset != NULL && _atlas_window_is_data_file (path))
    _atlas_window_add_data_file (self, path);
  else
    atlas_window_open_dataset (self, path);
  return TRUE;
}

/* The map of the system shown is complete: the next start may open it again. */
static void
ready_cb (AtlasWindow *self)
{
  if (_atlas_settings_has_key (self->settings, READY_KEY)
      && !g_settings_get_boolean (self->settings, READY_KEY))
    g_settings_set_boolean (self->settings, READY_KEY, TRUE);
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
  g_signal_connect (self, "ready", G_CALLBACK (ready_cb), NULL);
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
  if (_atlas_settings_has_key (self->settings, "last-dataset"))
    g_settings_set_string (self->settings, "last-dataset", location);
  if (_atlas_settings_has_key (self->settings, READY_KEY))
    {
      g_settings_set_boolean (self->settings, READY_KEY, FALSE);
      /* On disk before the system is drawn: if drawing it kills the window, the next start
       * must know. */
      g_settings_sync ();
    }
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

static void
open_in_thread (AtlasWindow *self,
                const char  *id_or_path,
                gboolean     remembered)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  /* The last request wins. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->window = g_object_ref (self);
  data->location = normalise_location (id_or_path);
  data->remembered = remembered;
  task = g_task_new (NULL, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, atlas_window_open_dataset);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  /* A cancelled load still finishes its thread; its result is dropped when it comes back. */
  self->loading++;
  g_task_run_in_thread (task, load_in_thread);
}

void
atlas_window_open_dataset (AtlasWindow *self,
                           const char  *id_or_path)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (id_or_path != NULL);

  open_in_thread (self, id_or_path, FALSE);
}

void
_atlas_window_open_at_start (AtlasWindow *self,
                             const char  *request)
{
  g_autofree char *remembered = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (request == NULL)
    {
      if (_atlas_settings_has_key (self->settings, "last-dataset"))
        remembered = g_settings_get_string (self->settings, "last-dataset");
      if (remembered == NULL || remembered[0] == '\0')
        {
          g_free (remembered);
          remembered = g_strdup (DEFAULT_DATASET);
        }
      if (strcmp (remembered, DEFAULT_DATASET) != 0
          && _atlas_settings_has_key (self->settings, READY_KEY)
          && !g_settings_get_boolean (self->settings, READY_KEY))
        {
          /* TRANSLATORS: %s is the name of a dataset file, or the id of a bundled one. */
          fall_back (self, remembered, _("The dataset opened last, “%s”, was not opened again: "
                                         "the last time, the window closed before its map was "
                                         "complete. Showing Hertfordshire and West Essex."));
          return;
        }
    }

  /* A bundled system is small and trusted: set before the first frame, as fast as can be. A
   * file may be large, a pipe or worse: it loads in a worker thread, the window showing. */
  if (is_bundled (request != NULL ? request : remembered))
    {
      if (atlas_window_load_dataset (self, request != NULL ? request : remembered, &error))
        atlas_trace_startup ("dataset-set");
      else
        show_error_dialog (self, request != NULL ? request : remembered, error);
      return;
    }
  open_in_thread (self, request != NULL ? request : remembered, request == NULL);
}
