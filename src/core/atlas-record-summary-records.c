/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-figure.h"
#include "atlas-record-summary-private.h"

/* Trusts that run a site in one of the districts of the set. */
static void
add_trusts (GPtrArray              *facts,
            AtlasDataset           *dataset,
            GHashTable             *districts,
            const AtlasPartnership *partnership)
{
  g_autoptr(GHashTable) trusts = g_hash_table_new (NULL, NULL);
  AtlasSummaryFact *fact;
  const AtlasSite *sites;
  guint n;

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, "trusts",
                                  _("Trusts with sites here"), _("None recorded"));
  sites = atlas_dataset_get_sites (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasSite *site = &sites[i];

      if (site->trust == NULL || !g_hash_table_contains (districts, site->district))
        continue;
      _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (site, "trust"));
      _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (site, "district"));
      _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (partnership, "districts"));
      if (g_hash_table_add (trusts, (gpointer) site->trust))
        {
          _atlas_summary_add_entry (fact, ATLAS_SELECTION_TRUST, site->trust->id,
                                    site->trust->name, site->trust->kind);
          _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (site->trust, "kind"));
        }
    }
}

/* The updates that name one of the districts of the set. */
static void
add_updates (GPtrArray    *facts,
             AtlasDataset *dataset,
             GHashTable   *districts)
{
  const AtlasUpdate *updates;
  AtlasSummaryFact *fact;
  guint n;

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, "updates", _("Updates"), NULL);
  updates = atlas_dataset_get_updates (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasUpdate *update = &updates[i];
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;
      gboolean names = districts == NULL;

      for (guint j = 0; !names && j < update->n_districts; j++)
        names = g_hash_table_contains (districts, update->districts[j]);
      if (!names)
        continue;
      date = atlas_summary_format_date (update->date);
      text = g_strdup_printf ("%s — %s", date, update->title);
      _atlas_summary_add_entry (fact, ATLAS_SELECTION_UPDATE, update->id, text, NULL);
      _atlas_summary_cite (fact->sources,
                           ATLAS_RECORD_FIELD_SOURCE (update, districts != NULL ? "districts"
                                                                                 : "title"));
    }
  _atlas_summary_drop_if_empty (facts);
}

void
_atlas_summary_build_partnership (AtlasRecordSummary     *summary,
                                  AtlasDataset           *dataset,
                                  const AtlasPartnership *partnership)
{
  /* Sets, not nested loops: a partnership may have thousands of districts, and a system
   * thousands of sites. */
  g_autoptr(GHashTable) districts = g_hash_table_new (NULL, NULL);
  GPtrArray *facts = summary->facts;
  AtlasSummaryFact *fact;

  summary->subtitle = g_strdup (partnership->kind == ATLAS_PARTNERSHIP_PLACE
                                  ? _("Place partnership") : _("Thematic partnership"));
  _atlas_summary_cite (summary->title_sources, ATLAS_RECORD_FIELD_SOURCE (partnership, "name"));
  _atlas_summary_cite (summary->title_sources, ATLAS_RECORD_FIELD_SOURCE (partnership, "kind"));

  _atlas_summary_add_text (facts, "short-name", _("Short name"), partnership->short_name, NULL,
                           ATLAS_RECORD_FIELD_SOURCE (partnership, "short_name"));
  _atlas_summary_add_text (facts, "description", _("Description"), partnership->description,
                           NULL, ATLAS_RECORD_FIELD_SOURCE (partnership, "description"));

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, "members", _("Member districts"),
                                  _("None recorded"));
  for (guint i = 0; i < partnership->n_districts; i++)
    {
      const AtlasDistrict *d = partnership->districts[i];

      _atlas_summary_add_entry (fact, ATLAS_SELECTION_DISTRICT, d->id, d->name, NULL);
      g_hash_table_add (districts, (gpointer) d);
    }
  _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (partnership, "districts"));
  add_trusts (facts, dataset, districts, partnership);

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_GROUP, "facts", _("At a glance"), NULL);
  for (guint i = 0; i < partnership->n_facts; i++)
    _atlas_summary_add_headline (fact->children, &partnership->facts[i]);
  _atlas_summary_drop_if_empty (facts);

  for (guint i = 0; i < partnership->n_sections; i++)
    {
      fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_SECTION, "section",
                                      partnership->sections[i].title, NULL);
      fact->section = &partnership->sections[i];
      _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (partnership, "sections"));
    }

  _atlas_summary_add_priorities (facts, dataset, "partnership-priorities", _("Priorities"),
                                 partnership);
  add_updates (facts, dataset, districts);
}

void
_atlas_summary_build_trust (AtlasRecordSummary *summary,
                            AtlasDataset       *dataset,
                            const AtlasTrust   *trust)
{
  GPtrArray *facts = summary->facts;
  AtlasSummaryFact *fact;
  const AtlasSite *sites;
  guint n;

  _atlas_summary_cite (summary->title_sources, ATLAS_RECORD_FIELD_SOURCE (trust, "name"));
  _atlas_summary_add_text (facts, "short-name", _("Short name"), trust->short_name, NULL,
                           ATLAS_RECORD_FIELD_SOURCE (trust, "short_name"));
  _atlas_summary_add_text (facts, "kind", _("Kind"), trust->kind, _("Not recorded"),
                           ATLAS_RECORD_FIELD_SOURCE (trust, "kind"));
  _atlas_summary_add_text (facts, "area", _("Main area"), trust->area, _("Not recorded"),
                           ATLAS_RECORD_FIELD_SOURCE (trust, "area"));

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, "sites", _("Sites"),
                                  _("None recorded"));
  sites = atlas_dataset_get_sites (dataset, &n);
  for (guint i = 0; i < n; i++)
    if (sites[i].trust == trust)
      {
        const AtlasSite *site = &sites[i];
        g_autofree char *detail = site->district != NULL
                                  ? g_strdup_printf ("%s, %s", atlas_summary_site_kind (site->kind),
                                                     site->district->name)
                                  : g_strdup (atlas_summary_site_kind (site->kind));

        _atlas_summary_add_entry (fact, ATLAS_SELECTION_SITE, site->id, site->name, detail);
        _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (site, "trust"));
      }
}

/* A link to one record as a fact; "Not recorded" without one. */
static void
add_link (GPtrArray          *facts,
          const char         *key,
          const char         *label,
          AtlasSelectionKind  kind,
          const char         *id,
          const char         *text,
          const char         *source)
{
  AtlasSummaryFact *fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, key, label,
                                                    _("Not recorded"));

  if (id == NULL)
    return;
  _atlas_summary_add_entry (fact, kind, id, text, NULL);
  _atlas_summary_cite (fact->sources, source);
}

void
_atlas_summary_build_site (AtlasRecordSummary *summary,
                           AtlasDataset       *dataset,
                           const AtlasSite    *site)
{
  GPtrArray *facts = summary->facts;
  g_autofree char *lat = atlas_format_number (site->lat, 4);
  g_autofree char *lon = atlas_format_number (site->lon, 4);
  /* TRANSLATORS: a site's latitude and longitude, "51.6497, -0.4011"; where the decimal
   * separator is a comma, separate them otherwise ("51,6497; -0,4011"). */
  g_autofree char *location = g_strdup_printf (_("%s, %s"), lat, lon);
  AtlasSummaryFact *fact;

  summary->subtitle = g_strdup (atlas_summary_site_kind (site->kind));
  _atlas_summary_cite (summary->title_sources, ATLAS_RECORD_FIELD_SOURCE (site, "name"));
  _atlas_summary_cite (summary->title_sources, ATLAS_RECORD_FIELD_SOURCE (site, "kind"));

  _atlas_summary_add_text (facts, "town", _("Town"), site->town, _("Not recorded"),
                           ATLAS_RECORD_FIELD_SOURCE (site, "town"));
  add_link (facts, "trust", _("Trust"), ATLAS_SELECTION_TRUST,
            site->trust != NULL ? site->trust->id : NULL,
            site->trust != NULL ? site->trust->name : NULL,
            ATLAS_RECORD_FIELD_SOURCE (site, "trust"));
  add_link (facts, "district", _("District"), ATLAS_SELECTION_DISTRICT,
            site->district != NULL ? site->district->id : NULL,
            site->district != NULL ? site->district->name : NULL,
            ATLAS_RECORD_FIELD_SOURCE (site, "district"));
  fact = _atlas_summary_add_text (facts, "location", _("Latitude, longitude"), location, NULL,
                                  ATLAS_RECORD_FIELD_SOURCE (site, "lat"));
  _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (site, "lon"));
}

void
_atlas_summary_build_system (AtlasRecordSummary *summary,
                             AtlasDataset       *dataset)
{
  GPtrArray *facts = summary->facts;
  const AtlasPartnership *partnerships;
  const AtlasFact *headlines;
  AtlasSummaryFact *fact;
  guint n;

  _atlas_summary_cite (summary->title_sources, atlas_dataset_get_field_source (dataset, "name"));
  summary->subtitle = g_strdup (atlas_dataset_get_nhs_body (dataset));
  _atlas_summary_cite (summary->title_sources,
                       atlas_dataset_get_field_source (dataset, "nhs_body"));

  _atlas_summary_add_text (facts, "summary", _("Summary"), atlas_dataset_get_summary (dataset),
                           NULL, atlas_dataset_get_field_source (dataset, "summary"));

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_GROUP, "facts", _("Headline facts"), NULL);
  headlines = atlas_dataset_get_facts (dataset, &n);
  for (guint i = 0; i < n; i++)
    _atlas_summary_add_headline (fact->children, &headlines[i]);
  _atlas_summary_drop_if_empty (facts);

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, "partnerships", _("Partnerships"),
                                  NULL);
  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasPartnership *p = &partnerships[i];
      g_autofree char *detail = g_strdup_printf (ngettext ("%s, %u district", "%s, %u districts",
                                                           p->n_districts),
                                                 p->kind == ATLAS_PARTNERSHIP_PLACE
                                                   ? _("Place partnership")
                                                   : _("Thematic partnership"),
                                                 p->n_districts);

      _atlas_summary_add_entry (fact, ATLAS_SELECTION_PARTNERSHIP, p->id, p->name, detail);
      _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (p, "name"));
    }
  _atlas_summary_drop_if_empty (facts);

  _atlas_summary_add_priorities (facts, dataset, "system-priorities",
                                 _("The system’s priorities"), NULL);
  add_updates (facts, dataset, NULL);
}
