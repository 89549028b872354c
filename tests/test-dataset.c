/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <float.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "atlas-data-resources.h"
#include "atlas-dataset.h"
#include "atlas-dataset-private.h"
#include "atlas-geojson.h"
#include "atlas-geometry-private.h"

static AtlasDataset *
load_mini (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "mini.json", NULL);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load (path, &error);

  g_assert_no_error (error);
  g_assert_true (ATLAS_IS_DATASET (dataset));
  return dataset;
}

static AtlasDataset *
load_bundled (const char *id)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load (id, &error);

  g_assert_no_error (error);
  g_assert_true (ATLAS_IS_DATASET (dataset));
  return dataset;
}

static void
assert_bundled (const char *id)
{
  g_autofree char *path = g_strdup_printf ("/io/github/icsatlas/IcsAtlas/data/%s/%s.json", id, id);

  /* The bundled data must always be there: a build without it is broken. */
  g_assert_true (g_resource_get_info (atlas_data_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
}

static void
test_mini_records (void)
{
  g_autoptr(AtlasDataset) dataset = load_mini ();
  const AtlasDistrict *districts, *alpha, *gamma;
  const AtlasPartnership *south, *north, *everyone;
  const AtlasSite *site;
  const AtlasTrust *trust;
  const AtlasPriority *priority;
  const AtlasIndicator *indicators;
  const AtlasUpdate *updates;
  const AtlasFact *facts;
  guint n;

  g_assert_cmpstr (atlas_dataset_get_id (dataset), ==, "mini");
  g_assert_cmpstr (atlas_dataset_get_name (dataset), ==, "Mini Integrated Care System");
  g_assert_cmpstr (atlas_dataset_get_short_name (dataset), ==, "Mini");
  g_assert_cmpstr (atlas_dataset_get_nhs_body (dataset), ==, "NHS Mini Integrated Care Board");
  g_assert_null (atlas_dataset_get_summary (dataset));
  g_assert_cmpstr (atlas_dataset_get_source (dataset), ==, "notes");
  g_assert_cmpstr (atlas_dataset_get_boundary_licence (dataset), ==, "Test licence: public domain");
  facts = atlas_dataset_get_facts (dataset, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (facts[0].value, ==, "about 1,000 people");

  districts = atlas_dataset_get_districts (dataset, &n);
  g_assert_cmpuint (n, ==, 3);
  alpha = atlas_dataset_find_district (dataset, "alpha");
  gamma = atlas_dataset_find_district (dataset, "gamma");
  g_assert_true (alpha == &districts[0]);
  g_assert_cmpuint (gamma->index, ==, 2);
  g_assert_cmpstr (alpha->council, ==, "Alpha Council");
  g_assert_null (districts[1].council);
  g_assert_cmpuint (alpha->shape->n_polygons, ==, 1);
  g_assert_cmpuint (alpha->shape->n_rings, ==, 2);
  g_assert_cmpuint (gamma->shape->n_polygons, ==, 2);
  g_assert_null (atlas_dataset_find_district (dataset, "delta"));
  g_assert_null (atlas_dataset_find_district (dataset, NULL));

  south = atlas_dataset_find_partnership (dataset, "south");
  north = atlas_dataset_find_partnership (dataset, "north");
  everyone = atlas_dataset_find_partnership (dataset, "everyone");
  g_assert_true (alpha->partnership == south);
  g_assert_true (gamma->partnership == north);
  g_assert_cmpint (everyone->kind, ==, ATLAS_PARTNERSHIP_THEMATIC);
  g_assert_cmpuint (everyone->n_districts, ==, 3);
  g_assert_cmpuint (north->n_sections, ==, 1);
  g_assert_cmpuint (north->sections[0].n_items, ==, 2);
  g_assert_cmpstr (north->sections[0].items[1], ==, "two");
  /* A section without a title goes on from the one before. */
  g_assert_cmpuint (everyone->n_sections, ==, 2);
  g_assert_null (everyone->sections[1].title);
  g_assert_cmpstr (everyone->sections[1].items[0], ==, "together");
  g_assert_cmpuint (atlas_dataset_get_partnership_colour (dataset, south), ==, 0x0072b2);
  /* Without a colour of its own, the palette by index. */
  g_assert_cmpuint (atlas_dataset_get_partnership_colour (dataset, north), ==, 0x56B4E9);

  site = atlas_dataset_find_site (dataset, "gamma-island");
  g_assert_cmpint (site->kind, ==, ATLAS_SITE_OTHER);
  g_assert_true (site->district == gamma);
  g_assert_true (site->trust == atlas_dataset_find_trust (dataset, "mini-acute"));
  g_assert_cmpfloat (site->lat, ==, 51.75);

  priority = atlas_dataset_find_priority (dataset, "north-first");
  g_assert_true (priority->partnership == north);
  priority = atlas_dataset_find_priority (dataset, "best-start");
  g_assert_null (priority->partnership);
  g_assert_cmpuint (priority->n_sections, ==, 3);

  indicators = atlas_dataset_get_indicators (dataset, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (indicators[0].n_values, ==, 2);
  g_assert_cmpfloat (indicators[0].values[1].value, ==, 22.3);
  g_assert_true (indicators[0].values[1].districts[0] == gamma);
  updates = atlas_dataset_get_updates (dataset, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (updates[0].date, ==, "2023-11-23");
  g_assert_cmpuint (updates[0].n_districts, ==, 2);
  g_assert_true (atlas_dataset_find_source (dataset, "shapes") != NULL);

  /* Fields from another source than their record's say so; the others take the record's. */
  g_assert_cmpstr (atlas_dataset_get_field_source (dataset, "nhs_body"), ==, "shapes");
  g_assert_cmpstr (atlas_dataset_get_field_source (dataset, "name"), ==, "notes");
  trust = atlas_dataset_find_trust (dataset, "mini-community");
  g_assert_cmpuint (trust->n_field_sources, ==, 2);
  g_assert_cmpstr (ATLAS_RECORD_FIELD_SOURCE (trust, "kind"), ==, "shapes");
  g_assert_cmpstr (ATLAS_RECORD_FIELD_SOURCE (trust, "area"), ==, "shapes");
  g_assert_cmpstr (ATLAS_RECORD_FIELD_SOURCE (trust, "name"), ==, "notes");
  g_assert_cmpstr (ATLAS_RECORD_FIELD_SOURCE (site, "lat"), ==, "notes");
}

static void
test_mini_locate (void)
{
  g_autoptr(AtlasDataset) dataset = load_mini ();
  const AtlasBBox *bbox = atlas_dataset_get_bbox (dataset);

  g_assert_cmpfloat (bbox->min_x, ==, 0);
  g_assert_cmpfloat (bbox->max_y, ==, 52);
  g_assert_cmpstr (atlas_dataset_locate (dataset, 50.2, 0.2)->id, ==, "alpha");
  /* In alpha's hole. */
  g_assert_null (atlas_dataset_locate (dataset, 50.5, 0.5));
  g_assert_null (atlas_dataset_locate_brute (dataset, 50.5, 0.5));
  g_assert_cmpstr (atlas_dataset_locate (dataset, 50.5, 1.5)->id, ==, "beta");
  g_assert_cmpstr (atlas_dataset_locate (dataset, 51.75, 1.75)->id, ==, "gamma");
  g_assert_cmpstr (atlas_dataset_locate (dataset, 51.5, 0.5)->id, ==, "gamma");
  /* Between gamma's two parts, and far away. */
  g_assert_null (atlas_dataset_locate (dataset, 51.25, 1.75));
  g_assert_null (atlas_dataset_locate (dataset, 10, 10));
}

static void
test_bytes_without_base (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "mini.json", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) base = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  bytes = g_bytes_new (text, length);
  dataset = atlas_dataset_load_bytes (bytes, "fed.json", base, &error);
  g_assert_no_error (error);
  g_clear_object (&dataset);

  dataset = atlas_dataset_load_bytes (bytes, "fed.json", NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "fed.json:13:27: $.boundaries.file: "));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("/nonexistent/x.json", &error);

  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/x.json:1:1: $: cannot read the file"));
}

static void
check_counts (const char *id,
              guint       districts,
              guint       sites,
              guint       partnerships,
              guint       trusts)
{
  g_autoptr(AtlasDataset) dataset = load_bundled (id);
  guint n;

  atlas_dataset_get_districts (dataset, &n);
  g_assert_cmpuint (n, ==, districts);
  atlas_dataset_get_sites (dataset, &n);
  g_assert_cmpuint (n, ==, sites);
  atlas_dataset_get_partnerships (dataset, &n);
  g_assert_cmpuint (n, ==, partnerships);
  atlas_dataset_get_trusts (dataset, &n);
  g_assert_cmpuint (n, ==, trusts);
}

static void
test_bundled_hwe (void)
{
  g_autoptr(AtlasDataset) dataset = NULL;
  const AtlasDistrict *watford;
  const AtlasSite *lister;
  const AtlasPriority *priorities;
  guint n, titled = 0;

  assert_bundled ("hwe");
  check_counts ("hwe", 13, 8, 4, 8);
  dataset = load_bundled ("hwe");
  atlas_dataset_get_priorities (dataset, &n);
  g_assert_cmpuint (n, ==, 6);

  watford = atlas_dataset_find_district (dataset, "watford");
  g_assert_nonnull (watford);
  g_assert_cmpstr (watford->partnership->id, ==, "south-west-herts");
  g_assert_cmpstr (watford->partnership->name, ==,
                   "South and West Hertfordshire Health and Care Partnership");
  lister = atlas_dataset_find_site (dataset, "lister");
  g_assert_nonnull (lister);
  g_assert_cmpstr (lister->trust->name, ==, "East and North Hertfordshire NHS Trust");
  priorities = atlas_dataset_get_priorities (dataset, &n);
  g_assert_cmpuint (priorities[0].number, ==, 1);
  /* Its three headed sections, "Where we are now", "Outcomes we want to achieve" and "What will
   * change", each with the untitled paragraphs that go on from it, as the strategy has them. */
  for (guint i = 0; i < priorities[0].n_sections; i++)
    titled += priorities[0].sections[i].title != NULL;
  g_assert_cmpuint (titled, ==, 3);
  g_assert_cmpuint (priorities[0].n_sections, ==, 7);
  g_assert_cmpstr (priorities[0].sections[0].title, ==, "Where we are now");
  g_assert_cmpstr (atlas_dataset_locate (dataset, 51.6497, -0.4011)->id, ==, "watford");
  g_assert_nonnull (atlas_dataset_get_boundary_licence (dataset));
}

static void
test_bundled_nel (void)
{
  g_autoptr(AtlasDataset) dataset = NULL;
  const AtlasPartnership *city_and_hackney;
  const AtlasPriority *priorities;
  guint n, of_place = 0;

  assert_bundled ("nel");
  check_counts ("nel", 8, 8, 7, 6);
  dataset = load_bundled ("nel");
  /* City and Hackney's place partnership holds both its boroughs, and its 5 key priorities and
   * 5 work programmes are its own, not the whole system's. */
  city_and_hackney = atlas_dataset_find_district (dataset, "hackney")->partnership;
  g_assert_nonnull (city_and_hackney);
  g_assert_true (atlas_dataset_find_district (dataset, "city-of-london")->partnership
                 == city_and_hackney);
  priorities = atlas_dataset_get_priorities (dataset, &n);
  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; i < n; i++)
    of_place += priorities[i].partnership == city_and_hackney;
  g_assert_cmpuint (of_place, ==, 10);
}

static void
test_sites_in_own_district (gconstpointer data)
{
  const char *id = data;
  g_autoptr(AtlasDataset) dataset = NULL;
  const AtlasSite *sites;
  guint n, i;

  if (strcmp (id, "mini") == 0)
    dataset = load_mini ();
  else
    {
      assert_bundled (id);
      dataset = load_bundled (id);
    }

  sites = atlas_dataset_get_sites (dataset, &n);
  g_assert_cmpuint (n, >, 0);
  for (i = 0; i < n; i++)
    {
      g_assert_true (atlas_dataset_locate (dataset, sites[i].lat, sites[i].lon) == sites[i].district);
      g_assert_true (atlas_dataset_locate_brute (dataset, sites[i].lat, sites[i].lon) == sites[i].district);
    }
}

/* The grid must give exactly the brute-force answer, including outside every district. */
static void
test_index_matches_brute (gconstpointer data)
{
  const char *id = data;
  g_autoptr(AtlasDataset) dataset = NULL;
  const AtlasBBox *bbox;
  guint i, inside = 0;

  if (strcmp (id, "mini") == 0)
    dataset = load_mini ();
  else
    {
      assert_bundled (id);
      dataset = load_bundled (id);
    }

  bbox = atlas_dataset_get_bbox (dataset);
  for (i = 0; i < 10000; i++)
    {
      double lon = g_test_rand_double_range (bbox->min_x - 0.05, bbox->max_x + 0.05);
      double lat = g_test_rand_double_range (bbox->min_y - 0.05, bbox->max_y + 0.05);
      const AtlasDistrict *fast = atlas_dataset_locate (dataset, lat, lon);

      g_assert_true (fast == atlas_dataset_locate_brute (dataset, lat, lon));
      inside += fast != NULL;
    }
  /* Districts fill a good part of their own bounding box (the margin and London's jagged
   * outline keep the share near a third for nel), and points outside every district occur. */
  g_assert_cmpuint (inside, >, 2000);
  g_assert_cmpuint (inside, <, 10000);
}

static void
test_ring_self_intersection (void)
{
  static const AtlasPoint square[] = { {0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0} };
  /* Two vertical edges cut back across the bottom edge, far from it along the ring. */
  static const AtlasPoint crossed[] = {
    {0, 50}, {0.5, 50}, {1, 50}, {1.5, 50}, {2, 50}, {2, 51}, {1.25, 51}, {1.25, 49},
    {0.75, 49}, {0.75, 50.5}, {0, 50.5}, {0, 50},
  };
  /* A tiny twist between edges two apart, as generalised boundary data can have: a crossing
   * all the same. */
  static const AtlasPoint kink[] = {
    {0, 0}, {1, 0}, {1, 1}, {0.6, 1}, {0.5, 1.01}, {0.45, 1}, {0.55, 1.01}, {0, 1}, {0, 0},
  };
  /* The same twist as in North East London's source boundaries (Barking and Dagenham), and the
   * bundled data's repair of it: the two middle vertices swapped. */
  static const AtlasPoint twist[] = {
    {0.14, 51.59}, {0.147732, 51.597086}, {0.14855, 51.596492}, {0.147732, 51.596492},
    {0.150187, 51.597086}, {0.16, 51.60}, {0.14, 51.60}, {0.14, 51.59},
  };
  static const AtlasPoint repaired[] = {
    {0.14, 51.59}, {0.147732, 51.597086}, {0.147732, 51.596492}, {0.14855, 51.596492},
    {0.150187, 51.597086}, {0.16, 51.60}, {0.14, 51.60}, {0.14, 51.59},
  };
  /* Touching itself at a vertex, and running back along itself, is not crossing. */
  static const AtlasPoint pinched[] = {
    {0, 0}, {2, 0}, {1, 1}, {2, 2}, {0, 2}, {1, 1}, {0, 0},
  };
  static const AtlasPoint spike[] = { {0, 0}, {2, 0}, {2, 1}, {3, 1}, {2, 1}, {2, 2}, {0, 0} };

  g_assert_false (atlas_ring_crosses_itself (square, G_N_ELEMENTS (square)));
  g_assert_true (atlas_ring_crosses_itself (crossed, G_N_ELEMENTS (crossed)));
  g_assert_true (atlas_ring_crosses_itself (kink, G_N_ELEMENTS (kink)));
  g_assert_true (atlas_ring_crosses_itself (twist, G_N_ELEMENTS (twist)));
  g_assert_false (atlas_ring_crosses_itself (repaired, G_N_ELEMENTS (repaired)));
  g_assert_false (atlas_ring_crosses_itself (pinched, G_N_ELEMENTS (pinched)));
  g_assert_false (atlas_ring_crosses_itself (spike, G_N_ELEMENTS (spike)));

  /* The sweep alone gives the same answers. */
  g_assert_false (_atlas_ring_crosses_itself_by_sweep (square, G_N_ELEMENTS (square)));
  g_assert_true (_atlas_ring_crosses_itself_by_sweep (crossed, G_N_ELEMENTS (crossed)));
  g_assert_true (_atlas_ring_crosses_itself_by_sweep (kink, G_N_ELEMENTS (kink)));
  g_assert_true (_atlas_ring_crosses_itself_by_sweep (twist, G_N_ELEMENTS (twist)));
  g_assert_false (_atlas_ring_crosses_itself_by_sweep (repaired, G_N_ELEMENTS (repaired)));
  g_assert_false (_atlas_ring_crosses_itself_by_sweep (pinched, G_N_ELEMENTS (pinched)));
  g_assert_false (_atlas_ring_crosses_itself_by_sweep (spike, G_N_ELEMENTS (spike)));
}

/* A zigzag of many edges that all overlap in longitude, and a small bow tie east of it: the
 * bow tie's edges come last in longitude, and the old check gave up comparing (and let off
 * edges two apart) before it got there. */
static void
test_ring_zigzag_crossing (void)
{
  const guint teeth = 20000;
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
  AtlasPoint p;

  for (guint crossed = 0; crossed < 2; crossed++)
    {
      g_array_set_size (ring, 0);
      p = (AtlasPoint) { 0, 0 };
      g_array_append_val (ring, p);
      for (guint i = 0; i < teeth; i++)
        {
          double y = (i + 1.0) / (teeth + 1);

          p = (AtlasPoint) { 2, y };
          g_array_append_val (ring, p);
          p = (AtlasPoint) { 0.1, y + 0.25 / (teeth + 1) };
          g_array_append_val (ring, p);
        }
      /* Out east, round a square or through a bow tie, and back along the top and west side. */
      for (guint k = 0; k < 4; k++)
        {
          static const AtlasPoint square[] = { { 2.5, 1.05 }, { 3, 1.05 }, { 3, 1.15 },
                                               { 2.5, 1.15 } };
          static const AtlasPoint bow_tie[] = { { 2.5, 1.05 }, { 3, 1.15 }, { 3, 1.05 },
                                                { 2.5, 1.15 } };

          g_array_append_vals (ring, crossed ? &bow_tie[k] : &square[k], 1);
        }
      p = (AtlasPoint) { 0, 1.2 };
      g_array_append_val (ring, p);
      p = (AtlasPoint) { 0, 0 };
      g_array_append_val (ring, p);
      g_assert_cmpint (atlas_ring_crosses_itself ((AtlasPoint *) ring->data, ring->len), ==,
                       crossed);
    }
}

/* Nearly collinear points, where the plain floating-point determinant contradicts itself: the
 * orientation stays the same under rotation of its arguments and flips under a swap. */
static void
test_orientation_exact (void)
{
  AtlasPoint b = { 12, 12 }, c = { 24, 24 };
  guint flat = 0;

  for (guint i = 0; i < 256; i++)
    for (guint j = 0; j < 256; j++)
      {
        AtlasPoint a = { 0.5 + i * DBL_EPSILON, 0.5 + j * DBL_EPSILON };
        int o = atlas_orientation (&a, &b, &c);

        g_assert_cmpint (atlas_orientation (&b, &c, &a), ==, o);
        g_assert_cmpint (atlas_orientation (&c, &a, &b), ==, o);
        g_assert_cmpint (atlas_orientation (&b, &a, &c), ==, -o);
        /* Exactly on the line only where the offsets are equal. */
        g_assert_cmpint (o == 0, ==, i == j);
        flat += o == 0;
      }
  g_assert_cmpuint (flat, ==, 256);
}

/* Every pair of edges, with the sweep's exact orientation. */
static gboolean
crosses_brute_force (const AtlasPoint *ring,
                     guint             n_points)
{
  guint n_edges = n_points - 1;

  for (guint a = 0; a < n_edges; a++)
    for (guint b = a + 1; b < n_edges; b++)
      {
        const AtlasPoint *p1 = &ring[a], *p2 = &ring[a + 1], *q1 = &ring[b], *q2 = &ring[b + 1];

        if (atlas_orientation (p1, p2, q1) * atlas_orientation (p1, p2, q2) < 0
            && atlas_orientation (q1, q2, p1) * atlas_orientation (q1, q2, p2) < 0)
          return TRUE;
      }
  return FALSE;
}

/* Random rings, with many equal x coordinates as on a grid: both passes of the check find
 * exactly the crossings a comparison of every pair finds. */
static void
test_ring_self_intersection_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint crossing = 0;

  for (guint t = 0; t < 2000; t++)
    {
      guint n = g_rand_int_range (rand, 5, 90);
      g_autofree AtlasPoint *ring = g_new (AtlasPoint, n + 1);
      gboolean grid = t % 2 == 0;

      for (guint i = 0; i < n; i++)
        {
          /* A wobbly circle, sometimes crossing itself, sometimes snapped to a grid. */
          double angle = 2 * G_PI * i / n + g_rand_double_range (rand, -0.3, 0.3) * (t % 3);
          double radius = g_rand_double_range (rand, 0.5, 1.0);

          ring[i].x = radius * cos (angle);
          ring[i].y = radius * sin (angle);
          if (grid)
            {
              ring[i].x = round (ring[i].x * 8) / 8;
              ring[i].y = round (ring[i].y * 8) / 8;
            }
        }
      ring[n] = ring[0];
      crossing += crosses_brute_force (ring, n + 1);
      g_assert_cmpint (atlas_ring_crosses_itself (ring, n + 1), ==,
                       crosses_brute_force (ring, n + 1));
      g_assert_cmpint (_atlas_ring_crosses_itself_by_sweep (ring, n + 1), ==,
                       crosses_brute_force (ring, n + 1));
    }
  /* Both answers were exercised. */
  g_assert_cmpuint (crossing, >, 100);
  g_assert_cmpuint (crossing, <, 1900);
}

/* Rings the grid of the check's first pass must not trip on: no width, no height, a box
 * millions of times wider than tall, and a comb running north and south whose teeth all share
 * the same longitudes (the shape that made the earlier first pass give up), crossing itself
 * at its far end or not. Each against every pair. */
static void
test_ring_crossing_grid_shapes (void)
{
  static const AtlasPoint flat[] = { { 0, 0 }, { 0, 1 }, { 0, 3 }, { 0, 2 }, { 0, 0 } };
  static const AtlasPoint level[] = { { 0, 5 }, { 2, 5 }, { 1, 5 }, { 3, 5 }, { 0, 5 } };
  static const AtlasPoint thin_tie[] = { { 0, 0 }, { 1e6, 1e-6 }, { 1e6, 0 }, { 0, 1e-6 },
                                         { 0, 0 } };
  static const AtlasPoint thin_box[] = { { 0, 0 }, { 1e6, 0 }, { 1e6, 1e-6 }, { 0, 1e-6 },
                                         { 0, 0 } };
  g_autoptr(GArray) comb = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));

  g_assert_false (atlas_ring_crosses_itself (flat, G_N_ELEMENTS (flat)));
  g_assert_false (atlas_ring_crosses_itself (level, G_N_ELEMENTS (level)));
  g_assert_true (atlas_ring_crosses_itself (thin_tie, G_N_ELEMENTS (thin_tie)));
  g_assert_false (atlas_ring_crosses_itself (thin_box, G_N_ELEMENTS (thin_box)));

  for (guint crossed = 0; crossed < 2; crossed++)
    {
      const guint teeth = 400;
      AtlasPoint p;

      g_array_set_size (comb, 0);
      for (guint i = 0; i < teeth; i++)
        {
          /* Down a tooth at x = 0 … 1 and back up beside it. */
          g_array_append_val (comb, ((AtlasPoint) { 0, 2.0 * i }));
          g_array_append_val (comb, ((AtlasPoint) { 1, 2.0 * i }));
          g_array_append_val (comb, ((AtlasPoint) { 1, 2.0 * i + 1 }));
          g_array_append_val (comb, ((AtlasPoint) { 0, 2.0 * i + 1 }));
        }
      /* The spine, back south, with a twist at the far end or not. */
      p = (AtlasPoint) { crossed ? -1 : -0.5, 2.0 * teeth };
      g_array_append_val (comb, p);
      p = (AtlasPoint) { crossed ? -0.5 : -1, 2.0 * teeth + 1 };
      g_array_append_val (comb, p);
      p = (AtlasPoint) { crossed ? -0.5 : -1, -1 };
      g_array_append_val (comb, p);
      p = (AtlasPoint) { 0, -1 };
      g_array_append_val (comb, p);
      p = g_array_index (comb, AtlasPoint, 0);
      g_array_append_val (comb, p);
      g_assert_cmpint (crosses_brute_force ((AtlasPoint *) comb->data, comb->len), ==, crossed);
      g_assert_cmpint (atlas_ring_crosses_itself ((AtlasPoint *) comb->data, comb->len), ==,
                       crossed);
    }
}

/* Files of 2 MiB and more are read into memory of their own kind: the same bytes come back. */
static void
test_read_large_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-read-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize sizes[] = { 2 * 1024 * 1024, 3 * 1024 * 1024 + 17 };
  gboolean too_large;

  g_assert_no_error (error);
  path = g_build_filename (dir, "large.json", NULL);
  file = g_file_new_for_path (path);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autofree guint8 *data = g_malloc (sizes[k]);

      for (gsize i = 0; i < sizes[k]; i++)
        data[i] = (guint8) (i * 131 + i / 4099);
      g_assert_true (g_file_set_contents (path, (char *) data, sizes[k], &error));
      g_clear_pointer (&expected, g_bytes_unref);
      expected = g_bytes_new (data, sizes[k]);

      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = _atlas_dataset_read_file (file, 64 * 1024 * 1024, &too_large, &error);
      g_assert_no_error (error);
      g_assert_false (too_large);
      g_assert_true (g_bytes_equal (bytes, expected));

      /* Over the limit: refused from its size. */
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = _atlas_dataset_read_file (file, sizes[k] - 1, &too_large, &error);
      g_assert_null (bytes);
      g_assert_true (too_large);
    }
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset/mini/records", test_mini_records);
  g_test_add_func ("/dataset/mini/locate", test_mini_locate);
  g_test_add_func ("/dataset/bytes", test_bytes_without_base);
  g_test_add_func ("/dataset/missing-file", test_missing_file);
  g_test_add_func ("/dataset/ring-self-intersection", test_ring_self_intersection);
  g_test_add_func ("/dataset/ring-self-intersection-random", test_ring_self_intersection_random);
  g_test_add_func ("/dataset/ring-zigzag-crossing", test_ring_zigzag_crossing);
  g_test_add_func ("/dataset/ring-crossing-grid-shapes", test_ring_crossing_grid_shapes);
  g_test_add_func ("/dataset/orientation-exact", test_orientation_exact);
  g_test_add_func ("/dataset/read-large-file", test_read_large_file);
  g_test_add_func ("/dataset/bundled/hwe", test_bundled_hwe);
  g_test_add_func ("/dataset/bundled/nel", test_bundled_nel);
  g_test_add_data_func ("/dataset/sites-in-district/mini", "mini", test_sites_in_own_district);
  g_test_add_data_func ("/dataset/sites-in-district/hwe", "hwe", test_sites_in_own_district);
  g_test_add_data_func ("/dataset/sites-in-district/nel", "nel", test_sites_in_own_district);
  g_test_add_data_func ("/dataset/index-matches-brute/mini", "mini", test_index_matches_brute);
  g_test_add_data_func ("/dataset/index-matches-brute/hwe", "hwe", test_index_matches_brute);
  g_test_add_data_func ("/dataset/index-matches-brute/nel", "nel", test_index_matches_brute);

  return g_test_run ();
}
