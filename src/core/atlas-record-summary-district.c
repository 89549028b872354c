/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-record-summary-private.h"

static gboolean
has_district (const AtlasDistrict * const *districts,
              guint                        n,
              const AtlasDistrict         *district)
{
  for (guint i = 0; i < n; i++)
    if (districts[i] == district)
      return TRUE;
  return FALSE;
}

static const char *
short_name (const AtlasPartnership *partnership)
{
  return partnership->short_name != NULL ? partnership->short_name : partnership->name;
}

static void
add_partnerships (GPtrArray           *facts,
                  AtlasDataset        *dataset,
                  const AtlasDistrict *district)
{
  const AtlasPartnership *place = district->partnership;
  const AtlasPartnership *partnerships;
  AtlasSummaryFact *fact;
  guint n;

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, "partnership", _("Partnership"),
                                  _("Not recorded"));
  if (place != NULL)
    {
      _atlas_summary_add_entry (fact, ATLAS_SELECTION_PARTNERSHIP, place->id, place->name, NULL);
      _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (place, "districts"));
    }

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, "also-part-of", _("Also part of"),
                                  NULL);
  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  for (guint i = 0; i < n; i++)
    if (&partnerships[i] != place
        && has_district (partnerships[i].districts, partnerships[i].n_districts, district))
      {
        _atlas_summary_add_entry (fact, ATLAS_SELECTION_PARTNERSHIP, partnerships[i].id,
                                  partnerships[i].name, NULL);
        _atlas_summary_cite (fact->sources,
                             ATLAS_RECORD_FIELD_SOURCE (&partnerships[i], "districts"));
      }
  _atlas_summary_drop_if_empty (facts);

  /* Its place partnership's headline facts: City and Hackney's population on Hackney's page. */
  if (place != NULL && place->n_facts > 0)
    {
      g_autofree char *label = g_strdup_printf (_("%s at a glance"), short_name (place));

      fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_GROUP, "partnership-facts", label,
                                      NULL);
      for (guint i = 0; i < place->n_facts; i++)
        _atlas_summary_add_headline (fact->children, &place->facts[i]);
    }

  if (place != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Priorities of %s"), short_name (place));

      _atlas_summary_add_priorities (facts, dataset, "partnership-priorities", label, place);
    }
  _atlas_summary_add_priorities (facts, dataset, "system-priorities",
                                 _("The system’s priorities"), NULL);
}

/* Trusts with a site in the district, and the sites themselves. */
static void
add_sites (GPtrArray           *facts,
           AtlasDataset        *dataset,
           const AtlasDistrict *district)
{
  g_autoptr(GPtrArray) trusts = g_ptr_array_new ();
  AtlasSummaryFact *trust_fact, *site_fact;
  const AtlasSite *sites;
  guint n;

  trust_fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, "trusts",
                                        _("Trusts with sites here"), _("None recorded"));
  site_fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, "sites", _("Sites"),
                                       _("None recorded"));
  sites = atlas_dataset_get_sites (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasSite *site = &sites[i];

      if (site->district != district)
        continue;
      _atlas_summary_add_entry (site_fact, ATLAS_SELECTION_SITE, site->id, site->name,
                                atlas_summary_site_kind (site->kind));
      _atlas_summary_cite (site_fact->sources, ATLAS_RECORD_FIELD_SOURCE (site, "district"));
      _atlas_summary_cite (site_fact->sources, ATLAS_RECORD_FIELD_SOURCE (site, "kind"));
      if (site->trust == NULL)
        continue;
      /* That a trust has a site here rests on the site's trust and on where the site is. */
      _atlas_summary_cite (trust_fact->sources, ATLAS_RECORD_FIELD_SOURCE (site, "trust"));
      _atlas_summary_cite (trust_fact->sources, ATLAS_RECORD_FIELD_SOURCE (site, "district"));
      if (!g_ptr_array_find (trusts, site->trust, NULL))
        {
          g_ptr_array_add (trusts, (gpointer) site->trust);
          _atlas_summary_add_entry (trust_fact, ATLAS_SELECTION_TRUST, site->trust->id,
                                    site->trust->name, site->trust->kind);
          _atlas_summary_cite (trust_fact->sources,
                               ATLAS_RECORD_FIELD_SOURCE (site->trust, "kind"));
        }
    }
}

static void
add_indicators (GPtrArray           *facts,
                AtlasDataset        *dataset,
                const AtlasDistrict *district)
{
  const AtlasIndicator *indicators;
  AtlasSummaryFact *group;
  guint n;

  group = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_GROUP, "indicators", _("Indicators"),
                                   _("Not recorded"));
  indicators = atlas_dataset_get_indicators (dataset, &n);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < indicators[i].n_values; j++)
      {
        const AtlasIndicator *indicator = &indicators[i];
        const AtlasIndicatorValue *value = &indicator->values[j];
        AtlasSummaryFact *fact;

        if (!has_district (value->districts, value->n_districts, district))
          continue;
        fact = _atlas_summary_add_fact (group->children, ATLAS_SUMMARY_FIGURE, "indicator",
                                        indicator->title, NULL);
        fact->value = atlas_summary_format_value (indicator, value);
        if (value->area != NULL && g_strcmp0 (value->area, district->name) != 0)
          fact->area = g_strdup_printf (_("Figure for %s"), value->area);
        fact->note = g_strdup (indicator->note);
        _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (indicator, "values"));
        if (indicator->note != NULL)
          _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (indicator, "note"));
        break;
      }
}

/* The updates that name the district, each with the items that mention it by name (or its
 * council's). */
static void
add_updates (GPtrArray           *facts,
             AtlasDataset        *dataset,
             const AtlasDistrict *district)
{
  const AtlasUpdate *updates;
  AtlasSummaryFact *fact;
  guint n;

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, "updates", _("Updates"),
                                  _("None recorded"));
  updates = atlas_dataset_get_updates (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasUpdate *update = &updates[i];
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;
      AtlasSummaryEntry *entry;

      if (!has_district (update->districts, update->n_districts, district))
        continue;
      date = atlas_summary_format_date (update->date);
      text = g_strdup_printf ("%s — %s", date, update->title);
      entry = _atlas_summary_add_entry (fact, ATLAS_SELECTION_UPDATE, update->id, text, NULL);
      _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (update, "districts"));
      for (guint j = 0; j < update->n_items; j++)
        if (atlas_summary_text_mentions (update->items[j], district->name)
            || atlas_summary_text_mentions (update->items[j], district->council))
          {
            if (entry->items == NULL)
              entry->items = g_ptr_array_new_with_free_func (g_free);
            g_ptr_array_add (entry->items, g_strdup (update->items[j]));
            _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (update, "items"));
          }
    }
}

void
_atlas_summary_build_district (AtlasRecordSummary  *summary,
                               AtlasDataset        *dataset,
                               const AtlasDistrict *district)
{
  GPtrArray *facts = summary->facts;
  AtlasSummaryFact *code;

  _atlas_summary_cite (summary->title_sources, ATLAS_RECORD_FIELD_SOURCE (district, "name"));
  if (district->partnership != NULL)
    summary->subtitle = g_strdup (district->partnership->name);

  _atlas_summary_add_text (facts, "council", _("Council"), district->council, _("Not recorded"),
                           ATLAS_RECORD_FIELD_SOURCE (district, "council"));
  _atlas_summary_add_text (facts, "county", _("County"), district->county, _("Not recorded"),
                           ATLAS_RECORD_FIELD_SOURCE (district, "county"));
  add_partnerships (facts, dataset, district);
  add_sites (facts, dataset, district);
  add_indicators (facts, dataset, district);
  add_updates (facts, dataset, district);
  /* The ONS code, with where it comes from and where the boundary it links to comes from. */
  code = _atlas_summary_add_text (facts, "code", _("ONS code"), district->code, _("Not recorded"),
                                  ATLAS_RECORD_FIELD_SOURCE (district, "code"));
  _atlas_summary_cite (code->sources, atlas_dataset_get_boundary_source (dataset));
}
