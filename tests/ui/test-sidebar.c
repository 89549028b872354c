/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The side panel in a window under a virtual display, with the bundled datasets: it follows the
 * selection, its links select records, back and forward walk the history, and search finds
 * records. What is shown is checked by walking the widget tree for mapped labels and links.
 * Captures of every page go to tests/artefacts/ in the build folder for eyes-on checks. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "atlas-data-resources.h"
#include "atlas-ui-resources.h"
#include "atlas-link.h"
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
  while (g_main_context_iteration (NULL, FALSE))
    ;
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
  while (ticks < 2)
    g_main_context_iteration (NULL, TRUE);
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
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->sidebar)))
    g_main_context_iteration (NULL, TRUE);
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
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture.sidebar)))
    g_main_context_iteration (NULL, TRUE);

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
  g_test_add ("/sidebar/nel", Fixture, "nel", fixture_set_up,
              test_nel, fixture_tear_down);
  g_test_add ("/sidebar/search", Fixture, "hwe", fixture_set_up,
              test_search, fixture_tear_down);
  g_test_add ("/sidebar/pages", Fixture, "hwe", fixture_set_up,
              test_pages, fixture_tear_down);
  g_test_add ("/sidebar/priority-sections", Fixture, "hwe", fixture_set_up,
              test_priority_sections, fixture_tear_down);
  g_test_add_func ("/sidebar/hostile-text", test_hostile_text);

  return g_test_run ();
}
