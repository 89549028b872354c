/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Figures as the side panel, the legend on screen and every export show them: the one number
 * formatter of the project.
 *
 * atlas_format_number: `decimals` decimals (clamped to 0..6) with the locale's decimal
 * separator ("20.1", "20,1" in German). A magnitude that rounds to 0 is "0.0" (no "-0.0", no
 * "5.55e-17" for a class break that is zero but for rounding); a magnitude of 10^15 and over
 * takes three significant digits in scientific notation, "1.00e308", so that a 309-digit figure
 * stays short. A value that is not finite (a class bound computed from extreme figures) reads
 * "–" instead of "inf" or "nan".
 *
 * atlas_figure_format: the same number, then its unit after a space, on one line and cut to
 * ATLAS_FIGURE_MAX_UNIT characters with "…": the legend names the whole unit elsewhere, in a
 * label that wraps. */

#define ATLAS_FIGURE_MAX_UNIT 24

/* Free with g_free. */
char *atlas_format_number (double value,
                           int    decimals);
/* Free with g_free. unit may be NULL or empty. */
char *atlas_figure_format (double      value,
                           int         decimals,
                           const char *unit);

G_END_DECLS
