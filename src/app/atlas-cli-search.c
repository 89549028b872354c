/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "atlas-cli-search.h"
#include "atlas-search-index.h"

/* A field of a tab-separated line: control characters (tabs, line breaks) become spaces. */
static void
print_field (const char *text,
             const char *after)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    putchar ((guchar) *p < 0x20 || *p == 0x7f ? ' ' : *p);
  fputs (after, stdout);
}

int
_atlas_cli_search (AtlasDataset *dataset,
                   const char   *text)
{
  g_autoptr(AtlasDataset) owned = dataset;
  g_autoptr(AtlasSearchIndex) index = NULL;
  g_autoptr(GArray) results = NULL;

  if (dataset == NULL)
    return 1;
  index = atlas_search_index_new_for_dataset (dataset);
  results = atlas_search_index_query_full (index, text, 0, ATLAS_SEARCH_BEST_FIRST);
  if (results->len == 0)
    {
      fprintf (stderr, _("ics-atlas: nothing in %s matches “%s”\n"),
               atlas_dataset_get_id (dataset), text);
      return 1;
    }

  for (guint i = 0; i < results->len; i++)
    {
      const AtlasSearchResult *r = &g_array_index (results, AtlasSearchResult, i);

      print_field (atlas_search_kind_to_string (r->kind), "\t");
      print_field (r->id, "\t");
      print_field (r->name, "\t");
      print_field (r->where != NULL ? r->where : "name", "\n");
    }
  return 0;
}
