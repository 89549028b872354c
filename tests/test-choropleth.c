/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "atlas-choropleth.h"

/* Every figure in tests/data/own-data is made up (see its README). */

static char *source_root;
static AtlasDataset *hwe;

static AtlasAreaValues *
load_values (const char *name)
{
  g_autofree char *relative = g_strdup_printf ("tests/data/own-data/%s", name);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AtlasAreaValues *values;

  g_assert_cmpint (g_chdir (source_root), ==, 0);
  file = g_file_new_for_path (relative);
  values = atlas_area_values_load_file (file, relative, hwe, NULL, &error);
  g_assert_no_error (error);
  return values;
}

/* The fill the cartography gave a district before it read choropleths: the class of the last
 * figure that names it among atlas_cartography_indicator_classes (), else no data. */
static guint32
reference_fill (const AtlasIndicator        *indicator,
                const AtlasCartographyClass *classes,
                guint                        n_classes,
                const AtlasDistrict         *district,
                AtlasTheme                   theme)
{
  guint32 fill = atlas_cartography_get_palette (theme)->no_data;

  for (guint i = 0; i < indicator->n_values && n_classes > 0; i++)
    for (guint j = 0; j < indicator->values[i].n_districts; j++)
      if (indicator->values[i].districts[j] == district)
        fill = classes[atlas_cartography_indicator_class_of (classes, n_classes,
                                                             indicator->values[i].value)].colour;
  return fill;
}

/* The choropleth of an indicator gives every district the fill the cartography has always
 * given it, and the classes atlas_cartography_indicator_classes () computes; the cartography
 * draws what the choropleth says. */
static void
assert_same_as_cartography (AtlasDataset         *dataset,
                            const AtlasIndicator *indicator)
{
  g_autoptr(AtlasChoropleth) choropleth = atlas_choropleth_new_from_indicator (dataset, indicator);
  AtlasCartographyClass reference[ATLAS_CARTOGRAPHY_MAX_CLASSES];
  guint n_reference = atlas_cartography_indicator_classes (indicator, reference);
  const AtlasDataClass *classes;
  const AtlasDistrict *districts;
  guint n_classes, n_districts, counted = 0;

  classes = atlas_choropleth_get_classes (choropleth, &n_classes);
  g_assert_cmpuint (n_classes, ==, n_reference);
  for (guint c = 0; c < n_classes; c++)
    {
      g_assert_cmpfloat (classes[c].lower, ==, reference[c].lower);
      g_assert_cmpfloat (classes[c].upper, ==, reference[c].upper);
      g_assert_cmpuint (classes[c].colour, ==, reference[c].colour);
      counted += classes[c].n_districts;
    }

  districts = atlas_dataset_get_districts (dataset, &n_districts);
  for (AtlasTheme theme = ATLAS_THEME_LIGHT; theme <= ATLAS_THEME_HIGH_CONTRAST; theme++)
    {
      AtlasCartographyOptions options;

      atlas_cartography_options_init (&options);
      options.theme = theme;
      options.indicator = indicator;
      options.choropleth = choropleth;
      for (guint i = 0; i < n_districts; i++)
        {
          guint32 fill = atlas_choropleth_get_fill (choropleth, &districts[i], theme);

          g_assert_cmphex (fill, ==, reference_fill (indicator, reference, n_reference,
                                                     &districts[i], theme));
          g_assert_cmphex (fill, ==, atlas_cartography_district_fill (dataset, &districts[i],
                                                                      &options));
        }
    }
  g_assert_cmpuint (counted + atlas_choropleth_get_n_no_data (choropleth), ==, n_districts);
}

static void
test_bundled (void)
{
  for (guint d = 0; atlas_dataset_bundled_ids ()[d] != NULL; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasDataset) dataset = atlas_dataset_load (atlas_dataset_bundled_ids ()[d],
                                                            &error);
      const AtlasIndicator *indicators;
      guint n;

      g_assert_no_error (error);
      indicators = atlas_dataset_get_indicators (dataset, &n);
      for (guint i = 0; i < n; i++)
        assert_same_as_cartography (dataset, &indicators[i]);
    }
}

static void
test_bundled_legend (void)
{
  const AtlasIndicator *indicator = &atlas_dataset_get_indicators (hwe, NULL)[0];
  g_autoptr(AtlasChoropleth) choropleth = atlas_choropleth_new_from_indicator (hwe, indicator);
  const AtlasDataClass *classes;
  const AtlasChoroplethFigure *harlow;
  guint n;

  classes = atlas_choropleth_get_classes (choropleth, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (classes[0].label, ==, "20.1% (Hertfordshire)");
  g_assert_cmpstr (classes[1].label, ==, "22.3% (Essex)");
  g_assert_cmpuint (classes[0].n_districts, ==, 10);
  g_assert_cmpuint (classes[1].n_districts, ==, 3);
  g_assert_cmpstr (atlas_choropleth_get_title (choropleth), ==, indicator->title);
  g_assert_cmpstr (atlas_choropleth_get_unit (choropleth), ==, "%");
  g_assert_cmpstr (atlas_choropleth_get_period (choropleth), ==, "2019-20");
  g_assert_cmpstr (atlas_choropleth_get_note (choropleth), ==, indicator->note);
  g_assert_cmpstr (atlas_choropleth_get_source (choropleth), ==,
                   atlas_dataset_find_source (hwe, indicator->source)->title);
  harlow = atlas_choropleth_get_figure (choropleth, atlas_dataset_find_district (hwe, "harlow"));
  g_assert_cmpfloat (harlow->value, ==, 22.3);
  g_assert_cmpstr (harlow->area, ==, "Essex");
  g_assert_cmpint (harlow->class_index, ==, 1);
  g_assert_true (isnan (harlow->lower));
}

/* An indicator of our own making: more figures than classes (equal intervals), a district
 * under two figures (the last wins) and one under none. */
static void
test_equal_intervals (void)
{
  const AtlasDistrict *districts;
  guint n_districts;
  AtlasIndicatorValue values[13];
  const AtlasDistrict *lists[13][2];
  AtlasIndicator indicator = { .id = "made-up", .title = "Made-up figures", .unit = "%",
                               .period = "2024", .n_values = 0, .values = values };
  g_autoptr(AtlasChoropleth) choropleth = NULL;
  const AtlasDataClass *classes;
  guint n;

  districts = atlas_dataset_get_districts (hwe, &n_districts);
  for (guint i = 0; i + 1 < n_districts; i++)
    {
      lists[i][0] = &districts[i];
      lists[i][1] = &districts[(i + 1) % (n_districts - 1)];
      values[i] = (AtlasIndicatorValue) { "Somewhere", 10 + 3.7 * i * i, i == 4 ? 2 : 1,
                                          lists[i] };
    }
  indicator.n_values = n_districts - 1;
  assert_same_as_cartography (hwe, &indicator);

  choropleth = atlas_choropleth_new_from_indicator (hwe, &indicator);
  classes = atlas_choropleth_get_classes (choropleth, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (classes[0].label, ==, "10.0–99.5%");
  g_assert_cmpuint (atlas_choropleth_get_n_no_data (choropleth), ==, 1);
  g_assert_cmpint (atlas_choropleth_get_class (choropleth, &districts[n_districts - 1]), ==, -1);
  /* District 5 is listed under figures 4 and 5: it takes figure 5. */
  g_assert_cmpfloat (atlas_choropleth_get_figure (choropleth, &districts[5])->value, ==,
                     10 + 3.7 * 25);
}

static gboolean
text_is_sane (const char *text)
{
  return strstr (text, "nan") == NULL && strstr (text, "inf") == NULL && strlen (text) < 64;
}

/* Figures at the edge of the doubles still make finite classes and readable labels. */
static void
test_extremes (void)
{
  const AtlasDistrict *districts;
  guint n_districts;
  AtlasIndicatorValue values[7];
  const AtlasDistrict *lists[7];
  const double figures[] = { -1e308, 1e308, 0, 1, -1, 5e307, -5e307 };
  AtlasIndicator indicator = { .id = "edge", .title = "Edge", .unit = "%",
                               .period = "2024", .n_values = 7, .values = values };
  g_autoptr(AtlasChoropleth) choropleth = NULL;
  const AtlasDataClass *classes;
  guint n, counted = 0;

  districts = atlas_dataset_get_districts (hwe, &n_districts);
  for (guint i = 0; i < 7; i++)
    {
      lists[i] = &districts[i];
      values[i] = (AtlasIndicatorValue) { "Somewhere", figures[i], 1, &lists[i] };
    }
  choropleth = atlas_choropleth_new_from_indicator (hwe, &indicator);
  classes = atlas_choropleth_get_classes (choropleth, &n);
  g_assert_cmpuint (n, ==, 5);
  for (guint c = 0; c < n; c++)
    {
      g_assert_true (isfinite (classes[c].lower) && isfinite (classes[c].upper));
      g_assert_true (text_is_sane (classes[c].label));
      counted += classes[c].n_districts;
    }
  g_assert_cmpuint (counted, ==, 7);
  g_assert_cmpstr (classes[0].label, ==, "-1.00e308–-6.00e307%");
  g_assert_cmpint (atlas_choropleth_get_class (choropleth, &districts[0]), ==, 0);
  g_assert_cmpint (atlas_choropleth_get_class (choropleth, &districts[1]), ==, 4);
}

/* 200,000 figures: the classes are computed once, not per district. */
static void
test_many_values (void)
{
  const AtlasDistrict *districts;
  guint n_districts, n, counted = 0;
  g_autofree AtlasIndicatorValue *values = g_new (AtlasIndicatorValue, 200000);
  g_autofree const AtlasDistrict **lists = NULL;
  AtlasIndicator indicator = { .id = "many", .title = "Many", .unit = "%",
                               .period = "2024", .n_values = 200000, .values = values };
  g_autoptr(AtlasChoropleth) choropleth = NULL;
  const AtlasDataClass *classes;

  districts = atlas_dataset_get_districts (hwe, &n_districts);
  lists = g_new (const AtlasDistrict *, n_districts);
  for (guint i = 0; i < n_districts; i++)
    lists[i] = &districts[i];
  for (guint i = 0; i < 200000; i++)
    values[i] = (AtlasIndicatorValue) { "Area", i * 0.001, 1, &lists[i % n_districts] };
  choropleth = atlas_choropleth_new_from_indicator (hwe, &indicator);
  classes = atlas_choropleth_get_classes (choropleth, &n);
  g_assert_cmpuint (n, ==, 5);
  for (guint c = 0; c < n; c++)
    counted += classes[c].n_districts;
  g_assert_cmpuint (counted, ==, n_districts);
  /* Each district takes the last figure that lists it. */
  g_assert_cmpfloat (atlas_choropleth_get_figure (choropleth, &districts[0])->value, ==,
                     (199999 - 199999 % n_districts) * 0.001);
}

static void
assert_labels (AtlasChoropleth    *choropleth,
               const char * const *labels)
{
  const AtlasDataClass *classes;
  guint n;

  classes = atlas_choropleth_get_classes (choropleth, &n);
  g_assert_cmpuint (n, ==, g_strv_length ((char **) labels));
  for (guint c = 0; c < n; c++)
    g_assert_cmpstr (classes[c].label, ==, labels[c]);
}

static void
test_values (void)
{
  g_autoptr(AtlasAreaValues) values = load_values ("fingertips-hwe.csv");
  g_autoptr(AtlasChoropleth) quantile = atlas_choropleth_new_from_values (values, NULL, NULL);
  const char * const quantile_labels[] = {
    "58.9–61.2", "63.7–65.1", "65.5–66.0", "66.8–68.4", "69.8–70.9", NULL,
  };
  const AtlasDistrict *districts;
  const AtlasChoroplethFigure *watford;
  guint n_districts;
  guint32 ylgnbu[5];

  assert_labels (quantile, quantile_labels);
  g_assert_cmpstr (atlas_choropleth_get_palette_name (quantile), ==, "ylgnbu");
  atlas_palette_get_colours (atlas_palette_find ("ylgnbu"), 5, ylgnbu);
  districts = atlas_dataset_get_districts (hwe, &n_districts);
  for (guint i = 0; i < n_districts; i++)
    {
      const AtlasChoroplethFigure *f = atlas_choropleth_get_figure (quantile, &districts[i]);
      const AtlasDataClass *k = &atlas_choropleth_get_classes (quantile, NULL)[f->class_index];

      g_assert_cmpint (f->class_index, >=, 0);
      g_assert_cmpfloat (f->value, >=, k->lower);
      g_assert_cmpfloat (f->value, <=, k->upper);
      g_assert_cmphex (atlas_choropleth_get_fill (quantile, &districts[i], ATLAS_THEME_DARK), ==,
                       ylgnbu[f->class_index]);
    }
  g_assert_cmpuint (atlas_choropleth_get_n_no_data (quantile), ==, 0);

  watford = atlas_choropleth_get_figure (quantile, atlas_dataset_find_district (hwe, "watford"));
  g_assert_cmpfloat (watford->value, ==, 63.7);
  g_assert_cmpfloat (watford->lower, ==, 60.8);
  g_assert_cmpfloat (watford->upper, ==, 66.5);
  g_assert_cmpstr (watford->category, ==, "Similar");
  g_assert_cmpuint (watford->line, ==, 31);
  g_assert_cmpstr (atlas_choropleth_get_source (quantile), ==, "fingertips-hwe.csv");
  g_assert_cmpstr (atlas_choropleth_get_period (quantile), ==, "2021/22");
  g_assert_nonnull (atlas_choropleth_get_note (quantile));
  g_assert_false (atlas_choropleth_is_categorical (quantile));
}

static void
test_methods (void)
{
  g_autoptr(AtlasAreaValues) values = load_values ("fingertips-hwe.csv");
  AtlasChoroplethOptions options;
  const char * const manual_labels[] = { "58.9–62.0", "62.0–66.0", "66.0–70.9", NULL };
  const char * const equal_labels[] = { "58.9–62.9", "62.9–66.9", "66.9–70.9", NULL };

  atlas_choropleth_options_init (&options);
  options.method = ATLAS_CLASSIFY_MANUAL;
  options.breaks = (double[]) { 62, 66 };
  options.n_breaks = 2;
  options.palette = "Purples";
  {
    g_autoptr(AtlasChoropleth) manual = atlas_choropleth_new_from_values (values, &options, NULL);

    assert_labels (manual, manual_labels);
    g_assert_cmpstr (atlas_choropleth_get_palette_name (manual), ==, "purples");
    /* Dacorum's 66.0 is on a break: it goes into the lower class. */
    g_assert_cmpint (atlas_choropleth_get_class (manual,
                                                 atlas_dataset_find_district (hwe, "dacorum")),
                     ==, 1);
  }

  atlas_choropleth_options_init (&options);
  options.method = ATLAS_CLASSIFY_EQUAL;
  options.n_classes = 3;
  {
    g_autoptr(AtlasChoropleth) equal = atlas_choropleth_new_from_values (values, &options, NULL);

    assert_labels (equal, equal_labels);
  }

  options.method = ATLAS_CLASSIFY_JENKS;
  options.n_classes = 7;
  options.title = "Active adults";
  {
    g_autoptr(AtlasChoropleth) jenks = atlas_choropleth_new_from_values (values, &options, NULL);
    guint n;

    atlas_choropleth_get_classes (jenks, &n);
    g_assert_cmpuint (n, ==, 7);
    g_assert_cmpstr (atlas_choropleth_get_title (jenks), ==, "Active adults");
  }
}

static void
test_categories (void)
{
  g_autoptr(AtlasAreaValues) values = load_values ("fingertips-hwe.csv");
  g_autoptr(AtlasAreaValues) names = load_values ("names-odd.csv");
  g_autoptr(AtlasChoropleth) choropleth = NULL;
  g_autoptr(GError) error = NULL;
  AtlasChoroplethOptions options;
  const char * const labels[] = { "Better", "Similar", "Worse", NULL };
  const AtlasDataClass *classes;
  guint32 okabe_ito[3];

  atlas_choropleth_options_init (&options);
  options.categorical = TRUE;
  choropleth = atlas_choropleth_new_from_values (values, &options, &error);
  g_assert_no_error (error);
  assert_labels (choropleth, labels);
  g_assert_true (atlas_choropleth_is_categorical (choropleth));
  classes = atlas_choropleth_get_classes (choropleth, NULL);
  g_assert_cmpuint (classes[0].n_districts, ==, 4);
  g_assert_cmpuint (classes[1].n_districts, ==, 6);
  g_assert_cmpuint (classes[2].n_districts, ==, 3);
  g_assert_true (isnan (classes[0].lower));
  atlas_palette_get_colours (atlas_palette_find ("okabe-ito"), 3, okabe_ito);
  g_assert_cmphex (classes[0].colour, ==, okabe_ito[0]);
  g_assert_cmpint (atlas_choropleth_get_class (choropleth,
                                               atlas_dataset_find_district (hwe, "harlow")),
                   ==, 2);

  g_assert_null (atlas_choropleth_new_from_values (names, &options, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS);
  g_assert_cmpstr (error->message, ==, "names-odd.csv has no comparison column (such as "
                   "“Compared to England”) to show");
}

static void
test_refused_options (void)
{
  g_autoptr(AtlasAreaValues) values = load_values ("fingertips-hwe.csv");
  g_autoptr(GError) error = NULL;
  AtlasChoroplethOptions options;

  atlas_choropleth_options_init (&options);
  options.palette = "rainbow";
  g_assert_null (atlas_choropleth_new_from_values (values, &options, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS);
  g_assert_cmpstr (error->message, ==, "no palette “rainbow”; the palettes are ylgnbu, blues, "
                   "purples, oranges, greens, ylorrd, viridis, rdbu, puor, brbg, okabe-ito");
  g_clear_error (&error);

  atlas_choropleth_options_init (&options);
  options.n_classes = 1;
  g_assert_null (atlas_choropleth_new_from_values (values, &options, &error));
  g_assert_cmpstr (error->message, ==, "1 classes asked for: from 2 to 7 can be shown");
}

static void
test_units_and_no_data (void)
{
  g_autoptr(AtlasAreaValues) regions = load_values ("with-regions.csv");
  g_autoptr(AtlasAreaValues) rates = load_values ("names-odd.csv");
  g_autoptr(AtlasChoropleth) percent = atlas_choropleth_new_from_values (regions, NULL, NULL);
  g_autoptr(AtlasChoropleth) per = atlas_choropleth_new_from_values (rates, NULL, NULL);
  g_autofree char *a = atlas_choropleth_format_value (percent, 24.5);
  g_autofree char *b = atlas_choropleth_format_value (per, 2.2);
  const AtlasDistrict *harlow = atlas_dataset_find_district (hwe, "harlow");
  const char * const labels[] = { "18.1%", "19.7%", "24.5%", NULL };

  g_assert_cmpstr (a, ==, "24.5%");
  g_assert_cmpstr (b, ==, "2.2 per 1,000");
  /* Three figures: a class each. Harlow's withheld figure and the districts without a row
   * have no data. */
  assert_labels (percent, labels);
  g_assert_cmpuint (atlas_choropleth_get_n_no_data (percent), ==, 10);
  g_assert_cmpint (atlas_choropleth_get_class (percent, harlow), ==, -1);
  g_assert_cmphex (atlas_choropleth_get_fill (percent, harlow, ATLAS_THEME_LIGHT), ==,
                   atlas_cartography_get_palette (ATLAS_THEME_LIGHT)->no_data);
}

static void
test_check_colours (void)
{
  g_autoptr(AtlasAreaValues) values = load_values ("fingertips-hwe.csv");
  AtlasColourConflict conflicts[ATLAS_VISION_N];
  AtlasChoroplethOptions options;

  atlas_choropleth_options_init (&options);
  {
    g_autoptr(AtlasChoropleth) ylgnbu = atlas_choropleth_new_from_values (values, &options, NULL);

    g_assert_cmpuint (atlas_choropleth_check_colours (ylgnbu, ATLAS_THEME_LIGHT, conflicts), ==,
                      0);
  }
  options.palette = "rdbu";
  {
    g_autoptr(AtlasChoropleth) rdbu = atlas_choropleth_new_from_values (values, &options, NULL);
    guint n = atlas_choropleth_check_colours (rdbu, ATLAS_THEME_LIGHT, conflicts);

    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (conflicts[0].vision, ==, ATLAS_VISION_GREYSCALE);
    g_assert_cmpuint (conflicts[0].first, ==, 1);
    g_assert_cmpuint (conflicts[0].second, ==, 3);
  }
}

static void
test_format_number (void)
{
  const struct { double value; int decimals; const char *text; } cases[] = {
    { 22.34, 1, "22.3" },
    { -0.01, 1, "0.0" },
    { 1e308, 1, "1.00e308" },
    { -1.7e308, 2, "-1.70e308" },
    { 12345678.9, 0, "12345679" },
    { NAN, 1, "–" },
    { INFINITY, 1, "–" },
    { 0.125, 3, "0.125" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_format_number (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  source_root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
  hwe = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);

  g_test_add_func ("/choropleth/bundled", test_bundled);
  g_test_add_func ("/choropleth/bundled-legend", test_bundled_legend);
  g_test_add_func ("/choropleth/equal-intervals", test_equal_intervals);
  g_test_add_func ("/choropleth/extremes", test_extremes);
  g_test_add_func ("/choropleth/many-values", test_many_values);
  g_test_add_func ("/choropleth/values", test_values);
  g_test_add_func ("/choropleth/methods", test_methods);
  g_test_add_func ("/choropleth/categories", test_categories);
  g_test_add_func ("/choropleth/refused-options", test_refused_options);
  g_test_add_func ("/choropleth/units-and-no-data", test_units_and_no_data);
  g_test_add_func ("/choropleth/check-colours", test_check_colours);
  g_test_add_func ("/choropleth/format-number", test_format_number);

  status = g_test_run ();
  g_object_unref (hwe);
  g_free (source_root);
  return status;
}
