/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "atlas-cli-document.h"
#include "atlas-document.h"
#include "atlas-document-layers.h"

static AtlasDocument *
open_or_report (const char    *path,
                AtlasDataset **dataset)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  AtlasDocument *document;

  /* Messages name the file as it was given. */
  document = atlas_document_open (file, path, dataset, &error);
  if (document == NULL)
    fprintf (stderr, "%s\n", error->message);
  return document;
}

int
_atlas_cli_validate_document (const char *path)
{
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasDocument) document = open_or_report (path, &dataset);
  guint n;

  if (document == NULL)
    return 1;
  n = atlas_annotation_set_get_n (atlas_document_get_annotations (document));
  printf ("%s: map of %s, %u annotation%s, %u data layer%s\n", path,
          atlas_dataset_get_id (dataset), n, n == 1 ? "" : "s",
          atlas_document_get_data_layers (document)->len,
          atlas_document_get_data_layers (document)->len == 1 ? "" : "s");
  return 0;
}

AtlasMapState *
_atlas_cli_open_map (GVariantDict *options,
                     const char   *path)
{
  static const char * const conflicts[] = { "dataset", "select", "thematic" };
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasDocument) document = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  AtlasMapState *state;

  for (guint i = 0; i < G_N_ELEMENTS (conflicts); i++)
    if (g_variant_dict_contains (options, conflicts[i]))
      {
        fprintf (stderr, _("ics-atlas: --map says which system, selection and thematic layer "
                           "to show; leave out --%s\n"), conflicts[i]);
        return NULL;
      }
  document = open_or_report (path, &dataset);
  if (document == NULL)
    return NULL;
  state = atlas_map_state_new ();
  atlas_map_state_set_dataset (state, dataset);
  /* The planner's data layers first: the thematic layer may be one of them. A layer that
   * cannot be shown is an error here: the export would not be the map that was saved. */
  if (!atlas_document_restore_data_layers (state, atlas_document_get_data_layers (document),
                                           &kept, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      g_object_unref (state);
      return NULL;
    }
  atlas_document_apply (document, state);
  return state;
}
