/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-json-private.h"
#include "atlas-problems.h"

/* The node API: paths, children and members, typed getters and problem messages. */

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

void
_atlas_json_append_component (GString    *path,
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
    _atlas_json_append_component (path, chain[n]->key, chain[n]->index);
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
  return atlas_problems_format_line (display_name, node->line, node->column, path, message);
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
