/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The lines the baseline window prints, in the form ics-atlas prints them. */

#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

/* Milliseconds since the process started, from the kernel's record of its start time (the
 * same clock ics-atlas reports "ready" with). */
static inline gint64
bench_ms_since_exec (void)
{
  g_autofree char *stat = NULL;
  const char *fields;
  unsigned long long start_ticks = 0;
  struct timespec now;
  long ticks_per_second = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (fields = strrchr (stat, ')')) == NULL
      /* Field 22 (starttime); the text after ')' starts at field 3. */
      || sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d "
                 "%*d %*d %*d %llu", &start_ticks) != 1
      || clock_gettime (CLOCK_BOOTTIME, &now) != 0
      || ticks_per_second <= 0)
    return -1;

  return (gint64) now.tv_sec * 1000 + now.tv_nsec / 1000000
         - (gint64) (start_ticks * 1000 / ticks_per_second);
}

static inline void
bench_report_ready (void)
{
  printf ("ready %" G_GINT64_FORMAT "\n", bench_ms_since_exec ());
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
