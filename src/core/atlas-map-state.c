/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-map-state-private.h"

#include <string.h>

/* Half the side of the box framed around a single point (a site), in degrees. */
#define POINT_FRAME_HALF_SIDE 0.03

struct _AtlasMapState
{
  GObject parent_instance;

  AtlasDataset *dataset;
  AtlasSelection *selection;
  AtlasAnnotationList *annotations;
  char *thematic;                /* the choice, kept across datasets */
  const AtlasIndicator *indicator;
  AtlasChoropleth *choropleth;   /* what the choice shows with this dataset: NULL, partnerships */
  AtlasStateLayers *layers;      /* bundled choropleths and a planner's layers */
  AtlasTheme theme;
  char *basemap;
  gboolean has_view;
  AtlasBBox view;
  AtlasLegendModel *legend;      /* NULL until asked for after a change */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasMapState, atlas_map_state, G_TYPE_OBJECT)

/* What the thematic choice shows now. */
static void
resolve_thematic (AtlasMapState *self)
{
  g_clear_object (&self->choropleth);
  self->choropleth = _atlas_state_layers_resolve (self->layers, self->dataset, self->thematic,
                                                  &self->indicator);
  if (self->choropleth != NULL)
    g_object_ref (self->choropleth);
}

static void
emit_changed (AtlasMapState       *self,
              AtlasMapStateChange  change)
{
  /* The key depends on neither the view nor the annotations. */
  if ((change & ~(ATLAS_MAP_STATE_CHANGE_VIEW | ATLAS_MAP_STATE_CHANGE_ANNOTATIONS)) != 0)
    g_clear_pointer (&self->legend, atlas_legend_model_unref);
  g_signal_emit (self, signals[CHANGED], 0, change);
}

AtlasStateLayers *
_atlas_map_state_get_layers (AtlasMapState *self)
{
  return self->layers;
}

void
_atlas_map_state_layers_changed (AtlasMapState       *self,
                                 AtlasMapStateChange  change)
{
  resolve_thematic (self);
  emit_changed (self, change);
}

static void
selection_changed_cb (AtlasMapState *self)
{
  emit_changed (self, ATLAS_MAP_STATE_CHANGE_SELECTION);
}

static void
annotations_changed_cb (AtlasMapState *self)
{
  emit_changed (self, ATLAS_MAP_STATE_CHANGE_ANNOTATIONS);
}

static void
extend_with_district (AtlasBBox           *bbox,
                      const AtlasDistrict *district)
{
  if (district != NULL && district->shape != NULL)
    atlas_bbox_union (bbox, &district->shape->bbox);
}

static void
extend_with_districts (AtlasBBox            *bbox,
                       const AtlasDistrict **districts,
                       guint                 n_districts)
{
  for (guint i = 0; i < n_districts; i++)
    extend_with_district (bbox, districts[i]);
}

static void
extend_with_point (AtlasBBox *bbox,
                   double     lon,
                   double     lat)
{
  atlas_bbox_extend (bbox, lon - POINT_FRAME_HALF_SIDE, lat - POINT_FRAME_HALF_SIDE);
  atlas_bbox_extend (bbox, lon + POINT_FRAME_HALF_SIDE, lat + POINT_FRAME_HALF_SIDE);
}

static void
atlas_map_state_dispose (GObject *object)
{
  AtlasMapState *self = ATLAS_MAP_STATE (object);

  if (self->selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->selection, self);
      g_object_set_qdata (G_OBJECT (self->selection), _atlas_map_state_quark (), NULL);
    }
  g_clear_object (&self->selection);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  g_clear_object (&self->dataset);
  g_clear_object (&self->choropleth);
  g_clear_pointer (&self->layers, _atlas_state_layers_free);
  g_clear_pointer (&self->legend, atlas_legend_model_unref);

  G_OBJECT_CLASS (atlas_map_state_parent_class)->dispose (object);
}

static void
atlas_map_state_finalize (GObject *object)
{
  AtlasMapState *self = ATLAS_MAP_STATE (object);

  g_free (self->thematic);
  g_free (self->basemap);

  G_OBJECT_CLASS (atlas_map_state_parent_class)->finalize (object);
}

static void
atlas_map_state_class_init (AtlasMapStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_map_state_dispose;
  object_class->finalize = atlas_map_state_finalize;

  /* What changed: AtlasMapStateChange flags. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
atlas_map_state_init (AtlasMapState *self)
{
  self->selection = atlas_selection_new ();
  self->thematic = g_strdup (ATLAS_MAP_STATE_PARTNERSHIPS);
  self->basemap = g_strdup ("offline");
  self->theme = ATLAS_THEME_LIGHT;
  self->layers = _atlas_state_layers_new ();
  g_object_set_qdata (G_OBJECT (self->selection), _atlas_map_state_quark (), self);
  g_signal_connect_swapped (self->selection, "changed", G_CALLBACK (selection_changed_cb), self);
  self->annotations = atlas_annotation_list_new ();
  g_signal_connect_swapped (self->annotations, "changed", G_CALLBACK (annotations_changed_cb),
                            self);
}

AtlasMapState *
atlas_map_state_new (void)
{
  return g_object_new (ATLAS_TYPE_MAP_STATE, NULL);
}

AtlasMapState *
atlas_map_state_copy (AtlasMapState *self)
{
  AtlasMapState *copy;

  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);

  copy = atlas_map_state_new ();
  atlas_map_state_set_dataset (copy, self->dataset);
  atlas_selection_select (copy->selection, atlas_selection_get_kind (self->selection),
                          atlas_selection_get_id (self->selection));
  g_free (copy->thematic);
  copy->thematic = g_strdup (self->thematic);
  _atlas_state_layers_copy_into (self->layers, copy->layers);
  copy->indicator = self->indicator;
  g_set_object (&copy->choropleth, self->choropleth);
  copy->theme = self->theme;
  g_free (copy->basemap);
  copy->basemap = g_strdup (self->basemap);
  copy->has_view = self->has_view;
  copy->view = self->view;
  atlas_annotation_list_reset (copy->annotations,
                               atlas_annotation_list_get_set (self->annotations));
  return copy;
}

void
atlas_map_state_set_dataset (AtlasMapState *self,
                             AtlasDataset  *dataset)
{
  g_return_if_fail (ATLAS_IS_MAP_STATE (self));
  g_return_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;
  _atlas_state_layers_set_dataset (self->layers, dataset);
  resolve_thematic (self);
  self->has_view = FALSE;
  /* The selection's own "changed" follows; the legend is rebuilt once, at the next ask. */
  g_signal_handlers_block_by_func (self->selection, selection_changed_cb, self);
  atlas_selection_set_dataset (self->selection, dataset);
  g_signal_handlers_unblock_by_func (self->selection, selection_changed_cb, self);
  emit_changed (self, ATLAS_MAP_STATE_CHANGE_DATASET | ATLAS_MAP_STATE_CHANGE_SELECTION
                      | ATLAS_MAP_STATE_CHANGE_THEMATIC);
}

AtlasDataset *
atlas_map_state_get_dataset (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);
  return self->dataset;
}

AtlasSelection *
atlas_map_state_get_selection (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);
  return self->selection;
}

AtlasAnnotationList *
atlas_map_state_get_annotations (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);
  return self->annotations;
}

gboolean
atlas_map_state_set_thematic (AtlasMapState *self,
                              const char    *thematic)
{
  const AtlasIndicator *indicator = NULL;

  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), FALSE);

  if (thematic == NULL)
    return FALSE;
  if (g_strcmp0 (thematic, ATLAS_MAP_STATE_PARTNERSHIPS) != 0 && self->dataset != NULL
      && _atlas_state_layers_resolve (self->layers, self->dataset, thematic, &indicator) == NULL)
    return FALSE;
  if (g_strcmp0 (self->thematic, thematic) == 0)
    return TRUE;
  g_free (self->thematic);
  self->thematic = g_strdup (thematic);
  resolve_thematic (self);
  emit_changed (self, ATLAS_MAP_STATE_CHANGE_THEMATIC);
  return TRUE;
}

const char *
atlas_map_state_get_thematic (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);
  if (self->indicator != NULL)
    return self->indicator->id;
  return self->choropleth != NULL ? self->thematic : ATLAS_MAP_STATE_PARTNERSHIPS;
}

const char *
atlas_map_state_get_thematic_choice (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);
  return self->thematic;
}

const AtlasIndicator *
atlas_map_state_get_indicator (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);
  return self->indicator;
}

AtlasChoropleth *
atlas_map_state_get_choropleth (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);
  return self->choropleth;
}

void
atlas_map_state_set_theme (AtlasMapState *self,
                           AtlasTheme     theme)
{
  g_return_if_fail (ATLAS_IS_MAP_STATE (self));

  if (self->theme == theme)
    return;
  self->theme = theme;
  emit_changed (self, ATLAS_MAP_STATE_CHANGE_THEME);
}

AtlasTheme
atlas_map_state_get_theme (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), ATLAS_THEME_LIGHT);
  return self->theme;
}

void
atlas_map_state_set_basemap (AtlasMapState *self,
                             const char    *basemap)
{
  g_return_if_fail (ATLAS_IS_MAP_STATE (self));
  g_return_if_fail (basemap != NULL);

  if (g_strcmp0 (self->basemap, basemap) == 0)
    return;
  g_free (self->basemap);
  self->basemap = g_strdup (basemap);
  emit_changed (self, ATLAS_MAP_STATE_CHANGE_BASEMAP);
}

const char *
atlas_map_state_get_basemap (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);
  return self->basemap;
}

gboolean
atlas_map_state_get_online_map (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), FALSE);
  return g_strcmp0 (self->basemap, "osm") == 0;
}

void
atlas_map_state_set_view (AtlasMapState   *self,
                          const AtlasBBox *extent)
{
  g_return_if_fail (ATLAS_IS_MAP_STATE (self));
  g_return_if_fail (extent != NULL);

  if (self->has_view && memcmp (&self->view, extent, sizeof *extent) == 0)
    return;
  self->view = *extent;
  self->has_view = TRUE;
  emit_changed (self, ATLAS_MAP_STATE_CHANGE_VIEW);
}

gboolean
atlas_map_state_get_view (AtlasMapState *self,
                          AtlasBBox     *extent)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), FALSE);

  if (self->has_view && extent != NULL)
    *extent = self->view;
  return self->has_view;
}

void
atlas_map_state_get_cartography (AtlasMapState           *self,
                                 AtlasCartographyOptions *options)
{
  g_return_if_fail (ATLAS_IS_MAP_STATE (self));
  g_return_if_fail (options != NULL);

  atlas_cartography_options_init (options);
  options->theme = self->theme;
  options->indicator = self->indicator;
  options->choropleth = self->choropleth;
  _atlas_state_layers_fill_options (self->layers, options);
  atlas_cartography_options_set_selection (options, atlas_selection_get_kind (self->selection),
                                           atlas_selection_get_record (self->selection));
  options->annotations = atlas_annotation_list_get_set (self->annotations);
}

AtlasLegendModel *
atlas_map_state_get_legend (AtlasMapState *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), NULL);

  if (self->dataset == NULL)
    return NULL;
  if (self->legend == NULL)
    {
      AtlasCartographyOptions options;

      atlas_map_state_get_cartography (self, &options);
      self->legend = atlas_legend_model_new (self->dataset, &options);
    }
  return self->legend;
}

gboolean
atlas_selection_record_get_bbox (AtlasDataset       *dataset,
                                 AtlasSelectionKind  kind,
                                 gconstpointer       record,
                                 AtlasBBox          *bbox)
{
  g_return_val_if_fail (bbox != NULL, FALSE);

  atlas_bbox_init_empty (bbox);
  if (record == NULL || dataset == NULL)
    return FALSE;

  switch (kind)
    {
    case ATLAS_SELECTION_DISTRICT:
      extend_with_district (bbox, record);
      break;
    case ATLAS_SELECTION_PARTNERSHIP:
      {
        const AtlasPartnership *partnership = record;

        extend_with_districts (bbox, partnership->districts, partnership->n_districts);
      }
      break;
    case ATLAS_SELECTION_SITE:
      {
        const AtlasSite *site = record;

        extend_with_point (bbox, site->lon, site->lat);
      }
      break;
    case ATLAS_SELECTION_TRUST:
      {
        const AtlasSite *sites;
        guint n_sites = 0;

        sites = atlas_dataset_get_sites (dataset, &n_sites);
        for (guint i = 0; i < n_sites; i++)
          if (sites[i].trust == record)
            extend_with_point (bbox, sites[i].lon, sites[i].lat);
        /* A trust without sites of its own (a mental health trust) serves the system. */
        if (atlas_bbox_is_empty (bbox))
          *bbox = *atlas_dataset_get_bbox (dataset);
      }
      break;
    case ATLAS_SELECTION_PRIORITY:
      {
        const AtlasPartnership *partnership = ((const AtlasPriority *) record)->partnership;

        if (partnership != NULL)
          extend_with_districts (bbox, partnership->districts, partnership->n_districts);
      }
      break;
    case ATLAS_SELECTION_UPDATE:
      {
        const AtlasUpdate *update = record;

        extend_with_districts (bbox, update->districts, update->n_districts);
      }
      break;
    case ATLAS_SELECTION_NONE:
    default:
      break;
    }
  return !atlas_bbox_is_empty (bbox);
}

gboolean
atlas_map_state_get_selection_bbox (AtlasMapState *self,
                                    AtlasBBox     *bbox)
{
  g_return_val_if_fail (ATLAS_IS_MAP_STATE (self), FALSE);

  return atlas_selection_record_get_bbox (self->dataset,
                                          atlas_selection_get_kind (self->selection),
                                          atlas_selection_get_record (self->selection), bbox);
}
