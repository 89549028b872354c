/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Answering a query: the words each query word may be, the records they are in, and the
 * results ranked and grouped (see atlas-search-index.h for the rule). */
#include "config.h"

#include <string.h>

#include "atlas-search-index-private.h"

/* A query of more words than this is cut: enough for any name, and it bounds the work. */
#define MAX_QUERY_WORDS 16

/* How one query word matched one record: compared field by field, smaller is better. */
typedef struct {
  guint errors;
  AtlasSearchFieldRank rank;
  gboolean begun;           /* a word it begins, not the whole word */
  gboolean matched;
} Match;

typedef struct {
  guint field;
  guint32 words;            /* the query words found in this field, as bits */
  GArray *spans;            /* AtlasSearchSpan */
} FieldHit;

typedef struct {
  guint entry;
  guint32 words;
  Match best[MAX_QUERY_WORDS];
  GArray *fields;           /* FieldHit */
} Hit;

/* A word of the vocabulary that a query word may be. */
typedef struct {
  guint word;
  guint errors;
  gboolean begun;
} Candidate;

static void
clear_field_hit (gpointer data)
{
  g_array_unref (((FieldHit *) data)->spans);
}

static void
free_hit (gpointer data)
{
  Hit *hit = data;

  g_array_unref (hit->fields);
  g_free (hit);
}

static void
clear_result (gpointer data)
{
  g_clear_pointer (&((AtlasSearchResult *) data)->spans, g_array_unref);
}

/* The position of a kind among the result groups. */
static guint
rank_kind (AtlasSearchKind kind)
{
  switch (kind)
    {
    case ATLAS_SEARCH_DISTRICT: return 0;
    case ATLAS_SEARCH_SITE: return 1;
    case ATLAS_SEARCH_TRUST: return 2;
    case ATLAS_SEARCH_PARTNERSHIP: return 3;
    case ATLAS_SEARCH_PRIORITY: return 4;
    case ATLAS_SEARCH_UPDATE: return 5;
    case ATLAS_SEARCH_INDICATOR: return 6;
    case ATLAS_SEARCH_FACT: return 7;
    case ATLAS_SEARCH_SYSTEM: return 8;
    default: return 9;
    }
}

/* The first position in the sorted words whose word is not before query. */
static guint
lower_bound (AtlasSearchIndex *self,
             const char       *query)
{
  guint lo = 0, hi = self->words->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (g_ptr_array_index (self->words, self->sorted[mid]), query) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The words query may be: itself, the words it begins (from the sorted words), and when it is
 * not a word of the index, the words within its typing errors. */
static GArray *
find_candidates (AtlasSearchIndex *self,
                 const char       *query)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize length = strlen (query);
  guint max_errors = _atlas_search_max_errors (length);
  gboolean whole_word = FALSE;
  guint i;

  for (i = lower_bound (self, query); i < self->words->len; i++)
    {
      const char *word = g_ptr_array_index (self->words, self->sorted[i]);
      Candidate c = { self->sorted[i], 0, FALSE };

      if (strncmp (word, query, length) != 0)
        break;
      /* Only now is word known to be at least as long as query. */
      c.begun = word[length] != '\0';
      whole_word |= !c.begun;
      g_array_append_val (candidates, c);
    }
  if (whole_word || max_errors == 0
      || length > ATLAS_SEARCH_MAX_FUZZY_LENGTH + ATLAS_SEARCH_MAX_ERRORS)
    return candidates;

  if (self->brute_force)
    {
      for (i = 0; i < self->words->len; i++)
        if (strlen (g_ptr_array_index (self->words, i)) <= ATLAS_SEARCH_MAX_FUZZY_LENGTH)
          g_array_append_val (near, i);
    }
  else
    _atlas_search_deletions_lookup (self->deletions, query, max_errors, near);

  g_array_sort (near, compare_uints);
  for (i = 0; i < near->len; i++)
    {
      guint id = g_array_index (near, guint, i);
      const char *word = g_ptr_array_index (self->words, id);
      Candidate c = { id, 0, FALSE };

      /* A word reached by several deletions is measured once; begun words are already in, as
       * better matches. */
      if ((i > 0 && g_array_index (near, guint, i - 1) == id) || strncmp (word, query, length) == 0)
        continue;
      c.errors = _atlas_search_distance (query, word, max_errors);
      if (c.errors > max_errors)
        continue;
      g_array_append_val (candidates, c);
    }
  return candidates;
}

static gboolean
match_better (const Match *a,
              const Match *b)
{
  if (!b->matched)
    return TRUE;
  if (a->errors != b->errors)
    return a->errors < b->errors;
  if (a->rank != b->rank)
    return a->rank < b->rank;
  return !a->begun && b->begun;
}

static FieldHit *
field_hit (Hit   *hit,
           guint  field)
{
  FieldHit fh = { field, 0, NULL };

  for (guint i = 0; i < hit->fields->len; i++)
    if (g_array_index (hit->fields, FieldHit, i).field == field)
      return &g_array_index (hit->fields, FieldHit, i);
  fh.spans = g_array_new (FALSE, FALSE, sizeof (AtlasSearchSpan));
  g_array_append_val (hit->fields, fh);
  return &g_array_index (hit->fields, FieldHit, hit->fields->len - 1);
}

static void
add_span (GArray *spans,
          guint   start,
          guint   end)
{
  AtlasSearchSpan span = { start, end };

  if (start == NO_SPAN)
    return;
  for (guint i = 0; i < spans->len; i++)
    if (g_array_index (spans, AtlasSearchSpan, i).start == start)
      return;
  g_array_append_val (spans, span);
}

/* Records what each posting of a candidate word tells about query word q. */
static void
collect (AtlasSearchIndex *self,
         GHashTable       *hits,
         guint             q,
         const Candidate  *c)
{
  GArray *postings = g_ptr_array_index (self->postings, c->word);

  for (guint i = 0; i < postings->len; i++)
    {
      const Posting *p = &g_array_index (postings, Posting, i);
      const Entry *entry = g_ptr_array_index (self->entries, p->entry);
      const Field *field = &g_array_index (entry->fields, Field, p->field);
      Hit *hit = g_hash_table_lookup (hits, GUINT_TO_POINTER (p->entry));
      Match m = { c->errors, field->rank, c->begun, TRUE };
      FieldHit *fh;

      if (hit == NULL)
        {
          hit = g_new0 (Hit, 1);
          hit->entry = p->entry;
          hit->fields = g_array_new (FALSE, FALSE, sizeof (FieldHit));
          g_array_set_clear_func (hit->fields, clear_field_hit);
          g_hash_table_insert (hits, GUINT_TO_POINTER (p->entry), hit);
        }
      hit->words |= 1u << q;
      if (match_better (&m, &hit->best[q]))
        hit->best[q] = m;
      fh = field_hit (hit, p->field);
      fh->words |= 1u << q;
      add_span (fh->spans, p->start, p->end);
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const AtlasSearchSpan *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static guint
count_bits (guint32 bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;
  return n;
}

/* The field a result shows: the one with the most query words, then the better ranked. */
static const FieldHit *
shown_field (const Entry *entry,
             const Hit   *hit)
{
  const FieldHit *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < hit->fields->len; i++)
    {
      const FieldHit *fh = &g_array_index (hit->fields, FieldHit, i);
      guint count = count_bits (fh->words);
      AtlasSearchFieldRank rank = g_array_index (entry->fields, Field, fh->field).rank;

      if (best == NULL || count > best_count
          || (count == best_count
              && (rank < g_array_index (entry->fields, Field, best->field).rank
                  || (rank == g_array_index (entry->fields, Field, best->field).rank
                      && fh->field < best->field))))
        {
          best = fh;
          best_count = count;
        }
    }
  return best;
}

static AtlasSearchResult
make_result (const Entry *entry,
             const Hit   *hit,
             guint        n_words)
{
  AtlasSearchResult r = { entry->kind, entry->id, entry->name, entry->detail, 0, 0 };
  AtlasSearchFieldRank worst = ATLAS_SEARCH_FIELD_NAME;
  gboolean begun = FALSE;
  const FieldHit *fh = shown_field (entry, hit);
  const Field *field = &g_array_index (entry->fields, Field, fh->field);

  for (guint q = 0; q < n_words; q++)
    {
      r.errors += hit->best[q].errors;
      worst = MAX (worst, hit->best[q].rank);
      begun |= hit->best[q].begun;
    }
  /* Errors outweigh everything, then the worst field, then words begun. */
  r.score = r.errors * 8 + worst * 2 + (begun ? 1 : 0);
  r.where = field->where;
  r.text = field->text;
  r.spans = g_array_copy (fh->spans);
  g_array_sort (r.spans, compare_spans);
  return r;
}

typedef struct {
  AtlasSearchResult result;
  guint order;
  guint kind_rank;
} Ranked;

static int
compare_grouped (gconstpointer a,
                 gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->kind_rank != y->kind_rank)
    return x->kind_rank < y->kind_rank ? -1 : 1;
  if (x->result.score != y->result.score)
    return x->result.score < y->result.score ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static int
compare_best_first (gconstpointer a,
                    gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->result.score != y->result.score)
    return x->result.score < y->result.score ? -1 : 1;
  return compare_grouped (a, b);
}

GArray *
atlas_search_index_query (AtlasSearchIndex *self,
                          const char       *query,
                          guint             max_results)
{
  return atlas_search_index_query_full (self, query, max_results, ATLAS_SEARCH_GROUPED);
}

GArray *
atlas_search_index_query_full (AtlasSearchIndex *self,
                               const char       *query,
                               guint             max_results,
                               AtlasSearchFlags  flags)
{
  g_autoptr(GHashTable) hits = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_auto(GStrv) words = NULL;
  GHashTableIter iter;
  GArray *results;
  Hit *hit;
  guint n_words, all, i;

  g_return_val_if_fail (ATLAS_IS_SEARCH_INDEX (self), NULL);

  results = g_array_new (FALSE, TRUE, sizeof (AtlasSearchResult));
  g_array_set_clear_func (results, clear_result);
  words = atlas_search_tokenise (query != NULL ? query : "");
  n_words = MIN (g_strv_length (words), MAX_QUERY_WORDS);
  if (n_words == 0)
    return results;

  _atlas_search_index_prepare (self);
  hits = g_hash_table_new_full (NULL, NULL, NULL, free_hit);
  for (i = 0; i < n_words; i++)
    {
      g_autoptr(GArray) candidates = find_candidates (self, words[i]);

      for (guint c = 0; c < candidates->len; c++)
        collect (self, hits, i, &g_array_index (candidates, Candidate, c));
    }

  all = (1u << n_words) - 1;
  ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_hash_table_iter_init (&iter, hits);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &hit))
    {
      const Entry *entry = g_ptr_array_index (self->entries, hit->entry);
      Ranked r;

      if (hit->words != all)
        continue;
      r.result = make_result (entry, hit, n_words);
      r.order = entry->order;
      r.kind_rank = rank_kind (entry->kind);
      g_array_append_val (ranked, r);
    }

  g_array_sort (ranked, (flags & ATLAS_SEARCH_BEST_FIRST) ? compare_best_first
                                                         : compare_grouped);
  for (i = 0; i < ranked->len; i++)
    {
      AtlasSearchResult *r = &g_array_index (ranked, Ranked, i).result;

      if (max_results == 0 || results->len < max_results)
        g_array_append_val (results, *r);
      else
        g_array_unref (r->spans);
    }

  return results;
}

const char *
atlas_search_kind_to_string (AtlasSearchKind kind)
{
  switch (kind)
    {
    case ATLAS_SEARCH_DISTRICT: return "district";
    case ATLAS_SEARCH_SITE: return "site";
    case ATLAS_SEARCH_TRUST: return "trust";
    case ATLAS_SEARCH_PARTNERSHIP: return "partnership";
    case ATLAS_SEARCH_PRIORITY: return "priority";
    case ATLAS_SEARCH_UPDATE: return "update";
    case ATLAS_SEARCH_INDICATOR: return "indicator";
    case ATLAS_SEARCH_FACT: return "fact";
    case ATLAS_SEARCH_SYSTEM: return "system";
    case ATLAS_SEARCH_ANNOTATION: return "annotation";
    default: return "unknown";
    }
}

