/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-data-resources.h"
#include "atlas-search-index-private.h"

/* A slice of Hertfordshire and West Essex, indexed with the aliases the dataset filler gives. */
static AtlasSearchIndex *
make_index (void)
{
  AtlasSearchIndex *index = atlas_search_index_new ();
  static const struct {
    AtlasSearchKind kind;
    const char *id;
    const char *name;
    const char *aliases[3];
  } records[] = {
    { ATLAS_SEARCH_DISTRICT, "watford", "Watford",
      { "Watford Borough Council", "Hertfordshire", "E07000103" } },
    { ATLAS_SEARCH_DISTRICT, "east-herts", "East Hertfordshire",
      { "East Hertfordshire District Council", "Hertfordshire", "E07000242" } },
    { ATLAS_SEARCH_DISTRICT, "hertsmere", "Hertsmere",
      { "Hertsmere Borough Council", "Hertfordshire", "E07000098" } },
    { ATLAS_SEARCH_DISTRICT, "north-herts", "North Hertfordshire",
      { "North Hertfordshire District Council", "Hertfordshire", "E07000099" } },
    { ATLAS_SEARCH_DISTRICT, "st-albans", "St Albans",
      { "St Albans City and District Council", "Hertfordshire", "E07000240" } },
    { ATLAS_SEARCH_DISTRICT, "harlow", "Harlow",
      { "Harlow Council", "Essex", "E07000073" } },
    { ATLAS_SEARCH_SITE, "lister", "Lister Hospital", { "Stevenage", "ENHT", NULL } },
    { ATLAS_SEARCH_SITE, "watford-general", "Watford General Hospital",
      { "Watford", "WHTH", NULL } },
    { ATLAS_SEARCH_SITE, "st-margarets", "St Margaret's Hospital", { "Epping", "PAHT", NULL } },
    { ATLAS_SEARCH_TRUST, "whth", "West Hertfordshire Teaching Hospitals NHS Trust",
      { "WHTH", "south and west Hertfordshire", NULL } },
    { ATLAS_SEARCH_TRUST, "eput", "Essex Partnership University NHS Foundation Trust",
      { "EPUT", "west Essex", NULL } },
    { ATLAS_SEARCH_PARTNERSHIP, "south-west-herts",
      "South and West Hertfordshire Health and Care Partnership",
      { "South and West Herts", NULL, NULL } },
    { ATLAS_SEARCH_PARTNERSHIP, "west-essex", "West Essex Health and Care Partnership",
      { NULL, NULL, NULL } },
    { ATLAS_SEARCH_PRIORITY, "best-start", "Give every child the best start in life",
      { NULL, NULL, NULL } },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (records); i++)
    atlas_search_index_add (index, records[i].kind, records[i].id, records[i].name, NULL,
                            records[i].aliases, G_N_ELEMENTS (records[i].aliases));

  return index;
}

static gboolean
has_result (GArray     *results,
            const char *id)
{
  guint i;

  for (i = 0; i < results->len; i++)
    if (g_strcmp0 (g_array_index (results, AtlasSearchResult, i).id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_fold (void)
{
  g_autofree char *a = atlas_search_fold ("Saint Albáns");
  g_autofree char *b = atlas_search_fold ("ÉCOLE Ñandú");
  g_autofree char *c = atlas_search_fold ("St Margaret’s");
  g_auto(GStrv) words = atlas_search_tokenise ("  South-West   Herts, (Lister)! ");

  g_assert_cmpstr (a, ==, "saint albans");
  g_assert_cmpstr (b, ==, "ecole nandu");
  g_assert_cmpstr (c, ==, "st margarets");
  g_assert_cmpuint (g_strv_length (words), ==, 4);
  g_assert_cmpstr (words[0], ==, "south");
  g_assert_cmpstr (words[1], ==, "west");
  g_assert_cmpstr (words[2], ==, "herts");
  g_assert_cmpstr (words[3], ==, "lister");
}

static void
test_prefix (void)
{
  g_autoptr(AtlasSearchIndex) index = make_index ();
  g_autoptr(GArray) lister = atlas_search_index_query (index, "lister", 0);
  g_autoptr(GArray) list = atlas_search_index_query (index, "LIST", 0);
  g_autoptr(GArray) none = atlas_search_index_query (index, "qqqqqqq", 0);
  g_autoptr(GArray) typo = atlas_search_index_query (index, "hospitalx", 0);
  g_autoptr(GArray) empty = atlas_search_index_query (index, "  ,, ", 0);
  g_autoptr(GArray) two = atlas_search_index_query (index, "wat gen", 0);

  g_assert_cmpuint (lister->len, ==, 1);
  g_assert_cmpstr (g_array_index (lister, AtlasSearchResult, 0).id, ==, "lister");
  g_assert_cmpstr (g_array_index (lister, AtlasSearchResult, 0).name, ==, "Lister Hospital");
  g_assert_cmpint (g_array_index (lister, AtlasSearchResult, 0).kind, ==, ATLAS_SELECTION_SITE);
  g_assert_true (has_result (list, "lister"));
  g_assert_cmpuint (none->len, ==, 0);
  /* "hospitalx" is one typing error from "hospital": found, as such. */
  g_assert_true (has_result (typo, "lister"));
  g_assert_cmpuint (g_array_index (typo, AtlasSearchResult, 0).errors, ==, 1);
  g_assert_cmpuint (empty->len, ==, 0);
  /* Every query word must match: "wat gen" is Watford General, not Watford. */
  g_assert_cmpuint (two->len, ==, 1);
  g_assert_cmpstr (g_array_index (two, AtlasSearchResult, 0).id, ==, "watford-general");
}

static void
test_herts (void)
{
  g_autoptr(AtlasSearchIndex) index = make_index ();
  g_autoptr(GArray) herts = atlas_search_index_query (index, "herts", 0);
  g_autoptr(GArray) full = atlas_search_index_query (index, "Hertfordshire", 0);
  const char *expected[] = {
    "watford", "east-herts", "hertsmere", "north-herts", "st-albans", "whth", "south-west-herts",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (has_result (herts, expected[i]));
      g_assert_true (has_result (full, expected[i]));
    }
  g_assert_false (has_result (herts, "harlow"));
  g_assert_false (has_result (herts, "eput"));
  g_assert_false (has_result (herts, "west-essex"));
  /* Sites are found by their own names and towns, not their county. */
  g_assert_false (has_result (herts, "lister"));

  /* Districts first; within them, names with the whole word ("East Hertfordshire" is indexed
   * as "herts" too), then names with a word it begins (Hertsmere), then county matches. */
  g_assert_cmpstr (g_array_index (herts, AtlasSearchResult, 0).id, ==, "east-herts");
  g_assert_cmpstr (g_array_index (herts, AtlasSearchResult, 1).id, ==, "north-herts");
  g_assert_cmpstr (g_array_index (herts, AtlasSearchResult, 2).id, ==, "hertsmere");
  g_assert_cmpstr (g_array_index (herts, AtlasSearchResult, 3).id, ==, "watford");
}

static void
test_groups (void)
{
  g_autoptr(AtlasSearchIndex) index = make_index ();
  g_autoptr(GArray) west = atlas_search_index_query (index, "west", 0);
  g_autoptr(GArray) limited = atlas_search_index_query (index, "west", 2);
  AtlasSearchKind last = (AtlasSearchKind) ATLAS_SELECTION_NONE;
  static const AtlasSearchKind order[] = {
    ATLAS_SEARCH_DISTRICT, ATLAS_SEARCH_SITE, ATLAS_SEARCH_TRUST,
    ATLAS_SEARCH_PARTNERSHIP, ATLAS_SEARCH_PRIORITY,
  };
  guint i, pos = 0;

  g_assert_cmpuint (west->len, >=, 4);
  g_assert_cmpuint (limited->len, ==, 2);
  /* Kinds come in the order districts, sites, trusts, partnerships, priorities. */
  for (i = 0; i < west->len; i++)
    {
      AtlasSearchKind kind = g_array_index (west, AtlasSearchResult, i).kind;

      if (kind == last)
        continue;
      while (pos < G_N_ELEMENTS (order) && order[pos] != kind)
        pos++;
      g_assert_cmpuint (pos, <, G_N_ELEMENTS (order));
      last = kind;
    }
}

static void
test_accents_and_abbreviations (void)
{
  g_autoptr(AtlasSearchIndex) index = make_index ();
  g_autoptr(GArray) saint = atlas_search_index_query (index, "Saint Albáns", 0);
  g_autoptr(GArray) st = atlas_search_index_query (index, "st alb", 0);
  g_autoptr(GArray) margaret = atlas_search_index_query (index, "MARGARET", 0);
  g_autoptr(GArray) code = atlas_search_index_query (index, "e07000103", 0);
  g_autoptr(GArray) short_name = atlas_search_index_query (index, "enht", 0);

  g_assert_cmpuint (saint->len, ==, 1);
  g_assert_cmpstr (g_array_index (saint, AtlasSearchResult, 0).id, ==, "st-albans");
  g_assert_true (has_result (st, "st-albans"));
  g_assert_true (has_result (margaret, "st-margarets"));
  g_assert_true (has_result (code, "watford"));
  g_assert_true (has_result (short_name, "lister"));
}

static gboolean
has_result_of_kind (GArray             *results,
                    AtlasSearchKind     kind,
                    const char         *id)
{
  guint i;

  for (i = 0; i < results->len; i++)
    if (g_array_index (results, AtlasSearchResult, i).kind == kind
        && g_strcmp0 (g_array_index (results, AtlasSearchResult, i).id, id) == 0)
      return TRUE;
  return FALSE;
}

/* The bundled Hertfordshire and West Essex system, through the dataset filler. */
static void
test_bundled_hwe (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  g_autoptr(AtlasSearchIndex) index = NULL;
  g_autoptr(GArray) lister = NULL;
  g_autoptr(GArray) herts = NULL;
  g_autoptr(GArray) saint = NULL;
  guint n_districts, n_sites, n_trusts, n_partnerships, n_priorities, n_updates;
  guint n_indicators, n_facts;
  static const char * const herts_partnerships[] = {
    "south-west-herts", "east-north-herts", "herts-mhlda",
  };
  static const char * const herts_trusts[] = { "whth", "enht", "hct", "hpft" };
  guint i;

  g_assert_no_error (error);
  index = atlas_search_index_new_for_dataset (dataset);
  atlas_dataset_get_districts (dataset, &n_districts);
  atlas_dataset_get_sites (dataset, &n_sites);
  atlas_dataset_get_trusts (dataset, &n_trusts);
  atlas_dataset_get_partnerships (dataset, &n_partnerships);
  atlas_dataset_get_priorities (dataset, &n_priorities);
  atlas_dataset_get_updates (dataset, &n_updates);
  atlas_dataset_get_indicators (dataset, &n_indicators);
  atlas_dataset_get_facts (dataset, &n_facts);
  /* Every record a planner reads: the selectable ones, the indicators, the headline facts and
   * the system itself. */
  g_assert_cmpuint (atlas_search_index_get_n_records (index), ==,
                    n_districts + n_sites + n_trusts + n_partnerships + n_priorities + n_updates
                    + n_indicators + n_facts + 1);

  lister = atlas_search_index_query (index, "lister", 0);
  g_assert_cmpuint (lister->len, >=, 1);
  g_assert_cmpint (g_array_index (lister, AtlasSearchResult, 0).kind, ==, ATLAS_SELECTION_SITE);
  g_assert_cmpstr (g_array_index (lister, AtlasSearchResult, 0).name, ==, "Lister Hospital");

  herts = atlas_search_index_query (index, "herts", 0);
  g_assert_true (has_result_of_kind (herts, ATLAS_SEARCH_DISTRICT, "east-herts"));
  g_assert_true (has_result_of_kind (herts, ATLAS_SEARCH_DISTRICT, "north-herts"));
  g_assert_cmpstr (g_array_index (herts, AtlasSearchResult, 0).id, ==, "east-herts");
  g_assert_false (has_result_of_kind (herts, ATLAS_SEARCH_DISTRICT, "harlow"));
  for (i = 0; i < G_N_ELEMENTS (herts_partnerships); i++)
    g_assert_true (has_result_of_kind (herts, ATLAS_SEARCH_PARTNERSHIP, herts_partnerships[i]));
  g_assert_false (has_result_of_kind (herts, ATLAS_SEARCH_PARTNERSHIP, "west-essex"));
  for (i = 0; i < G_N_ELEMENTS (herts_trusts); i++)
    g_assert_true (has_result_of_kind (herts, ATLAS_SEARCH_TRUST, herts_trusts[i]));

  saint = atlas_search_index_query (index, "Saint Albáns", 0);
  g_assert_true (has_result_of_kind (saint, ATLAS_SEARCH_DISTRICT, "st-albans"));
  g_assert_true (has_result_of_kind (saint, ATLAS_SEARCH_SITE, "st-albans-city"));
}

static const AtlasSearchResult *
result_of (GArray     *results,
           const char *id)
{
  for (guint i = 0; i < results->len; i++)
    if (g_strcmp0 (g_array_index (results, AtlasSearchResult, i).id, id) == 0)
      return &g_array_index (results, AtlasSearchResult, i);
  return NULL;
}

static void
test_distance (void)
{
  g_assert_cmpuint (_atlas_search_distance ("watford", "watford", 2), ==, 0);
  /* Neighbours swapped, a letter dropped, added or changed: one error each. */
  g_assert_cmpuint (_atlas_search_distance ("watfrod", "watford", 2), ==, 1);
  g_assert_cmpuint (_atlas_search_distance ("watfod", "watford", 2), ==, 1);
  g_assert_cmpuint (_atlas_search_distance ("watfordd", "watford", 2), ==, 1);
  g_assert_cmpuint (_atlas_search_distance ("watfird", "watford", 2), ==, 1);
  g_assert_cmpuint (_atlas_search_distance ("wtafodr", "watford", 2), ==, 2);
  /* Beyond max, the answer is max + 1, however far. */
  g_assert_cmpuint (_atlas_search_distance ("kitten", "sitting", 2), ==, 3);
  g_assert_cmpuint (_atlas_search_distance ("kitten", "sitting", 3), ==, 3);
  g_assert_cmpuint (_atlas_search_distance ("a", "abcdef", 2), ==, 3);
  /* Optimal string alignment: a swapped pair is not edited again ("ca" to "abc" is 3). */
  g_assert_cmpuint (_atlas_search_distance ("ca", "abc", 3), ==, 3);
  g_assert_cmpuint (_atlas_search_distance ("", "ab", 2), ==, 2);
}

static void
test_typos (void)
{
  g_autoptr(AtlasSearchIndex) index = make_index ();
  g_autoptr(GArray) watfrod = atlas_search_index_query (index, "watfrod", 0);
  g_autoptr(GArray) lsiter = atlas_search_index_query (index, "lsiter", 0);
  g_autoptr(GArray) two = atlas_search_index_query (index, "hertfrodshrie", 0);
  g_autoptr(GArray) too_many = atlas_search_index_query (index, "wtafodr", 0);
  g_autoptr(GArray) too_short = atlas_search_index_query (index, "lsi", 0);
  g_autoptr(GArray) mixed = atlas_search_index_query (index, "watfrod general", 0);

  g_assert_cmpuint (watfrod->len, >=, 2);
  g_assert_cmpstr (g_array_index (watfrod, AtlasSearchResult, 0).id, ==, "watford");
  g_assert_cmpuint (g_array_index (watfrod, AtlasSearchResult, 0).errors, ==, 1);
  g_assert_true (has_result (watfrod, "watford-general"));
  g_assert_true (has_result (lsiter, "lister"));
  /* Thirteen letters: two errors are forgiven. */
  g_assert_true (has_result (two, "east-herts"));
  g_assert_cmpuint (result_of (two, "east-herts")->errors, ==, 2);
  /* Seven letters: only one. */
  g_assert_cmpuint (too_many->len, ==, 0);
  /* Three letters: none (and "lsi" begins no word). */
  g_assert_cmpuint (too_short->len, ==, 0);
  /* One word mistyped, the other right. */
  g_assert_cmpuint (mixed->len, ==, 1);
  g_assert_cmpstr (g_array_index (mixed, AtlasSearchResult, 0).id, ==, "watford-general");
}

/* A record found as typed comes before one found through a typing error. */
static void
test_typos_after_exact (void)
{
  g_autoptr(AtlasSearchIndex) index = atlas_search_index_new ();
  g_autoptr(GArray) harlo = NULL;
  g_autoptr(GArray) harl = NULL;
  g_autoptr(GArray) grouped = NULL;

  atlas_search_index_add (index, ATLAS_SEARCH_DISTRICT, "hare-street", "Hare Street", NULL,
                          NULL, 0);
  atlas_search_index_add (index, ATLAS_SEARCH_DISTRICT, "harlow", "Harlow", NULL, NULL, 0);
  atlas_search_index_add (index, ATLAS_SEARCH_SITE, "harlo-clinic", "Harlo Clinic", NULL, NULL, 0);

  /* "harlo" is a word here (the clinic's): it is taken as typed, never as a typing error. */
  harlo = atlas_search_index_query_full (index, "harlo", 0, ATLAS_SEARCH_BEST_FIRST);
  g_assert_cmpuint (harlo->len, ==, 2);
  g_assert_cmpstr (g_array_index (harlo, AtlasSearchResult, 0).id, ==, "harlo-clinic");
  g_assert_cmpstr (g_array_index (harlo, AtlasSearchResult, 1).id, ==, "harlow");

  /* "harl" begins Harlow and Harlo and is one letter from "hare": the words it begins first,
   * though Hare Street comes first in the index. */
  harl = atlas_search_index_query_full (index, "harl", 0, ATLAS_SEARCH_BEST_FIRST);
  g_assert_cmpuint (harl->len, ==, 3);
  g_assert_cmpstr (g_array_index (harl, AtlasSearchResult, 2).id, ==, "hare-street");
  g_assert_cmpuint (g_array_index (harl, AtlasSearchResult, 2).errors, ==, 1);
  g_assert_cmpuint (g_array_index (harl, AtlasSearchResult, 1).score, <,
                    g_array_index (harl, AtlasSearchResult, 2).score);
  grouped = atlas_search_index_query (index, "harl", 0);
  g_assert_cmpstr (g_array_index (grouped, AtlasSearchResult, 0).id, ==, "harlow");
  g_assert_cmpstr (g_array_index (grouped, AtlasSearchResult, 1).id, ==, "hare-street");
  g_assert_cmpstr (g_array_index (grouped, AtlasSearchResult, 2).id, ==, "harlo-clinic");
}

/* A result says where its words were, and which bytes of that text they are. */
static void
test_where (void)
{
  g_autoptr(AtlasSearchIndex) index = atlas_search_index_new ();
  static const char *item = "Watford: plans for a new health hub in central Watford.";
  g_autoptr(GArray) hub = NULL;
  g_autoptr(GArray) named = NULL;
  const AtlasSearchResult *r;
  guint record;

  record = atlas_search_index_add (index, ATLAS_SEARCH_UPDATE, "meeting", "A meeting", NULL,
                                   NULL, 0);
  atlas_search_index_add_field (index, record, ATLAS_SEARCH_FIELD_TEXT, "item 1",
                                "Councils are partners.");
  atlas_search_index_add_field (index, record, ATLAS_SEARCH_FIELD_TEXT, "item 2", item);

  hub = atlas_search_index_query (index, "Health  HUB", 0);
  g_assert_cmpuint (hub->len, ==, 1);
  r = &g_array_index (hub, AtlasSearchResult, 0);
  g_assert_cmpstr (r->where, ==, "item 2");
  g_assert_cmpstr (r->text, ==, item);
  /* Text words rank after names: 2 for the field, none begun, no errors. */
  g_assert_cmpuint (r->score, ==, 4);
  g_assert_cmpuint (r->spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (r->spans, AtlasSearchSpan, 0).start, ==, strlen ("Watford: plans for a new "));
  g_assert_cmpuint (g_array_index (r->spans, AtlasSearchSpan, 0).end, ==, strlen ("Watford: plans for a new health"));
  g_assert_cmpuint (g_array_index (r->spans, AtlasSearchSpan, 1).start, ==, strlen ("Watford: plans for a new health "));

  named = atlas_search_index_query (index, "meet", 0);
  g_assert_null (g_array_index (named, AtlasSearchResult, 0).where);
  g_assert_cmpstr (g_array_index (named, AtlasSearchResult, 0).text, ==, "A meeting");
}

/* Every word of the bundled systems, mistyped in each way, gives the same results through the
 * deletion table as by measuring every word. */
static void
test_deletions_match_brute (void)
{
  const char * const *ids = atlas_dataset_bundled_ids ();
  guint checked = 0;

  for (guint d = 0; ids[d] != NULL; d++)
    {
      g_autoptr(AtlasDataset) dataset = atlas_dataset_load (ids[d], NULL);
      g_autoptr(AtlasSearchIndex) fast = NULL;
      g_autoptr(AtlasSearchIndex) brute = NULL;
      g_autoptr(GArray) probe = NULL;

      g_assert_nonnull (dataset);
      fast = atlas_search_index_new_for_dataset (dataset);
      brute = atlas_search_index_new_for_dataset (dataset);
      _atlas_search_index_set_brute_force (brute, TRUE);
      g_assert_cmpuint (atlas_search_index_get_n_words (fast), >, 200);
      probe = atlas_search_index_query (fast, "a", 0);

      for (guint w = 0; w < 400; w++)
        {
          /* Words of the index through a query: every result's first span is one. */
          const AtlasSearchResult *r = &g_array_index (probe, AtlasSearchResult,
                                                       w % probe->len);
          const AtlasSearchSpan *span = &g_array_index (r->spans, AtlasSearchSpan, 0);
          g_autofree char *word = g_ascii_strdown (r->text + span->start, span->end - span->start);
          gsize n = strlen (word);
          guint at = n > 1 ? w % (n - 1) : 0;

          for (guint how = 0; how < 3 && n >= 4; how++)
            {
              g_autofree char *typo = g_strdup (word);
              g_autoptr(GArray) a = NULL;
              g_autoptr(GArray) b = NULL;

              if (how == 0)
                memmove (typo + at, typo + at + 1, n - at);         /* dropped */
              else if (how == 1)
                {
                  char c = typo[at];                                  /* swapped */

                  typo[at] = typo[at + 1];
                  typo[at + 1] = c;
                }
              else
                typo[at] = typo[at] == 'z' ? 'y' : 'z';             /* changed */
              a = atlas_search_index_query (fast, typo, 0);
              b = atlas_search_index_query (brute, typo, 0);
              g_assert_cmpuint (a->len, ==, b->len);
              for (guint i = 0; i < a->len; i++)
                {
                  g_assert_cmpstr (g_array_index (a, AtlasSearchResult, i).id, ==,
                                   g_array_index (b, AtlasSearchResult, i).id);
                  g_assert_cmpuint (g_array_index (a, AtlasSearchResult, i).score, ==,
                                    g_array_index (b, AtlasSearchResult, i).score);
                }
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >, 500);
}

/* What the issue asked of the bundled systems. */
static void
test_bundled_finds (void)
{
  g_autoptr(AtlasDataset) hwe = atlas_dataset_load ("hwe", NULL);
  g_autoptr(AtlasDataset) nel = atlas_dataset_load ("nel", NULL);
  g_autoptr(AtlasSearchIndex) hwe_index = atlas_search_index_new_for_dataset (hwe);
  g_autoptr(AtlasSearchIndex) nel_index = atlas_search_index_new_for_dataset (nel);
  g_autoptr(GArray) watfrod = atlas_search_index_query_full (hwe_index, "watfrod", 0,
                                                             ATLAS_SEARCH_BEST_FIRST);
  g_autoptr(GArray) hub = atlas_search_index_query (hwe_index, "health hub", 0);
  g_autoptr(GArray) overweight = atlas_search_index_query (hwe_index, "overweight", 0);
  g_autoptr(GArray) child = atlas_search_index_query (hwe_index, "child", 0);
  g_autoptr(GArray) best_start = atlas_search_index_query (nel_index, "best start", 0);
  g_autoptr(GArray) nel_child = atlas_search_index_query (nel_index, "child", 0);
  g_autoptr(GArray) facts = atlas_search_index_query (hwe_index, "pharmacies", 0);
  g_autoptr(GArray) nhs_body = atlas_search_index_query (hwe_index, "integrated care board", 0);

  g_assert_cmpstr (g_array_index (watfrod, AtlasSearchResult, 0).id, ==, "watford");
  g_assert_cmpint (g_array_index (watfrod, AtlasSearchResult, 0).kind, ==, ATLAS_SEARCH_DISTRICT);

  g_assert_true (has_result_of_kind (hub, ATLAS_SEARCH_UPDATE, "icp-2023-11"));
  g_assert_cmpstr (result_of (hub, "icp-2023-11")->where, ==, "item 4");

  g_assert_true (has_result_of_kind (overweight, ATLAS_SEARCH_INDICATOR, "overweight-4-5"));
  g_assert_true (has_result_of_kind (overweight, ATLAS_SEARCH_INDICATOR, "overweight-10-11"));

  g_assert_true (has_result_of_kind (child, ATLAS_SEARCH_PRIORITY, "best-start"));
  g_assert_true (has_result_of_kind (child, ATLAS_SEARCH_INDICATOR, "overweight-4-5"));
  g_assert_true (has_result_of_kind (child, ATLAS_SEARCH_INDICATOR, "overweight-10-11"));
  g_assert_true (has_result_of_kind (child, ATLAS_SEARCH_PARTNERSHIP, "east-north-herts"));

  g_assert_true (has_result_of_kind (best_start, ATLAS_SEARCH_PRIORITY, "ch-children-families"));
  g_assert_true (has_result_of_kind (nel_child, ATLAS_SEARCH_PRIORITY, "ch-children-families"));

  g_assert_true (has_result_of_kind (facts, ATLAS_SEARCH_FACT, "community-pharmacies"));
  g_assert_true (has_result_of_kind (nhs_body, ATLAS_SEARCH_SYSTEM, "hwe"));
  g_assert_cmpstr (result_of (nhs_body, "hwe")->where, ==, "NHS body");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The bundled data lives in the core's static library: name it so it is linked in. */
  (void) atlas_data_get_resource ();

  g_test_add_func ("/search-index/fold", test_fold);
  g_test_add_func ("/search-index/prefix", test_prefix);
  g_test_add_func ("/search-index/herts", test_herts);
  g_test_add_func ("/search-index/groups", test_groups);
  g_test_add_func ("/search-index/accents-and-abbreviations", test_accents_and_abbreviations);
  g_test_add_func ("/search-index/bundled-hwe", test_bundled_hwe);
  g_test_add_func ("/search-index/distance", test_distance);
  g_test_add_func ("/search-index/typos", test_typos);
  g_test_add_func ("/search-index/typos-after-exact", test_typos_after_exact);
  g_test_add_func ("/search-index/where", test_where);
  g_test_add_func ("/search-index/deletions-match-brute", test_deletions_match_brute);
  g_test_add_func ("/search-index/bundled-finds", test_bundled_finds);

  return g_test_run ();
}
