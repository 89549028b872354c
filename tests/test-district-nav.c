/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keyboard steps from district to district: the neighbour in each direction, none beyond the
 * edge, the start nearest a point, and every district reachable from every other by stepping
 * towards it, on both bundled systems. */
#include "config.h"

#include "atlas-district-nav.h"

static AtlasDataset *
load (const char *id)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load (id, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
test_neighbours (void)
{
  g_autoptr(AtlasDataset) hwe = load ("hwe");
  const AtlasDistrict *watford = atlas_dataset_find_district (hwe, "watford");
  const AtlasDistrict *uttlesford = atlas_dataset_find_district (hwe, "uttlesford");
  const AtlasDistrict *step;

  /* Three Rivers lies west of Watford, Hertsmere east of it. */
  step = atlas_district_step (hwe, watford, ATLAS_STEP_LEFT);
  g_assert_nonnull (step);
  g_assert_cmpstr (step->id, ==, "three-rivers");
  step = atlas_district_step (hwe, watford, ATLAS_STEP_RIGHT);
  g_assert_nonnull (step);
  g_assert_cmpstr (step->id, ==, "hertsmere");
  /* Nothing lies east of Uttlesford, the system's north-east corner. */
  g_assert_null (atlas_district_step (hwe, uttlesford, ATLAS_STEP_RIGHT));
  g_assert_null (atlas_district_step (hwe, uttlesford, ATLAS_STEP_UP));

  /* The start: the district whose label point is nearest. */
  step = atlas_district_nearest (hwe, watford->shape->label_point.x,
                                 watford->shape->label_point.y);
  g_assert_true (step == watford);
  g_assert_cmpint (atlas_district_direction (watford, uttlesford), ==, ATLAS_STEP_RIGHT);
  g_assert_cmpint (atlas_district_direction (uttlesford, watford), ==, ATLAS_STEP_LEFT);
}

/* From each district, stepping towards each other one reaches it in fewer steps than there
 * are districts. */
static void
test_everything_reachable (gconstpointer data)
{
  g_autoptr(AtlasDataset) dataset = load (data);
  const AtlasDistrict *districts;
  guint n = 0;

  districts = atlas_dataset_get_districts (dataset, &n);
  g_assert_cmpuint (n, >, 1);
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b < n; b++)
      {
        const AtlasDistrict *at = &districts[a];
        guint steps = 0;

        while (at != &districts[b] && steps < n)
          {
            const AtlasDistrict *next;

            next = atlas_district_step (dataset, at, atlas_district_direction (at, &districts[b]));
            g_assert_nonnull (next);
            at = next;
            steps++;
          }
        if (at != &districts[b])
          g_test_message ("%s does not reach %s", districts[a].id, districts[b].id);
        g_assert_true (at == &districts[b]);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/district-nav/neighbours", test_neighbours);
  g_test_add_data_func ("/district-nav/everything-reachable/hwe", "hwe",
                        test_everything_reachable);
  g_test_add_data_func ("/district-nav/everything-reachable/nel", "nel",
                        test_everything_reachable);
  return g_test_run ();
}
