/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's map document (.atlas): Save (Ctrl+S) and Save As, Open Map, the recent maps in
 * the main menu, and documents dropped on the window or chosen with Ctrl+O. A document opens in
 * a worker thread (its system's dataset is loaded there too); one with problems is refused with
 * every problem listed, and what the window shows stays as it was. The title shows the
 * document's name, with a bullet while the map has changes it does not have; closing such a
 * window asks first. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-document.h"
#include "atlas-document-layers.h"
#include "atlas-window-export.h"

#define RECENT_MAX 6

/* What a document held when it was opened or saved: the map has unsaved changes when the
 * state differs from it (the view aside: looking around is no change). */
struct _AtlasWindowSaved
{
  char *system;
  char *thematic;
  AtlasSelectionKind kind;
  char *selection;
  char *basemap;
  AtlasAnnotationSet *annotations;
  GPtrArray *layers;             /* the state's data layers (a layer never changes: a change of
                                  * choices is a new one) */
};

typedef struct {
  AtlasWindow *window;           /* a reference */
  GFile *file;
  AtlasDocument *document;
  AtlasDataset *dataset;
} OpenJob;

static void
saved_free (struct _AtlasWindowSaved *saved)
{
  if (saved == NULL)
    return;
  g_free (saved->system);
  g_free (saved->thematic);
  g_free (saved->selection);
  g_free (saved->basemap);
  atlas_annotation_set_unref (saved->annotations);
  g_ptr_array_unref (saved->layers);
  g_free (saved);
}

static struct _AtlasWindowSaved *
saved_new (AtlasWindow *self)
{
  struct _AtlasWindowSaved *saved = g_new0 (struct _AtlasWindowSaved, 1);
  AtlasSelection *selection = atlas_map_state_get_selection (self->state);

  saved->system = g_strdup (self->dataset_location);
  saved->thematic = g_strdup (atlas_map_state_get_thematic (self->state));
  saved->kind = atlas_selection_get_kind (selection);
  saved->selection = g_strdup (atlas_selection_get_id (selection));
  saved->basemap = g_strdup (atlas_map_state_get_basemap (self->state));
  saved->annotations = atlas_annotation_set_ref (atlas_annotation_list_get_set (
                                                   atlas_map_state_get_annotations (self->state)));
  saved->layers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < atlas_map_state_get_n_layers (self->state); i++)
    g_ptr_array_add (saved->layers, g_object_ref (atlas_map_state_get_layer (self->state, i)));
  return saved;
}

static void
open_job_free (OpenJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_clear_pointer (&job->document, atlas_document_unref);
  g_clear_object (&job->dataset);
  g_free (job);
}

static char *
document_title (AtlasWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->document);

  if (g_str_has_suffix (name, ATLAS_DOCUMENT_SUFFIX))
    name[strlen (name) - strlen (ATLAS_DOCUMENT_SUFFIX)] = '\0';
  /* TRANSLATORS: the title of a map with changes not yet saved; %s is its name */
  return atlas_window_get_modified (self) ? g_strdup_printf (_("• %s"), name)
                                          : g_steal_pointer (&name);
}

static void
add_recent (AtlasWindow *self,
            GFile       *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .mime_type = (char *) ATLAS_DOCUMENT_MIME,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "ics-atlas %f",
  };

  if (data.app_name == NULL)
    data.app_name = (char *) "ICS Atlas";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* The main menu's recent maps: the newest few that are still there. */
static void
update_recent_menu (AtlasWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && n < RECENT_MAX; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!atlas_document_is_document_name (uri) || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uri));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Shows bbox exactly as large as the map fits it, as it was saved: in a window of the same
 * size, the same view. Before the map has a size, it waits for one. */
static gboolean
show_extent (AtlasWindow *self)
{
  GtkWidget *map = _atlas_window_get_map_widget (self);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  int width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);
  AtlasView view;
  double zoom, lon, lat;

  if (width <= 0 || height <= 0 || shumate_viewport_get_reference_map_source (viewport) == NULL)
    return FALSE;
  atlas_view_init_framing (&view, &self->pending_extent, width, height, 0);
  zoom = log2 (view.scale / shumate_map_source_get_tile_size (
                              shumate_viewport_get_reference_map_source (viewport)));
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));
  atlas_unproject (view.origin_x + width / 2.0 / view.scale,
                   view.origin_y + height / 2.0 / view.scale, &lon, &lat);
  /* Framing the selection may have started an animation: this view wins. */
  shumate_map_stop_go_to (SHUMATE_MAP (map));
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
  self->extent_pending = FALSE;
  return TRUE;
}

static gboolean
extent_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  AtlasWindow *self = user_data;

  if (!self->extent_pending || show_extent (self))
    {
      self->extent_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
request_extent (AtlasWindow     *self,
                const AtlasBBox *bbox)
{
  self->pending_extent = *bbox;
  self->extent_pending = TRUE;
  /* Meanwhile the first frame shows about the same. */
  atlas_district_layer_frame (self->district_layer, bbox, FALSE);
  if (!show_extent (self) && self->extent_tick == 0)
    self->extent_tick = gtk_widget_add_tick_callback (_atlas_window_get_map_widget (self),
                                                      extent_tick_cb, self, NULL);
}

static void
apply_document (AtlasWindow   *self,
                AtlasDocument *document,
                AtlasDataset  *dataset,
                GFile         *file)
{
  g_autoptr(GError) error = NULL;
  AtlasBBox view;

  /* The map is the document's: the layers remembered from the last start are not added to
   * it. */
  self->data_restored = TRUE;
  _atlas_window_set_dataset_from (self, dataset, atlas_document_get_system (document));
  /* The layers first: the document's thematic layer may be one of them. */
  g_clear_pointer (&self->carried_layers, g_ptr_array_unref);
  if (!atlas_document_restore_data_layers (self->state,
                                           atlas_document_get_data_layers (document),
                                           &self->carried_layers, &error))
    _atlas_window_show_problems (self, _("A Data Layer Could Not Be Shown"), error->message,
                                 NULL, error);
  atlas_document_apply (document, self->state);
  _atlas_window_set_thematic (self, atlas_map_state_get_thematic (self->state));
  atlas_window_set_basemap (self, atlas_document_get_basemap (document));
  if (atlas_document_get_view (document, &view))
    request_extent (self, &view);

  g_set_object (&self->document, file);
  saved_free (self->saved);
  self->saved = saved_new (self);
  add_recent (self, file);
  _atlas_window_document_update_title (self);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;

  job->document = atlas_document_open (job->file, NULL, &job->dataset, &error);
  if (job->document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  AtlasWindow *self = job->window;
  g_autoptr(GError) error = NULL;

  g_assert (self->loading > 0);
  self->loading--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *path = g_file_get_path (job->file);
      g_autofree char *name = g_file_get_basename (job->file);
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("%s", error->message);
      /* TRANSLATORS: %s is a file name. */
      body = g_strdup_printf (_("“%s” is not a map document this version can open. The map on "
                                "screen stays as it was."), name);
      _atlas_window_show_problems (self, _("The Map Could Not Be Opened"), body, path, error);
    }
  else
    apply_document (self, job->document, job->dataset, job->file);
  _atlas_window_update_actions (self);
}

static void
save_to (AtlasWindow *self,
         GFile       *file)
{
  g_autoptr(GError) error = NULL;

  if (!atlas_window_save_map (self, file, &error))
    {
      g_message ("%s", error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  _atlas_window_toast_saved (self, _("Saved the map to %s"), file);
}

static void
save_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          AtlasWindow     *self)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (chosen == NULL)
    return;
  /* A map document is known by its suffix: give it one. */
  name = g_file_get_basename (chosen);
  if (atlas_document_is_document_name (name))
    file = g_object_ref (chosen);
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (chosen);
      g_autofree char *suffixed = g_strconcat (name, ATLAS_DOCUMENT_SUFFIX, NULL);

      file = g_file_get_child (parent, suffixed);
    }
  save_to (self, file);
}

static GtkFileFilter *
document_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Maps (.atlas)"));
  gtk_file_filter_add_pattern (filter, "*" ATLAS_DOCUMENT_SUFFIX);
  gtk_file_filter_add_mime_type (filter, ATLAS_DOCUMENT_MIME);
  return filter;
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = document_filter ();
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Save Map"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (self->document != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), self->document, NULL);
  else
    {
      g_autoptr(GFile) folder = _atlas_window_get_export_folder (self);

      name = _atlas_window_get_export_name (self, "atlas");
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  g_signal_connect (native, "response", G_CALLBACK (save_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (self->document == NULL)
    save_as_action (widget, action_name, parameter);
  else
    save_to (self, self->document);
}

static void
open_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          AtlasWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file != NULL)
    _atlas_window_open_map_in_place (self, file);
}

static void
open_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = document_filter ();

  native = gtk_file_chooser_native_new (_("Open Map"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (open_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  _atlas_window_open_map_in_place (ATLAS_WINDOW (widget), file);
}

static void
state_changed_cb (AtlasWindow *self,
                  guint        change)
{
  if (change != ATLAS_MAP_STATE_CHANGE_VIEW)
    _atlas_window_document_update_title (self);
}

static gboolean
close_later_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   AtlasWindow      *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save") && self->document != NULL
      && !atlas_window_save_map (self, self->document, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (g_str_equal (response, "save") && self->document == NULL)
    {
      save_as_action (GTK_WIDGET (self), NULL, NULL);
      return;
    }
  if (g_str_equal (response, "save") || g_str_equal (response, "discard"))
    {
      /* Nothing to ask any more: close for real, once the dialog (transient for the window)
       * has gone. */
      saved_free (self->saved);
      self->saved = saved_new (self);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later_cb, g_object_ref (self),
                       g_object_unref);
    }
}

void
_atlas_window_class_init_document (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.open-map", NULL, open_map_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save",
                                       NULL);
  /* The main menu's Recent Maps submenu, filled here. */
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, recent_menu);
}

void
_atlas_window_document_init (AtlasWindow *self)
{
  GtkRecentManager *recent = gtk_recent_manager_get_default ();

  g_signal_connect_object (self->state, "changed", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (recent, "changed", G_CALLBACK (update_recent_menu), self,
                           G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

void
_atlas_window_document_dispose (AtlasWindow *self)
{
  g_cancellable_cancel (self->document_cancellable);
  g_clear_object (&self->document_cancellable);
  if (self->extent_tick != 0)
    gtk_widget_remove_tick_callback (_atlas_window_get_map_widget (self), self->extent_tick);
  self->extent_tick = 0;
  g_clear_object (&self->document);
  g_clear_pointer (&self->saved, saved_free);
  g_clear_pointer (&self->carried_layers, g_ptr_array_unref);
}

GMenuModel *
_atlas_window_get_recent_menu (AtlasWindow *self)
{
  return G_MENU_MODEL (self->recent_menu);
}

void
_atlas_window_document_update_title (AtlasWindow *self)
{
  g_autofree char *title = NULL;
  const char *short_name;

  if (self->dataset == NULL)
    return;
  short_name = atlas_dataset_get_short_name (self->dataset);
  if (short_name == NULL)
    short_name = atlas_dataset_get_name (self->dataset);
  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, short_name);
      adw_window_title_set_subtitle (self->window_title, atlas_dataset_get_name (self->dataset));
      gtk_window_set_title (GTK_WINDOW (self), atlas_dataset_get_name (self->dataset));
      return;
    }
  title = document_title (self);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, short_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

gboolean
_atlas_window_document_close_request (AtlasWindow *self)
{
  GtkWidget *dialog;

  if (!atlas_window_get_modified (self))
    return FALSE;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save the Map?"),
                                   _("Its annotations and changes will be lost if you close "
                                     "without saving."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
_atlas_window_open_map_in_place (AtlasWindow *self,
                                 GFile       *file)
{
  AtlasWindow *target = self;

  /* Never over unsaved work: a new window then. */
  if (atlas_window_get_modified (self))
    {
      target = atlas_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }
  atlas_window_open_map (target, file);
}

gboolean
_atlas_window_map_view_pending (AtlasWindow *self)
{
  return self->extent_pending;
}

/* Public API */

void
atlas_window_open_map (AtlasWindow *self,
                       GFile       *file)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->document_cancellable);
  g_clear_object (&self->document_cancellable);
  self->document_cancellable = g_cancellable_new ();
  job = g_new0 (OpenJob, 1);
  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  task = g_task_new (NULL, self->document_cancellable, open_done_cb, NULL);
  g_task_set_source_tag (task, atlas_window_open_map);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  self->loading++;
  g_task_run_in_thread (task, open_thread);
}

gboolean
atlas_window_save_map (AtlasWindow  *self,
                       GFile        *file,
                       GError      **error)
{
  g_autoptr(AtlasDocument) document = NULL;
  AtlasBBox view;
  gboolean has_view;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->dataset == NULL || self->dataset_location == NULL)
    {
      g_set_error_literal (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                           _("There is no map to save yet"));
      return FALSE;
    }
  has_view = _atlas_window_get_view_bbox (self, NULL, NULL, &view);
  document = atlas_document_new_from_state (self->state, self->dataset_location,
                                            has_view ? &view : NULL, self->carried_layers);
  if (!atlas_document_write (document, file, error))
    return FALSE;
  g_set_object (&self->document, file);
  saved_free (self->saved);
  self->saved = saved_new (self);
  add_recent (self, file);
  _atlas_window_document_update_title (self);
  return TRUE;
}

GFile *
atlas_window_get_map_file (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->document;
}

static gboolean
same_layers (struct _AtlasWindowSaved *saved,
             AtlasMapState            *state)
{
  if (saved->layers->len != atlas_map_state_get_n_layers (state))
    return FALSE;
  for (guint i = 0; i < saved->layers->len; i++)
    if (saved->layers->pdata[i] != atlas_map_state_get_layer (state, i))
      return FALSE;
  return TRUE;
}

gboolean
atlas_window_get_modified (AtlasWindow *self)
{
  struct _AtlasWindowSaved *saved;
  AtlasSelection *selection;
  AtlasAnnotationSet *annotations;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  annotations = atlas_annotation_list_get_set (atlas_map_state_get_annotations (self->state));
  saved = self->saved;
  /* A map never saved is worth keeping once it has annotations. */
  if (saved == NULL)
    return atlas_annotation_set_get_n (annotations) > 0;
  selection = atlas_map_state_get_selection (self->state);
  return g_strcmp0 (saved->system, self->dataset_location) != 0
         || g_strcmp0 (saved->thematic, atlas_map_state_get_thematic (self->state)) != 0
         || saved->kind != atlas_selection_get_kind (selection)
         || g_strcmp0 (saved->selection, atlas_selection_get_id (selection)) != 0
         || g_strcmp0 (saved->basemap, atlas_map_state_get_basemap (self->state)) != 0
         || (saved->annotations != annotations
             && !atlas_annotation_set_equal (saved->annotations, annotations))
         || !same_layers (saved, self->state);
}
