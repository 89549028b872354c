/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A planner's own data, each figure beside its baseline measured in the same run:
 *  - a generated 10,000-row Fingertips download (27 columns, 250 areas over 40 periods) read,
 *    filtered, matched to the Hertfordshire and West Essex districts and classed (natural
 *    breaks), against libcsv parsing the same bytes with no callbacks;
 *  - a generated 10,000-row plain sheet (an area name and three numbers; every row's name is
 *    matched), the same way;
 *  - a bundled-style indicator of 200,000 figures made into a choropleth (classes computed
 *    once), against sorting its 200,000 figures.
 * All figures are generated (made up) here. Lines starting with "RESULT" are tab-separated
 * (figure, ours, baseline, ratio, target, met) for build-aux/bench.sh. */

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-choropleth.h"

#define ROWS 10000
#define LOAD_TARGET_MS 100.0

static int runs = 15;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs per figure (median)", "N" },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
print_result (const char *figure,
              double      ours,
              double      baseline,
              const char *target,
              gboolean    met)
{
  printf ("RESULT\t%s\t%.3f ms\t%.3f ms\t%.2f\t%s\t%s\n", figure, ours, baseline,
          baseline > 0 ? ours / baseline : 0.0, target, met ? "yes" : "NO");
  fflush (stdout);
}

/* 250 areas: the 13 districts by code and name, and made-up others; 40 periods. */
static GString *
make_fingertips (AtlasDataset *dataset)
{
  GString *csv = g_string_new ("Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,"
                               "Area Name,Area Type,Sex,Age,Category Type,Category,Time period,"
                               "Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 "
                               "limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent "
                               "Trend,Compared to England value or percentiles,Compared to "
                               "percentiles,Time period Sortable,New data,Compared to goal,"
                               "Time period range\r\n");
  const AtlasDistrict *districts;
  guint n_districts;
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);

  districts = atlas_dataset_get_districts (dataset, &n_districts);
  for (guint row = 0; row < ROWS; row++)
    {
      guint area = row % 250, period = row / 250;
      g_autofree char *code = area < n_districts ? g_strdup (districts[area].code)
                                                 : g_strdup_printf ("E0800%04u", area);
      g_autofree char *name = area < n_districts ? g_strdup (districts[area].name)
                                                 : g_strdup_printf ("Made-up area %u", area);
      double value = g_rand_double_range (rand, 40, 80);

      g_string_append_printf (csv, "90000,\"Made-up indicator, for the benchmark\",E10000015,"
                              "Hertfordshire,%s,%s,Districts & UAs (from Apr 2023),Persons,"
                              "19+ yrs,,,%u/%02u,%.1f,%.1f,%.1f,,,%u,%u,Made-up value,,%s,,"
                              "%u0000,,,1y\r\n", code, name, 1980 + period,
                              (81 + period) % 100, value, value - 2.5, value + 2.5,
                              g_rand_int_range (rand, 100, 900), 1000,
                              value > 60 ? "Better" : "Similar", 1980 + period);
    }
  return csv;
}

static GString *
make_plain (AtlasDataset *dataset)
{
  GString *csv = g_string_new ("Area,Rate (per 1,000),Count,Population\n");
  const AtlasDistrict *districts;
  guint n_districts;
  g_autoptr(GRand) rand = g_rand_new_with_seed (10000);

  districts = atlas_dataset_get_districts (dataset, &n_districts);
  for (guint row = 0; row < ROWS; row++)
    {
      g_autofree char *name = row < n_districts
                              ? g_strdup_printf ("%s Borough Council", districts[row].name)
                              : g_strdup_printf ("Made-up Place %u District", row);

      g_string_append_printf (csv, "%s,%.2f,%u,%u\n", name, g_rand_double_range (rand, 1, 9),
                              g_rand_int_range (rand, 10, 999), 100000 + row);
    }
  return csv;
}

static void
load_and_class (AtlasDataset *dataset,
                GString      *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasTable) table = atlas_table_parse (csv->str, csv->len, "bench.csv", &error);
  g_autoptr(AtlasAreaValues) values = NULL;
  g_autoptr(AtlasChoropleth) choropleth = NULL;
  AtlasChoroplethOptions options;

  if (table == NULL)
    g_error ("%s", error->message);
  values = atlas_area_values_new (table, dataset, NULL, &error);
  if (values == NULL)
    g_error ("%s", error->message);
  atlas_choropleth_options_init (&options);
  options.method = ATLAS_CLASSIFY_JENKS;
  choropleth = atlas_choropleth_new_from_values (values, &options, &error);
  if (choropleth == NULL)
    g_error ("%s", error->message);
}

static void
parse_only (GString *csv)
{
  struct csv_parser parser;

  csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI);
  if (csv_parse (&parser, csv->str, csv->len, NULL, NULL, NULL) != csv->len)
    g_error ("libcsv refused the generated file");
  csv_fini (&parser, NULL, NULL, NULL);
  csv_free (&parser);
}

static void
measure_load (const char   *figure,
              AtlasDataset *dataset,
              GString      *csv)
{
  g_autofree double *ours = g_new (double, runs);
  g_autofree double *base = g_new (double, runs);
  double o, b;

  for (int r = 0; r < runs; r++)
    {
      double t0 = now_ms ();

      load_and_class (dataset, csv);
      ours[r] = now_ms () - t0;
      t0 = now_ms ();
      parse_only (csv);
      base[r] = now_ms () - t0;
    }
  o = median (ours, runs);
  b = median (base, runs);
  print_result (figure, o, b, "< 100 ms", o < LOAD_TARGET_MS);
}

static void
measure_indicator (AtlasDataset *dataset)
{
  g_autofree double *ours = g_new (double, runs);
  g_autofree double *base = g_new (double, runs);
  g_autofree AtlasIndicatorValue *values = g_new (AtlasIndicatorValue, 200000);
  g_autofree double *figures = g_new (double, 200000);
  g_autofree const AtlasDistrict **lists = NULL;
  AtlasIndicator indicator = { .id = "many", .title = "Made-up figures", .unit = "%",
                               .period = "2024", .n_values = 200000, .values = values };
  const AtlasDistrict *districts;
  guint n_districts;
  g_autoptr(GRand) rand = g_rand_new_with_seed (200000);
  double o, b;

  districts = atlas_dataset_get_districts (dataset, &n_districts);
  lists = g_new (const AtlasDistrict *, n_districts);
  for (guint i = 0; i < n_districts; i++)
    lists[i] = &districts[i];
  for (guint i = 0; i < 200000; i++)
    values[i] = (AtlasIndicatorValue) { "Area", g_rand_double_range (rand, 0, 100), 1,
                                        &lists[i % n_districts] };

  for (int r = 0; r < runs; r++)
    {
      double t0 = now_ms ();
      g_autoptr(AtlasChoropleth) choropleth = atlas_choropleth_new_from_indicator (dataset,
                                                                                   &indicator);

      ours[r] = now_ms () - t0;
      for (guint i = 0; i < 200000; i++)
        figures[i] = values[i].value;
      t0 = now_ms ();
      qsort (figures, 200000, sizeof (double), compare_doubles);
      base[r] = now_ms () - t0;
    }
  o = median (ours, runs);
  b = median (base, runs);
  print_result ("choropleth of a 200,000-figure indicator (vs sorting the figures)", o, b,
                "<= 3x sort", o <= 3 * b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- own data figures");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) hwe = NULL;
  GString *fingertips, *plain;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  runs = MAX (runs, 1);
  hwe = atlas_dataset_load ("hwe", &error);
  if (hwe == NULL)
    g_error ("%s", error->message);

  fingertips = make_fingertips (hwe);
  plain = make_plain (hwe);
  printf ("generated: Fingertips-shaped %zu bytes, plain %zu bytes, %d rows each\n",
          fingertips->len, plain->len, ROWS);
  measure_load ("10,000-row Fingertips CSV: load, match, class (vs libcsv parse alone)", hwe,
                fingertips);
  measure_load ("10,000-row plain sheet: load, match every name, class (vs libcsv parse alone)",
                hwe, plain);
  measure_indicator (hwe);
  g_string_free (fingertips, TRUE);
  g_string_free (plain, TRUE);
  return 0;
}
