/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search index: its records and fields, and the words they hold with where each one is.
 * Queries are answered in atlas-search-index-query.c, words made in atlas-search-words.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-search-index-private.h"

G_DEFINE_FINAL_TYPE (AtlasSearchIndex, atlas_search_index, G_TYPE_OBJECT)

/* Abbreviations in common use, indexed both ways. */
static const char * const abbreviations[][2] = {
  { "herts", "hertfordshire" },
  { "st", "saint" },
};

static void
clear_field (gpointer data)
{
  Field *field = data;

  g_free (field->where);
  g_free (field->text);
}

static void
free_entry (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
  g_free (entry->name);
  g_free (entry->detail);
  g_array_unref (entry->fields);
  g_free (entry);
}

static void
invalidate (AtlasSearchIndex *self)
{
  g_clear_pointer (&self->sorted, g_free);
  g_clear_pointer (&self->deletions, _atlas_search_deletions_free);
}

static guint
intern_word (AtlasSearchIndex *self,
             const char       *word)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (self->word_ids, word));

  if (id != 0)
    return id - 1;
  id = self->words->len;
  g_ptr_array_add (self->words, g_strdup (word));
  g_ptr_array_add (self->postings, g_array_new (FALSE, FALSE, sizeof (Posting)));
  g_hash_table_insert (self->word_ids, g_ptr_array_index (self->words, id),
                       GUINT_TO_POINTER (id + 1));
  return id;
}

typedef struct {
  AtlasSearchIndex *self;
  guint entry;
  guint field;
} Indexing;

static void
post (Indexing   *indexing,
      const char *word,
      guint       start,
      guint       end)
{
  guint id = intern_word (indexing->self, word);
  Posting posting = { indexing->entry, indexing->field, start, end };
  GArray *postings = g_ptr_array_index (indexing->self->postings, id);

  g_array_append_val (postings, posting);
}

static void
index_word_cb (const char *word,
               guint       start,
               guint       end,
               gpointer    user_data)
{
  post (user_data, word, start, end);
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    {
      if (strcmp (word, abbreviations[i][0]) == 0)
        post (user_data, abbreviations[i][1], start, end);
      else if (strcmp (word, abbreviations[i][1]) == 0)
        post (user_data, abbreviations[i][0], start, end);
    }
}

static int
compare_words (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GPtrArray *words = user_data;

  return strcmp (g_ptr_array_index (words, *(const guint *) a),
                 g_ptr_array_index (words, *(const guint *) b));
}

void
_atlas_search_index_prepare (AtlasSearchIndex *self)
{
  if (self->sorted != NULL)
    return;
  self->sorted = g_new (guint, MAX (self->words->len, 1));
  for (guint i = 0; i < self->words->len; i++)
    self->sorted[i] = i;
  g_qsort_with_data (self->sorted, self->words->len, sizeof (guint), compare_words, self->words);
  self->deletions = _atlas_search_deletions_new ((const char * const *) self->words->pdata,
                                                 self->words->len);
}

static void
atlas_search_index_finalize (GObject *object)
{
  AtlasSearchIndex *self = ATLAS_SEARCH_INDEX (object);

  invalidate (self);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->word_ids, g_hash_table_unref);
  g_clear_pointer (&self->words, g_ptr_array_unref);
  g_clear_pointer (&self->postings, g_ptr_array_unref);

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
  self->words = g_ptr_array_new_with_free_func (g_free);
  self->word_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->postings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

AtlasSearchIndex *
atlas_search_index_new (void)
{
  return g_object_new (ATLAS_TYPE_SEARCH_INDEX, NULL);
}

guint
atlas_search_index_add (AtlasSearchIndex   *self,
                        AtlasSearchKind     kind,
                        const char         *id,
                        const char         *name,
                        const char         *detail,
                        const char * const *aliases,
                        guint               n_aliases)
{
  Entry *entry;
  guint record;

  g_return_val_if_fail (ATLAS_IS_SEARCH_INDEX (self), 0);
  g_return_val_if_fail (id != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  entry = g_new0 (Entry, 1);
  entry->kind = kind;
  entry->order = self->entries->len;
  entry->id = g_strdup (id);
  entry->name = g_strdup (name);
  entry->detail = g_strdup (detail);
  entry->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (entry->fields, clear_field);
  record = self->entries->len;
  g_ptr_array_add (self->entries, entry);

  atlas_search_index_add_field (self, record, ATLAS_SEARCH_FIELD_NAME, NULL, name);
  for (guint i = 0; aliases != NULL && i < n_aliases; i++)
    atlas_search_index_add_field (self, record, ATLAS_SEARCH_FIELD_ALIAS, _("alias"),
                                  aliases[i]);
  /* Ids are aliases too ("south-west-herts"). */
  atlas_search_index_add_field (self, record, ATLAS_SEARCH_FIELD_ALIAS, _("id"), id);
  return record;
}

static void
index_label_word_cb (const char *word,
                     guint       start,
                     guint       end,
                     gpointer    user_data)
{
  /* Found through its label, the word has no place in the field's text to show. */
  index_word_cb (word, NO_SPAN, NO_SPAN, user_data);
}

void
atlas_search_index_add_labelled_field (AtlasSearchIndex     *self,
                                       guint                 record,
                                       AtlasSearchFieldRank  rank,
                                       const char           *label,
                                       const char           *text)
{
  Indexing indexing;
  Entry *entry;

  g_return_if_fail (ATLAS_IS_SEARCH_INDEX (self));
  g_return_if_fail (record < self->entries->len);

  if (text == NULL)
    return;
  atlas_search_index_add_field (self, record, rank, label, text);
  entry = g_ptr_array_index (self->entries, record);
  indexing.self = self;
  indexing.entry = record;
  indexing.field = entry->fields->len - 1;
  _atlas_search_scan_words (label, index_label_word_cb, &indexing);
}

void
atlas_search_index_add_field (AtlasSearchIndex     *self,
                              guint                 record,
                              AtlasSearchFieldRank  rank,
                              const char           *where,
                              const char           *text)
{
  Entry *entry;
  Field field;
  Indexing indexing;

  g_return_if_fail (ATLAS_IS_SEARCH_INDEX (self));
  g_return_if_fail (record < self->entries->len);

  if (text == NULL)
    return;
  entry = g_ptr_array_index (self->entries, record);
  field.where = g_strdup (where);
  field.text = g_strdup (text);
  field.rank = rank;
  g_array_append_val (entry->fields, field);

  indexing.self = self;
  indexing.entry = record;
  indexing.field = entry->fields->len - 1;
  _atlas_search_scan_words (text, index_word_cb, &indexing);
  invalidate (self);
}

guint
atlas_search_index_get_n_records (AtlasSearchIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_INDEX (self), 0);

  return self->entries->len;
}

guint
atlas_search_index_get_n_words (AtlasSearchIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_INDEX (self), 0);

  return self->words->len;
}

void
_atlas_search_index_set_brute_force (AtlasSearchIndex *self,
                                     gboolean          brute_force)
{
  g_return_if_fail (ATLAS_IS_SEARCH_INDEX (self));

  self->brute_force = brute_force;
}

