/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-json.h"
#include "atlas-points.h"

G_BEGIN_DECLS

/* Internal: shared by the CSV (atlas-points.c) and GeoJSON (atlas-points-geojson.c) readers. */

struct _AtlasPoints {
  GObject parent_instance;

  AtlasDataset *dataset;
  AtlasTable *table;         /* what names and values point into: the table... */
  AtlasJsonDocument *doc;    /* ...or the GeoJSON document, */
  GStringChunk *texts;       /* and the figures written out as text */
  char *source;
  GArray *points;            /* AtlasPlace */
  GPtrArray *field_names;
  GPtrArray *field_values;
  guint n_outside;
};

AtlasPoints *_atlas_points_new                (AtlasDataset *dataset,
                                               const char   *display_name);
/* Locates the place to its district and appends it. */
void         _atlas_points_add                (AtlasPoints  *self,
                                               AtlasPlace   *place);
/* Why a latitude (limit 90) or longitude (limit 180) cannot be used, or NULL. */
const char  *_atlas_points_coordinate_problem (double        value,
                                               double        limit);

G_END_DECLS
