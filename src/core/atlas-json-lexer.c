/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-json-private.h"
#include "atlas-problems.h"

/* The JSON lexer: encoding checks, strings with their escapes; and the located errors the
 * parser reports. Numbers are read in atlas-json-private.h, inlined into the parser. */

/* The offset of the first byte that is not UTF-8, or G_MAXSIZE; like GLib, a NUL byte counts
 * as not UTF-8. Data files are almost all ASCII: that part is skipped eight bytes at a time
 * before GLib validates the rest. */
gsize
_atlas_json_find_bad_utf8 (const char *buf,
                           gsize       length,
                           gboolean   *ascii)
{
  const char *end;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, buf + i, 8);
      /* A byte with its high bit set, or a zero byte. */
      if ((word | ((word - G_GUINT64_CONSTANT (0x0101010101010101)) & ~word))
          & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
    }
  for (; i < length && (guchar) buf[i] < 0x80 && buf[i] != '\0'; i++)
    ;
  *ascii = i == length;
  if (g_utf8_validate_len (buf + i, length - i, &end))
    return G_MAXSIZE;
  return end - buf;
}

/* The path of the value being parsed: the open containers, then (with_pending) the element
 * or member that comes next. */
static char *
current_path (Parser   *ps,
              gboolean  with_pending)
{
  GString *path = g_string_new ("$");
  guint f;

  for (f = 0; f < ps->n_frames; f++)
    {
      const Frame *frame = &ps->frames[f];
      const AtlasJsonNode *node = &STACK_AT (ps, frame->node);

      if (f > 0)
        _atlas_json_append_component (path, node->key, node->index);
    }
  if (with_pending && ps->n_frames > 0)
    {
      const Frame *top = &ps->frames[ps->n_frames - 1];
      const AtlasJsonNode *node = &STACK_AT (ps, top->node);

      if (node->kind == ATLAS_JSON_OBJECT && ps->pending_key != NULL)
        _atlas_json_append_component (path, ps->pending_key, 0);
      else if (node->kind == ATLAS_JSON_ARRAY)
        _atlas_json_append_component (path, NULL, ps->stack_len - top->first_child);
    }
  return g_string_free (path, FALSE);
}

gboolean
_atlas_json_fail (Parser            *ps,
                  gsize              pos,
                  AtlasDatasetError  code,
                  gboolean           with_pending,
                  const char        *format,
                  ...)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  if (ps->error != NULL)
    return FALSE;

  /* An earlier byte that is not UTF-8 is the real problem. */
  if (ps->bad_utf8 < pos)
    {
      pos = ps->bad_utf8;
      code = ATLAS_DATASET_ERROR_ENCODING;
      format = NULL;
    }

  path = current_path (ps, with_pending);
  if (format != NULL)
    {
      va_start (args, format);
      message = g_strdup_vprintf (format, args);
      va_end (args);
    }
  else
    message = g_strdup_printf ("invalid UTF-8 (byte 0x%02X)", (guchar) ps->buf[pos]);

  line = atlas_problems_format_line (ps->name, ps->line, column_at (ps, pos), path, message);
  g_set_error_literal (&ps->error, ATLAS_DATASET_ERROR, code, line);
  return FALSE;
}

static void
describe_char (Parser *ps,
               gsize   pos,
               char    out[16])
{
  guchar c = ps->buf[pos];

  if (pos >= ps->len)
    g_strlcpy (out, "end of input", 16);
  else if (c >= 0x20 && c < 0x7F)
    g_snprintf (out, 16, "'%c'", c);
  else if (c < 0x80)
    g_snprintf (out, 16, "U+%04X", c);
  else
    g_snprintf (out, 16, "U+%04X",
                (guint) g_utf8_get_char_validated (ps->buf + pos, ps->len - pos));
}

gboolean
_atlas_json_fail_unexpected (Parser     *ps,
                             gboolean    with_pending,
                             const char *expected)
{
  char what[16];

  describe_char (ps, ps->pos, what);
  if (ps->pos >= ps->len)
    return _atlas_json_fail (ps, ps->pos, ATLAS_DATASET_ERROR_SYNTAX, with_pending,
                             "unexpected end of input, expected %s", expected);
  return _atlas_json_fail (ps, ps->pos, ATLAS_DATASET_ERROR_SYNTAX, with_pending,
                           "unexpected %s, expected %s", what, expected);
}

static gboolean
read_hex4 (const char *p,
           gunichar   *out)
{
  gunichar value = 0;
  int i;

  for (i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }
  *out = value;
  return TRUE;
}

/* Decodes one escape at ps->pos (just after the backslash), writing UTF-8 at *w. */
static gboolean
read_escape (Parser  *ps,
             char   **w)
{
  char *p = ps->buf + ps->pos;
  gunichar c, low;

  switch (*p)
    {
    case '"': *(*w)++ = '"'; ps->pos++; return TRUE;
    case '\\': *(*w)++ = '\\'; ps->pos++; return TRUE;
    case '/': *(*w)++ = '/'; ps->pos++; return TRUE;
    case 'b': *(*w)++ = '\b'; ps->pos++; return TRUE;
    case 'f': *(*w)++ = '\f'; ps->pos++; return TRUE;
    case 'n': *(*w)++ = '\n'; ps->pos++; return TRUE;
    case 'r': *(*w)++ = '\r'; ps->pos++; return TRUE;
    case 't': *(*w)++ = '\t'; ps->pos++; return TRUE;
    case 'u':
      break;
    default:
      return _atlas_json_fail (ps, ps->pos - 1, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
                               "invalid escape sequence in string");
    }

  if (!read_hex4 (p + 1, &c))
    return _atlas_json_fail (ps, ps->pos - 1, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
                             "invalid \\u escape, expected four hexadecimal digits");
  if (c >= 0xDC00 && c <= 0xDFFF)
    return _atlas_json_fail (ps, ps->pos - 1, ATLAS_DATASET_ERROR_ENCODING, TRUE,
                             "unpaired low surrogate \\u%04X in string", c);
  if (c >= 0xD800 && c <= 0xDBFF)
    {
      if (p[5] != '\\' || p[6] != 'u' || !read_hex4 (p + 7, &low) || low < 0xDC00 || low > 0xDFFF)
        return _atlas_json_fail (ps, ps->pos - 1, ATLAS_DATASET_ERROR_ENCODING, TRUE,
                                 "unpaired high surrogate \\u%04X in string", c);
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      ps->pos += 6;
    }
  if (c == 0)
    return _atlas_json_fail (ps, ps->pos - 1, ATLAS_DATASET_ERROR_ENCODING, TRUE,
                             "\\u0000 is not allowed in text");
  ps->pos += 5;
  *w += g_unichar_to_utf8 (c, *w);
  return TRUE;
}

/* Reads the string at ps->pos (on its opening quote), unescaping in place and NUL-terminating
 * it where its closing quote was. */
gboolean
_atlas_json_read_string (Parser      *ps,
                         const char **out,
                         guint32     *out_len)
{
  gsize start = ps->pos;
  char *buf = ps->buf;
  char *w;
  gsize r = start + 1;
  gboolean escaped = FALSE;

  /* Fast path: no escapes. */
  for (;;)
    {
      guchar c = buf[r];

      if (c == '"' || c == '\\' || c < 0x20)
        break;
      r++;
    }
  w = buf + r;

  for (;;)
    {
      guchar c = buf[r];

      if (ps->bad_utf8 < r)
        return _atlas_json_fail (ps, ps->bad_utf8, ATLAS_DATASET_ERROR_ENCODING, TRUE, NULL);
      if (c == '"')
        break;
      if (c == '\\')
        {
          escaped = TRUE;
          ps->pos = r + 1;
          if (!read_escape (ps, &w))
            return FALSE;
          r = ps->pos;
          continue;
        }
      if (c < 0x20)
        {
          if (r >= ps->len)
            {
              ps->pos = r;
              return _atlas_json_fail (ps, r, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
                                       "unexpected end of input inside a string");
            }
          return _atlas_json_fail (ps, r, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
                                   "control character U+%04X in string (write it as an escape)", c);
        }
      *w++ = c;
      r++;
    }

  *w = '\0';
  if ((gsize) (w - (buf + start + 1)) > ATLAS_JSON_MAX_STRING)
    return _atlas_json_fail (ps, start, ATLAS_DATASET_ERROR_LIMIT, TRUE,
                             "string longer than %d bytes", ATLAS_JSON_MAX_STRING);
  /* Escapes decode to valid UTF-8 by construction; check anyway, it is cheap. */
  if (escaped && !g_utf8_validate (buf + start + 1, w - (buf + start + 1), NULL))
    return _atlas_json_fail (ps, start, ATLAS_DATASET_ERROR_ENCODING, TRUE,
                             "string is not valid UTF-8");

  *out = buf + start + 1;
  *out_len = w - (buf + start + 1);
  ps->pos = r + 1;
  return TRUE;
}

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

gboolean
_atlas_json_read_number (Parser *ps,
                         double *out)
{
  const char *buf = ps->buf;
  gsize start = ps->pos, p = start;
  guint64 mantissa = 0;
  int digits = 0, frac_digits = 0, exponent = 0;
  gboolean negative = FALSE, simple = TRUE;

  if (buf[p] == '-')
    {
      negative = TRUE;
      p++;
    }
  if (buf[p] == '0')
    {
      p++;
      if (g_ascii_isdigit (buf[p]))
        return _atlas_json_fail (ps, start, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
                                 "numbers may not have leading zeros");
    }
  else if (buf[p] >= '1' && buf[p] <= '9')
    {
      while (g_ascii_isdigit (buf[p]))
        {
          if (digits < 18)
            mantissa = mantissa * 10 + (buf[p] - '0');
          digits++;
          p++;
        }
    }
  else
    {
      ps->pos = p;
      return _atlas_json_fail_unexpected (ps, TRUE, "a digit");
    }

  if (buf[p] == '.')
    {
      p++;
      if (!g_ascii_isdigit (buf[p]))
        {
          ps->pos = p;
          return _atlas_json_fail_unexpected (ps, TRUE, "a digit after the decimal point");
        }
      while (g_ascii_isdigit (buf[p]))
        {
          if (digits > 0 || buf[p] != '0')
            {
              if (digits < 18)
                mantissa = mantissa * 10 + (buf[p] - '0');
              digits++;
            }
          frac_digits++;
          p++;
        }
    }
  if (buf[p] == 'e' || buf[p] == 'E')
    {
      gboolean exp_negative = FALSE;

      p++;
      if (buf[p] == '+' || buf[p] == '-')
        exp_negative = buf[p++] == '-';
      if (!g_ascii_isdigit (buf[p]))
        {
          ps->pos = p;
          return _atlas_json_fail_unexpected (ps, TRUE, "a digit in the exponent");
        }
      while (g_ascii_isdigit (buf[p]))
        {
          if (exponent < 100000)
            exponent = exponent * 10 + (buf[p] - '0');
          p++;
        }
      if (exp_negative)
        exponent = -exponent;
    }

  /* Exact when the digits fit a double's mantissa and the power of ten is exact too: then
   * one IEEE multiplication or division rounds correctly. */
  exponent -= frac_digits;
  if (digits <= 15 && exponent >= -22 && exponent <= 22)
    {
      double value = (double) mantissa;

      value = exponent < 0 ? value / powers_of_ten[-exponent] : value * powers_of_ten[exponent];
      *out = negative ? -value : value;
    }
  else
    simple = FALSE;

  if (!simple)
    {
      char small[64];
      g_autofree char *large = NULL;
      const char *text;

      if (p - start < sizeof small)
        {
          memcpy (small, buf + start, p - start);
          small[p - start] = '\0';
          text = small;
        }
      else
        text = large = g_strndup (buf + start, p - start);

      *out = g_ascii_strtod (text, NULL);
      if (!isfinite (*out))
        return _atlas_json_fail (ps, start, ATLAS_DATASET_ERROR_LIMIT, TRUE,
                                 "number %.*s is out of range", (int) MIN (p - start, 40), buf + start);
    }

  ps->pos = p;
  return TRUE;
}
