/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The scripted pan and zoom of the frame benchmark (tests/bench/bench-app.c). With
 * ICS_ATLAS_BENCH_PAN=SECONDS the window waits until the map is first complete ("ready"),
 * then for SECONDS moves the viewport every frame along a figure of eight while zooming in
 * one level and back out, and prints
 *   frames N p50 MS p95 MS max MS work-p50 MS work-p95 MS
 *   rss-pan KB
 * (intervals between frames from the frame clock, the main thread's time from before-paint
 * to after-paint of each frame, and the peak resident set size), then quits. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "atlas-window-private.h"

#define BENCH_ENV "ICS_ATLAS_BENCH_PAN"
/* How far the figure of eight reaches from the start, in pixels of the start zoom. */
#define PAN_PIXELS 400.0
/* One figure of eight, and one zoom in and out, per this many seconds. */
#define PERIOD_SECONDS 3.0

typedef struct {
  AtlasWindow *window;
  GdkFrameClock *clock;
  double seconds;
  double lat0, lon0, zoom0;
  gint64 start_us;
  gint64 last_us;
  gint64 paint_start_us;
  GArray *intervals;
  GArray *work;
  gulong before_id;
  gulong after_id;
} PanScript;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  fraction)
{
  if (values->len == 0)
    return 0;
  qsort (values->data, values->len, sizeof (double), compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * fraction)));
}

static void
report_and_quit (PanScript *script)
{
  struct rusage usage;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (script->window));
  double p50 = percentile (script->intervals, 0.5);
  double p95 = percentile (script->intervals, 0.95);
  double max = percentile (script->intervals, 1.0);
  double work50 = percentile (script->work, 0.5);
  double work95 = percentile (script->work, 0.95);

  getrusage (RUSAGE_SELF, &usage);
  printf ("frames %u p50 %.2f p95 %.2f max %.2f work-p50 %.2f work-p95 %.2f\n",
          script->intervals->len, p50, p95, max, work50, work95);
  printf ("rss-pan %ld\n", usage.ru_maxrss);
  fflush (stdout);

  g_clear_signal_handler (&script->before_id, script->clock);
  g_clear_signal_handler (&script->after_id, script->clock);
  g_array_unref (script->intervals);
  g_array_unref (script->work);
  g_free (script);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
before_paint_cb (GdkFrameClock *clock,
                 PanScript     *script)
{
  script->paint_start_us = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                PanScript     *script)
{
  double ms;

  if (script->paint_start_us == 0)
    return;
  ms = (g_get_monotonic_time () - script->paint_start_us) / 1000.0;
  g_array_append_val (script->work, ms);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  PanScript *script = user_data;
  ShumateViewport *viewport = shumate_simple_map_get_viewport (script->window->simple_map);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t, phase, degrees_per_pixel;

  if (script->start_us == 0)
    script->start_us = now;
  else
    {
      double interval = (now - script->last_us) / 1000.0;

      g_array_append_val (script->intervals, interval);
    }
  script->last_us = now;

  t = (now - script->start_us) / (double) G_USEC_PER_SEC;
  if (t >= script->seconds)
    {
      report_and_quit (script);
      return G_SOURCE_REMOVE;
    }

  phase = 2 * G_PI * t / PERIOD_SECONDS;
  degrees_per_pixel = 360.0 / (256.0 * pow (2, script->zoom0));
  shumate_viewport_set_zoom_level (viewport, script->zoom0 + 0.5 - 0.5 * cos (phase));
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 script->lat0 + 0.6 * PAN_PIXELS * degrees_per_pixel
                                                * sin (2 * phase) / 2,
                                 script->lon0 + PAN_PIXELS * degrees_per_pixel * sin (phase));
  return G_SOURCE_CONTINUE;
}

static void
ready_cb (AtlasWindow *self,
          gpointer     user_data)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  GtkWidget *map = _atlas_window_get_map_widget (self);
  PanScript *script = g_new0 (PanScript, 1);

  /* Only the first time the map is complete. */
  g_signal_handlers_disconnect_by_func (self, ready_cb, user_data);

  script->window = self;
  script->seconds = g_ascii_strtod (g_getenv (BENCH_ENV), NULL);
  script->lat0 = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  script->lon0 = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  script->zoom0 = shumate_viewport_get_zoom_level (viewport);
  script->intervals = g_array_new (FALSE, FALSE, sizeof (double));
  script->work = g_array_new (FALSE, FALSE, sizeof (double));
  script->clock = gtk_widget_get_frame_clock (map);
  script->before_id = g_signal_connect (script->clock, "before-paint",
                                        G_CALLBACK (before_paint_cb), script);
  script->after_id = g_signal_connect (script->clock, "after-paint",
                                       G_CALLBACK (after_paint_cb), script);
  gtk_widget_add_tick_callback (map, tick_cb, script, NULL);
}

/* Arms the scripted pan when the benchmark asks for it; does nothing otherwise. */
void
_atlas_window_bench_init (AtlasWindow *self)
{
  const char *seconds = g_getenv (BENCH_ENV);

  if (seconds == NULL || g_ascii_strtod (seconds, NULL) <= 0)
    return;
  g_signal_connect (self, "ready", G_CALLBACK (ready_cb), NULL);
}
