/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-area-values.h"

G_BEGIN_DECLS

/* Internal: how rows are matched to districts and cells read as numbers (atlas-area-match.c),
 * shared by the values reader and the tests. */

typedef struct _AtlasAreaMatcher AtlasAreaMatcher;

AtlasAreaMatcher    *_atlas_area_matcher_new     (AtlasDataset     *dataset);
void                 _atlas_area_matcher_free    (AtlasAreaMatcher *matcher);
/* The district with that ONS code (any case, spaces around ignored), or NULL. */
const AtlasDistrict *_atlas_area_matcher_by_code (AtlasAreaMatcher *matcher,
                                                  const char       *code);
/* The district whose name or council's name is this one once both are reduced to a key, or
 * NULL (also when two districts share the key). */
const AtlasDistrict *_atlas_area_matcher_by_name (AtlasAreaMatcher *matcher,
                                                  const char       *name);

/* A name reduced for comparison: case, accents, punctuation and repeated spaces dropped,
 * "&" read as "and", "Saint" as "St", "Herts" as "Hertfordshire", and the words that name
 * the kind of council ("District", "Borough Council", "London Borough of", "City and
 * District") left out. "X, City of" becomes "city of x"; "City of" at the front is kept
 * (City of London is not London); with strip_city_of it is dropped. Free with g_free. */
char                *_atlas_area_name_key        (const char       *name,
                                                  gboolean          strip_city_of);

/* A cell read as a number: spaces around, a leading "+", a trailing "%" (then *percent),
 * thousands separated by commas ("1,234.5"), and a decimal comma when the file's delimiter
 * is not a comma ("12,5") are accepted. FALSE for anything else, and for numbers beyond the
 * doubles. */
gboolean             _atlas_area_parse_number    (const char       *text,
                                                  char              delimiter,
                                                  double           *out,
                                                  gboolean         *percent);
/* An empty cell or a mark that stands for a missing or withheld figure ("*", "x", "-", "..",
 * ":", "[c]", "n/a"...). */
gboolean             _atlas_area_is_missing      (const char       *text);

/* Reading a values file (atlas-area-values-choose.c): which columns it has (-1: none) and
 * which rows are shown. */
typedef struct {
  int code, name, value, lower, upper, category, period, period_sort;
  int area_type, indicator_name, indicator_id, sex, age, category_type;
} AtlasAreaColumns;

typedef struct {
  AtlasTable *table;
  const AtlasAreaValuesOptions *options;
  AtlasAreaMatcher *matcher;
  AtlasAreaColumns col;
  guint n_rows;
  gboolean *use;           /* per row: still chosen */
  GString *chosen;         /* what was chosen and what was left out, for the note */
  GString *left_out;
  char *title;             /* the Fingertips indicator */
  const char *period;
} AtlasAreaReader;

int      _atlas_area_find_header  (AtlasTable *table, const char * const *keys,
                                   const char *ons_suffix, const int *taken, guint n_taken);
int      _atlas_area_find_prefix  (AtlasTable *table, const char *prefix);
void     _atlas_area_reader_chose (AtlasAreaReader *r, const char *format, ...) G_GNUC_PRINTF (2, 3);
void     _atlas_area_reader_left_out (AtlasAreaReader *r, guint n, const char *singular,
                                      const char *plural);
/* Area, value, interval, comparison and period columns of any layout; then the Fingertips
 * ones. */
void     _atlas_area_find_columns (AtlasAreaReader *r);
void     _atlas_area_find_fingertips_columns (AtlasAreaReader *r);
gboolean _atlas_area_find_value_column (AtlasAreaReader *r, GError **error);
gboolean _atlas_area_choose_indicator  (AtlasAreaReader *r, GError **error);
void     _atlas_area_choose_population (AtlasAreaReader *r);
gboolean _atlas_area_choose_period     (AtlasAreaReader *r, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasAreaMatcher, _atlas_area_matcher_free)

G_END_DECLS
