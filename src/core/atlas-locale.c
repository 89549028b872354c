/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-locale.h"

#include <glib/gi18n-lib.h>

char *
atlas_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* TRANSLATORS: a date, "23 November 2023"; see g_date_time_format for the codes (German:
   * "%-d. %B %Y"). The month's name comes from the locale. */
  return g_date_time_format (date, _("%-d %B %Y"));
}

char *
atlas_format_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return atlas_format_date (now);
}
