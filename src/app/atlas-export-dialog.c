/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-dialog-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-window-export.h"

static const char * const sizes[] = { "view", "slide", "4k", "a4", "a3", "custom" };

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ADW_TYPE_WINDOW)

static guint
find_index (const char * const *ids,
            guint               n_ids,
            const char         *id)
{
  for (guint i = 0; i < n_ids; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The row's choices are the export formats' table, in its order. */
static const AtlasExportFormatInfo *
get_format (AtlasExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return atlas_export_format_get_info (i < ATLAS_EXPORT_N_FORMATS ? (AtlasExportFormat) i
                                                                  : ATLAS_EXPORT_FORMAT_PNG);
}

static const char *
get_size_id (AtlasExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->size_row);

  return i < G_N_ELEMENTS (sizes) ? sizes[i] : "slide";
}

/* The output's size in the format's units: pixels for PNG and SVG, points for PDF. */
static void
get_output_size (AtlasExportDialog *self,
                 double            *width,
                 double            *height)
{
  const AtlasExportFormatInfo *format = get_format (self);
  const char *size = get_size_id (self);
  g_autofree char *spec = NULL;

  if (g_str_equal (size, "view"))
    {
      /* Images of the view are as sharp as the screenshot; drawings are at its size. */
      double scale = format->vector ? format->units_per_pixel : ATLAS_MAP_IMAGE_SCALE;

      *width = self->view_width * scale;
      *height = self->view_height * scale;
      return;
    }
  if (g_str_equal (size, "custom"))
    spec = g_strdup_printf ("%dx%d", gtk_spin_button_get_value_as_int (self->width_spin),
                            gtk_spin_button_get_value_as_int (self->height_spin));
  if (!atlas_export_parse_size (spec != NULL ? spec : size, format->format, width, height, NULL))
    {
      *width = 1920;
      *height = 1080;
    }
}

static void
update_size_label (AtlasExportDialog *self)
{
  const AtlasExportFormatInfo *format = get_format (self);
  gboolean custom = g_str_equal (get_size_id (self), "custom");
  g_autofree char *text = NULL;
  double width, height;

  get_output_size (self, &width, &height);
  /* TRANSLATORS: an export's size, e.g. "1920 × 1080 pixels" or "842 × 595 points" */
  text = g_strdup_printf (_("%.0f × %.0f %s"), width, height, _(format->units));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->size_row), text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height_row), custom);
}

/* What the chosen output keeps and what it does not, said before the planner exports. */
static void
update_note (AtlasExportDialog *self)
{
  g_autoptr(GString) note = g_string_new (NULL);
  const AtlasExportFormatInfo *format = get_format (self);

  if (self->window != NULL && _atlas_window_street_map_shown (self->window))
    g_string_append (note, _("The street map is drawn only on screen: exports show the offline "
                             "map instead."));
  if (format->vector && !format->text_as_text)
    g_string_append_printf (note, "%s%s", note->len > 0 ? " " : "",
                            _("In an SVG drawing the text is outlined: it looks the same "
                              "everywhere but cannot be edited or searched. PDF keeps text as "
                              "text."));
  gtk_label_set_text (self->note_label, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note->len > 0);
}

static void
options_changed_cb (AtlasExportDialog *self)
{
  update_size_label (self);
  update_note (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_entry),
                            gtk_check_button_get_active (self->title_check));
  if (self->preview_source == 0)
    self->preview_source = g_idle_add (_atlas_export_dialog_render_preview, self);
}

void
_atlas_export_dialog_save_settings (AtlasExportDialog *self,
                                    GFile             *file)
{
  GSettings *settings;
  g_autoptr(GFile) folder = NULL;

  /* The window may have been closed while the file was written: the choices go with it. */
  if (self->window == NULL)
    return;
  settings = _atlas_window_get_settings (self->window);
  folder = g_file_get_parent (file);
  if (folder != NULL)
    _atlas_window_remember_export_folder (self->window, folder);
  if (_atlas_settings_has_key (settings, "export-format"))
    g_settings_set_string (settings, "export-format", get_format (self)->name);
  if (_atlas_settings_has_key (settings, "export-size"))
    g_settings_set_string (settings, "export-size", get_size_id (self));
  if (_atlas_settings_has_key (settings, "export-custom-width"))
    g_settings_set_int (settings, "export-custom-width",
                        gtk_spin_button_get_value_as_int (self->width_spin));
  if (_atlas_settings_has_key (settings, "export-custom-height"))
    g_settings_set_int (settings, "export-custom-height",
                        gtk_spin_button_get_value_as_int (self->height_spin));
}

static void
restore_settings (AtlasExportDialog *self)
{
  GSettings *settings = _atlas_window_get_settings (self->window);
  guint i;

  if (_atlas_settings_has_key (settings, "export-custom-width"))
    gtk_spin_button_set_value (self->width_spin,
                               g_settings_get_int (settings, "export-custom-width"));
  if (_atlas_settings_has_key (settings, "export-custom-height"))
    gtk_spin_button_set_value (self->height_spin,
                               g_settings_get_int (settings, "export-custom-height"));
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
      if ((i = find_index (sizes, G_N_ELEMENTS (sizes), size)) != GTK_INVALID_LIST_POSITION)
        adw_combo_row_set_selected (self->size_row, i);
    }
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     AtlasExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    _atlas_export_dialog_export_to_file (self, file);
}

static void
export_clicked_cb (AtlasExportDialog *self)
{
  g_autoptr(GFile) folder = _atlas_window_get_export_folder (self->window);
  g_autofree char *name = _atlas_window_get_export_name (self->window, get_format (self)->name);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
atlas_export_dialog_dispose (GObject *object)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_weak_pointer (&self->window);
  atlas_cartography_options_release (&self->base.carto);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->default_title, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->dispose (object);
}

static void
atlas_export_dialog_class_init (AtlasExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_export_dialog_dispose;

  /* Emitted when an export has been written (TRUE) or has failed (FALSE). */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/icsatlas/IcsAtlas/atlas-export-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, name)
  BIND (export_button);
  BIND (spinner);
  BIND (preview);
  BIND (note_label);
  BIND (error_label);
  BIND (format_row);
  BIND (size_row);
  BIND (width_row);
  BIND (height_row);
  BIND (width_spin);
  BIND (height_spin);
  BIND (title_check);
  BIND (title_entry);
  BIND (subtitle_check);
  BIND (legend_check);
  BIND (scale_bar_check);
  BIND (north_arrow_check);
  BIND (caption_check);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_export_dialog_init (AtlasExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill_format_names (AtlasExportDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < ATLAS_EXPORT_N_FORMATS; i++)
    gtk_string_list_append (list, _(atlas_export_format_get_info (i)->label));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (list));
}

static void
fill_size_names (AtlasExportDialog *self)
{
  /* The size in pixels or points is the row's subtitle. */
  const char *names[] = {
    _("Current View"),
    _("Slide (16:9)"),
    _("4K Slide"),
    _("A4 Landscape"),
    _("A3 Landscape"),
    _("Custom"),
    NULL,
  };
  g_autoptr(GtkStringList) list = gtk_string_list_new (names);

  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->size_row, 1);
}

static void
connect_changes (AtlasExportDialog *self)
{
  GObject *checks[] = {
    G_OBJECT (self->title_check), G_OBJECT (self->subtitle_check), G_OBJECT (self->legend_check),
    G_OBJECT (self->scale_bar_check), G_OBJECT (self->north_arrow_check),
    G_OBJECT (self->caption_check),
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    g_signal_connect_swapped (checks[i], "notify::active", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->format_row, "notify::selected",
                            G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->size_row, "notify::selected",
                            G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->width_spin, "value-changed",
                            G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->height_spin, "value-changed",
                            G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (options_changed_cb), self);
}

void
_atlas_export_dialog_emit_finished (AtlasExportDialog *self,
                                    gboolean           success)
{
  g_signal_emit (self, signals[FINISHED], 0, success);
}

AtlasExportDialog *
atlas_export_dialog_new (AtlasWindow *window)
{
  AtlasExportDialog *self;

  g_return_val_if_fail (ATLAS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (atlas_window_get_dataset (window) != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->dataset = g_object_ref (atlas_window_get_dataset (window));
  _atlas_window_fill_export_options (window, &self->base);
  atlas_cartography_options_hold (&self->base.carto);
  if (!_atlas_window_get_view_bbox (window, &self->view_width, &self->view_height,
                                    &self->view_bbox))
    {
      self->view_width = 1280;
      self->view_height = 720;
      self->view_bbox = *atlas_dataset_get_bbox (self->dataset);
    }

  self->default_title = atlas_export_get_default_title (&self->base);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), self->default_title);
  fill_format_names (self);
  fill_size_names (self);
  restore_settings (self);
  connect_changes (self);
  options_changed_cb (self);
  return self;
}

void
_atlas_export_dialog_get_options (AtlasExportDialog  *self,
                                  AtlasExportOptions *options)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  struct { GtkCheckButton *check; guint flag; } flags[] = {
    { self->title_check, ATLAS_EXPORT_TITLE },
    { self->subtitle_check, ATLAS_EXPORT_SUBTITLE },
    { self->legend_check, ATLAS_EXPORT_LEGEND },
    { self->scale_bar_check, ATLAS_EXPORT_SCALE_BAR },
    { self->north_arrow_check, ATLAS_EXPORT_NORTH_ARROW },
    { self->caption_check, ATLAS_EXPORT_CAPTION },
  };

  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));

  *options = self->base;
  options->furniture = ATLAS_EXPORT_LABELS | ATLAS_EXPORT_SITES | ATLAS_EXPORT_BASEMAP;
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (gtk_check_button_get_active (flags[i].check))
      options->furniture |= flags[i].flag;
  options->title = title[0] != '\0' ? title : NULL;
  get_output_size (self, &options->width, &options->height);
  if (g_str_equal (get_size_id (self), "view"))
    {
      options->framing = ATLAS_EXPORT_FRAME_BBOX;
      options->bbox = self->view_bbox;
    }
}

void
_atlas_export_dialog_set_format (AtlasExportDialog *self,
                                 const char        *format)
{
  const AtlasExportFormatInfo *info = atlas_export_format_lookup (format);

  g_return_if_fail (info != NULL);
  adw_combo_row_set_selected (self->format_row, info->format);
}

void
_atlas_export_dialog_set_size (AtlasExportDialog *self,
                               const char        *size)
{
  guint i = find_index (sizes, G_N_ELEMENTS (sizes), size);

  g_return_if_fail (i != GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (self->size_row, i);
}

const char *
_atlas_export_dialog_get_error (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

gboolean
_atlas_export_dialog_is_busy (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), FALSE);
  return self->busy;
}

guint
_atlas_export_dialog_get_preview_count (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), 0);
  return self->preview_count;
}
