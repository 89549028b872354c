/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's ways out for the map: screenshot, copy as an image, export, print and the
 * meeting pack; the default names and folders they share, and the toasts that report them. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-export-dialog-private.h"
#include "atlas-pack-dialog.h"
#include "atlas-print.h"
#include "atlas-window-export.h"

/* Lower-case ASCII words joined by hyphens: safe in any file system and in a URL. */
static void
append_slug (GString    *name,
             const char *text)
{
  gboolean hyphen = name->len > 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (hyphen && name->len > 0 && name->str[name->len - 1] != '-')
            g_string_append_c (name, '-');
          g_string_append_c (name, g_ascii_tolower (*p));
          hyphen = FALSE;
        }
      else
        hyphen = TRUE;
    }
}

/* A failure is reported in a toast; those of the automated actions also on standard error,
 * since nobody may be looking at the window. */
static void
toast_error (AtlasWindow  *self,
             const GError *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
screenshot_saved_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = _atlas_window_make_map_image_finish (self, result, &error);
  if (texture == NULL)
    {
      toast_error (self, error);
      g_printerr ("ics-atlas: %s\n", error->message);
      return;
    }
  _atlas_window_toast_saved (self, _("Saved screenshot to %s"), file);
}

static void
screenshot_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        AtlasWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  folder = g_file_get_parent (file);
  if (folder != NULL)
    _atlas_window_remember_export_folder (self, folder);
  _atlas_window_make_map_image_async (self, ATLAS_MAP_IMAGE_SCALE, file, NULL,
                                      screenshot_saved_cb, g_object_ref (file));
}

static void
screenshot_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = _atlas_window_get_export_folder (self);
  g_autofree char *name = _atlas_window_get_export_name (self, "png");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save Screenshot"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (screenshot_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
image_copied_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (source);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = _atlas_window_make_map_image_finish (self, result, &error);
  if (texture == NULL)
    {
      toast_error (self, error);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Copied the map image to the clipboard")));
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _atlas_window_make_map_image_async (ATLAS_WINDOW (widget), ATLAS_MAP_IMAGE_SCALE, NULL, NULL,
                                      image_copied_cb, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (atlas_export_dialog_new (ATLAS_WINDOW (widget))));
}

static void
export_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (atlas_pack_dialog_new (ATLAS_WINDOW (widget))));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasExportOptions options;

  _atlas_window_fill_export_options (self, &options);
  atlas_print_map (GTK_WINDOW (self), &options);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static gboolean
destroy_dialog_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* The dialog outlives its window when the window is closed while the file is written: it is
 * destroyed here either way, and the error goes to a toast only while there is a window. */
static void
export_to_finished_cb (AtlasExportDialog *dialog,
                       gboolean           success,
                       gpointer           user_data)
{
  GtkWindow *self = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  const char *message = _atlas_export_dialog_get_error (dialog);

  /* On success the dialog has said so in a toast of the window's. */
  if (!success && message != NULL)
    {
      if (ATLAS_IS_WINDOW (self))
        adw_toast_overlay_add_toast (ATLAS_WINDOW (self)->toast_overlay, adw_toast_new (message));
      g_printerr ("ics-atlas: %s\n", message);
    }
  /* Not from inside its own signal: the dialog still has work to do after emitting it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_dialog_cb, g_object_ref (dialog),
                   g_object_unref);
}

gboolean
atlas_window_export_to (AtlasWindow *self,
                        const char  *path)
{
  const AtlasExportFormatInfo *format;
  AtlasExportDialog *dialog;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  format = atlas_export_format_for_file (path);
  if (self->dataset == NULL || format == NULL)
    return FALSE;
  /* The dialog, never shown, with its remembered choices: the same options and writer as an
   * export made by hand. */
  dialog = atlas_export_dialog_new (self);
  _atlas_export_dialog_set_format (dialog, format->name);
  g_signal_connect (dialog, "finished", G_CALLBACK (export_to_finished_cb), NULL);
  file = g_file_new_for_path (path);
  _atlas_export_dialog_export_to_file (dialog, file);
  return TRUE;
}

gboolean
atlas_window_save_screenshot (AtlasWindow *self,
                              const char  *path)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->dataset == NULL)
    return FALSE;
  file = g_file_new_for_path (path);
  _atlas_window_make_map_image_async (self, ATLAS_MAP_IMAGE_SCALE, file, NULL,
                                      screenshot_saved_cb, g_object_ref (file));
  return TRUE;
}

void
_atlas_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.screenshot", NULL, screenshot_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-pack", NULL, export_pack_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.screenshot", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
}

void
_atlas_window_update_export_actions (AtlasWindow *self)
{
  gboolean has_dataset = self->dataset != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.screenshot", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pack", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_dataset);
}

void
_atlas_window_fill_export_options (AtlasWindow        *self,
                                   AtlasExportOptions *options)
{
  atlas_export_options_init_from_state (options, self->state);
  /* Slides and paper are light whatever the window's style; the map is as the state has it. */
  options->carto.theme = ATLAS_THEME_LIGHT;
  /* Street map tiles are not drawn into exports; the offline map stands in for them. */
  options->online_map = FALSE;
  /* The whole system with the selection standing out, as `ics-atlas --export` draws it: a
   * slide about one district still shows where it lies. "Current view" frames what is seen. */
  options->framing = ATLAS_EXPORT_FRAME_SYSTEM;
}

char *
_atlas_window_get_export_name (AtlasWindow *self,
                               const char  *extension)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  const char *id = atlas_selection_get_id (self->selection);

  if (id != NULL)
    append_slug (name, id);
  if (self->dataset != NULL)
    {
      const char *short_name = atlas_dataset_get_short_name (self->dataset);

      append_slug (name, short_name != NULL ? short_name : atlas_dataset_get_name (self->dataset));
    }
  else
    append_slug (name, "map");
  append_slug (name, date);
  g_string_append_printf (name, ".%s", extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

GFile *
_atlas_window_get_export_folder (AtlasWindow *self)
{
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);

  if (_atlas_settings_has_key (self->settings, "last-export-folder"))
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-export-folder");

      if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
        return g_file_new_for_path (last);
    }
  if (pictures != NULL && g_file_test (pictures, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (pictures);
  return g_file_new_for_path (g_get_home_dir ());
}

void
_atlas_window_remember_export_folder (AtlasWindow *self,
                                      GFile       *folder)
{
  g_autofree char *path = g_file_get_path (folder);

  if (path != NULL && _atlas_settings_has_key (self->settings, "last-export-folder"))
    g_settings_set_string (self->settings, "last-export-folder", path);
}

GSettings *
_atlas_window_get_settings (AtlasWindow *self)
{
  return self->settings;
}

static void
add_toast (AtlasWindow *self,
           const char  *message,
           GFile       *named,
           GFile       *folder)
{
  g_autofree char *name = g_file_get_basename (named);
  g_autofree char *text = g_strdup_printf (message, name);
  AdwToast *toast = adw_toast_new (text);

  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      adw_toast_set_button_label (toast, _("Open Folder"));
      adw_toast_set_action_name (toast, "win.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_atlas_window_toast_saved (AtlasWindow *self,
                           const char  *message,
                           GFile       *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);

  add_toast (self, message, file, folder);
}

void
_atlas_window_toast_folder (AtlasWindow *self,
                            const char  *message,
                            GFile       *folder)
{
  add_toast (self, message, folder, folder);
}
