/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "atlas-area-values-private.h"

/* Every figure in tests/data/own-data is made up (see its README). */

static char *source_root;
static AtlasDataset *hwe;

static AtlasAreaValues *
load (const char                   *name,
      const AtlasAreaValuesOptions *options,
      GError                      **error)
{
  g_autofree char *relative = g_strdup_printf ("tests/data/own-data/%s", name);
  g_autoptr(GFile) file = NULL;

  /* Messages name the file as given: relative to the source tree, as in the fixtures. */
  g_assert_cmpint (g_chdir (source_root), ==, 0);
  file = g_file_new_for_path (relative);
  return atlas_area_values_load_file (file, relative, hwe, options, error);
}

static AtlasAreaValues *
load_ok (const char                   *name,
         const AtlasAreaValuesOptions *options)
{
  g_autoptr(GError) error = NULL;
  AtlasAreaValues *values = load (name, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (values);
  return values;
}

static const AtlasAreaValue *
value_of (AtlasAreaValues *values,
          const char      *district_id)
{
  return atlas_area_values_lookup (values, atlas_dataset_find_district (hwe, district_id));
}

static void
assert_unmatched (AtlasAreaValues    *values,
                  const char * const *expected)
{
  guint n;

  atlas_area_values_get_unmatched (values, &n);
  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *message = atlas_area_values_format_unmatched (values, i);

      g_assert_cmpstr (message, ==, expected[i]);
    }
}

static void
test_fingertips (void)
{
  g_autoptr(AtlasAreaValues) values = load_ok ("fingertips-hwe.csv", NULL);
  const AtlasAreaValue *watford = value_of (values, "watford");
  const char * const unmatched[] = {
    "tests/data/own-data/fingertips-hwe.csv:19: “England” (E92000001) is not a district of "
    "Hertfordshire and West Essex",
    "tests/data/own-data/fingertips-hwe.csv:20: “East of England region” (E12000006) is not "
    "a district of Hertfordshire and West Essex",
    "tests/data/own-data/fingertips-hwe.csv:21: “Hertfordshire” (E10000015) is not a district "
    "of Hertfordshire and West Essex",
    "tests/data/own-data/fingertips-hwe.csv:22: “Essex” (E10000012) is not a district of "
    "Hertfordshire and West Essex",
    NULL,
  };
  const AtlasDistrict *districts;
  guint n, n_districts;

  g_assert_true (atlas_area_values_is_fingertips (values));
  g_assert_cmpstr (atlas_area_values_get_title (values), ==,
                   "Physically active adults (made-up values)");
  g_assert_cmpstr (atlas_area_values_get_period (values), ==, "2021/22");
  g_assert_null (atlas_area_values_get_unit (values));
  g_assert_cmpstr (atlas_area_values_get_source (values), ==, "fingertips-hwe.csv");
  g_assert_cmpstr (atlas_area_values_get_category_column (values), ==,
                   "Compared to England value or percentiles");
  g_assert_cmpstr (atlas_area_values_get_note (values), ==,
                   "Shown: Persons, 2021/22, Districts & UAs (from Apr 2023). Not shown: 1 other "
                   "indicator, 1 row of a breakdown (Category Type), 2 rows of other sexes, 1 "
                   "other period, 3 rows of other area types.");

  /* Every district, from the newest period's rows of the preferred area type. */
  atlas_area_values_get_values (values, &n);
  districts = atlas_dataset_get_districts (hwe, &n_districts);
  g_assert_cmpuint (n, ==, n_districts);
  for (guint i = 0; i < n_districts; i++)
    g_assert_nonnull (atlas_area_values_lookup (values, &districts[i]));
  g_assert_cmpfloat (watford->value, ==, 63.7);
  g_assert_cmpfloat (watford->lower, ==, 60.8);
  g_assert_cmpfloat (watford->upper, ==, 66.5);
  g_assert_cmpstr (watford->category, ==, "Similar");
  g_assert_cmpstr (watford->area, ==, "Watford");
  g_assert_cmpuint (watford->line, ==, 31);
  g_assert_cmpfloat (value_of (values, "uttlesford")->value, ==, 69.8);
  g_assert_cmpstr (value_of (values, "east-herts")->category, ==, "Better");
  assert_unmatched (values, unmatched);
}

static void
test_fingertips_choices (void)
{
  AtlasAreaValuesOptions options = { .indicator = "92443" };
  g_autoptr(AtlasAreaValues) smoking = load_ok ("fingertips-hwe.csv", &options);
  g_autoptr(AtlasAreaValues) older = NULL;
  g_autoptr(AtlasAreaValues) by_name = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_cmpstr (atlas_area_values_get_title (smoking), ==,
                   "Smoking prevalence in adults (made-up values)");
  g_assert_cmpstr (atlas_area_values_get_period (smoking), ==, "2022");
  atlas_area_values_get_values (smoking, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_null (value_of (smoking, "watford"));
  g_assert_cmpfloat (value_of (smoking, "dacorum")->value, ==, 10.4);

  options = (AtlasAreaValuesOptions) { .indicator = "physically active adults (MADE-UP VALUES)",
                                       .period = "2020/21" };
  older = load_ok ("fingertips-hwe.csv", &options);
  g_assert_cmpstr (atlas_area_values_get_period (older), ==, "2020/21");
  g_assert_cmpfloat (value_of (older, "watford")->value, ==, 62.2);
  /* A withheld figure: the district is matched, with no figure. */
  g_assert_true (isnan (value_of (older, "uttlesford")->value));

  options = (AtlasAreaValuesOptions) { .indicator = "Obesity" };
  g_assert_null (load ("fingertips-hwe.csv", &options, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS);
  g_assert_cmpstr (error->message, ==,
                   "tests/data/own-data/fingertips-hwe.csv:1:14: no indicator “Obesity” in this "
                   "file; it has “Physically active adults (made-up values)”, “Smoking "
                   "prevalence in adults (made-up values)”");
  g_clear_error (&error);

  options = (AtlasAreaValuesOptions) { .period = "2019/20" };
  g_assert_null (load ("fingertips-hwe.csv", &options, &error));
  g_assert_cmpstr (error->message, ==, "tests/data/own-data/fingertips-hwe.csv:1:114: no rows "
                   "for the period “2019/20”");
  g_clear_error (&error);

  options = (AtlasAreaValuesOptions) { .column = "Lower CI 95.0 limit" };
  by_name = load_ok ("fingertips-hwe.csv", &options);
  g_assert_cmpfloat (value_of (by_name, "watford")->value, ==, 60.8);
}

/* A names-only sheet whose spellings are not the dataset's matches every district. */
static void
test_odd_names (void)
{
  g_autoptr(AtlasAreaValues) values = load_ok ("names-odd.csv", NULL);
  const AtlasDistrict *districts;
  guint n, n_districts;

  districts = atlas_dataset_get_districts (hwe, &n_districts);
  atlas_area_values_get_values (values, &n);
  g_assert_cmpuint (n, ==, 13);
  for (guint i = 0; i < n_districts; i++)
    g_assert_nonnull (atlas_area_values_lookup (values, &districts[i]));
  atlas_area_values_get_unmatched (values, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (atlas_area_values_is_fingertips (values));
  g_assert_cmpstr (atlas_area_values_get_title (values), ==, "Rate (per 1,000)");
  g_assert_cmpstr (atlas_area_values_get_unit (values), ==, "per 1,000");
  g_assert_cmpstr (value_of (values, "st-albans")->area, ==, "St. Albans City and District");
  g_assert_cmpfloat (value_of (values, "st-albans")->value, ==, 2.2);
  g_assert_cmpstr (value_of (values, "east-herts")->area, ==, "East Herts");
  g_assert_null (atlas_area_values_get_note (values));
}

static void
test_regions (void)
{
  g_autoptr(AtlasAreaValues) values = load_ok ("with-regions.csv", NULL);
  const char * const unmatched[] = {
    "tests/data/own-data/with-regions.csv:2: “England” is not a district of Hertfordshire and "
    "West Essex",
    "tests/data/own-data/with-regions.csv:3: “East of England” is not a district of "
    "Hertfordshire and West Essex",
    "tests/data/own-data/with-regions.csv:4: “Hertfordshire” is not a district of "
    "Hertfordshire and West Essex",
    "tests/data/own-data/with-regions.csv:8: “Essex” is not a district of Hertfordshire and "
    "West Essex",
    NULL,
  };

  assert_unmatched (values, unmatched);
  g_assert_cmpstr (atlas_area_values_get_period (values), ==, "2022");
  g_assert_cmpstr (atlas_area_values_get_unit (values), ==, "%");
  g_assert_cmpstr (atlas_area_values_get_note (values), ==,
                   "Shown: 2022. Not shown: 1 other period.");
  g_assert_cmpfloat (value_of (values, "watford")->value, ==, 24.5);
  g_assert_cmpfloat (value_of (values, "st-albans")->value, ==, 18.1);
  g_assert_true (isnan (value_of (values, "harlow")->value));
  g_assert_null (value_of (values, "dacorum"));
}

static void
test_codes (void)
{
  AtlasAreaValuesOptions options = { .column = "lower", .unit = "cases" };
  g_autoptr(AtlasAreaValues) values = load_ok ("codes.tsv", NULL);
  g_autoptr(AtlasAreaValues) lower = load_ok ("codes.tsv", &options);
  g_autoptr(GError) error = NULL;
  const AtlasAreaValue *watford = value_of (values, "watford");

  g_assert_cmpstr (atlas_area_values_get_title (values), ==, "cases");
  g_assert_cmpfloat (watford->value, ==, 1204);
  g_assert_cmpfloat (watford->lower, ==, 1100);
  g_assert_cmpfloat (watford->upper, ==, 1300);
  g_assert_cmpstr (watford->category, ==, "Worse");
  g_assert_cmpfloat (value_of (values, "harlow")->value, ==, 1122.5);
  g_assert_cmpfloat (value_of (lower, "harlow")->value, ==, 1000);
  g_assert_cmpstr (atlas_area_values_get_unit (lower), ==, "cases");

  options.column = "rate";
  g_assert_null (load ("codes.tsv", &options, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS);
  g_assert_cmpstr (error->message, ==, "tests/data/own-data/codes.tsv:1:1: no column “rate”; "
                   "the columns are “ONS code”, “name”, “cases”, “lower”, “upper”, “compared "
                   "to england”");
}

/* Each tests/data/own-data/bad/X.csv is refused with exactly the message in X.expected. */
static void
test_refused (gconstpointer data)
{
  const char *name = data;
  g_autofree char *file = g_strdup_printf ("bad/%s.csv", name);
  g_autofree char *expected_path = g_strdup_printf ("%s/tests/data/own-data/bad/%s.expected",
                                                    source_root, name);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasAreaValues) values = NULL;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  values = load (file, NULL, &error);
  g_assert_null (values);
  g_assert_true (error->domain == ATLAS_IMPORT_ERROR);
  g_assert_cmpstr (error->message, ==, g_strchomp (expected));
}

static void
test_name_keys (void)
{
  const struct { const char *name, *key; } cases[] = {
    { "St. Albans City and District Council", "st albans" },
    { "ST ALBANS", "st albans" },
    { "Saint  Albans", "st albans" },
    { "East Herts", "east hertfordshire" },
    { "Welwyn-Hatfield", "welwyn hatfield" },
    { "London Borough of Hackney", "hackney" },
    { "Royal Borough of Kingston upon Thames", "kingston upon thames" },
    { "Kingston upon Hull, City of", "city of kingston upon hull" },
    { "City of London", "city of london" },
    { "Brighton & Hove", "brighton and hove" },
    { "St Margaret’s", "st margarets" },
    { "Ynys Môn", "ynys mon" },
    { "Council", "council" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = _atlas_area_name_key (cases[i].name, FALSE);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

/* The City of London is not London, and the City of Westminster is Westminster. */
static void
test_city_of (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) nel = atlas_dataset_load ("nel", &error);
  g_autoptr(AtlasAreaMatcher) matcher = NULL;
  const AtlasDistrict *city;

  g_assert_no_error (error);
  matcher = _atlas_area_matcher_new (nel);
  city = atlas_dataset_find_district (nel, "city-of-london");
  g_assert_nonnull (city);
  g_assert_null (_atlas_area_matcher_by_name (matcher, "London"));
  g_assert_true (_atlas_area_matcher_by_name (matcher, "City of London") == city);
  g_assert_true (_atlas_area_matcher_by_name (matcher, "London, City of") == city);
  g_assert_true (_atlas_area_matcher_by_name (matcher, "London Borough of Hackney")
                 == atlas_dataset_find_district (nel, "hackney"));
  g_assert_true (_atlas_area_matcher_by_name (matcher, "City of Hackney")
                 == atlas_dataset_find_district (nel, "hackney"));
  g_assert_true (_atlas_area_matcher_by_code (matcher, " e09000001 ") == city);
  g_assert_null (_atlas_area_matcher_by_code (matcher, "E92000001"));
}

static void
test_numbers (void)
{
  const struct { const char *text; char delimiter; gboolean ok; double value; gboolean percent; }
  cases[] = {
    { "12", ',', TRUE, 12, FALSE },
    { " -4.5 ", ',', TRUE, -4.5, FALSE },
    { "+3", ',', TRUE, 3, FALSE },
    { "1e3", ',', TRUE, 1000, FALSE },
    { "1,234.5", ',', TRUE, 1234.5, FALSE },
    { "1,234,567", ';', TRUE, 1234567, FALSE },
    { "12,5", ';', TRUE, 12.5, FALSE },
    { "12,5", ',', FALSE, 0, FALSE },
    { "45.1%", ',', TRUE, 45.1, TRUE },
    { "-1e308", ',', TRUE, -1e308, FALSE },
    { "1e999", ',', FALSE, 0, FALSE },
    { "inf", ',', FALSE, 0, FALSE },
    { "nan", ',', FALSE, 0, FALSE },
    { "0x10", ',', FALSE, 0, FALSE },
    { "12 apples", ',', FALSE, 0, FALSE },
    { "", ',', FALSE, 0, FALSE },
    { "1,23", ',', FALSE, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = 0;
      gboolean percent = FALSE;

      g_assert_cmpint (_atlas_area_parse_number (cases[i].text, cases[i].delimiter, &value,
                                                 &percent), ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_assert_cmpfloat (value, ==, cases[i].value);
          g_assert_cmpint (percent, ==, cases[i].percent);
        }
    }
  g_assert_true (_atlas_area_is_missing (" [c] "));
  g_assert_true (_atlas_area_is_missing (".."));
  g_assert_true (_atlas_area_is_missing (""));
  g_assert_false (_atlas_area_is_missing ("0"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *bad = NULL;
  const char *entry;
  int status;

  g_test_init (&argc, &argv, NULL);
  source_root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
  hwe = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);

  g_test_add_func ("/area-values/fingertips", test_fingertips);
  g_test_add_func ("/area-values/fingertips-choices", test_fingertips_choices);
  g_test_add_func ("/area-values/odd-names", test_odd_names);
  g_test_add_func ("/area-values/regions", test_regions);
  g_test_add_func ("/area-values/codes", test_codes);
  g_test_add_func ("/area-values/name-keys", test_name_keys);
  g_test_add_func ("/area-values/city-of", test_city_of);
  g_test_add_func ("/area-values/numbers", test_numbers);

  bad = g_build_filename (source_root, "tests", "data", "own-data", "bad", NULL);
  dir = g_dir_open (bad, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".csv") && !g_str_has_prefix (entry, "points-"))
      {
        char *name = g_strndup (entry, strlen (entry) - 4);
        g_autofree char *path = g_strdup_printf ("/area-values/refused/%s", name);

        g_test_add_data_func_full (path, name, test_refused, g_free);
      }

  status = g_test_run ();
  g_object_unref (hwe);
  g_free (source_root);
  return status;
}
