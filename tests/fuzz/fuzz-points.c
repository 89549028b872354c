/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-points.h"

/* A point layer on arbitrary bytes (GeoJSON when they start with "{", else CSV), each point
 * located in the bundled Hertfordshire and West Essex districts. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static AtlasDataset *hwe;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasPoints) points = NULL;
  const AtlasPlace *places;
  guint n, outside = 0;

  if (hwe == NULL)
    hwe = atlas_dataset_load ("hwe", NULL);

  points = atlas_points_new_from_bytes (bytes, "fuzz.points", hwe, &error);
  if (points == NULL)
    {
      g_assert_true (error->domain == ATLAS_IMPORT_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.points:"));
      return 0;
    }
  places = atlas_points_get_places (points, &n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (places[i].lat, >=, -90);
      g_assert_cmpfloat (places[i].lat, <=, 90);
      g_assert_cmpfloat (places[i].lon, >=, -180);
      g_assert_cmpfloat (places[i].lon, <=, 180);
      g_assert_nonnull (places[i].name);
      g_assert_true (places[i].district == atlas_dataset_locate (hwe, places[i].lat,
                                                                   places[i].lon));
      outside += places[i].district == NULL;
      for (guint f = 0; f < places[i].n_fields; f++)
        {
          const char *name, *value;

          atlas_points_get_field (points, &places[i], f, &name, &value);
          g_assert_nonnull (name);
          g_assert_nonnull (value);
        }
    }
  g_assert_cmpuint (outside, ==, atlas_points_get_n_outside (points));
  return 0;
}
