/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-annotation-list.h"
#include "atlas-cartography.h"
#include "atlas-dataset.h"
#include "atlas-legend-model.h"
#include "atlas-selection.h"
#include "atlas-user-layer.h"

G_BEGIN_DECLS

/* The one map state behind the window and every output: the care system, what the districts
 * are coloured by (its partnerships or an indicator), the selection of any record kind, the
 * colour theme, the base map and the view. The window edits it; the district layer, the legend,
 * the screenshot, the copied image, the export dialog and its preview, printing, the meeting
 * pack and the command line all read it, so what the planner sees is what they take away.
 * What a renderer needs comes from here: atlas_map_state_get_cartography () (fills, emphasis,
 * symbols) and atlas_map_state_get_legend () (the key, computed once). Main thread only; a
 * worker thread gets an atlas_map_state_copy () that nothing changes. */

#define ATLAS_MAP_STATE_PARTNERSHIPS "partnerships"

typedef enum {
  ATLAS_MAP_STATE_CHANGE_DATASET   = 1 << 0,
  ATLAS_MAP_STATE_CHANGE_SELECTION = 1 << 1,
  ATLAS_MAP_STATE_CHANGE_THEMATIC  = 1 << 2,
  ATLAS_MAP_STATE_CHANGE_THEME     = 1 << 3,
  ATLAS_MAP_STATE_CHANGE_BASEMAP   = 1 << 4,
  ATLAS_MAP_STATE_CHANGE_VIEW      = 1 << 5,
  ATLAS_MAP_STATE_CHANGE_ANNOTATIONS = 1 << 6,
  ATLAS_MAP_STATE_CHANGE_LAYERS    = 1 << 7,   /* a planner's layer added, changed or removed */
} AtlasMapStateChange;

#define ATLAS_TYPE_MAP_STATE (atlas_map_state_get_type ())
G_DECLARE_FINAL_TYPE (AtlasMapState, atlas_map_state, ATLAS, MAP_STATE, GObject)

AtlasMapState        *atlas_map_state_new            (void);
/* A copy for a worker thread: the same dataset, thematic layer, theme, base map and view, and
 * a selection of its own holding the same record (without the history). */
AtlasMapState        *atlas_map_state_copy           (AtlasMapState *self);

/* Setting a dataset clears the selection; the thematic choice is kept for the next system
 * that has that indicator. */
void                  atlas_map_state_set_dataset    (AtlasMapState *self,
                                                      AtlasDataset  *dataset);
AtlasDataset         *atlas_map_state_get_dataset    (AtlasMapState *self);
/* The selection: its "changed" is also the state's (ATLAS_MAP_STATE_CHANGE_SELECTION). */
AtlasSelection       *atlas_map_state_get_selection  (AtlasMapState *self);
/* The planner's annotations, with their undo history: its "changed" is also the state's
 * (ATLAS_MAP_STATE_CHANGE_ANNOTATIONS). They are kept when the dataset changes. */
AtlasAnnotationList  *atlas_map_state_get_annotations (AtlasMapState *self);

/* ATLAS_MAP_STATE_PARTNERSHIPS, an indicator's id or the id of a planner's values layer;
 * FALSE (nothing changes) when the dataset has no such indicator and there is no such layer. */
gboolean              atlas_map_state_set_thematic   (AtlasMapState *self,
                                                      const char    *thematic);
/* The layer shown: ATLAS_MAP_STATE_PARTNERSHIPS when the chosen indicator is not the
 * dataset's. */
const char           *atlas_map_state_get_thematic   (AtlasMapState *self);
/* The chosen layer even when this dataset does not have it: what is remembered. */
const char           *atlas_map_state_get_thematic_choice (AtlasMapState *self);
const AtlasIndicator *atlas_map_state_get_indicator  (AtlasMapState *self);
/* What fills the districts: the shown indicator's choropleth (made once per dataset and
 * indicator, and kept) or a planner's layer's; NULL for partnerships. */
AtlasChoropleth      *atlas_map_state_get_choropleth (AtlasMapState *self);

/* A planner's layers (atlas-user-layer.h), in the order they were added, each made for the
 * state's dataset: values layers are thematic choices under their ids, point layers are drawn
 * over the map (at most ATLAS_CARTOGRAPHY_MAX_POINT_LAYERS). A new dataset makes them again
 * for it (a file that does not fit it leaves its layer unavailable, not drawn, until a system
 * it fits). Ids read "data:" and the file's name, "data:NAME (2)" for a second file of the
 * same name. */
char                 *atlas_map_state_make_layer_id  (AtlasMapState  *self,
                                                      const char     *name);
/* Adds the layer, or replaces the one with its id (the same place in the order, and shown if
 * that one was). Errors (ATLAS_IMPORT_ERROR_OPTIONS): one point layer too many. */
gboolean              atlas_map_state_add_layer      (AtlasMapState  *self,
                                                      AtlasUserLayer *layer,
                                                      GError        **error);
gboolean              atlas_map_state_remove_layer   (AtlasMapState  *self,
                                                      const char     *id);
AtlasUserLayer       *atlas_map_state_find_layer     (AtlasMapState  *self,
                                                      const char     *id);
guint                 atlas_map_state_get_n_layers   (AtlasMapState  *self);
AtlasUserLayer       *atlas_map_state_get_layer      (AtlasMapState  *self,
                                                      guint           i);
/* The state a selection belongs to (the side panel is given the selection), or NULL. */
AtlasMapState        *atlas_map_state_for_selection  (AtlasSelection *selection);

void                  atlas_map_state_set_theme      (AtlasMapState *self,
                                                      AtlasTheme     theme);
AtlasTheme            atlas_map_state_get_theme      (AtlasMapState *self);
/* "offline" or "osm": whether "© OpenStreetMap contributors" belongs in the attribution. */
void                  atlas_map_state_set_basemap    (AtlasMapState *self,
                                                      const char    *basemap);
const char           *atlas_map_state_get_basemap    (AtlasMapState *self);
gboolean              atlas_map_state_get_online_map (AtlasMapState *self);
/* What the map shows (lon/lat); FALSE until a view is set. */
void                  atlas_map_state_set_view       (AtlasMapState   *self,
                                                      const AtlasBBox *extent);
gboolean              atlas_map_state_get_view       (AtlasMapState   *self,
                                                      AtlasBBox       *extent);

/* Theme, thematic layer, the selection's emphasis, names and sites: what every renderer draws
 * the districts with. The on-screen hover is the map's own and is not part of the state. */
void                  atlas_map_state_get_cartography (AtlasMapState           *self,
                                                       AtlasCartographyOptions *options);
/* The key to the map as it is now (NULL without a dataset); computed once per change. */
AtlasLegendModel     *atlas_map_state_get_legend     (AtlasMapState *self);
/* The area the selection is about, to frame: a district's shape, a partnership's or an
 * update's districts, a trust's sites (the whole system for a trust without sites), a site's
 * surroundings. FALSE when nothing is selected. */
gboolean              atlas_map_state_get_selection_bbox (AtlasMapState *self,
                                                          AtlasBBox     *bbox);
/* The same for any record of dataset. */
gboolean              atlas_selection_record_get_bbox (AtlasDataset       *dataset,
                                                       AtlasSelectionKind  kind,
                                                       gconstpointer       record,
                                                       AtlasBBox          *bbox);

G_END_DECLS
