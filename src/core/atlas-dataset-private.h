/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"
#include "atlas-json.h"
#include "atlas-spatial-index.h"

G_BEGIN_DECLS

struct _AtlasDataset
{
  GObject parent_instance;

  /* Record strings point into the parsed dataset, kept for the dataset's lifetime. */
  AtlasJsonDocument *doc;
  /* Everything else the records point to, freed together. */
  GPtrArray *allocations;

  const char *id;
  const char *name;
  const char *short_name;
  const char *summary;
  const char *nhs_body;
  const char *source;
  guint n_field_sources;
  const AtlasFieldSource *field_sources;
  const char *boundary_licence;
  const char *boundary_source;
  AtlasBBox bbox;

  AtlasSource *sources;
  guint n_sources;
  AtlasFact *facts;
  guint n_facts;
  AtlasDistrict *districts;
  guint n_districts;
  AtlasPartnership *partnerships;
  guint n_partnerships;
  AtlasTrust *trusts;
  guint n_trusts;
  AtlasSite *sites;
  guint n_sites;
  AtlasPriority *priorities;
  guint n_priorities;
  AtlasIndicator *indicators;
  guint n_indicators;
  AtlasUpdate *updates;
  guint n_updates;

  /* id → record, one table per kind */
  GHashTable *source_ids;
  GHashTable *district_ids;
  GHashTable *partnership_ids;
  GHashTable *trust_ids;
  GHashTable *site_ids;
  GHashTable *priority_ids;

  AtlasSpatialIndex *index;
};

/* Fills a fresh dataset from a parsed document. boundary_base is the folder the boundary file
 * is resolved in (NULL: none); display_dir prefixes the boundary file's name in messages (NULL
 * or "." for none). FALSE with every problem in error. */
gboolean _atlas_dataset_build (AtlasDataset       *self,
                               AtlasJsonDocument  *doc,
                               GFile              *boundary_base,
                               const char         *display_dir,
                               GError            **error);

/* Allocations that live as long as the dataset. */
gpointer _atlas_dataset_alloc (AtlasDataset *self,
                               gsize         n,
                               gsize         size);

/* The file's bytes, in memory of our own; NULL with *too_large set (and no error) when it holds
 * more than limit bytes, or NULL with error when it cannot be read. */
GBytes  *_atlas_dataset_read_file (GFile     *file,
                                   gsize      limit,
                                   gboolean  *too_large,
                                   GError   **error);

G_END_DECLS
