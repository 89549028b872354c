/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset-loader.h"

#include "atlas-document.h"
#include "atlas-document-layers.h"
#include "atlas-json.h"
#include "atlas-problems.h"

G_BEGIN_DECLS

/* Shared by the document's reader (atlas-document-read.c), its data layers
 * (atlas-document-layers.c) and the rest (atlas-document.c). */

struct _AtlasDocument
{
  gatomicrefcount ref_count;

  /* Read from a file: the parsed text (the nodes below point into it) and its name. */
  AtlasJsonDocument *json;
  char *display_name;
  const AtlasJsonNode *system_node;     /* where the system is named */
  const AtlasJsonNode *thematic_node;
  const AtlasJsonNode *selection_node;  /* the selection's "id" */
  const AtlasJsonNode *view_node;

  char *system_id;                      /* a bundled id, or the dataset's id (may be NULL) */
  char *dataset_path;                   /* absolute, when the system is a dataset file */
  gboolean has_view;
  AtlasBBox view;                       /* lon/lat */
  char *thematic;                       /* NULL: partnerships */
  AtlasSelectionKind selection_kind;
  char *selection_id;
  char *basemap;                        /* NULL: the offline map */
  AtlasAnnotationSet *annotations;
  GPtrArray *data_layers;               /* AtlasDocumentLayer */
};

/* A document is read with the dataset loader's located helpers (atlas-dataset-loader.h:
 * _atlas_loader_expect, _check_members, _member, _text, _problem), so the two formats report
 * alike; only its name and problem list are set. */
typedef AtlasLoader AtlasDocumentReader;

AtlasDocument *_atlas_document_new (void);

/* atlas-document-read.c: fills doc from the parsed root. */
void     _atlas_document_read_root (AtlasDocumentReader *reader,
                                    AtlasDocument       *doc,
                                    const AtlasJsonNode *root,
                                    GFile               *base);

/* atlas-document-layers.c */
void     _atlas_document_read_data_layers  (AtlasDocumentReader *reader,
                                            const AtlasJsonNode *array,
                                            GPtrArray           *layers);
/* The id a layer had in the map state it was saved from ("id" in its settings), or NULL. */
const char *_atlas_document_layer_get_id (const AtlasDocumentLayer *layer);
void     _atlas_document_write_data_layers (JsonBuilder         *builder,
                                            GPtrArray           *layers);

G_END_DECLS
