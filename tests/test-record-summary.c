/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-record-summary.h"

#include "atlas-data-resources.h"

#include <string.h>

static AtlasDataset *
load (const char *id)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load (id, &error);

  g_assert_no_error (error);
  return dataset;
}

static AtlasRecordSummary *
summarise_district (AtlasDataset *dataset,
                    const char   *id)
{
  const AtlasDistrict *district = atlas_dataset_find_district (dataset, id);

  g_assert_nonnull (district);
  return atlas_record_summary_new (dataset, ATLAS_SELECTION_DISTRICT, district);
}

static gboolean
has_entry (const AtlasSummaryFact *fact,
           const char             *text)
{
  g_assert_nonnull (fact);
  g_assert_cmpint (fact->kind, ==, ATLAS_SUMMARY_LIST);
  for (guint i = 0; i < fact->entries->len; i++)
    if (g_str_equal (((AtlasSummaryEntry *) g_ptr_array_index (fact->entries, i))->text, text))
      return TRUE;
  return FALSE;
}

static gboolean
cites (const AtlasSummaryFact *fact,
       const char             *source)
{
  return g_ptr_array_find_with_equal_func (fact->sources, source, g_str_equal, NULL);
}

/* Every fact that says something has a source; a fact saying "Not recorded" has none. */
static void
assert_sourced (GPtrArray *facts)
{
  for (guint i = 0; i < facts->len; i++)
    {
      const AtlasSummaryFact *fact = g_ptr_array_index (facts, i);
      gboolean empty = fact->kind == ATLAS_SUMMARY_LIST ? fact->entries->len == 0
                       : fact->kind == ATLAS_SUMMARY_GROUP ? fact->children->len == 0
                       : fact->kind == ATLAS_SUMMARY_SECTION ? FALSE
                       : fact->value == NULL;

      g_test_message ("fact %s", fact->key);
      if (fact->kind == ATLAS_SUMMARY_GROUP)
        assert_sourced (fact->children);
      else if (empty)
        {
          g_assert_nonnull (fact->empty);
          g_assert_cmpuint (fact->sources->len, ==, 0);
        }
      else
        g_assert_cmpuint (fact->sources->len, >, 0);
    }
}

/* Watford: what the window's panel and the pack show, fact by fact. */
static void
test_watford (void)
{
  g_autoptr(AtlasDataset) dataset = load ("hwe");
  g_autoptr(AtlasRecordSummary) s = summarise_district (dataset, "watford");
  const AtlasSummaryFact *fact;
  const AtlasSummaryEntry *update;

  g_assert_cmpstr (s->title, ==, "Watford");
  g_assert_cmpstr (s->subtitle, ==, "South and West Hertfordshire Health and Care Partnership");
  g_assert_cmpstr (atlas_record_summary_find (s, "council")->value, ==, "Watford Borough Council");
  g_assert_cmpstr (atlas_record_summary_find (s, "county")->value, ==, "Hertfordshire");
  g_assert_true (has_entry (atlas_record_summary_find (s, "partnership"),
                            "South and West Hertfordshire Health and Care Partnership"));
  g_assert_true (has_entry (atlas_record_summary_find (s, "also-part-of"),
                            "Hertfordshire Mental Health, Learning Disability and Autism Health "
                            "and Care Partnership"));

  fact = atlas_record_summary_find (s, "trusts");
  g_assert_true (has_entry (fact, "West Hertfordshire Teaching Hospitals NHS Trust"));
  g_assert_cmpstr (((AtlasSummaryEntry *) g_ptr_array_index (fact->entries, 0))->detail, ==,
                   "acute");
  fact = atlas_record_summary_find (s, "sites");
  g_assert_true (has_entry (fact, "Watford General Hospital"));
  g_assert_cmpstr (((AtlasSummaryEntry *) g_ptr_array_index (fact->entries, 0))->detail, ==,
                   "Acute hospital");

  /* Both indicators, with the county figure, the area it is for and the note. */
  fact = atlas_record_summary_find (s, "indicators");
  g_assert_cmpuint (fact->children->len, ==, 2);
  fact = g_ptr_array_index (fact->children, 0);
  g_assert_cmpstr (fact->label, ==, "Children aged 4–5 overweight or obese");
  g_assert_cmpstr (fact->value, ==, "20.1% (2019-20)");
  g_assert_cmpstr (fact->area, ==, "Figure for Hertfordshire");
  g_assert_nonnull (strstr (fact->note, "covers all of Essex"));
  g_assert_true (cites (fact, "003_d7fec79b05d3b4f2.txt"));
  g_assert_true (cites (fact, "structure"));

  /* The November 2023 update, with the two items that name Watford: the health hub. */
  fact = atlas_record_summary_find (s, "updates");
  g_assert_cmpuint (fact->entries->len, ==, 1);
  update = g_ptr_array_index (fact->entries, 0);
  g_assert_true (g_str_has_prefix (update->text, "23 November 2023 — Headlines from"));
  g_assert_cmpint (update->kind, ==, ATLAS_SELECTION_UPDATE);
  g_assert_cmpstr (update->id, ==, "icp-2023-11");
  g_assert_cmpuint (update->items->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (update->items, 1), "new health hub in central "
                                                                  "Watford"));

  /* The system's six priorities; the partnership has none of its own. */
  fact = atlas_record_summary_find (s, "system-priorities");
  g_assert_cmpuint (fact->entries->len, ==, 6);
  g_assert_true (has_entry (fact, "1. Give every child the best start in life"));
  g_assert_null (atlas_record_summary_find (s, "partnership-priorities"));

  g_assert_cmpstr (atlas_record_summary_find (s, "code")->value, ==, "E07000103");
  g_assert_true (cites (atlas_record_summary_find (s, "code"), "ons-boundaries"));
  assert_sourced (s->facts);
}

/* Harlow takes the Essex figure; a district no update names says so. */
static void
test_harlow_and_three_rivers (void)
{
  g_autoptr(AtlasDataset) dataset = load ("hwe");
  g_autoptr(AtlasRecordSummary) harlow = summarise_district (dataset, "harlow");
  g_autoptr(AtlasRecordSummary) rivers = summarise_district (dataset, "three-rivers");
  const AtlasSummaryFact *fact = atlas_record_summary_find (harlow, "indicator");

  g_assert_cmpstr (fact->value, ==, "22.3% (2019-20)");
  g_assert_cmpstr (fact->area, ==, "Figure for Essex");
  /* West Essex's own headline fact. */
  fact = atlas_record_summary_find (harlow, "partnership-facts");
  g_assert_nonnull (fact);
  g_assert_cmpstr (fact->label, ==, "West Essex at a glance");
  g_assert_cmpuint (fact->children->len, ==, 1);

  fact = atlas_record_summary_find (rivers, "updates");
  g_assert_cmpuint (fact->entries->len, ==, 0);
  g_assert_cmpstr (fact->empty, ==, "None recorded");
  g_assert_cmpuint (atlas_record_summary_find (rivers, "sites")->entries->len, ==, 0);
  assert_sourced (rivers->facts);
}

/* North East London: City and Hackney's population on both its districts' pages, with its
 * own priorities. */
static void
test_city_and_hackney (void)
{
  g_autoptr(AtlasDataset) dataset = load ("nel");
  static const char * const ids[] = { "hackney", "city-of-london" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(AtlasRecordSummary) s = summarise_district (dataset, ids[i]);
      const AtlasSummaryFact *facts = atlas_record_summary_find (s, "partnership-facts");
      const AtlasSummaryFact *population = g_ptr_array_index (facts->children, 0);
      const AtlasSummaryFact *priorities = atlas_record_summary_find (s, "partnership-priorities");

      g_assert_cmpstr (facts->label, ==, "City and Hackney at a glance");
      g_assert_cmpstr (population->label, ==, "Population");
      g_assert_cmpstr (population->value, ==, "267,800");
      g_assert_true (cites (population, "004_29c930f59dae05e7.txt"));
      g_assert_cmpuint (priorities->entries->len, ==, 10);
      g_assert_cmpstr (((AtlasSummaryEntry *) g_ptr_array_index (priorities->entries, 0))->group,
                       ==, "Key priorities");
      /* The system has no priorities of its own. */
      g_assert_null (atlas_record_summary_find (s, "system-priorities"));
      assert_sourced (s->facts);
    }
}

static void
test_other_kinds (void)
{
  g_autoptr(AtlasDataset) dataset = load ("hwe");
  g_autoptr(AtlasRecordSummary) p = NULL;
  g_autoptr(AtlasRecordSummary) t = NULL;
  g_autoptr(AtlasRecordSummary) site = NULL;
  g_autoptr(AtlasRecordSummary) system = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  p = atlas_record_summary_new (dataset, ATLAS_SELECTION_PARTNERSHIP,
                                atlas_dataset_find_partnership (dataset, "south-west-herts"));
  g_assert_cmpstr (p->subtitle, ==, "Place partnership");
  g_assert_true (has_entry (atlas_record_summary_find (p, "members"), "Watford"));
  g_assert_true (has_entry (atlas_record_summary_find (p, "trusts"),
                            "West Hertfordshire Teaching Hospitals NHS Trust"));
  g_assert_true (has_entry (atlas_record_summary_find (p, "updates"),
                            "23 November 2023 — Headlines from Hertfordshire and West Essex "
                            "Integrated Care Partnership meeting (November 2023)"));
  g_assert_nonnull (atlas_record_summary_find (p, "description"));
  assert_sourced (p->facts);

  t = atlas_record_summary_new (dataset, ATLAS_SELECTION_TRUST,
                                atlas_dataset_find_trust (dataset, "whth"));
  g_assert_cmpstr (atlas_record_summary_find (t, "kind")->value, ==, "acute");
  g_assert_true (has_entry (atlas_record_summary_find (t, "sites"), "Watford General Hospital"));
  assert_sourced (t->facts);

  site = atlas_record_summary_new (dataset, ATLAS_SELECTION_SITE,
                                   atlas_dataset_find_site (dataset, "lister"));
  g_assert_cmpstr (site->subtitle, ==, "Acute hospital");
  g_assert_true (has_entry (atlas_record_summary_find (site, "district"), "Stevenage"));
  g_assert_cmpstr (atlas_record_summary_find (site, "location")->value, ==, "51.9257, -0.2136");
  assert_sourced (site->facts);

  system = atlas_record_summary_new (dataset, ATLAS_SELECTION_NONE, NULL);
  g_assert_cmpstr (system->title, ==, atlas_dataset_get_name (dataset));
  g_assert_cmpstr (atlas_record_summary_find (system, "headline")->value, ==,
                   "just over 1.6 million people");
  g_assert_cmpuint (atlas_record_summary_find (system, "partnerships")->entries->len, ==, 4);
  assert_sourced (system->facts);
  sources = atlas_record_summary_collect_sources (system);
  g_assert_cmpuint (sources->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (sources, 0), ==, "000_399340710ed370ab.txt");

  g_assert_null (atlas_record_summary_new (dataset, ATLAS_SELECTION_PRIORITY,
                                           atlas_dataset_find_priority (dataset, "best-start")));
}

static void
test_mentions (void)
{
  g_assert_true (atlas_summary_text_mentions ("a new health hub in central Watford.", "Watford"));
  g_assert_true (atlas_summary_text_mentions ("WATFORD's plans", "Watford"));
  g_assert_true (atlas_summary_text_mentions ("the City of London and", "City of London"));
  g_assert_true (atlas_summary_text_mentions ("Café Rouge", "cafe rouge"));
  g_assert_false (atlas_summary_text_mentions ("Watfordshire", "Watford"));
  g_assert_false (atlas_summary_text_mentions ("City and London", "City of London"));
  g_assert_false (atlas_summary_text_mentions ("anything", NULL));
  g_assert_false (atlas_summary_text_mentions ("anything", "— –"));
  /* Repeated words: the pattern's own prefix is found again after a near miss. */
  g_assert_true (atlas_summary_text_mentions ("a a a b", "a a b"));
  g_assert_false (atlas_summary_text_mentions ("a a c a b", "a a b"));
}

static void
test_formats (void)
{
  g_autofree char *date = atlas_summary_format_date ("2023-11-23");
  g_autofree char *odd = atlas_summary_format_date ("2023-02-30");

  g_assert_cmpstr (date, ==, "23 November 2023");
  g_assert_cmpstr (odd, ==, "2023-02-30");
  g_assert_null (atlas_summary_format_date (NULL));
  g_assert_cmpstr (atlas_summary_site_kind (ATLAS_SITE_LOCAL), ==, "Local hospital");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  (void) atlas_data_get_resource ();

  g_test_add_func ("/record-summary/watford", test_watford);
  g_test_add_func ("/record-summary/harlow-and-three-rivers", test_harlow_and_three_rivers);
  g_test_add_func ("/record-summary/city-and-hackney", test_city_and_hackney);
  g_test_add_func ("/record-summary/other-kinds", test_other_kinds);
  g_test_add_func ("/record-summary/mentions", test_mentions);
  g_test_add_func ("/record-summary/formats", test_formats);

  return g_test_run ();
}
