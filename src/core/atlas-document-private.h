/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

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

typedef struct {
  const char *name;
  AtlasProblems *problems;
} AtlasDocumentReader;

AtlasDocument *_atlas_document_new (void);

void     _atlas_document_problem (AtlasDocumentReader *reader,
                                  const AtlasJsonNode *node,
                                  AtlasDatasetError    code,
                                  const char          *format,
                                  ...) G_GNUC_PRINTF (4, 5);
gboolean _atlas_document_expect  (AtlasDocumentReader *reader,
                                  const AtlasJsonNode *node,
                                  AtlasJsonKind        kind);
/* Reports every member of obj not in allowed; FALSE when obj is not an object. */
gboolean _atlas_document_members (AtlasDocumentReader *reader,
                                  const AtlasJsonNode *obj,
                                  const char * const  *allowed);
const AtlasJsonNode *_atlas_document_member (AtlasDocumentReader *reader,
                                             const AtlasJsonNode *obj,
                                             const char          *name,
                                             AtlasJsonKind        kind,
                                             gboolean             required);
/* A non-empty string member, or NULL (after a problem, unless it is absent and optional). */
const char *_atlas_document_text (AtlasDocumentReader *reader,
                                  const AtlasJsonNode *obj,
                                  const char          *name,
                                  gboolean             required);

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
