/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filling the search index from a dataset: which fields of each record are searchable.
 * Kept apart from the matcher so the matcher's tests need no dataset. */
#include "atlas-search-index.h"

static void
add_districts (AtlasSearchIndex *index,
               AtlasDataset     *dataset)
{
  const AtlasDistrict *districts;
  guint n, i;

  districts = atlas_dataset_get_districts (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasDistrict *d = &districts[i];
      const char *aliases[] = { d->council, d->county, d->code };

      atlas_search_index_add (index, ATLAS_SELECTION_DISTRICT, d->id, d->name,
                              d->council != NULL ? d->council : d->county,
                              aliases, G_N_ELEMENTS (aliases));
    }
}

static void
add_sites (AtlasSearchIndex *index,
           AtlasDataset     *dataset)
{
  const AtlasSite *sites;
  guint n, i;

  sites = atlas_dataset_get_sites (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasSite *s = &sites[i];
      const char *trust_short = s->trust != NULL ? s->trust->short_name : NULL;
      const char *aliases[] = { s->town, trust_short };

      atlas_search_index_add (index, ATLAS_SELECTION_SITE, s->id, s->name,
                              s->town != NULL ? s->town
                                              : (s->district != NULL ? s->district->name : NULL),
                              aliases, G_N_ELEMENTS (aliases));
    }
}

static void
add_trusts (AtlasSearchIndex *index,
            AtlasDataset     *dataset)
{
  const AtlasTrust *trusts;
  guint n, i;

  trusts = atlas_dataset_get_trusts (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasTrust *t = &trusts[i];
      const char *aliases[] = { t->short_name, t->area };

      atlas_search_index_add (index, ATLAS_SELECTION_TRUST, t->id, t->name,
                              t->short_name, aliases, G_N_ELEMENTS (aliases));
    }
}

static void
add_partnerships (AtlasSearchIndex *index,
                  AtlasDataset     *dataset)
{
  const AtlasPartnership *partnerships;
  guint n, i;

  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasPartnership *p = &partnerships[i];
      const char *aliases[] = { p->short_name };

      atlas_search_index_add (index, ATLAS_SELECTION_PARTNERSHIP, p->id, p->name,
                              p->short_name, aliases, G_N_ELEMENTS (aliases));
    }
}

static void
add_priorities (AtlasSearchIndex *index,
                AtlasDataset     *dataset)
{
  const AtlasPriority *priorities;
  guint n, i;

  priorities = atlas_dataset_get_priorities (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasPriority *p = &priorities[i];
      const char *aliases[] = { p->group };

      atlas_search_index_add (index, ATLAS_SELECTION_PRIORITY, p->id, p->title,
                              p->partnership != NULL ? p->partnership->name : p->group,
                              aliases, G_N_ELEMENTS (aliases));
    }
}

static void
add_updates (AtlasSearchIndex *index,
             AtlasDataset     *dataset)
{
  const AtlasUpdate *updates;
  guint n, i;

  updates = atlas_dataset_get_updates (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasUpdate *u = &updates[i];
      const char *aliases[] = { u->place };

      atlas_search_index_add (index, ATLAS_SELECTION_UPDATE, u->id, u->title, u->date,
                              aliases, G_N_ELEMENTS (aliases));
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

  return index;
}
