/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-area-values.h"
#include "atlas-choropleth.h"
#include "atlas-layer-definition.h"
#include "atlas-point-layer.h"

G_BEGIN_DECLS

/* A planner's file on the map of one care system: figures by area classed into a choropleth
 * (atlas-area-values.h, atlas-choropleth.h) or places drawn as a point layer
 * (atlas-point-layer.h), made from a definition (atlas-layer-definition.h) and the file's
 * bytes, which it keeps: the same layer can be made again for another system, or with other
 * choices, without reading the file again. Immutable; safe to share with worker threads.
 *
 * A layer made again for a system its file does not fit (no district of it named, say) is
 * kept as unavailable, with the reason: it is not drawn, and comes back with a system it fits.
 *
 * Files are refused with ATLAS_IMPORT_ERROR, "FILE:LINE:COLUMN: what" (FILE is the
 * definition's name), for everything the readers refuse, and over 64 MiB from the file's
 * size before it is read. Nothing is ever written to the file. */

#define ATLAS_TYPE_USER_LAYER (atlas_user_layer_get_type ())
G_DECLARE_FINAL_TYPE (AtlasUserLayer, atlas_user_layer, ATLAS, USER_LAYER, GObject)

/* Reads a file and says what it makes, with every default: a point layer for GeoJSON and for
 * a table with latitude and longitude columns, figures by area for any other table. name is
 * how messages and the legend name the file (NULL: its base name). */
AtlasLayerDefinition *atlas_layer_definition_new_for_file (GFile                       *file,
                                                           const char                  *name,
                                                           GError                     **error);

/* The layer a definition makes for dataset: from its bytes, else from its path. */
AtlasUserLayer  *atlas_user_layer_new             (AtlasDataset                *dataset,
                                                   const AtlasLayerDefinition  *definition,
                                                   GError                     **error);
/* The same file with other choices: those of choices (column, classes, palette; colour,
 * shape), with self's file, id and kind; the file is not read again. Errors as for
 * atlas_user_layer_new (); self is left as it was. */
AtlasUserLayer  *atlas_user_layer_new_with_choices (AtlasUserLayer             *self,
                                                    const AtlasLayerDefinition *choices,
                                                    GError                    **error);
/* The same layer for another system (never NULL: unavailable when the file does not fit). */
AtlasUserLayer  *atlas_user_layer_rebind          (AtlasUserLayer              *self,
                                                   AtlasDataset                *dataset);

const char      *atlas_user_layer_get_id          (AtlasUserLayer *self);
AtlasLayerKind   atlas_user_layer_get_kind        (AtlasUserLayer *self);
AtlasDataset    *atlas_user_layer_get_dataset     (AtlasUserLayer *self);
/* What the layer is called in menus: the figures' title (the indicator's name or the value
 * column's header) for values, the file's name for points. */
const char      *atlas_user_layer_get_title       (AtlasUserLayer *self);
/* NULL when the layer is shown; else why it cannot be for this system ("FILE:LINE:COLUMN:
 * what"). */
const char      *atlas_user_layer_get_problem     (AtlasUserLayer *self);
/* The definition it was made from, with the file's bytes (borrowed). */
const AtlasLayerDefinition *atlas_user_layer_get_definition (AtlasUserLayer *self);
/* A copy of it, for a map document to embed (atlas_layer_definition_to_variant (definition,
 * TRUE)): the file's name and bytes, the column, method, classes, breaks and palette, or the
 * colour and shape. */
AtlasLayerDefinition *atlas_user_layer_dup_definition (AtlasUserLayer *self);

/* Values layers (NULL otherwise, and when unavailable). */
AtlasAreaValues *atlas_user_layer_get_values      (AtlasUserLayer *self);
AtlasChoropleth *atlas_user_layer_get_choropleth  (AtlasUserLayer *self);
/* Point layers (NULL otherwise, and when unavailable). */
AtlasPointLayer *atlas_user_layer_get_point_layer (AtlasUserLayer *self);

G_END_DECLS
