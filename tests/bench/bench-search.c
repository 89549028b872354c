/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search with typing errors: a query through the deletion table against the same query finding
 * its words by measuring the distance to every word of the index (the scan the table avoids),
 * with the same answers checked. Over the bundled systems, and over a synthetic index of about
 * 20,000 words to show how each grows. Prints RESULT rows for build-aux/bench.sh.
 *
 * bench-search [--queries N] */
#include <stdio.h>
#include <string.h>

#include "atlas-data-resources.h"
#include "atlas-search-index-private.h"

typedef struct {
  const char *label;
  AtlasSearchIndex *index;
  GPtrArray *queries;
  double build_us;     /* the first query: sorting the words and the deletion table */
} Case;

static double
now_us (void)
{
  return g_get_monotonic_time ();
}

/* The words of the index, read back through the spans of a query for every letter. */
static GPtrArray *
index_words (AtlasSearchIndex *index)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (char c = 'a'; c <= 'z'; c++)
    {
      char query[2] = { c, '\0' };
      g_autoptr(GArray) results = atlas_search_index_query (index, query, 0);

      for (guint i = 0; i < results->len; i++)
        {
          const AtlasSearchResult *r = &g_array_index (results, AtlasSearchResult, i);

          for (guint s = 0; s < r->spans->len; s++)
            {
              const AtlasSearchSpan *span = &g_array_index (r->spans, AtlasSearchSpan, s);
              char *word = g_ascii_strdown (r->text + span->start, span->end - span->start);

              if (strlen (word) >= 4 && !g_hash_table_contains (seen, word))
                {
                  g_hash_table_add (seen, word);
                  g_ptr_array_add (words, word);
                }
              else
                g_free (word);
            }
        }
    }
  return words;
}

/* The first query sorts the words and builds the deletion table. */
static void
measure_build (Case *c)
{
  double start = now_us ();

  g_array_unref (atlas_search_index_query (c->index, "x", 0));
  c->build_us = now_us () - start;
}

/* Mistyped words: one letter dropped, two swapped or one changed, in turn. */
static GPtrArray *
make_queries (GPtrArray *words,
              guint      n,
              GRand     *rand)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n && words->len > 0; i++)
    {
      char *q = g_strdup (g_ptr_array_index (words, g_rand_int_range (rand, 0, words->len)));
      gsize len = strlen (q);
      guint at = g_rand_int_range (rand, 0, len - 1);

      if (i % 3 == 0)
        memmove (q + at, q + at + 1, len - at);
      else if (i % 3 == 1)
        {
          char c = q[at];

          q[at] = q[at + 1];
          q[at + 1] = c;
        }
      else
        q[at] = 'a' + g_rand_int_range (rand, 0, 26);
      g_ptr_array_add (queries, q);
    }
  return queries;
}

static AtlasSearchIndex *
synthetic_index (GRand *rand,
                 guint  n_records)
{
  AtlasSearchIndex *index = atlas_search_index_new ();

  for (guint r = 0; r < n_records; r++)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("r%u", r);

      for (guint w = 0; w < 4; w++)
        {
          guint len = g_rand_int_range (rand, 4, 12);

          if (w > 0)
            g_string_append_c (name, ' ');
          for (guint k = 0; k < len; k++)
            g_string_append_c (name, 'a' + g_rand_int_range (rand, 0, 26));
        }
      atlas_search_index_add (index, ATLAS_SEARCH_DISTRICT, id, name->str, NULL, NULL, 0);
    }
  return index;
}

/* Median time of one query in microseconds, over three passes of all queries; results kept
 * for the comparison. */
static double
time_queries (AtlasSearchIndex *index,
              GPtrArray        *queries,
              GPtrArray        *answers)
{
  double best = G_MAXDOUBLE;

  for (guint pass = 0; pass < 3; pass++)
    {
      double start = now_us ();

      for (guint i = 0; i < queries->len; i++)
        {
          GArray *results = atlas_search_index_query (index, g_ptr_array_index (queries, i), 0);

          if (pass == 0 && answers != NULL)
            g_ptr_array_add (answers, results);
          else
            g_array_unref (results);
        }
      best = MIN (best, (now_us () - start) / queries->len);
    }
  return best;
}

static gboolean
same_answers (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      GArray *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      if (x->len != y->len)
        return FALSE;
      for (guint k = 0; k < x->len; k++)
        if (g_strcmp0 (g_array_index (x, AtlasSearchResult, k).id,
                       g_array_index (y, AtlasSearchResult, k).id) != 0)
          return FALSE;
    }
  return TRUE;
}

static void
run_case (Case *c)
{
  g_autoptr(GPtrArray) fast = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) brute = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double fast_us, brute_us;
  gboolean same;

  fast_us = time_queries (c->index, c->queries, fast);
  _atlas_search_index_set_brute_force (c->index, TRUE);
  brute_us = time_queries (c->index, c->queries, brute);
  _atlas_search_index_set_brute_force (c->index, FALSE);
  same = same_answers (fast, brute);

  printf ("%s: %u words, %u mistyped queries, table built in %.1f ms; "
          "%.1f us per query, %.1f us measuring every word; same answers: %s\n",
          c->label, atlas_search_index_get_n_words (c->index), c->queries->len,
          c->build_us / 1000.0, fast_us, brute_us, same ? "yes" : "NO");
  printf ("RESULT\tsearch with typing errors, %s, %u words (vs measuring every word)\t"
          "%.1f us\t%.1f us\t%.2f\t< 1x and <= 1 ms, same answers\t%s\n",
          c->label, atlas_search_index_get_n_words (c->index), fast_us, brute_us,
          fast_us / brute_us, fast_us < brute_us && fast_us <= 1000 && same ? "yes" : "NO");
}

int
main (int   argc,
      char *argv[])
{
  int n_queries = 300;
  GOptionEntry entries[] = {
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "Mistyped queries per index", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  const char * const *ids = atlas_dataset_bundled_ids ();
  g_autoptr(GPtrArray) cases = g_ptr_array_new ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  (void) atlas_data_get_resource ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(AtlasDataset) dataset = atlas_dataset_load (ids[i], &error);
      Case *c = g_new0 (Case, 1);
      g_autoptr(GPtrArray) words = NULL;

      g_assert_no_error (error);
      c->label = ids[i];
      c->index = atlas_search_index_new_for_dataset (dataset);
      measure_build (c);
      words = index_words (c->index);
      c->queries = make_queries (words, n_queries, rand);
      g_ptr_array_add (cases, c);
    }
  {
    Case *c = g_new0 (Case, 1);
    g_autoptr(GPtrArray) words = NULL;

    c->label = "synthetic";
    c->index = synthetic_index (rand, 5000);
    measure_build (c);
    words = index_words (c->index);
    c->queries = make_queries (words, n_queries, rand);
    g_ptr_array_add (cases, c);
  }

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);

      run_case (c);
      g_object_unref (c->index);
      g_ptr_array_unref (c->queries);
      g_free (c);
    }
  return 0;
}
