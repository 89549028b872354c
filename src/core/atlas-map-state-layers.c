/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-map-state-private.h"

#include <string.h>

/* The map state's thematic layers besides its dataset: the bundled indicators' choropleths,
 * made once per dataset and indicator and kept, and a planner's layers in the order added. */

struct _AtlasStateLayers {
  AtlasDataset *dataset;      /* not a reference: the state's */
  GHashTable *bundled;        /* AtlasIndicator * → AtlasChoropleth, for dataset */
  GPtrArray *layers;          /* AtlasUserLayer, made for dataset */
};

G_DEFINE_QUARK (atlas-map-state, _atlas_map_state)

AtlasStateLayers *
_atlas_state_layers_new (void)
{
  AtlasStateLayers *self = g_new0 (AtlasStateLayers, 1);

  self->bundled = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
  return self;
}

void
_atlas_state_layers_free (AtlasStateLayers *self)
{
  g_hash_table_unref (self->bundled);
  g_ptr_array_unref (self->layers);
  g_free (self);
}

void
_atlas_state_layers_copy_into (AtlasStateLayers *self,
                               AtlasStateLayers *copy)
{
  GHashTableIter iter;
  gpointer key, value;

  _atlas_state_layers_set_dataset (copy, self->dataset);
  g_hash_table_iter_init (&iter, self->bundled);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->bundled, key, g_object_ref (value));
  for (guint i = 0; i < self->layers->len; i++)
    g_ptr_array_add (copy->layers, g_object_ref (self->layers->pdata[i]));
}

void
_atlas_state_layers_set_dataset (AtlasStateLayers *self,
                                 AtlasDataset     *dataset)
{
  if (self->dataset == dataset)
    return;
  self->dataset = dataset;
  g_hash_table_remove_all (self->bundled);
  if (dataset == NULL)
    return;
  for (guint i = 0; i < self->layers->len; i++)
    {
      AtlasUserLayer *old = self->layers->pdata[i];

      self->layers->pdata[i] = atlas_user_layer_rebind (old, dataset);
      g_object_unref (old);
    }
}

static int
find_layer (AtlasStateLayers *self,
            const char       *id)
{
  for (guint i = 0; id != NULL && i < self->layers->len; i++)
    if (g_strcmp0 (atlas_user_layer_get_id (self->layers->pdata[i]), id) == 0)
      return i;
  return -1;
}

AtlasChoropleth *
_atlas_state_layers_resolve (AtlasStateLayers      *self,
                             AtlasDataset          *dataset,
                             const char            *thematic,
                             const AtlasIndicator **indicator)
{
  const AtlasIndicator *indicators;
  AtlasChoropleth *choropleth;
  guint n = 0;
  int layer;

  *indicator = NULL;
  if (dataset == NULL || thematic == NULL || dataset != self->dataset)
    return NULL;
  if ((layer = find_layer (self, thematic)) >= 0)
    return atlas_user_layer_get_choropleth (self->layers->pdata[layer]);

  indicators = atlas_dataset_get_indicators (dataset, &n);
  for (guint i = 0; i < n && *indicator == NULL; i++)
    if (g_strcmp0 (indicators[i].id, thematic) == 0)
      *indicator = &indicators[i];
  if (*indicator == NULL)
    return NULL;
  choropleth = g_hash_table_lookup (self->bundled, *indicator);
  if (choropleth == NULL)
    {
      choropleth = atlas_choropleth_new_from_indicator (dataset, *indicator);
      g_hash_table_insert (self->bundled, (gpointer) *indicator, choropleth);
    }
  return choropleth;
}

void
_atlas_state_layers_fill_options (AtlasStateLayers        *self,
                                  AtlasCartographyOptions *options)
{
  options->n_point_layers = 0;
  for (guint i = 0; i < self->layers->len; i++)
    {
      AtlasPointLayer *points = atlas_user_layer_get_point_layer (self->layers->pdata[i]);

      if (points != NULL && options->n_point_layers < ATLAS_CARTOGRAPHY_MAX_POINT_LAYERS)
        options->point_layers[options->n_point_layers++] = points;
    }
}

char *
atlas_map_state_make_layer_id (AtlasMapState *self,
                               const char    *name)
{
  AtlasStateLayers *layers;
  char *id;

  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  layers = _atlas_map_state_get_layers (self);
  id = g_strconcat ("data:", name, NULL);
  for (guint n = 2; find_layer (layers, id) >= 0; n++)
    {
      g_free (id);
      id = g_strdup_printf ("data:%s (%u)", name, n);
    }
  return id;
}

gboolean
atlas_map_state_add_layer (AtlasMapState   *self,
                           AtlasUserLayer  *layer,
                           GError         **error)
{
  AtlasStateLayers *layers;
  g_autoptr(AtlasUserLayer) bound = NULL;
  guint n_points = 0;
  int index;

  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_USER_LAYER (layer), FALSE);

  layers = _atlas_map_state_get_layers (self);
  index = find_layer (layers, atlas_user_layer_get_id (layer));
  if (atlas_user_layer_get_kind (layer) == ATLAS_LAYER_POINTS)
    {
      for (guint i = 0; i < layers->layers->len; i++)
        n_points += (int) i != index
                    && atlas_user_layer_get_kind (layers->layers->pdata[i]) == ATLAS_LAYER_POINTS;
      if (n_points >= ATLAS_CARTOGRAPHY_MAX_POINT_LAYERS)
        {
          g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS,
                       "%s: the map already has %d point layers, as many as it can show",
                       atlas_user_layer_get_definition (layer)->name,
                       ATLAS_CARTOGRAPHY_MAX_POINT_LAYERS);
          return FALSE;
        }
    }

  bound = layers->dataset != NULL ? atlas_user_layer_rebind (layer, layers->dataset)
                                  : g_object_ref (layer);
  if (index >= 0)
    {
      g_object_unref (layers->layers->pdata[index]);
      layers->layers->pdata[index] = g_steal_pointer (&bound);
    }
  else
    g_ptr_array_add (layers->layers, g_steal_pointer (&bound));
  _atlas_map_state_layers_changed (self, ATLAS_MAP_STATE_CHANGE_LAYERS
                                         | ATLAS_MAP_STATE_CHANGE_THEMATIC);
  return TRUE;
}

gboolean
atlas_map_state_remove_layer (AtlasMapState *self,
                              const char    *id)
{
  AtlasStateLayers *layers;
  g_autofree char *removed = NULL;
  int index;

  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), FALSE);

  layers = _atlas_map_state_get_layers (self);
  index = find_layer (layers, id);
  if (index < 0)
    return FALSE;
  /* id may be the layer's own, which goes with it. */
  removed = g_strdup (id);
  g_ptr_array_remove_index (layers->layers, index);
  /* Its choice goes with it. */
  if (g_strcmp0 (atlas_map_state_get_thematic_choice (self), removed) == 0)
    atlas_map_state_set_thematic (self, ATLAS_MAP_STATE_PARTNERSHIPS);
  _atlas_map_state_layers_changed (self, ATLAS_MAP_STATE_CHANGE_LAYERS
                                         | ATLAS_MAP_STATE_CHANGE_THEMATIC);
  return TRUE;
}

AtlasUserLayer *
atlas_map_state_find_layer (AtlasMapState *self,
                            const char    *id)
{
  AtlasStateLayers *layers;
  int index;

  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);

  layers = _atlas_map_state_get_layers (self);
  index = find_layer (layers, id);
  return index >= 0 ? layers->layers->pdata[index] : NULL;
}

guint
atlas_map_state_get_n_layers (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), 0);
  return _atlas_map_state_get_layers (self)->layers->len;
}

AtlasUserLayer *
atlas_map_state_get_layer (AtlasMapState *self,
                           guint          i)
{
  AtlasStateLayers *layers;

  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);

  layers = _atlas_map_state_get_layers (self);
  g_return_val_if_fail (i < layers->layers->len, NULL);
  return layers->layers->pdata[i];
}

AtlasMapState *
atlas_map_state_for_selection (AtlasSelection *selection)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);
  return g_object_get_qdata (G_OBJECT (selection), _atlas_map_state_quark ());
}
