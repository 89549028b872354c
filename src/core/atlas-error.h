/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_DATASET_ERROR (atlas_dataset_error_quark ())

/* Every error message produced with this domain reads
 * "FILE:LINE:COLUMN: JSON.PATH: what was expected" so a planner (or a test) can find the place. */
typedef enum {
  ATLAS_DATASET_ERROR_IO,          /* the file cannot be read */
  ATLAS_DATASET_ERROR_LIMIT,       /* too large, too deep, too many coordinates, string too long */
  ATLAS_DATASET_ERROR_ENCODING,    /* not UTF-8 */
  ATLAS_DATASET_ERROR_SYNTAX,      /* not JSON */
  ATLAS_DATASET_ERROR_SCHEMA,      /* JSON, but not the dataset format: wrong types, missing fields */
  ATLAS_DATASET_ERROR_REFERENCE,   /* duplicate ids, references that do not resolve */
  ATLAS_DATASET_ERROR_GEOMETRY,    /* rings, polygons, coordinates, sites outside districts */
  ATLAS_DATASET_ERROR_INVALID,     /* several problems: the message lists them all, one per line */
} AtlasDatasetError;

GQuark atlas_dataset_error_quark (void);

G_END_DECLS
