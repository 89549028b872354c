/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-document-private.h"

#include <math.h>
#include <string.h>

#include "atlas-error.h"
#include "atlas-user-layer.h"

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

      if (!_atlas_loader_expect (reader, line, ATLAS_JSON_STRING))
        return NULL;
      if (memchr (line->v.string.str, '\n', line->v.string.len) != NULL)
        {
          _atlas_loader_problem (reader, line, ATLAS_DATASET_ERROR_SCHEMA,
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
  int i = _atlas_loader_choice (reader, obj, name, choices, expected);

  return i >= 0 ? choices[i] : NULL;
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

  if (!_atlas_loader_check_members (reader, obj, allowed))
    return;
  kind = read_choice (reader, obj, "kind", kinds, "\"area-values\" or \"points\"");
  name = _atlas_loader_text (reader, obj, "name", TRUE);
  source_name = _atlas_loader_text (reader, obj, "source_name", TRUE);
  if (source_name != NULL && (strchr (source_name, '/') != NULL || strchr (source_name, '\\')))
    {
      _atlas_loader_problem (reader, atlas_json_node_get_member (obj, "source_name"),
                             ATLAS_DATASET_ERROR_SCHEMA,
                             "expected a file's name, not a path, found \"%s\"", source_name);
      source_name = NULL;
    }
  media_type = read_choice (reader, obj, "media_type", media_types,
                            "\"text/csv\", \"text/tab-separated-values\" or "
                            "\"application/geo+json\"");
  lines = _atlas_loader_member (reader, obj, "lines", ATLAS_JSON_ARRAY, TRUE);
  settings = _atlas_loader_member (reader, obj, "settings", ATLAS_JSON_OBJECT, FALSE);
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

/* The media type a layer's file is written with, from its name's extension (the readers
 * look at the content; this only tells a reader of the document what the lines are). */
static const char *
media_type_for (const AtlasLayerDefinition *definition)
{
  g_autofree char *name = g_ascii_strdown (definition->name, -1);

  if (g_str_has_suffix (name, ".geojson") || g_str_has_suffix (name, ".json"))
    return "application/geo+json";
  if (g_str_has_suffix (name, ".tsv") || g_str_has_suffix (name, ".tab"))
    return "text/tab-separated-values";
  return "text/csv";
}

/* The choices of a definition (atlas-layer-definition.h) as a JSON object, each member as its
 * type says; the file goes in "lines", and where it was on the planner's disk ("path") stays
 * behind. */
static JsonNode *
settings_from_definition (const AtlasLayerDefinition *definition)
{
  g_autoptr(GVariant) variant = g_variant_ref_sink (atlas_layer_definition_to_variant (definition,
                                                                                      FALSE));
  JsonObject *object = json_object_new ();
  JsonNode *node;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      if (strcmp (key, "path") == 0 || strcmp (key, "bytes") == 0)
        continue;
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        json_object_set_string_member (object, key, g_variant_get_string (value, NULL));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        json_object_set_boolean_member (object, key, g_variant_get_boolean (value));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
        json_object_set_int_member (object, key, g_variant_get_uint32 (value));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
        json_object_set_double_member (object, key, g_variant_get_double (value));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE ("ad")))
        {
          JsonArray *array = json_array_new ();
          gsize n = 0;
          const double *values = g_variant_get_fixed_array (value, &n, sizeof (double));

          for (gsize k = 0; k < n; k++)
            json_array_add_double_element (array, values[k]);
          json_object_set_array_member (object, key, array);
        }
    }
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

/* A layer's settings back as the definition's a{sv}: members whose type the definition fixes
 * are checked, others go as their JSON type says (unknown ones are ignored by the
 * definition). */
static gboolean
add_settings (GVariantDict              *dict,
              const AtlasDocumentLayer  *layer,
              GError                   **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (layer->settings == NULL)
    return TRUE;
  object = json_node_get_object (layer->settings);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (object, key);
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

      if (strcmp (key, "classes") == 0 || strcmp (key, "colour") == 0)
        {
          if (type != G_TYPE_INT64 || json_node_get_int (node) < 0
              || json_node_get_int (node) > G_MAXUINT32)
            goto bad;
          g_variant_dict_insert (dict, key, "u", (guint32) json_node_get_int (node));
        }
      else if (strcmp (key, "breaks") == 0)
        {
          JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
          g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

          for (guint k = 0; array != NULL && k < json_array_get_length (array); k++)
            {
              JsonNode *element = json_array_get_element (array, k);
              GType element_type = JSON_NODE_HOLDS_VALUE (element)
                                   ? json_node_get_value_type (element) : G_TYPE_INVALID;
              double value;

              if (element_type != G_TYPE_INT64 && element_type != G_TYPE_DOUBLE)
                goto bad;
              value = json_node_get_double (element);
              g_array_append_val (values, value);
            }
          if (array == NULL)
            goto bad;
          g_variant_dict_insert_value (dict, key,
                                       g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE,
                                                                  values->data, values->len,
                                                                  sizeof (double)));
        }
      else if (type == G_TYPE_STRING)
        g_variant_dict_insert (dict, key, "s", json_node_get_string (node));
      else if (type == G_TYPE_BOOLEAN)
        g_variant_dict_insert (dict, key, "b", json_node_get_boolean (node));
      else if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        g_variant_dict_insert (dict, key, "d", json_node_get_double (node));
      continue;

    bad:
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS,
                   "%s: settings.%s: expected %s", layer->source_name, key,
                   strcmp (key, "breaks") == 0 ? "an array of numbers"
                                                : "a whole number from 0 to 4294967295");
      return FALSE;
    }
  return TRUE;
}

/* What an embedded layer was added as: its choices, the file's name and its bytes. */
static AtlasLayerDefinition *
definition_from_layer (const AtlasDocumentLayer  *layer,
                       GError                   **error)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (layer->text, strlen (layer->text));

  if (!add_settings (&dict, layer, error))
    return NULL;
  /* The envelope says what it is and which file: it wins over the settings. */
  g_variant_dict_insert (&dict, "kind", "s",
                         strcmp (layer->kind, "points") == 0
                         ? atlas_layer_kind_to_string (ATLAS_LAYER_POINTS)
                         : atlas_layer_kind_to_string (ATLAS_LAYER_VALUES));
  g_variant_dict_insert (&dict, "name", "s", layer->source_name);
  g_variant_dict_remove (&dict, "path");
  g_variant_dict_insert_value (&dict, "bytes",
                               g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, bytes, TRUE));
  variant = g_variant_ref_sink (g_variant_dict_end (&dict));
  return atlas_layer_definition_new_from_variant (variant, error);
}

const char *
_atlas_document_layer_get_id (const AtlasDocumentLayer *layer)
{
  JsonObject *object;

  if (layer->settings == NULL)
    return NULL;
  object = json_node_get_object (layer->settings);
  if (!json_object_has_member (object, "id")
      || !JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "id"))
      || json_node_get_value_type (json_object_get_member (object, "id")) != G_TYPE_STRING)
    return NULL;
  return json_object_get_string_member (object, "id");
}

GPtrArray *
atlas_document_collect_data_layers (AtlasMapState *state)
{
  GPtrArray *layers;

  g_return_val_if_fail (ATLAS_IS_MAP_STATE (state), NULL);

  layers = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_document_layer_free);
  for (guint i = 0; i < atlas_map_state_get_n_layers (state); i++)
    {
      AtlasUserLayer *user = atlas_map_state_get_layer (state, i);
      g_autoptr(AtlasLayerDefinition) definition = atlas_user_layer_dup_definition (user);
      AtlasDocumentLayer *layer;
      g_autofree char *text = NULL;
      gsize size = 0;

      if (definition->bytes != NULL)
        {
          const char *data = g_bytes_get_data (definition->bytes, &size);

          text = g_strndup (data, size);
        }
      /* The readers took only UTF-8 without NUL bytes: anything else cannot be embedded. */
      if (text == NULL || strlen (text) != size || !g_utf8_validate (text, size, NULL))
        {
          g_warning ("%s: the file's bytes are not text; the layer is not saved in the map",
                     definition->name);
          continue;
        }
      layer = g_new0 (AtlasDocumentLayer, 1);
      layer->kind = g_strdup (definition->kind == ATLAS_LAYER_POINTS ? "points" : "area-values");
      layer->name = g_strdup (atlas_user_layer_get_title (user) != NULL
                              ? atlas_user_layer_get_title (user) : definition->name);
      layer->source_name = g_path_get_basename (definition->name);
      g_strdelimit (layer->source_name, "\\", '_');
      layer->media_type = g_strdup (media_type_for (definition));
      layer->text = g_steal_pointer (&text);
      layer->settings = settings_from_definition (definition);
      g_ptr_array_add (layers, layer);
    }
  return layers;
}

gboolean
atlas_document_restore_data_layers (AtlasMapState  *state,
                                    GPtrArray      *layers,
                                    GPtrArray     **kept,
                                    GError        **error)
{
  AtlasDataset *dataset;
  GError *first = NULL;

  g_return_val_if_fail (ATLAS_IS_MAP_STATE (state), FALSE);
  g_return_val_if_fail (kept != NULL, FALSE);
  g_return_val_if_fail (ATLAS_IS_DATASET (atlas_map_state_get_dataset (state)), FALSE);

  dataset = atlas_map_state_get_dataset (state);
  *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_document_layer_free);
  /* The document's layers replace the map's. */
  while (atlas_map_state_get_n_layers (state) > 0)
    atlas_map_state_remove_layer (state,
                                  atlas_user_layer_get_id (atlas_map_state_get_layer (state, 0)));
  for (guint i = 0; layers != NULL && i < layers->len; i++)
    {
      const AtlasDocumentLayer *layer = g_ptr_array_index (layers, i);
      g_autoptr(AtlasLayerDefinition) definition = NULL;
      g_autoptr(AtlasUserLayer) user = NULL;
      g_autoptr(GError) local_error = NULL;

      if ((definition = definition_from_layer (layer, &local_error)) == NULL
          || (user = atlas_user_layer_new (dataset, definition, &local_error)) == NULL
          || !atlas_map_state_add_layer (state, user, &local_error))
        {
          /* Refused, but not lost: kept to be saved again. */
          g_ptr_array_add (*kept, atlas_document_layer_copy (layer));
          if (first == NULL)
            first = g_steal_pointer (&local_error);
        }
    }
  if (first != NULL)
    {
      g_propagate_error (error, first);
      return FALSE;
    }
  return TRUE;
}
