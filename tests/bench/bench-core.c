/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Load, hit-test and growth figures, each beside its baseline measured in the same run:
 *  - load: atlas_dataset_load of each bundled system (parse and validate, with boundaries)
 *    against json_parser_load_from_data of the same bytes;
 *  - hit-test: atlas_dataset_locate over random points against atlas_dataset_locate_brute,
 *    with every answer compared;
 *  - growth: the same for a synthetic system of 1,000 districts and 5,000 sites cut from the
 *    GB boundaries (see bench-synthetic.c), against the default system, reported: loading is
 *    linear in the bytes, and the national system (bench-national.c) is what has targets;
 *  - national: the same for every GB district (bench-national.c), reported.
 *
 * Lines starting with "RESULT" are tab-separated (figure, ours, baseline, ratio, target, met)
 * for build-aux/bench.sh. With --once WHAT ID the program does one measured step in
 * bench_measured() and exits, for instruction counts under callgrind. */

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "atlas-data-resources.h"
#include "atlas-dataset.h"
#include "bench-national.h"
#include "bench-synthetic.h"

#define RESOURCE_DATA "/io/github/icsatlas/IcsAtlas/data"
#define HIT_TARGET_US 20.0

typedef struct {
  char *id;                /* what atlas_dataset_load takes */
  GBytes *dataset_bytes;
  GBytes *boundary_bytes;
} Input;

typedef enum {
  STEP_LOAD,
  STEP_JSON,
  STEP_LOCATE,
  STEP_BRUTE,
} Step;

static int runs = 15;
static int n_points = 100000;
static char *topo_path = NULL;
static char **once = NULL;
static char *write_folder = NULL;
static char *national_folder = NULL;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs per load figure (median)", "N" },
  { "points", 'p', 0, G_OPTION_ARG_INT, &n_points, "Random points for the hit-test", "N" },
  { "topo", 't', 0, G_OPTION_ARG_FILENAME, &topo_path,
    "GB TopoJSON for the synthetic system (no growth figures without it)", "FILE" },
  { "write-synthetic", 0, 0, G_OPTION_ARG_FILENAME, &write_folder,
    "Only write the synthetic system (needs --topo) into a folder, print its path and exit",
    "FOLDER" },
  { "write-national", 0, 0, G_OPTION_ARG_FILENAME, &national_folder,
    "Only write the national system (needs --topo) into a folder, print its partnerships and "
    "its path and exit", "FOLDER" },
  { "once", 0, 0, G_OPTION_ARG_STRING_ARRAY, &once,
    "Run one step (load, json, locate, brute) on a dataset for callgrind: --once STEP --once ID",
    "ARG" },
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

  return x < y ? -1 : x > y;
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
              const char *unit,
              double      ours,
              double      baseline,
              const char *target,
              gboolean    met)
{
  printf ("RESULT\t%s\t%.3f %s\t%.3f %s\t%.2f\t%s\t%s\n", figure, ours, unit, baseline, unit,
          baseline > 0 ? ours / baseline : 0.0, target,
          g_str_equal (target, "(reported)") ? "-" : met ? "yes" : "NO");
  fflush (stdout);
}

static void
input_free (Input *input)
{
  g_free (input->id);
  g_clear_pointer (&input->dataset_bytes, g_bytes_unref);
  g_clear_pointer (&input->boundary_bytes, g_bytes_unref);
  g_free (input);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Input, input_free)

/* The boundary file a dataset names, read with json-glib (outside any timing). */
static char *
get_boundary_file (GBytes *dataset_bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *boundaries;
  gsize size;
  const char *data = g_bytes_get_data (dataset_bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  boundaries = json_object_get_object_member (root, "boundaries");
  return g_strdup (json_object_get_string_member (boundaries, "file"));
}

static Input *
input_new (const char *id_or_path)
{
  g_autoptr(Input) input = g_new0 (Input, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *boundary = NULL;
  gboolean bundled = g_strv_contains (atlas_dataset_bundled_ids (), id_or_path);

  input->id = g_strdup (id_or_path);
  if (bundled)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_DATA "/%s/%s.json", id_or_path,
                                               id_or_path);

      input->dataset_bytes = g_resources_lookup_data (path, 0, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (id_or_path);

      input->dataset_bytes = g_file_load_bytes (file, NULL, NULL, &error);
    }
  if (input->dataset_bytes == NULL)
    g_error ("%s: %s", id_or_path, error->message);

  boundary = get_boundary_file (input->dataset_bytes);
  if (boundary == NULL)
    g_error ("%s: no boundary file", id_or_path);
  if (bundled)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_DATA "/%s/%s", id_or_path, boundary);

      input->boundary_bytes = g_resources_lookup_data (path, 0, &error);
    }
  else
    {
      g_autofree char *folder = g_path_get_dirname (id_or_path);
      g_autofree char *path = g_build_filename (folder, boundary, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      input->boundary_bytes = g_file_load_bytes (file, NULL, NULL, &error);
    }
  if (input->boundary_bytes == NULL)
    g_error ("%s: %s", boundary, error->message);
  return g_steal_pointer (&input);
}

static AtlasDataset *
load_dataset (const char *id)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load (id, &error);

  if (dataset == NULL)
    g_error ("%s", error->message);
  return dataset;
}

static void
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, NULL))
    g_error ("json-glib rejected the input");
}

/* Random points over the dataset's box, widened by a tenth so that some fall outside. */
static AtlasPoint *
make_points (AtlasDataset *dataset,
             int           n)
{
  const AtlasBBox *bbox = atlas_dataset_get_bbox (dataset);
  double dx = (bbox->max_x - bbox->min_x) * 0.05, dy = (bbox->max_y - bbox->min_y) * 0.05;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  AtlasPoint *points = g_new (AtlasPoint, n);

  for (int i = 0; i < n; i++)
    {
      points[i].x = g_rand_double_range (rand, bbox->min_x - dx, bbox->max_x + dx);
      points[i].y = g_rand_double_range (rand, bbox->min_y - dy, bbox->max_y + dy);
    }
  return points;
}

static void
locate_all (AtlasDataset          *dataset,
            const AtlasPoint      *points,
            int                    n,
            gboolean               brute,
            const AtlasDistrict  **answers)
{
  for (int i = 0; i < n; i++)
    answers[i] = brute ? atlas_dataset_locate_brute (dataset, points[i].y, points[i].x)
                       : atlas_dataset_locate (dataset, points[i].y, points[i].x);
}

/* The one step callgrind counts (--toggle-collect=bench_measured). */
G_GNUC_NO_INLINE static void
bench_measured (Step          step,
                Input        *input,
                AtlasDataset *dataset,
                AtlasPoint   *points,
                const AtlasDistrict **answers)
{
  switch (step)
    {
    case STEP_LOAD:
      g_object_unref (load_dataset (input->id));
      break;
    case STEP_JSON:
      parse_json (input->dataset_bytes);
      parse_json (input->boundary_bytes);
      break;
    case STEP_LOCATE:
    case STEP_BRUTE:
      locate_all (dataset, points, n_points, step == STEP_BRUTE, answers);
      break;
    }
}

static int
run_once (const char *what,
          const char *id)
{
  static const char * const steps[] = { "load", "json", "locate", "brute", NULL };
  g_autoptr(Input) input = input_new (id);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree AtlasPoint *points = NULL;
  g_autofree const AtlasDistrict **answers = NULL;
  int step = -1;

  for (int i = 0; steps[i] != NULL; i++)
    if (g_str_equal (steps[i], what))
      step = i;
  if (step < 0)
    {
      fprintf (stderr, "--once: unknown step %s\n", what);
      return 2;
    }
  if (step == STEP_LOCATE || step == STEP_BRUTE)
    {
      dataset = load_dataset (id);
      points = make_points (dataset, n_points);
      answers = g_new (const AtlasDistrict *, n_points);
    }
  bench_measured (step, input, dataset, points, answers);
  return 0;
}

/* Median load time of the dataset, and of the JSON baseline, in ms. */
static void
measure_load (Input  *input,
              int     n_runs,
              double *load_ms,
              double *json_ms)
{
  g_autofree double *load = g_new (double, n_runs);
  g_autofree double *json = g_new (double, n_runs);

  /* One untimed round of each first: page faults, lazily initialised types. */
  g_object_unref (load_dataset (input->id));
  parse_json (input->dataset_bytes);

  /* Alternated, so that both see the same machine. */
  for (int r = 0; r < n_runs; r++)
    {
      double t0 = now_ms ();
      AtlasDataset *dataset = load_dataset (input->id);

      load[r] = now_ms () - t0;
      g_object_unref (dataset);

      t0 = now_ms ();
      parse_json (input->dataset_bytes);
      parse_json (input->boundary_bytes);
      json[r] = now_ms () - t0;
    }
  *load_ms = median (load, n_runs);
  *json_ms = median (json, n_runs);
}

/* Mean µs per lookup through the index and by brute force; FALSE if any answer differs. */
static gboolean
measure_hit_test (AtlasDataset *dataset,
                  double       *index_us,
                  double       *brute_us,
                  guint        *n_inside)
{
  g_autofree AtlasPoint *points = make_points (dataset, n_points);
  g_autofree const AtlasDistrict **fast = g_new (const AtlasDistrict *, n_points);
  g_autofree const AtlasDistrict **slow = g_new (const AtlasDistrict *, n_points);
  double t0;
  guint mismatches = 0;

  t0 = now_ms ();
  locate_all (dataset, points, n_points, FALSE, fast);
  *index_us = (now_ms () - t0) * 1000.0 / n_points;
  t0 = now_ms ();
  locate_all (dataset, points, n_points, TRUE, slow);
  *brute_us = (now_ms () - t0) * 1000.0 / n_points;

  *n_inside = 0;
  for (int i = 0; i < n_points; i++)
    {
      if (fast[i] != slow[i])
        {
          if (mismatches++ < 5)
            fprintf (stderr, "hit-test: (%.6f, %.6f): index says %s, brute force %s\n",
                     points[i].y, points[i].x, fast[i] ? fast[i]->id : "none",
                     slow[i] ? slow[i]->id : "none");
        }
      if (slow[i] != NULL)
        (*n_inside)++;
    }
  return mismatches == 0;
}

static void
report_system (const char *label,
               const char *id,
               int         n_runs,
               gboolean    is_default,
               double     *load_out,
               double     *hit_out)
{
  g_autoptr(Input) input = input_new (id);
  g_autoptr(AtlasDataset) dataset = load_dataset (id);
  g_autofree char *figure = NULL;
  double load_ms, json_ms, index_us, brute_us;
  guint n_districts, n_sites, inside;
  gboolean same;

  atlas_dataset_get_districts (dataset, &n_districts);
  atlas_dataset_get_sites (dataset, &n_sites);
  printf ("%s: %u districts, %u sites, %zu + %zu bytes\n", label, n_districts, n_sites,
          g_bytes_get_size (input->dataset_bytes), g_bytes_get_size (input->boundary_bytes));

  measure_load (input, n_runs, &load_ms, &json_ms);
  figure = g_strdup_printf ("load %s (vs json-glib parse)", label);
  if (is_default)
    print_result (figure, "ms", load_ms, json_ms, "<= 2x and <= 30 ms",
                  load_ms <= 2 * json_ms && load_ms <= 30);
  else
    print_result (figure, "ms", load_ms, json_ms, "-", TRUE);

  same = measure_hit_test (dataset, &index_us, &brute_us, &inside);
  g_free (figure);
  figure = g_strdup_printf ("hit-test %s, %d points, %u inside (vs brute force)", label,
                            n_points, inside);
  print_result (figure, "us", index_us, brute_us,
                same ? "<= 20 us, same answers" : "<= 20 us, same answers (DIFFERENT)",
                same && index_us <= HIT_TARGET_US);
  if (load_out)
    *load_out = load_ms;
  if (hit_out)
    *hit_out = index_us;
}

static void
report_growth (double default_load_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("atlas-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  double t0 = now_ms (), load_ms, hit_us;

  if (folder == NULL)
    g_error ("%s", error->message);
  path = bench_synthetic_write (topo_path, folder, 1000, 5000, 20240601, &error);
  if (path == NULL)
    g_error ("%s", error->message);
  printf ("synthetic system written to %s in %.0f ms\n", folder, now_ms () - t0);

  report_system ("synthetic-1000", path, MAX (3, runs / 3), FALSE, &load_ms, &hit_us);
  /* Loading is linear in the bytes (7.2 MB against 0.13 MB): no target on this ratio. */
  print_result ("growth: load 1,000 districts (vs default, 13)", "ms", load_ms,
                default_load_ms, "(reported)", TRUE);

  if (g_getenv ("BENCH_KEEP_SYNTHETIC") == NULL)
    {
      g_autofree char *boundary = g_build_filename (folder, "synthetic-districts.geojson", NULL);

      g_unlink (path);
      g_unlink (boundary);
      g_rmdir (folder);
    }
  else
    printf ("kept %s\n", path);
}

static void
report_national (double default_load_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("atlas-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *boundary = NULL;
  double load_ms;

  if (folder == NULL)
    g_error ("%s", error->message);
  path = bench_national_write (topo_path, folder, NULL, &error);
  if (path == NULL)
    g_error ("%s", error->message);
  report_system ("national", path, MAX (3, runs / 3), FALSE, &load_ms, NULL);
  print_result ("national: load every GB district (vs default, 13)", "ms", load_ms,
                default_load_ms, "(reported)", TRUE);
  boundary = g_build_filename (folder, "national-districts.geojson", NULL);
  g_unlink (path);
  g_unlink (boundary);
  g_rmdir (folder);
}

static int
write_national (void)
{
  g_autoptr(GString) groups = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (topo_path == NULL)
    {
      fprintf (stderr, "--write-national needs --topo\n");
      return 2;
    }
  path = bench_national_write (topo_path, national_folder, groups, &error);
  if (path == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%s%s\n", groups->str, path);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- load, hit-test and growth figures");
  g_autoptr(GError) error = NULL;
  const char * const *ids;
  double default_load_ms = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  (void) atlas_data_get_resource ();
  runs = MAX (runs, 1);
  n_points = MAX (n_points, 1);

  if (once != NULL)
    {
      if (g_strv_length (once) != 2)
        {
          fprintf (stderr, "--once takes a step and a dataset: --once load --once hwe\n");
          return 2;
        }
      return run_once (once[0], once[1]);
    }

  if (national_folder != NULL)
    return write_national ();
  if (write_folder != NULL)
    {
      g_autofree char *path = NULL;

      if (topo_path == NULL)
        {
          fprintf (stderr, "--write-synthetic needs --topo\n");
          return 2;
        }
      path = bench_synthetic_write (topo_path, write_folder, 1000, 5000, 20240601, &error);
      if (path == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("%s\n", path);
      return 0;
    }

  ids = atlas_dataset_bundled_ids ();
  for (guint i = 0; ids[i] != NULL; i++)
    report_system (ids[i], ids[i], runs, i == 0, i == 0 ? &default_load_ms : NULL, NULL);

  if (topo_path != NULL && g_file_test (topo_path, G_FILE_TEST_IS_REGULAR))
    {
      report_growth (default_load_ms);
      report_national (default_load_ms);
    }
  else
    printf ("growth figures skipped: no GB TopoJSON (--topo %s)\n",
            topo_path != NULL ? topo_path : "not given");
  return 0;
}
