/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-annotation-editor.h"

#include <glib/gi18n.h>

struct _AtlasAnnotationEditor
{
  GtkPopover parent_instance;

  AtlasAnnotation *annotation;   /* as given */
  gboolean is_new;
  AtlasAnnotationColour colour;

  GtkWidget *title;
  GtkWidget *label_entry;
  GtkWidget *note_view;
  GtkWidget *colours[ATLAS_ANNOTATION_N_COLOURS];
  GtkWidget *delete_button;
  GtkWidget *done_button;
};

enum {
  DONE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasAnnotationEditor, atlas_annotation_editor, GTK_TYPE_POPOVER)

static const char *
colour_name (AtlasAnnotationColour colour)
{
  switch (colour)
    {
    case ATLAS_ANNOTATION_RED: return _("Red");
    case ATLAS_ANNOTATION_BLUE: return _("Blue");
    case ATLAS_ANNOTATION_GREEN: return _("Green");
    case ATLAS_ANNOTATION_PURPLE: return _("Purple");
    case ATLAS_ANNOTATION_INK:
    default: return _("Black or white, as the map is light or dark");
    }
}

static const char *
kind_title (AtlasAnnotationKind kind)
{
  switch (kind)
    {
    case ATLAS_ANNOTATION_PIN: return _("Pin");
    case ATLAS_ANNOTATION_TEXT: return _("Text Box");
    case ATLAS_ANNOTATION_ARROW: return _("Arrow");
    case ATLAS_ANNOTATION_AREA:
    default: return _("Area");
    }
}

static gboolean
needs_label (AtlasAnnotationEditor *self)
{
  return self->annotation != NULL && (self->annotation->kind == ATLAS_ANNOTATION_PIN
                                      || self->annotation->kind == ATLAS_ANNOTATION_TEXT);
}

static void
update_done (AtlasAnnotationEditor *self)
{
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->label_entry));

  gtk_widget_set_sensitive (self->done_button, !needs_label (self) || label[0] != '\0');
}

static char *
get_note (AtlasAnnotationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
label_changed_cb (AtlasAnnotationEditor *self)
{
  update_done (self);
}

static void
colour_toggled_cb (GtkToggleButton       *button,
                   AtlasAnnotationEditor *self)
{
  if (gtk_toggle_button_get_active (button))
    self->colour = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "atlas-colour"));
}

static void
done_clicked_cb (AtlasAnnotationEditor *self)
{
  atlas_annotation_editor_done (self);
}

static void
delete_clicked_cb (AtlasAnnotationEditor *self)
{
  atlas_annotation_editor_delete (self);
}

static GtkWidget *
build_colours (AtlasAnnotationEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (guint c = 0; c < ATLAS_ANNOTATION_N_COLOURS; c++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *css_class = g_strdup_printf ("atlas-annotation-colour-%s",
                                                    atlas_annotation_colour_to_string (c));

      gtk_widget_add_css_class (button, "atlas-annotation-colour");
      gtk_widget_add_css_class (button, css_class);
      gtk_widget_set_tooltip_text (button, colour_name (c));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      colour_name (c), -1);
      g_object_set_data (G_OBJECT (button), "atlas-colour", GUINT_TO_POINTER (c));
      if (c > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (self->colours[0]));
      g_signal_connect (button, "toggled", G_CALLBACK (colour_toggled_cb), self);
      self->colours[c] = button;
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static void
build (AtlasAnnotationEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *note_label = gtk_label_new (_("Note"));

  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_box_append (GTK_BOX (box), self->title);

  self->label_entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (self->label_entry), ATLAS_ANNOTATION_MAX_LABEL);
  gtk_entry_set_activates_default (GTK_ENTRY (self->label_entry), TRUE);
  gtk_widget_set_size_request (self->label_entry, 280, -1);
  g_signal_connect_swapped (self->label_entry, "changed", G_CALLBACK (label_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->label_entry);

  gtk_label_set_xalign (GTK_LABEL (note_label), 0);
  gtk_widget_add_css_class (note_label, "dim-label");
  gtk_box_append (GTK_BOX (box), note_label);
  self->note_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->note_view), GTK_WRAP_WORD_CHAR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->note_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 64);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_box_append (GTK_BOX (box), build_colours (self));

  self->delete_button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  self->done_button = gtk_button_new_with_mnemonic (_("_Done"));
  gtk_widget_add_css_class (self->done_button, "suggested-action");
  gtk_widget_set_hexpand (self->done_button, TRUE);
  gtk_widget_set_halign (self->done_button, GTK_ALIGN_END);
  g_signal_connect_swapped (self->done_button, "clicked", G_CALLBACK (done_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->delete_button);
  gtk_box_append (GTK_BOX (buttons), self->done_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), self->done_button);
}

static void
atlas_annotation_editor_dispose (GObject *object)
{
  AtlasAnnotationEditor *self = ATLAS_ANNOTATION_EDITOR (object);

  g_clear_pointer (&self->annotation, atlas_annotation_unref);

  G_OBJECT_CLASS (atlas_annotation_editor_parent_class)->dispose (object);
}

static void
atlas_annotation_editor_class_init (AtlasAnnotationEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_annotation_editor_dispose;

  /* The edited copy (an AtlasAnnotation *, borrowed for the emission). */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* The annotation's id. */
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
atlas_annotation_editor_init (AtlasAnnotationEditor *self)
{
  build (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), "atlas-annotation-editor");
}

GtkWidget *
atlas_annotation_editor_new (void)
{
  return g_object_new (ATLAS_TYPE_ANNOTATION_EDITOR, NULL);
}

void
atlas_annotation_editor_set (AtlasAnnotationEditor *self,
                             const AtlasAnnotation *annotation,
                             gboolean               is_new)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (ATLAS_IS_ANNOTATION_EDITOR (self));
  g_return_if_fail (annotation != NULL);

  g_clear_pointer (&self->annotation, atlas_annotation_unref);
  self->annotation = atlas_annotation_ref ((AtlasAnnotation *) annotation);
  self->is_new = is_new;
  gtk_label_set_text (GTK_LABEL (self->title), kind_title (annotation->kind));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->label_entry),
                                  annotation->kind == ATLAS_ANNOTATION_TEXT ? _("Text")
                                  : needs_label (self) ? _("Label") : _("Label (optional)"));
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry),
                         annotation->label != NULL ? annotation->label : "");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view));
  gtk_text_buffer_set_text (buffer, annotation->note != NULL ? annotation->note : "", -1);
  self->colour = annotation->colour;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->colours[annotation->colour]), TRUE);
  gtk_widget_set_visible (self->delete_button, !is_new);
  gtk_button_set_label (GTK_BUTTON (self->done_button), is_new ? _("_Add") : _("_Done"));
  update_done (self);
}

const AtlasAnnotation *
atlas_annotation_editor_get_annotation (AtlasAnnotationEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_EDITOR (self), NULL);
  return self->annotation;
}

void
atlas_annotation_editor_set_text (AtlasAnnotationEditor *self,
                                  const char            *label,
                                  const char            *note)
{
  g_return_if_fail (ATLAS_IS_ANNOTATION_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), label != NULL ? label : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view)),
                            note != NULL ? note : "", -1);
}

gboolean
atlas_annotation_editor_done (AtlasAnnotationEditor *self)
{
  g_autoptr(AtlasAnnotation) edited = NULL;
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (ATLAS_IS_ANNOTATION_EDITOR (self), FALSE);

  if (self->annotation == NULL || !gtk_widget_get_sensitive (self->done_button))
    return FALSE;
  /* Spaces around a label are no part of it; a label of spaces is none. */
  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry))));
  note = g_strstrip (get_note (self));
  edited = atlas_annotation_with_text (self->annotation, label, note);
  edited->colour = self->colour;
  if (atlas_annotation_check (edited) != NULL)
    return FALSE;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[DONE], 0, edited);
  return TRUE;
}

void
atlas_annotation_editor_delete (AtlasAnnotationEditor *self)
{
  g_return_if_fail (ATLAS_IS_ANNOTATION_EDITOR (self));

  if (self->annotation == NULL || self->is_new)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[DELETE], 0, self->annotation->id);
}
