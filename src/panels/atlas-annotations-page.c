/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-annotations-page.h"
#include "atlas-panel-util.h"

struct _AtlasAnnotationsPage
{
  AtlasListPage parent_instance;

  AtlasAnnotationList *annotations;
};

G_DEFINE_FINAL_TYPE (AtlasAnnotationsPage, atlas_annotations_page, ATLAS_TYPE_LIST_PAGE)

static const char *
kind_name (AtlasAnnotationKind kind)
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

static const char *
kind_icon (AtlasAnnotationKind kind)
{
  switch (kind)
    {
    case ATLAS_ANNOTATION_PIN: return "mark-location-symbolic";
    case ATLAS_ANNOTATION_TEXT: return "insert-text-symbolic";
    case ATLAS_ANNOTATION_ARROW: return "atlas-tool-arrow-symbolic";
    case ATLAS_ANNOTATION_AREA:
    default: return "atlas-tool-area-symbolic";
    }
}

static GtkWidget *
action_button (const char *icon,
               const char *tooltip,
               const char *action,
               guint       id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (id));
  return button;
}

static GtkWidget *
build_row (const AtlasAnnotation *annotation)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (annotation->kind));
  g_autofree char *id = g_strdup_printf ("%u", annotation->id);
  g_autofree char *colour_class = g_strdup_printf ("atlas-annotation-ink-%s",
                                                   atlas_annotation_colour_to_string (
                                                     annotation->colour));

  gtk_widget_add_css_class (icon, colour_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind_name (annotation->kind), -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (text),
                  atlas_panel_name_label (annotation->label != NULL ? annotation->label
                                                                    : kind_name (annotation->kind),
                                          NULL, 3));
  if (annotation->note != NULL)
    gtk_box_append (GTK_BOX (text), atlas_panel_name_label (annotation->note, "dim-label", 3));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), action_button ("document-edit-symbolic", _("Edit on the Map"),
                                                "win.edit-annotation", annotation->id));
  gtk_box_append (GTK_BOX (box), action_button ("user-trash-symbolic", _("Delete"),
                                                "win.remove-annotation", annotation->id));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  atlas_panel_set_id (row, id);
  return row;
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row)
{
  const char *id = atlas_panel_get_id (GTK_WIDGET (row));

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (list), "win.show-annotation", "u",
                                (guint32) g_ascii_strtoull (id, NULL, 10));
}

static GtkWidget *
atlas_annotations_page_create_list (AtlasListPage *page)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list),
                                atlas_panel_label (_("No annotations yet. Draw on the map with "
                                                     "the tools at its right edge: a pin, a "
                                                     "text box, an arrow or an area."),
                                                   "dim-label"));
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), NULL);
  return list;
}

static void
atlas_annotations_page_rebuild_list (AtlasListPage *page,
                                     AtlasDataset  *dataset,
                                     GtkWidget     *list)
{
  AtlasAnnotationsPage *self = ATLAS_ANNOTATIONS_PAGE (page);
  AtlasAnnotationSet *set;

  /* Called once while the page is built, before it has its annotations. */
  if (self->annotations == NULL)
    return;
  set = atlas_annotation_list_get_set (self->annotations);
  for (guint i = 0; i < atlas_annotation_set_get_n (set); i++)
    gtk_list_box_append (GTK_LIST_BOX (list), build_row (atlas_annotation_set_get (set, i)));
}

static void
atlas_annotations_page_dispose (GObject *object)
{
  AtlasAnnotationsPage *self = ATLAS_ANNOTATIONS_PAGE (object);

  g_clear_object (&self->annotations);

  G_OBJECT_CLASS (atlas_annotations_page_parent_class)->dispose (object);
}

static void
atlas_annotations_page_class_init (AtlasAnnotationsPageClass *klass)
{
  AtlasListPageClass *page_class = ATLAS_LIST_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_annotations_page_dispose;
  page_class->kind = ATLAS_SELECTION_NONE;
  page_class->heading = N_("Annotations");
  page_class->create_list = atlas_annotations_page_create_list;
  page_class->rebuild_list = atlas_annotations_page_rebuild_list;
}

static void
atlas_annotations_page_init (AtlasAnnotationsPage *self)
{
}

GtkWidget *
atlas_annotations_page_new (AtlasSelection      *selection,
                            AtlasAnnotationList *annotations)
{
  AtlasAnnotationsPage *self;

  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (annotations), NULL);

  self = g_object_new (ATLAS_TYPE_ANNOTATIONS_PAGE, "selection", selection, NULL);
  self->annotations = g_object_ref (annotations);
  g_signal_connect_object (annotations, "changed", G_CALLBACK (atlas_list_page_refresh), self,
                           G_CONNECT_SWAPPED);
  atlas_list_page_refresh (ATLAS_LIST_PAGE (self));
  return GTK_WIDGET (self);
}
