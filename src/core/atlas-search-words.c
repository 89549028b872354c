/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of the search index: folding and splitting text into words that remember where
 * they came from, the typing-error distance, and the deletion table that finds the words within
 * one or two errors of a query word without measuring the distance to every word. */
#include <string.h>

#include "atlas-search-index-private.h"

/* Words shorter than this never get the second level of deletions: a query word long enough to
 * be forgiven two errors (ATLAS_SEARCH_TWO_ERRORS_LENGTH) is at least this long minus two. */
#define TWO_DELETIONS_LENGTH (ATLAS_SEARCH_TWO_ERRORS_LENGTH - ATLAS_SEARCH_MAX_ERRORS)

char *
atlas_search_fold (const char *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *ascii = NULL;
  GString *folded;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  /* Composed form first, so g_str_to_ascii sees "á" as one character it can transliterate. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normal == NULL)
    return g_strdup ("");
  ascii = g_str_to_ascii (normal, "C");

  folded = g_string_sized_new (strlen (ascii));
  for (p = ascii; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '`')
        continue;
      g_string_append_c (folded, g_ascii_tolower (*p));
    }

  return g_string_free (folded, FALSE);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02bc;
}

/* One run of the original text: folded, then split where folding left something other than a
 * letter or a digit. */
static void
emit_run (const char          *text,
          const char          *start,
          const char          *end,
          AtlasSearchWordFunc  word,
          gpointer             user_data)
{
  g_autofree char *run = g_strndup (start, end - start);
  g_autofree char *folded = NULL;
  gboolean ascii = TRUE;
  char *p, *w;

  for (p = run; *p != '\0' && ascii; p++)
    ascii = (guchar) *p < 0x80;
  if (ascii)
    {
      /* The common case, without Unicode normalisation: lower-case, apostrophes dropped. */
      for (p = w = run; *p != '\0'; p++)
        if (*p != '\'' && *p != '`')
          *w++ = g_ascii_tolower (*p);
      *w = '\0';
      if (run[0] != '\0')
        word (run, start - text, end - text, user_data);
      return;
    }

  folded = atlas_search_fold (run);
  for (p = folded; *p != '\0'; )
    {
      char *token = p;

      while (*p != '\0' && g_ascii_isalnum (*p))
        p++;
      if (p > token)
        {
          char saved = *p;

          *p = '\0';
          word (token, start - text, end - text, user_data);
          *p = saved;
        }
      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
    }
}

void
_atlas_search_scan_words (const char          *text,
                          AtlasSearchWordFunc  word,
                          gpointer             user_data)
{
  const char *p = text;
  const char *start = NULL;

  g_return_if_fail (text != NULL);

  for (;;)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      /* Apostrophes and combining accents belong to the word they are in. */
      gboolean in_word = c != 0 && (g_unichar_isalnum (c)
                                    || (start != NULL && (is_apostrophe (c)
                                                          || g_unichar_ismark (c))));

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start != NULL)
        {
          emit_run (text, start, p, word, user_data);
          start = NULL;
        }
      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }
}

static void
add_token_cb (const char *word,
              guint       start,
              guint       end,
              gpointer    user_data)
{
  g_strv_builder_add (user_data, word);
}

GStrv
atlas_search_tokenise (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (text != NULL, NULL);

  _atlas_search_scan_words (text, add_token_cb, builder);
  return g_strv_builder_end (builder);
}

guint
_atlas_search_max_errors (gsize length)
{
  if (length >= ATLAS_SEARCH_TWO_ERRORS_LENGTH)
    return 2;
  if (length >= ATLAS_SEARCH_MIN_FUZZY_LENGTH)
    return 1;
  return 0;
}

guint
_atlas_search_distance (const char *a,
                        const char *b,
                        guint       max)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *rows = NULL;
  guint *before, *previous, *current;

  if ((la > lb ? la - lb : lb - la) > max)
    return max + 1;

  /* Three rows of the dynamic programme: two back for a swap of neighbours. */
  rows = g_new (guint, 3 * (lb + 1));
  before = rows;
  previous = rows + lb + 1;
  current = rows + 2 * (lb + 1);
  for (gsize j = 0; j <= lb; j++)
    previous[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint row_min;
      guint *t;

      current[0] = i;
      row_min = current[0];
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint d = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            d = MIN (d, before[j - 2] + 1);
          current[j] = d;
          row_min = MIN (row_min, d);
        }
      /* Every later row is at least this row's smallest value. */
      if (row_min > max)
        return max + 1;
      t = before;
      before = previous;
      previous = current;
      current = t;
    }

  return MIN (previous[lb], max + 1);
}

/* The FNV-1a hash of s without the letters at skip_a and skip_b (G_MAXSIZE: none). Deletion
 * strings are kept as these hashes only: two strings with one hash give a candidate too many,
 * which the distance then turns away, never one too few. */
static guint32
hash_without (const char *s,
              gsize       length,
              gsize       skip_a,
              gsize       skip_b)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < length; i++)
    if (i != skip_a && i != skip_b)
      {
        h ^= (guchar) s[i];
        h *= 16777619u;
      }
  return h;
}

typedef void (*DeletionFunc) (guint32 hash, gpointer user_data);

/* Calls add with the hash of s and of every string made by deleting up to depth (at most two)
 * of its letters. */
static void
each_deletion (const char   *s,
               guint         depth,
               DeletionFunc  add,
               gpointer      user_data)
{
  gsize length = strlen (s);

  add (hash_without (s, length, G_MAXSIZE, G_MAXSIZE), user_data);
  for (gsize i = 0; depth >= 1 && i < length; i++)
    {
      add (hash_without (s, length, i, G_MAXSIZE), user_data);
      for (gsize j = i + 1; depth >= 2 && j < length; j++)
        add (hash_without (s, length, i, j), user_data);
    }
}

typedef struct {
  guint32 hash;
  guint32 word;
} Pair;

struct _AtlasSearchDeletions
{
  GArray *pairs;      /* Pair, sorted by hash then word, without repeats */
};

typedef struct {
  GArray *pairs;
  guint32 word;
} Adding;

static void
add_pair_cb (guint32  hash,
             gpointer user_data)
{
  Adding *adding = user_data;
  Pair pair = { hash, adding->word };

  g_array_append_val (adding->pairs, pair);
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return x->word < y->word ? -1 : x->word > y->word;
}

AtlasSearchDeletions *
_atlas_search_deletions_new (const char * const *words,
                             guint               n_words)
{
  AtlasSearchDeletions *deletions = g_new0 (AtlasSearchDeletions, 1);
  Adding adding;
  guint kept = 0;

  adding.pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  for (adding.word = 0; adding.word < n_words; adding.word++)
    {
      gsize length = strlen (words[adding.word]);

      /* No query word short enough to be forgiven an error can be near a shorter word, and
       * nobody mistypes a word longer than the longest a query word may be. */
      if (length + 1 < ATLAS_SEARCH_MIN_FUZZY_LENGTH || length > ATLAS_SEARCH_MAX_FUZZY_LENGTH)
        continue;
      each_deletion (words[adding.word], length >= TWO_DELETIONS_LENGTH ? 2 : 1, add_pair_cb,
                     &adding);
    }

  g_array_sort (adding.pairs, compare_pairs);
  for (guint i = 0; i < adding.pairs->len; i++)
    if (kept == 0 || compare_pairs (&g_array_index (adding.pairs, Pair, i),
                                    &g_array_index (adding.pairs, Pair, kept - 1)) != 0)
      g_array_index (adding.pairs, Pair, kept++) = g_array_index (adding.pairs, Pair, i);
  g_array_set_size (adding.pairs, kept);
  deletions->pairs = adding.pairs;
  return deletions;
}

void
_atlas_search_deletions_free (AtlasSearchDeletions *deletions)
{
  if (deletions == NULL)
    return;
  g_array_unref (deletions->pairs);
  g_free (deletions);
}

typedef struct {
  GArray *pairs;
  GArray *candidates;
} Looking;

static void
look_up_cb (guint32  hash,
            gpointer user_data)
{
  Looking *looking = user_data;
  const Pair *pairs = (const Pair *) looking->pairs->data;
  guint lo = 0, hi = looking->pairs->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (pairs[mid].hash < hash)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < looking->pairs->len && pairs[lo].hash == hash; lo++)
    g_array_append_val (looking->candidates, pairs[lo].word);
}

void
_atlas_search_deletions_lookup (AtlasSearchDeletions *deletions,
                                const char           *query,
                                guint                 max_errors,
                                GArray               *candidates)
{
  Looking looking = { deletions->pairs, candidates };

  each_deletion (query, MIN (max_errors, ATLAS_SEARCH_MAX_ERRORS), look_up_cb, &looking);
}
