/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "atlas-hash.h"
#include "atlas-json-private.h"
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

#define SMALL_OBJECT 16
/* From this size on, nodes go to huge pages (every value starts at a byte of its own, so the
 * input's length bounds their number). */
#define LARGE_INPUT (1024 * 1024)

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
          frame->keys = atlas_str_table_new (NULL);
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
  _atlas_json_fail (ps, pos, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
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
    return _atlas_json_fail_unexpected (ps, FALSE, "a member name in double quotes");
  if (!_atlas_json_read_string (ps, &key, &len))
    return FALSE;
  /* The hash table indexes members already pushed, keyed by their name. */
  if (is_duplicate_key (ps, frame, key, pos))
    return FALSE;
  ps->pending_key = key;
  skip_whitespace (ps);
  if (ps->buf[ps->pos] != ':')
    return _atlas_json_fail_unexpected (ps, TRUE, "':' after the member name");
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
    return _atlas_json_fail (ps, ps->pos, ATLAS_DATASET_ERROR_LIMIT, TRUE,
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
    return _atlas_json_fail_unexpected (ps, TRUE, "a JSON value");
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
    return _atlas_json_fail (ps, ps->pos, ATLAS_DATASET_ERROR_LIMIT, TRUE,
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

        if (!_atlas_json_read_string (ps, &str, &len))
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

          if (!_atlas_json_read_number (ps, &value))
            return FALSE;
          push_node (ps, ATLAS_JSON_NUMBER, pos)->v.number = value;
          return TRUE;
        }
      if (ps->pos == ps->bad_utf8)
        return _atlas_json_fail (ps, ps->pos, ATLAS_DATASET_ERROR_ENCODING, TRUE, NULL);
      /* Not JSON at all (a binary file, a text file, a link to some secret): its bytes are
       * not quoted back. */
      if (ps->n_frames == 0)
        return _atlas_json_fail (ps, ps->pos, ATLAS_DATASET_ERROR_SYNTAX, TRUE,
                                 "the file is not JSON: it does not start with a JSON value");
      return _atlas_json_fail_unexpected (ps, TRUE, "a JSON value");
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
                    return _atlas_json_fail (ps, ps->pos, ATLAS_DATASET_ERROR_ENCODING, FALSE,
                                             NULL);
                  return _atlas_json_fail_unexpected (ps, FALSE,
                                                      "end of input after the top-level value");
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
            return _atlas_json_fail (ps, ps->pos, ATLAS_DATASET_ERROR_ENCODING, FALSE, NULL);
          return _atlas_json_fail_unexpected (ps, FALSE, container->kind == ATLAS_JSON_OBJECT
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
  ps.bad_utf8 = _atlas_json_find_bad_utf8 (ps.buf, length, &ps.ascii);
  ps.stack_cap = 256;
  ps.stack = g_new (AtlasJsonNode, ps.stack_cap);
  reserve_nodes (&ps);

  if (length >= 3 && memcmp (ps.buf, "\xEF\xBB\xBF", 3) == 0)
    ps.pos = ps.line_start = 3;

  skip_whitespace (&ps);
  if (ps.pos >= length)
    {
      _atlas_json_fail (&ps, ps.pos, ATLAS_DATASET_ERROR_SYNTAX, FALSE,
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
