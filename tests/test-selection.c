/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-selection.h"

static AtlasDataset *
load_mini (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "mini.json", NULL);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load (path, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
count_cb (AtlasSelection *selection,
          guint          *count)
{
  (*count)++;
}

static void
test_select (void)
{
  g_autoptr(AtlasDataset) dataset = load_mini ();
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();
  guint changes = 0;

  g_signal_connect (selection, "changed", G_CALLBACK (count_cb), &changes);
  atlas_selection_set_dataset (selection, dataset);
  g_assert_true (atlas_selection_get_dataset (selection) == dataset);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  g_assert_null (atlas_selection_get_id (selection));
  changes = 0;

  g_assert_true (atlas_selection_select (selection, ATLAS_SELECTION_DISTRICT, "beta"));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_DISTRICT);
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "beta");
  g_assert_true (atlas_selection_get_district (selection) == atlas_dataset_find_district (dataset, "beta"));
  g_assert_null (atlas_selection_get_site (selection));

  /* Unknown ids change nothing. */
  g_assert_false (atlas_selection_select (selection, ATLAS_SELECTION_SITE, "nowhere"));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "beta");

  g_assert_true (atlas_selection_select (selection, ATLAS_SELECTION_SITE, "beta-clinic"));
  g_assert_true (atlas_selection_get_site (selection) == atlas_dataset_find_site (dataset, "beta-clinic"));
  g_assert_true (atlas_selection_get_record (selection) == (gconstpointer) atlas_selection_get_site (selection));
  g_assert_true (atlas_selection_select (selection, ATLAS_SELECTION_UPDATE, "meeting"));
  g_assert_cmpstr (atlas_selection_get_update (selection)->title, ==, "A meeting");
  g_assert_cmpstr (atlas_selection_kind_to_string (ATLAS_SELECTION_PRIORITY), ==, "priority");
}

static void
test_history (void)
{
  g_autoptr(AtlasDataset) dataset = load_mini ();
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();

  atlas_selection_set_dataset (selection, dataset);
  g_assert_false (atlas_selection_can_go_back (selection));
  g_assert_false (atlas_selection_go_back (selection));

  atlas_selection_select (selection, ATLAS_SELECTION_DISTRICT, "alpha");
  atlas_selection_select (selection, ATLAS_SELECTION_PARTNERSHIP, "south");
  atlas_selection_select (selection, ATLAS_SELECTION_TRUST, "mini-acute");
  g_assert_true (atlas_selection_can_go_back (selection));
  g_assert_false (atlas_selection_can_go_forward (selection));

  g_assert_true (atlas_selection_go_back (selection));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "south");
  g_assert_true (atlas_selection_go_back (selection));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "alpha");
  g_assert_true (atlas_selection_can_go_forward (selection));
  g_assert_true (atlas_selection_go_forward (selection));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "south");

  /* A new selection drops the forward list. */
  atlas_selection_select (selection, ATLAS_SELECTION_PRIORITY, "best-start");
  g_assert_false (atlas_selection_can_go_forward (selection));
  g_assert_cmpstr (atlas_selection_get_priority (selection)->title, ==,
                   "Give every child the best start in life");

  atlas_selection_clear (selection);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  g_assert_true (atlas_selection_go_back (selection));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "best-start");
}

/* Presenter mode's steps: the selection changes, the history does not. */
static void
test_present (void)
{
  g_autoptr(AtlasDataset) dataset = load_mini ();
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();
  guint changes = 0;

  atlas_selection_set_dataset (selection, dataset);
  atlas_selection_select (selection, ATLAS_SELECTION_DISTRICT, "alpha");
  atlas_selection_select (selection, ATLAS_SELECTION_PARTNERSHIP, "south");
  g_signal_connect (selection, "changed", G_CALLBACK (count_cb), &changes);

  g_assert_true (atlas_selection_present (selection, ATLAS_SELECTION_DISTRICT, "gamma"));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "gamma");
  g_assert_true (atlas_selection_present (selection, ATLAS_SELECTION_NONE, NULL));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  g_assert_false (atlas_selection_present (selection, ATLAS_SELECTION_DISTRICT, "nowhere"));
  g_assert_cmpuint (changes, ==, 2);
  /* The same again is no change. */
  g_assert_true (atlas_selection_present (selection, ATLAS_SELECTION_NONE, NULL));
  g_assert_cmpuint (changes, ==, 2);

  /* What was selected before comes back, and back still goes where it went. */
  g_assert_true (atlas_selection_present (selection, ATLAS_SELECTION_PARTNERSHIP, "south"));
  g_assert_false (atlas_selection_can_go_forward (selection));
  g_assert_true (atlas_selection_go_back (selection));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "alpha");
}

static void
test_select_any (void)
{
  g_autoptr(AtlasDataset) dataset = load_mini ();
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();

  atlas_selection_set_dataset (selection, dataset);
  g_assert_true (atlas_selection_select_any (selection, "north"));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_PARTNERSHIP);
  g_assert_true (atlas_selection_select_any (selection, "gamma-island"));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_SITE);
  g_assert_true (atlas_selection_select_any (selection, "gamma"));
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_DISTRICT);
  g_assert_false (atlas_selection_select_any (selection, "nothing-has-this"));
  g_assert_cmpstr (atlas_selection_get_id (selection), ==, "gamma");
}

static void
test_dataset_switch (void)
{
  g_autoptr(AtlasDataset) first = load_mini ();
  g_autoptr(AtlasDataset) second = load_mini ();
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();
  guint changes = 0;

  atlas_selection_set_dataset (selection, first);
  atlas_selection_select (selection, ATLAS_SELECTION_DISTRICT, "alpha");
  atlas_selection_select (selection, ATLAS_SELECTION_DISTRICT, "beta");
  g_signal_connect (selection, "changed", G_CALLBACK (count_cb), &changes);

  atlas_selection_set_dataset (selection, second);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  g_assert_false (atlas_selection_can_go_back (selection));
  g_assert_false (atlas_selection_can_go_forward (selection));
  g_assert_true (atlas_selection_select (selection, ATLAS_SELECTION_DISTRICT, "alpha"));
  g_assert_true (atlas_selection_get_district (selection) == atlas_dataset_find_district (second, "alpha"));
}

static void
dataset_notify_cb (AtlasSelection *selection,
                   GParamSpec     *pspec,
                   gboolean       *checked)
{
  /* Whoever hears of the new dataset finds nothing of the old one selected. */
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  g_assert_null (atlas_selection_get_record (selection));
  *checked = TRUE;
}

static void
test_dataset_switch_order (void)
{
  g_autoptr(AtlasDataset) second = load_mini ();
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();
  AtlasDataset *first = load_mini ();
  gboolean checked = FALSE;

  atlas_selection_set_dataset (selection, first);
  /* The selection holds the only reference: the old dataset goes with the switch. */
  g_object_unref (first);
  atlas_selection_select (selection, ATLAS_SELECTION_DISTRICT, "alpha");
  g_signal_connect (selection, "notify::dataset", G_CALLBACK (dataset_notify_cb), &checked);
  atlas_selection_set_dataset (selection, second);
  g_assert_true (checked);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/selection/select", test_select);
  g_test_add_func ("/selection/history", test_history);
  g_test_add_func ("/selection/select-any", test_select_any);
  g_test_add_func ("/selection/present", test_present);
  g_test_add_func ("/selection/dataset-switch", test_dataset_switch);
  g_test_add_func ("/selection/dataset-switch-order", test_dataset_switch_order);

  return g_test_run ();
}
