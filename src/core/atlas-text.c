/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-text.h"

/* Line breaks, tabs and the other control characters: C0, DEL, C1, and the Unicode line and
 * paragraph separators, which some tools and fonts treat as line breaks too. */
static gboolean
is_breaking (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

char *
atlas_text_one_line (const char *text,
                     guint       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;
  guint n_chars = 0;
  gboolean in_break = FALSE;

  if (text == NULL)
    return NULL;
  /* File names need not be UTF-8; dataset text always is. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (MIN (strlen (text), max_chars > 0 ? max_chars * 4 + 4 : G_MAXSIZE));
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_breaking (c))
        {
          if (!in_break)
            {
              g_string_append_c (out, ' ');
              n_chars++;
            }
          in_break = TRUE;
        }
      else
        {
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          n_chars++;
          in_break = FALSE;
        }
      if (max_chars > 0 && n_chars > max_chars)
        break;
    }

  if (max_chars > 0 && n_chars > max_chars)
    {
      /* Keep max_chars - 1 characters and the ellipsis. */
      const char *cut = g_utf8_offset_to_pointer (out->str, max_chars - 1);

      g_string_truncate (out, cut - out->str);
      g_string_append (out, ATLAS_TEXT_ELLIPSIS);
    }
  return g_string_free (out, FALSE);
}

gboolean
atlas_text_needs_escape (const char *text)
{
  const char *p, *end;

  if (text == NULL)
    return FALSE;
  if (!g_utf8_validate (text, -1, &end) || *end != '\0')
    return TRUE;
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_breaking (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

char *
atlas_text_escape (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;
  if (!atlas_text_needs_escape (text))
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + 16);
  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\x%02x", c);
      else if (is_breaking (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
