/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"
#include "atlas-table.h"

G_BEGIN_DECLS

/* A planner's point layer (GP practices, clinics, schools), each point located to the district
 * it lies in with the dataset's spatial index; points outside every district are kept and
 * marked so. Each point keeps the fields of its row or feature for a popover.
 *
 * Read from:
 *  - a CSV/TSV table (see atlas-table.h) with latitude and longitude columns (WGS84 degrees,
 *    headed "Latitude"/"Longitude", "lat"/"lon", "lng" or "long") and a name column ("Name",
 *    "Site name", "Organisation name", "Practice name"; else the first column of text);
 *  - GeoJSON: a FeatureCollection or a Feature with Point or MultiPoint geometry, read with
 *    the project's located JSON reader; the name is the "name" (or "Name", "title") property.
 *
 * Refused with ATLAS_IMPORT_ERROR, "FILE:LINE:COLUMN: what" (GeoJSON: "FILE:LINE:COLUMN:
 * JSON.PATH: what"): no coordinate columns, a coordinate that is missing, not a number or out
 * of range (latitude -90..90, longitude -180..180), another geometry type, more than
 * ATLAS_POINTS_MAX points, and everything the table or JSON reader refuses. */

#define ATLAS_POINTS_MAX 1000000

typedef struct {
  double lat;
  double lon;
  const char *name;               /* "" when it has none */
  const AtlasDistrict *district;  /* NULL: outside every district */
  guint line;                     /* of its row or its coordinates */
  guint column;
  guint first_field;              /* its fields: atlas_points_get_field () */
  guint n_fields;
} AtlasPlace;

#define ATLAS_TYPE_POINTS (atlas_points_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPoints, atlas_points, ATLAS, POINTS, GObject)

/* Whether the table has a latitude and a longitude column: a point layer rather than figures
 * by area. */
gboolean          atlas_points_table_has_coordinates (AtlasTable *table);
AtlasPoints      *atlas_points_new_from_table   (AtlasTable    *table,
                                                 AtlasDataset  *dataset,
                                                 GError       **error);
AtlasPoints      *atlas_points_new_from_geojson (const char    *data,
                                                 gsize          length,
                                                 const char    *display_name,
                                                 AtlasDataset  *dataset,
                                                 GError       **error);
/* GeoJSON when the text starts with "{", else a table. */
AtlasPoints      *atlas_points_new_from_bytes   (GBytes        *bytes,
                                                 const char    *display_name,
                                                 AtlasDataset  *dataset,
                                                 GError       **error);
/* Refuses a file over ATLAS_TABLE_MAX_INPUT from its size, before reading it. */
AtlasPoints      *atlas_points_load_file        (GFile         *file,
                                                 const char    *display_name,
                                                 AtlasDataset  *dataset,
                                                 GError       **error);

AtlasDataset     *atlas_points_get_dataset      (AtlasPoints   *self);
/* The file's name, as the layer's source. */
const char       *atlas_points_get_source       (AtlasPoints   *self);
const AtlasPlace *atlas_points_get_places       (AtlasPoints   *self,
                                                 guint         *n);
guint             atlas_points_get_n_outside    (AtlasPoints   *self);
/* Field i of a point (0 .. point->n_fields): its name and its value as text. */
void              atlas_points_get_field        (AtlasPoints      *self,
                                                 const AtlasPlace *point,
                                                 guint             i,
                                                 const char      **name,
                                                 const char      **value);

G_END_DECLS
