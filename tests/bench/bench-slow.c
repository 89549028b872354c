/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The slow set: valid (and a few invalid) datasets of pathological shape, written at run time
 * by tests/data/slow/generate.py, each measured beside a baseline in the same run:
 *  - load: atlas_dataset_load of the shape (read, parse, validate, boundaries) against our
 *    JSON reader alone reading and parsing the same files, in processor time (the machine is
 *    shared), alternated, median of --runs;
 *    keys built to collide under GLib's string hash also against the same system with
 *    ordinary keys;
 *  - classes: atlas_cartography_indicator_classes for an indicator of 200,000 values, against
 *    loading that dataset (reported only: the classes are computed once per indicator by
 *    later work, not here);
 *  - window (with --app, under a display): exec to "ready" and peak RSS of ics-atlas showing
 *    10,000 partnerships or a section of 200,000 items, against the default system;
 *  - pack (with --app): time per page and peak RSS of `ics-atlas --export-pack` for 1,001
 *    pages, against a pack of 101 pages.
 * Each figure has a budget; lines starting with "RESULT" are for build-aux/bench.sh, as in
 * bench-core and bench-app. Budgets are ratios to the baseline, so that a loaded machine slows
 * both sides alike. */

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "atlas-cartography.h"
#include "atlas-data-resources.h"
#include "atlas-dataset.h"
#include "atlas-json.h"

#define READY_TIMEOUT_S 120

static int runs = 3;
static char *data_dir = NULL;
static char *generator = NULL;
static char *app_path = NULL;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs per load figure (median)", "N" },
  { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "The generated slow set", "FOLDER" },
  { "generate", 'g', 0, G_OPTION_ARG_FILENAME, &generator,
    "Write the slow set with this script first (into a temporary folder without --data)",
    "SCRIPT" },
  { "app", 0, 0, G_OPTION_ARG_FILENAME, &app_path,
    "The ics-atlas program, for the window and pack figures", "PATH" },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* This process's processor time: the machine is shared, and a load or parse is one thread's
 * work, so its CPU time is the steadier measure. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
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
              double      budget,
              gboolean    measured)
{
  g_autofree char *target = budget > 0 ? g_strdup_printf ("<= %gx", budget)
                                       : g_strdup ("(reported)");
  double ratio = baseline > 0 ? ours / baseline : 0.0;

  printf ("RESULT\t%s\t%.1f %s\t%.1f %s\t%.2f\t%s\t%s\n", figure, ours, unit, baseline, unit,
          ratio, target, !measured ? "not measured" : budget <= 0 ? "-"
                                                   : ratio <= budget ? "yes" : "NO");
  fflush (stdout);
}

static char *
shape_path (const char *shape,
            const char *extension)
{
  return g_strdup_printf ("%s/%s.%s", data_dir, shape, extension);
}

/* Our reader alone on the dataset's bytes and its boundary file's, in CPU ms. */
static double
time_parse_once (const char *shape)
{
  g_autofree char *json = shape_path (shape, "json");
  g_autofree char *geojson = shape_path (shape, "geojson");
  double total = 0;

  for (const char **path = (const char *[]) { json, geojson, NULL }; *path != NULL; path++)
    {
      g_autofree char *text = NULL;
      gsize length;
      g_autoptr(AtlasJsonDocument) doc = NULL;
      double t0;

      if (!g_file_get_contents (*path, &text, &length, NULL))
        g_error ("cannot read %s", *path);
      /* The load reads its files too: the read is counted on both sides. */
      t0 = cpu_ms ();
      g_free (g_steal_pointer (&text));
      g_file_get_contents (*path, &text, &length, NULL);
      doc = atlas_json_document_parse (text, length, *path, NULL);
      total += cpu_ms () - t0;
    }
  return total;
}

/* atlas_dataset_load, in CPU ms; whether it loaded in *valid. */
static double
time_load_once (const char *shape,
                gboolean   *valid)
{
  g_autofree char *json = shape_path (shape, "json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  double t0 = cpu_ms (), ms;

  dataset = atlas_dataset_load (json, &error);
  ms = cpu_ms () - t0;
  *valid = dataset != NULL;
  return ms;
}

/* Medians of --runs, the two alternated. */
static void
time_shape (const char *shape,
            double     *load,
            double     *parse,
            gboolean   *valid)
{
  double loads[16], parses[16];

  for (int r = 0; r < runs; r++)
    {
      parses[r] = time_parse_once (shape);
      loads[r] = time_load_once (shape, valid);
    }
  *load = median (loads, runs);
  *parse = median (parses, runs);
}

static void
bench_loads (void)
{
  static const struct {
    const char *shape;
    const char *figure;
    double budget;   /* load against parsing the same bytes */
  } shapes[] = {
    { "ordinary-keys", "load 65,536 districts, ordinary keys", 6 },
    { "colliding-keys", "load 65,536 districts whose ids and codes collide in g_str_hash", 6 },
    { "colliding-members", "load 65,536 colliding member names (invalid)", 6 },
    { "districts-100k", "load 100,000 districts, an update and a partnership naming all", 6 },
    { "indicator-200k", "load an indicator of 200,000 values", 6 },
    { "section-200k", "load a section of 200,000 items", 6 },
    { "partnerships-10k", "load 10,000 partnerships", 6 },
    { "problems-1m", "load a file of 1.5 million problems (invalid)", 6 },
    /* O(n log n) against a linear parse: the ratio grows with log n; its budget is the growth
     * figure below. */
    { "comb-100k", "load a ring of 100,000 edges all overlapping in longitude", 0 },
    { "ring-1m", "load a ring of 1,000,000 positions", 6 },
  };
  double ordinary = 0;

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *figure = g_strdup_printf ("%s (vs our JSON reader alone, same bytes)",
                                                 shapes[i].figure);
      gboolean valid = FALSE;
      double parse, load;

      time_shape (shapes[i].shape, &load, &parse, &valid);
      printf ("%s: load %.1f CPU ms (%s), parse %.1f CPU ms\n", shapes[i].shape, load,
              valid ? "valid" : "refused", parse);
      print_result (figure, "CPU ms", load, parse, shapes[i].budget, TRUE);
      if (i == 0)
        ordinary = load;
      else if (i == 1)
        print_result ("load 65,536 districts, colliding keys (vs ordinary keys)", "CPU ms", load,
                      ordinary, 2, TRUE);
      else if (g_str_equal (shapes[i].shape, "comb-100k"))
        {
          double small, small_parse;
          gboolean small_valid;

          /* Ten times the edges: n log n costs about 12.5 times as much, n² a hundred; the
           * budget sits between, with room for the noise of a shared machine. */
          time_shape ("comb-10k", &small, &small_parse, &small_valid);
          print_result ("growth: load a zigzag ring of 100,000 edges (vs 10,000 edges)", "CPU ms",
                        load, small, 25, TRUE);
        }
    }
}

static void
bench_classes (void)
{
  g_autofree char *json = shape_path ("indicator-200k", "json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  AtlasCartographyClass classes[ATLAS_CARTOGRAPHY_MAX_CLASSES];
  gboolean valid;
  double load, t0, ms;

  load = time_load_once ("indicator-200k", &valid);
  dataset = atlas_dataset_load (json, &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  t0 = cpu_ms ();
  atlas_cartography_indicator_classes (&atlas_dataset_get_indicators (dataset, NULL)[0], classes);
  ms = cpu_ms () - t0;
  print_result ("classes of an indicator of 200,000 values, once (vs loading it)", "CPU ms", ms,
                load, 0, TRUE);
}

/* Peak RSS of a child, from wait4. */
typedef struct {
  gboolean ready;
  double ms;
  double rss_mb;
} Run;

static Run
run_window (const char *dataset)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { app_path, "--dataset", dataset, NULL };
  Run run = { FALSE, 0, 0 };
  g_autoptr(GIOChannel) channel = NULL;
  struct rusage usage;
  GPid pid;
  int out_fd, status;
  double t0 = now_ms ();

  env = g_environ_setenv (env, "ICS_ATLAS_REPORT_READY", "1", TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s", error->message);
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  for (;;)
    {
      g_autofree char *line = NULL;

      if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
        break;
      if (g_str_has_prefix (line, "ready "))
        {
          run.ready = TRUE;
          run.ms = now_ms () - t0;
          break;
        }
      if (now_ms () - t0 > READY_TIMEOUT_S * 1000.0)
        break;
    }
  kill (pid, SIGTERM);
  if (wait4 (pid, &status, 0, &usage) > 0)
    run.rss_mb = usage.ru_maxrss / 1024.0;
  g_spawn_close_pid (pid);
  return run;
}

static void
bench_window (void)
{
  static const struct {
    const char *shape;
    const char *figure;
  } shapes[] = {
    { "partnerships-10k", "10,000 partnerships" },
    { "section-200k", "a section of 200,000 items" },
  };
  Run base = run_window ("hwe");

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *json = shape_path (shapes[i].shape, "json");
      g_autofree char *time_figure = g_strdup_printf ("window: start-up to complete map, %s "
                                                      "(vs the default system)",
                                                      shapes[i].figure);
      g_autofree char *rss_figure = g_strdup_printf ("window: peak RSS at ready, %s (vs the "
                                                     "default system)", shapes[i].figure);
      Run run = run_window (json);

      print_result (time_figure, "ms", run.ms, base.ms, 3, run.ready && base.ready);
      print_result (rss_figure, "MB", run.rss_mb, base.rss_mb, 2, run.ready && base.ready);
    }
}

static gboolean
run_pack (const char *dataset,
          const char *folder,
          double     *ms,
          double     *rss_mb)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { app_path, "--dataset", dataset, "--export-pack", folder, "--by",
                         "partnership", NULL };
  struct rusage usage;
  GPid pid;
  int status;
  double t0 = now_ms ();

  if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD
                      | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                      &pid, &error))
    g_error ("%s", error->message);
  if (wait4 (pid, &status, 0, &usage) < 0)
    return FALSE;
  *ms = now_ms () - t0;
  *rss_mb = usage.ru_maxrss / 1024.0;
  g_spawn_close_pid (pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
bench_pack (void)
{
  g_autofree char *small = g_build_filename (data_dir, "pack-small", NULL);
  g_autofree char *large = g_build_filename (data_dir, "pack-large", NULL);
  g_autofree char *small_json = shape_path ("pack-100", "json");
  g_autofree char *large_json = shape_path ("pack-1000", "json");
  double small_ms, small_rss, large_ms, large_rss;
  gboolean ok;

  ok = run_pack (small_json, small, &small_ms, &small_rss);
  ok &= run_pack (large_json, large, &large_ms, &large_rss);
  remove_folder (small);
  remove_folder (large);
  printf ("pack: 101 pages %.0f ms %.1f MB, 1,001 pages %.0f ms %.1f MB\n", small_ms, small_rss,
          large_ms, large_rss);
  /* Pages stream to disk: ten times the pages, about the same memory and time per page. */
  print_result ("pack of 1,001 pages: peak RSS (vs a pack of 101 pages)", "MB", large_rss,
                small_rss, 1.5, ok);
  print_result ("pack of 1,001 pages: time per page (vs a pack of 101 pages)", "ms",
                large_ms / 1001, small_ms / 101, 1.5, ok);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- the slow set against its "
                                                            "baselines");
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  runs = CLAMP (runs, 1, 16);
  (void) atlas_data_get_resource ();

  if (data_dir == NULL)
    {
      if (generator == NULL)
        g_error ("give --data FOLDER or --generate SCRIPT");
      data_dir = made = g_dir_make_tmp ("atlas-slow-XXXXXX", &error);
      if (made == NULL)
        g_error ("%s", error->message);
    }
  if (generator != NULL)
    {
      const char *gen_argv[] = { "python3", generator, data_dir, NULL };
      int status;

      printf ("writing the slow set into %s\n", data_dir);
      fflush (stdout);
      if (!g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                         NULL, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("%s", error->message);
    }

  bench_loads ();
  bench_classes ();
  if (app_path != NULL)
    {
      if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
        bench_window ();
      else
        printf ("window figures skipped: no display\n");
      bench_pack ();
    }

  if (made != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (made, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (made, name, NULL);

          g_unlink (child);
        }
      g_rmdir (made);
    }
  return 0;
}
