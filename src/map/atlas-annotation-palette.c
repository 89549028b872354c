/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-annotation-palette.h"

#include <glib/gi18n.h>

#define N_TOOLS (ATLAS_ANNOTATION_TOOL_AREA + 1)

struct _AtlasAnnotationPalette
{
  GtkWidget parent_instance;

  AtlasAnnotationLayer *layer;
  GtkWidget *box;
  GtkWidget *tools[N_TOOLS];
  GtkWidget *colour_button;
  GtkWidget *colours[ATLAS_ANNOTATION_N_COLOURS];
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (AtlasAnnotationPalette, atlas_annotation_palette, GTK_TYPE_WIDGET)

static const struct {
  const char *icon;
  const char *tooltip;
} tools[N_TOOLS] = {
  [ATLAS_ANNOTATION_TOOL_SELECT] = { "atlas-tool-select-symbolic",
                                     N_("Pick, Move and Edit Annotations") },
  [ATLAS_ANNOTATION_TOOL_PIN] = { "mark-location-symbolic", N_("Add a Pin") },
  [ATLAS_ANNOTATION_TOOL_TEXT] = { "insert-text-symbolic", N_("Add a Text Box") },
  [ATLAS_ANNOTATION_TOOL_ARROW] = { "atlas-tool-arrow-symbolic",
                                    N_("Draw an Arrow: Click Its Tail, Then Its Head") },
  [ATLAS_ANNOTATION_TOOL_AREA] = { "atlas-tool-area-symbolic",
                                   N_("Draw an Area: Click Its Corners, Then the First Again") },
};

static void
show_colour (AtlasAnnotationPalette *self,
             AtlasAnnotationColour   colour)
{
  for (guint c = 0; c < ATLAS_ANNOTATION_N_COLOURS; c++)
    {
      g_autofree char *css_class = g_strdup_printf ("atlas-annotation-colour-%s",
                                                    atlas_annotation_colour_to_string (c));

      if (c == colour)
        gtk_widget_add_css_class (self->colour_button, css_class);
      else
        gtk_widget_remove_css_class (self->colour_button, css_class);
    }
}

static void
tool_toggled_cb (GtkToggleButton        *button,
                 AtlasAnnotationPalette *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  atlas_annotation_layer_set_tool (self->layer,
                                   GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                       "atlas-tool")));
}

static void
colour_toggled_cb (GtkToggleButton        *button,
                   AtlasAnnotationPalette *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  atlas_annotation_palette_set_colour (self,
                                       GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                            "atlas-colour")));
}

static void
layer_tool_cb (AtlasAnnotationPalette *self)
{
  AtlasAnnotationTool tool = atlas_annotation_layer_get_tool (self->layer);

  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->tools[tool]), TRUE);
  self->updating = FALSE;
}

static GtkWidget *
build_colour_menu (AtlasAnnotationPalette *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  for (guint c = 0; c < ATLAS_ANNOTATION_N_COLOURS; c++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *css_class = g_strdup_printf ("atlas-annotation-colour-%s",
                                                    atlas_annotation_colour_to_string (c));

      gtk_widget_add_css_class (button, "atlas-annotation-colour");
      gtk_widget_add_css_class (button, css_class);
      g_object_set_data (G_OBJECT (button), "atlas-colour", GUINT_TO_POINTER (c));
      if (c > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (self->colours[0]));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), c == 0);
      g_signal_connect (button, "toggled", G_CALLBACK (colour_toggled_cb), self);
      self->colours[c] = button;
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static void
atlas_annotation_palette_dispose (GObject *object)
{
  AtlasAnnotationPalette *self = ATLAS_ANNOTATION_PALETTE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->layer);

  G_OBJECT_CLASS (atlas_annotation_palette_parent_class)->dispose (object);
}

static void
atlas_annotation_palette_class_init (AtlasAnnotationPaletteClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_annotation_palette_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "annotation-palette");
}

static void
atlas_annotation_palette_init (AtlasAnnotationPalette *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->box, "linked");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  for (guint t = 0; t < N_TOOLS; t++)
    {
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_button_set_icon_name (GTK_BUTTON (button), tools[t].icon);
      gtk_widget_set_tooltip_text (button, _(tools[t].tooltip));
      g_object_set_data (G_OBJECT (button), "atlas-tool", GINT_TO_POINTER (t));
      if (t > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (self->tools[0]));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), t == 0);
      g_signal_connect (button, "toggled", G_CALLBACK (tool_toggled_cb), self);
      self->tools[t] = button;
      gtk_box_append (GTK_BOX (self->box), button);
    }

  self->colour_button = gtk_menu_button_new ();
  gtk_widget_set_tooltip_text (self->colour_button, _("Colour of New Annotations"));
  gtk_widget_add_css_class (self->colour_button, "atlas-annotation-colour-button");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->colour_button), build_colour_menu (self));
  gtk_box_append (GTK_BOX (self->box), self->colour_button);
  show_colour (self, ATLAS_ANNOTATION_RED);
}

GtkWidget *
atlas_annotation_palette_new (AtlasAnnotationLayer *layer)
{
  AtlasAnnotationPalette *self;

  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LAYER (layer), NULL);

  self = g_object_new (ATLAS_TYPE_ANNOTATION_PALETTE, NULL);
  self->layer = g_object_ref (layer);
  g_signal_connect_object (layer, "notify::tool", G_CALLBACK (layer_tool_cb), self,
                           G_CONNECT_SWAPPED);
  layer_tool_cb (self);
  return GTK_WIDGET (self);
}

GtkWidget *
atlas_annotation_palette_get_button (AtlasAnnotationPalette *self,
                                     AtlasAnnotationTool     tool)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_PALETTE (self), NULL);
  g_return_val_if_fail ((guint) tool < N_TOOLS, NULL);
  return self->tools[tool];
}

void
atlas_annotation_palette_set_colour (AtlasAnnotationPalette *self,
                                     AtlasAnnotationColour   colour)
{
  g_return_if_fail (ATLAS_IS_ANNOTATION_PALETTE (self));
  g_return_if_fail ((guint) colour < ATLAS_ANNOTATION_N_COLOURS);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->colours[colour]), TRUE);
  show_colour (self, colour);
  atlas_annotation_layer_set_colour (self->layer, colour);
}
