/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-dialog-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-window-export.h"

/* The Size row's choices, in its order; ids as atlas_export_parse_size () and the settings'
 * export-size take them. */
static const struct {
  const char *id;
  const char *name;
} sizes[] = {
  { "view", N_("Current View") },
  { "slide", N_("Slide (16:9)") },
  { "4k", N_("4K Slide") },
  { "a4", N_("A4 Landscape") },
  { "a4-portrait", N_("A4 Portrait") },
  { "a3", N_("A3 Landscape") },
  { "a3-portrait", N_("A3 Portrait") },
  { "custom", N_("Custom") },
};

/* After a change, the preview waits this long for the next one (a title being typed) before it
 * is drawn again. */
#define PREVIEW_DELAY_MS 120

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ADW_TYPE_WINDOW)

static guint
find_size (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (g_strcmp0 (sizes[i].id, id) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The row's choices are the export formats' table, in its order. */
const AtlasExportFormatInfo *
_atlas_export_dialog_get_format (AtlasExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return atlas_export_format_get_info (i < ATLAS_EXPORT_N_FORMATS ? (AtlasExportFormat) i
                                                                  : ATLAS_EXPORT_FORMAT_PNG);
}

const char *
_atlas_export_dialog_get_size_id (AtlasExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->size_row);

  return i < G_N_ELEMENTS (sizes) ? sizes[i].id : "slide";
}

/* The output's size in the format's units: pixels for PNG and SVG, points for PDF. */
static void
get_output_size (AtlasExportDialog *self,
                 double            *width,
                 double            *height)
{
  const AtlasExportFormatInfo *format = _atlas_export_dialog_get_format (self);
  const char *size = _atlas_export_dialog_get_size_id (self);
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

/* The size in the row's subtitle, and in the Width and Height fields: the chosen preset's
 * pixels (at its resolution) or points, which Custom then starts from. */
static void
update_size (AtlasExportDialog *self)
{
  const AtlasExportFormatInfo *format = _atlas_export_dialog_get_format (self);
  const char *id = _atlas_export_dialog_get_size_id (self);
  gboolean custom = g_str_equal (id, "custom");
  gboolean paper = g_str_has_prefix (id, "a3") || g_str_has_prefix (id, "a4");
  g_autofree char *text = NULL;
  double width, height;

  get_output_size (self, &width, &height);
  if (paper && !g_str_equal (format->units, "points"))
    /* TRANSLATORS: a paper export's size in pixels at its resolution, e.g.
     * "3508 × 2480 pixels at 300 dpi" */
    text = g_strdup_printf (_("%.0f × %.0f pixels at %.0f dpi"), width, height,
                            format->units_per_point * 72.0);
  else
    /* TRANSLATORS: an export's size, e.g. "1920 × 1080 pixels" or "842 × 595 points" */
    text = g_strdup_printf (_("%.0f × %.0f %s"), width, height, _(format->units));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->size_row), text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height_row), custom);
  if (!custom)
    {
      self->showing_preset = TRUE;
      gtk_spin_button_set_value (self->width_spin, round (width));
      gtk_spin_button_set_value (self->height_spin, round (height));
      self->showing_preset = FALSE;
    }
}

/* What the chosen output keeps and what it does not, said before the planner exports. */
static void
update_note (AtlasExportDialog *self)
{
  g_autoptr(GString) note = g_string_new (NULL);
  const AtlasExportFormatInfo *format = _atlas_export_dialog_get_format (self);

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
  /* The preset's size shown in the fields is not a change of its own. */
  if (self->showing_preset)
    return;
  update_size (self);
  update_note (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_entry),
                            gtk_check_button_get_active (self->title_check));
  /* Typing is never held up by the preview: it is drawn in a worker thread, one at a time, and
   * only once the changes pause (the first at once). */
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (self->preview_count == 0 && !self->preview_running
                                          ? 0 : PREVIEW_DELAY_MS,
                                        _atlas_export_dialog_render_preview, self);
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
  g_autofree char *name = _atlas_window_get_export_name (self->window, _atlas_export_dialog_get_format (self)->name);
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
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->default_title, g_free);
  g_clear_pointer (&self->preview_title, g_free);
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
  /* Enter exports: Export is the default button, and has the focus when the dialog opens. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
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
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  /* The size in pixels or points is the row's subtitle. */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    gtk_string_list_append (list, _(sizes[i].name));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->size_row, find_size ("slide"));
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
  self->held = atlas_cartography_options_hold (&self->base.carto);
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
  _atlas_export_dialog_restore_settings (self);
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
  if (g_str_equal (_atlas_export_dialog_get_size_id (self), "view"))
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
  guint i = find_size (size);

  g_return_if_fail (i != GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (self->size_row, i);
}

gboolean
_atlas_export_dialog_select_size (AtlasExportDialog *self,
                                  const char        *size)
{
  guint i = find_size (size);

  if (i == GTK_INVALID_LIST_POSITION)
    return FALSE;
  adw_combo_row_set_selected (self->size_row, i);
  return TRUE;
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

gboolean
_atlas_export_dialog_is_preview_pending (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), FALSE);
  return self->preview_source != 0 || self->preview_running || self->preview_stale;
}

guint
_atlas_export_dialog_get_previews_running (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), 0);
  return self->preview_running ? 1 : 0;
}

const char *
_atlas_export_dialog_get_preview_title (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), NULL);
  return self->preview_title;
}

GtkWidget *
_atlas_export_dialog_get_check (AtlasExportDialog *self,
                                guint              flag)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), NULL);
  switch (flag)
    {
    case ATLAS_EXPORT_TITLE: return GTK_WIDGET (self->title_check);
    case ATLAS_EXPORT_SUBTITLE: return GTK_WIDGET (self->subtitle_check);
    case ATLAS_EXPORT_LEGEND: return GTK_WIDGET (self->legend_check);
    case ATLAS_EXPORT_SCALE_BAR: return GTK_WIDGET (self->scale_bar_check);
    case ATLAS_EXPORT_NORTH_ARROW: return GTK_WIDGET (self->north_arrow_check);
    case ATLAS_EXPORT_CAPTION: return GTK_WIDGET (self->caption_check);
    default: return NULL;
    }
}

void
_atlas_export_dialog_get_size_fields (AtlasExportDialog *self,
                                      int               *width,
                                      int               *height)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  *width = gtk_spin_button_get_value_as_int (self->width_spin);
  *height = gtk_spin_button_get_value_as_int (self->height_spin);
}
