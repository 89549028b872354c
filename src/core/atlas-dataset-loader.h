/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset-private.h"
#include "atlas-problems.h"

G_BEGIN_DECLS

/* Internal: the typed, located reading helpers the dataset loader is built from. Each one
 * reports what is wrong into the loader's problems and returns NULL/FALSE/-1, so reading goes
 * on and every problem of a file is found in one pass. */

typedef struct {
  AtlasDataset *self;
  AtlasProblems *problems;
  const char *name;        /* the dataset's display name */
  GHashTable *id_nodes[8]; /* per kind: id → its JSON node, for duplicate reports */
  /* _atlas_loader_districts: per district, the number of the list that last named it, so a
   * list of n districts is checked for repeats in n steps; and the node of each district the
   * last list kept, for the caller's own reports. */
  guint *district_marks;
  guint district_list;
  GPtrArray *district_items;
} AtlasLoader;

/* Frees what reading left in the loader (not its problems or tables). */
void                  _atlas_loader_clear         (AtlasLoader *l);

void                  _atlas_loader_problem       (AtlasLoader *l, const AtlasJsonNode *node,
                                                   AtlasDatasetError code,
                                                   const char *format, ...) G_GNUC_PRINTF (4, 5);
gboolean              _atlas_loader_expect        (AtlasLoader *l, const AtlasJsonNode *node,
                                                   AtlasJsonKind kind);
gboolean              _atlas_loader_check_members (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   const char * const *allowed);
const AtlasJsonNode  *_atlas_loader_member        (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   const char *name, AtlasJsonKind kind,
                                                   gboolean required);
const char           *_atlas_loader_text          (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   const char *name, gboolean required);
const char           *_atlas_loader_id            (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   GHashTable *table, GHashTable *nodes,
                                                   const char *kind, gpointer record);
gconstpointer         _atlas_loader_resolve       (AtlasLoader *l, const AtlasJsonNode *node,
                                                   GHashTable *table, const char *kind);
gconstpointer         _atlas_loader_reference     (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   const char *name, GHashTable *table,
                                                   const char *kind, gboolean required);
const char           *_atlas_loader_source        (AtlasLoader *l, const AtlasJsonNode *obj);
const AtlasFieldSource *_atlas_loader_field_sources (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   const char * const *allowed, guint *n_out);
gboolean              _atlas_loader_number        (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   const char *name, gboolean required,
                                                   double *out);
const char          **_atlas_loader_strings       (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   const char *name, guint *n_out);
/* The nodes of the districts kept are in l->district_items until the next call. */
const AtlasDistrict **_atlas_loader_districts     (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   const char *name, gboolean required,
                                                   guint *n_out);
const AtlasSection   *_atlas_loader_sections      (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   guint *n_out);
const AtlasFact      *_atlas_loader_facts         (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   guint *n_out);
gboolean              _atlas_loader_colour        (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   guint32 *out);
int                   _atlas_loader_choice        (AtlasLoader *l, const AtlasJsonNode *obj,
                                                   const char *name, const char * const *words,
                                                   const char *expected);

G_END_DECLS
