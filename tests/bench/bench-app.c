/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Start-up, frame, memory and export figures of the built ics-atlas, each beside a baseline
 * run alternately with it on the same display:
 *  - start-up: exec to "ready" (every visible tile and the districts painted) against the
 *    first frame of bench-empty-window, with GSK_RENDERER=cairo and gl, median of --runs;
 *    and the same seen from outside by bench-observer (bench-observed.c);
 *  - frames and memory: ICS_ATLAS_BENCH_PAN=SECONDS makes both programs pan and zoom (the
 *    empty window just redraws) and print frame intervals and peak RSS;
 *  - points: the same panning with a planner's layer of --points N made-up points (50,000 by
 *    default) against the map without them, in the same run;
 *  - export: the headless command line (--export, --export-pack) against `--version`;
 *  - national: with --national-dataset (every GB district, bench-national.c), its start-up
 *    against the default system's, alternated, its frames while panning, and its slide export
 *    against `--version`.
 * Start-up time is taken here, from just before the spawn to the moment the "ready" line
 * arrives, so both programs are timed by the same clock; their own reports are printed too.
 * Lines starting with "RESULT" are for build-aux/bench.sh, as in bench-core. */

#include <glib.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-app.h"

#define READY_TIMEOUT_MS 60000
#define FRAME_TARGET_MS 16.7
#define RSS_TARGET_KB (40 * 1024)
#define POINTS_TARGET 1.2
#define NATIONAL_STARTUP_TARGET 1.5
#define NATIONAL_EXPORT_TARGET_MS 1000

typedef struct {
  gboolean ready;
  double wall_ms;          /* spawn to the "ready" line */
  double own_ms;           /* what the program reported */
  double rss_ready_kb;
  gboolean has_frames;
  guint n_frames;
  double p50_ms;
  double p95_ms;
  double work_p95_ms;      /* main-thread time per frame, when the program reports it */
  double rss_pan_kb;
} Run;

static char *app_path = NULL;
static char *empty_path = NULL;
static char *observer_path = NULL;
static char *growth_dataset = NULL;
static char *national_dataset = NULL;
static char *renderers = NULL;
static int runs = 5;
static int n_points = 50000;
static double pan_seconds = 3;
static gboolean skip_startup, skip_frames, skip_export;

static const GOptionEntry entries[] = {
  { "app", 0, 0, G_OPTION_ARG_FILENAME, &app_path, "The ics-atlas program", "PATH" },
  { "empty", 0, 0, G_OPTION_ARG_FILENAME, &empty_path, "The bench-empty-window program", "PATH" },
  { "observer", 0, 0, G_OPTION_ARG_FILENAME, &observer_path,
    "The bench-observer program; default the one beside this program", "PATH" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs per figure (median); default 5", "N" },
  { "renderers", 0, 0, G_OPTION_ARG_STRING, &renderers, "GSK renderers (default: GSK_RENDERER unset); default cairo,gl,default",
    "LIST" },
  { "pan", 0, 0, G_OPTION_ARG_DOUBLE, &pan_seconds, "Seconds of panning; default 3", "S" },
  { "growth-dataset", 0, 0, G_OPTION_ARG_FILENAME, &growth_dataset,
    "Also the frame figures for this dataset (the synthetic system of bench-core)", "FILE" },
  { "national-dataset", 0, 0, G_OPTION_ARG_FILENAME, &national_dataset,
    "Also the national figures for this dataset (every GB district, bench-core "
    "--write-national)", "FILE" },
  { "points", 0, 0, G_OPTION_ARG_INT, &n_points,
    "Made-up points of the point layer panned over (0: none); default 50000", "N" },
  { "skip-startup", 0, 0, G_OPTION_ARG_NONE, &skip_startup, "No start-up figures", NULL },
  { "skip-frames", 0, 0, G_OPTION_ARG_NONE, &skip_frames, "No frame and memory figures", NULL },
  { "skip-export", 0, 0, G_OPTION_ARG_NONE, &skip_export, "No export figures", NULL },
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

double
median (GArray *values)
{
  guint n = values->len;
  double *v = (double *) values->data;

  if (n == 0)
    return 0;
  qsort (v, n, sizeof (double), compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void
print_result (const char *figure,
              const char *unit,
              double      ours,
              double      baseline,
              const char *target,
              const char *met)
{
  printf ("RESULT\t%s\t%.1f %s\t%.1f %s\t%.2f\t%s\t%s\n", figure, ours, unit, baseline, unit,
          baseline > 0 ? ours / baseline : 0.0, target, met);
  fflush (stdout);
}

char **
bench_environ_set_renderer (char       **env,
                            const char  *renderer)
{
  if (g_str_equal (renderer, "default"))
    return g_environ_unsetenv (env, "GSK_RENDERER");
  return g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE);
}

gboolean
bench_renderer_judged (const char *renderer)
{
  return !g_str_equal (renderer, "gl");
}

/* Peak resident set size of a running process, in kB; 0 when it cannot be read. */
static double
read_peak_rss (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL);
}

static gboolean
handle_line (const char *line,
             GPid        pid,
             double      t0,
             double      pan,
             Run        *run)
{
  if (g_str_has_prefix (line, "ready "))
    {
      run->ready = TRUE;
      run->wall_ms = now_ms () - t0;
      run->own_ms = g_ascii_strtod (line + 6, NULL);
      run->rss_ready_kb = read_peak_rss (pid);
      return pan <= 0;
    }
  if (g_str_has_prefix (line, "rss-ready "))
    run->rss_ready_kb = MAX (run->rss_ready_kb, g_ascii_strtod (line + 10, NULL));
  else if (g_str_has_prefix (line, "frames "))
    {
      const char *work = strstr (line, "work-p95 ");

      run->has_frames = sscanf (line, "frames %u p50 %lf p95 %lf", &run->n_frames, &run->p50_ms,
                                &run->p95_ms) == 3;
      if (work != NULL)
        run->work_p95_ms = g_ascii_strtod (work + strlen ("work-p95 "), NULL);
      run->rss_pan_kb = read_peak_rss (pid);
    }
  else if (g_str_has_prefix (line, "rss-pan "))
    {
      run->rss_pan_kb = MAX (run->rss_pan_kb, g_ascii_strtod (line + 8, NULL));
      return TRUE;
    }
  return FALSE;
}

/* Runs a program until it has said what is asked for (ready; with pan, its frames and
 * memory too), then ends it. */
static Run
run_program (const char * const *argv,
             const char         *renderer,
             double              pan)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autofree char *pan_text = g_strdup_printf ("%g", pan);
  Run run = { 0 };
  GPid pid;
  int out_fd, status;
  double t0, deadline;
  gboolean done = FALSE;

  env = bench_environ_set_renderer (env, renderer);
  env = g_environ_setenv (env, "ICS_ATLAS_REPORT_READY", "1", TRUE);
  if (pan > 0)
    env = g_environ_setenv (env, "ICS_ATLAS_BENCH_PAN", pan_text, TRUE);
  else
    env = g_environ_unsetenv (env, "ICS_ATLAS_BENCH_PAN");

  t0 = now_ms ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      fprintf (stderr, "bench-app: %s: %s\n", argv[0], error->message);
      return run;
    }
  deadline = t0 + READY_TIMEOUT_MS + pan * 1000;

  while (!done)
    {
      struct pollfd fd = { out_fd, POLLIN, 0 };
      char buffer[4096];
      char *newline;
      ssize_t n;
      double left = deadline - now_ms ();

      if (left <= 0 || poll (&fd, 1, (int) left) <= 0)
        break;
      n = read (out_fd, buffer, sizeof buffer);
      if (n <= 0)
        break;
      g_string_append_len (pending, buffer, n);
      while (!done && (newline = strchr (pending->str, '\n')) != NULL)
        {
          *newline = '\0';
          done = handle_line (pending->str, pid, t0, pan, &run);
          g_string_erase (pending, 0, newline - pending->str + 1);
        }
    }

  kill (pid, SIGTERM);
  if (waitpid (pid, &status, 0) < 0)
    perror ("bench-app: waitpid");
  g_spawn_close_pid (pid);
  close (out_fd);
  if (!run.ready)
    fprintf (stderr, "bench-app: %s never reported ready (GSK_RENDERER=%s)\n", argv[0],
             renderer);
  return run;
}

static void
bench_startup (const char * const *app_argv,
               const char * const *empty_argv,
               const char         *renderer)
{
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_own = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_own = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) adw = g_array_new (FALSE, FALSE, sizeof (double));
  const char *adw_argv[] = { empty_argv[0], "--adwaita", NULL };
  g_autofree char *figure = g_strdup_printf ("start-up to complete map, %s (vs empty GTK4 "
                                             "window's first frame)", renderer);
  gboolean judged = bench_renderer_judged (renderer);
  double a, e;

  /* Alternated, so that all see the same load on the machine. */
  for (int i = 0; i < runs; i++)
    {
      Run r = run_program (adw_argv, renderer, 0);

      if (r.ready)
        g_array_append_val (adw, r.wall_ms);
      r = run_program (empty_argv, renderer, 0);

      if (r.ready)
        {
          g_array_append_val (empty, r.wall_ms);
          g_array_append_val (empty_own, r.own_ms);
          g_array_append_val (empty_rss, r.rss_ready_kb);
        }
      r = run_program (app_argv, renderer, 0);
      if (r.ready)
        {
          g_array_append_val (app, r.wall_ms);
          g_array_append_val (app_own, r.own_ms);
          g_array_append_val (app_rss, r.rss_ready_kb);
        }
    }
  if (app->len == 0 || empty->len == 0)
    {
      print_result (figure, "ms", 0, 0, judged ? "<= 1.4x" : "(reported)", "not measured");
      return;
    }
  a = median (app), e = median (empty);
  printf ("start-up %s: app %.0f ms (own report %.0f), empty window %.0f ms (own report %.0f), "
          "%u and %u runs\n", renderer, a, median (app_own), e, median (empty_own), app->len,
          empty->len);
  print_result (figure, "ms", a, e, judged ? "<= 1.4x" : "(reported)",
                judged ? (a <= STARTUP_TARGET * e ? "yes" : "NO") : "-");

  /* How much of that is the toolkit: the same empty window with libadwaita initialised (its
   * style sheet), and the app against it. */
  if (adw->len > 0)
    {
      double w = median (adw);

      g_free (figure);
      figure = g_strdup_printf ("start-up of an empty libadwaita window, %s (vs empty GTK4 "
                                "window's first frame)", renderer);
      print_result (figure, "ms", w, e, "(reported)", "-");
      g_free (figure);
      figure = g_strdup_printf ("start-up to complete map, %s (vs empty libadwaita window's "
                                "first frame)", renderer);
      print_result (figure, "ms", a, w, "(reported)", "-");
    }

  g_free (figure);
  figure = g_strdup_printf ("peak RSS after start-up, %s (vs empty window)", renderer);
  a = median (app_rss) / 1024, e = median (empty_rss) / 1024;
  print_result (figure, "MB", a, e, "<= empty + 40 MB",
                judged ? (a - e <= RSS_TARGET_KB / 1024.0 ? "yes" : "NO") : "-");
}

static gboolean
bench_pan (const char * const *argv,
           const char         *renderer,
           Run                *out)
{
  g_autoptr(GArray) p95 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) p50 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_frames = 0;

  /* Fewer runs than start-up: each takes the panning time. */
  for (int i = 0; i < MAX (1, runs / 2); i++)
    {
      Run r = run_program (argv, renderer, pan_seconds);

      if (!r.has_frames)
        continue;
      g_array_append_val (p95, r.p95_ms);
      g_array_append_val (p50, r.p50_ms);
      g_array_append_val (work, r.work_p95_ms);
      g_array_append_val (rss, r.rss_pan_kb);
      n_frames = r.n_frames;
    }
  if (p95->len == 0)
    return FALSE;
  out->p95_ms = median (p95);
  out->p50_ms = median (p50);
  out->work_p95_ms = median (work);
  out->rss_pan_kb = median (rss);
  out->n_frames = n_frames;
  return TRUE;
}

static void
bench_frames (const char * const *app_argv,
              const char * const *empty_argv,
              const char * const *growth_argv,
              const char         *renderer,
              Run                *app_out)
{
  g_autofree char *figure = g_strdup_printf ("frame p95 while panning and zooming %gs, %s "
                                             "(vs empty window redrawing)", pan_seconds,
                                             renderer);
  gboolean judged = bench_renderer_judged (renderer);
  Run app = { 0 }, empty = { 0 }, growth = { 0 };

  if (!bench_pan (empty_argv, renderer, &empty))
    fprintf (stderr, "bench-app: the empty window gave no frame times\n");
  if (!bench_pan (app_argv, renderer, &app))
    {
      print_result (figure, "ms", 0, empty.p95_ms, "<= 16.7 ms",
                    "not measured (no ICS_ATLAS_BENCH_PAN in this build)");
      return;
    }
  *app_out = app;
  printf ("frames %s: app %u frames, p50 %.2f ms, p95 %.2f ms, main-thread work p95 %.2f ms; "
          "empty window p50 %.2f ms, p95 %.2f ms\n", renderer, app.n_frames, app.p50_ms,
          app.p95_ms, app.work_p95_ms, empty.p50_ms, empty.p95_ms);
  print_result (figure, "ms", app.p95_ms, empty.p95_ms, "<= 16.7 ms",
                judged ? (app.p95_ms <= FRAME_TARGET_MS + 0.05 ? "yes" : "NO") : "-");
  g_free (figure);
  figure = g_strdup_printf ("frame work p95 (main thread, before-paint to after-paint), %s",
                            renderer);
  print_result (figure, "ms", app.work_p95_ms, empty.work_p95_ms, "(reported)", "-");

  g_free (figure);
  figure = g_strdup_printf ("peak RSS after %gs of panning, %s (vs empty window)", pan_seconds,
                            renderer);
  print_result (figure, "MB", app.rss_pan_kb / 1024, empty.rss_pan_kb / 1024,
                "<= empty + 40 MB",
                judged ? ((app.rss_pan_kb - empty.rss_pan_kb) <= RSS_TARGET_KB ? "yes" : "NO")
                         : "-");

  if (growth_argv == NULL)
    return;
  g_free (figure);
  figure = g_strdup_printf ("growth: frame p95, 1,000 districts and 5,000 sites, %s "
                            "(vs default, 13)", renderer);
  if (!bench_pan (growth_argv, renderer, &growth))
    {
      print_result (figure, "ms", 0, app.p95_ms, "<= 10x", "not measured");
      return;
    }
  print_result (figure, "ms", growth.p95_ms, app.p95_ms, "<= 10x",
                judged ? (growth.p95_ms <= 10 * app.p95_ms ? "yes" : "NO") : "-");
  g_free (figure);
  figure = g_strdup_printf ("growth: frame work p95, 1,000 districts, %s (vs default, 13)",
                            renderer);
  print_result (figure, "ms", growth.work_p95_ms, app.work_p95_ms, "<= 10x",
                judged ? (growth.work_p95_ms <= 10 * app.work_p95_ms ? "yes" : "NO") : "-");
  /* One start each, so this is a rough figure beside the medians of the start-up rows. */
  {
    Run growth_start = run_program (growth_argv, renderer, 0);
    Run app_start = run_program (app_argv, renderer, 0);

    g_free (figure);
    figure = g_strdup_printf ("growth: start-up to complete map, 1,000 districts and 5,000 "
                              "sites, %s (vs default, 13; one run)", renderer);
    print_result (figure, "ms", growth_start.wall_ms, app_start.wall_ms, "(reported)", "-");
  }
  g_free (figure);
  figure = g_strdup_printf ("growth: peak RSS after %gs of panning, 1,000 districts and 5,000 "
                            "sites, %s (vs default, 13)", pan_seconds, renderer);
  print_result (figure, "MB", growth.rss_pan_kb / 1024, app.rss_pan_kb / 1024, "(reported)",
                "-");
}

/* A CSV of n made-up places scattered over Hertfordshire and West Essex and a little beyond
 * (some outside every district), the same every run. */
static char *
write_points (const char *folder,
              int         n)
{
  g_autoptr(GString) csv = g_string_new ("Name,Latitude,Longitude,Note\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "points.csv", NULL);

  for (int i = 0; i < n; i++)
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lat, sizeof lat, "%.5f", g_rand_double_range (rand, 51.55, 52.10));
      g_ascii_formatd (lon, sizeof lon, "%.5f", g_rand_double_range (rand, -0.75, 0.45));
      g_string_append_printf (csv, "Place %d,%s,%s,made up\n", i + 1, lat, lon);
    }
  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    g_error ("%s", error->message);
  return path;
}

/* The same panning with a planner's point layer, against the map without it. */
static void
bench_points (const char * const *points_argv,
              const Run          *app,
              const char         *renderer)
{
  g_autofree char *figure = g_strdup_printf ("frame p95 while panning and zooming %gs, %d points "
                                             "of a planner's layer, %s (vs the map without "
                                             "them)", pan_seconds, n_points, renderer);
  gboolean judged = bench_renderer_judged (renderer);
  Run points = { 0 };

  if (app->p95_ms <= 0 || !bench_pan (points_argv, renderer, &points))
    {
      print_result (figure, "ms", 0, app->p95_ms, "<= 1.2x", "not measured");
      return;
    }
  printf ("frames %s with %d points: %u frames, p50 %.2f ms, p95 %.2f ms, main-thread work "
          "p95 %.2f ms\n", renderer, n_points, points.n_frames, points.p50_ms, points.p95_ms,
          points.work_p95_ms);
  print_result (figure, "ms", points.p95_ms, app->p95_ms, "<= 1.2x",
                judged ? (points.p95_ms <= POINTS_TARGET * app->p95_ms + 0.05 ? "yes" : "NO")
                         : "-");
  g_free (figure);
  figure = g_strdup_printf ("frame work p95, %d points, %s (vs the map without them)",
                            n_points, renderer);
  print_result (figure, "ms", points.work_p95_ms, app->work_p95_ms, "(reported)", "-");
}

/* Median wall time of a command that must succeed, in ms; -1 when it fails. */
static double
time_command (const char * const *argv)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      int status;
      double t0 = now_ms (), t;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                         NULL, &err, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        {
          fprintf (stderr, "bench-app: %s %s: %s\n%s", argv[0], argv[1],
                   error != NULL ? error->message : "failed", err != NULL ? err : "");
          return -1;
        }
      t = now_ms () - t0;
      g_array_append_val (times, t);
    }
  return median (times);
}

static void
bench_export (void)
{
  static const struct {
    const char *figure;
    const char *file;
    const char *size;
    double target_ms;
  } cases[] = {
    { "export slide PNG (vs ics-atlas --version)", "slide.png", "slide", 300 },
    { "export 4K PNG (vs ics-atlas --version)", "map-4k.png", "4k", 1000 },
    { "export SVG (vs ics-atlas --version)", "slide.svg", "slide", 300 },
    { "export PDF (vs ics-atlas --version)", "a4.pdf", "a4", 300 },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("atlas-bench-export-XXXXXX", &error);
  g_autofree char *pack = NULL;
  const char *version_argv[] = { app_path, "--version", NULL };
  double base, ms;

  if (folder == NULL)
    g_error ("%s", error->message);
  base = time_command (version_argv);
  printf ("export baseline: ics-atlas --version %.1f ms\n", base);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (folder, cases[i].file, NULL);
      g_autofree char *target = g_strdup_printf ("<= %.0f ms", cases[i].target_ms);
      const char *argv[] = { app_path, "--dataset", "hwe", "--export", path, "--size",
                             cases[i].size, NULL };

      ms = time_command (argv);
      print_result (cases[i].figure, "ms", MAX (ms, 0), base, target,
                    ms < 0 ? "not measured" : ms <= cases[i].target_ms ? "yes" : "NO");
      g_unlink (path);
    }

  pack = g_build_filename (folder, "pack", NULL);
  {
    const char *argv[] = { app_path, "--dataset", "hwe", "--export-pack", pack, NULL };
    g_autoptr(GDir) dir = NULL;
    const char *name;

    ms = time_command (argv);
    print_result ("export 14-page meeting pack (vs ics-atlas --version)", "ms", MAX (ms, 0),
                  base, "<= 3000 ms", ms < 0 ? "not measured" : ms <= 3000 ? "yes" : "NO");
    dir = g_dir_open (pack, 0, NULL);
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (pack, name, NULL);

        g_unlink (path);
      }
    g_rmdir (pack);
  }
  g_rmdir (folder);
}

/* National scale: every GB district as a user's dataset, against the default system. */

#define NATIONAL_READY_GRACE_MS 3000

typedef struct {
  GString *pending;
  gboolean open;
} Stream;

/* Lines of one of the program's streams, as they come: FALSE when it has closed. */
static gboolean
read_lines (Stream    *stream,
            int        fd,
            GPtrArray *lines)
{
  char buffer[4096];
  char *newline;
  ssize_t n = read (fd, buffer, sizeof buffer);

  if (n <= 0)
    return stream->open = FALSE;
  g_string_append_len (stream->pending, buffer, n);
  while ((newline = strchr (stream->pending->str, '\n')) != NULL)
    {
      g_ptr_array_add (lines, g_strndup (stream->pending->str, newline - stream->pending->str));
      g_string_erase (stream->pending, 0, newline - stream->pending->str + 1);
    }
  return TRUE;
}

/* Spawn to the complete map, in ms: the "ready" line; or, when the window never reports it,
 * the first frame painted after the dataset was set, from the start-up trace (*by_trace set).
 * The window reports "ready" once tiles newer than those on screen when the dataset was set
 * are painted; a system that frames the same view as the empty window before it (all of GB)
 * asks for no new tiles, so that frame is complete but never reported. -1 when neither came. */
static double
run_to_complete_map (const char * const *argv,
                     const char         *renderer,
                     gboolean           *by_trace)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out_pending = g_string_new (NULL);
  g_autoptr(GString) err_pending = g_string_new (NULL);
  Stream out = { out_pending, TRUE }, err = { err_pending, TRUE };
  double t0, deadline, result = -1, traced = -1;
  gboolean dataset_set = FALSE;
  GPid pid;
  int out_fd, err_fd, status;

  env = g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE);
  env = g_environ_setenv (env, "ICS_ATLAS_REPORT_READY", "1", TRUE);
  env = g_environ_setenv (env, "ICS_ATLAS_TRACE_STARTUP", "1", TRUE);
  env = g_environ_unsetenv (env, "ICS_ATLAS_BENCH_PAN");
  *by_trace = FALSE;
  t0 = now_ms ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, &out_fd, &err_fd, &error))
    {
      fprintf (stderr, "bench-app: %s: %s\n", argv[0], error->message);
      return -1;
    }
  deadline = t0 + READY_TIMEOUT_MS;

  while (result < 0 && (out.open || err.open))
    {
      struct pollfd fds[2] = { { out.open ? out_fd : -1, POLLIN, 0 },
                               { err.open ? err_fd : -1, POLLIN, 0 } };
      double left = MIN (deadline, traced >= 0 ? t0 + traced + NATIONAL_READY_GRACE_MS
                                                : deadline) - now_ms ();

      if (left <= 0 || poll (fds, 2, (int) left) <= 0)
        break;
      if (fds[0].revents != 0)
        read_lines (&out, out_fd, lines);
      if (fds[1].revents != 0)
        read_lines (&err, err_fd, lines);
      for (guint i = 0; i < lines->len && result < 0; i++)
        {
          const char *line = g_ptr_array_index (lines, i);

          if (g_str_has_prefix (line, "ready "))
            result = now_ms () - t0;
          else if (g_str_has_prefix (line, "trace ") && g_str_has_suffix (line, " dataset-set"))
            dataset_set = TRUE;
          else if (dataset_set && traced < 0 && g_str_has_prefix (line, "trace ")
                   && g_str_has_suffix (line, " frame-painted"))
            traced = now_ms () - t0;
        }
      g_ptr_array_set_size (lines, 0);
    }

  kill (pid, SIGTERM);
  if (waitpid (pid, &status, 0) < 0)
    perror ("bench-app: waitpid");
  g_spawn_close_pid (pid);
  close (out_fd);
  close (err_fd);
  *by_trace = result < 0 && traced >= 0;
  return result >= 0 ? result : traced;
}

static void
bench_national_startup (const char * const *national_argv,
                        const char * const *app_argv,
                        const char         *renderer)
{
  g_autoptr(GArray) national = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *figure = NULL;
  gboolean is_cairo = g_str_equal (renderer, "cairo");
  guint n_traced = 0;
  double n, a;

  /* Alternated, so that both see the same load on the machine. */
  for (int i = 0; i < runs; i++)
    {
      gboolean by_trace;
      double ms = run_to_complete_map (app_argv, renderer, &by_trace);

      /* The baseline by its "ready" line only. */
      if (ms >= 0 && !by_trace)
        g_array_append_val (app, ms);
      ms = run_to_complete_map (national_argv, renderer, &by_trace);
      if (ms >= 0)
        g_array_append_val (national, ms);
      n_traced += ms >= 0 && by_trace;
    }
  figure = g_strdup_printf ("national: start-up to complete map, every GB district, %s (vs the "
                            "default system)%s", renderer,
                            n_traced > 0 ? "; first frame after the dataset, no ready report"
                                         : "");
  if (national->len == 0 || app->len == 0)
    {
      print_result (figure, "ms", 0, 0, "<= 1.5x", "not measured");
      return;
    }
  n = median (national), a = median (app);
  printf ("national start-up %s: %.0f ms, default system %.0f ms, %u and %u runs; %u of the "
          "national runs never reported ready and were timed from the trace\n", renderer, n, a,
          national->len, app->len, n_traced);
  print_result (figure, "ms", n, a, "<= 1.5x",
                is_cairo ? (n <= NATIONAL_STARTUP_TARGET * a ? "yes" : "NO") : "-");
}

/* A window size at which the national system's view needs tiles the empty window did not
 * have, so that the window reports "ready" and starts panning (see run_to_complete_map). */
#define NATIONAL_FALLBACK_SIZE "1024x700"

static void
bench_national_frames (const char * const *national_argv,
                       const char * const *app_argv,
                       const char         *renderer)
{
  g_autofree char *figure = NULL;
  g_autofree char *size = NULL;
  gboolean is_cairo = g_str_equal (renderer, "cairo");
  Run national = { 0 }, app = { 0 };
  gboolean by_trace = FALSE;

  /* The panning starts at "ready": when it does not come at the bench's size (one start tells),
   * both systems are panned at a size at which it does, and the figures say so. */
  run_to_complete_map (national_argv, renderer, &by_trace);
  if (by_trace)
    {
      size = g_strdup (" in a window of " NATIONAL_FALLBACK_SIZE);
      g_setenv ("ICS_ATLAS_WINDOW_SIZE", NATIONAL_FALLBACK_SIZE, TRUE);
    }
  if (!bench_pan (national_argv, renderer, &national))
    fprintf (stderr, "bench-app: the national system gave no frame times\n");
  /* The default system panned again here, so that this section stands on its own. */
  if (!bench_pan (app_argv, renderer, &app))
    fprintf (stderr, "bench-app: the default system gave no frame times\n");
  g_unsetenv ("ICS_ATLAS_WINDOW_SIZE");

  figure = g_strdup_printf ("national: frame p95 while panning and zooming %gs, every GB "
                            "district, %s%s (vs the default system)", pan_seconds, renderer,
                            size != NULL ? size : "");
  if (national.p95_ms <= 0)
    {
      print_result (figure, "ms", 0, app.p95_ms, "<= 16.7 ms", "not measured");
      return;
    }
  printf ("national frames %s%s: %u frames, p50 %.2f ms, p95 %.2f ms, main-thread work p95 "
          "%.2f ms\n", renderer, size != NULL ? size : "", national.n_frames, national.p50_ms,
          national.p95_ms, national.work_p95_ms);
  print_result (figure, "ms", national.p95_ms, app.p95_ms, "<= 16.7 ms",
                is_cairo ? (national.p95_ms <= FRAME_TARGET_MS + 0.05 ? "yes" : "NO") : "-");
  g_free (figure);
  figure = g_strdup_printf ("national: frame work p95, every GB district, %s%s (vs the default "
                            "system)", renderer, size != NULL ? size : "");
  print_result (figure, "ms", national.work_p95_ms, app.work_p95_ms, "(reported)", "-");
  g_free (figure);
  figure = g_strdup_printf ("national: peak RSS after %gs of panning, every GB district, %s%s "
                            "(vs the default system)", pan_seconds, renderer,
                            size != NULL ? size : "");
  print_result (figure, "MB", national.rss_pan_kb / 1024, app.rss_pan_kb / 1024, "(reported)",
                "-");
}

static void
bench_national_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("atlas-bench-national-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *target = g_strdup_printf ("<= %d ms", NATIONAL_EXPORT_TARGET_MS);
  const char *version_argv[] = { app_path, "--version", NULL };
  double base, ms;

  if (folder == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (folder, "slide.png", NULL);
  {
    const char *argv[] = { app_path, "--dataset", national_dataset, "--export", path, "--size",
                           "slide", NULL };

    base = time_command (version_argv);
    ms = time_command (argv);
  }
  print_result ("national: export slide PNG, every GB district (vs ics-atlas --version)", "ms",
                MAX (ms, 0), base, target,
                ms < 0 ? "not measured" : ms <= NATIONAL_EXPORT_TARGET_MS ? "yes" : "NO");
  g_unlink (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- start-up, frames, memory, "
                                                            "export");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) renderer_list = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (app_path == NULL || empty_path == NULL)
    {
      fprintf (stderr, "bench-app: --app and --empty are needed\n");
      return 2;
    }
  runs = MAX (runs, 1);
  if (observer_path == NULL)
    {
      g_autofree char *folder = g_path_get_dirname (argv[0]);

      observer_path = g_build_filename (folder, "bench-observer", NULL);
    }
  if (!g_file_test (observer_path, G_FILE_TEST_IS_EXECUTABLE))
    g_clear_pointer (&observer_path, g_free);
  renderer_list = g_strsplit (renderers != NULL ? renderers : "cairo,gl,default", ",", -1);

  {
    g_autofree char *folder = g_dir_make_tmp ("atlas-bench-points-XXXXXX", &error);
    g_autofree char *points = NULL;
    const char *app_argv[] = { app_path, "--dataset", "hwe", NULL };
    const char *empty_argv[] = { empty_path, NULL };
    const char *growth_argv[] = { app_path, "--dataset", growth_dataset, NULL };
    const char *points_argv[] = { app_path, "--dataset", "hwe", "--points", NULL, NULL };
    const char *national_argv[] = { app_path, "--dataset", national_dataset, NULL };

    if (folder == NULL)
      g_error ("%s", error->message);
    if (n_points > 0)
      points_argv[4] = points = write_points (folder, n_points);
    for (guint i = 0; renderer_list[i] != NULL; i++)
      {
        Run app = { 0 };

        if (!skip_startup)
          {
            bench_startup (app_argv, empty_argv, renderer_list[i]);
            bench_observed_startup (observer_path, app_argv, empty_argv, renderer_list[i],
                                    runs);
          }
        if (skip_frames || pan_seconds <= 0)
          continue;
        bench_frames (app_argv, empty_argv, growth_dataset != NULL ? growth_argv : NULL,
                      renderer_list[i], &app);
        if (points != NULL)
          bench_points (points_argv, &app, renderer_list[i]);
      }
    /* After the renderer loop, in a section of its own. */
    for (guint i = 0; national_dataset != NULL && renderer_list[i] != NULL; i++)
      {
        if (!skip_startup)
          bench_national_startup (national_argv, app_argv, renderer_list[i]);
        if (!skip_frames && pan_seconds > 0)
          bench_national_frames (national_argv, app_argv, renderer_list[i]);
      }
    if (points != NULL)
      g_unlink (points);
    g_rmdir (folder);
  }
  if (!skip_export)
    bench_export ();
  if (!skip_export && national_dataset != NULL)
    bench_national_export ();
  return 0;
}
