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

#define ATLAS_IMPORT_ERROR (atlas_import_error_quark ())

/* Errors in a planner's own file (values by area, a point layer) or in what was asked of it.
 * Messages read "FILE:LINE:COLUMN: what" (GeoJSON: "FILE:LINE:COLUMN: JSON.PATH: what"). */
typedef enum {
  ATLAS_IMPORT_ERROR_IO,        /* the file cannot be read */
  ATLAS_IMPORT_ERROR_LIMIT,     /* too large, too many cells or columns, a field too long */
  ATLAS_IMPORT_ERROR_ENCODING,  /* not UTF-8, a NUL byte */
  ATLAS_IMPORT_ERROR_SYNTAX,    /* an unclosed or stray quote; not JSON */
  ATLAS_IMPORT_ERROR_LAYOUT,    /* empty, no area, number or coordinate column, a short row */
  ATLAS_IMPORT_ERROR_VALUE,     /* a cell that is not a number or out of range, a district twice */
  ATLAS_IMPORT_ERROR_OPTIONS,   /* a column, palette, method or break that cannot be used */
} AtlasImportError;

GQuark atlas_import_error_quark (void);

G_END_DECLS
