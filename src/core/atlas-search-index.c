/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-search-index.h"

typedef struct {
  AtlasSelectionKind kind;
  guint order;
  char *id;
  char *name;
  char *detail;
  GStrv name_words;
  GStrv alias_words;
} Entry;

struct _AtlasSearchIndex
{
  GObject parent_instance;

  GPtrArray *entries;
};

G_DEFINE_FINAL_TYPE (AtlasSearchIndex, atlas_search_index, G_TYPE_OBJECT)

/* Abbreviations in common use, indexed both ways. */
static const char * const abbreviations[][2] = {
  { "herts", "hertfordshire" },
  { "st", "saint" },
};

enum {
  MATCH_NONE,
  MATCH_NAME_WORD,
  MATCH_NAME_PREFIX,
  MATCH_ALIAS_WORD,
  MATCH_ALIAS_PREFIX,
};

static void
free_entry (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
  g_free (entry->name);
  g_free (entry->detail);
  g_strfreev (entry->name_words);
  g_strfreev (entry->alias_words);
  g_free (entry);
}

/* The position of a kind among the result groups. */
static guint
rank_kind (AtlasSelectionKind kind)
{
  switch (kind)
    {
    case ATLAS_SELECTION_DISTRICT: return 0;
    case ATLAS_SELECTION_SITE: return 1;
    case ATLAS_SELECTION_TRUST: return 2;
    case ATLAS_SELECTION_PARTNERSHIP: return 3;
    case ATLAS_SELECTION_PRIORITY: return 4;
    case ATLAS_SELECTION_UPDATE: return 5;
    case ATLAS_SELECTION_NONE:
    default: return 6;
    }
}

static void
add_word (GPtrArray  *words,
          const char *word)
{
  guint i;

  for (i = 0; i < words->len; i++)
    if (strcmp (g_ptr_array_index (words, i), word) == 0)
      return;
  g_ptr_array_add (words, g_strdup (word));
}

/* Adds the words of text, with their abbreviations or expansions. */
static void
add_words (GPtrArray  *words,
           const char *text)
{
  g_auto(GStrv) tokens = NULL;
  guint i, j;

  if (text == NULL)
    return;

  tokens = atlas_search_tokenise (text);
  for (i = 0; tokens[i] != NULL; i++)
    {
      add_word (words, tokens[i]);
      for (j = 0; j < G_N_ELEMENTS (abbreviations); j++)
        {
          if (strcmp (tokens[i], abbreviations[j][0]) == 0)
            add_word (words, abbreviations[j][1]);
          else if (strcmp (tokens[i], abbreviations[j][1]) == 0)
            add_word (words, abbreviations[j][0]);
        }
    }
}

static GStrv
steal_words (GPtrArray *words)
{
  g_ptr_array_add (words, NULL);
  return (GStrv) g_ptr_array_free (words, FALSE);
}

/* MATCH_NONE when no word of words starts with query_word. */
static guint
match_in (const GStrv  words,
          const char  *query_word,
          guint        whole,
          guint        prefix)
{
  gsize len = strlen (query_word);
  guint best = MATCH_NONE;
  guint i;

  for (i = 0; words[i] != NULL; i++)
    {
      if (strncmp (words[i], query_word, len) != 0)
        continue;
      if (words[i][len] == '\0')
        return whole;
      best = prefix;
    }

  return best;
}

/* The score of an entry for the query words, or G_MAXUINT when it does not match. */
static guint
score_entry (const Entry *entry,
             const GStrv  query)
{
  gboolean all_in_name = TRUE;
  gboolean all_whole = TRUE;
  guint i;

  for (i = 0; query[i] != NULL; i++)
    {
      guint match = match_in (entry->name_words, query[i], MATCH_NAME_WORD, MATCH_NAME_PREFIX);

      if (match == MATCH_NONE)
        match = match_in (entry->alias_words, query[i], MATCH_ALIAS_WORD, MATCH_ALIAS_PREFIX);
      if (match == MATCH_NONE)
        return G_MAXUINT;
      if (match == MATCH_ALIAS_WORD || match == MATCH_ALIAS_PREFIX)
        all_in_name = FALSE;
      if (match == MATCH_NAME_PREFIX || match == MATCH_ALIAS_PREFIX)
        all_whole = FALSE;
    }

  return (all_in_name ? 0 : 2) + (all_whole ? 0 : 1);
}

typedef struct {
  AtlasSearchResult result;
  guint order;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;
  guint ka = rank_kind (ra->result.kind);
  guint kb = rank_kind (rb->result.kind);

  if (ka != kb)
    return ka < kb ? -1 : 1;
  if (ra->result.score != rb->result.score)
    return ra->result.score < rb->result.score ? -1 : 1;
  if (ra->order != rb->order)
    return ra->order < rb->order ? -1 : 1;
  return 0;
}

static void
atlas_search_index_finalize (GObject *object)
{
  AtlasSearchIndex *self = ATLAS_SEARCH_INDEX (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_search_index_parent_class)->finalize (object);
}

static void
atlas_search_index_class_init (AtlasSearchIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_search_index_finalize;
}

static void
atlas_search_index_init (AtlasSearchIndex *self)
{
  self->entries = g_ptr_array_new_with_free_func (free_entry);
}

AtlasSearchIndex *
atlas_search_index_new (void)
{
  return g_object_new (ATLAS_TYPE_SEARCH_INDEX, NULL);
}

void
atlas_search_index_add (AtlasSearchIndex   *self,
                        AtlasSelectionKind  kind,
                        const char         *id,
                        const char         *name,
                        const char         *detail,
                        const char * const *aliases,
                        guint               n_aliases)
{
  GPtrArray *name_words;
  GPtrArray *alias_words;
  Entry *entry;
  guint i;

  g_return_if_fail (ATLAS_IS_SEARCH_INDEX (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (name != NULL);

  name_words = g_ptr_array_new ();
  alias_words = g_ptr_array_new ();
  add_words (name_words, name);
  for (i = 0; aliases != NULL && i < n_aliases; i++)
    add_words (alias_words, aliases[i]);
  /* Ids are aliases too ("south-west-herts"). */
  add_words (alias_words, id);

  entry = g_new0 (Entry, 1);
  entry->kind = kind;
  entry->order = self->entries->len;
  entry->id = g_strdup (id);
  entry->name = g_strdup (name);
  entry->detail = g_strdup (detail);
  entry->name_words = steal_words (name_words);
  entry->alias_words = steal_words (alias_words);
  g_ptr_array_add (self->entries, entry);
}

guint
atlas_search_index_get_n_records (AtlasSearchIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_INDEX (self), 0);

  return self->entries->len;
}

GArray *
atlas_search_index_query (AtlasSearchIndex *self,
                          const char       *query,
                          guint             max_results)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, TRUE, sizeof (Ranked));
  g_auto(GStrv) words = NULL;
  GArray *results;
  guint i;

  g_return_val_if_fail (ATLAS_IS_SEARCH_INDEX (self), NULL);

  results = g_array_new (FALSE, TRUE, sizeof (AtlasSearchResult));
  words = atlas_search_tokenise (query != NULL ? query : "");
  if (words[0] == NULL)
    return results;

  for (i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->entries, i);
      guint score = score_entry (entry, words);
      Ranked r = { { entry->kind, entry->id, entry->name, entry->detail, score }, entry->order };

      if (score != G_MAXUINT)
        g_array_append_val (ranked, r);
    }

  g_array_sort (ranked, compare_ranked);
  for (i = 0; i < ranked->len && (max_results == 0 || i < max_results); i++)
    g_array_append_val (results, g_array_index (ranked, Ranked, i).result);

  return results;
}

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

GStrv
atlas_search_tokenise (const char *text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p;
  const char *start = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  folded = atlas_search_fold (text);
  for (p = folded; ; p++)
    {
      gboolean word_char = *p != '\0' && g_ascii_isalnum (*p);

      if (word_char && start == NULL)
        start = p;
      else if (!word_char && start != NULL)
        {
          g_autofree char *word = g_strndup (start, p - start);

          g_strv_builder_add (builder, word);
          start = NULL;
        }
      if (*p == '\0')
        break;
    }

  return g_strv_builder_end (builder);
}
