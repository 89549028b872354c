/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The baseline of the start-up, frame and memory figures: an empty GTK4 window of the app's
 * size. It speaks the same lines as ics-atlas with ICS_ATLAS_REPORT_READY=1 and
 * ICS_ATLAS_BENCH_PAN=SECONDS:
 *   ready MS            after its first frame is painted (ms since the process started)
 *   rss-ready KB        peak resident set size at that point
 *   frames N p50 MS p95 MS max MS work-p50 MS work-p95 MS
 *                       over SECONDS of redrawing every frame (intervals, and main-thread
 *                       time from before-paint to after-paint)
 *   rss-pan KB          peak resident set size after that
 * then it quits; with --stay it stays open until it is killed (for bench-observer, which
 * watches the screen until it has been still for a while).
 *
 * With --adwaita it also initialises libadwaita (its style sheet) before the window, as the app
 * does: the part of the app's start-up that is the toolkit, not the app. */

#include <adwaita.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-report.h"

typedef struct {
  GtkWidget *window;
  GdkFrameClock *clock;
  gboolean painted;
  double seconds;
  gint64 start_us;
  gint64 last_us;
  GArray *intervals;
  GArray *work;
  gint64 paint_start_us;
  gboolean stay;
  gboolean done;
} EmptyWindow;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  EmptyWindow *self = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->start_us == 0)
    self->start_us = now;
  else
    {
      double interval = (now - self->last_us) / 1000.0;

      g_array_append_val (self->intervals, interval);
    }
  self->last_us = now;
  /* Something to draw every frame, as a panning map has. */
  gtk_widget_queue_draw (widget);

  if (now - self->start_us >= self->seconds * G_USEC_PER_SEC)
    {
      bench_report_frames (self->intervals, self->work);
      bench_report_rss ("rss-pan");
      self->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  EmptyWindow *self = user_data;

  self->paint_start_us = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  EmptyWindow *self = user_data;

  if (self->painted)
    {
      double ms = (g_get_monotonic_time () - self->paint_start_us) / 1000.0;

      if (self->start_us != 0)
        g_array_append_val (self->work, ms);
      return;
    }
  self->painted = TRUE;
  bench_report_ready ();
  bench_report_rss ("rss-ready");
  if (self->seconds > 0)
    gtk_widget_add_tick_callback (self->window, tick_cb, self, NULL);
  else
    self->done = !self->stay;
}

static void
realize_cb (GtkWidget *window,
            gpointer   user_data)
{
  EmptyWindow *self = user_data;

  self->clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (self->clock, "before-paint", G_CALLBACK (before_paint_cb), self);
  g_signal_connect (self->clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

int
main (int   argc,
      char *argv[])
{
  EmptyWindow self = { 0 };
  const char *pan = g_getenv ("ICS_ATLAS_BENCH_PAN");

  gtk_init ();
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--adwaita"))
        adw_init ();
      else if (g_str_equal (argv[i], "--stay"))
        self.stay = TRUE;
    }
  self.seconds = pan != NULL ? g_ascii_strtod (pan, NULL) : 0;
  self.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  self.work = g_array_new (FALSE, FALSE, sizeof (double));
  self.window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (self.window), "Empty");
  gtk_window_set_default_size (GTK_WINDOW (self.window), 1280, 800);
  g_signal_connect (self.window, "realize", G_CALLBACK (realize_cb), &self);
  gtk_window_present (GTK_WINDOW (self.window));

  while (!self.done)
    g_main_context_iteration (NULL, TRUE);

  g_array_unref (self.intervals);
  g_array_unref (self.work);
  return 0;
}
