/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filling the search index from a dataset: every record a planner can read about, with each of
 * its fields under the label a result shows. Kept apart from the matcher so the matcher's tests
 * need no dataset. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-search-index.h"

#define NAME_ONLY NULL, 0

static void
add_alias (AtlasSearchIndex *index,
           guint             record,
           const char       *where,
           const char       *text)
{
  atlas_search_index_add_field (index, record, ATLAS_SEARCH_FIELD_ALIAS, where, text);
}

static void
add_text (AtlasSearchIndex *index,
          guint             record,
          const char       *where,
          const char       *text)
{
  atlas_search_index_add_field (index, record, ATLAS_SEARCH_FIELD_TEXT, where, text);
}

/* Sections and their items, each labelled with its heading; a section without a title goes on
 * from the one before, and its items are numbered on from that one's. */
static void
add_sections (AtlasSearchIndex   *index,
              guint               record,
              const AtlasSection *sections,
              guint               n_sections)
{
  const char *heading = _("text");
  guint item = 0;

  for (guint i = 0; i < n_sections; i++)
    {
      const AtlasSection *section = &sections[i];

      if (section->title != NULL)
        {
          heading = section->title;
          item = 0;
          add_text (index, record, heading, section->title);
        }
      add_text (index, record, heading, section->text);
      for (guint j = 0; j < section->n_items; j++)
        {
          /* TRANSLATORS: where a search found its words: a section's heading and an item's
           * number, "What will change, item 6" */
          g_autofree char *where = g_strdup_printf (_("%s, item %u"), heading, ++item);

          add_text (index, record, where, section->items[j]);
        }
    }
}

static void
add_facts (AtlasSearchIndex *index,
           guint             record,
           const AtlasFact  *facts,
           guint             n_facts)
{
  for (guint i = 0; i < n_facts; i++)
    atlas_search_index_add_labelled_field (index, record, ATLAS_SEARCH_FIELD_TEXT,
                                           facts[i].label, facts[i].value);
}

static void
add_districts (AtlasSearchIndex *index,
               AtlasDataset     *dataset)
{
  const AtlasDistrict *districts;
  guint n;

  districts = atlas_dataset_get_districts (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasDistrict *d = &districts[i];
      guint r = atlas_search_index_add (index, ATLAS_SEARCH_DISTRICT, d->id, d->name,
                                        d->council != NULL ? d->council : d->county, NAME_ONLY);

      add_alias (index, r, _("council"), d->council);
      add_alias (index, r, _("county"), d->county);
      add_alias (index, r, _("ONS code"), d->code);
    }
}

static void
add_sites (AtlasSearchIndex *index,
           AtlasDataset     *dataset)
{
  const AtlasSite *sites;
  guint n;

  sites = atlas_dataset_get_sites (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasSite *s = &sites[i];
      guint r = atlas_search_index_add (index, ATLAS_SEARCH_SITE, s->id, s->name,
                                        s->town != NULL ? s->town
                                        : (s->district != NULL ? s->district->name : NULL),
                                        NAME_ONLY);

      add_alias (index, r, _("town"), s->town);
      add_alias (index, r, _("trust"), s->trust != NULL ? s->trust->short_name : NULL);
    }
}

static void
add_trusts (AtlasSearchIndex *index,
            AtlasDataset     *dataset)
{
  const AtlasTrust *trusts;
  guint n;

  trusts = atlas_dataset_get_trusts (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasTrust *t = &trusts[i];
      guint r = atlas_search_index_add (index, ATLAS_SEARCH_TRUST, t->id, t->name, t->short_name,
                                        NAME_ONLY);

      add_alias (index, r, _("short name"), t->short_name);
      add_alias (index, r, _("area"), t->area);
      add_text (index, r, _("kind"), t->kind);
    }
}

static void
add_partnerships (AtlasSearchIndex *index,
                  AtlasDataset     *dataset)
{
  const AtlasPartnership *partnerships;
  guint n;

  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasPartnership *p = &partnerships[i];
      guint r = atlas_search_index_add (index, ATLAS_SEARCH_PARTNERSHIP, p->id, p->name,
                                        p->short_name, NAME_ONLY);

      add_alias (index, r, _("short name"), p->short_name);
      add_text (index, r, _("description"), p->description);
      add_facts (index, r, p->facts, p->n_facts);
      add_sections (index, r, p->sections, p->n_sections);
    }
}

static void
add_priorities (AtlasSearchIndex *index,
                AtlasDataset     *dataset)
{
  const AtlasPriority *priorities;
  guint n;

  priorities = atlas_dataset_get_priorities (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasPriority *p = &priorities[i];
      guint r = atlas_search_index_add (index, ATLAS_SEARCH_PRIORITY, p->id, p->title,
                                        p->partnership != NULL ? p->partnership->name : p->group,
                                        NAME_ONLY);

      add_alias (index, r, _("group"), p->group);
      add_text (index, r, _("summary"), p->summary);
      add_sections (index, r, p->sections, p->n_sections);
    }
}

static void
add_updates (AtlasSearchIndex *index,
             AtlasDataset     *dataset)
{
  const AtlasUpdate *updates;
  guint n;

  updates = atlas_dataset_get_updates (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasUpdate *u = &updates[i];
      guint r = atlas_search_index_add (index, ATLAS_SEARCH_UPDATE, u->id, u->title, u->date,
                                        NAME_ONLY);

      add_alias (index, r, _("place"), u->place);
      add_alias (index, r, _("date"), u->date);
      add_text (index, r, _("summary"), u->summary);
      for (guint j = 0; j < u->n_items; j++)
        {
          /* TRANSLATORS: where a search found its words: an update's item, "item 4" */
          g_autofree char *where = g_strdup_printf (_("item %u"), j + 1);

          add_text (index, r, where, u->items[j]);
        }
    }
}

static void
add_indicators (AtlasSearchIndex *index,
                AtlasDataset     *dataset)
{
  const AtlasIndicator *indicators;
  guint n;

  indicators = atlas_dataset_get_indicators (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasIndicator *ind = &indicators[i];
      guint r = atlas_search_index_add (index, ATLAS_SEARCH_INDICATOR, ind->id, ind->title,
                                        ind->period, NAME_ONLY);

      add_alias (index, r, _("period"), ind->period);
      for (guint j = 0; j < ind->n_values; j++)
        add_alias (index, r, _("area"), ind->values[j].area);
      add_text (index, r, _("note"), ind->note);
    }
}

/* The overview: the system itself, then its headline facts. */
static void
add_system (AtlasSearchIndex *index,
            AtlasDataset     *dataset)
{
  const AtlasFact *facts;
  guint n;
  guint r = atlas_search_index_add (index, ATLAS_SEARCH_SYSTEM, atlas_dataset_get_id (dataset),
                                    atlas_dataset_get_name (dataset),
                                    atlas_dataset_get_short_name (dataset), NAME_ONLY);

  add_alias (index, r, _("short name"), atlas_dataset_get_short_name (dataset));
  add_text (index, r, _("NHS body"), atlas_dataset_get_nhs_body (dataset));
  add_text (index, r, _("summary"), atlas_dataset_get_summary (dataset));

  facts = atlas_dataset_get_facts (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      r = atlas_search_index_add (index, ATLAS_SEARCH_FACT, facts[i].id, facts[i].label,
                                  facts[i].value, NAME_ONLY);
      add_text (index, r, _("value"), facts[i].value);
    }
}

AtlasSearchIndex *
atlas_search_index_new_for_dataset (AtlasDataset *dataset)
{
  AtlasSearchIndex *index;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  index = atlas_search_index_new ();
  add_districts (index, dataset);
  add_sites (index, dataset);
  add_trusts (index, dataset);
  add_partnerships (index, dataset);
  add_priorities (index, dataset);
  add_updates (index, dataset);
  add_indicators (index, dataset);
  add_system (index, dataset);

  return index;
}
