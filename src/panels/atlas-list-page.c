/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-list-page.h"
#include "atlas-panel-util.h"

typedef struct
{
  AtlasSelection *selection;
  GtkWidget *scrolled;
  GtkWidget *details;
  GtkWidget *list;
} AtlasListPagePrivate;

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AtlasListPage, atlas_list_page, GTK_TYPE_WIDGET)

static void
clear_list (GtkWidget *list)
{
  if (GTK_IS_LIST_BOX (list))
    atlas_panel_clear_list (list);
  else
    atlas_panel_clear (list);
}

static void
selection_changed_cb (AtlasListPage *self)
{
  AtlasListPagePrivate *priv = atlas_list_page_get_instance_private (self);
  AtlasListPageClass *klass = ATLAS_LIST_PAGE_GET_CLASS (self);
  AtlasSelectionKind kind = atlas_selection_get_kind (priv->selection);
  gconstpointer record = atlas_selection_get_record (priv->selection);
  gboolean shown;

  atlas_panel_clear (priv->details);
  shown = record != NULL && klass->show_details (self, kind, record, priv->details);
  gtk_widget_set_visible (priv->details, shown);
  if (shown)
    atlas_panel_scroll_to_top (priv->scrolled);

  atlas_panel_mark_current (priv->list, klass->current_id (self, kind, record));
}

static void
dataset_changed_cb (AtlasListPage *self)
{
  AtlasListPagePrivate *priv = atlas_list_page_get_instance_private (self);

  clear_list (priv->list);
  ATLAS_LIST_PAGE_GET_CLASS (self)->rebuild_list (self,
                                                  atlas_selection_get_dataset (priv->selection),
                                                  priv->list);
  selection_changed_cb (self);
}

static void
row_activated_cb (AtlasListPage *self,
                  GtkListBoxRow *row)
{
  AtlasListPagePrivate *priv = atlas_list_page_get_instance_private (self);
  const char *id = atlas_panel_get_id (GTK_WIDGET (row));

  /* Expander rows expand on activation; plain rows select their record. */
  if (id != NULL && !ADW_IS_EXPANDER_ROW (row))
    atlas_selection_select (priv->selection, ATLAS_LIST_PAGE_GET_CLASS (self)->kind, id);
}

static GtkWidget *
atlas_list_page_real_create_list (AtlasListPage *self)
{
  return atlas_list_page_new_list_box (self);
}

static gboolean
atlas_list_page_real_show_details (AtlasListPage      *self,
                                   AtlasSelectionKind  kind,
                                   gconstpointer       record,
                                   GtkWidget          *details)
{
  return FALSE;
}

static const char *
atlas_list_page_real_current_id (AtlasListPage      *self,
                                 AtlasSelectionKind  kind,
                                 gconstpointer       record)
{
  AtlasListPagePrivate *priv = atlas_list_page_get_instance_private (self);

  return kind == ATLAS_LIST_PAGE_GET_CLASS (self)->kind
         ? atlas_selection_get_id (priv->selection) : NULL;
}

/* Built here rather than in init: only now is the class that of the final page type. */
static void
atlas_list_page_constructed (GObject *object)
{
  AtlasListPage *self = ATLAS_LIST_PAGE (object);
  AtlasListPagePrivate *priv = atlas_list_page_get_instance_private (self);
  AtlasListPageClass *klass = ATLAS_LIST_PAGE_GET_CLASS (self);
  GtkWidget *content;

  G_OBJECT_CLASS (atlas_list_page_parent_class)->constructed (object);

  g_assert (ATLAS_IS_SELECTION (priv->selection));
  g_assert (klass->rebuild_list != NULL);

  priv->scrolled = atlas_panel_scrolled (&content);
  gtk_widget_set_parent (priv->scrolled, GTK_WIDGET (self));

  priv->details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_visible (priv->details, FALSE);
  gtk_box_append (GTK_BOX (content), priv->details);

  if (klass->heading != NULL)
    gtk_box_append (GTK_BOX (content), atlas_panel_label (_(klass->heading), "heading"));
  priv->list = klass->create_list (self);
  gtk_box_append (GTK_BOX (content), priv->list);

  g_signal_connect_object (priv->selection, "notify::dataset", G_CALLBACK (dataset_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  dataset_changed_cb (self);
}

static void
atlas_list_page_dispose (GObject *object)
{
  AtlasListPage *self = ATLAS_LIST_PAGE (object);
  AtlasListPagePrivate *priv = atlas_list_page_get_instance_private (self);

  g_clear_pointer (&priv->scrolled, gtk_widget_unparent);
  g_clear_object (&priv->selection);

  G_OBJECT_CLASS (atlas_list_page_parent_class)->dispose (object);
}

static void
atlas_list_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasListPage *self = ATLAS_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, atlas_list_page_get_selection (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_list_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtlasListPage *self = ATLAS_LIST_PAGE (object);
  AtlasListPagePrivate *priv = atlas_list_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SELECTION:
      priv->selection = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_list_page_class_init (AtlasListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_list_page_constructed;
  object_class->dispose = atlas_list_page_dispose;
  object_class->get_property = atlas_list_page_get_property;
  object_class->set_property = atlas_list_page_set_property;

  klass->create_list = atlas_list_page_real_create_list;
  klass->show_details = atlas_list_page_real_show_details;
  klass->current_id = atlas_list_page_real_current_id;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, ATLAS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_list_page_init (AtlasListPage *self)
{
}

void
atlas_list_page_refresh (AtlasListPage *self)
{
  g_return_if_fail (ATLAS_IS_LIST_PAGE (self));
  dataset_changed_cb (self);
}

AtlasSelection *
atlas_list_page_get_selection (AtlasListPage *self)
{
  AtlasListPagePrivate *priv;

  g_return_val_if_fail (ATLAS_IS_LIST_PAGE (self), NULL);

  priv = atlas_list_page_get_instance_private (self);
  return priv->selection;
}

void
atlas_list_page_refresh_details (AtlasListPage *self)
{
  g_return_if_fail (ATLAS_IS_LIST_PAGE (self));
  selection_changed_cb (self);
}

GtkWidget *
atlas_list_page_new_list_box (AtlasListPage *self)
{
  GtkWidget *list;

  g_return_val_if_fail (ATLAS_IS_LIST_PAGE (self), NULL);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  return list;
}
