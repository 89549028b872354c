/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-data-resources.h"
#include "atlas-dataset-private.h"
#include "atlas-file-private.h"
#include "atlas-hash.h"
#include "atlas-memory-private.h"

#define RESOURCE_DATA "/io/github/icsatlas/IcsAtlas/data"

G_DEFINE_FINAL_TYPE (AtlasDataset, atlas_dataset, G_TYPE_OBJECT)

/* Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies; black
 * is left out because districts are filled with it. */
static const guint32 palette[] = {
  0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7,
};

static const char * const bundled_ids[] = { "hwe", "nel", NULL };

static gboolean
is_bundled (const char *id)
{
  return g_strv_contains (bundled_ids, id);
}

#define READ_CHUNK (256 * 1024)

/* Files from this size on are read into huge pages (see atlas-memory-private.h). */
#define LARGE_FILE (2 * 1024 * 1024)

typedef struct {
  gpointer data;
  gsize size;
} LargeBlock;

static void
free_large_block (gpointer data)
{
  LargeBlock *block = data;

  _atlas_large_free (block->data, block->size);
  g_free (block);
}

/* As below, for a file whose size is known to be large: room for it and a chunk more, so
 * that the read that finds its end needs no growing; doubled (and copied) if it grows. */
static GBytes *
read_large_file (GInputStream  *stream,
                 gsize          size,
                 gsize          limit,
                 gboolean      *too_large,
                 GError       **error)
{
  LargeBlock *block = g_new (LargeBlock, 1);
  gsize total = 0, bytes_read = 0;

  block->size = size + READ_CHUNK;
  block->data = _atlas_large_alloc (block->size);
  for (;;)
    {
      gsize want = MIN (READ_CHUNK, limit + 1 - total);

      if (total + want > block->size)
        {
          gsize grown = MAX (block->size * 2, total + want);
          gpointer data = _atlas_large_alloc (grown);

          memcpy (data, block->data, total);
          _atlas_large_free (block->data, block->size);
          block->data = data;
          block->size = grown;
        }
      if (!g_input_stream_read_all (stream, (char *) block->data + total, want, &bytes_read,
                                    NULL, error))
        break;
      total += bytes_read;
      if (total > limit)
        {
          *too_large = TRUE;
          break;
        }
      if (bytes_read < want)
        return g_bytes_new_with_free_func (block->data, total, free_large_block, block);
    }
  free_large_block (block);
  return NULL;
}

/* Reads the file into memory of our own (never a mapping of it), so that the file changing
 * or disappearing later cannot touch a loaded dataset. A file over `limit` bytes is refused
 * from its size before any of it is read, and reading stops past the limit in case the file
 * grows meanwhile (or its size is not known). */
GBytes *
_atlas_dataset_read_file (GFile     *file,
                          gsize      limit,
                          gboolean  *too_large,
                          GError   **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  gsize total = 0, bytes_read = 0;
  goffset size = -1;

  *too_large = FALSE;
  if (g_file_has_uri_scheme (file, "resource"))
    return g_file_load_bytes (file, NULL, NULL, error);

  if (g_file_is_native (file))
    {
      g_autofree char *path = g_file_get_path (file);

      /* Refuses pipes, devices and folders without blocking on them. */
      stream = _atlas_file_open_regular (path, &size, error);
      if (stream == NULL)
        return NULL;
    }
  else
    {
      g_autoptr(GFileInfo) info = NULL;

      stream = G_INPUT_STREAM (g_file_read (file, NULL, error));
      if (stream == NULL)
        return NULL;
      info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (stream),
                                             G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        size = g_file_info_get_size (info);
    }

  if (size >= 0)
    {
      if (size > (goffset) limit)
        {
          *too_large = TRUE;
          return NULL;
        }
      if (size >= LARGE_FILE)
        return read_large_file (stream, size, limit, too_large, error);
      buffer = g_byte_array_sized_new (size + 1);
    }
  else
    buffer = g_byte_array_sized_new (READ_CHUNK);

  for (;;)
    {
      gsize want = MIN (READ_CHUNK, limit + 1 - total);

      g_byte_array_set_size (buffer, total + want);
      if (!g_input_stream_read_all (stream, buffer->data + total, want, &bytes_read, NULL,
                                    error))
        return NULL;
      total += bytes_read;
      if (total > limit)
        {
          *too_large = TRUE;
          return NULL;
        }
      if (bytes_read < want)
        break;
    }
  g_byte_array_set_size (buffer, total);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static AtlasDataset *
load_from_bytes (GBytes      *bytes,
                 const char  *display_name,
                 GFile       *base,
                 GError     **error)
{
  g_autoptr(AtlasDataset) self = NULL;
  g_autoptr(AtlasJsonDocument) doc = NULL;
  g_autofree char *display_dir = g_path_get_dirname (display_name);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  doc = atlas_json_document_parse (data != NULL ? data : "", length, display_name, error);
  if (doc == NULL)
    return NULL;

  self = g_object_new (ATLAS_TYPE_DATASET, NULL);
  if (!_atlas_dataset_build (self, doc, base, display_dir, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Loads the dataset from what was read, or reports why nothing was: failure says what went
 * wrong, read_error the reason. */
static AtlasDataset *
load_read_bytes (GBytes        *bytes,
                 const GError  *read_error,
                 const char    *failure,
                 const char    *display_name,
                 GFile         *base,
                 GError       **error)
{
  if (bytes == NULL)
    {
      g_set_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO, "%s:1:1: $: %s: %s",
                   display_name, failure, read_error->message);
      return NULL;
    }
  return load_from_bytes (bytes, display_name, base, error);
}

/* Reads a dataset file, refusing one over the size limit before reading it, and loads it. */
static AtlasDataset *
load_file (GFile       *file,
           const char  *display_name,
           GError     **error)
{
  g_autoptr(GFile) base = g_file_get_parent (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean too_large;

  bytes = _atlas_dataset_read_file (file, ATLAS_JSON_MAX_INPUT, &too_large, &local_error);
  if (too_large)
    {
      g_set_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_LIMIT,
                   "%s:1:1: $: file is larger than %d MiB", display_name,
                   ATLAS_JSON_MAX_INPUT / (1024 * 1024));
      return NULL;
    }
  return load_read_bytes (bytes, local_error, "cannot read the file", display_name, base, error);
}

static void
atlas_dataset_finalize (GObject *object)
{
  AtlasDataset *self = ATLAS_DATASET (object);
  guint i;

  for (i = 0; i < self->n_districts; i++)
    atlas_shape_free ((AtlasShape *) self->districts[i].shape);
  g_clear_pointer (&self->index, atlas_spatial_index_free);
  g_clear_pointer (&self->source_ids, g_hash_table_unref);
  g_clear_pointer (&self->district_ids, g_hash_table_unref);
  g_clear_pointer (&self->partnership_ids, g_hash_table_unref);
  g_clear_pointer (&self->trust_ids, g_hash_table_unref);
  g_clear_pointer (&self->site_ids, g_hash_table_unref);
  g_clear_pointer (&self->priority_ids, g_hash_table_unref);
  g_clear_pointer (&self->allocations, g_ptr_array_unref);
  g_clear_pointer (&self->doc, atlas_json_document_unref);

  G_OBJECT_CLASS (atlas_dataset_parent_class)->finalize (object);
}

static void
atlas_dataset_class_init (AtlasDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_dataset_finalize;
}

static void
atlas_dataset_init (AtlasDataset *self)
{
  self->allocations = g_ptr_array_new_with_free_func (g_free);
  self->source_ids = atlas_str_table_new (NULL);
  self->district_ids = atlas_str_table_new (NULL);
  self->partnership_ids = atlas_str_table_new (NULL);
  self->trust_ids = atlas_str_table_new (NULL);
  self->site_ids = atlas_str_table_new (NULL);
  self->priority_ids = atlas_str_table_new (NULL);
  atlas_bbox_init_empty (&self->bbox);
}

gpointer
_atlas_dataset_alloc (AtlasDataset *self,
                      gsize         n,
                      gsize         size)
{
  gpointer mem = g_malloc0_n (MAX (n, 1), size);

  g_ptr_array_add (self->allocations, mem);
  return mem;
}

/* Loads a bundled system ("hwe", "nel") or, for anything else, the file at that path. */
AtlasDataset *
atlas_dataset_load (const char  *id_or_path,
                    GError     **error)
{
  g_return_val_if_fail (id_or_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (is_bundled (id_or_path))
    {
      /* Referencing the resource links it into the program (and registers it), even from a
       * static library that nothing else in the program takes it from. */
      GResource *bundled = atlas_data_get_resource ();
      g_autofree char *path = g_strdup_printf (RESOURCE_DATA "/%s/%s.json", id_or_path,
                                               id_or_path);
      g_autofree char *uri = g_strconcat ("resource://", RESOURCE_DATA "/", id_or_path, NULL);
      g_autofree char *display = g_strconcat (id_or_path, ".json", NULL);
      g_autoptr(GFile) base = g_file_new_for_uri (uri);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;

      bytes = g_resource_lookup_data (bundled, path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      return load_read_bytes (bytes, local_error, "the bundled dataset is missing", display, base,
                              error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (id_or_path);

      return load_file (file, id_or_path, error);
    }
}

AtlasDataset *
atlas_dataset_load_file (GFile   *file,
                         GError **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_is_native (file))
    {
      name = g_file_get_path (file);
      return atlas_dataset_load (name, error);
    }
  else
    {
      name = g_file_get_basename (file);
      return load_file (file, name, error);
    }
}

/* base is the folder holding the dataset: the boundary file is looked up there. */
AtlasDataset *
atlas_dataset_load_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GFile       *base,
                          GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (base == NULL || G_IS_FILE (base), NULL);

  return load_from_bytes (bytes, display_name, base, error);
}

const char * const *
atlas_dataset_bundled_ids (void)
{
  return bundled_ids;
}

#define GETTER(type, field, name) \
  type atlas_dataset_get_##name (AtlasDataset *self) \
  { \
    g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL); \
    return self->field; \
  }

GETTER (const char *, id, id)
GETTER (const char *, name, name)
GETTER (const char *, short_name, short_name)
GETTER (const char *, summary, summary)
GETTER (const char *, nhs_body, nhs_body)
GETTER (const char *, source, source)
GETTER (const char *, boundary_licence, boundary_licence)
GETTER (const char *, boundary_source, boundary_source)

const char *
atlas_dataset_get_field_source (AtlasDataset *self,
                                const char   *field)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return atlas_field_source (self->source, self->field_sources, self->n_field_sources, field);
}

const char *
atlas_field_source (const char             *record_source,
                    const AtlasFieldSource *field_sources,
                    guint                   n_field_sources,
                    const char             *field)
{
  for (guint i = 0; field != NULL && i < n_field_sources; i++)
    if (g_strcmp0 (field_sources[i].field, field) == 0)
      return field_sources[i].source;
  return record_source;
}

const AtlasBBox *
atlas_dataset_get_bbox (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return &self->bbox;
}

#define LIST_GETTER(type, field, name) \
  const type *atlas_dataset_get_##name (AtlasDataset *self, guint *n) \
  { \
    g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL); \
    if (n != NULL) \
      *n = self->n_##field; \
    return self->field; \
  }

LIST_GETTER (AtlasSource, sources, sources)
LIST_GETTER (AtlasFact, facts, facts)
LIST_GETTER (AtlasDistrict, districts, districts)
LIST_GETTER (AtlasPartnership, partnerships, partnerships)
LIST_GETTER (AtlasTrust, trusts, trusts)
LIST_GETTER (AtlasSite, sites, sites)
LIST_GETTER (AtlasPriority, priorities, priorities)
LIST_GETTER (AtlasIndicator, indicators, indicators)
LIST_GETTER (AtlasUpdate, updates, updates)

#define FINDER(type, table, name) \
  const type *atlas_dataset_find_##name (AtlasDataset *self, const char *id) \
  { \
    g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL); \
    if (id == NULL) \
      return NULL; \
    return g_hash_table_lookup (self->table, id); \
  }

FINDER (AtlasSource, source_ids, source)
FINDER (AtlasDistrict, district_ids, district)
FINDER (AtlasPartnership, partnership_ids, partnership)
FINDER (AtlasTrust, trust_ids, trust)
FINDER (AtlasSite, site_ids, site)
FINDER (AtlasPriority, priority_ids, priority)

const AtlasDistrict *
atlas_dataset_locate (AtlasDataset *self,
                      double        lat,
                      double        lon)
{
  int found;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  if (self->index == NULL)
    return NULL;
  found = atlas_spatial_index_locate (self->index, lon, lat);
  return found >= 0 ? &self->districts[found] : NULL;
}

const AtlasDistrict *
atlas_dataset_locate_brute (AtlasDataset *self,
                            double        lat,
                            double        lon)
{
  guint i;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  for (i = 0; i < self->n_districts; i++)
    if (self->districts[i].shape != NULL &&
        atlas_shape_contains (self->districts[i].shape, lon, lat))
      return &self->districts[i];
  return NULL;
}

guint32
atlas_dataset_get_partnership_colour (AtlasDataset           *self,
                                      const AtlasPartnership *partnership)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);
  g_return_val_if_fail (partnership != NULL, 0);

  if (partnership->has_colour)
    return partnership->colour;
  return palette[partnership->index % G_N_ELEMENTS (palette)];
}
