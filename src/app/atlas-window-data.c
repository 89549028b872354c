/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A planner's own files on the map: Add Data… (a file chooser), CSV, TSV and GeoJSON files
 * dropped on the window, the command line's --data and --points, and the layers remembered
 * from the last time. Files are read and classed in a worker thread; a file that cannot be
 * used is refused in a dialog that says where (FILE:LINE:COLUMN) and the map stays as it was.
 * What was added is remembered in the settings ("data-layers": the files' paths and the
 * choices made, never their contents) and read again at the next start; a file that has gone
 * meanwhile is said in the banner and left out. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-data-dialog.h"
#include "atlas-window-private.h"

/* How much of a .json file is looked at to tell a GeoJSON layer from a dataset. */
#define SNIFF_BYTES 65536

typedef struct {
  AtlasWindow *window;           /* a reference */
  AtlasDataset *dataset;
  GPtrArray *definitions;        /* AtlasLayerDefinition, in order */
  GPtrArray *layers;             /* out: AtlasUserLayer or NULL, per definition */
  GPtrArray *errors;             /* out: GError or NULL, per definition */
  gboolean interactive;          /* a planner asked for it just now: say what it made */
  gboolean restoring;            /* the remembered layers */
  gboolean guess_kind;           /* a file just chosen: what it makes is read from it */
} LoadJob;

static void
error_free (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

static void
object_unref (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->dataset);
  g_ptr_array_unref (job->definitions);
  g_ptr_array_unref (job->layers);
  g_ptr_array_unref (job->errors);
  g_free (job);
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *folded = g_ascii_strdown (path, -1);

  return g_str_has_suffix (folded, suffix);
}

gboolean
_atlas_window_is_data_file (const char *path)
{
  static const char * const tables[] = { ".csv", ".tsv", ".tab", ".txt", ".geojson", NULL };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *head = NULL;
  gssize n;

  for (guint i = 0; tables[i] != NULL; i++)
    if (has_suffix (path, tables[i]))
      return TRUE;
  if (!has_suffix (path, ".json"))
    return FALSE;

  /* A dataset is an object with "system", "districts"…; a point layer is GeoJSON. */
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return FALSE;
  head = g_malloc (SNIFF_BYTES + 1);
  n = g_input_stream_read (G_INPUT_STREAM (stream), head, SNIFF_BYTES, NULL, NULL);
  if (n <= 0)
    return FALSE;
  head[n] = '\0';
  return strstr (head, "\"FeatureCollection\"") != NULL || strstr (head, "\"Feature\"") != NULL;
}

/* Each definition's layer for the dataset, in order, its file read unless its bytes are
 * there. */
static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;

  for (guint i = 0; i < job->definitions->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      AtlasLayerDefinition *definition = job->definitions->pdata[i];
      GError *error = NULL;
      AtlasUserLayer *layer = NULL;

      if (job->guess_kind)
        {
          g_autoptr(GFile) file = g_file_new_for_path (definition->path);
          g_autoptr(AtlasLayerDefinition) read = NULL;

          read = atlas_layer_definition_new_for_file (file, definition->name, &error);
          if (read != NULL)
            {
              read->id = g_strdup (definition->id);
              layer = atlas_user_layer_new (job->dataset, read, &error);
            }
        }
      else
        layer = atlas_user_layer_new (job->dataset, definition, &error);
      g_ptr_array_add (job->layers, layer);
      g_ptr_array_add (job->errors, error);
    }
  g_task_return_boolean (task, TRUE);
}

static void
data_error_dialog_destroy_cb (AtlasWindow *self)
{
  self->data_error_dialog = NULL;
}

/* A refused file: what the reader said, FILE:LINE:COLUMN first, and that nothing changed. */
static void
show_refusal (AtlasWindow  *self,
              const char   *name,
              const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog, *label;

  if (self->data_error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->data_error_dialog));
  /* TRANSLATORS: %s is a file's name. */
  body = g_strdup_printf (_("“%s” could not be put on the map. The map stays as it was."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Data Could Not Be Added"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  label = gtk_label_new (error->message);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_name (label, "data-error-text");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  self->data_error_dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (data_error_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_atlas_window_save_layers (AtlasWindow *self)
{
  GVariantBuilder builder;
  guint n;

  if (!_atlas_settings_has_key (self->settings, "data-layers"))
    return;
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  n = atlas_map_state_get_n_layers (self->state);
  for (guint i = 0; i < n; i++)
    {
      AtlasUserLayer *layer = atlas_map_state_get_layer (self->state, i);
      const AtlasLayerDefinition *definition = atlas_user_layer_get_definition (layer);

      /* Only what can be read again: a layer that came embedded has no path. */
      if (definition->path != NULL)
        g_variant_builder_add_value (&builder,
                                     atlas_layer_definition_to_variant (definition, FALSE));
    }
  /* Layers still being read at start are remembered as they were. */
  for (guint i = 0; self->data_restoring != NULL && i < self->data_restoring->len; i++)
    g_variant_builder_add_value (&builder,
                                 atlas_layer_definition_to_variant (self->data_restoring->pdata[i],
                                                                    FALSE));
  g_settings_set_value (self->settings, "data-layers", g_variant_builder_end (&builder));
}

static void
show_values (AtlasWindow    *self,
             AtlasUserLayer *layer)
{
  if (atlas_user_layer_get_kind (layer) == ATLAS_LAYER_VALUES
      && atlas_user_layer_get_choropleth (layer) != NULL)
    _atlas_window_set_thematic (self, atlas_user_layer_get_id (layer));
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  AtlasWindow *self = job->window;
  g_autoptr(GString) missing = g_string_new (NULL);
  AtlasUserLayer *last = NULL;

  g_assert (self->data_loading > 0);
  self->data_loading--;
  if (job->restoring)
    g_clear_pointer (&self->data_restoring, g_ptr_array_unref);
  if (g_task_had_error (G_TASK (result)) || self->state == NULL)
    return;

  for (guint i = 0; i < job->layers->len; i++)
    {
      AtlasUserLayer *layer = job->layers->pdata[i];
      GError *error = job->errors->pdata[i];
      const AtlasLayerDefinition *definition = job->definitions->pdata[i];

      if (layer != NULL && !atlas_map_state_add_layer (self->state, layer, &error))
        layer = NULL;
      if (layer == NULL && job->restoring)
        {
          g_message ("%s", error->message);
          g_string_append_printf (missing, "%s“%s”", missing->len > 0 ? ", " : "",
                                  definition->name);
        }
      else if (layer == NULL)
        show_refusal (self, definition->name, error);
      else if (!job->restoring)
        {
          show_values (self, layer);
          last = layer;
        }
      /* An error that add_layer set is this loop's to free. */
      if (error != job->errors->pdata[i])
        g_clear_error (&error);
    }
  if (missing->len > 0)
    {
      /* TRANSLATORS: %s lists files' names, e.g. “a.csv”, “b.csv” */
      g_autofree char *text = g_strdup_printf (_("Data added last time could not be read "
                                                 "again and was left out: %s"), missing->str);

      _atlas_window_show_banner (self, text);
    }
  _atlas_window_save_layers (self);
  _atlas_window_update_data_actions (self);
  if (last != NULL && job->interactive)
    _atlas_window_show_data_dialog (self, atlas_user_layer_get_id (last));
  _atlas_window_check_ready (self);
}

/* Reads the definitions' files and adds their layers, in order, in a worker thread. */
static void
load_definitions (AtlasWindow *self,
                  GPtrArray   *definitions,
                  gboolean     interactive,
                  gboolean     restoring,
                  gboolean     guess_kind)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  if (self->dataset == NULL || definitions->len == 0)
    return;
  job = g_new0 (LoadJob, 1);
  job->window = g_object_ref (self);
  job->dataset = g_object_ref (self->dataset);
  job->definitions = g_ptr_array_ref (definitions);
  job->layers = g_ptr_array_new_with_free_func (object_unref);
  job->errors = g_ptr_array_new_with_free_func (error_free);
  job->interactive = interactive;
  job->restoring = restoring;
  job->guess_kind = guess_kind;
  task = g_task_new (NULL, self->data_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, load_definitions);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  self->data_loading++;
  g_task_run_in_thread (task, load_in_thread);
}

void
_atlas_window_add_data_file (AtlasWindow *self,
                             const char  *path)
{
  g_autoptr(GPtrArray) definitions = NULL;
  g_autofree char *name = g_path_get_basename (path);
  AtlasLayerDefinition *definition;
  guint n = atlas_map_state_get_n_layers (self->state);

  definitions = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_layer_definition_free);
  /* The same file again is read again, with the choices made for it. */
  for (guint i = 0; i < n; i++)
    {
      const AtlasLayerDefinition *known =
        atlas_user_layer_get_definition (atlas_map_state_get_layer (self->state, i));

      if (g_strcmp0 (known->path, path) == 0)
        {
          definition = atlas_layer_definition_copy (known);
          g_clear_pointer (&definition->bytes, g_bytes_unref);
          g_ptr_array_add (definitions, definition);
          load_definitions (self, definitions, TRUE, FALSE, FALSE);
          return;
        }
    }
  definition = atlas_layer_definition_new (ATLAS_LAYER_VALUES);
  definition->name = g_strdup (name);
  definition->path = g_strdup (path);
  definition->id = atlas_map_state_make_layer_id (self->state, name);
  g_ptr_array_add (definitions, definition);
  load_definitions (self, definitions, TRUE, FALSE, TRUE);
}

void
atlas_window_add_layers (AtlasWindow *self,
                         GPtrArray   *definitions)
{
  g_autoptr(GPtrArray) copies = NULL;

  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (definitions != NULL);

  copies = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_layer_definition_free);
  for (guint i = 0; i < definitions->len; i++)
    {
      AtlasLayerDefinition *copy = atlas_layer_definition_copy (definitions->pdata[i]);

      g_free (copy->id);
      copy->id = atlas_map_state_make_layer_id (self->state, copy->name);
      g_ptr_array_add (copies, copy);
    }
  load_definitions (self, copies, FALSE, FALSE, FALSE);
}

/* The remembered layers, once the first system is open. */
static void
restore_layers (AtlasWindow *self)
{
  g_autoptr(GVariant) remembered = NULL;
  GVariantIter iter;
  GVariant *child;

  if (self->data_restored || self->dataset == NULL
      || !_atlas_settings_has_key (self->settings, "data-layers"))
    return;
  self->data_restored = TRUE;
  remembered = g_settings_get_value (self->settings, "data-layers");
  self->data_restoring = g_ptr_array_new_with_free_func (
    (GDestroyNotify) atlas_layer_definition_free);
  g_variant_iter_init (&iter, remembered);
  while ((child = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      AtlasLayerDefinition *definition = atlas_layer_definition_new_from_variant (child, &error);

      if (definition != NULL && definition->path != NULL)
        g_ptr_array_add (self->data_restoring, definition);
      else
        g_clear_pointer (&definition, atlas_layer_definition_free);
      g_variant_unref (child);
    }
  if (self->data_restoring->len == 0)
    {
      g_clear_pointer (&self->data_restoring, g_ptr_array_unref);
      return;
    }
  load_definitions (self, self->data_restoring, FALSE, TRUE, FALSE);
}

static void
state_changed_cb (AtlasWindow *self,
                  guint        change)
{
  if (change & ATLAS_MAP_STATE_CHANGE_DATASET)
    restore_layers (self);
  if (change & (ATLAS_MAP_STATE_CHANGE_LAYERS | ATLAS_MAP_STATE_CHANGE_DATASET))
    _atlas_window_update_data_actions (self);
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
  if (path != NULL)
    _atlas_window_add_data_file (self, path);
  g_object_unref (native);
}

static void
add_data_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) data = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Add Data"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (data, _("Spreadsheets and places (CSV, TSV, GeoJSON)"));
  for (const char * const *p = (const char * const[]) { "*.csv", "*.tsv", "*.tab", "*.txt",
                                                        "*.geojson", "*.json", NULL };
       *p != NULL; p++)
    gtk_file_filter_add_pattern (data, *p);
  gtk_file_filter_add_mime_type (data, "text/csv");
  gtk_file_filter_add_mime_type (data, "text/tab-separated-values");
  gtk_file_filter_add_mime_type (data, "application/geo+json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), data);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  g_signal_connect (native, "response", G_CALLBACK (file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
data_layers_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _atlas_window_show_data_dialog (ATLAS_WINDOW (widget), NULL);
}

static void
data_dialog_destroy_cb (AtlasWindow *self)
{
  self->data_dialog = NULL;
}

void
_atlas_window_show_data_dialog (AtlasWindow *self,
                                const char  *id)
{
  if (atlas_map_state_get_n_layers (self->state) == 0)
    return;
  if (self->data_dialog == NULL)
    {
      self->data_dialog = GTK_WIDGET (atlas_data_dialog_new (self));
      g_signal_connect_object (self->data_dialog, "destroy", G_CALLBACK (data_dialog_destroy_cb),
                               self, G_CONNECT_SWAPPED);
    }
  if (id != NULL)
    atlas_data_dialog_show_layer (ATLAS_DATA_DIALOG (self->data_dialog), id);
  gtk_window_present (GTK_WINDOW (self->data_dialog));
}

gboolean
_atlas_window_change_layer (AtlasWindow                 *self,
                            AtlasUserLayer              *layer,
                            const AtlasLayerDefinition  *choices,
                            GError                     **error)
{
  g_autoptr(AtlasUserLayer) changed = atlas_user_layer_new_with_choices (layer, choices, error);

  if (changed == NULL || !atlas_map_state_add_layer (self->state, changed, error))
    return FALSE;
  _atlas_window_save_layers (self);
  return TRUE;
}

void
_atlas_window_remove_layer (AtlasWindow *self,
                            const char  *id)
{
  gboolean shown = g_strcmp0 (atlas_map_state_get_thematic_choice (self->state), id) == 0;

  if (!atlas_map_state_remove_layer (self->state, id))
    return;
  if (shown)
    _atlas_window_set_thematic (self, ATLAS_MAP_STATE_PARTNERSHIPS);
  _atlas_window_save_layers (self);
}

void
_atlas_window_update_data_actions (AtlasWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-data", self->dataset != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.data-layers",
                                 self->state != NULL
                                 && atlas_map_state_get_n_layers (self->state) > 0);
}

void
_atlas_window_class_init_data (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-data", NULL, add_data_action);
  gtk_widget_class_install_action (widget_class, "win.data-layers", NULL, data_layers_action);
}

void
_atlas_window_data_init (AtlasWindow *self)
{
  self->data_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->state, "changed", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  _atlas_window_update_data_actions (self);
}

void
_atlas_window_data_dispose (AtlasWindow *self)
{
  g_cancellable_cancel (self->data_cancellable);
  g_clear_object (&self->data_cancellable);
  g_clear_pointer (&self->data_restoring, g_ptr_array_unref);
  if (self->data_error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->data_error_dialog));
  if (self->data_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->data_dialog));
}

guint
_atlas_window_get_data_loading (AtlasWindow *self)
{
  return self->data_loading;
}

GtkWidget *
_atlas_window_get_data_error_dialog (AtlasWindow *self)
{
  return self->data_error_dialog;
}

GtkWidget *
_atlas_window_get_data_dialog (AtlasWindow *self)
{
  return self->data_dialog;
}
