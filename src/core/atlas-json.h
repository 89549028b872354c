/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-error.h"

G_BEGIN_DECLS

/* A small strict JSON reader that remembers where every value is.
 *
 * The whole document is parsed into one immutable tree. Nodes live in a single array owned by
 * the document, and strings are unescaped in place inside the document's own copy of the
 * input, so parsing makes a handful of allocations however large the input is.
 *
 * Positions: lines and columns are 1-based. A column counts characters (Unicode code points),
 * not bytes, so it matches what a text editor shows for non-ASCII text. A leading UTF-8 byte
 * order mark is skipped and does not count as a column.
 *
 * Limits and strictness: the input must be UTF-8 and at most ATLAS_JSON_MAX_INPUT bytes;
 * containers nest at most ATLAS_JSON_MAX_DEPTH deep; a string holds at most
 * ATLAS_JSON_MAX_STRING bytes once unescaped; a document holds at most ATLAS_JSON_MAX_VALUES
 * values; numbers must be finite as doubles (1e999 is an error, 1e-999 reads as 0); two members
 * of one object may not share a name; "\u0000" is refused because every string is also a C
 * string.
 *
 * Errors are in the ATLAS_DATASET_ERROR domain (LIMIT, ENCODING or SYNTAX) and read
 * "FILE:LINE:COLUMN: JSON.PATH: what was expected". */

#define ATLAS_JSON_MAX_INPUT  (64 * 1024 * 1024)
#define ATLAS_JSON_MAX_DEPTH  64
#define ATLAS_JSON_MAX_STRING (64 * 1024)
/* Values (nodes) in one document: enough for the boundary reader's ATLAS_GEOJSON_MAX_POSITIONS
 * positions of three values each, and it keeps the tree of any input under about 400 MB. */
#define ATLAS_JSON_MAX_VALUES (8 * 1000 * 1000)

typedef enum {
  ATLAS_JSON_NULL,
  ATLAS_JSON_FALSE,
  ATLAS_JSON_TRUE,
  ATLAS_JSON_NUMBER,
  ATLAS_JSON_STRING,
  ATLAS_JSON_ARRAY,
  ATLAS_JSON_OBJECT,
} AtlasJsonKind;

typedef struct _AtlasJsonNode AtlasJsonNode;
typedef struct _AtlasJsonDocument AtlasJsonDocument;

/* Read the fields directly; the tree never changes once parsed. */
struct _AtlasJsonNode {
  AtlasJsonKind kind;
  guint32 line;
  guint32 column;
  guint32 index;                /* position within the parent (member or element order) */
  const AtlasJsonNode *parent;  /* NULL for the root */
  const char *key;              /* member name when the parent is an object, else NULL */
  union {
    double number;
    struct {
      const char *str;          /* NUL-terminated, valid UTF-8 */
      guint32 len;              /* in bytes */
    } string;
    struct {
      const AtlasJsonNode *first;  /* children are contiguous, in file order */
      guint32 n;
    } children;
  } v;
};

AtlasJsonDocument   *atlas_json_document_parse    (const char         *data,
                                                   gsize               length,
                                                   const char         *display_name,
                                                   GError            **error);
AtlasJsonDocument   *atlas_json_document_ref      (AtlasJsonDocument  *doc);
void                 atlas_json_document_unref    (AtlasJsonDocument  *doc);
const AtlasJsonNode *atlas_json_document_get_root (AtlasJsonDocument  *doc);
const char          *atlas_json_document_get_name (AtlasJsonDocument  *doc);
/* Number of nodes: for tests and benchmarks. */
guint                atlas_json_document_get_n_nodes (AtlasJsonDocument *doc);

const char          *atlas_json_kind_to_string    (AtlasJsonKind       kind);

/* "$", "$.sites[3].lat", "$.names[\"odd key\"]". Free with g_free. */
char                *atlas_json_node_get_path     (const AtlasJsonNode *node);

static inline guint
atlas_json_node_get_length (const AtlasJsonNode *node)
{
  return (node->kind == ATLAS_JSON_ARRAY || node->kind == ATLAS_JSON_OBJECT) ? node->v.children.n : 0;
}

/* The i-th element of an array or member of an object; NULL when out of range. */
const AtlasJsonNode *atlas_json_node_get_child    (const AtlasJsonNode *node,
                                                   guint                i);
/* The member of an object with that name, or NULL (also when node is not an object). */
const AtlasJsonNode *atlas_json_node_get_member   (const AtlasJsonNode *node,
                                                   const char          *name);

/* Typed getters: TRUE and the value when node has the right kind; otherwise FALSE and an
 * ATLAS_DATASET_ERROR_SCHEMA error located at the node, naming its path. */
gboolean atlas_json_node_get_string  (const AtlasJsonNode  *node,
                                      const char           *display_name,
                                      const char          **out,
                                      GError              **error);
gboolean atlas_json_node_get_number  (const AtlasJsonNode  *node,
                                      const char           *display_name,
                                      double               *out,
                                      GError              **error);
gboolean atlas_json_node_get_boolean (const AtlasJsonNode  *node,
                                      const char           *display_name,
                                      gboolean             *out,
                                      GError              **error);
/* Fetches a member of an object and checks its kind in one go. */
gboolean atlas_json_object_get_string (const AtlasJsonNode  *object,
                                       const char           *display_name,
                                       const char           *name,
                                       const char          **out,
                                       GError              **error);
gboolean atlas_json_object_get_number (const AtlasJsonNode  *object,
                                       const char           *display_name,
                                       const char           *name,
                                       double               *out,
                                       GError              **error);

/* "FILE:LINE:COLUMN: PATH: message" for a node, as every error of the loader reads. */
char    *atlas_json_node_format_problem (const AtlasJsonNode *node,
                                         const char          *display_name,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (3, 4);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasJsonDocument, atlas_json_document_unref)

G_END_DECLS
