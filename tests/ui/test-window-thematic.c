/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the map shows for a selection and a thematic layer: a selected partnership's districts
 * stand out and the rest are dimmed, a trust's sites stand out, a site is brought to the middle,
 * an indicator colours the districts by its classes with a legend, and the dark style reaches
 * the base map and the districts. Captures go to tests/artefacts/. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-legend.h"
#include "atlas-site-marker.h"
#include "window-test-util.h"

static AtlasApplication *app;

typedef struct {
  AtlasWindow *window;
  AtlasDataset *dataset;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->window = atlas_window_new (GTK_APPLICATION (app));
  g_assert_true (atlas_window_load_dataset (fixture->window, "hwe", &error));
  g_assert_no_error (error);
  fixture->dataset = g_object_ref (atlas_window_get_dataset (fixture->window));
  gtk_window_present (GTK_WINDOW (fixture->window));
  window_test_wait_until_ready (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  window_test_iterate_pending ();
  g_clear_object (&fixture->dataset);
}

/* Shows the selection framed at once (no animation) and waits for it to be painted. */
static void
settle (AtlasWindow *window)
{
  atlas_window_frame_selection (window, FALSE);
  window_test_wait_for_tiles (window);
}

/* Checks every district the map shows well enough; returns how many of them are outside the
 * highlighted partnership (all of them when none is). */
static guint
assert_district_pixels (Fixture                       *fixture,
                        const Capture                 *capture,
                        const AtlasCartographyOptions *options)
{
  const AtlasDistrict *districts;
  guint n = 0, outside = 0;

  districts = atlas_dataset_get_districts (fixture->dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      guint32 expected = atlas_cartography_district_fill (fixture->dataset, &districts[i],
                                                          options);
      guint count, inside;
      guint32 colour = district_commonest_colour (fixture->window, capture, &districts[i],
                                                  &count, &inside);

      g_test_message ("%s: #%06x in %u of %u pixels, expected #%06x", districts[i].id, colour,
                      count, inside, expected);
      if (inside < 20)
        continue;       /* off screen or too small at this zoom */
      g_assert_true (colours_close (colour, expected));
      if (options->highlighted == NULL
          || !atlas_cartography_partnership_has (options->highlighted, &districts[i]))
        outside++;
    }
  return outside;
}

static void
test_partnership_highlighted (Fixture       *fixture,
                              gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  const AtlasPartnership *swh = atlas_dataset_find_partnership (fixture->dataset,
                                                                "south-west-herts");
  guint32 colour = atlas_dataset_get_partnership_colour (fixture->dataset, swh);
  const AtlasDistrict *districts;
  AtlasCartographyOptions options;
  g_autoptr(Capture) capture = NULL;
  GtkWidget *map = _atlas_window_get_map_widget (window);
  guint n = 0, members = 0;

  g_assert_true (atlas_window_select (window, "south-west-herts"));
  settle (window);

  /* The layer's state: this partnership highlighted, exactly its districts in its colour. */
  atlas_district_layer_get_options (window->district_layer, &options);
  g_assert_true (options.highlighted == swh);
  g_assert_null (options.selected);
  districts = atlas_dataset_get_districts (fixture->dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      gboolean member = atlas_cartography_partnership_has (swh, &districts[i]);
      guint32 fill = atlas_cartography_district_fill (fixture->dataset, &districts[i], &options);

      members += member;
      g_assert_cmpint (fill == colour, ==, member);
    }
  g_assert_cmpuint (members, ==, 5);

  /* The pixels: members in the partnership's colour, the others dimmed. */
  capture = capture_window (window, "thematic-partnership.png");
  g_assert_cmpuint (assert_district_pixels (fixture, capture, &options), >, 0);

  /* Framed: every member in view. */
  for (guint i = 0; i < swh->n_districts; i++)
    {
      const AtlasBBox *bbox = &swh->districts[i]->shape->bbox;
      double x0, y0, x1, y1, wx, wy;

      location_to_window (window, bbox->max_y, bbox->min_x, &x0, &y0, &wx, &wy);
      location_to_window (window, bbox->min_y, bbox->max_x, &x1, &y1, &wx, &wy);
      g_assert_cmpfloat (x0, >=, 0);
      g_assert_cmpfloat (y0, >=, 0);
      g_assert_cmpfloat (x1, <=, gtk_widget_get_width (map));
      g_assert_cmpfloat (y1, <=, gtk_widget_get_height (map));
    }
}

static void
test_thematic_partnership_outlined (Fixture       *fixture,
                                    gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  const AtlasPartnership *mh = atlas_dataset_find_partnership (fixture->dataset, "herts-mhlda");
  AtlasCartographyOptions options;
  g_autoptr(Capture) capture = NULL;

  g_assert_nonnull (mh);
  g_assert_cmpuint (mh->n_districts, ==, 10);
  g_assert_true (atlas_window_select (window, "herts-mhlda"));
  settle (window);

  atlas_district_layer_get_options (window->district_layer, &options);
  g_assert_true (options.highlighted == mh);
  capture = capture_window (window, "thematic-mental-health.png");
  assert_district_pixels (fixture, capture, &options);
}

static void
test_trust_sites_prominent (Fixture       *fixture,
                            gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  const AtlasTrust *whth = atlas_dataset_find_trust (fixture->dataset, "whth");
  g_autoptr(GList) markers = NULL;
  g_autoptr(Capture) capture = NULL;
  guint prominent = 0;

  g_assert_true (atlas_window_select (window, "whth"));
  settle (window);

  markers = shumate_marker_layer_get_markers (window->site_layer);
  g_assert_cmpuint (g_list_length (markers), ==, 8);
  for (GList *l = markers; l != NULL; l = l->next)
    {
      AtlasSiteMarker *marker = l->data;
      gboolean mine = atlas_site_marker_get_site (marker)->trust == whth;

      g_assert_cmpint (atlas_site_marker_get_prominent (marker), ==, mine);
      /* GTK keeps opacity in 1/255 steps. */
      g_assert_cmpfloat_with_epsilon (gtk_widget_get_opacity (GTK_WIDGET (marker)),
                                      mine ? 1.0 : 0.35, 0.01);
      prominent += mine;
    }
  g_assert_cmpuint (prominent, ==, 3);
  capture = capture_window (window, "thematic-trust.png");
}

static void
test_site_centred (Fixture       *fixture,
                   gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  const AtlasSite *lister = atlas_dataset_find_site (fixture->dataset, "lister");
  ShumateViewport *viewport = shumate_simple_map_get_viewport (window->simple_map);

  g_assert_true (atlas_window_select (window, "lister"));
  /* It glides there: wait for it to arrive. */
  while (fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - lister->lat) > 1e-4
         || fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) - lister->lon)
              > 1e-4)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_indicator_layer (Fixture       *fixture,
                      gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  const AtlasIndicator *indicator;
  AtlasCartographyClass classes[ATLAS_CARTOGRAPHY_MAX_CLASSES];
  AtlasCartographyOptions options;
  g_autoptr(Capture) capture = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) state = NULL;
  g_autofree char *text = NULL;
  g_autofree char *remembered = NULL;
  g_autoptr(GArray) swatches = NULL;
  guint n_classes;

  g_assert_cmpstr (_atlas_window_get_thematic (window), ==, "partnerships");
  g_assert_null (_atlas_window_get_indicator (window));

  /* As the dropdown's items and menus do. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "thematic",
                                      g_variant_new_string ("overweight-4-5"));
  indicator = _atlas_window_get_indicator (window);
  g_assert_nonnull (indicator);
  g_assert_cmpstr (indicator->id, ==, "overweight-4-5");
  g_assert_true (atlas_district_layer_get_indicator (window->district_layer) == indicator);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "thematic");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "overweight-4-5");
  remembered = g_settings_get_string (settings, "thematic-layer");
  g_assert_cmpstr (remembered, ==, "overweight-4-5");
  g_assert_cmpuint (gtk_drop_down_get_selected (window->thematic_dropdown), ==,
                    indicator->index + 1);

  /* Watford (Hertfordshire, 20.1 %) and Harlow (Essex, 22.3 %) in their classes' colours. */
  n_classes = atlas_cartography_indicator_classes (indicator, classes);
  g_assert_cmpuint (n_classes, ==, 2);
  window_test_wait_for_frame (window);
  capture = capture_window (window, "thematic-indicator.png");
  atlas_district_layer_get_options (window->district_layer, &options);
  g_assert_true (options.indicator == indicator);
  g_assert_cmpuint (atlas_cartography_district_fill (
                      fixture->dataset, atlas_dataset_find_district (fixture->dataset, "watford"),
                      &options), ==, classes[0].colour);
  g_assert_cmpuint (atlas_cartography_district_fill (
                      fixture->dataset, atlas_dataset_find_district (fixture->dataset, "harlow"),
                      &options), ==, classes[1].colour);
  assert_district_pixels (fixture, capture, &options);

  /* The legend: the classes' colours, figures and areas, the unit, period and note. */
  text = atlas_legend_dup_text (ATLAS_LEGEND (_atlas_window_get_legend (window)));
  g_test_message ("legend:\n%s", text);
  g_assert_nonnull (strstr (text, "20.1 % · Hertfordshire"));
  g_assert_nonnull (strstr (text, "22.3 % · Essex"));
  g_assert_nonnull (strstr (text, "Unit: %"));
  g_assert_nonnull (strstr (text, "Period: 2019-20"));
  g_assert_nonnull (strstr (text, "covers all of Essex"));
  swatches = atlas_legend_get_swatch_colours (ATLAS_LEGEND (_atlas_window_get_legend (window)));
  g_assert_cmpuint (swatches->len, >=, 2);
  g_assert_cmpuint (g_array_index (swatches, guint32, 0), ==, classes[0].colour);
  g_assert_cmpuint (g_array_index (swatches, guint32, 1), ==, classes[1].colour);

  /* Back to partnerships, through the dropdown. */
  gtk_drop_down_set_selected (window->thematic_dropdown, 0);
  g_assert_null (_atlas_window_get_indicator (window));
  g_assert_null (atlas_district_layer_get_indicator (window->district_layer));
  g_clear_pointer (&text, g_free);
  text = atlas_legend_dup_text (ATLAS_LEGEND (_atlas_window_get_legend (window)));
  g_assert_nonnull (strstr (text, "South and West Herts"));
  g_assert_nonnull (strstr (text, "Acute hospital"));
  g_settings_reset (settings, "thematic-layer");
}

static void
test_dark_style (Fixture       *fixture,
                 gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *map = _atlas_window_get_map_widget (window);
  guint32 sea = atlas_basemap_style_sea_colour (ATLAS_BASEMAP_STYLE_DARK);
  AtlasCartographyOptions options;
  g_autoptr(Capture) capture = NULL;
  g_autoptr(Capture) sea_capture = NULL;
  double mx, my, wx, wy;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  g_assert_cmpint (atlas_district_layer_get_theme (window->district_layer), ==, ATLAS_THEME_DARK);
  g_assert_true (gtk_widget_has_css_class (map, "atlas-basemap-dark"));
  g_assert_false (gtk_widget_has_css_class (map, "atlas-basemap-light"));

  /* A new base map source: wait for its tiles. */
  _atlas_window_rearm_ready (window);
  window_test_wait_until_ready (window);
  window_test_wait_for_frame (window);
  capture = capture_window (window, "thematic-dark.png");
  atlas_district_layer_get_options (window->district_layer, &options);
  g_assert_cmpint (options.theme, ==, ATLAS_THEME_DARK);
  assert_district_pixels (fixture, capture, &options);

  /* The North Sea off Great Yarmouth, in the dark style's sea colour. */
  shumate_map_center_on (SHUMATE_MAP (map), 52.6, 2.4);
  _atlas_window_rearm_ready (window);
  window_test_wait_until_ready (window);
  sea_capture = capture_window (window, "thematic-dark-sea.png");
  location_to_window (window, 52.6, 2.4, &mx, &my, &wx, &wy);
  g_test_message ("sea pixel #%06x, expected #%06x", capture_get_pixel (sea_capture, wx, wy),
                  sea);
  g_assert_true (colours_close (capture_get_pixel (sea_capture, wx, wy), sea));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_cmpint (atlas_district_layer_get_theme (window->district_layer), ==,
                   ATLAS_THEME_LIGHT);
  g_assert_true (gtk_widget_has_css_class (map, "atlas-basemap-light"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/window-thematic/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("partnership-highlighted", test_partnership_highlighted);
  ADD ("thematic-partnership-outlined", test_thematic_partnership_outlined);
  ADD ("trust-sites-prominent", test_trust_sites_prominent);
  ADD ("site-centred", test_site_centred);
  ADD ("indicator-layer", test_indicator_layer);
  ADD ("dark-style", test_dark_style);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
