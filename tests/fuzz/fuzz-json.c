/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "atlas-json.h"

/* The JSON reader on arbitrary bytes: it must either build a tree whose every node can be
 * walked and named, or fail with a located error; never crash, hang or leak. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
walk (AtlasJsonDocument *doc)
{
  guint n = atlas_json_document_get_n_nodes (doc);
  const AtlasJsonNode *root = atlas_json_document_get_root (doc);
  const AtlasJsonNode *first = root - (n - 1);
  guint i;

  for (i = 0; i < n; i++)
    {
      const AtlasJsonNode *node = &first[i];
      g_autofree char *path = NULL;

      /* Naming every node costs O(depth) each; keep it to a sample on large trees. */
      if (n < 4096 || i % 64 == 0)
        {
          path = atlas_json_node_get_path (node);
          g_assert (path[0] == '$');
        }
      if (node->kind == ATLAS_JSON_STRING)
        g_assert (g_utf8_validate (node->v.string.str, node->v.string.len, NULL));
      if (node->kind == ATLAS_JSON_OBJECT && atlas_json_node_get_length (node) > 0)
        g_assert (atlas_json_node_get_member (node, atlas_json_node_get_child (node, 0)->key)
                  == atlas_json_node_get_child (node, 0));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) doc = NULL;

  doc = atlas_json_document_parse ((const char *) data, size, "fuzz.json", &error);
  if (doc == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_str_has_prefix (error->message, "fuzz.json:"));
      return 0;
    }
  g_assert (error == NULL);
  walk (doc);
  return 0;
}
