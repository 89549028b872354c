/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-dataset-records-private.h"
#include "atlas-file-private.h"
#include "atlas-geojson.h"

/* Loads the boundary file and gives every district its shape. */
void
_atlas_records_read_boundaries (AtlasBuild          *b,
                                const AtlasJsonNode *root,
                                GFile               *base,
                                const char          *display_dir)
{
  static const char * const allowed[] = { "file", "code_property", "source", NULL };
  AtlasLoader *l = &b->l;
  AtlasDataset *self = l->self;
  const AtlasJsonNode *node, *file_node;
  const AtlasSource *source;
  const char *file, *code_property;
  g_autofree char *display = NULL;
  g_autoptr(GFile) boundary_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) doc = NULL;
  g_autoptr(GHashTable) shapes = NULL;
  gconstpointer data;
  gsize length;
  gboolean too_large;
  guint i;

  node = _atlas_loader_member (l, root, "boundaries", ATLAS_JSON_OBJECT, TRUE);
  if (node == NULL || !_atlas_loader_check_members (l, node, allowed))
    return;
  file = _atlas_loader_text (l, node, "file", TRUE);
  code_property = _atlas_loader_text (l, node, "code_property", TRUE);
  source = _atlas_loader_reference (l, node, "source", self->source_ids, "source", TRUE);
  if (source != NULL)
    {
      self->boundary_licence = source->licence;
      self->boundary_source = source->id;
    }
  if (file == NULL || code_property == NULL)
    return;

  file_node = atlas_json_node_get_member (node, "file");
  if (g_path_is_absolute (file) || strstr (file, "..") != NULL || strchr (file, '\\') != NULL)
    {
      _atlas_loader_problem (l, file_node, ATLAS_DATASET_ERROR_SCHEMA,
                             "expected the name of a file beside the dataset, found \"%s\"", file);
      return;
    }
  if (base == NULL)
    {
      _atlas_loader_problem (l, file_node, ATLAS_DATASET_ERROR_IO,
                             "cannot read boundary file \"%s\": the dataset has no folder", file);
      return;
    }

  if (g_file_is_native (base))
    {
      g_autofree char *folder = g_file_get_path (base);
      g_autofree char *real = _atlas_file_resolve_inside (folder, file, &error);

      /* The file itself, not a link to somewhere else; read by its resolved name so that the
       * link cannot be changed between the check and the read. */
      if (real == NULL)
        {
          _atlas_loader_problem (l, file_node, ATLAS_DATASET_ERROR_IO,
                                 "cannot read boundary file \"%s\": %s", file, error->message);
          return;
        }
      boundary_file = g_file_new_for_path (real);
    }
  else
    boundary_file = g_file_resolve_relative_path (base, file);
  bytes = _atlas_dataset_read_file (boundary_file, ATLAS_JSON_MAX_INPUT, &too_large, &error);
  if (too_large)
    {
      _atlas_loader_problem (l, file_node, ATLAS_DATASET_ERROR_LIMIT,
                             "boundary file \"%s\" is larger than %d MiB", file,
                             ATLAS_JSON_MAX_INPUT / (1024 * 1024));
      return;
    }
  if (bytes == NULL)
    {
      _atlas_loader_problem (l, file_node, ATLAS_DATASET_ERROR_IO,
                             "cannot read boundary file \"%s\": %s",
                             file, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     || g_error_matches (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND)
                     ? "no such file" : error->message);
      return;
    }

  display = display_dir == NULL || strcmp (display_dir, ".") == 0
            ? g_strdup (file) : g_build_filename (display_dir, file, NULL);
  data = g_bytes_get_data (bytes, &length);
  doc = atlas_json_document_parse (data != NULL ? data : "", length, display, &error);
  if (doc == NULL)
    {
      atlas_problems_add_error (l->problems, 1, error);
      return;
    }
  shapes = atlas_geojson_read_boundaries (atlas_json_document_get_root (doc), display,
                                          code_property, l->problems);

  for (i = 0; i < self->n_districts; i++)
    {
      AtlasDistrict *district = &self->districts[i];
      gpointer shape;

      if (b->district_codes[i] == NULL)
        continue;
      if (!g_hash_table_steal_extended (shapes, district->code, NULL, &shape))
        _atlas_loader_problem (l, b->district_codes[i], ATLAS_DATASET_ERROR_GEOMETRY,
                               "no feature of %s has %s \"%s\"", display, code_property,
                               district->code);
      else
        district->shape = shape;
    }
}

void
_atlas_records_check_sites_inside (AtlasBuild *b)
{
  AtlasDataset *self = b->l.self;
  guint i;

  for (i = 0; i < self->n_sites; i++)
    {
      const AtlasSite *site = &self->sites[i];

      if (b->site_lats[i] == NULL || site->district == NULL || site->district->shape == NULL)
        continue;
      if (!atlas_shape_contains (site->district->shape, site->lon, site->lat))
        _atlas_loader_problem (&b->l, b->site_lats[i], ATLAS_DATASET_ERROR_GEOMETRY,
                               "site \"%s\" at %g, %g is not inside its district \"%s\"",
                               site->id != NULL ? site->id : site->name, site->lat, site->lon,
                               site->district->id);
    }
}
