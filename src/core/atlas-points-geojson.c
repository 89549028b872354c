/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-points-private.h"

#include <string.h>

/* Point layers from GeoJSON, read with the project's located JSON reader so that every
 * refusal says "FILE:LINE:COLUMN: JSON.PATH: what". */

static const char * const name_properties[] = { "name", "Name", "NAME", "title", NULL };

static gboolean
fail (GError              **error,
      const AtlasJsonNode  *node,
      const char           *display_name,
      AtlasImportError      code,
      const char           *format,
      ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail (GError              **error,
      const AtlasJsonNode  *node,
      const char           *display_name,
      AtlasImportError      code,
      const char           *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *located = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  located = atlas_json_node_format_problem (node, display_name, "%s", message);
  g_set_error_literal (error, ATLAS_IMPORT_ERROR, code, located);
  return FALSE;
}

static const AtlasJsonNode *
member (const AtlasJsonNode *object,
        const char          *name,
        AtlasJsonKind        kind,
        const char          *display_name,
        GError             **error)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (object, name);

  if (node == NULL)
    fail (error, object, display_name, ATLAS_IMPORT_ERROR_LAYOUT, "no “%s” member", name);
  else if (node->kind != kind)
    fail (error, node, display_name, ATLAS_IMPORT_ERROR_LAYOUT, "expected %s, found %s",
          atlas_json_kind_to_string (kind), atlas_json_kind_to_string (node->kind));
  else
    return node;
  return NULL;
}

static gboolean
read_position (const AtlasJsonNode  *position,
               const char           *display_name,
               AtlasPlace           *p,
               GError              **error)
{
  const AtlasJsonNode *lon, *lat;
  const char *problem;

  if (position->kind != ATLAS_JSON_ARRAY || atlas_json_node_get_length (position) < 2
      || (lon = atlas_json_node_get_child (position, 0))->kind != ATLAS_JSON_NUMBER
      || (lat = atlas_json_node_get_child (position, 1))->kind != ATLAS_JSON_NUMBER)
    return fail (error, position, display_name, ATLAS_IMPORT_ERROR_LAYOUT,
                 "a position is an array of longitude and latitude in degrees");
  if ((problem = _atlas_points_coordinate_problem (lat->v.number, 90)) != NULL)
    return fail (error, lat, display_name, ATLAS_IMPORT_ERROR_VALUE, "%s", problem);
  if ((problem = _atlas_points_coordinate_problem (lon->v.number, 180)) != NULL)
    return fail (error, lon, display_name, ATLAS_IMPORT_ERROR_VALUE, "%s", problem);
  p->lat = lat->v.number;
  p->lon = lon->v.number;
  p->line = position->line;
  p->column = position->column;
  return TRUE;
}

static const char *
property_text (AtlasPoints         *self,
               const AtlasJsonNode *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (value->kind)
    {
    case ATLAS_JSON_STRING:
      return value->v.string.str;
    case ATLAS_JSON_NUMBER:
      return g_string_chunk_insert (self->texts, g_ascii_formatd (buffer, sizeof buffer,
                                                                  "%.15g", value->v.number));
    case ATLAS_JSON_TRUE:
      return "true";
    case ATLAS_JSON_FALSE:
      return "false";
    case ATLAS_JSON_NULL:
      return "";
    case ATLAS_JSON_ARRAY:
      return "[…]";
    case ATLAS_JSON_OBJECT:
    default:
      return "{…}";
    }
}

static void
read_properties (AtlasPoints         *self,
                 const AtlasJsonNode *feature,
                 AtlasPlace          *p)
{
  const AtlasJsonNode *properties = atlas_json_node_get_member (feature, "properties");

  p->name = "";
  p->first_field = self->field_names->len;
  p->n_fields = 0;
  if (properties == NULL || properties->kind != ATLAS_JSON_OBJECT)
    return;
  p->n_fields = atlas_json_node_get_length (properties);
  for (guint i = 0; i < p->n_fields; i++)
    {
      const AtlasJsonNode *value = atlas_json_node_get_child (properties, i);

      g_ptr_array_add (self->field_names, (gpointer) value->key);
      g_ptr_array_add (self->field_values, (gpointer) property_text (self, value));
    }
  for (guint i = 0; name_properties[i] != NULL && *p->name == '\0'; i++)
    {
      const AtlasJsonNode *name = atlas_json_node_get_member (properties, name_properties[i]);

      if (name != NULL && name->kind == ATLAS_JSON_STRING)
        p->name = name->v.string.str;
    }
}

static gboolean
read_feature (AtlasPoints          *self,
              const AtlasJsonNode  *feature,
              const char           *display_name,
              GError              **error)
{
  const AtlasJsonNode *geometry, *coordinates, *type;
  AtlasPlace p = { 0 };

  if (feature->kind != ATLAS_JSON_OBJECT)
    return fail (error, feature, display_name, ATLAS_IMPORT_ERROR_LAYOUT,
                 "expected a Feature object, found %s", atlas_json_kind_to_string (feature->kind));
  if ((geometry = member (feature, "geometry", ATLAS_JSON_OBJECT, display_name, error)) == NULL
      || (type = member (geometry, "type", ATLAS_JSON_STRING, display_name, error)) == NULL
      || (coordinates = member (geometry, "coordinates", ATLAS_JSON_ARRAY, display_name,
                                error)) == NULL)
    return FALSE;
  read_properties (self, feature, &p);

  if (strcmp (type->v.string.str, "Point") == 0)
    {
      if (!read_position (coordinates, display_name, &p, error))
        return FALSE;
      _atlas_points_add (self, &p);
    }
  else if (strcmp (type->v.string.str, "MultiPoint") == 0)
    for (guint i = 0; i < atlas_json_node_get_length (coordinates); i++)
      {
        if (!read_position (atlas_json_node_get_child (coordinates, i), display_name, &p, error))
          return FALSE;
        _atlas_points_add (self, &p);
      }
  else
    return fail (error, type, display_name, ATLAS_IMPORT_ERROR_LAYOUT,
                 "only Point and MultiPoint geometries make a point layer, not %s",
                 type->v.string.str);
  if (self->points->len > ATLAS_POINTS_MAX)
    return fail (error, coordinates, display_name, ATLAS_IMPORT_ERROR_LIMIT,
                 "more than %d points", ATLAS_POINTS_MAX);
  return TRUE;
}

static gboolean
read_root (AtlasPoints          *self,
           const AtlasJsonNode  *root,
           const char           *display_name,
           GError              **error)
{
  const AtlasJsonNode *type, *features;

  if (root->kind != ATLAS_JSON_OBJECT)
    return fail (error, root, display_name, ATLAS_IMPORT_ERROR_LAYOUT,
                 "expected a GeoJSON FeatureCollection, found %s",
                 atlas_json_kind_to_string (root->kind));
  if ((type = member (root, "type", ATLAS_JSON_STRING, display_name, error)) == NULL)
    return FALSE;
  if (strcmp (type->v.string.str, "Feature") == 0)
    return read_feature (self, root, display_name, error);
  if (strcmp (type->v.string.str, "FeatureCollection") != 0)
    return fail (error, type, display_name, ATLAS_IMPORT_ERROR_LAYOUT,
                 "expected a FeatureCollection or a Feature, found %s", type->v.string.str);
  if ((features = member (root, "features", ATLAS_JSON_ARRAY, display_name, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < atlas_json_node_get_length (features); i++)
    if (!read_feature (self, atlas_json_node_get_child (features, i), display_name, error))
      return FALSE;
  return TRUE;
}

AtlasPoints *
atlas_points_new_from_geojson (const char    *data,
                               gsize          length,
                               const char    *display_name,
                               AtlasDataset  *dataset,
                               GError       **error)
{
  g_autoptr(AtlasPoints) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AtlasJsonDocument) doc = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  doc = atlas_json_document_parse (data != NULL ? data : "", length, display_name, &local_error);
  if (doc == NULL)
    {
      AtlasImportError code = local_error->code == ATLAS_DATASET_ERROR_LIMIT
                              ? ATLAS_IMPORT_ERROR_LIMIT
                              : local_error->code == ATLAS_DATASET_ERROR_ENCODING
                              ? ATLAS_IMPORT_ERROR_ENCODING : ATLAS_IMPORT_ERROR_SYNTAX;

      g_set_error_literal (error, ATLAS_IMPORT_ERROR, code, local_error->message);
      return NULL;
    }
  self = _atlas_points_new (dataset, display_name);
  self->doc = atlas_json_document_ref (doc);
  if (!read_root (self, atlas_json_document_get_root (doc), display_name, error))
    return NULL;
  return g_steal_pointer (&self);
}

