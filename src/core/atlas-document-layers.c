/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-document-private.h"

#include <math.h>
#include <string.h>

/* The "data_layers" member of a map document. A layer's file is kept as an array of its lines
 * ("lines"): the JSON reader limits one string to ATLAS_JSON_MAX_STRING bytes, not a file, and
 * a line per string keeps a document readable and its changes small. */

static const char * const kinds[] = { "area-values", "points", NULL };
static const char * const media_types[] = {
  "text/csv", "text/tab-separated-values", "application/geo+json", NULL,
};

AtlasDocumentLayer *
atlas_document_layer_copy (const AtlasDocumentLayer *layer)
{
  AtlasDocumentLayer *copy;

  g_return_val_if_fail (layer != NULL, NULL);

  copy = g_new0 (AtlasDocumentLayer, 1);
  copy->kind = g_strdup (layer->kind);
  copy->name = g_strdup (layer->name);
  copy->source_name = g_strdup (layer->source_name);
  copy->media_type = g_strdup (layer->media_type);
  copy->text = g_strdup (layer->text);
  copy->settings = layer->settings != NULL ? json_node_copy (layer->settings) : NULL;
  return copy;
}

void
atlas_document_layer_free (AtlasDocumentLayer *layer)
{
  if (layer == NULL)
    return;
  g_free (layer->kind);
  g_free (layer->name);
  g_free (layer->source_name);
  g_free (layer->media_type);
  g_free (layer->text);
  g_clear_pointer (&layer->settings, json_node_unref);
  g_free (layer);
}

/* The same value as a json-glib tree, to be written back as it was read. Nesting is bounded
 * by the reader's ATLAS_JSON_MAX_DEPTH. */
static JsonNode *
to_json_node (const AtlasJsonNode *node)
{
  g_autoptr(JsonBuilder) builder = NULL;
  JsonNode *out;

  switch (node->kind)
    {
    case ATLAS_JSON_NULL:
      return json_node_init_null (json_node_alloc ());
    case ATLAS_JSON_FALSE:
    case ATLAS_JSON_TRUE:
      return json_node_init_boolean (json_node_alloc (), node->kind == ATLAS_JSON_TRUE);
    case ATLAS_JSON_NUMBER:
      /* Whole numbers stay whole: json-glib writes every double with a fraction. */
      if (node->v.number == floor (node->v.number) && fabs (node->v.number) < 9007199254740992.0)
        return json_node_init_int (json_node_alloc (), (gint64) node->v.number);
      return json_node_init_double (json_node_alloc (), node->v.number);
    case ATLAS_JSON_STRING:
      return json_node_init_string (json_node_alloc (), node->v.string.str);
    case ATLAS_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (node->v.children.n);

        for (guint i = 0; i < node->v.children.n; i++)
          json_array_add_element (array, to_json_node (&node->v.children.first[i]));
        out = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return out;
      }
    case ATLAS_JSON_OBJECT:
    default:
      {
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < node->v.children.n; i++)
          json_object_set_member (object, node->v.children.first[i].key,
                                  to_json_node (&node->v.children.first[i]));
        out = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return out;
      }
    }
}

/* The file's text from its lines, or NULL after a problem. */
static char *
read_lines (AtlasDocumentReader *reader,
            const AtlasJsonNode *lines)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < lines->v.children.n; i++)
    {
      const AtlasJsonNode *line = &lines->v.children.first[i];

      if (!_atlas_document_expect (reader, line, ATLAS_JSON_STRING))
        return NULL;
      if (memchr (line->v.string.str, '\n', line->v.string.len) != NULL)
        {
          _atlas_document_problem (reader, line, ATLAS_DATASET_ERROR_SCHEMA,
                                   "a line holds no line break");
          return NULL;
        }
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_len (text, line->v.string.str, line->v.string.len);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
read_choice (AtlasDocumentReader *reader,
             const AtlasJsonNode *obj,
             const char          *name,
             const char * const  *choices,
             const char          *expected)
{
  const char *value = _atlas_document_text (reader, obj, name, TRUE);

  if (value != NULL && !g_strv_contains (choices, value))
    {
      _atlas_document_problem (reader, atlas_json_node_get_member (obj, name),
                               ATLAS_DATASET_ERROR_SCHEMA, "expected %s, found \"%s\"",
                               expected, value);
      return NULL;
    }
  return value;
}

static void
read_layer (AtlasDocumentReader *reader,
            const AtlasJsonNode *obj,
            GPtrArray           *layers)
{
  static const char * const allowed[] = {
    "kind", "name", "source_name", "media_type", "lines", "settings", NULL,
  };
  g_autoptr(AtlasDocumentLayer) layer = g_new0 (AtlasDocumentLayer, 1);
  const AtlasJsonNode *lines, *settings;
  const char *kind, *name, *source_name, *media_type;

  if (!_atlas_document_members (reader, obj, allowed))
    return;
  kind = read_choice (reader, obj, "kind", kinds, "\"area-values\" or \"points\"");
  name = _atlas_document_text (reader, obj, "name", TRUE);
  source_name = _atlas_document_text (reader, obj, "source_name", TRUE);
  if (source_name != NULL && (strchr (source_name, '/') != NULL || strchr (source_name, '\\')))
    {
      _atlas_document_problem (reader, atlas_json_node_get_member (obj, "source_name"),
                               ATLAS_DATASET_ERROR_SCHEMA,
                               "expected a file's name, not a path, found \"%s\"", source_name);
      source_name = NULL;
    }
  media_type = read_choice (reader, obj, "media_type", media_types,
                            "\"text/csv\", \"text/tab-separated-values\" or "
                            "\"application/geo+json\"");
  lines = _atlas_document_member (reader, obj, "lines", ATLAS_JSON_ARRAY, TRUE);
  settings = _atlas_document_member (reader, obj, "settings", ATLAS_JSON_OBJECT, FALSE);
  if (lines == NULL || (layer->text = read_lines (reader, lines)) == NULL)
    return;
  if (kind == NULL || name == NULL || source_name == NULL || media_type == NULL
      || (settings == NULL && atlas_json_node_get_member (obj, "settings") != NULL))
    return;
  layer->kind = g_strdup (kind);
  layer->name = g_strdup (name);
  layer->source_name = g_strdup (source_name);
  layer->media_type = g_strdup (media_type);
  layer->settings = settings != NULL ? to_json_node (settings) : NULL;
  g_ptr_array_add (layers, g_steal_pointer (&layer));
}

void
_atlas_document_read_data_layers (AtlasDocumentReader *reader,
                                  const AtlasJsonNode *array,
                                  GPtrArray           *layers)
{
  for (guint i = 0; i < array->v.children.n; i++)
    read_layer (reader, &array->v.children.first[i], layers);
}

void
_atlas_document_write_data_layers (JsonBuilder *builder,
                                   GPtrArray   *layers)
{
  json_builder_set_member_name (builder, "data_layers");
  json_builder_begin_array (builder);
  for (guint i = 0; layers != NULL && i < layers->len; i++)
    {
      const AtlasDocumentLayer *layer = g_ptr_array_index (layers, i);
      g_auto(GStrv) lines = g_strsplit (layer->text, "\n", -1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, layer->kind);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, layer->name);
      json_builder_set_member_name (builder, "source_name");
      json_builder_add_string_value (builder, layer->source_name);
      json_builder_set_member_name (builder, "media_type");
      json_builder_add_string_value (builder, layer->media_type);
      json_builder_set_member_name (builder, "lines");
      json_builder_begin_array (builder);
      for (guint k = 0; lines[k] != NULL; k++)
        json_builder_add_string_value (builder, lines[k]);
      json_builder_end_array (builder);
      if (layer->settings != NULL)
        {
          json_builder_set_member_name (builder, "settings");
          json_builder_add_value (builder, json_node_copy (layer->settings));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

GPtrArray *
atlas_document_collect_data_layers (AtlasMapState *state)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (state), NULL);

  /* The map state holds no data layers of its own yet: nothing to collect. */
  return g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_document_layer_free);
}

gboolean
atlas_document_restore_data_layers (AtlasMapState  *state,
                                    GPtrArray      *layers,
                                    GPtrArray     **kept,
                                    GError        **error)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (state), FALSE);
  g_return_val_if_fail (kept != NULL, FALSE);

  /* The map state cannot show them yet: every layer is kept, to be saved again. */
  *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_document_layer_free);
  for (guint i = 0; layers != NULL && i < layers->len; i++)
    g_ptr_array_add (*kept, atlas_document_layer_copy (g_ptr_array_index (layers, i)));
  return TRUE;
}
