/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "atlas-map-state.h"

G_BEGIN_DECLS

/* A planner's own data layers, embedded in a map document ("data_layers"), so that the
 * document travels alone: each holds the file it was made from, whole, and the choices made
 * for it. What a document reader checks is this envelope; the file's own content is read, as
 * when it was first opened, by the own-data readers (atlas-table.h, atlas-points.h) when the
 * layer is restored.
 *
 * The two functions below join documents and the map state's data layers
 * (atlas-user-layer.h): a layer's definition goes in "settings" (its choices and its id in the
 * state, not where the file was on the planner's disk) and its bytes in "lines". A layer the
 * readers refuse when the document is opened is kept as it was read, and written back when the
 * map is saved, so opening and saving loses nothing. */

typedef struct {
  char *kind;          /* "area-values" (a value per district) or "points" */
  char *name;          /* what the planner called it */
  char *source_name;   /* the name of the file it came from (a name, not a path) */
  char *media_type;    /* "text/csv", "text/tab-separated-values" or "application/geo+json" */
  char *text;          /* the file's text, whole */
  JsonNode *settings;  /* the choices made for it (an object), or NULL */
} AtlasDocumentLayer;

AtlasDocumentLayer *atlas_document_layer_copy (const AtlasDocumentLayer *layer);
void                atlas_document_layer_free (AtlasDocumentLayer       *layer);

/* The data layers the state holds, as a document embeds them (AtlasDocumentLayer, a new
 * array). */
GPtrArray          *atlas_document_collect_data_layers (AtlasMapState *state);
/* Shows a document's layers in the state (which shows a dataset) in place of the ones it
 * held; returns the layers it did not take (a new array), which the caller keeps and saves
 * again. FALSE, with the first error ("FILE:LINE:COLUMN: what", FILE the layer's file name),
 * when the own-data readers refuse a layer's file or its settings. Call it before
 * atlas_document_apply (), so that a thematic layer of the planner's is there to be shown. */
gboolean            atlas_document_restore_data_layers (AtlasMapState  *state,
                                                        GPtrArray      *layers,
                                                        GPtrArray     **kept,
                                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasDocumentLayer, atlas_document_layer_free)

G_END_DECLS
