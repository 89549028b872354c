/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates as the reader's language and locale write them, for the side panel and every export:
 * the order and punctuation come from the translation ("3 December 2026", "3. Dezember
 * 2026"), the month's name from the locale (LC_TIME), as g_date_time_format gives it.
 * Numbers go through atlas_format_number () (atlas-figure.h), which writes the locale's
 * decimal separator. */

char *atlas_format_date  (GDateTime *date);
/* Today in the local time zone. */
char *atlas_format_today (void);

G_END_DECLS
