/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filling a search index from a planner's annotations, so the search field finds them by
 * their labels and notes as it finds what the dataset says. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-search-index.h"

/* What an annotation without a label is called in results. */
static const char *
kind_name (AtlasAnnotationKind kind)
{
  switch (kind)
    {
    case ATLAS_ANNOTATION_PIN: return _("Pin");
    case ATLAS_ANNOTATION_TEXT: return _("Text Box");
    case ATLAS_ANNOTATION_ARROW: return _("Arrow");
    case ATLAS_ANNOTATION_AREA:
    default: return _("Area");
    }
}

AtlasSearchIndex *
atlas_search_index_new_for_annotations (const AtlasAnnotationSet *annotations)
{
  AtlasSearchIndex *index = atlas_search_index_new ();

  for (guint i = 0; i < atlas_annotation_set_get_n (annotations); i++)
    {
      const AtlasAnnotation *a = atlas_annotation_set_get (annotations, i);
      g_autofree char *id = g_strdup_printf ("%u", a->id);
      const char *kind = kind_name (a->kind);
      guint record;

      record = atlas_search_index_add (index, ATLAS_SEARCH_ANNOTATION, id,
                                       a->label != NULL ? a->label : kind, kind, &kind, 1);
      /* TRANSLATORS: where a search found its words: an annotation's note */
      atlas_search_index_add_field (index, record, ATLAS_SEARCH_FIELD_TEXT, _("note"), a->note);
    }
  return index;
}
