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
/* A number at the parser's position, exactly rounded; FALSE (and a located error) when it is
 * not a JSON number or does not fit a double. */
gboolean _atlas_json_read_number      (Parser *ps, double *out);

G_END_DECLS
