/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>

#include "atlas-dataset.h"

/* The whole dataset loader on arbitrary bytes. The dataset's folder is FUZZ_BASE_DIR (or
 * $ATLAS_FUZZ_BASE), which holds valid boundary files, so that inputs naming one of them reach
 * the geometry checks, site containment and the spatial index. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GFile *base;

static void
use (AtlasDataset *dataset)
{
  const AtlasDistrict *districts;
  const AtlasSite *sites;
  guint n_districts, n_sites, i;

  districts = atlas_dataset_get_districts (dataset, &n_districts);
  sites = atlas_dataset_get_sites (dataset, &n_sites);
  for (i = 0; i < n_districts; i++)
    {
      g_assert (districts[i].shape != NULL);
      g_assert (atlas_dataset_find_district (dataset, districts[i].id) == &districts[i]);
      atlas_dataset_locate (dataset, districts[i].shape->label_point.y,
                            districts[i].shape->label_point.x);
    }
  for (i = 0; i < n_sites; i++)
    g_assert (atlas_dataset_locate (dataset, sites[i].lat, sites[i].lon) != NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  if (base == NULL)
    {
      const char *dir = g_getenv ("ATLAS_FUZZ_BASE");

      base = g_file_new_for_path (dir != NULL ? dir : FUZZ_BASE_DIR);
    }

  dataset = atlas_dataset_load_bytes (bytes, "fuzz.json", base, &error);
  if (dataset == NULL)
    {
      g_assert (error != NULL && error->domain == ATLAS_DATASET_ERROR);
      return 0;
    }
  use (dataset);
  return 0;
}
