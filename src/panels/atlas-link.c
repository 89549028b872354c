/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-link.h"
#include "atlas-panel-util.h"

struct _AtlasLink
{
  GtkButton parent_instance;

  AtlasSelection *selection;
  AtlasSelectionKind kind;
  char *id;
  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (AtlasLink, atlas_link, GTK_TYPE_BUTTON)

static void
atlas_link_clicked (GtkButton *button)
{
  AtlasLink *self = ATLAS_LINK (button);

  if (self->selection != NULL)
    atlas_selection_select (self->selection, self->kind, self->id);
}

static void
atlas_link_dispose (GObject *object)
{
  AtlasLink *self = ATLAS_LINK (object);

  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_link_parent_class)->dispose (object);
}

static void
atlas_link_finalize (GObject *object)
{
  AtlasLink *self = ATLAS_LINK (object);

  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (atlas_link_parent_class)->finalize (object);
}

static void
atlas_link_class_init (AtlasLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_link_dispose;
  object_class->finalize = atlas_link_finalize;
  GTK_BUTTON_CLASS (klass)->clicked = atlas_link_clicked;
}

static void
atlas_link_init (AtlasLink *self)
{
  self->label = atlas_panel_name_label (NULL, NULL, 3);
  gtk_button_set_child (GTK_BUTTON (self), self->label);
  gtk_widget_add_css_class (GTK_WIDGET (self), "link");
  gtk_widget_add_css_class (GTK_WIDGET (self), "atlas-link");
  /* Filling the width lets a long name wrap at the panel's edge, not at its natural width. */
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_FILL);
}

GtkWidget *
atlas_link_new (AtlasSelection     *selection,
                AtlasSelectionKind  kind,
                const char         *id,
                const char         *text)
{
  AtlasLink *self;

  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_LINK, NULL);
  self->selection = g_object_ref (selection);
  self->kind = kind;
  self->id = g_strdup (id);
  atlas_panel_set_name (self->label, text != NULL ? text : id);

  return GTK_WIDGET (self);
}

AtlasSelectionKind
atlas_link_get_kind (AtlasLink *self)
{
  g_return_val_if_fail (ATLAS_IS_LINK (self), ATLAS_SELECTION_NONE);

  return self->kind;
}

const char *
atlas_link_get_id (AtlasLink *self)
{
  g_return_val_if_fail (ATLAS_IS_LINK (self), NULL);

  return self->id;
}
