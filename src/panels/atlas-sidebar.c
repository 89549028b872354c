/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-history-buttons.h"
#include "atlas-panels-resources.h"

#include "atlas-annotations-page.h"
#include "atlas-districts-page.h"
#include "atlas-overview-page.h"
#include "atlas-page-switcher.h"
#include "atlas-panel-sources.h"
#include "atlas-partnerships-page.h"
#include "atlas-priorities-page.h"
#include "atlas-search.h"
#include "atlas-sidebar.h"
#include "atlas-text.h"
#include "atlas-trusts-page.h"
#include "atlas-updates-page.h"

struct _AtlasSidebar
{
  GtkWidget parent_instance;

  AtlasSelection *selection;

  GtkWidget *header;
  GtkWidget *current_label;
  GtkWidget *search;
  GtkWidget *switcher;
  GtkWidget *stack;
};

enum {
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasSidebar, atlas_sidebar, GTK_TYPE_WIDGET)

static const char *
page_for_kind (AtlasSelectionKind kind)
{
  switch (kind)
    {
    case ATLAS_SELECTION_DISTRICT: return "districts";
    case ATLAS_SELECTION_PARTNERSHIP: return "partnerships";
    case ATLAS_SELECTION_TRUST:
    case ATLAS_SELECTION_SITE: return "trusts";
    case ATLAS_SELECTION_PRIORITY: return "priorities";
    case ATLAS_SELECTION_UPDATE: return "updates";
    case ATLAS_SELECTION_NONE:
    default: return NULL;
    }
}

static const char *
record_name (AtlasSelection *selection)
{
  switch (atlas_selection_get_kind (selection))
    {
    case ATLAS_SELECTION_DISTRICT: return atlas_selection_get_district (selection)->name;
    case ATLAS_SELECTION_PARTNERSHIP: return atlas_selection_get_partnership (selection)->name;
    case ATLAS_SELECTION_TRUST: return atlas_selection_get_trust (selection)->name;
    case ATLAS_SELECTION_SITE: return atlas_selection_get_site (selection)->name;
    case ATLAS_SELECTION_PRIORITY: return atlas_selection_get_priority (selection)->title;
    case ATLAS_SELECTION_UPDATE: return atlas_selection_get_update (selection)->title;
    case ATLAS_SELECTION_NONE:
    default: return NULL;
    }
}

static void
add_page (AtlasSidebar *self,
          GtkWidget    *page,
          const char   *name,
          const char   *title,
          const char   *icon_name)
{
  AdwViewStackPage *stack_page;

  stack_page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->stack), page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
}

static void
update_actions (AtlasSidebar *self)
{
  gboolean back = self->selection != NULL && atlas_selection_can_go_back (self->selection);
  gboolean forward = self->selection != NULL && atlas_selection_can_go_forward (self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.back", back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.forward", forward);
}

static void
update_current_label (AtlasSidebar *self)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  const char *name = record_name (self->selection);

  g_autofree char *line = NULL;

  if (name == NULL && dataset != NULL)
    name = atlas_dataset_get_short_name (dataset);
  line = atlas_text_one_line (name, ATLAS_TEXT_NAME_CHARS);
  gtk_label_set_text (GTK_LABEL (self->current_label), line != NULL ? line : "");
  gtk_widget_set_tooltip_text (self->current_label, line);
}

static void
selection_changed_cb (AtlasSidebar *self)
{
  const char *page = page_for_kind (atlas_selection_get_kind (self->selection));

  if (page != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->stack), page);
  update_current_label (self);
  update_actions (self);
}

static void
search_active_cb (AtlasSidebar *self)
{
  gboolean active = atlas_search_get_active (ATLAS_SEARCH (self->search));

  gtk_widget_set_visible (self->switcher, !active);
  gtk_widget_set_visible (self->stack, !active);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  atlas_selection_go_back (ATLAS_SIDEBAR (widget)->selection);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  atlas_selection_go_forward (ATLAS_SIDEBAR (widget)->selection);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
uri_launched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error))
    g_message ("Could not open the web address: %s", error->message);
}
#else
static void
uri_shown_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    g_message ("Could not open the web address: %s", error->message);
}
#endif

/* Opens a source's web page in the desktop's browser: only http and https addresses, and only
 * when asked (the source buttons). */
static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (!atlas_panel_is_web_address (uri))
    {
      g_message ("Not opening “%s”: only http and https addresses are opened", uri);
      return;
    }
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, window, NULL, uri_launched_cb, NULL);
  }
#else
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, uri_shown_cb, NULL);
#endif
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  atlas_sidebar_set_page (ATLAS_SIDEBAR (widget), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  atlas_sidebar_start_search (ATLAS_SIDEBAR (widget));
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval,
                                                                                  modifiers),
                                                          gtk_named_action_new (action_name)));
}

/* Once per display: the panel's own style rules. */
static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/icsatlas/IcsAtlas/panels/atlas-sidebar.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
page_changed_cb (AtlasSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
atlas_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, atlas_sidebar_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      atlas_sidebar_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sidebar_dispose (GObject *object)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SIDEBAR);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_sidebar_parent_class)->dispose (object);
}

static void
atlas_sidebar_class_init (AtlasSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_sidebar_dispose;
  object_class->get_property = atlas_sidebar_get_property;
  object_class->set_property = atlas_sidebar_set_property;

  /* The page shown: "overview", "districts", … */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_SEARCH);
  g_type_ensure (ATLAS_TYPE_PAGE_SWITCHER);
  /* Naming the resource keeps the linker from dropping it when the panel is used on its own. */
  (void) atlas_panels_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/icsatlas/IcsAtlas/panels/atlas-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, header);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, current_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, search);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, switcher);
  gtk_widget_class_bind_template_child (widget_class, AtlasSidebar, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_active_cb);

  gtk_widget_class_install_action (widget_class, "sidebar.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "sidebar.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "sidebar.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, ATLAS_PANEL_OPEN_URI_ACTION, "s",
                                   open_uri_action);
  gtk_widget_class_install_action (widget_class, "sidebar.show-page", "s", show_page_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlassidebar");
}

static void
atlas_sidebar_init (AtlasSidebar *self)
{
  GtkEventController *shortcuts;
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (page_changed_cb), self, G_CONNECT_SWAPPED);

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, -1);

  /* Managed scope: the window runs these wherever the focus is, not only inside the panel. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, GDK_ALT_MASK, "sidebar.back");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, GDK_ALT_MASK,
                "sidebar.forward");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_f, GDK_CONTROL_MASK,
                "sidebar.search");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

GtkWidget *
atlas_sidebar_new (AtlasSelection *selection)
{
  AtlasSidebar *self;

  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  self = g_object_new (ATLAS_TYPE_SIDEBAR, NULL);
  self->selection = g_object_ref (selection);
  atlas_history_buttons_attach (GTK_WIDGET (self), selection);

  /* The tabs' titles wrap onto two lines in a narrow panel, only between words and at soft
   * hyphens (U+00AD): a translation may put them where a long word breaks. */
  add_page (self, atlas_overview_page_new (selection), "overview",
            C_("side panel tab", "Overview"), "dialog-information-symbolic");
  add_page (self, atlas_districts_page_new (selection), "districts",
            C_("side panel tab", "Districts"), "mark-location-symbolic");
  add_page (self, atlas_partnerships_page_new (selection), "partnerships",
            C_("side panel tab", "Partner\u00adships"), "system-users-symbolic");
  add_page (self, atlas_trusts_page_new (selection), "trusts",
            C_("side panel tab", "Trusts"), "x-office-address-book-symbolic");
  add_page (self, atlas_priorities_page_new (selection), "priorities",
            C_("side panel tab", "Priorities"), "view-list-ordered-symbolic");
  add_page (self, atlas_updates_page_new (selection), "updates",
            C_("side panel tab", "Updates"), "x-office-calendar-symbolic");

  atlas_search_set_selection (ATLAS_SEARCH (self->search), selection);
  g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::dataset", G_CALLBACK (update_current_label),
                           self, G_CONNECT_SWAPPED);
  selection_changed_cb (self);

  return GTK_WIDGET (self);
}

void
atlas_sidebar_set_annotations (AtlasSidebar        *self,
                               AtlasAnnotationList *annotations)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));
  g_return_if_fail (ATLAS_IS_ANNOTATION_LIST (annotations));
  g_return_if_fail (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (self->stack),
                                                      "annotations") == NULL);

  /* A short tab title: seven pages share the panel's width. */
  add_page (self, atlas_annotations_page_new (self->selection, annotations), "annotations",
            C_("side panel tab", "Notes"), "document-edit-symbolic");
  atlas_search_set_annotations (ATLAS_SEARCH (self->search), annotations);
}

void
atlas_sidebar_start_search (AtlasSidebar *self)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));

  atlas_search_focus (ATLAS_SEARCH (self->search));
}

GtkWidget *
atlas_sidebar_get_search (AtlasSidebar *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);

  return self->search;
}

void
atlas_sidebar_set_page (AtlasSidebar *self,
                        const char   *name)
{
  g_return_if_fail (ATLAS_IS_SIDEBAR (self));

  if (name != NULL && adw_view_stack_get_child_by_name (ADW_VIEW_STACK (self->stack), name) != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->stack), name);
}

/* Moves the focus into the page shown, to the selected record's row or its details: what
 * Enter on the map opens. */
void
atlas_sidebar_focus_page (AtlasSidebar *self)
{
  GtkWidget *page;

  g_return_if_fail (ATLAS_IS_SIDEBAR (self));

  page = adw_view_stack_get_visible_child (ADW_VIEW_STACK (self->stack));
  if (page != NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

const char *
atlas_sidebar_get_page (AtlasSidebar *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->stack));
}
