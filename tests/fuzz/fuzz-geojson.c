/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "atlas-geojson.h"
#include "atlas-geometry-private.h"
#include "atlas-spatial-index.h"

/* The boundary decoder on arbitrary bytes: GeoJSON is parsed, decoded into shapes, and the
 * shapes are indexed and hit-tested, as loading a dataset does. Every ring of a shape that was
 * accepted is checked again by the crossing check's sweep alone, which must agree that it does
 * not cross itself; and their poles are found, as placing names does. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
probe (GHashTable *shapes)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(AtlasSpatialIndex) index = NULL;
  GHashTableIter iter;
  gpointer value;
  guint i;

  g_hash_table_iter_init (&iter, shapes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value != NULL)
      g_ptr_array_add (list, value);
  if (list->len == 0)
    return;

  index = atlas_spatial_index_new ((const AtlasShape * const *) list->pdata, list->len);
  for (i = 0; i < list->len; i++)
    {
      const AtlasShape *shape = g_ptr_array_index (list, i);
      AtlasPoint pole;
      double radius;
      int found;

      found = atlas_spatial_index_locate (index, shape->label_point.x, shape->label_point.y);
      g_assert (found >= -1 && found < (int) list->len);
      atlas_shape_contains (shape, shape->bbox.min_x, shape->bbox.min_y);
      for (guint r = 0; r < shape->n_rings; r++)
        g_assert (!_atlas_ring_crosses_itself_by_sweep (&shape->points[shape->ring_start[r]],
                                                        shape->ring_start[r + 1]
                                                        - shape->ring_start[r]));
      /* Names are placed at the pole: bounded work and a finite answer for any shape. */
      atlas_shape_get_pole (shape, &pole, &radius);
      g_assert (radius >= 0);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) doc = NULL;
  g_autoptr(AtlasProblems) problems = NULL;
  g_autoptr(GHashTable) shapes = NULL;
  g_autoptr(GError) report = NULL;

  doc = atlas_json_document_parse ((const char *) data, size, "fuzz.geojson", &error);
  if (doc == NULL)
    return 0;

  problems = atlas_problems_new ();
  shapes = atlas_geojson_read_boundaries (atlas_json_document_get_root (doc), "fuzz.geojson",
                                          "code", problems);
  g_assert (shapes != NULL);
  probe (shapes);
  if (!atlas_problems_check (problems, &report))
    g_assert (g_str_has_prefix (report->message, "fuzz.geojson:"));
  return 0;
}
