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
  fixture->window = window_test_open_loading (app, "hwe");
  fixture->dataset = g_object_ref (atlas_window_get_dataset (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  window_test_close (fixture->window);
  g_clear_object (&fixture->dataset);
}

/* Shows the selection framed at once (no animation) and waits for it to be painted. */
static void
settle (AtlasWindow *window)
{
  atlas_window_frame_selection (window, FALSE);
  window_test_wait_for_tiles (window);
}

/* Whether the map's own controls (the zoom buttons) cover the district's label point. */
static gboolean
under_controls (AtlasWindow         *window,
                const AtlasDistrict *district)
{
  GtkWidget *map = _atlas_window_get_map_widget (window);
  GtkWidget *picked;
  double mx, my, wx, wy;

  location_to_window (window, district->shape->label_point.y, district->shape->label_point.x,
                      &mx, &my, &wx, &wy);
  picked = gtk_widget_pick (GTK_WIDGET (window), wx, wy, GTK_PICK_DEFAULT);
  return picked != NULL && picked != map && !gtk_widget_is_ancestor (picked, map);
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
      if (inside < 20 || under_controls (fixture->window, &districts[i]))
        continue;       /* off screen, too small at this zoom or under the zoom buttons */
      g_assert_true (colours_close (colour, expected));
      if (options->highlighted == NULL
          || !atlas_cartography_partnership_has (options->highlighted, &districts[i]))
        outside++;
    }
  return outside;
}

/* Every one of the districts lies wholly inside the map. */
static void
assert_in_view (AtlasWindow          *window,
                const AtlasDistrict **districts,
                guint                 n_districts)
{
  GtkWidget *map = _atlas_window_get_map_widget (window);

  for (guint i = 0; i < n_districts; i++)
    {
      const AtlasBBox *bbox = &districts[i]->shape->bbox;
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
  guint n = 0, members = 0;

  g_assert_true (atlas_window_select (window, "south-west-herts"));
  settle (window);

  /* The layer's state: this partnership highlighted, exactly its districts in its colour. */
  atlas_district_layer_get_options (_atlas_window_get_district_layer (window), &options);
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
  assert_in_view (window, swh->districts, swh->n_districts);
}

/* Where the straight line from a's label point to b's first enters b, in window coordinates. */
static void
find_border (AtlasWindow         *window,
             AtlasDataset        *dataset,
             const AtlasDistrict *a,
             const AtlasDistrict *b,
             double              *wx,
             double              *wy)
{
  const AtlasPoint *pa = &a->shape->label_point, *pb = &b->shape->label_point;
  double mx, my;

  for (int i = 1; i <= 400; i++)
    {
      double t = i / 400.0;
      double lon = pa->x + (pb->x - pa->x) * t, lat = pa->y + (pb->y - pa->y) * t;

      if (atlas_dataset_locate (dataset, lat, lon) == b)
        {
          location_to_window (window, lat, lon, &mx, &my, wx, wy);
          return;
        }
    }
  g_assert_not_reached ();
}

/* How many pixels within 4 of (x, y) have the colour. */
static guint
count_colour_near (const Capture *capture,
                   double         x,
                   double         y,
                   guint32        colour)
{
  guint count = 0;

  for (int py = (int) y - 4; py <= (int) y + 4; py++)
    for (int px = (int) x - 4; px <= (int) x + 4; px++)
      if (px >= 0 && py >= 0 && px < capture->width && py < capture->height
          && colours_close (capture_get_pixel (capture, px, py), colour))
        count++;
  return count;
}

static void
test_thematic_partnership_outlined (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const char * const outer[][2] = {
    { "east-herts", "harlow" }, { "broxbourne", "epping-forest" }, { "east-herts", "uttlesford" },
  };
  static const char * const inner[][2] = {
    { "dacorum", "st-albans" }, { "hertsmere", "welwyn-hatfield" },
  };
  AtlasWindow *window = fixture->window;
  const AtlasPartnership *mh = atlas_dataset_find_partnership (fixture->dataset, "herts-mhlda");
  AtlasCartographyOptions options;
  const AtlasCartographyPalette *palette;
  g_autoptr(Capture) capture = NULL;

  g_assert_nonnull (mh);
  g_assert_cmpuint (mh->n_districts, ==, 10);
  g_assert_true (atlas_window_select (window, "herts-mhlda"));
  settle (window);

  atlas_district_layer_get_options (_atlas_window_get_district_layer (window), &options);
  g_assert_true (options.highlighted == mh);
  palette = atlas_cartography_get_palette (options.theme);
  capture = capture_window (window, "thematic-mental-health.png");
  assert_district_pixels (fixture, capture, &options);

  /* A thick line in the outline colour runs round the members, where they meet districts that
   * are not members; the borders between two members are left as they are. */
  for (guint i = 0; i < G_N_ELEMENTS (outer); i++)
    {
      const AtlasDistrict *a = atlas_dataset_find_district (fixture->dataset, outer[i][0]);
      const AtlasDistrict *b = atlas_dataset_find_district (fixture->dataset, outer[i][1]);
      double wx, wy;
      guint count;

      g_assert_true (atlas_cartography_partnership_has (mh, a));
      g_assert_false (atlas_cartography_partnership_has (mh, b));
      find_border (window, fixture->dataset, a, b, &wx, &wy);
      count = count_colour_near (capture, wx, wy, palette->outline);
      g_test_message ("%s | %s at (%.0f, %.0f): %u outline pixels", a->id, b->id, wx, wy, count);
      g_assert_cmpuint (count, >=, 12);
    }
  for (guint i = 0; i < G_N_ELEMENTS (inner); i++)
    {
      const AtlasDistrict *a = atlas_dataset_find_district (fixture->dataset, inner[i][0]);
      const AtlasDistrict *b = atlas_dataset_find_district (fixture->dataset, inner[i][1]);
      double wx, wy;
      guint count;

      g_assert_true (atlas_cartography_partnership_has (mh, a));
      g_assert_true (atlas_cartography_partnership_has (mh, b));
      find_border (window, fixture->dataset, a, b, &wx, &wy);
      count = count_colour_near (capture, wx, wy, palette->outline);
      g_test_message ("%s | %s at (%.0f, %.0f): %u outline pixels", a->id, b->id, wx, wy, count);
      g_assert_cmpuint (count, <, 4);
    }
}

/* An update highlights the districts it names as a partnership does: they keep their colours,
 * the others are dimmed, the map frames them and the legend says what stands out. */
static void
test_update_highlighted (Fixture       *fixture,
                         gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  const AtlasUpdate *updates;
  const AtlasUpdate *update;
  const AtlasDistrict *districts;
  AtlasCartographyOptions options;
  g_autoptr(Capture) capture = NULL;
  g_autofree char *legend = NULL;
  guint n = 0, named = 0;

  updates = atlas_dataset_get_updates (fixture->dataset, &n);
  g_assert_cmpuint (n, ==, 1);
  update = &updates[0];
  g_assert_cmpuint (update->n_districts, ==, 3);
  /* Selected (as from the Updates page), the map frames the districts by itself. */
  g_assert_true (atlas_window_select (window, update->id));
  window_test_wait_for_tiles (window);
  TEST_WAIT_UNTIL (atlas_district_layer_is_still (_atlas_window_get_district_layer (window)),
                   "the map to settle on the update's districts");

  atlas_district_layer_get_options (_atlas_window_get_district_layer (window), &options);
  g_assert_true (options.update == update);
  districts = atlas_dataset_get_districts (fixture->dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      gboolean is_named = FALSE;
      guint32 fill = atlas_cartography_district_fill (fixture->dataset, &districts[i], &options);
      guint32 own = atlas_dataset_get_partnership_colour (fixture->dataset,
                                                          districts[i].partnership);

      for (guint j = 0; j < update->n_districts; j++)
        is_named |= update->districts[j] == &districts[i];
      named += is_named;
      g_assert_cmpint (fill == own, ==, is_named);
    }
  g_assert_cmpuint (named, ==, 3);

  capture = capture_window (window, "thematic-update.png");
  g_assert_cmpuint (assert_district_pixels (fixture, capture, &options), >, 0);
  assert_in_view (window, update->districts, update->n_districts);
  legend = atlas_legend_dup_text (ATLAS_LEGEND (_atlas_window_get_legend (window)));
  g_assert_nonnull (strstr (legend, update->title));
}

/* The colour of a site symbol's fill, as the map draws it. */
#define SITE_RED 0xbf121f

static guint32
blend (guint32 top,
       guint32 bottom,
       double  alpha)
{
  guint32 out = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    {
      double c = alpha * ((top >> shift) & 0xff) + (1 - alpha) * ((bottom >> shift) & 0xff);
      out |= (guint32) lround (c) << shift;
    }
  return out;
}

/* The extent of the pixels of this colour within 15 pixels of (x, y): 0 when there are none. */
static void
measure_colour (const Capture *capture,
                double         x,
                double         y,
                guint32        colour,
                int           *width,
                int           *height)
{
  int x0 = G_MAXINT, y0 = G_MAXINT, x1 = G_MININT, y1 = G_MININT;

  for (int py = (int) y - 15; py <= (int) y + 15; py++)
    for (int px = (int) x - 15; px <= (int) x + 15; px++)
      if (px >= 0 && py >= 0 && px < capture->width && py < capture->height
          && colours_close (capture_get_pixel (capture, px, py), colour))
        {
          x0 = MIN (x0, px);
          x1 = MAX (x1, px);
          y0 = MIN (y0, py);
          y1 = MAX (y1, py);
        }
  *width = x1 >= x0 ? x1 - x0 + 1 : 0;
  *height = y1 >= y0 ? y1 - y0 + 1 : 0;
}

static void
test_trust_sites_prominent (Fixture       *fixture,
                            gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  const AtlasTrust *whth = atlas_dataset_find_trust (fixture->dataset, "whth");
  GtkWidget *map = _atlas_window_get_map_widget (window);
  AtlasCartographyOptions options;
  g_autoptr(Capture) capture = NULL;
  const AtlasSite *sites;
  guint n = 0, prominent = 0, checked = 0;

  g_assert_true (atlas_window_select (window, "whth"));
  settle (window);

  /* The layer's state: the trust's sites bigger, the others faded. */
  atlas_district_layer_get_options (_atlas_window_get_district_layer (window), &options);
  g_assert_true (options.trust == whth);
  g_assert_true (options.sites);
  /* The whole system in view, so that the other trusts' sites show too; the symbols are
   * compared with where they belong, so wait for a drawing of this very view. */
  atlas_district_layer_frame (_atlas_window_get_district_layer (window), atlas_dataset_get_bbox (fixture->dataset),
                              FALSE);
  window_test_wait_for_tiles (window);
  TEST_WAIT_UNTIL (atlas_district_layer_is_still (_atlas_window_get_district_layer (window)),
                   "the district layer to be drawn for the framed view");
  window_test_wait_for_frame (window);
  capture = capture_window (window, "thematic-trust.png");

  sites = atlas_dataset_get_sites (fixture->dataset, &n);
  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < n; i++)
    {
      gboolean mine = sites[i].trust == whth;
      double size, alpha, mx, my, wx, wy;
      graphene_point_t point;
      GdkRectangle rect;
      int w, h;
      guint32 fill;

      atlas_cartography_site_style (&sites[i], &options, &size, &alpha);
      g_assert_cmpfloat (size, ==, mine ? 17.0 : 11.0);
      g_assert_cmpfloat_with_epsilon (alpha, mine ? 1.0 : 0.35, 1e-9);
      g_assert_true (atlas_district_layer_get_site_rect (_atlas_window_get_district_layer (window), &sites[i],
                                                         &rect));
      g_assert_cmpint (rect.width, ==, mine ? 17 : 11);
      prominent += mine;

      /* The pixels: the trust's symbols in full red and wide, the others see-through. */
      mx = rect.x + rect.width / 2.0;
      my = rect.y + rect.height / 2.0;
      if (mx < 10 || my < 10 || mx > gtk_widget_get_width (map) - 10
          || my > gtk_widget_get_height (map) - 10)
        continue;
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (_atlas_window_get_district_layer (window)),
                                               GTK_WIDGET (window),
                                               &GRAPHENE_POINT_INIT (mx, my), &point));
      wx = point.x;
      wy = point.y;
      g_assert_true (atlas_district_layer_get_site_at (_atlas_window_get_district_layer (window), mx, my)
                     == &sites[i]);
      fill = atlas_cartography_district_fill (fixture->dataset, sites[i].district, &options);
      g_test_message ("%s: centre #%06x at %.1f, %.1f", sites[i].id,
                      capture_get_pixel (capture, wx, wy), wx, wy);
      if (mine)
        {
          /* Full red, 17 wide less the white edge (a circle has fewer whole pixels). */
          g_assert_true (colours_close (capture_get_pixel (capture, wx, wy), SITE_RED));
          measure_colour (capture, wx, wy, SITE_RED, &w, &h);
          g_assert_cmpint (w, >=, 12);
          g_assert_cmpint (w, <=, 18);
          g_assert_cmpint (h, >=, 12);
          g_assert_cmpint (h, <=, 18);
        }
      else
        {
          /* Faded, 11 wide less the edge, and nothing in full red there. */
          guint32 faded = blend (SITE_RED, fill, 0.35);

          g_assert_true (colours_close (capture_get_pixel (capture, wx, wy), faded));
          measure_colour (capture, wx, wy, faded, &w, &h);
          g_assert_cmpint (w, >=, 8);
          g_assert_cmpint (w, <=, 12);
          g_assert_cmpint (h, >=, 8);
          g_assert_cmpint (h, <=, 12);
          measure_colour (capture, wx, wy, SITE_RED, &w, &h);
          g_assert_cmpint (w, ==, 0);
        }
      checked++;
    }
  g_assert_cmpuint (prominent, ==, 3);
  g_assert_cmpuint (checked, ==, 8);
}

static void
test_site_click_opens_details (Fixture       *fixture,
                               gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasSelection *selection = atlas_window_get_selection (window);
  const AtlasSite *lister = atlas_dataset_find_site (fixture->dataset, "lister");
  GtkPopover *popover = atlas_district_layer_get_site_popover (_atlas_window_get_district_layer (window));
  GdkRectangle rect, pointing;
  GtkWidget *picked;
  double mx, my, wx, wy;

  g_assert_nonnull (lister);
  location_to_window (window, lister->lat, lister->lon, &mx, &my, &wx, &wy);

  /* Hovering names the site near its symbol only: the hit test behind the tooltip. */
  g_assert_true (atlas_district_layer_get_site_at (_atlas_window_get_district_layer (window), mx + 7, my)
                 == lister);
  g_assert_null (atlas_district_layer_get_site_at (_atlas_window_get_district_layer (window), mx + 12, my));

  /* GTK asks the first widget with a tooltip from the one under the pointer up: the map. */
  picked = gtk_widget_pick (GTK_WIDGET (window), wx, wy, GTK_PICK_DEFAULT);
  while (picked != NULL && !gtk_widget_get_has_tooltip (picked))
    picked = gtk_widget_get_parent (picked);
  g_assert_true (picked == _atlas_window_get_map_widget (window));

  /* A click on the symbol beats the district under it. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  _atlas_window_handle_click (window, mx + 2, my, mx + 2, my);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_SITE);
  g_assert_true (atlas_selection_get_site (selection) == lister);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (has_label (GTK_WIDGET (popover), lister->name));
  g_assert_true (has_label (GTK_WIDGET (popover), lister->town));
  g_assert_true (has_label (GTK_WIDGET (popover), lister->trust->name));
  g_assert_true (has_label (GTK_WIDGET (popover), lister->district->name));

  /* It points at the symbol, which the selection made bigger. */
  g_assert_true (gtk_popover_get_pointing_to (popover, &pointing));
  g_assert_true (atlas_district_layer_get_site_rect (_atlas_window_get_district_layer (window), lister, &rect));
  g_assert_cmpint (rect.width, ==, 17);
  g_assert_cmpint (pointing.x, ==, rect.x);
  g_assert_cmpint (pointing.y, ==, rect.y);
  g_assert_cmpint (pointing.width, ==, rect.width);

  gtk_popover_popdown (popover);
}

static void
test_site_centred (Fixture       *fixture,
                   gconstpointer  data)
{
  AtlasWindow *window = fixture->window;
  AtlasSelection *selection = atlas_window_get_selection (window);
  const AtlasSite *lister = atlas_dataset_find_site (fixture->dataset, "lister");
  AtlasDistrictLayer *layer = _atlas_window_get_district_layer (window);
  ShumateViewport *viewport = _atlas_window_get_viewport (window);
  GtkWidget *map = _atlas_window_get_map_widget (window);
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double mx, my, wx, wy;
  GdkRectangle rect;

  g_assert_nonnull (lister);
  g_assert_true (atlas_window_select (window, "lister"));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_SITE);
  g_assert_true (atlas_selection_get_site (selection) == lister);

  /* It glides there and stops with the site in the middle of the map, no further out. */
  TEST_WAIT_UNTIL (fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - lister->lat)
                     < 1e-4
                   && fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport))
                            - lister->lon) < 1e-4,
                   "the map to centre on the Lister Hospital");
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >=, zoom);
  location_to_window (window, lister->lat, lister->lon, &mx, &my, &wx, &wy);
  g_assert_cmpfloat (fabs (mx - gtk_widget_get_width (map) / 2.0), <, 1.0);
  g_assert_cmpfloat (fabs (my - gtk_widget_get_height (map) / 2.0), <, 1.0);

  /* Its symbol there, drawn large as the selected site's, and it is what a click there finds. */
  g_assert_true (atlas_district_layer_get_site_rect (layer, lister, &rect));
  g_assert_cmpint (rect.width, ==, 17);
  g_assert_true (atlas_district_layer_get_site_at (layer, rect.x + rect.width / 2.0,
                                                   rect.y + rect.height / 2.0) == lister);
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
  g_autofree char *state = NULL;
  g_autofree char *text = NULL;
  g_autofree char *remembered = NULL;
  g_autoptr(GArray) swatches = NULL;
  guint n_classes;

  g_assert_cmpstr (_atlas_window_get_thematic (window), ==, "partnerships");
  g_assert_null (_atlas_window_get_indicator (window));

  /* As the dropdown's items and menus do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.thematic", "s",
                                             "overweight-4-5"));
  indicator = _atlas_window_get_indicator (window);
  g_assert_nonnull (indicator);
  g_assert_cmpstr (indicator->id, ==, "overweight-4-5");
  g_assert_true (atlas_map_state_get_indicator (_atlas_window_get_state (window)) == indicator);
  g_object_get (window, "thematic", &state, NULL);
  g_assert_cmpstr (state, ==, "overweight-4-5");
  remembered = g_settings_get_string (settings, "thematic-layer");
  g_assert_cmpstr (remembered, ==, "overweight-4-5");
  g_assert_cmpuint (gtk_drop_down_get_selected (_atlas_window_get_thematic_dropdown (window)), ==,
                    indicator->index + 1);

  /* Watford (Hertfordshire, 20.1 %) and Harlow (Essex, 22.3 %) in their classes' colours. */
  n_classes = atlas_cartography_indicator_classes (indicator, classes);
  g_assert_cmpuint (n_classes, ==, 2);
  window_test_wait_for_frame (window);
  capture = capture_window (window, "thematic-indicator.png");
  atlas_district_layer_get_options (_atlas_window_get_district_layer (window), &options);
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
  gtk_drop_down_set_selected (_atlas_window_get_thematic_dropdown (window), 0);
  g_assert_null (_atlas_window_get_indicator (window));
  g_assert_null (atlas_map_state_get_indicator (_atlas_window_get_state (window)));
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
  g_assert_cmpint (atlas_map_state_get_theme (_atlas_window_get_state (window)), ==, ATLAS_THEME_DARK);
  g_assert_true (gtk_widget_has_css_class (map, "atlas-basemap-dark"));
  g_assert_false (gtk_widget_has_css_class (map, "atlas-basemap-light"));

  /* A new base map source: wait for its tiles. */
  _atlas_window_rearm_ready (window);
  window_test_wait_until_ready (window);
  window_test_wait_for_frame (window);
  capture = capture_window (window, "thematic-dark.png");
  atlas_district_layer_get_options (_atlas_window_get_district_layer (window), &options);
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
  g_assert_cmpint (atlas_map_state_get_theme (_atlas_window_get_state (window)), ==,
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
  ADD ("update-highlighted", test_update_highlighted);
  ADD ("trust-sites-prominent", test_trust_sites_prominent);
  ADD ("site-centred", test_site_centred);
  ADD ("site-click-opens-details", test_site_click_opens_details);
  ADD ("indicator-layer", test_indicator_layer);
  ADD ("dark-style", test_dark_style);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
