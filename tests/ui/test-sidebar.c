/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The side panel in a window under a virtual display, with the bundled datasets: it follows the
 * selection, its links select records, back and forward walk the history, and search finds
 * records. What is shown is checked by walking the widget tree for mapped labels and links.
 * Captures of every page go to tests/artefacts/ in the build folder for eyes-on checks. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-wait.h"
#include "atlas-data-resources.h"
#include "atlas-ui-resources.h"
#include "atlas-history-buttons.h"
#include "atlas-link.h"
#include "atlas-panel-sources.h"
#include "atlas-search.h"
#include "atlas-sidebar.h"
#include "atlas-text.h"

typedef struct {
  GtkWidget *window;
  AtlasSidebar *sidebar;
  AtlasSelection *selection;
  AtlasDataset *dataset;
} Fixture;

static void
iterate_pending (void)
{
  test_iterate_pending ();
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Until the window has drawn two more frames, so layout is up to date. */
static void
wait_for_frames (GtkWidget *widget)
{
  guint ticks = 0;
  guint id = gtk_widget_add_tick_callback (widget, tick_cb, &ticks, NULL);

  gtk_widget_queue_draw (widget);
  TEST_WAIT_UNTIL (ticks >= 2, "two frames to be painted");
  gtk_widget_remove_tick_callback (widget, id);
  iterate_pending ();
}

static void
fixture_set_up_with (Fixture    *fixture,
                     const char *dataset_id)
{
  g_autoptr(GError) error = NULL;

  fixture->dataset = atlas_dataset_load (dataset_id, &error);
  if (fixture->dataset == NULL && g_strcmp0 (dataset_id, "hwe") != 0)
    {
      /* The second system is data of its own: report it, but keep testing the panel. */
      g_autofree char *message = g_strdup_printf ("dataset %s does not load: %s",
                                                  dataset_id, error->message);

      g_strdelimit (message, "\n", ' ');
      g_test_skip (message);
      return;
    }
  g_assert_no_error (error);
  fixture->selection = atlas_selection_new ();
  atlas_selection_set_dataset (fixture->selection, fixture->dataset);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 820);
  fixture->sidebar = ATLAS_SIDEBAR (atlas_sidebar_new (fixture->selection));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->sidebar));
  gtk_window_present (GTK_WINDOW (fixture->window));
  TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->sidebar)), "the side panel to be mapped");
  wait_for_frames (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_with (fixture, data != NULL ? data : "hwe");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate_pending ();
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->dataset);
}

/* The first mapped label showing exactly text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  GtkWidget *child;

  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_text (Fixture    *fixture,
            const char *text)
{
  return find_label (GTK_WIDGET (fixture->sidebar), text) != NULL;
}

/* The first mapped link to the record, or NULL. */
static GtkWidget *
find_link (GtkWidget          *root,
           AtlasSelectionKind  kind,
           const char         *id)
{
  GtkWidget *child;

  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (ATLAS_IS_LINK (root) && atlas_link_get_kind (ATLAS_LINK (root)) == kind
      && g_strcmp0 (atlas_link_get_id (ATLAS_LINK (root)), id) == 0)
    return root;

  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_link (child, kind, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
follow_link (Fixture            *fixture,
             AtlasSelectionKind  kind,
             const char         *id)
{
  GtkWidget *link = find_link (GTK_WIDGET (fixture->sidebar), kind, id);

  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  g_assert_cmpint (atlas_selection_get_kind (fixture->selection), ==, kind);
  g_assert_cmpstr (atlas_selection_get_id (fixture->selection), ==, id);
}

/* Mapped list rows that stand for a record of the current page. */
static guint
count_record_rows (GtkWidget *root)
{
  GtkWidget *child;
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (GTK_IS_LIST_BOX_ROW (root) && g_object_get_data (G_OBJECT (root), "atlas-id") != NULL)
    return 1;
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_record_rows (child);
  return n;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first mapped list row standing for the record id, or NULL. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *id)
{
  GtkWidget *child;

  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LIST_BOX_ROW (root)
      && g_strcmp0 (g_object_get_data (G_OBJECT (root), "atlas-id"), id) == 0)
    return root;
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first mapped caption of a fact (not a tab or a link) reading text, or NULL. */
static GtkWidget *
find_caption (GtkWidget  *root,
              const char *text)
{
  GtkWidget *child;

  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "caption-heading")
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_caption (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first mapped label under root whose text contains text, or NULL. */
static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  GtkWidget *child;

  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether widget or a widget inside it has the style class. */
static gboolean
has_descendant_with_class (GtkWidget  *widget,
                           const char *css_class)
{
  GtkWidget *child;

  if (gtk_widget_has_css_class (widget, css_class))
    return TRUE;
  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_descendant_with_class (child, css_class))
      return TRUE;
  return FALSE;
}

/* Mapped buttons that open a web address: their action and target. */
static void
collect_open_buttons (GtkWidget *root,
                      GPtrArray *targets)
{
  GtkWidget *child;

  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "atlas-open-source"))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), ==,
                       "sidebar.open-uri");
      g_assert_nonnull (target);
      g_assert_true (g_variant_is_of_type (target, G_VARIANT_TYPE_STRING));
      g_ptr_array_add (targets, g_variant_dup_string (target, NULL));
    }
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_open_buttons (child, targets);
}

static void
capture (Fixture    *fixture,
         const char *name)
{
  GtkWidget *widget = fixture->window;
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "artefacts", NULL);
  g_autofree char *file = NULL;
  int width, height;

  wait_for_frames (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/sidebar-%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("capture: %s", file);
}

/* Scrolls every mapped scrolled window down by a page or more, to capture the rest of a page. */
static void
scroll_by (GtkWidget *root,
           double     pixels)
{
  GtkWidget *child;

  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_SCROLLED_WINDOW (root))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (root));

      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + pixels);
    }
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    scroll_by (child, pixels);
}

static void
test_district_shows_partnership (Fixture       *fixture,
                                 gconstpointer  data)
{
  const AtlasDistrict *watford = atlas_dataset_find_district (fixture->dataset, "watford");

  g_assert_nonnull (watford);
  g_assert_nonnull (watford->partnership);
  g_assert_false (shows_text (fixture, watford->partnership->name));

  g_assert_true (atlas_selection_select (fixture->selection, ATLAS_SELECTION_DISTRICT, "watford"));
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->sidebar), ==, "districts");
  g_assert_true (shows_text (fixture, watford->partnership->name));
  g_assert_true (shows_text (fixture, watford->council));
  /* Indicator figures keep the sources' one decimal. */
  g_assert_true (shows_text (fixture, "20.1% (2019-20)"));
  g_assert_true (shows_text (fixture, "30.0% (2019-20)"));
  g_assert_nonnull (find_link (GTK_WIDGET (fixture->sidebar), ATLAS_SELECTION_PARTNERSHIP,
                               watford->partnership->id));
  g_assert_nonnull (find_link (GTK_WIDGET (fixture->sidebar), ATLAS_SELECTION_SITE,
                               "watford-general"));
  capture (fixture, "district");
  scroll_by (GTK_WIDGET (fixture->sidebar), 660);
  capture (fixture, "district-2");
  scroll_by (GTK_WIDGET (fixture->sidebar), 660);
  capture (fixture, "district-3");
}

static void
test_links_and_history (Fixture       *fixture,
                        gconstpointer  data)
{
  const AtlasDistrict *watford = atlas_dataset_find_district (fixture->dataset, "watford");
  int i;

  atlas_selection_select (fixture->selection, ATLAS_SELECTION_DISTRICT, "watford");

  follow_link (fixture, ATLAS_SELECTION_PARTNERSHIP, watford->partnership->id);
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->sidebar), ==, "partnerships");
  capture (fixture, "partnership");

  follow_link (fixture, ATLAS_SELECTION_TRUST, "whth");
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->sidebar), ==, "trusts");
  capture (fixture, "trust");

  follow_link (fixture, ATLAS_SELECTION_SITE, "watford-general");
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->sidebar), ==, "trusts");
  g_assert_true (shows_text (fixture, "Watford General Hospital"));
  capture (fixture, "site");

  for (i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.back",
                                               NULL));
  g_assert_cmpint (atlas_selection_get_kind (fixture->selection), ==, ATLAS_SELECTION_DISTRICT);
  g_assert_cmpstr (atlas_selection_get_id (fixture->selection), ==, "watford");
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->sidebar), ==, "districts");
  g_assert_true (shows_text (fixture, watford->partnership->name));

  gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.forward", NULL);
  g_assert_cmpint (atlas_selection_get_kind (fixture->selection), ==,
                   ATLAS_SELECTION_PARTNERSHIP);
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->sidebar), ==, "partnerships");
}

/* Alt+Left and Alt+Right are bound to the actions, in a scope that works anywhere in the window. */
static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->sidebar));
  gboolean back = FALSE, forward = FALSE, search = FALSE;
  guint i, j;

  for (i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      if (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller))
          == GTK_SHORTCUT_SCOPE_LOCAL)
        continue;
      for (j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
            gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *name = GTK_IS_NAMED_ACTION (action)
                             ? gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)) : "";

          back |= g_str_equal (trigger, "<Alt>Left") && g_str_equal (name, "sidebar.back");
          forward |= g_str_equal (trigger, "<Alt>Right") && g_str_equal (name, "sidebar.forward");
          search |= g_str_equal (trigger, "<Control>f") && g_str_equal (name, "sidebar.search");
        }
    }
  g_assert_true (back);
  g_assert_true (forward);
  g_assert_true (search);

  /* Nothing to go back to yet: the back button says so. */
  g_assert_false (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (fixture->sidebar),
                                                                "sidebar.back")));
  atlas_selection_select (fixture->selection, ATLAS_SELECTION_DISTRICT, "harlow");
  atlas_selection_select (fixture->selection, ATLAS_SELECTION_DISTRICT, "dacorum");
  g_assert_true (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (fixture->sidebar),
                                                               "sidebar.back")));
  g_assert_false (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (fixture->sidebar),
                                                                "sidebar.forward")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.back", NULL));
  g_assert_cmpstr (atlas_selection_get_id (fixture->selection), ==, "harlow");
}

/* The mouse's back and forward buttons, through the one handler the panel and the map share. */
static void
test_history_buttons (Fixture       *fixture,
                      gconstpointer  data)
{
  AtlasSelection *selection = fixture->selection;

  g_assert_true (atlas_history_buttons_attached (GTK_WIDGET (fixture->sidebar)));
  atlas_selection_select (selection, ATLAS_SELECTION_DISTRICT, "harlow");
  atlas_selection_select (selection, ATLAS_SELECTION_DISTRICT, "dacorum");

  g_assert_true (atlas_history_buttons_press (selection, 8));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "harlow");
  g_assert_true (atlas_history_buttons_press (selection, 9));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "dacorum");
  /* Other buttons are not the history's: the selection stays. */
  g_assert_false (atlas_history_buttons_press (selection, GDK_BUTTON_PRIMARY));
  g_assert_false (atlas_history_buttons_press (selection, GDK_BUTTON_SECONDARY));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "dacorum");
}

static void
test_nel (Fixture       *fixture,
          gconstpointer  data)
{
  const AtlasPriority *priorities;
  guint n, i, shown = 0;

  if (fixture->dataset == NULL)
    return;

  atlas_sidebar_set_page (fixture->sidebar, "districts");
  g_assert_cmpuint (count_record_rows (GTK_WIDGET (fixture->sidebar)), ==, 8);

  g_assert_true (atlas_selection_select (fixture->selection, ATLAS_SELECTION_DISTRICT, "hackney"));
  g_assert_true (shows_text (fixture, "City and Hackney")
                 || find_link (GTK_WIDGET (fixture->sidebar), ATLAS_SELECTION_PARTNERSHIP,
                               "city-and-hackney") != NULL);

  priorities = atlas_dataset_get_priorities (fixture->dataset, &n);
  for (i = 0; i < n; i++)
    {
      if (priorities[i].partnership == NULL
          || g_strcmp0 (priorities[i].partnership->id, "city-and-hackney") != 0)
        continue;
      g_assert_nonnull (find_link (GTK_WIDGET (fixture->sidebar), ATLAS_SELECTION_PRIORITY,
                                   priorities[i].id));
      shown++;
    }
  g_assert_cmpuint (shown, >, 0);
  capture (fixture, "nel-hackney");

  follow_link (fixture, ATLAS_SELECTION_PARTNERSHIP, "city-and-hackney");
  capture (fixture, "nel-city-and-hackney");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  AtlasSearch *search = ATLAS_SEARCH (atlas_sidebar_get_search (fixture->sidebar));

  atlas_search_set_query (search, "lister");
  g_assert_true (atlas_search_get_active (search));
  g_assert_cmpuint (atlas_search_get_n_results (search), >=, 1);
  g_assert_true (shows_text (fixture, "Lister Hospital"));
  capture (fixture, "search-lister");

  atlas_search_set_query (search, "herts");
  g_assert_cmpuint (atlas_search_get_n_results (search), >=, 10);
  capture (fixture, "search-herts");

  atlas_search_set_query (search, "lister");
  g_assert_true (atlas_search_activate_first (search));
  g_assert_false (atlas_search_get_active (search));
  g_assert_cmpint (atlas_selection_get_kind (fixture->selection), ==, ATLAS_SELECTION_SITE);
  g_assert_cmpstr (atlas_selection_get_id (fixture->selection), ==, "lister");
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->sidebar), ==, "trusts");
  g_assert_true (shows_text (fixture, "Lister Hospital"));

  atlas_search_set_query (search, "no such place anywhere");
  g_assert_cmpuint (atlas_search_get_n_results (search), ==, 0);
  g_assert_false (atlas_search_activate_first (search));

  /* A typing error is forgiven: Watford first. */
  atlas_search_set_query (search, "watfrod");
  g_assert_cmpuint (atlas_search_get_n_results (search), >=, 2);
  g_assert_true (shows_text (fixture, "Watford"));
  capture (fixture, "search-watfrod");

  /* "child": the priority, the indicators, the partnerships' facts, each with where the word
   * is; the word itself in bold. */
  atlas_search_set_query (search, "child");
  g_assert_nonnull (find_row (GTK_WIDGET (fixture->sidebar), "best-start"));
  g_assert_nonnull (find_row (GTK_WIDGET (fixture->sidebar), "overweight-4-5"));
  g_assert_nonnull (find_row (GTK_WIDGET (fixture->sidebar), "overweight-10-11"));
  g_assert_nonnull (find_row (GTK_WIDGET (fixture->sidebar), "east-north-herts"));
  g_assert_true (shows_text (fixture, "Indicators"));
  g_assert_true (shows_text (fixture, "In Emergency admissions, children under 18"));
  capture (fixture, "search-child");

  /* A headline fact shows the overview. */
  atlas_sidebar_set_page (fixture->sidebar, "districts");
  atlas_search_set_query (search, "pharmacies");
  g_assert_nonnull (find_row (GTK_WIDGET (fixture->sidebar), "community-pharmacies"));
  g_assert_true (atlas_search_activate_first (search));
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->sidebar), ==, "overview");
  g_assert_true (shows_text (fixture, "Community pharmacies"));
}

/* The words found are in bold, over exactly their bytes. */
static void
test_search_bold (Fixture       *fixture,
                  gconstpointer  data)
{
  AtlasSearch *search = ATLAS_SEARCH (atlas_sidebar_get_search (fixture->sidebar));
  GtkWidget *row;
  GtkWidget *label = NULL;
  PangoAttrList *attrs;
  g_autoptr(GSList) list = NULL;
  PangoAttribute *bold;
  const char *text;

  atlas_search_set_query (search, "health hub");
  row = find_row (GTK_WIDGET (fixture->sidebar), "icp-2023-11");
  g_assert_nonnull (row);
  g_assert_true (shows_text (fixture, "In item 4"));
  label = find_label_containing (row, "health hub");
  g_assert_nonnull (label);
  text = gtk_label_get_text (GTK_LABEL (label));
  attrs = gtk_label_get_attributes (GTK_LABEL (label));
  g_assert_nonnull (attrs);
  list = pango_attr_list_get_attributes (attrs);
  /* "…a new health hub in central Watford which put residents' health and wellbeing…" */
  g_assert_cmpuint (g_slist_length (list), ==, 3);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      g_autofree char *word = NULL;

      bold = l->data;
      g_assert_cmpint (((PangoAttrInt *) bold)->value, ==, PANGO_WEIGHT_BOLD);
      word = g_strndup (text + bold->start_index, bold->end_index - bold->start_index);
      g_assert_true (g_str_equal (word, "health") || g_str_equal (word, "hub"));
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  capture (fixture, "search-health-hub");
}

/* Every page has content with no selection, and a capture of each. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const pages[] = {
    "overview", "districts", "partnerships", "trusts", "priorities", "updates",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      atlas_sidebar_set_page (fixture->sidebar, pages[i]);
      g_assert_cmpstr (atlas_sidebar_get_page (fixture->sidebar), ==, pages[i]);
      capture (fixture, pages[i]);
    }

  atlas_sidebar_set_page (fixture->sidebar, "overview");
  g_assert_true (shows_text (fixture, atlas_dataset_get_name (fixture->dataset)));
  atlas_sidebar_set_page (fixture->sidebar, "updates");
  g_assert_true (shows_text (fixture, "23 November 2023"));
}

static GtkWidget *
find_expander (GtkWidget *root)
{
  GtkWidget *child;

  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (ADW_IS_EXPANDER_ROW (root))
    return root;
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Priority 1 of the system expands to its sections. */
static void
test_priority_sections (Fixture       *fixture,
                        gconstpointer  data)
{
  const AtlasPriority *first = atlas_dataset_find_priority (fixture->dataset, "best-start");
  GtkWidget *expander;

  g_assert_nonnull (first);
  g_assert_cmpuint (first->n_sections, >, 0);
  atlas_sidebar_set_page (fixture->sidebar, "priorities");
  g_assert_false (shows_text (fixture, first->sections[0].title));

  expander = find_expander (GTK_WIDGET (fixture->sidebar));
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  wait_for_frames (fixture->window);
  g_assert_true (shows_text (fixture, first->sections[0].title));
  capture (fixture, "priority-1-expanded");
}

/* North East London has no priorities of the whole system; City and Hackney's five key
 * priorities and five work programmes are listed under its name, in their two groups. */
static void
test_nel_priorities (Fixture       *fixture,
                     gconstpointer  data)
{
  const AtlasPriority *priorities;
  guint n, i, listed = 0;

  if (fixture->dataset == NULL)
    return;

  atlas_sidebar_set_page (fixture->sidebar, "priorities");
  wait_for_frames (fixture->window);
  g_assert_true (shows_text (fixture, "The system’s priorities"));
  g_assert_true (shows_text (fixture, "None recorded for the system as a whole"));
  g_assert_nonnull (find_link (GTK_WIDGET (fixture->sidebar), ATLAS_SELECTION_PARTNERSHIP,
                               "city-and-hackney"));
  g_assert_true (shows_text (fixture, "Key priorities"));
  g_assert_true (shows_text (fixture, "Key work programmes"));

  priorities = atlas_dataset_get_priorities (fixture->dataset, &n);
  for (i = 0; i < n; i++)
    if (priorities[i].partnership != NULL
        && g_str_equal (priorities[i].partnership->id, "city-and-hackney"))
      {
        g_assert_nonnull (find_row (GTK_WIDGET (fixture->sidebar), priorities[i].id));
        listed++;
      }
  g_assert_cmpuint (listed, ==, 10);
  g_assert_cmpuint (count_record_rows (GTK_WIDGET (fixture->sidebar)), ==, 10);
  g_assert_true (shows_text (fixture, "5. Empower patients and residents"));
  g_assert_true (shows_text (fixture, "1. Children, young people, families and maternity – "
                                      "giving every child the best start in life"));
  capture (fixture, "nel-priorities");

  /* A row selects its priority; the page shows it and marks its row. */
  g_signal_emit_by_name (find_row (GTK_WIDGET (fixture->sidebar), "ch-mental-health"),
                         "activate");
  g_assert_cmpint (atlas_selection_get_kind (fixture->selection), ==, ATLAS_SELECTION_PRIORITY);
  g_assert_cmpstr (atlas_selection_get_id (fixture->selection), ==, "ch-mental-health");
  g_assert_true (gtk_widget_has_css_class (find_row (GTK_WIDGET (fixture->sidebar),
                                                     "ch-mental-health"), "atlas-current"));
  g_assert_true (shows_text (fixture, "Key work programmes"));
  /* A priority without a summary leaves it out, rather than saying it is not recorded. */
  g_assert_false (shows_text (fixture, "Summary"));
  g_assert_false (shows_text (fixture, "Not recorded"));
}

/* Every fact of a district page has its source under it, and only a source with a web
 * address has a button to open it, through the sidebar's action. */
static void
test_sources_per_fact (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const facts[] = {
    "Council", "County", "Partnership", "Also part of", "Trusts with sites here", "Sites",
    "Children aged 4–5 overweight or obese", "Children aged 10–11 overweight or obese",
    "Updates", "ONS code",
  };
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  guint i;

  g_assert_true (atlas_selection_select (fixture->selection, ATLAS_SELECTION_DISTRICT,
                                         "watford"));
  wait_for_frames (fixture->window);
  for (i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      GtkWidget *caption = find_caption (GTK_WIDGET (fixture->sidebar), facts[i]);

      g_test_message ("fact %s", facts[i]);
      g_assert_nonnull (caption);
      g_assert_true (has_descendant_with_class (gtk_widget_get_parent (caption),
                                                "atlas-source"));
    }
  /* The one block of sources per page is gone. */
  g_assert_false (shows_text (fixture, "Sources"));
  g_assert_true (shows_text (fixture, "Source: Structural facts"));
  g_assert_true (shows_text (fixture, "Source: Headlines from the ICP meeting (November 2023)"));
  g_assert_true (shows_text (fixture, "Sources: Integrated Care Strategy: strategic priority 1; "
                                      "Structural facts"));

  collect_open_buttons (GTK_WIDGET (fixture->sidebar), targets);
  g_assert_cmpuint (targets->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (targets, 0), ==, "https://github.com/martinjc/UK-GeoJSON");
  scroll_by (GTK_WIDGET (fixture->sidebar), 660);
  capture (fixture, "district-sources");

  /* The action opens web addresses only: anything else is refused, and says so. */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "Not opening “file:///etc/passwd”*");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.open-uri",
                                             "s", "file:///etc/passwd"));
  g_test_assert_expected_messages ();
}

static void
test_web_address (void)
{
  static const char * const good[] = {
    "https://github.com/martinjc/UK-GeoJSON", "http://example.org", "HTTPS://Example.org/a?b#c",
  };
  static const char * const bad[] = {
    "file:///etc/passwd", "javascript:alert(1)", "https://", "https:///path", "mailto:a@b.org",
    "ftp://example.org", "example.org", "/etc/passwd", "https://exa mple.org", "data:text/html,x",
    "",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (atlas_panel_is_web_address (good[i]));
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (atlas_panel_is_web_address (bad[i]));
    }
  g_assert_false (atlas_panel_is_web_address (NULL));
}

/* An update's title selects it; its card is then marked as the current one. */
static void
test_update_selects (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *link;
  GtkWidget *card;

  atlas_sidebar_set_page (fixture->sidebar, "updates");
  wait_for_frames (fixture->window);
  link = find_link (GTK_WIDGET (fixture->sidebar), ATLAS_SELECTION_UPDATE, "icp-2023-11");
  g_assert_nonnull (link);
  card = gtk_widget_get_parent (link);
  g_assert_false (gtk_widget_has_css_class (card, "atlas-current"));
  follow_link (fixture, ATLAS_SELECTION_UPDATE, "icp-2023-11");
  g_assert_cmpstr (atlas_sidebar_get_page (fixture->sidebar), ==, "updates");
  g_assert_true (gtk_widget_has_css_class (card, "atlas-current"));
  g_assert_true (shows_text (fixture, "Source: Headlines from the ICP meeting (November 2023)"));
  capture (fixture, "update-selected");
}

/* Text from a dataset is shown literally, and a 10,000-character name cannot widen the panel. */
static void
test_hostile_text (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/icsatlas/IcsAtlas/data/hwe/hwe.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GFile) base = g_file_new_for_uri ("resource:///io/github/icsatlas/IcsAtlas/data/hwe");
  g_autoptr(GString) json = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  Fixture fixture = { NULL };
  guint i;

  g_assert_nonnull (bytes);
  json = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  for (i = 0; i < 10000; i++)
    g_string_append_c (long_name, "Watford"[i % 7]);
  g_assert_cmpuint (g_string_replace (json, "\"name\": \"Watford\",",
                                      "\"name\": \"@LONG@\",", 1), ==, 1);
  g_string_replace (json, "@LONG@", long_name->str, 1);
  g_assert_cmpuint (g_string_replace (json, "\"Watford Borough Council\"",
                                      "\"<b>Watford</b> & <i>Borough Council\"", 1), ==, 1);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (json->str, json->len);

  fixture.dataset = atlas_dataset_load_bytes (bytes, "hostile.json", base, &error);
  g_assert_no_error (error);
  fixture.selection = atlas_selection_new ();
  atlas_selection_set_dataset (fixture.selection, fixture.dataset);
  fixture.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 400, 820);
  fixture.sidebar = ATLAS_SIDEBAR (atlas_sidebar_new (fixture.selection));
  gtk_window_set_child (GTK_WINDOW (fixture.window), GTK_WIDGET (fixture.sidebar));
  gtk_window_present (GTK_WINDOW (fixture.window));
  TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture.sidebar)), "the side panel to be mapped");

  atlas_selection_select (fixture.selection, ATLAS_SELECTION_DISTRICT, "watford");
  wait_for_frames (fixture.window);
  g_assert_true (shows_text (&fixture, "<b>Watford</b> & <i>Borough Council"));
  /* On one line, cut with an ellipsis. */
  {
    g_autofree char *shown = atlas_text_one_line (long_name->str, ATLAS_TEXT_NAME_CHARS);

    g_assert_true (shows_text (&fixture, shown));
  }
  g_assert_cmpint (gtk_widget_get_width (fixture.window), <=, 400);
  capture (&fixture, "hostile-district");

  atlas_sidebar_set_page (fixture.sidebar, "districts");
  atlas_selection_clear (fixture.selection);
  wait_for_frames (fixture.window);
  g_assert_cmpint (gtk_widget_get_width (fixture.window), <=, 400);
  capture (&fixture, "hostile-list");

  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("ics-atlas-test-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autoptr(GtkCssProvider) css = NULL;

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  /* The bundled data lives in the core's static library, the application's style sheet in the
   * application's: name them so they are linked in. */
  (void) atlas_data_get_resource ();
  (void) atlas_ui_get_resource ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Expanders and page changes take effect at once, so captures show the end state. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/icsatlas/IcsAtlas/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/sidebar/district-shows-partnership", Fixture, "hwe", fixture_set_up,
              test_district_shows_partnership, fixture_tear_down);
  g_test_add ("/sidebar/links-and-history", Fixture, "hwe", fixture_set_up,
              test_links_and_history, fixture_tear_down);
  g_test_add ("/sidebar/shortcuts", Fixture, "hwe", fixture_set_up,
              test_shortcuts, fixture_tear_down);
  g_test_add ("/sidebar/history-buttons", Fixture, "hwe", fixture_set_up,
              test_history_buttons, fixture_tear_down);
  g_test_add ("/sidebar/nel", Fixture, "nel", fixture_set_up,
              test_nel, fixture_tear_down);
  g_test_add ("/sidebar/search", Fixture, "hwe", fixture_set_up,
              test_search, fixture_tear_down);
  g_test_add ("/sidebar/search-bold", Fixture, "hwe", fixture_set_up,
              test_search_bold, fixture_tear_down);
  g_test_add ("/sidebar/pages", Fixture, "hwe", fixture_set_up,
              test_pages, fixture_tear_down);
  g_test_add ("/sidebar/priority-sections", Fixture, "hwe", fixture_set_up,
              test_priority_sections, fixture_tear_down);
  g_test_add ("/sidebar/nel-priorities", Fixture, "nel", fixture_set_up,
              test_nel_priorities, fixture_tear_down);
  g_test_add ("/sidebar/sources-per-fact", Fixture, "hwe", fixture_set_up,
              test_sources_per_fact, fixture_tear_down);
  g_test_add ("/sidebar/update-selects", Fixture, "hwe", fixture_set_up,
              test_update_selects, fixture_tear_down);
  g_test_add_func ("/sidebar/web-address", test_web_address);
  g_test_add_func ("/sidebar/hostile-text", test_hostile_text);

  return g_test_run ();
}
