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
 * The two hooks below join documents and the map state's data layers. Until the state holds
 * data layers, atlas_document_collect_data_layers () returns none and
 * atlas_document_restore_data_layers () takes none: the window keeps a document's layers as
 * they were read and writes them back when it saves, so opening and saving loses nothing. */

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

/* Hook: the data layers the state shows, as a document embeds them (AtlasDocumentLayer, a new
 * array). The own-data code fills this in when the state holds layers. */
GPtrArray          *atlas_document_collect_data_layers (AtlasMapState *state);
/* Hook: shows a document's layers in the state (showing dataset); returns the layers it did
 * not take (a new array; all of them until the state holds data layers), which the caller
 * keeps and saves again. FALSE (with a located error) is for a layer whose file the own-data
 * readers refuse. */
gboolean            atlas_document_restore_data_layers (AtlasMapState  *state,
                                                        GPtrArray      *layers,
                                                        GPtrArray     **kept,
                                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasDocumentLayer, atlas_document_layer_free)

G_END_DECLS
