/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atlas-startup-trace.h"

#define TRACE_ENV "ICS_ATLAS_TRACE_STARTUP"

/* From the kernel's record of the process's start time, so that start-up measurements include
 * loading the program. */
gint64
atlas_ms_since_exec (void)
{
  g_autofree char *stat = NULL;
  const char *fields;
  unsigned long long start_ticks = 0;
  struct timespec now;
  long ticks_per_second = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (fields = strrchr (stat, ')')) == NULL
      /* Field 22 (starttime); the text after ')' starts at field 3. */
      || sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d "
                 "%*d %*d %llu", &start_ticks) != 1
      || clock_gettime (CLOCK_BOOTTIME, &now) != 0
      || ticks_per_second <= 0)
    return -1;

  return (gint64) now.tv_sec * 1000 + now.tv_nsec / 1000000
         - (gint64) (start_ticks * 1000 / ticks_per_second);
}

void
atlas_trace_startup (const char *point)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_strcmp0 (g_getenv (TRACE_ENV), "1") == 0;
  if (enabled)
    fprintf (stderr, "trace %" G_GINT64_FORMAT " %s\n", atlas_ms_since_exec (), point);
}
