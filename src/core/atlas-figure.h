/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An indicator's figure as the legend on screen and the export legend show it.
 *
 * The number has `decimals` decimals (clamped to 0..6), except when it is too large or too
 * small for them to mean anything (a magnitude of 10^15 and over, or a non-zero one that would
 * round to 0): then three significant digits in scientific notation, "1.23e308", so that a
 * 309-digit figure stays short. A value that is not finite (a class bound computed from extreme
 * figures) reads "–" instead of "inf" or "nan". The unit follows after a space, on one line and
 * cut to ATLAS_FIGURE_MAX_UNIT characters with "…": the legend names the whole unit elsewhere,
 * in a label that wraps. Numbers use the C locale's decimal point, as the data files do. */

#define ATLAS_FIGURE_MAX_UNIT 24

/* Free with g_free. unit may be NULL or empty. */
char *atlas_figure_format (double      value,
                           int         decimals,
                           const char *unit);

G_END_DECLS
