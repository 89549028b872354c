/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window, driven in-process under a virtual display: the map opens framed on the care
 * system with every district in its partnership's colour, a click selects, a drag does not, the
 * application's actions drive the selection, and an unreachable street map falls back to the
 * offline one. Captures go to tests/artefacts/ in the build folder for eyes-on checks.
 *
 * Clicks are fed to the window's gesture handler (_atlas_window_handle_click) with press and
 * release points in the map's coordinates, which is what the GtkGestureClick on the map
 * passes it; synthesising pointer events is not possible through GTK's public API. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-cartography.h"
#include "atlas-framing.h"
#include "atlas-history-buttons.h"
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

  fixture->dataset = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);
  fixture->window = window_test_open (app, fixture->dataset);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  window_test_close (fixture->window);
  g_clear_object (&fixture->dataset);
}

static void
district_interior (AtlasWindow         *window,
                   const AtlasDistrict *district,
                   double              *map_x,
                   double              *map_y)
{
  double wx, wy;

  location_to_window (window, district->shape->label_point.y, district->shape->label_point.x,
                      map_x, map_y, &wx, &wy);
}

/* Around each district's label point, its fill is the commonest colour of the pixels inside the
 * district: the rest are its name (text, halo and their blend), borders and site symbols, which
 * are spread over many colours. */
static void
assert_districts_coloured (Fixture       *fixture,
                           const Capture *capture)
{
  GtkWidget *map = _atlas_window_get_map_widget (fixture->window);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  AtlasCartographyOptions options;
  const AtlasDistrict *districts;
  guint n_districts = 0;

  atlas_cartography_options_init (&options);
  options.theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                    ? ATLAS_THEME_DARK : ATLAS_THEME_LIGHT;
  options.selected = atlas_selection_get_district (atlas_window_get_selection (fixture->window));
  options.hovered = atlas_district_layer_get_hovered (_atlas_window_get_district_layer (fixture->window));

  districts = atlas_dataset_get_districts (fixture->dataset, &n_districts);
  g_assert_cmpuint (n_districts, ==, 13);
  for (guint i = 0; i < n_districts; i++)
    {
      const AtlasDistrict *d = &districts[i];
      guint32 expected = atlas_cartography_district_fill (fixture->dataset, d, &options);
      g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
      double mx, my, wx, wy;
      guint inside = 0, matching = 0, most_other = 0;
      GHashTableIter iter;
      gpointer key, value;

      location_to_window (fixture->window, d->shape->label_point.y, d->shape->label_point.x,
                          &mx, &my, &wx, &wy);
      for (int dy = -18; dy <= 18; dy += 2)
        for (int dx = -18; dx <= 18; dx += 2)
          {
            double lat, lon;
            guint32 pixel;

            shumate_viewport_widget_coords_to_location (viewport, map, mx + dx, my + dy,
                                                        &lat, &lon);
            if (atlas_dataset_locate (fixture->dataset, lat, lon) != d)
              continue;
            inside++;
            pixel = capture_get_pixel (capture, (int) wx + dx, (int) wy + dy);
            if (colours_close (pixel, expected))
              matching++;
            else
              g_hash_table_insert (counts, GUINT_TO_POINTER (pixel),
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                     g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1));
          }

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        most_other = MAX (most_other, GPOINTER_TO_UINT (value));

      g_test_message ("%s: %u of %u pixels near (%.0f, %.0f) are #%06x; commonest other colour "
                      "%u times", d->id, matching, inside, wx, wy, expected, most_other);
      g_assert_cmpuint (inside, >, 20);
      g_assert_cmpuint (matching * 4, >=, inside);
      g_assert_cmpuint (matching, >, most_other);
    }
}

static void
test_opens_framed_and_coloured (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(Capture) capture = capture_window (fixture->window, "window-hwe.png");
  const AtlasBBox *bbox = atlas_dataset_get_bbox (fixture->dataset);
  GtkWidget *map = _atlas_window_get_map_widget (fixture->window);
  double x0, y0, x1, y1, wx, wy;

  /* Framed: the whole system in view, and filling most of one direction. */
  location_to_window (fixture->window, bbox->max_y, bbox->min_x, &x0, &y0, &wx, &wy);
  location_to_window (fixture->window, bbox->min_y, bbox->max_x, &x1, &y1, &wx, &wy);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (x1, <=, gtk_widget_get_width (map));
  g_assert_cmpfloat (y1, <=, gtk_widget_get_height (map));
  g_assert_true (x1 - x0 > 0.8 * gtk_widget_get_width (map)
                 || y1 - y0 > 0.8 * gtk_widget_get_height (map));

  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
    g_assert_cmpint (width, ==, 1280);
    g_assert_cmpint (height, ==, 800);
  }
  g_assert_cmpstr (_atlas_window_get_title_text (fixture->window), ==,
                   atlas_dataset_get_short_name (fixture->dataset));
  g_assert_cmpstr (gtk_label_get_text (_atlas_window_get_licence_label (fixture->window)), ==,
                   atlas_dataset_get_boundary_licence (fixture->dataset));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (_atlas_window_get_licence_label (fixture->window))));

  assert_districts_coloured (fixture, capture);
}

static void
test_sea_is_sea (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *map = _atlas_window_get_map_widget (fixture->window);
  g_autoptr(Capture) capture = NULL;
  double mx, my, wx, wy;
  guint32 sea = atlas_basemap_style_sea_colour (ATLAS_BASEMAP_STYLE_LIGHT);

  /* The North Sea off Great Yarmouth: no district and no land near it. */
  shumate_map_center_on (SHUMATE_MAP (map), 52.6, 2.4);
  _atlas_window_rearm_ready (fixture->window);
  window_test_wait_until_ready (fixture->window);

  capture = capture_window (fixture->window, "window-sea.png");
  location_to_window (fixture->window, 52.6, 2.4, &mx, &my, &wx, &wy);
  g_test_message ("sea pixel #%06x, expected #%06x", capture_get_pixel (capture, wx, wy), sea);
  g_assert_true (colours_close (capture_get_pixel (capture, wx, wy), sea));
}

static void
test_click_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  AtlasSelection *selection = atlas_window_get_selection (fixture->window);
  const AtlasDistrict *watford = atlas_dataset_find_district (fixture->dataset, "watford");
  g_autoptr(Capture) capture = NULL;
  double x, y;

  g_assert_nonnull (watford);
  district_interior (fixture->window, watford, &x, &y);

  _atlas_window_handle_click (fixture->window, x, y, x + 1, y);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_DISTRICT);
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "watford");

  window_test_iterate_pending ();
  g_assert_true (find_label (_atlas_window_get_sidebar (fixture->window),
                             "South and West Hertfordshire Health and Care Partnership"));

  /* The selection is drawn too: a fresh paint, then Watford in its selected tint. */
  window_test_wait_for_frame (fixture->window);
  capture = capture_window (fixture->window, "window-watford-selected.png");
  assert_districts_coloured (fixture, capture);

  /* Escape clears. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.clear-selection", NULL));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
}

static void
test_drag_selects_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  AtlasSelection *selection = atlas_window_get_selection (fixture->window);
  const AtlasDistrict *watford = atlas_dataset_find_district (fixture->dataset, "watford");
  double x, y;

  district_interior (fixture->window, watford, &x, &y);
  _atlas_window_handle_click (fixture->window, x, y, x + 30, y + 10);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);

  /* Five pixels away is already a drag; four is still a click. */
  _atlas_window_handle_click (fixture->window, x, y, x + 5, y);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  _atlas_window_handle_click (fixture->window, x, y, x + 4, y);
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "watford");
}

static void
test_click_outside_clears (Fixture       *fixture,
                           gconstpointer  data)
{
  AtlasSelection *selection = atlas_window_get_selection (fixture->window);
  GtkWidget *map = _atlas_window_get_map_widget (fixture->window);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  double lat, lon;

  g_assert_true (atlas_window_select_district (fixture->window, "harlow"));
  /* The map's top-left corner is outside the system (Bedfordshire or beyond). */
  shumate_viewport_widget_coords_to_location (viewport, map, 2, 2, &lat, &lon);
  g_assert_null (atlas_dataset_locate (fixture->dataset, lat, lon));
  _atlas_window_handle_click (fixture->window, 2, 2, 2, 2);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
}

/* The pointer's motion over a district hovers it (a lighter fill and a thin outline), and
 * leaving every district clears it. Driven through the motion handler, not the real pointer. */
static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  AtlasDistrictLayer *layer = _atlas_window_get_district_layer (fixture->window);
  const AtlasDistrict *watford = atlas_dataset_find_district (fixture->dataset, "watford");
  AtlasCartographyOptions options;
  g_autoptr(Capture) capture = NULL;
  double mx, my, wx, wy;
  guint32 plain, hovered, colour;
  guint count, inside;

  g_assert_null (atlas_district_layer_get_hovered (layer));
  atlas_district_layer_get_options (layer, &options);
  plain = atlas_cartography_district_fill (fixture->dataset, watford, &options);

  location_to_window (fixture->window, watford->shape->label_point.y,
                      watford->shape->label_point.x, &mx, &my, &wx, &wy);
  _atlas_window_handle_motion (fixture->window, mx, my);
  g_assert_true (atlas_district_layer_get_hovered (layer) == watford);
  atlas_district_layer_get_options (layer, &options);
  g_assert_true (options.hovered == watford);
  hovered = atlas_cartography_district_fill (fixture->dataset, watford, &options);
  g_assert_cmpuint (hovered, !=, plain);

  /* On screen too: the commonest colour around its label point is the hovered fill. */
  window_test_wait_for_tiles (fixture->window);
  TEST_WAIT_UNTIL (atlas_district_layer_is_still (layer), "the hovered district to be drawn");
  window_test_wait_for_frame (fixture->window);
  capture = capture_window (fixture->window, "window-hover.png");
  colour = district_commonest_colour (fixture->window, capture, watford, &count, &inside);
  g_test_message ("hovered Watford: #%06x in %u of %u pixels, expected #%06x", colour, count,
                  inside, hovered);
  g_assert_cmpuint (inside, >, 20);
  g_assert_true (colours_close (colour, hovered));

  /* The sea hovers nothing. */
  _atlas_window_handle_motion (fixture->window, 2, 2);
  g_assert_null (atlas_district_layer_get_hovered (layer));
}

/* The mouse's back and forward buttons work over the map as over the side panel. */
static void
test_history_buttons (Fixture       *fixture,
                      gconstpointer  data)
{
  g_assert_true (atlas_history_buttons_attached (_atlas_window_get_map_widget (fixture->window)));
  g_assert_true (atlas_history_buttons_attached (_atlas_window_get_sidebar (fixture->window)));
}

static void
test_app_actions (Fixture       *fixture,
                  gconstpointer  data)
{
  AtlasSelection *selection = atlas_window_get_selection (fixture->window);
  GActionGroup *group = G_ACTION_GROUP (app);

  g_action_group_activate_action (group, "select-district", g_variant_new_string ("watford"));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "watford");

  g_action_group_activate_action (group, "select", g_variant_new_string ("west-essex"));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_PARTNERSHIP);
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "west-essex");

  /* An unknown id leaves the selection alone. */
  g_action_group_activate_action (group, "select-district", g_variant_new_string ("narnia"));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "west-essex");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.frame-selection", NULL));
  g_action_group_activate_action (group, "clear-selection", NULL);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);

  g_action_group_activate_action (group, "set-basemap", g_variant_new_string ("offline"));
  g_assert_cmpstr (atlas_window_get_basemap (fixture->window), ==, "offline");
}

static void
test_osm_fallback (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Capture) capture = NULL;
  guint offline_filled;

  /* Nothing listens on the discard port: every street map tile fails at once. */
  g_setenv ("ICS_ATLAS_OSM_URL", "http://127.0.0.1:9/#Z#/#X#/#Y#.png", TRUE);
  offline_filled = atlas_watched_source_get_filled (_atlas_window_get_offline_source (fixture->window));

  g_assert_true (atlas_window_set_basemap (fixture->window, "osm"));
  g_assert_cmpstr (atlas_window_get_basemap (fixture->window), ==, "osm");
  g_assert_true (_atlas_window_street_map_shown (fixture->window));

  TEST_WAIT_UNTIL (_atlas_window_banner_is_shown (fixture->window),
                   "the banner saying the street map failed");
  /* Let it slide fully into view before the capture. */
  TEST_WAIT_UNTIL (_atlas_window_banner_is_revealed (fixture->window),
                   "the banner to slide into view");

  g_assert_cmpstr (atlas_window_get_basemap (fixture->window), ==, "offline");
  g_assert_false (_atlas_window_street_map_shown (fixture->window));
  g_assert_cmpstr (_atlas_window_get_banner_text (fixture->window), ==,
                   "Street map tiles could not be loaded; showing the offline map");
  /* The offline map stayed: its tiles were neither dropped nor fetched again. */
  g_assert_cmpuint (atlas_watched_source_get_filled (_atlas_window_get_offline_source (fixture->window)), ==,
                    offline_filled);

  window_test_wait_for_frame (fixture->window);
  capture = capture_window (fixture->window, "window-osm-fallback.png");
  assert_districts_coloured (fixture, capture);
  g_unsetenv ("ICS_ATLAS_OSM_URL");
}

static void
test_hover_tooltip (Fixture       *fixture,
                    gconstpointer  data)
{
  const AtlasDistrict *dacorum = atlas_dataset_find_district (fixture->dataset, "dacorum");
  const AtlasSite *lister = atlas_dataset_find_site (fixture->dataset, "lister");
  GtkWidget *map = _atlas_window_get_map_widget (fixture->window);
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autofree char *district_text = NULL;
  g_autofree char *site_text = NULL;
  g_autofree char *outside_text = NULL;
  gboolean shown = FALSE;
  double x, y, wx, wy;

  /* A district: its name and partnership. */
  district_interior (fixture->window, dacorum, &x, &y);
  district_text = _atlas_window_describe_point (fixture->window, x, y);
  g_assert_cmpstr (district_text, ==,
                   "Dacorum\nSouth and West Hertfordshire Health and Care Partnership");
  g_signal_emit_by_name (map, "query-tooltip", (int) x, (int) y, FALSE, tooltip, &shown);
  g_assert_true (shown);
  /* The keyboard's tooltips are the widgets' own. */
  g_signal_emit_by_name (map, "query-tooltip", (int) x, (int) y, TRUE, tooltip, &shown);
  g_assert_false (shown);

  /* A site's symbol names the site rather than its district. */
  location_to_window (fixture->window, lister->lat, lister->lon, &x, &y, &wx, &wy);
  site_text = _atlas_window_describe_point (fixture->window, x, y);
  g_assert_cmpstr (site_text, ==, "Lister Hospital");

  /* Outside every district (the map's top-left corner): nothing. */
  outside_text = _atlas_window_describe_point (fixture->window, 2, 2);
  g_assert_null (outside_text);
  g_signal_emit_by_name (map, "query-tooltip", 2, 2, FALSE, tooltip, &shown);
  g_assert_false (shown);
}

/* The framed system's box in the map's coordinates. */
static AtlasLabelBox
framed_box (Fixture *fixture)
{
  const AtlasBBox *bbox = atlas_dataset_get_bbox (fixture->dataset);
  double x0, y0, x1, y1, wx, wy;

  location_to_window (fixture->window, bbox->max_y, bbox->min_x, &x0, &y0, &wx, &wy);
  location_to_window (fixture->window, bbox->min_y, bbox->max_x, &x1, &y1, &wx, &wy);
  return (AtlasLabelBox) { x0, y0, x1 - x0, y1 - y0 };
}

/* How many points of the districts' outlines lie in box, in the map's coordinates. */
static guint
count_outline_points_in (Fixture             *fixture,
                         const AtlasLabelBox *box)
{
  const AtlasDistrict *districts;
  guint n_districts = 0, inside = 0;

  districts = atlas_dataset_get_districts (fixture->dataset, &n_districts);
  for (guint d = 0; d < n_districts; d++)
    for (guint i = 0; i < districts[d].shape->n_points; i++)
      {
        const AtlasPoint *point = &districts[d].shape->points[i];
        double x, y, wx, wy;

        location_to_window (fixture->window, point->y, point->x, &x, &y, &wx, &wy);
        if (x >= box->x && x <= box->x + box->width && y >= box->y && y <= box->y + box->height)
          inside++;
      }
  return inside;
}

/* The system opens framed with no district under the legend card; new covers frame it again
 * clear of them while the user has not moved the map, and leave the map alone once they have. */
static void
test_framed_clear_of_covers (Fixture       *fixture,
                             gconstpointer  data)
{
  AtlasDistrictLayer *layer = _atlas_window_get_district_layer (fixture->window);
  GtkWidget *map = _atlas_window_get_map_widget (fixture->window);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  int width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);
  AtlasMapCover card_cover, right_cover = { ATLAS_MAP_CORNER_TOP_RIGHT, 0, 0, width / 2.0,
                                             height };
  AtlasLabelBox covers[ATLAS_FRAMING_MAX_COVERS];
  AtlasLabelBox box, card, right_half = { width / 2.0, 0, width / 2.0, height };
  AtlasBBox framed;
  double lat, lon, zoom;
  guint n = 0;

  g_assert_true (atlas_district_layer_is_framed (layer, &framed));
  g_assert_true (memcmp (&framed, atlas_dataset_get_bbox (fixture->dataset), sizeof framed) == 0);
  /* The zoom buttons, the licence line and the scale bar keep names off, not framing. */
  n = atlas_district_layer_get_cover_boxes (layer, width, height, FALSE, covers);
  g_assert_cmpuint (n, ==, 4);
  n = atlas_district_layer_get_cover_boxes (layer, width, height, TRUE, covers);
  g_assert_cmpuint (n, ==, 1);
  card = covers[0];
  g_assert_cmpfloat (card.x, ==, 0);
  g_assert_cmpfloat (card.y, ==, 0);
  g_assert_cmpfloat (card.width, >, 0);
  g_assert_cmpfloat (card.height, >, 0);
  box = framed_box (fixture);
  g_test_message ("framed (%.0f, %.0f) %.0f × %.0f, card %.0f × %.0f", box.x, box.y, box.width,
                  box.height, card.width, card.height);
  g_assert_cmpuint (count_outline_points_in (fixture, &card), ==, 0);
  g_assert_cmpfloat (box.x, >=, 0);
  g_assert_cmpfloat (box.y, >=, 0);
  g_assert_cmpfloat (box.x + box.width, <=, width);
  g_assert_cmpfloat (box.y + box.height, <=, height);

  /* Something over the right half: the system moves into the left one, smaller. */
  card_cover = (AtlasMapCover) { ATLAS_MAP_CORNER_TOP_LEFT, 0, 0, card.width, card.height };
  atlas_district_layer_set_covers (layer, (AtlasMapCover[]) { card_cover, right_cover }, 2);
  n = atlas_district_layer_get_cover_boxes (layer, width, height, TRUE, covers);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (covers[1].x, ==, width / 2.0);
  g_assert_true (atlas_district_layer_is_framed (layer, NULL));
  box = framed_box (fixture);
  g_assert_false (atlas_label_box_overlaps (&box, &card, 0.5));
  g_assert_false (atlas_label_box_overlaps (&box, &right_half, 0.5));
  g_assert_cmpfloat (box.x + box.width, <=, width / 2.0 + 0.5);
  g_assert_cmpuint (count_outline_points_in (fixture, &right_half), ==, 0);

  /* The user moves the map: new covers keep their view. */
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 51.70, -0.40);
  g_assert_false (atlas_district_layer_is_framed (layer, NULL));
  zoom = shumate_viewport_get_zoom_level (viewport);
  atlas_district_layer_set_covers (layer, &card_cover, 1);
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  g_assert_cmpfloat_with_epsilon (lat, 51.70, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, -0.40, 1e-9);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, zoom);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("opens-framed-and-coloured", test_opens_framed_and_coloured);
  ADD ("framed-clear-of-covers", test_framed_clear_of_covers);
  ADD ("sea-is-sea", test_sea_is_sea);
  ADD ("click-selects", test_click_selects);
  ADD ("drag-selects-nothing", test_drag_selects_nothing);
  ADD ("click-outside-clears", test_click_outside_clears);
  ADD ("hover", test_hover);
  ADD ("history-buttons", test_history_buttons);
  ADD ("app-actions", test_app_actions);
  ADD ("hover-tooltip", test_hover_tooltip);
  ADD ("osm-fallback", test_osm_fallback);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
