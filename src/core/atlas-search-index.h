/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-annotation.h"
#include "atlas-dataset.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

/* A word index over everything a planner can read about a dataset, for the search box and
 * `ics-atlas --search`.
 *
 * The matching rule:
 * - Text is folded before anything else: Unicode-normalised, accents stripped (transliterated
 *   to ASCII), lower-cased; apostrophes are dropped ("St Margaret's" gives "margarets").
 * - It is then split into words at every character that is not a letter or a digit.
 * - Every word of the query must match a word of the record: the same word, a word it begins,
 *   or, when it is not itself a word of the index, a word one typing error away (query words
 *   of 4 to 7 letters) or two (8 letters or more). An error is a letter added, dropped, changed,
 *   or two neighbours swapped (Damerau–Levenshtein distance, optimal string alignment).
 * - A record's words are those of its fields: its name; aliases (short names, ids split at
 *   hyphens, and per kind a district's council, county and ONS code, a site's town and its
 *   trust's short name, a trust's area, a priority's group, an update's place and date); and
 *   what it says (descriptions, summaries, sections and their items, facts, notes).
 * - Well-known abbreviations are indexed both ways: "herts" and "hertfordshire", "st" and
 *   "saint". So "herts" finds everything named or located in Hertfordshire, and "saint albans"
 *   finds St Albans.
 * - The score of a record ranks, in this order: fewer typing errors (a record found without
 *   any comes before every record that needed one), then where its words were found (all in
 *   the name, else some in an alias, else some in the text), then whole words before words
 *   begun. Lower is better.
 * - Results come grouped by kind (districts, sites, trusts, partnerships, priorities, updates,
 *   indicators, headline facts, the system), best first within a kind, then in dataset order;
 *   or, with ATLAS_SEARCH_BEST_FIRST, best first across kinds.
 *
 * Finding the words a query word may be is an index lookup, not a scan: the words sorted for
 * the prefixes, and every word's deletions of one and two letters in a hash table for the typing
 * errors (a word and a query word within k errors share a string reached by at most k deletions
 * from each). */

/* What a result is. The first six are the selection's kinds, with the same values; the others
 * are shown elsewhere than by a selection. */
typedef enum {
  ATLAS_SEARCH_DISTRICT = ATLAS_SELECTION_DISTRICT,
  ATLAS_SEARCH_SITE = ATLAS_SELECTION_SITE,
  ATLAS_SEARCH_TRUST = ATLAS_SELECTION_TRUST,
  ATLAS_SEARCH_PARTNERSHIP = ATLAS_SELECTION_PARTNERSHIP,
  ATLAS_SEARCH_PRIORITY = ATLAS_SELECTION_PRIORITY,
  ATLAS_SEARCH_UPDATE = ATLAS_SELECTION_UPDATE,
  ATLAS_SEARCH_INDICATOR = 100,  /* shown by colouring the map by it */
  ATLAS_SEARCH_FACT,             /* a headline fact, on the overview */
  ATLAS_SEARCH_SYSTEM,           /* the system's name, NHS body and summary, on the overview */
  ATLAS_SEARCH_ANNOTATION,       /* the planner's own, in an index of their own (id: its id) */
} AtlasSearchKind;

/* How a field of a record counts in the score. */
typedef enum {
  ATLAS_SEARCH_FIELD_NAME,
  ATLAS_SEARCH_FIELD_ALIAS,
  ATLAS_SEARCH_FIELD_TEXT,
} AtlasSearchFieldRank;

typedef enum {
  ATLAS_SEARCH_GROUPED = 0,
  ATLAS_SEARCH_BEST_FIRST = 1 << 0,
} AtlasSearchFlags;

/* Bytes [start, end) of a result's text that matched a word of the query. */
typedef struct {
  guint start;
  guint end;
} AtlasSearchSpan;

typedef struct {
  AtlasSearchKind kind;
  const char *id;        /* owned by the index */
  const char *name;      /* owned by the index */
  const char *detail;    /* optional, owned by the index: a second line for the result */
  guint score;           /* lower is better: see above */
  guint errors;          /* typing errors forgiven, over all the query's words */
  const char *where;     /* where the words were found: NULL for the name, else the field's
                          * label ("council", "What will change, item 6"); owned by the index */
  const char *text;      /* the text of that field (the name when where is NULL) */
  GArray *spans;         /* AtlasSearchSpan in text, in order; owned by the result array */
} AtlasSearchResult;

#define ATLAS_TYPE_SEARCH_INDEX (atlas_search_index_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSearchIndex, atlas_search_index, ATLAS, SEARCH_INDEX, GObject)

AtlasSearchIndex *atlas_search_index_new             (void);
/* Everything in the dataset a planner can read (atlas-search-index-dataset.c). */
AtlasSearchIndex *atlas_search_index_new_for_dataset (AtlasDataset       *dataset);
/* A planner's annotations: label as the name, note as text (atlas-search-index-annotations.c). */
AtlasSearchIndex *atlas_search_index_new_for_annotations (const AtlasAnnotationSet *annotations);

/* A record with its name and aliases: n_aliases strings (NULL members are skipped), each a
 * field labelled "alias". Returns the record's position, for atlas_search_index_add_field. */
guint             atlas_search_index_add             (AtlasSearchIndex   *self,
                                                      AtlasSearchKind     kind,
                                                      const char         *id,
                                                      const char         *name,
                                                      const char         *detail,
                                                      const char * const *aliases,
                                                      guint               n_aliases);
/* One more field of a record: its label (as results show it), its text (NULL: nothing is
 * added) and how it counts. */
void              atlas_search_index_add_field       (AtlasSearchIndex     *self,
                                                      guint                 record,
                                                      AtlasSearchFieldRank  rank,
                                                      const char           *where,
                                                      const char           *text);
/* The same, and the label's words are found too (they have no place in text to show). */
void              atlas_search_index_add_labelled_field (AtlasSearchIndex     *self,
                                                         guint                 record,
                                                         AtlasSearchFieldRank  rank,
                                                         const char           *label,
                                                         const char           *text);
guint             atlas_search_index_get_n_records   (AtlasSearchIndex   *self);
/* Distinct words in the index, for tests and benchmarks. */
guint             atlas_search_index_get_n_words     (AtlasSearchIndex   *self);

/* An array of AtlasSearchResult, grouped by kind as described above; empty for a query with no
 * words. The strings stay valid while the index lives. max_results 0 means no limit. */
GArray           *atlas_search_index_query           (AtlasSearchIndex   *self,
                                                      const char         *query,
                                                      guint               max_results);
GArray           *atlas_search_index_query_full      (AtlasSearchIndex   *self,
                                                      const char         *query,
                                                      guint               max_results,
                                                      AtlasSearchFlags    flags);

/* "district", "site", … : the KIND column of `ics-atlas --search`. */
const char       *atlas_search_kind_to_string        (AtlasSearchKind     kind);

/* The folding and splitting the index uses, for tests. */
char             *atlas_search_fold                  (const char         *text);
GStrv             atlas_search_tokenise              (const char         *text);

G_END_DECLS
