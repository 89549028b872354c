/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-points-private.h"

#include <math.h>
#include <string.h>

#include "atlas-area-values-private.h"
#include "atlas-dataset-private.h"


G_DEFINE_FINAL_TYPE (AtlasPoints, atlas_points, G_TYPE_OBJECT)

static const char * const lat_headers[] = {
  "latitude", "lat", "wgs84latitude", "latitudewgs84", NULL,
};
static const char * const lon_headers[] = {
  "longitude", "lon", "lng", "long", "wgs84longitude", "longitudewgs84", NULL,
};
static const char * const name_headers[] = {
  "name", "sitename", "organisationname", "practicename", "title", "label", NULL,
};

static void
atlas_points_finalize (GObject *object)
{
  AtlasPoints *self = ATLAS_POINTS (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->table, atlas_table_unref);
  g_clear_pointer (&self->doc, atlas_json_document_unref);
  g_clear_pointer (&self->texts, g_string_chunk_free);
  g_free (self->source);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->field_names, g_ptr_array_unref);
  g_clear_pointer (&self->field_values, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_points_parent_class)->finalize (object);
}

static void
atlas_points_class_init (AtlasPointsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_points_finalize;
}

static void
atlas_points_init (AtlasPoints *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (AtlasPlace));
  self->field_names = g_ptr_array_new ();
  self->field_values = g_ptr_array_new ();
  self->texts = g_string_chunk_new (4096);
}

AtlasPoints *
_atlas_points_new (AtlasDataset *dataset,
                   const char   *display_name)
{
  AtlasPoints *self = g_object_new (ATLAS_TYPE_POINTS, NULL);

  self->dataset = g_object_ref (dataset);
  self->source = g_path_get_basename (display_name);
  return self;
}

void
_atlas_points_add (AtlasPoints *self,
                   AtlasPlace  *point)
{
  point->district = atlas_dataset_locate (self->dataset, point->lat, point->lon);
  if (point->district == NULL)
    self->n_outside++;
  g_array_append_val (self->points, *point);
}

const char *
_atlas_points_coordinate_problem (double value,
                                  double limit)
{
  if (value < -limit || value > limit)
    return limit == 90 ? "a latitude must lie between -90 and 90"
                       : "a longitude must lie between -180 and 180";
  return NULL;
}

/* CSV */

static gboolean
read_coordinate (AtlasTable  *table,
                 guint        row,
                 int          column,
                 double       limit,
                 double      *out,
                 GError     **error)
{
  const char *text = atlas_table_get_cell (table, row, column);
  const char *what = limit == 90 ? "latitude" : "longitude";
  const char *problem;
  gboolean percent = FALSE;

  if (column >= (int) atlas_table_get_row_width (table, row))
    {
      atlas_table_set_error (table, error, ATLAS_IMPORT_ERROR_LAYOUT, row, column,
                             "this row has %u fields and no %s",
                             atlas_table_get_row_width (table, row), what);
      return FALSE;
    }
  if (*text == '\0')
    {
      atlas_table_set_error (table, error, ATLAS_IMPORT_ERROR_VALUE, row, column, "no %s", what);
      return FALSE;
    }
  if (!_atlas_area_parse_number (text, atlas_table_get_delimiter (table), out, &percent)
      || percent)
    {
      atlas_table_set_error (table, error, ATLAS_IMPORT_ERROR_VALUE, row, column,
                             "the %s “%s” is not a number", what, text);
      return FALSE;
    }
  if ((problem = _atlas_points_coordinate_problem (*out, limit)) != NULL)
    {
      atlas_table_set_error (table, error, ATLAS_IMPORT_ERROR_VALUE, row, column, "%s, not %s",
                             problem, text);
      return FALSE;
    }
  return TRUE;
}

static int
find_name_column (AtlasTable *table,
                  int         lat,
                  int         lon)
{
  int column = _atlas_area_find_header (table, name_headers, NULL, NULL, 0);
  guint n = atlas_table_get_n_columns (table);

  /* Else the first column whose first row is text. */
  for (guint c = 0; c < n && column < 0; c++)
    {
      double value;
      gboolean percent;

      if ((int) c != lat && (int) c != lon
          && !_atlas_area_parse_number (atlas_table_get_cell (table, 0, c), ',', &value,
                                        &percent))
        column = c;
    }
  return column;
}

gboolean
atlas_points_table_has_coordinates (AtlasTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  return _atlas_area_find_header (table, lat_headers, NULL, NULL, 0) >= 0
         && _atlas_area_find_header (table, lon_headers, NULL, NULL, 0) >= 0;
}

AtlasPoints *
atlas_points_new_from_table (AtlasTable    *table,
                             AtlasDataset  *dataset,
                             GError       **error)
{
  g_autoptr(AtlasPoints) self = NULL;
  guint n_rows, n_columns;
  int lat, lon, name;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  lat = _atlas_area_find_header (table, lat_headers, NULL, NULL, 0);
  lon = _atlas_area_find_header (table, lon_headers, NULL, NULL, 0);
  if (lat < 0 || lon < 0)
    {
      atlas_table_set_error (table, error, ATLAS_IMPORT_ERROR_LAYOUT, ATLAS_TABLE_HEADER, 0,
                             "no %s column: points need columns headed “Latitude” and "
                             "“Longitude” (or “lat” and “lon”), in degrees",
                             lat < 0 ? "latitude" : "longitude");
      return NULL;
    }
  n_rows = atlas_table_get_n_rows (table);
  if (n_rows > ATLAS_POINTS_MAX)
    {
      atlas_table_set_error (table, error, ATLAS_IMPORT_ERROR_LIMIT, ATLAS_POINTS_MAX, 0,
                             "more than %d points", ATLAS_POINTS_MAX);
      return NULL;
    }

  self = _atlas_points_new (dataset, atlas_table_get_name (table));
  self->table = atlas_table_ref (table);
  name = find_name_column (table, lat, lon);
  n_columns = atlas_table_get_n_columns (table);
  for (guint row = 0; row < n_rows; row++)
    {
      AtlasPlace p = { 0 };

      if (!read_coordinate (table, row, lat, 90, &p.lat, error)
          || !read_coordinate (table, row, lon, 180, &p.lon, error))
        return NULL;
      p.name = name >= 0 ? atlas_table_get_cell (table, row, name) : "";
      atlas_table_get_position (table, row, 0, &p.line, &p.column);
      p.first_field = self->field_names->len;
      p.n_fields = MIN (atlas_table_get_row_width (table, row), n_columns);
      for (guint c = 0; c < p.n_fields; c++)
        {
          g_ptr_array_add (self->field_names, (gpointer) atlas_table_get_column_name (table, c));
          g_ptr_array_add (self->field_values, (gpointer) atlas_table_get_cell (table, row, c));
        }
      _atlas_points_add (self, &p);
    }
  return g_steal_pointer (&self);
}

AtlasPoints *
atlas_points_new_from_bytes (GBytes        *bytes,
                             const char    *display_name,
                             AtlasDataset  *dataset,
                             GError       **error)
{
  g_autoptr(AtlasTable) table = NULL;
  gsize length, i = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i < length && data[i] == '{')
    return atlas_points_new_from_geojson (data, length, display_name, dataset, error);

  table = atlas_table_parse (data, length, display_name, error);
  if (table == NULL)
    return NULL;
  return atlas_points_new_from_table (table, dataset, error);
}

AtlasPoints *
atlas_points_load_file (GFile         *file,
                        const char    *display_name,
                        AtlasDataset  *dataset,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean too_large;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = _atlas_dataset_read_file (file, ATLAS_TABLE_MAX_INPUT, &too_large, &local_error);
  if (too_large)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_LIMIT,
                   "%s:1:1: file is larger than %d MiB", display_name,
                   ATLAS_TABLE_MAX_INPUT / (1024 * 1024));
      return NULL;
    }
  if (bytes == NULL)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_IO,
                   "%s:1:1: cannot read the file: %s", display_name, local_error->message);
      return NULL;
    }
  return atlas_points_new_from_bytes (bytes, display_name, dataset, error);
}

AtlasDataset *
atlas_points_get_dataset (AtlasPoints *self)
{
  g_return_val_if_fail (ATLAS_IS_POINTS (self), NULL);
  return self->dataset;
}

const char *
atlas_points_get_source (AtlasPoints *self)
{
  g_return_val_if_fail (ATLAS_IS_POINTS (self), NULL);
  return self->source;
}

const AtlasPlace *
atlas_points_get_places (AtlasPoints *self,
                         guint       *n)
{
  g_return_val_if_fail (ATLAS_IS_POINTS (self), NULL);
  if (n != NULL)
    *n = self->points->len;
  return (const AtlasPlace *) self->points->data;
}

guint
atlas_points_get_n_outside (AtlasPoints *self)
{
  g_return_val_if_fail (ATLAS_IS_POINTS (self), 0);
  return self->n_outside;
}

void
atlas_points_get_field (AtlasPoints      *self,
                        const AtlasPlace *point,
                        guint             i,
                        const char      **name,
                        const char      **value)
{
  g_return_if_fail (ATLAS_IS_POINTS (self));
  g_return_if_fail (point != NULL && i < point->n_fields);

  if (name != NULL)
    *name = g_ptr_array_index (self->field_names, point->first_field + i);
  if (value != NULL)
    *value = g_ptr_array_index (self->field_values, point->first_field + i);
}
