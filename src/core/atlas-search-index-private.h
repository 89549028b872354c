/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-search-index.h"

G_BEGIN_DECLS

/* Internal: the search index's insides, shared by atlas-search-index.c (adding) and
 * atlas-search-index-query.c (answering); the words (atlas-search-words.c); and what tests and
 * benchmarks need to see of the index. */

/* A query word of fewer letters than this is never taken for a typing error. */
#define ATLAS_SEARCH_MIN_FUZZY_LENGTH 4
/* From this many letters, two typing errors are forgiven. */
#define ATLAS_SEARCH_TWO_ERRORS_LENGTH 8
#define ATLAS_SEARCH_MAX_ERRORS 2
/* Words longer than this are only found as typed or begun. */
#define ATLAS_SEARCH_MAX_FUZZY_LENGTH 40

/* Calls word for every folded word of text, with the bytes [start, end) of text it comes
 * from (an original word folding to several, such as "½", gives each the same range). */
typedef void (*AtlasSearchWordFunc) (const char *word,
                                     guint       start,
                                     guint       end,
                                     gpointer    user_data);
void   _atlas_search_scan_words     (const char          *text,
                                     AtlasSearchWordFunc  word,
                                     gpointer             user_data);

/* The errors forgiven in a query word of that many letters. */
guint  _atlas_search_max_errors     (gsize                length);
/* The optimal string alignment distance between a and b, or max + 1 when it is more than max
 * (the computation stops as soon as that is certain). */
guint  _atlas_search_distance       (const char          *a,
                                     const char          *b,
                                     guint                max);

/* Every word of the index as a deletion table: each string reached by deleting up to two
 * letters of a word (one for words of fewer than six letters, which no query word of eight
 * letters can be two errors from) leads to the words it came from. The strings are kept as
 * hashes in one sorted array. */
typedef struct _AtlasSearchDeletions AtlasSearchDeletions;

AtlasSearchDeletions *_atlas_search_deletions_new  (const char * const   *words,
                                                    guint                 n_words);
void                  _atlas_search_deletions_free (AtlasSearchDeletions *deletions);
/* Adds to candidates (guint word numbers, possibly repeated) the words that share a deletion
 * of at most max_errors letters with query. */
void                  _atlas_search_deletions_lookup (AtlasSearchDeletions *deletions,
                                                      const char           *query,
                                                      guint                 max_errors,
                                                      GArray               *candidates);

/* The span of a word found in a field's label rather than its text. */
#define NO_SPAN G_MAXUINT

typedef struct {
  char *where;            /* NULL for the name */
  char *text;
  AtlasSearchFieldRank rank;
} Field;

typedef struct {
  AtlasSearchKind kind;
  guint order;
  char *id;
  char *name;
  char *detail;
  GArray *fields;         /* Field; the name is fields[0] */
} Entry;

/* One place a word occurs: in which record and field, and which bytes of its text. */
typedef struct {
  guint entry;
  guint field;
  guint start;
  guint end;
} Posting;

struct _AtlasSearchIndex
{
  GObject parent_instance;

  GPtrArray *entries;
  GPtrArray *words;         /* char *, the distinct words, in the order first seen */
  GHashTable *word_ids;     /* word → its number + 1 */
  GPtrArray *postings;      /* per word: GArray of Posting */

  /* Built at the first query after words were added. */
  guint *sorted;            /* word numbers in the order of their words */
  AtlasSearchDeletions *deletions;
  gboolean brute_force;
};


/* Sorts the words and builds the deletion table, once words were added. */
void   _atlas_search_index_prepare (AtlasSearchIndex *self);

/* With brute_force, typing errors are looked for by measuring the distance to every word of
 * the index instead of through the deletion table: the benchmark's baseline, same answers. */
void   _atlas_search_index_set_brute_force (AtlasSearchIndex *self,
                                            gboolean          brute_force);

G_END_DECLS
