/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The lines the baseline window prints, in the form ics-atlas prints them, on the same clock
 * (atlas_ms_since_exec, from the core's start-up trace). */

#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "atlas-startup-trace.h"

static inline void
bench_report_ready (void)
{
  printf ("ready %" G_GINT64_FORMAT "\n", atlas_ms_since_exec ());
  fflush (stdout);
}

static inline void
bench_report_rss (const char *label)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  printf ("%s %ld\n", label, usage.ru_maxrss);
  fflush (stdout);
}

static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static inline double
bench_percentile (GArray *values,
                  double  fraction)
{
  if (values->len == 0)
    return 0;
  qsort (values->data, values->len, sizeof (double), bench_compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * fraction)));
}

/* Frame intervals and main-thread work per frame in ms: count, median, 95th percentile and
 * maximum. */
static inline void
bench_report_frames (GArray *intervals,
                     GArray *work)
{
  printf ("frames %u p50 %.2f p95 %.2f max %.2f work-p50 %.2f work-p95 %.2f\n", intervals->len,
          bench_percentile (intervals, 0.5), bench_percentile (intervals, 0.95),
          bench_percentile (intervals, 1.0), bench_percentile (work, 0.5),
          bench_percentile (work, 0.95));
  fflush (stdout);
}
