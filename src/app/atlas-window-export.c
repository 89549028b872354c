/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's ways out for the map: screenshot, copy as an image, export, print and the
 * meeting pack; the default names and folders they share, and the toasts that report them. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-export-dialog.h"
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
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
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
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
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
  atlas_export_options_init (options, self->dataset);
  options->theme = ATLAS_THEME_LIGHT;
  /* Street map tiles are not drawn into exports; the offline map stands in for them. */
  options->online_map = FALSE;
  switch (atlas_selection_get_kind (self->selection))
    {
    case ATLAS_SELECTION_DISTRICT:
      options->district = atlas_selection_get_district (self->selection);
      break;
    case ATLAS_SELECTION_PARTNERSHIP:
      options->partnership = atlas_selection_get_partnership (self->selection);
      break;
    default:
      break;
    }
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
