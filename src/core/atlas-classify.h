/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-error.h"

G_BEGIN_DECLS

/* Class breaks for a choropleth: quantiles, equal intervals, natural breaks (Jenks: the
 * partition with the least sum of squared deviations within classes, exact) or breaks typed
 * by the user.
 *
 * Values that are not finite are left out (they are "no data"). Equal values always fall in
 * the same class, so there may be fewer classes than asked for: as many as there are
 * distinct values when that is fewer, and quantiles merge classes that ties would leave
 * empty. A value belongs to the first class whose upper bound is not below it.
 * Bounds: quantile and Jenks classes go from their smallest to their largest value; equal
 * intervals and typed breaks give the interval (a value equal to a break goes into the lower
 * class). Every bound is finite, including for values near ±1.8e308. */

#define ATLAS_CLASSIFY_MIN_CLASSES 2
#define ATLAS_CLASSIFY_MAX_CLASSES 7

typedef enum {
  ATLAS_CLASSIFY_QUANTILE,
  ATLAS_CLASSIFY_EQUAL,
  ATLAS_CLASSIFY_JENKS,
  ATLAS_CLASSIFY_MANUAL,
} AtlasClassifyMethod;

typedef struct {
  guint n_classes;    /* 0 when there was no finite value */
  double lower[ATLAS_CLASSIFY_MAX_CLASSES];
  double upper[ATLAS_CLASSIFY_MAX_CLASSES];
} AtlasClassBreaks;

/* "quantile", "equal", "jenks", "manual" (the command line's words). */
const char *atlas_classify_method_to_string   (AtlasClassifyMethod  method);
gboolean    atlas_classify_method_from_string (const char          *text,
                                               AtlasClassifyMethod *method);

/* n_classes must be within ATLAS_CLASSIFY_MIN_CLASSES .. ATLAS_CLASSIFY_MAX_CLASSES, except
 * for ATLAS_CLASSIFY_MANUAL, which takes n_breaks (1 to MAX_CLASSES - 1) finite, strictly
 * increasing breaks between classes and ignores n_classes. Errors: ATLAS_IMPORT_ERROR_OPTIONS.
 * Costs O(n log n), natural breaks O(k n log n). */
gboolean    atlas_classify        (const double        *values,
                                   gsize                n,
                                   AtlasClassifyMethod  method,
                                   guint                n_classes,
                                   const double        *breaks,
                                   guint                n_breaks,
                                   AtlasClassBreaks    *out,
                                   GError             **error);

/* The class of a value (binary search), or -1 when it is not finite or there is no class. */
int         atlas_class_breaks_find (const AtlasClassBreaks *breaks,
                                     double                  value);

/* The sum of squared deviations from their class means of the sorted values, split where
 * `starts` (n_classes indices, the first 0) say: for tests of natural breaks. */
double      atlas_classify_within_ssd (const double *sorted,
                                       gsize         n,
                                       const gsize  *starts,
                                       guint         n_classes);

G_END_DECLS
