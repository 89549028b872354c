/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-map-state.h"

G_BEGIN_DECLS

/* atlas-map-state-layers.c: the thematic layers a map state keeps besides its dataset: the
 * bundled indicators' choropleths, made once per dataset and indicator (an indicator of
 * 200,000 figures is classed once, not for every district drawn), and a planner's layers. */
typedef struct _AtlasStateLayers AtlasStateLayers;

AtlasStateLayers *_atlas_state_layers_new         (void);
void              _atlas_state_layers_free        (AtlasStateLayers        *self);
/* The same layers and cached choropleths in copy (a worker thread's state). */
void              _atlas_state_layers_copy_into   (AtlasStateLayers        *self,
                                                   AtlasStateLayers        *copy);
/* A new dataset: the cached choropleths go, a planner's layers are made again for it. */
void              _atlas_state_layers_set_dataset (AtlasStateLayers        *self,
                                                   AtlasDataset            *dataset);
/* What a thematic choice shows with dataset: a choropleth (borrowed; NULL for partnerships
 * and for a choice the dataset and the layers do not have) and the bundled indicator it was
 * made from (NULL for a planner's layer). */
AtlasChoropleth  *_atlas_state_layers_resolve     (AtlasStateLayers        *self,
                                                   AtlasDataset            *dataset,
                                                   const char              *thematic,
                                                   const AtlasIndicator   **indicator);
/* The point layers to draw. */
void              _atlas_state_layers_fill_options (AtlasStateLayers       *self,
                                                    AtlasCartographyOptions *options);

/* atlas-map-state.c */
AtlasStateLayers *_atlas_map_state_get_layers     (AtlasMapState           *self);
/* The thematic layer is resolved again, then "changed" is emitted. */
void              _atlas_map_state_layers_changed (AtlasMapState           *self,
                                                   AtlasMapStateChange      change);
/* Where a selection keeps its state (atlas_map_state_for_selection). */
GQuark            _atlas_map_state_quark          (void);

G_END_DECLS
