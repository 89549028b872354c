/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"
#include "atlas-table.h"

G_BEGIN_DECLS

/* A planner's figures by area, read from a table and matched to the districts of a dataset.
 *
 * Two layouts are read:
 *  - an OHID Fingertips download (columns "Indicator ID", "Indicator Name", "Area Code",
 *    "Area Name", "Area Type", "Sex", "Age", "Category Type", "Time period", "Value",
 *    "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Compared to England value or
 *    percentiles"...). Such a file may hold several indicators, periods, sexes, ages and
 *    breakdowns: the rows used are those of one indicator (the first in the file unless
 *    asked), one period (the newest unless asked), "Persons" when sexes are split, the first
 *    age, and no breakdown (an empty "Category Type"). Where a district has rows of several
 *    area types, the type that matches most districts wins. The note says what was chosen.
 *  - a plain sheet: a column of area codes and/or names (found by its header, else by the
 *    column whose cells match most districts), and numeric columns; the first one is used
 *    unless one is asked for by name. Optional: confidence limits ("Lower CI", "Upper CI"...),
 *    a comparison ("Compared to..."), a period ("Period", "Year": the newest is used).
 *
 * Rows match a district by ONS code, else by name (see _atlas_area_name_key). Rows that match
 * none (England, a region, a county) are kept as "not matched" with their line: that is not an
 * error. A cell left empty or marked as withheld ("*", "x", "..", "[c]") is a district with no
 * figure. Refused (ATLAS_IMPORT_ERROR, "FILE:LINE:COLUMN: what"): no area column, no row that
 * matches a district, no numeric column, a cell of the value column that is not a number, a
 * district given twice, a row too short for the columns used or with text past the header's
 * columns, and a column, indicator or period asked for that the file does not have. */

typedef struct {
  const char *column;      /* the value column by header (plain sheets); NULL: the first */
  const char *indicator;   /* Fingertips: indicator name or id; NULL: the first in the file */
  const char *period;      /* the period as written in the file; NULL: the newest */
  const char *unit;        /* NULL: from the value column's header when it says */
} AtlasAreaValuesOptions;

typedef struct {
  const AtlasDistrict *district;
  double value;            /* NAN: no figure (an empty or withheld cell) */
  double lower;            /* confidence interval; NAN when not given */
  double upper;
  const char *category;    /* "Better", "Similar"... or NULL */
  const char *area;        /* the area as the row names it */
  guint line;
} AtlasAreaValue;

typedef struct {
  guint line;
  const char *area;        /* the row's area name, or its code when it has no name */
  const char *code;        /* NULL when the file has no code column */
} AtlasUnmatchedRow;

#define ATLAS_TYPE_AREA_VALUES (atlas_area_values_get_type ())
G_DECLARE_FINAL_TYPE (AtlasAreaValues, atlas_area_values, ATLAS, AREA_VALUES, GObject)

AtlasAreaValues       *atlas_area_values_new            (AtlasTable                   *table,
                                                          AtlasDataset                 *dataset,
                                                          const AtlasAreaValuesOptions *options,
                                                          GError                      **error);
AtlasAreaValues       *atlas_area_values_load_file      (GFile                        *file,
                                                          const char                   *display_name,
                                                          AtlasDataset                 *dataset,
                                                          const AtlasAreaValuesOptions *options,
                                                          GError                      **error);

AtlasDataset          *atlas_area_values_get_dataset    (AtlasAreaValues *self);
AtlasTable            *atlas_area_values_get_table      (AtlasAreaValues *self);
gboolean               atlas_area_values_is_fingertips  (AtlasAreaValues *self);
/* The indicator's name (Fingertips) or the value column's header. */
const char            *atlas_area_values_get_title      (AtlasAreaValues *self);
const char            *atlas_area_values_get_unit       (AtlasAreaValues *self);  /* or NULL */
const char            *atlas_area_values_get_period     (AtlasAreaValues *self);  /* or NULL */
/* The file's name, as the legend's source. */
const char            *atlas_area_values_get_source     (AtlasAreaValues *self);
/* What was chosen and what was left out, in a sentence; NULL when nothing was left out. */
const char            *atlas_area_values_get_note       (AtlasAreaValues *self);
/* The table's column the figures were read from, and whether a column holds the areas (their
 * codes or names): what a planner can pick another column of figures from. */
int                    atlas_area_values_get_value_column (AtlasAreaValues *self);
gboolean               atlas_area_values_is_area_column   (AtlasAreaValues *self,
                                                           int              column);
/* The header of the comparison column used, or NULL. */
const char            *atlas_area_values_get_category_column (AtlasAreaValues *self);

/* Every matched row, in file order. */
const AtlasAreaValue  *atlas_area_values_get_values     (AtlasAreaValues *self,
                                                          guint           *n);
/* A district's row in O(1), or NULL when no row matched it. */
const AtlasAreaValue  *atlas_area_values_lookup         (AtlasAreaValues     *self,
                                                          const AtlasDistrict *district);
const AtlasUnmatchedRow *atlas_area_values_get_unmatched (AtlasAreaValues *self,
                                                           guint           *n);
/* "FILE:LINE: “England” (E92000001) is not a district of SYSTEM" for unmatched row i. */
char                  *atlas_area_values_format_unmatched (AtlasAreaValues *self,
                                                            guint            i);

G_END_DECLS
