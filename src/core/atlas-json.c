/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "atlas-json.h"
#include "atlas-memory-private.h"

struct _AtlasJsonDocument {
  gatomicrefcount ref_count;
  char *name;
  char *buffer;          /* our copy of the input; strings are unescaped inside it */
  gsize buffer_size;
  AtlasJsonNode *nodes;  /* all nodes; the root is the last one */
  guint n_nodes;
  gsize nodes_size;      /* bytes reserved */
  gboolean nodes_large;
};

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

#define SMALL_OBJECT 16
#define STACK_AT(ps, i) ((ps)->stack[i])
/* From this size on, nodes go to huge pages (every value starts at a byte of its own, so the
 * input's length bounds their number). */
#define LARGE_INPUT (1024 * 1024)

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* The offset of the first byte that is not UTF-8, or G_MAXSIZE; like GLib, a NUL byte counts
 * as not UTF-8. Data files are almost all ASCII: that part is skipped eight bytes at a time
 * before GLib validates the rest. */
static gsize
find_bad_utf8 (const char *buf,
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

static gboolean
is_plain_key (const char *key)
{
  const char *p;

  if (!g_ascii_isalpha (key[0]) && key[0] != '_')
    return FALSE;
  for (p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static void
append_component (GString    *path,
                  const char *key,
                  guint       index)
{
  const char *p;

  if (key == NULL)
    {
      g_string_append_printf (path, "[%u]", index);
      return;
    }
  if (is_plain_key (key))
    {
      g_string_append_c (path, '.');
      g_string_append (path, key);
      return;
    }
  g_string_append (path, "[\"");
  for (p = key; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (path, '\\');
      g_string_append_c (path, *p);
    }
  g_string_append (path, "\"]");
}

static guint32
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
        append_component (path, node->key, node->index);
    }
  if (with_pending && ps->n_frames > 0)
    {
      const Frame *top = &ps->frames[ps->n_frames - 1];
      const AtlasJsonNode *node = &STACK_AT (ps, top->node);

      if (node->kind == ATLAS_JSON_OBJECT && ps->pending_key != NULL)
        append_component (path, ps->pending_key, 0);
      else if (node->kind == ATLAS_JSON_ARRAY)
        append_component (path, NULL, ps->stack_len - top->first_child);
    }
  return g_string_free (path, FALSE);
}

static gboolean fail (Parser *ps, gsize pos, AtlasDatasetError code, gboolean with_pending,
                      const char *format, ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail (Parser            *ps,
      gsize              pos,
      AtlasDatasetError  code,
      gboolean           with_pending,
      const char        *format,
      ...)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
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

  g_set_error (&ps->error, ATLAS_DATASET_ERROR, code, "%s:%u:%u: %s: %s",
               ps->name, ps->line, column_at (ps, pos), path, message);
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

static gboolean
fail_unexpected (Parser     *ps,
                 gboolean    with_pending,
                 const char *expected)
{
  char what[16];

  describe_char (ps, ps->pos, what);
  if (ps->pos >= ps->len)
    return fail (ps, ps->pos, ATLAS_DATASET_ERROR_SYNTAX, with_pending,
                 "unexpected end of input, expected %s", expected);
  return fail (ps, ps->pos, ATLAS_DATASET_ERROR_SYNTAX, with_pending,
               "unexpected %s, expected %s", what, expected);
}

static inline void
skip_whitespace (Parser *ps)
{
  const char *buf = ps->buf;
  gsize pos = ps->pos;

  for (;;)
    {
      char c = buf[pos];

      if (c == ' ' || c == '\t' || c == '\r')
        pos++;
      else if (c == '\n')
        {
          pos++;
          ps->line++;
          ps->line_start = pos;
        }
      else
        break;
    }
  ps->pos = pos;
}

static AtlasJsonNode *
push_node (Parser        *ps,
           AtlasJsonKind  kind,
           gsize          pos)
{
  AtlasJsonNode *node;
  guint index = 0;

  if (ps->n_frames > 0)
    index = ps->stack_len - ps->frames[ps->n_frames - 1].first_child;

  if (G_UNLIKELY (ps->stack_len == ps->stack_cap))
    {
      ps->stack_cap *= 2;
      ps->stack = g_renew (AtlasJsonNode, ps->stack, ps->stack_cap);
    }
  node = &ps->stack[ps->stack_len++];
  node->kind = kind;
  node->line = ps->line;
  node->column = column_at (ps, pos);
  node->index = index;
  node->parent = NULL;
  node->key = ps->pending_key;
  ps->pending_key = NULL;
  return node;
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
      return fail (ps, ps->pos - 1, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
                   "invalid escape sequence in string");
    }

  if (!read_hex4 (p + 1, &c))
    return fail (ps, ps->pos - 1, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
                 "invalid \\u escape, expected four hexadecimal digits");
  if (c >= 0xDC00 && c <= 0xDFFF)
    return fail (ps, ps->pos - 1, ATLAS_DATASET_ERROR_ENCODING, TRUE,
                 "unpaired low surrogate \\u%04X in string", c);
  if (c >= 0xD800 && c <= 0xDBFF)
    {
      if (p[5] != '\\' || p[6] != 'u' || !read_hex4 (p + 7, &low) || low < 0xDC00 || low > 0xDFFF)
        return fail (ps, ps->pos - 1, ATLAS_DATASET_ERROR_ENCODING, TRUE,
                     "unpaired high surrogate \\u%04X in string", c);
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      ps->pos += 6;
    }
  if (c == 0)
    return fail (ps, ps->pos - 1, ATLAS_DATASET_ERROR_ENCODING, TRUE,
                 "\\u0000 is not allowed in text");
  ps->pos += 5;
  *w += g_unichar_to_utf8 (c, *w);
  return TRUE;
}

/* Reads the string at ps->pos (on its opening quote), unescaping in place and NUL-terminating
 * it where its closing quote was. */
static gboolean
read_string (Parser      *ps,
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
        return fail (ps, ps->bad_utf8, ATLAS_DATASET_ERROR_ENCODING, TRUE, NULL);
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
              return fail (ps, r, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
                           "unexpected end of input inside a string");
            }
          return fail (ps, r, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
                       "control character U+%04X in string (write it as an escape)", c);
        }
      *w++ = c;
      r++;
    }

  *w = '\0';
  if ((gsize) (w - (buf + start + 1)) > ATLAS_JSON_MAX_STRING)
    return fail (ps, start, ATLAS_DATASET_ERROR_LIMIT, TRUE,
                 "string longer than %d bytes", ATLAS_JSON_MAX_STRING);
  /* Escapes decode to valid UTF-8 by construction; check anyway, it is cheap. */
  if (escaped && !g_utf8_validate (buf + start + 1, w - (buf + start + 1), NULL))
    return fail (ps, start, ATLAS_DATASET_ERROR_ENCODING, TRUE, "string is not valid UTF-8");

  *out = buf + start + 1;
  *out_len = w - (buf + start + 1);
  ps->pos = r + 1;
  return TRUE;
}

static gboolean
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

static gboolean
is_duplicate_key (Parser     *ps,
                  Frame      *frame,
                  const char *key,
                  gsize       pos)
{
  guint n = ps->stack_len - frame->first_child;
  const AtlasJsonNode *first = NULL;
  guint i;

  if (frame->keys == NULL && n < SMALL_OBJECT)
    {
      for (i = frame->first_child; i < ps->stack_len; i++)
        {
          const AtlasJsonNode *sibling = &STACK_AT (ps, i);

          if (strcmp (sibling->key, key) == 0)
            {
              first = sibling;
              break;
            }
        }
    }
  else
    {
      if (frame->keys == NULL)
        {
          frame->keys = g_hash_table_new (g_str_hash, g_str_equal);
          for (i = frame->first_child; i < ps->stack_len; i++)
            {
              const AtlasJsonNode *sibling = &STACK_AT (ps, i);

              g_hash_table_insert (frame->keys, (gpointer) sibling->key, GUINT_TO_POINTER (i + 1));
            }
        }
      i = GPOINTER_TO_UINT (g_hash_table_lookup (frame->keys, key));
      if (i > 0)
        first = &STACK_AT (ps, i - 1);
      else
        g_hash_table_insert (frame->keys, (gpointer) key, GUINT_TO_POINTER (ps->stack_len + 1));
    }

  if (first == NULL)
    return FALSE;

  ps->pending_key = key;
  fail (ps, pos, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
        "duplicate member \"%s\" (the first one's value is at line %u, column %u)", key,
        first->line, first->column);
  return TRUE;
}

/* After '{' or ',' in an object: reads `"name" :` and leaves the name pending. */
static gboolean
read_member_name (Parser *ps)
{
  Frame *frame = &ps->frames[ps->n_frames - 1];
  const char *key;
  guint32 len;
  gsize pos;

  skip_whitespace (ps);
  pos = ps->pos;
  if (ps->buf[pos] != '"')
    return fail_unexpected (ps, FALSE, "a member name in double quotes");
  if (!read_string (ps, &key, &len))
    return FALSE;
  /* The hash table indexes members already pushed, keyed by their name. */
  if (is_duplicate_key (ps, frame, key, pos))
    return FALSE;
  ps->pending_key = key;
  skip_whitespace (ps);
  if (ps->buf[ps->pos] != ':')
    return fail_unexpected (ps, TRUE, "':' after the member name");
  ps->pos++;
  return TRUE;
}

/* Moves the children of the top container into the final array. */
static void
close_container (Parser *ps)
{
  Frame frame = ps->frames[ps->n_frames - 1];
  guint n = ps->stack_len - frame.first_child;
  AtlasJsonNode *container = &STACK_AT (ps, frame.node);

  container->v.children.first = GUINT_TO_POINTER (ps->n_nodes);
  container->v.children.n = n;
  if ((ps->n_nodes + n + 1) * sizeof (AtlasJsonNode) > ps->nodes_size)
    {
      g_assert (!ps->nodes_large);
      ps->nodes_size = MAX (ps->nodes_size * 2, (ps->n_nodes + n + 1) * sizeof (AtlasJsonNode));
      ps->nodes = g_realloc (ps->nodes, ps->nodes_size);
    }
  if (n > 0)
    memcpy (ps->nodes + ps->n_nodes, &STACK_AT (ps, frame.first_child),
            n * sizeof (AtlasJsonNode));
  ps->n_nodes += n;
  ps->stack_len = frame.first_child;
  g_clear_pointer (&frame.keys, g_hash_table_unref);
  ps->n_frames--;
}

static gboolean
open_container (Parser        *ps,
                AtlasJsonKind  kind)
{
  Frame frame = { 0, };

  if (ps->n_frames >= ATLAS_JSON_MAX_DEPTH)
    return fail (ps, ps->pos, ATLAS_DATASET_ERROR_LIMIT, TRUE,
                 "nesting deeper than %d levels", ATLAS_JSON_MAX_DEPTH);
  push_node (ps, kind, ps->pos);
  frame.node = ps->stack_len - 1;
  frame.first_child = ps->stack_len;
  ps->frames[ps->n_frames++] = frame;
  ps->pos++;
  return TRUE;
}

static gboolean
read_literal (Parser        *ps,
              const char    *word,
              gsize          len,
              AtlasJsonKind  kind)
{
  if (strncmp (ps->buf + ps->pos, word, len) != 0)
    return fail_unexpected (ps, TRUE, "a JSON value");
  push_node (ps, kind, ps->pos);
  ps->pos += len;
  return TRUE;
}

/* Reads one value; a container is only opened (its contents follow in the main loop). */
static gboolean
read_value (Parser   *ps,
            gboolean *opened)
{
  char c;

  skip_whitespace (ps);
  c = ps->buf[ps->pos];
  *opened = FALSE;

  /* Each value costs a node of about 50 bytes: a file of nothing but tiny values would
   * otherwise need memory many times its size. */
  if (ps->n_nodes + ps->stack_len >= ATLAS_JSON_MAX_VALUES && ps->pos < ps->len)
    return fail (ps, ps->pos, ATLAS_DATASET_ERROR_LIMIT, TRUE,
                 "more than %d values in one file", ATLAS_JSON_MAX_VALUES);

  switch (c)
    {
    case '{':
      *opened = TRUE;
      return open_container (ps, ATLAS_JSON_OBJECT);
    case '[':
      *opened = TRUE;
      return open_container (ps, ATLAS_JSON_ARRAY);
    case '"':
      {
        gsize pos = ps->pos;
        const char *str;
        guint32 len;
        AtlasJsonNode *node;

        if (!read_string (ps, &str, &len))
          return FALSE;
        node = push_node (ps, ATLAS_JSON_STRING, pos);
        node->v.string.str = str;
        node->v.string.len = len;
        return TRUE;
      }
    case 't':
      return read_literal (ps, "true", 4, ATLAS_JSON_TRUE);
    case 'f':
      return read_literal (ps, "false", 5, ATLAS_JSON_FALSE);
    case 'n':
      return read_literal (ps, "null", 4, ATLAS_JSON_NULL);
    default:
      if (c == '-' || g_ascii_isdigit (c))
        {
          gsize pos = ps->pos;
          double value = 0;

          if (!read_number (ps, &value))
            return FALSE;
          push_node (ps, ATLAS_JSON_NUMBER, pos)->v.number = value;
          return TRUE;
        }
      if (ps->pos == ps->bad_utf8)
        return fail (ps, ps->pos, ATLAS_DATASET_ERROR_ENCODING, TRUE, NULL);
      return fail_unexpected (ps, TRUE, "a JSON value");
    }
}

static gboolean
parse (Parser *ps)
{
  for (;;)
    {
      gboolean opened;

      if (!read_value (ps, &opened))
        return FALSE;

      if (opened)
        {
          AtlasJsonKind kind = STACK_AT (ps, ps->stack_len - 1).kind;

          skip_whitespace (ps);
          if (ps->buf[ps->pos] == (kind == ATLAS_JSON_OBJECT ? '}' : ']'))
            {
              ps->pos++;
              close_container (ps);
            }
          else
            {
              if (kind == ATLAS_JSON_OBJECT && !read_member_name (ps))
                return FALSE;
              continue;
            }
        }

      /* After a value: a comma, or the end of containers. */
      for (;;)
        {
          const AtlasJsonNode *container;
          char c;

          if (ps->n_frames == 0)
            {
              skip_whitespace (ps);
              if (ps->pos < ps->len)
                {
                  if (ps->pos == ps->bad_utf8)
                    return fail (ps, ps->pos, ATLAS_DATASET_ERROR_ENCODING, FALSE, NULL);
                  return fail_unexpected (ps, FALSE, "end of input after the top-level value");
                }
              return TRUE;
            }

          container = &STACK_AT (ps, ps->frames[ps->n_frames - 1].node);
          skip_whitespace (ps);
          c = ps->buf[ps->pos];
          if (c == ',')
            {
              ps->pos++;
              if (container->kind == ATLAS_JSON_OBJECT && !read_member_name (ps))
                return FALSE;
              break;
            }
          if (c == (container->kind == ATLAS_JSON_OBJECT ? '}' : ']'))
            {
              ps->pos++;
              close_container (ps);
              continue;
            }
          if (ps->pos == ps->bad_utf8)
            return fail (ps, ps->pos, ATLAS_DATASET_ERROR_ENCODING, FALSE, NULL);
          return fail_unexpected (ps, FALSE, container->kind == ATLAS_JSON_OBJECT
                                             ? "',' or '}'" : "',' or ']'");
        }
    }
}

static void
link_nodes (AtlasJsonNode *nodes,
            guint          n_nodes)
{
  guint i, k;

  for (i = 0; i < n_nodes; i++)
    {
      AtlasJsonNode *node = &nodes[i];

      if (node->kind != ATLAS_JSON_ARRAY && node->kind != ATLAS_JSON_OBJECT)
        continue;
      node->v.children.first = &nodes[GPOINTER_TO_UINT (node->v.children.first)];
      for (k = 0; k < node->v.children.n; k++)
        ((AtlasJsonNode *) node->v.children.first)[k].parent = node;
    }
}

/* Large inputs reserve room for the most values they can hold and never grow (pages never
 * touched cost nothing); small ones start from an estimate on the heap. */
static void
reserve_nodes (Parser *ps)
{
  ps->nodes_large = ps->len >= LARGE_INPUT;
  if (ps->nodes_large)
    {
      ps->nodes_size = (MIN (ps->len, ATLAS_JSON_MAX_VALUES) + 2) * sizeof (AtlasJsonNode);
      ps->nodes = _atlas_large_alloc (ps->nodes_size);
    }
  else
    {
      ps->nodes_size = (ps->len / 8 + 16) * sizeof (AtlasJsonNode);
      ps->nodes = g_malloc (ps->nodes_size);
    }
}

static void
free_nodes (AtlasJsonNode *nodes,
            gsize          size,
            gboolean       large)
{
  if (large)
    _atlas_large_free (nodes, size);
  else
    g_free (nodes);
}

static void
parser_clear (Parser *ps)
{
  guint f;

  for (f = 0; f < ps->n_frames; f++)
    g_clear_pointer (&ps->frames[f].keys, g_hash_table_unref);
  g_free (ps->stack);
  free_nodes (ps->nodes, ps->nodes_size, ps->nodes_large);
}

AtlasJsonDocument *
atlas_json_document_parse (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  Parser ps = { 0, };
  AtlasJsonDocument *doc;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length > ATLAS_JSON_MAX_INPUT)
    {
      g_set_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_LIMIT,
                   "%s:1:1: $: file is larger than %d MiB", display_name,
                   ATLAS_JSON_MAX_INPUT / (1024 * 1024));
      return NULL;
    }

  ps.name = display_name;
  ps.len = length;
  ps.buf = _atlas_large_alloc (length + 1);
  if (length > 0)
    memcpy (ps.buf, data, length);
  ps.buf[length] = '\0';
  ps.line = 1;
  ps.bad_utf8 = find_bad_utf8 (ps.buf, length, &ps.ascii);
  ps.stack_cap = 256;
  ps.stack = g_new (AtlasJsonNode, ps.stack_cap);
  reserve_nodes (&ps);

  if (length >= 3 && memcmp (ps.buf, "\xEF\xBB\xBF", 3) == 0)
    ps.pos = ps.line_start = 3;

  skip_whitespace (&ps);
  if (ps.pos >= length)
    {
      fail (&ps, ps.pos, ATLAS_DATASET_ERROR_SYNTAX, FALSE,
            "the file is empty, expected a JSON value");
    }
  else if (parse (&ps))
    {
      memcpy (ps.nodes + ps.n_nodes++, ps.stack, sizeof (AtlasJsonNode));
    }

  if (ps.error != NULL)
    {
      g_propagate_error (error, ps.error);
      _atlas_large_free (ps.buf, length + 1);
      parser_clear (&ps);
      return NULL;
    }

  doc = g_new0 (AtlasJsonDocument, 1);
  g_atomic_ref_count_init (&doc->ref_count);
  doc->name = g_strdup (display_name);
  doc->buffer = ps.buf;
  doc->buffer_size = length + 1;
  doc->n_nodes = ps.n_nodes;
  doc->nodes_size = ps.nodes_size;
  doc->nodes_large = ps.nodes_large;
  doc->nodes = g_steal_pointer (&ps.nodes);
  link_nodes (doc->nodes, doc->n_nodes);
  parser_clear (&ps);
  return doc;
}

AtlasJsonDocument *
atlas_json_document_ref (AtlasJsonDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_atomic_ref_count_inc (&doc->ref_count);
  return doc;
}

void
atlas_json_document_unref (AtlasJsonDocument *doc)
{
  g_return_if_fail (doc != NULL);
  if (!g_atomic_ref_count_dec (&doc->ref_count))
    return;
  g_free (doc->name);
  _atlas_large_free (doc->buffer, doc->buffer_size);
  free_nodes (doc->nodes, doc->nodes_size, doc->nodes_large);
  g_free (doc);
}

const AtlasJsonNode *
atlas_json_document_get_root (AtlasJsonDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return &doc->nodes[doc->n_nodes - 1];
}

const char *
atlas_json_document_get_name (AtlasJsonDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->name;
}

guint
atlas_json_document_get_n_nodes (AtlasJsonDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->n_nodes;
}

const char *
atlas_json_kind_to_string (AtlasJsonKind kind)
{
  switch (kind)
    {
    case ATLAS_JSON_NULL: return "null";
    case ATLAS_JSON_FALSE:
    case ATLAS_JSON_TRUE: return "a boolean";
    case ATLAS_JSON_NUMBER: return "a number";
    case ATLAS_JSON_STRING: return "a string";
    case ATLAS_JSON_ARRAY: return "an array";
    case ATLAS_JSON_OBJECT: return "an object";
    default: return "a value";
    }
}

char *
atlas_json_node_get_path (const AtlasJsonNode *node)
{
  const AtlasJsonNode *chain[ATLAS_JSON_MAX_DEPTH + 1];
  GString *path = g_string_new ("$");
  int n = 0;

  g_return_val_if_fail (node != NULL, NULL);

  for (; node->parent != NULL && n < (int) G_N_ELEMENTS (chain); node = node->parent)
    chain[n++] = node;
  while (n-- > 0)
    append_component (path, chain[n]->key, chain[n]->index);
  return g_string_free (path, FALSE);
}

const AtlasJsonNode *
atlas_json_node_get_child (const AtlasJsonNode *node,
                           guint                i)
{
  g_return_val_if_fail (node != NULL, NULL);
  if (i >= atlas_json_node_get_length (node))
    return NULL;
  return &node->v.children.first[i];
}

const AtlasJsonNode *
atlas_json_node_get_member (const AtlasJsonNode *node,
                            const char          *name)
{
  guint i;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (node->kind != ATLAS_JSON_OBJECT)
    return NULL;
  for (i = 0; i < node->v.children.n; i++)
    if (strcmp (node->v.children.first[i].key, name) == 0)
      return &node->v.children.first[i];
  return NULL;
}

char *
atlas_json_node_format_problem (const AtlasJsonNode *node,
                                const char          *display_name,
                                const char          *format,
                                ...)
{
  g_autofree char *path = atlas_json_node_get_path (node);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return g_strdup_printf ("%s:%u:%u: %s: %s", display_name, node->line, node->column, path,
                          message);
}

static gboolean
wrong_kind (const AtlasJsonNode  *node,
            const char           *display_name,
            const char           *expected,
            GError              **error)
{
  g_autofree char *line = atlas_json_node_format_problem (node, display_name,
                                                          "expected %s, found %s", expected,
                                                          atlas_json_kind_to_string (node->kind));

  g_set_error_literal (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_SCHEMA, line);
  return FALSE;
}

gboolean
atlas_json_node_get_string (const AtlasJsonNode  *node,
                            const char           *display_name,
                            const char          **out,
                            GError              **error)
{
  g_return_val_if_fail (node != NULL, FALSE);
  if (node->kind != ATLAS_JSON_STRING)
    return wrong_kind (node, display_name, "a string", error);
  *out = node->v.string.str;
  return TRUE;
}

gboolean
atlas_json_node_get_number (const AtlasJsonNode  *node,
                            const char           *display_name,
                            double               *out,
                            GError              **error)
{
  g_return_val_if_fail (node != NULL, FALSE);
  if (node->kind != ATLAS_JSON_NUMBER)
    return wrong_kind (node, display_name, "a number", error);
  *out = node->v.number;
  return TRUE;
}

gboolean
atlas_json_node_get_boolean (const AtlasJsonNode  *node,
                             const char           *display_name,
                             gboolean             *out,
                             GError              **error)
{
  g_return_val_if_fail (node != NULL, FALSE);
  if (node->kind != ATLAS_JSON_TRUE && node->kind != ATLAS_JSON_FALSE)
    return wrong_kind (node, display_name, "a boolean", error);
  *out = node->kind == ATLAS_JSON_TRUE;
  return TRUE;
}

static const AtlasJsonNode *
require_member (const AtlasJsonNode  *object,
                const char           *display_name,
                const char           *name,
                GError              **error)
{
  const AtlasJsonNode *member;

  if (object->kind != ATLAS_JSON_OBJECT)
    {
      wrong_kind (object, display_name, "an object", error);
      return NULL;
    }
  member = atlas_json_node_get_member (object, name);
  if (member == NULL)
    {
      g_autofree char *line = atlas_json_node_format_problem (object, display_name,
                                                              "missing member \"%s\"", name);

      g_set_error_literal (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_SCHEMA, line);
    }
  return member;
}

gboolean
atlas_json_object_get_string (const AtlasJsonNode  *object,
                              const char           *display_name,
                              const char           *name,
                              const char          **out,
                              GError              **error)
{
  const AtlasJsonNode *member = require_member (object, display_name, name, error);

  return member != NULL && atlas_json_node_get_string (member, display_name, out, error);
}

gboolean
atlas_json_object_get_number (const AtlasJsonNode  *object,
                              const char           *display_name,
                              const char           *name,
                              double               *out,
                              GError              **error)
{
  const AtlasJsonNode *member = require_member (object, display_name, name, error);

  return member != NULL && atlas_json_node_get_number (member, display_name, out, error);
}
