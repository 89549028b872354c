/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-page-switcher.h"

/* A title wraps onto this many lines at most before it is cut short. */
#define MAX_TITLE_LINES 2

struct _AtlasPageSwitcher
{
  GtkWidget parent_instance;

  AdwViewStack *stack;
  GtkSelectionModel *pages;
  gboolean updating;
};

enum {
  PROP_0,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasPageSwitcher, atlas_page_switcher, GTK_TYPE_WIDGET)

static void
clear_buttons (AtlasPageSwitcher *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

static void
button_toggled_cb (GtkToggleButton   *button,
                   AtlasPageSwitcher *self)
{
  AdwViewStackPage *page = g_object_get_data (G_OBJECT (button), "atlas-page");

  if (self->updating || !gtk_toggle_button_get_active (button) || self->stack == NULL)
    return;
  adw_view_stack_set_visible_child (self->stack, adw_view_stack_page_get_child (page));
}

static GtkWidget *
create_button (AtlasPageSwitcher *self,
               AdwViewStackPage  *page,
               GtkWidget         *group)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *image = gtk_image_new_from_icon_name (adw_view_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (adw_view_stack_page_get_title (page));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Between words and at soft hyphens only: a word cut anywhere ("Partners-hips") reads badly.
   * The tabs then ask for their longest unbroken part's width, once per page. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (label), MAX_TITLE_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Wrapping labels ask for little width: every button gets the same share. */
  gtk_label_set_width_chars (GTK_LABEL (label), 1);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, adw_view_stack_page_get_title (page));
  gtk_widget_add_css_class (button, "flat");
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  g_object_set_data_full (G_OBJECT (button), "atlas-page", g_object_ref (page), g_object_unref);
  g_signal_connect (button, "toggled", G_CALLBACK (button_toggled_cb), self);
  gtk_widget_set_parent (button, GTK_WIDGET (self));
  return button;
}

static void
update_active (AtlasPageSwitcher *self)
{
  GtkWidget *visible = self->stack != NULL ? adw_view_stack_get_visible_child (self->stack)
                                           : NULL;

  self->updating = TRUE;
  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self)); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      AdwViewStackPage *page = g_object_get_data (G_OBJECT (button), "atlas-page");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    adw_view_stack_page_get_child (page) == visible);
    }
  self->updating = FALSE;
}

static void
rebuild (AtlasPageSwitcher *self)
{
  GtkWidget *group = NULL;

  clear_buttons (self);
  for (guint i = 0; self->pages != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->pages));
       i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (self->pages), i);
      GtkWidget *button = create_button (self, page, group);

      if (group == NULL)
        group = button;
    }
  update_active (self);
}

static void
atlas_page_switcher_dispose (GObject *object)
{
  AtlasPageSwitcher *self = ATLAS_PAGE_SWITCHER (object);

  atlas_page_switcher_set_stack (self, NULL);
  clear_buttons (self);

  G_OBJECT_CLASS (atlas_page_switcher_parent_class)->dispose (object);
}

static void
atlas_page_switcher_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, ATLAS_PAGE_SWITCHER (object)->stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_page_switcher_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STACK:
      atlas_page_switcher_set_stack (ATLAS_PAGE_SWITCHER (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_page_switcher_class_init (AtlasPageSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_page_switcher_dispose;
  object_class->get_property = atlas_page_switcher_get_property;
  object_class->set_property = atlas_page_switcher_set_property;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pageswitcher");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_page_switcher_init (AtlasPageSwitcher *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 0);
}

GtkWidget *
atlas_page_switcher_new (void)
{
  return g_object_new (ATLAS_TYPE_PAGE_SWITCHER, NULL);
}

void
atlas_page_switcher_set_stack (AtlasPageSwitcher *self,
                               AdwViewStack      *stack)
{
  g_return_if_fail (ATLAS_IS_PAGE_SWITCHER (self));
  g_return_if_fail (stack == NULL || ADW_IS_VIEW_STACK (stack));

  if (self->stack == stack)
    return;
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  if (self->pages != NULL)
    g_signal_handlers_disconnect_by_data (self->pages, self);
  g_clear_object (&self->pages);
  g_set_object (&self->stack, stack);
  if (stack != NULL)
    {
      self->pages = adw_view_stack_get_pages (stack);
      g_signal_connect_swapped (self->pages, "items-changed", G_CALLBACK (rebuild), self);
      g_signal_connect_swapped (stack, "notify::visible-child", G_CALLBACK (update_active),
                                self);
    }
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

AdwViewStack *
atlas_page_switcher_get_stack (AtlasPageSwitcher *self)
{
  g_return_val_if_fail (ATLAS_IS_PAGE_SWITCHER (self), NULL);
  return self->stack;
}
