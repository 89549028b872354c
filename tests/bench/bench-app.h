/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What bench-app.c shares with the parts of it in files of their own. */

#include <glib.h>

/* Start-up to the complete map against the empty window's first frame. */
#define STARTUP_TARGET 1.4

/* Median of doubles (sorts them); 0 for none. */
double median (GArray *values);

/* One row of the table: a line "RESULT\tFIGURE\tOURS UNIT\tBASELINE UNIT\tRATIO\tTARGET\tMET"
 * for build-aux/bench.sh. */
void print_result (const char *figure,
                   const char *unit,
                   double      ours,
                   double      baseline,
                   const char *target,
                   const char *met);

/* RENDERER as GSK_RENDERER in ENV; "default" leaves it unset, so that each program gets the
 * renderer it gets on a planner's machine (GTK's GL renderer for the empty window; ics-atlas
 * chooses cairo on a software OpenGL driver). Returns ENV. */
char   **bench_environ_set_renderer (char       **env,
                                     const char  *renderer);
/* Whether figures with RENDERER are judged against their targets: forcing GTK's GL renderer
 * on a software driver is what the app's own choice avoids, so those are reported only. */
gboolean bench_renderer_judged      (const char  *renderer);

/* bench-observed.c: start-up seen from outside by bench-observer (OBSERVER), ics-atlas
 * (APP_ARGV) alternated with the empty window (EMPTY_ARGV), RUNS each, with RENDERER. */
void bench_observed_startup (const char         *observer,
                             const char * const *app_argv,
                             const char * const *empty_argv,
                             const char         *renderer,
                             int                 runs);
