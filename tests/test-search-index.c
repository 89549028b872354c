/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-data-resources.h"
#include "atlas-search-index.h"

/* A slice of Hertfordshire and West Essex, indexed with the aliases the dataset filler gives. */
static AtlasSearchIndex *
make_index (void)
{
  AtlasSearchIndex *index = atlas_search_index_new ();
  static const struct {
    AtlasSelectionKind kind;
    const char *id;
    const char *name;
    const char *aliases[3];
  } records[] = {
    { ATLAS_SELECTION_DISTRICT, "watford", "Watford",
      { "Watford Borough Council", "Hertfordshire", "E07000103" } },
    { ATLAS_SELECTION_DISTRICT, "east-herts", "East Hertfordshire",
      { "East Hertfordshire District Council", "Hertfordshire", "E07000242" } },
    { ATLAS_SELECTION_DISTRICT, "hertsmere", "Hertsmere",
      { "Hertsmere Borough Council", "Hertfordshire", "E07000098" } },
    { ATLAS_SELECTION_DISTRICT, "north-herts", "North Hertfordshire",
      { "North Hertfordshire District Council", "Hertfordshire", "E07000099" } },
    { ATLAS_SELECTION_DISTRICT, "st-albans", "St Albans",
      { "St Albans City and District Council", "Hertfordshire", "E07000240" } },
    { ATLAS_SELECTION_DISTRICT, "harlow", "Harlow",
      { "Harlow Council", "Essex", "E07000073" } },
    { ATLAS_SELECTION_SITE, "lister", "Lister Hospital", { "Stevenage", "ENHT", NULL } },
    { ATLAS_SELECTION_SITE, "watford-general", "Watford General Hospital",
      { "Watford", "WHTH", NULL } },
    { ATLAS_SELECTION_SITE, "st-margarets", "St Margaret's Hospital", { "Epping", "PAHT", NULL } },
    { ATLAS_SELECTION_TRUST, "whth", "West Hertfordshire Teaching Hospitals NHS Trust",
      { "WHTH", "south and west Hertfordshire", NULL } },
    { ATLAS_SELECTION_TRUST, "eput", "Essex Partnership University NHS Foundation Trust",
      { "EPUT", "west Essex", NULL } },
    { ATLAS_SELECTION_PARTNERSHIP, "south-west-herts",
      "South and West Hertfordshire Health and Care Partnership",
      { "South and West Herts", NULL, NULL } },
    { ATLAS_SELECTION_PARTNERSHIP, "west-essex", "West Essex Health and Care Partnership",
      { NULL, NULL, NULL } },
    { ATLAS_SELECTION_PRIORITY, "best-start", "Give every child the best start in life",
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
  g_autoptr(GArray) none = atlas_search_index_query (index, "hospitalx", 0);
  g_autoptr(GArray) empty = atlas_search_index_query (index, "  ,, ", 0);
  g_autoptr(GArray) two = atlas_search_index_query (index, "wat gen", 0);

  g_assert_cmpuint (lister->len, ==, 1);
  g_assert_cmpstr (g_array_index (lister, AtlasSearchResult, 0).id, ==, "lister");
  g_assert_cmpstr (g_array_index (lister, AtlasSearchResult, 0).name, ==, "Lister Hospital");
  g_assert_cmpint (g_array_index (lister, AtlasSearchResult, 0).kind, ==, ATLAS_SELECTION_SITE);
  g_assert_true (has_result (list, "lister"));
  g_assert_cmpuint (none->len, ==, 0);
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
  AtlasSelectionKind last = ATLAS_SELECTION_NONE;
  static const AtlasSelectionKind order[] = {
    ATLAS_SELECTION_DISTRICT, ATLAS_SELECTION_SITE, ATLAS_SELECTION_TRUST,
    ATLAS_SELECTION_PARTNERSHIP, ATLAS_SELECTION_PRIORITY,
  };
  guint i, pos = 0;

  g_assert_cmpuint (west->len, >=, 4);
  g_assert_cmpuint (limited->len, ==, 2);
  /* Kinds come in the order districts, sites, trusts, partnerships, priorities. */
  for (i = 0; i < west->len; i++)
    {
      AtlasSelectionKind kind = g_array_index (west, AtlasSearchResult, i).kind;

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
                    AtlasSelectionKind  kind,
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
  g_assert_cmpuint (atlas_search_index_get_n_records (index), ==,
                    n_districts + n_sites + n_trusts + n_partnerships + n_priorities + n_updates);

  lister = atlas_search_index_query (index, "lister", 0);
  g_assert_cmpuint (lister->len, >=, 1);
  g_assert_cmpint (g_array_index (lister, AtlasSearchResult, 0).kind, ==, ATLAS_SELECTION_SITE);
  g_assert_cmpstr (g_array_index (lister, AtlasSearchResult, 0).name, ==, "Lister Hospital");

  herts = atlas_search_index_query (index, "herts", 0);
  g_assert_true (has_result_of_kind (herts, ATLAS_SELECTION_DISTRICT, "east-herts"));
  g_assert_true (has_result_of_kind (herts, ATLAS_SELECTION_DISTRICT, "north-herts"));
  g_assert_cmpstr (g_array_index (herts, AtlasSearchResult, 0).id, ==, "east-herts");
  g_assert_false (has_result_of_kind (herts, ATLAS_SELECTION_DISTRICT, "harlow"));
  for (i = 0; i < G_N_ELEMENTS (herts_partnerships); i++)
    g_assert_true (has_result_of_kind (herts, ATLAS_SELECTION_PARTNERSHIP, herts_partnerships[i]));
  g_assert_false (has_result_of_kind (herts, ATLAS_SELECTION_PARTNERSHIP, "west-essex"));
  for (i = 0; i < G_N_ELEMENTS (herts_trusts); i++)
    g_assert_true (has_result_of_kind (herts, ATLAS_SELECTION_TRUST, herts_trusts[i]));

  saint = atlas_search_index_query (index, "Saint Albáns", 0);
  g_assert_true (has_result_of_kind (saint, ATLAS_SELECTION_DISTRICT, "st-albans"));
  g_assert_true (has_result_of_kind (saint, ATLAS_SELECTION_SITE, "st-albans-city"));
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

  return g_test_run ();
}
