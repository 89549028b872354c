/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "atlas-figure.h"
#include "atlas-text.h"

#define MAX_DECIMALS 6
#define LARGE 1e15

char *
atlas_format_number (double value,
                     int    decimals)
{
  double magnitude = fabs (value);
  char *text;
  char *e;

  if (!isfinite (value))
    return g_strdup ("–");
  decimals = CLAMP (decimals, 0, MAX_DECIMALS);
  /* No "-0.0", and no "5.55e-17" for a class break that is zero but for rounding. */
  if (magnitude < 0.5 * pow (10, -decimals))
    value = 0;
  /* printf, not g_ascii_formatd: the locale's decimal separator ("20,1" in German). */
  if (magnitude < LARGE)
    return g_strdup_printf ("%.*f", decimals, value);

  text = g_strdup_printf ("%.2e", value);
  /* "1.23e+308" reads better as "1.23e308". */
  e = strchr (text, 'e');
  if (e != NULL)
    {
      char *w = e + 1;
      char *r = e + 1;

      if (*r == '+')
        r++;
      while (*r == '0' && r[1] != '\0')
        r++;
      memmove (w, r, strlen (r) + 1);
    }
  return text;
}

char *
atlas_figure_format (double      value,
                     int         decimals,
                     const char *unit)
{
  g_autofree char *number = atlas_format_number (value, decimals);
  g_autofree char *short_unit = NULL;

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  short_unit = atlas_text_one_line (unit, ATLAS_FIGURE_MAX_UNIT);
  /* A space before the unit, as in "20.1 %". */
  return g_strconcat (number, " ", short_unit, NULL);
}
