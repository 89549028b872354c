/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <string.h>

#include "atlas-json.h"

G_BEGIN_DECLS

/* Internal: shared by the JSON parser (atlas-json.c), its lexer (atlas-json-lexer.c) and the
 * node API (atlas-json-node.c). */

/* A container being parsed. Its children wait on the parser's stack until it closes, then
 * move as one block into the final node array, so every container's children are contiguous. */
typedef struct {
  guint node;            /* index of the container on the stack */
  guint first_child;     /* index on the stack of its first child */
  GHashTable *keys;      /* member names, for duplicate detection in large objects */
} Frame;

typedef struct {
  char *buf;
  gsize len;
  gsize pos;
  const char *name;

  guint32 line;
  gsize line_start;
  gsize col_pos;         /* column cache: col_chars characters lie between line_start and */
  guint32 col_chars;     /* col_pos, so columns cost O(n) over the whole document */
  gsize bad_utf8;        /* offset of the first byte that is not UTF-8, or G_MAXSIZE */

  AtlasJsonNode *stack;  /* children refer to `nodes` by index */
  guint stack_len;
  guint stack_cap;
  AtlasJsonNode *nodes;  /* large inputs: reserved for the most values they can hold */
  guint n_nodes;
  gsize nodes_size;      /* bytes allocated */
  gboolean nodes_large;  /* from _atlas_large_alloc, else from g_malloc and may grow */
  Frame frames[ATLAS_JSON_MAX_DEPTH];
  guint n_frames;
  gboolean ascii;        /* no byte over 0x7F: a column is a byte count */
  const char *pending_key;

  GError *error;
} Parser;

#define STACK_AT(ps, i) ((ps)->stack[i])

static inline guint32
column_at (Parser *ps,
           gsize   pos)
{
  if (ps->ascii)
    return pos - ps->line_start + 1;
  if (ps->col_pos < ps->line_start || pos < ps->col_pos)
    {
      ps->col_pos = ps->line_start;
      ps->col_chars = 0;
    }
  for (; ps->col_pos < pos; ps->col_pos++)
    if (((guchar) ps->buf[ps->col_pos] & 0xC0) != 0x80)
      ps->col_chars++;
  return ps->col_chars + 1;
}

gsize    _atlas_json_find_bad_utf8    (const char *buf, gsize length, gboolean *ascii);
void     _atlas_json_append_component (GString *path, const char *key, guint index);
gboolean _atlas_json_fail             (Parser *ps, gsize pos, AtlasDatasetError code,
                                       gboolean with_pending,
                                       const char *format, ...) G_GNUC_PRINTF (5, 6);
gboolean _atlas_json_fail_unexpected  (Parser *ps, gboolean with_pending, const char *expected);
gboolean _atlas_json_read_string      (Parser *ps, const char **out, guint32 *out_len);

/* The parser's files call them by their short names. */
#define find_bad_utf8 _atlas_json_find_bad_utf8
#define append_component _atlas_json_append_component
#define fail _atlas_json_fail
#define fail_unexpected _atlas_json_fail_unexpected
#define read_string _atlas_json_read_string

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* One number per value of a coordinate list: inlined into the parser's value loop. */
static inline gboolean
read_number (Parser *ps,
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
        return fail (ps, start, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
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
      return fail_unexpected (ps, TRUE, "a digit");
    }

  if (buf[p] == '.')
    {
      p++;
      if (!g_ascii_isdigit (buf[p]))
        {
          ps->pos = p;
          return fail_unexpected (ps, TRUE, "a digit after the decimal point");
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
          return fail_unexpected (ps, TRUE, "a digit in the exponent");
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
        return fail (ps, start, ATLAS_DATASET_ERROR_LIMIT, TRUE,
                     "number %.*s is out of range", (int) MIN (p - start, 40), buf + start);
    }

  ps->pos = p;
  return TRUE;
}

G_END_DECLS
