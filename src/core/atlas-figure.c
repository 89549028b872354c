/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "atlas-figure.h"
#include "atlas-text.h"

#define MAX_DECIMALS 6
#define LARGE 1e15

static char *
format_number (double value,
               int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double magnitude = fabs (value);

  if (!isfinite (value))
    return g_strdup ("–");
  decimals = CLAMP (decimals, 0, MAX_DECIMALS);
  if (value == 0)
    value = 0;  /* no "-0" */
  if (magnitude >= LARGE || (magnitude > 0 && magnitude < 0.5 * pow (10, -decimals)))
    {
      char *e;

      g_ascii_formatd (buffer, sizeof buffer, "%.2e", value);
      /* "1.23e+308" and "1.23e-05" read better as "1.23e308" and "1.23e-5". */
      e = strchr (buffer, 'e');
      if (e != NULL)
        {
          char *digits = e + 1;
          char *w = digits;
          char *r = digits;

          if (*r == '+')
            r++;
          else if (*r == '-')
            *w++ = *r++;
          while (*r == '0' && r[1] != '\0')
            r++;
          while (*r != '\0')
            *w++ = *r++;
          *w = '\0';
        }
      return g_strdup (buffer);
    }
  {
    char format[8];

    g_snprintf (format, sizeof format, "%%.%df", decimals);
    g_ascii_formatd (buffer, sizeof buffer, format, value);
  }
  return g_strdup (buffer);
}

char *
atlas_figure_format (double      value,
                     int         decimals,
                     const char *unit)
{
  g_autofree char *number = format_number (value, decimals);
  g_autofree char *short_unit = NULL;

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  short_unit = atlas_text_one_line (unit, ATLAS_FIGURE_MAX_UNIT);
  /* A space before the unit, as in "20.1 %". */
  return g_strconcat (number, " ", short_unit, NULL);
}
