/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Start-up seen from outside, for bench-app: bench-observer watches the X server's damage and
 * the pixels of a region (see bench-observer.c), for ics-atlas and for the empty GTK4 window,
 * alternated, with one renderer; medians of the runs.
 *
 * Both are opened at WINDOW_WIDTH×WINDOW_HEIGHT at 0,0 on a screen of that size, with no
 * window manager (xvfb-run). The empty window's region is the whole window, and its figure is
 * its first frame (all it ever draws). ics-atlas's region is the map: the frame of the map
 * widget that ICS_ATLAS_REPORT_LAYOUT=1 prints, found once in a run of its own. That frame
 * is in the window widget's coordinates; on screen it is moved by the frame GTK draws around
 * a window with client-side decorations when there is no compositor (5 px with Adwaita),
 * which is as wide on every side: the map reaches the window's bottom edge, so the frame is
 * half of what the window's height leaves below the map. The map's region leaves out the
 * header bar and the side panel, whose caret or hover effects are not the map's (none showed
 * in the runs measured: with the pointer in a corner, nothing in the window changes once the
 * map is complete).
 *
 * Each run also notes when the program printed its "ready" line (ICS_ATLAS_REPORT_READY=1) on
 * the observer's clock, so the app's own report is checked against the screen. */

#include "bench-app.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* bench-empty-window's size; ics-atlas is opened at it too (ICS_ATLAS_WINDOW_SIZE). */
#define WINDOW_WIDTH 1280
#define WINDOW_HEIGHT 800
#define WINDOW_SIZE "1280x800"
#define LAYOUT_TIMEOUT_MS 60000
#define STARTUP_TARGET 1.4

typedef struct {
  double first_ms;
  double complete_ms;
  double settled_ms;
  double ready_ms;
} Observed;

static char *
find_map_frame_line (int out_fd)
{
  g_autoptr(GString) pending = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () / 1000 + LAYOUT_TIMEOUT_MS;

  for (;;)
    {
      struct pollfd fd = { out_fd, POLLIN, 0 };
      gint64 left = deadline - g_get_monotonic_time () / 1000;
      char buffer[4096], *newline;
      ssize_t n;

      if (left <= 0 || poll (&fd, 1, (int) left) <= 0
          || (n = read (out_fd, buffer, sizeof buffer)) <= 0)
        return NULL;
      g_string_append_len (pending, buffer, n);
      while ((newline = strchr (pending->str, '\n')) != NULL)
        {
          *newline = '\0';
          if (g_str_has_prefix (pending->str, "map-frame\t"))
            return g_strdup (pending->str);
          g_string_erase (pending, 0, newline - pending->str + 1);
        }
    }
}

/* The map's region on screen as X,Y,W,H for bench-observer, or NULL. */
static char *
find_map_region (const char * const *app_argv)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GPid pid;
  int out_fd, status, x, y, w, h, inset;

  env = g_environ_setenv (env, "ICS_ATLAS_REPORT_LAYOUT", "1", TRUE);
  env = g_environ_setenv (env, "ICS_ATLAS_WINDOW_SIZE", WINDOW_SIZE, TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_unsetenv (env, "ICS_ATLAS_BENCH_PAN");
  if (!g_spawn_async_with_pipes (NULL, (char **) app_argv, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      fprintf (stderr, "bench-app: %s: %s\n", app_argv[0], error->message);
      return NULL;
    }
  line = find_map_frame_line (out_fd);
  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  close (out_fd);
  if (line == NULL || sscanf (line, "map-frame\t\t%d\t%d\t%d\t%d", &x, &y, &w, &h) != 4)
    {
      fprintf (stderr, "bench-app: ics-atlas gave no map frame (ICS_ATLAS_REPORT_LAYOUT=1)\n");
      return NULL;
    }
  inset = (WINDOW_HEIGHT - (y + h)) / 2;
  if (inset < 0 || inset > 16)
    {
      fprintf (stderr, "bench-app: the map (%d,%d %dx%d) does not reach the window's bottom "
               "edge: its place on screen is not known\n", x, y, w, h);
      return NULL;
    }
  return g_strdup_printf ("%d,%d,%d,%d", x + inset, y + inset, w, h);
}

/* One observed start-up; FALSE (and why, on stderr) when it did not end with the region
 * complete and still. */
static gboolean
observe (const char         *observer,
         const char * const *argv,
         const char         *region,
         gboolean            require_detail,
         const char         *renderer,
         Observed           *out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) observer_argv = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  char status[16];
  int wait_status, x, y, w, h;

  g_strv_builder_add_many (builder, observer, "--region", region, NULL);
  if (require_detail)
    g_strv_builder_add (builder, "--require-detail");
  g_strv_builder_add (builder, "--");
  g_strv_builder_addv (builder, (const char **) argv);
  observer_argv = g_strv_builder_end (builder);
  env = bench_environ_set_renderer (env, renderer);
  env = g_environ_setenv (env, "ICS_ATLAS_WINDOW_SIZE", WINDOW_SIZE, TRUE);
  env = g_environ_setenv (env, "ICS_ATLAS_REPORT_READY", "1", TRUE);
  env = g_environ_unsetenv (env, "ICS_ATLAS_BENCH_PAN");
  env = g_environ_unsetenv (env, "ICS_ATLAS_REPORT_LAYOUT");

  if (!g_spawn_sync (NULL, observer_argv, env, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                     &wait_status, &error))
    {
      fprintf (stderr, "bench-app: %s: %s\n", observer, error->message);
      return FALSE;
    }
  if (sscanf (output, "observed %15s first-ms %lf complete-ms %lf settled-ms %lf ready-ms %lf "
              "damages %*u states %*u flat %*d window %d,%d,%dx%d", status, &out->first_ms,
              &out->complete_ms, &out->settled_ms, &out->ready_ms, &x, &y, &w, &h) != 9
      || !g_str_equal (status, "ok"))
    {
      fprintf (stderr, "bench-app: %s observed with %s: %s", argv[0], renderer,
               *output != '\0' ? output : "no result\n");
      return FALSE;
    }
  if (x != 0 || y != 0 || w != WINDOW_WIDTH || h != WINDOW_HEIGHT)
    {
      fprintf (stderr, "bench-app: %s opened at %d,%d %dx%d, not 0,0 " WINDOW_SIZE ": the "
               "observed region is not where it was meant to be\n", argv[0], x, y, w, h);
      return FALSE;
    }
  return TRUE;
}

void
bench_observed_startup (const char         *observer,
                        const char * const *app_argv,
                        const char * const *empty_argv,
                        const char         *renderer,
                        int                 runs)
{
  static char *map_region = NULL;
  static gboolean looked = FALSE;
  g_autoptr(GArray) app_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_complete = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ready_after = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *complete_figure = g_strdup_printf ("start-up to complete map, observed from "
                                                      "outside, %s (vs empty GTK4 window's "
                                                      "first frame, observed)", renderer);
  g_autofree char *first_figure = g_strdup_printf ("start-up to the map's first frame, "
                                                   "observed from outside, %s (vs empty GTK4 "
                                                   "window's first frame, observed)", renderer);
  const char *stay_argv[] = { empty_argv[0], "--stay", NULL };
  char whole[64];
  double a, e;

  if (!looked)
    map_region = find_map_region (app_argv), looked = TRUE;
  if (observer == NULL || map_region == NULL)
    {
      print_result (complete_figure, "ms", 0, 0, "<= 1.4x",
                    observer == NULL ? "not measured (no bench-observer)" : "not measured");
      return;
    }
  g_snprintf (whole, sizeof whole, "0,0,%d,%d", WINDOW_WIDTH, WINDOW_HEIGHT);

  /* Alternated, so that both see the same load on the machine. */
  for (int i = 0; i < runs; i++)
    {
      Observed o;

      if (observe (observer, stay_argv, whole, FALSE, renderer, &o))
        g_array_append_val (empty_first, o.first_ms);
      if (observe (observer, app_argv, map_region, TRUE, renderer, &o))
        {
          double after = o.ready_ms >= 0 ? o.ready_ms - o.complete_ms : 0;

          g_array_append_val (app_first, o.first_ms);
          g_array_append_val (app_complete, o.complete_ms);
          g_array_append_val (app_settled, o.settled_ms);
          g_array_append_val (ready_after, after);
        }
    }
  if (app_complete->len == 0 || empty_first->len == 0)
    {
      print_result (complete_figure, "ms", 0, 0, "<= 1.4x", "not measured");
      return;
    }
  a = median (app_complete), e = median (empty_first);
  printf ("observed start-up %s (map region %s): app's map first frame %.0f ms, complete "
          "%.0f ms (its ready line %+.0f ms after that), last redraw %.0f ms; empty window's "
          "first frame %.0f ms; %u and %u runs\n", renderer, map_region, median (app_first), a,
          median (ready_after), median (app_settled), e, app_complete->len, empty_first->len);
  print_result (complete_figure, "ms", a, e, bench_renderer_judged (renderer) ? "<= 1.4x"
                                                                         : "(reported)",
                !bench_renderer_judged (renderer) ? "-" : a <= STARTUP_TARGET * e ? "yes" : "NO");
  print_result (first_figure, "ms", median (app_first), e, "(reported)", "-");
}
