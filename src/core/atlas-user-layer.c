/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-user-layer.h"

#include <string.h>

#include "atlas-dataset-private.h"

struct _AtlasUserLayer {
  GObject parent_instance;

  AtlasLayerDefinition *definition;   /* with its bytes */
  AtlasDataset *dataset;
  AtlasTable *table;                  /* parsed once, for every system (NULL for GeoJSON) */
  char *problem;
  AtlasAreaValues *values;
  AtlasChoropleth *choropleth;
  AtlasPointLayer *point_layer;
};

G_DEFINE_FINAL_TYPE (AtlasUserLayer, atlas_user_layer, G_TYPE_OBJECT)

static void
atlas_user_layer_finalize (GObject *object)
{
  AtlasUserLayer *self = ATLAS_USER_LAYER (object);

  g_clear_pointer (&self->definition, atlas_layer_definition_free);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->table, atlas_table_unref);
  g_free (self->problem);
  g_clear_object (&self->values);
  g_clear_object (&self->choropleth);
  g_clear_object (&self->point_layer);

  G_OBJECT_CLASS (atlas_user_layer_parent_class)->finalize (object);
}

static void
atlas_user_layer_class_init (AtlasUserLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_user_layer_finalize;
}

static void
atlas_user_layer_init (AtlasUserLayer *self)
{
}

static GBytes *
read_bytes (GFile       *file,
            const char  *name,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean too_large = FALSE;
  GBytes *bytes;

  bytes = _atlas_dataset_read_file (file, ATLAS_TABLE_MAX_INPUT, &too_large, &local_error);
  if (too_large)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_LIMIT,
                 "%s:1:1: file is larger than %d MiB", name,
                 ATLAS_TABLE_MAX_INPUT / (1024 * 1024));
  else if (bytes == NULL)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_IO,
                 "%s:1:1: cannot read the file: %s", name, local_error->message);
  return bytes;
}

static gboolean
is_json (GBytes *bytes)
{
  gsize length, i = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && data[i] == '{';
}

/* Whether the table's header names latitude and longitude columns, read from its first two
 * lines only (a quoted line break does not end a line). Anything the reader would refuse is
 * left for the whole file's reading to report. */
static gboolean
header_has_coordinates (GBytes *bytes)
{
  gsize length, end = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(AtlasTable) table = NULL;
  gboolean quoted = FALSE;
  guint lines = 0;

  for (end = 0; end < length && lines < 2; end++)
    if (data[end] == '"')
      quoted = !quoted;
    else if (data[end] == '\n' && !quoted)
      lines++;
  table = atlas_table_parse (data, end, "header", NULL);
  return table != NULL && atlas_points_table_has_coordinates (table);
}

AtlasLayerDefinition *
atlas_layer_definition_new_for_file (GFile       *file,
                                     const char  *name,
                                     GError     **error)
{
  g_autoptr(AtlasLayerDefinition) definition = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (name == NULL)
    name = base = g_file_get_basename (file);
  bytes = read_bytes (file, name, error);
  if (bytes == NULL)
    return NULL;
  definition = atlas_layer_definition_new (is_json (bytes) || header_has_coordinates (bytes)
                                           ? ATLAS_LAYER_POINTS : ATLAS_LAYER_VALUES);
  definition->name = g_strdup (name);
  definition->path = g_file_get_path (file);
  definition->bytes = g_steal_pointer (&bytes);
  return g_steal_pointer (&definition);
}

static gboolean
make_values (AtlasUserLayer  *self,
             GError         **error)
{
  const AtlasLayerDefinition *d = self->definition;
  AtlasAreaValuesOptions values_options = { d->column, d->indicator, d->period, d->unit };
  AtlasChoroplethOptions options;

  self->values = atlas_area_values_new (self->table, self->dataset, &values_options, error);
  if (self->values == NULL)
    return FALSE;
  atlas_choropleth_options_init (&options);
  options.method = d->method;
  options.n_classes = d->n_classes;
  options.breaks = d->breaks;
  options.n_breaks = d->n_breaks;
  options.palette = d->palette;
  options.categorical = d->categorical;
  options.title = d->title;
  self->choropleth = atlas_choropleth_new_from_values (self->values, &options, error);
  return self->choropleth != NULL;
}

static gboolean
make_points (AtlasUserLayer  *self,
             GError         **error)
{
  g_autoptr(AtlasPoints) points = NULL;

  if (self->table != NULL)
    points = atlas_points_new_from_table (self->table, self->dataset, error);
  else
    points = atlas_points_new_from_bytes (self->definition->bytes, self->definition->name,
                                          self->dataset, error);
  if (points == NULL)
    return FALSE;
  self->point_layer = atlas_point_layer_new (points, self->definition->colour,
                                             self->definition->shape);
  return TRUE;
}

/* A layer of the definition (whose bytes are read) for dataset, reusing a parsed table. */
static AtlasUserLayer *
make_layer (AtlasDataset                *dataset,
            const AtlasLayerDefinition  *definition,
            AtlasTable                  *table,
            GError                     **error)
{
  g_autoptr(AtlasUserLayer) self = g_object_new (ATLAS_TYPE_USER_LAYER, NULL);
  gboolean ok;

  self->definition = atlas_layer_definition_copy (definition);
  if (self->definition->id == NULL)
    self->definition->id = g_strconcat ("data:", definition->name, NULL);
  self->dataset = g_object_ref (dataset);
  if (table != NULL)
    self->table = atlas_table_ref (table);
  else if (definition->kind == ATLAS_LAYER_VALUES || !is_json (definition->bytes))
    {
      gsize length;
      const char *data = g_bytes_get_data (definition->bytes, &length);

      self->table = atlas_table_parse (data != NULL ? data : "", length, definition->name,
                                       error);
      if (self->table == NULL)
        return NULL;
    }
  ok = definition->kind == ATLAS_LAYER_VALUES ? make_values (self, error)
                                              : make_points (self, error);
  return ok ? g_steal_pointer (&self) : NULL;
}

AtlasUserLayer *
atlas_user_layer_new (AtlasDataset                *dataset,
                      const AtlasLayerDefinition  *definition,
                      GError                     **error)
{
  g_autoptr(AtlasLayerDefinition) read = NULL;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (definition != NULL && definition->name != NULL, NULL);

  if (definition->bytes == NULL)
    {
      g_autoptr(GFile) file = NULL;

      g_return_val_if_fail (definition->path != NULL, NULL);
      file = g_file_new_for_path (definition->path);
      read = atlas_layer_definition_copy (definition);
      read->bytes = read_bytes (file, definition->name, error);
      if (read->bytes == NULL)
        return NULL;
      definition = read;
    }
  return make_layer (dataset, definition, NULL, error);
}

AtlasUserLayer *
atlas_user_layer_new_with_choices (AtlasUserLayer              *self,
                                   const AtlasLayerDefinition  *choices,
                                   GError                     **error)
{
  g_autoptr(AtlasLayerDefinition) definition = NULL;
  AtlasUserLayer *layer;

  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);
  g_return_val_if_fail (choices != NULL, NULL);

  definition = atlas_layer_definition_copy (choices);
  definition->kind = self->definition->kind;
  g_free (definition->id);
  definition->id = g_strdup (self->definition->id);
  g_free (definition->name);
  definition->name = g_strdup (self->definition->name);
  g_free (definition->path);
  definition->path = g_strdup (self->definition->path);
  g_clear_pointer (&definition->bytes, g_bytes_unref);
  definition->bytes = g_bytes_ref (self->definition->bytes);
  if (self->point_layer == NULL)
    return make_layer (self->dataset, definition, self->table, error);

  /* A new look for the same points: nothing to read or locate again. */
  layer = g_object_new (ATLAS_TYPE_USER_LAYER, NULL);
  layer->definition = g_steal_pointer (&definition);
  layer->dataset = g_object_ref (self->dataset);
  layer->table = self->table != NULL ? atlas_table_ref (self->table) : NULL;
  layer->point_layer = atlas_point_layer_new (atlas_point_layer_get_points (self->point_layer),
                                              layer->definition->colour,
                                              layer->definition->shape);
  return layer;
}

AtlasUserLayer *
atlas_user_layer_rebind (AtlasUserLayer *self,
                         AtlasDataset   *dataset)
{
  g_autoptr(GError) error = NULL;
  AtlasUserLayer *layer;

  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  if (dataset == self->dataset)
    return g_object_ref (self);
  layer = make_layer (dataset, self->definition, self->table, &error);
  if (layer != NULL)
    return layer;

  layer = g_object_new (ATLAS_TYPE_USER_LAYER, NULL);
  layer->definition = atlas_layer_definition_copy (self->definition);
  layer->dataset = g_object_ref (dataset);
  layer->table = self->table != NULL ? atlas_table_ref (self->table) : NULL;
  layer->problem = g_strdup (error->message);
  return layer;
}

const char *
atlas_user_layer_get_id (AtlasUserLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);
  return self->definition->id;
}

AtlasLayerKind
atlas_user_layer_get_kind (AtlasUserLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), ATLAS_LAYER_VALUES);
  return self->definition->kind;
}

AtlasDataset *
atlas_user_layer_get_dataset (AtlasUserLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);
  return self->dataset;
}

const char *
atlas_user_layer_get_title (AtlasUserLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);

  if (self->choropleth != NULL)
    return atlas_choropleth_get_title (self->choropleth);
  if (self->definition->title != NULL)
    return self->definition->title;
  return self->definition->name;
}

const char *
atlas_user_layer_get_problem (AtlasUserLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);
  return self->problem;
}

const AtlasLayerDefinition *
atlas_user_layer_get_definition (AtlasUserLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);
  return self->definition;
}

AtlasLayerDefinition *
atlas_user_layer_dup_definition (AtlasUserLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);
  return atlas_layer_definition_copy (self->definition);
}

AtlasAreaValues *
atlas_user_layer_get_values (AtlasUserLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);
  return self->values;
}

AtlasChoropleth *
atlas_user_layer_get_choropleth (AtlasUserLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);
  return self->choropleth;
}

AtlasPointLayer *
atlas_user_layer_get_point_layer (AtlasUserLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (self), NULL);
  return self->point_layer;
}
