/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-document-private.h"

#include <string.h>

#include "atlas-dataset-private.h"
#include "atlas-export.h"

AtlasDocument *
_atlas_document_new (void)
{
  AtlasDocument *self = g_new0 (AtlasDocument, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->annotations = atlas_annotation_set_new (NULL, 0);
  self->data_layers = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_document_layer_free);
  return self;
}

AtlasDocument *
atlas_document_ref (AtlasDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_document_unref (AtlasDocument *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->json, atlas_json_document_unref);
  g_free (self->display_name);
  g_free (self->system_id);
  g_free (self->dataset_path);
  g_free (self->thematic);
  g_free (self->selection_id);
  g_free (self->basemap);
  atlas_annotation_set_unref (self->annotations);
  g_ptr_array_unref (self->data_layers);
  g_free (self);
}

AtlasDocument *
atlas_document_read_bytes (GBytes      *bytes,
                           const char  *display_name,
                           GFile       *base,
                           GError     **error)
{
  g_autoptr(AtlasDocument) self = NULL;
  g_autoptr(AtlasProblems) problems = NULL;
  AtlasDocumentReader reader;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL && display_name != NULL, NULL);
  g_return_val_if_fail (base == NULL || G_IS_FILE (base), NULL);

  self = _atlas_document_new ();
  self->display_name = g_strdup (display_name);
  data = g_bytes_get_data (bytes, &size);
  self->json = atlas_json_document_parse (data != NULL ? data : "", size, self->display_name,
                                          error);
  if (self->json == NULL)
    return NULL;

  problems = atlas_problems_new ();
  reader = (AtlasDocumentReader) { .name = self->display_name, .problems = problems };
  _atlas_document_read_root (&reader, self, atlas_json_document_get_root (self->json), base);
  if (!atlas_problems_check (problems, error))
    return NULL;
  return g_steal_pointer (&self);
}

AtlasDocument *
atlas_document_read (GFile      *file,
                     const char *display_name,
                     GError    **error)
{
  g_autoptr(GFile) base = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean too_large = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = display_name != NULL ? g_strdup (display_name) : g_file_get_parse_name (file);
  base = g_file_get_parent (file);
  bytes = _atlas_dataset_read_file (file, ATLAS_JSON_MAX_INPUT, &too_large, &local_error);
  if (too_large)
    {
      g_set_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_LIMIT,
                   "%s:1:1: $: file is larger than %d MiB", name,
                   ATLAS_JSON_MAX_INPUT / (1024 * 1024));
      return NULL;
    }
  if (bytes == NULL)
    {
      g_set_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO,
                   "%s:1:1: $: cannot read the file: %s", name, local_error->message);
      return NULL;
    }
  return atlas_document_read_bytes (bytes, name, base, error);
}

const char *
atlas_document_get_system (AtlasDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset_path != NULL ? self->dataset_path : self->system_id;
}

AtlasDataset *
atlas_document_load_dataset (AtlasDocument  *self,
                             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  AtlasDataset *dataset;

  g_return_val_if_fail (self != NULL, NULL);

  /* A file that is not there is the document's problem, said in the document's words. */
  if (self->dataset_path != NULL && self->system_node != NULL
      && !g_file_test (self->dataset_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = NULL;

      message = atlas_json_node_format_problem (self->system_node, self->display_name,
                                                "no dataset file \"%s\" (a path relative to "
                                                "the document's folder)",
                                                self->system_node->v.string.str);
      g_set_error_literal (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_REFERENCE, message);
      return NULL;
    }
  dataset = atlas_dataset_load (atlas_document_get_system (self), &local_error);
  if (dataset != NULL)
    return dataset;
  /* One that cannot be read likewise; a dataset with problems has them located in its own
   * files. */
  if (local_error->code == ATLAS_DATASET_ERROR_IO && self->system_node != NULL)
    {
      g_autofree char *message = NULL;

      message = atlas_json_node_format_problem (self->system_node, self->display_name,
                                                "cannot open the system's dataset: %s",
                                                local_error->message);
      g_set_error_literal (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_REFERENCE, message);
      return NULL;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static void
check_thematic (AtlasDocument       *self,
                AtlasDocumentReader *reader,
                AtlasDataset        *dataset)
{
  const AtlasIndicator *indicators;
  g_autoptr(GString) ids = g_string_new ("\"" ATLAS_MAP_STATE_PARTNERSHIPS "\"");
  guint n = 0;

  if (self->thematic == NULL || strcmp (self->thematic, ATLAS_MAP_STATE_PARTNERSHIPS) == 0)
    return;
  /* A planner's values layer the document embeds. */
  for (guint i = 0; i < self->data_layers->len; i++)
    if (g_strcmp0 (_atlas_document_layer_get_id (self->data_layers->pdata[i]),
                   self->thematic) == 0)
      return;
  indicators = atlas_dataset_get_indicators (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      if (strcmp (indicators[i].id, self->thematic) == 0)
        return;
      g_string_append_printf (ids, ", \"%s\"", indicators[i].id);
    }
  _atlas_loader_problem (reader, self->thematic_node, ATLAS_DATASET_ERROR_REFERENCE,
                         "%s has no thematic layer \"%s\"; expected one of %s",
                         atlas_dataset_get_id (dataset), self->thematic, ids->str);
}

gboolean
atlas_document_check (AtlasDocument  *self,
                      AtlasDataset   *dataset,
                      GError        **error)
{
  g_autoptr(AtlasProblems) problems = atlas_problems_new ();
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();
  AtlasDocumentReader reader = { .name = self->display_name, .problems = problems };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);

  /* A document made from a state has nothing to locate, and is right by construction. */
  if (self->json == NULL)
    return TRUE;
  if (self->dataset_path != NULL && self->system_id != NULL
      && strcmp (self->system_id, atlas_dataset_get_id (dataset)) != 0)
    _atlas_loader_problem (&reader,
                           atlas_json_node_get_member (self->system_node->parent, "id"),
                           ATLAS_DATASET_ERROR_REFERENCE,
                           "the dataset file holds the system \"%s\", not \"%s\"",
                           atlas_dataset_get_id (dataset), self->system_id);
  check_thematic (self, &reader, dataset);
  atlas_selection_set_dataset (selection, dataset);
  if (self->selection_id != NULL
      && !atlas_selection_select (selection, self->selection_kind, self->selection_id))
    _atlas_loader_problem (&reader, self->selection_node, ATLAS_DATASET_ERROR_REFERENCE,
                           "no %s has id \"%s\" in %s",
                           atlas_selection_kind_to_string (self->selection_kind),
                           self->selection_id, atlas_dataset_get_id (dataset));
  return atlas_problems_check (problems, error);
}

AtlasDocument *
atlas_document_open (GFile          *file,
                     const char     *display_name,
                     AtlasDataset  **dataset,
                     GError        **error)
{
  g_autoptr(AtlasDocument) self = NULL;
  g_autoptr(AtlasDataset) loaded = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);

  self = atlas_document_read (file, display_name, error);
  if (self == NULL || (loaded = atlas_document_load_dataset (self, error)) == NULL
      || !atlas_document_check (self, loaded, error))
    return NULL;
  *dataset = g_steal_pointer (&loaded);
  return g_steal_pointer (&self);
}

void
atlas_document_apply (AtlasDocument *self,
                      AtlasMapState *state)
{
  AtlasSelection *selection;

  g_return_if_fail (self != NULL);
  g_return_if_fail (ATLAS_IS_MAP_STATE (state));

  atlas_map_state_set_thematic (state, self->thematic != NULL ? self->thematic
                                                              : ATLAS_MAP_STATE_PARTNERSHIPS);
  selection = atlas_map_state_get_selection (state);
  if (self->selection_id != NULL)
    atlas_selection_select (selection, self->selection_kind, self->selection_id);
  else
    atlas_selection_clear (selection);
  atlas_map_state_set_basemap (state, atlas_document_get_basemap (self));
  if (self->has_view)
    atlas_map_state_set_view (state, &self->view);
  atlas_annotation_list_reset (atlas_map_state_get_annotations (state), self->annotations);
}

gboolean
atlas_document_get_view (AtlasDocument *self,
                         AtlasBBox     *view)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->has_view && view != NULL)
    *view = self->view;
  return self->has_view;
}

const char *
atlas_document_get_basemap (AtlasDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->basemap != NULL ? self->basemap : "offline";
}

AtlasAnnotationSet *
atlas_document_get_annotations (AtlasDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->annotations;
}

GPtrArray *
atlas_document_get_data_layers (AtlasDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->data_layers;
}

AtlasDocument *
atlas_document_new_from_state (AtlasMapState   *state,
                               const char      *system,
                               const AtlasBBox *view,
                               GPtrArray       *data_layers)
{
  AtlasDocument *self;
  AtlasSelection *selection;
  g_autoptr(GPtrArray) collected = NULL;

  g_return_val_if_fail (ATLAS_IS_MAP_STATE (state), NULL);
  g_return_val_if_fail (system != NULL, NULL);

  self = _atlas_document_new ();
  if (g_strv_contains (atlas_dataset_bundled_ids (), system))
    self->system_id = g_strdup (system);
  else
    {
      AtlasDataset *dataset = atlas_map_state_get_dataset (state);

      self->dataset_path = g_strdup (system);
      self->system_id = dataset != NULL ? g_strdup (atlas_dataset_get_id (dataset)) : NULL;
    }
  if (view != NULL)
    {
      self->view = *view;
      self->has_view = TRUE;
    }
  self->thematic = g_strdup (atlas_map_state_get_thematic (state));
  selection = atlas_map_state_get_selection (state);
  self->selection_kind = atlas_selection_get_kind (selection);
  self->selection_id = g_strdup (atlas_selection_get_id (selection));
  self->basemap = g_strdup (atlas_map_state_get_basemap (state));
  atlas_annotation_set_unref (self->annotations);
  self->annotations = atlas_annotation_set_ref (atlas_annotation_list_get_set (
                                                  atlas_map_state_get_annotations (state)));
  collected = atlas_document_collect_data_layers (state);
  for (guint i = 0; i < collected->len; i++)
    g_ptr_array_add (self->data_layers, atlas_document_layer_copy (collected->pdata[i]));
  for (guint i = 0; data_layers != NULL && i < data_layers->len; i++)
    g_ptr_array_add (self->data_layers, atlas_document_layer_copy (data_layers->pdata[i]));
  return self;
}

gboolean
atlas_document_is_document_name (const char *name)
{
  return name != NULL && g_str_has_suffix (name, ATLAS_DOCUMENT_SUFFIX)
         && strlen (name) > strlen (ATLAS_DOCUMENT_SUFFIX);
}

gboolean
atlas_document_write (AtlasDocument  *self,
                      GFile          *file,
                      GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = atlas_document_to_bytes (self, file);
  return atlas_export_write_bytes (bytes, file, NULL, error);
}
