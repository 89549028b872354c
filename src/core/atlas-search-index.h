/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

/* A word index over a dataset's names, for the search box.
 *
 * The matching rule:
 * - Text is folded before anything else: Unicode-normalised, accents stripped (transliterated
 *   to ASCII), lower-cased; apostrophes are dropped ("St Margaret's" gives "margarets").
 * - It is then split into words at every character that is not a letter or a digit.
 * - Every word of the query must be a prefix of at least one word of a record.
 * - A record's words are those of its name and of its aliases: short names, ids (split at
 *   hyphens: "south-west-herts"), and per kind: a district's council, county and ONS code;
 *   a trust's area; a site's town and its trust's short name; a priority's group; an update's
 *   place.
 * - Well-known abbreviations are indexed both ways: "herts" and "hertfordshire", "st" and
 *   "saint". So "herts" finds everything named or located in Hertfordshire, and "saint albans"
 *   finds St Albans.
 * - Results come grouped by kind (districts, sites, trusts, partnerships, priorities, updates);
 *   within a kind, records whose name matches every word come before records found through
 *   an alias, then whole-word matches before prefix matches, then dataset order. */

typedef struct {
  AtlasSelectionKind kind;
  const char *id;        /* owned by the index */
  const char *name;      /* owned by the index */
  const char *detail;    /* optional, owned by the index: a second line for the result */
  guint score;           /* lower is better; used for ordering within a kind */
} AtlasSearchResult;

#define ATLAS_TYPE_SEARCH_INDEX (atlas_search_index_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSearchIndex, atlas_search_index, ATLAS, SEARCH_INDEX, GObject)

AtlasSearchIndex *atlas_search_index_new             (void);
/* Everything in the dataset that can be selected (atlas-search-index-dataset.c). */
AtlasSearchIndex *atlas_search_index_new_for_dataset (AtlasDataset       *dataset);

/* aliases: n_aliases strings (optional fields: NULL members are skipped). */
void              atlas_search_index_add             (AtlasSearchIndex   *self,
                                                      AtlasSelectionKind  kind,
                                                      const char         *id,
                                                      const char         *name,
                                                      const char         *detail,
                                                      const char * const *aliases,
                                                      guint               n_aliases);
guint             atlas_search_index_get_n_records   (AtlasSearchIndex   *self);

/* An array of AtlasSearchResult, ordered as described above; empty for a query with no words.
 * The strings stay valid while the index lives. max_results 0 means no limit. */
GArray           *atlas_search_index_query           (AtlasSearchIndex   *self,
                                                      const char         *query,
                                                      guint               max_results);

/* The folding and splitting the index uses, for tests. */
char             *atlas_search_fold                  (const char         *text);
GStrv             atlas_search_tokenise              (const char         *text);

G_END_DECLS
