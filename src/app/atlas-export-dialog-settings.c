/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export dialog remembers every choice: format, size (a custom size in its fields), and
 * each piece of furniture, the caption included. They are written when an export has been
 * written, and brought back when the dialog opens (also for the export-to action, which never
 * shows it). The title's text is not: it is the selection's name. */
#include "config.h"

#include "atlas-export-dialog-private.h"

#include "atlas-window-export.h"

/* Each check button of the Contents group, with its key in the settings. */
static const struct {
  guint flag;
  const char *key;
} furniture_keys[] = {
  { ATLAS_EXPORT_TITLE, "export-title" },
  { ATLAS_EXPORT_SUBTITLE, "export-subtitle" },
  { ATLAS_EXPORT_LEGEND, "export-legend" },
  { ATLAS_EXPORT_SCALE_BAR, "export-scale-bar" },
  { ATLAS_EXPORT_NORTH_ARROW, "export-north-arrow" },
  { ATLAS_EXPORT_CAPTION, "export-caption" },
};

void
_atlas_export_dialog_save_settings (AtlasExportDialog *self,
                                    GFile             *file)
{
  GSettings *settings;
  g_autoptr(GFile) folder = NULL;
  const char *size;

  /* The window may have been closed while the file was written: the choices go with it. */
  if (self->window == NULL)
    return;
  settings = _atlas_window_get_settings (self->window);
  folder = g_file_get_parent (file);
  if (folder != NULL)
    _atlas_window_remember_export_folder (self->window, folder);
  size = _atlas_export_dialog_get_size_id (self);
  if (_atlas_settings_has_key (settings, "export-format"))
    g_settings_set_string (settings, "export-format",
                           _atlas_export_dialog_get_format (self)->name);
  if (_atlas_settings_has_key (settings, "export-size"))
    g_settings_set_string (settings, "export-size", size);
  /* The fields show a preset's size too: only a custom one is the planner's. */
  if (g_str_equal (size, "custom") && _atlas_settings_has_key (settings, "export-custom-width")
      && _atlas_settings_has_key (settings, "export-custom-height"))
    {
      g_settings_set_int (settings, "export-custom-width",
                          gtk_spin_button_get_value_as_int (self->width_spin));
      g_settings_set_int (settings, "export-custom-height",
                          gtk_spin_button_get_value_as_int (self->height_spin));
    }
  for (guint i = 0; i < G_N_ELEMENTS (furniture_keys); i++)
    if (_atlas_settings_has_key (settings, furniture_keys[i].key))
      g_settings_set_boolean (settings, furniture_keys[i].key,
                              gtk_check_button_get_active (GTK_CHECK_BUTTON (
                                _atlas_export_dialog_get_check (self, furniture_keys[i].flag))));
}

void
_atlas_export_dialog_restore_settings (AtlasExportDialog *self)
{
  GSettings *settings = _atlas_window_get_settings (self->window);

  if (_atlas_settings_has_key (settings, "export-format"))
    {
      g_autofree char *name = g_settings_get_string (settings, "export-format");
      const AtlasExportFormatInfo *format = atlas_export_format_lookup (name);

      if (format != NULL)
        adw_combo_row_set_selected (self->format_row, format->format);
    }
  if (_atlas_settings_has_key (settings, "export-size"))
    {
      g_autofree char *size = g_settings_get_string (settings, "export-size");

      _atlas_export_dialog_select_size (self, size);
    }
  /* A custom size last: choosing the size row fills the fields with a preset's. */
  if (g_str_equal (_atlas_export_dialog_get_size_id (self), "custom")
      && _atlas_settings_has_key (settings, "export-custom-width")
      && _atlas_settings_has_key (settings, "export-custom-height"))
    {
      gtk_spin_button_set_value (self->width_spin,
                                 g_settings_get_int (settings, "export-custom-width"));
      gtk_spin_button_set_value (self->height_spin,
                                 g_settings_get_int (settings, "export-custom-height"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (furniture_keys); i++)
    if (_atlas_settings_has_key (settings, furniture_keys[i].key))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (
                                     _atlas_export_dialog_get_check (self, furniture_keys[i].flag)),
                                   g_settings_get_boolean (settings, furniture_keys[i].key));
}
