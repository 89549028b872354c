/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times each kind of export, best of a few runs: `meson test -C _build --benchmark export`. */
#include "atlas-data-resources.h"
#include "atlas-export.h"
#include "atlas-export-pack.h"

#include <glib/gstdio.h>

#define RUNS 3

typedef struct {
  const char *name;
  const char *size;
  AtlasExportFormat format;
  double target_ms;
} Case;

static double
time_export (AtlasDataset *dataset,
             const Case   *c,
             GFile        *file)
{
  double best = G_MAXDOUBLE;

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      AtlasExportOptions options;
      gint64 start;

      atlas_export_options_init (&options, dataset);
      atlas_cartography_options_set_selection (&options.carto, ATLAS_SELECTION_DISTRICT,
                                           atlas_dataset_find_district (dataset, "watford"));
      if (!atlas_export_parse_size (c->size, c->format, &options.width, &options.height, &error))
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      if (!atlas_export_to_file (&options, file, c->format, NULL, &error))
        g_error ("%s", error->message);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  return best;
}

static double
time_pack (AtlasDataset *dataset,
           GFile        *folder)
{
  double best = G_MAXDOUBLE;
  AtlasCartographyOptions light;

  atlas_cartography_options_init (&light);
  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!atlas_export_pack (dataset, folder, ATLAS_EXPORT_PACK_BY_DISTRICT, &light,
                              NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  return best;
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { "slide.png", "slide", ATLAS_EXPORT_FORMAT_PNG, 300 },
    { "4k.png", "4k", ATLAS_EXPORT_FORMAT_PNG, 1000 },
    { "slide.svg", "slide", ATLAS_EXPORT_FORMAT_SVG, 300 },
    { "a4.pdf", "a4", ATLAS_EXPORT_FORMAT_PDF, 300 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  double ms;

  (void) atlas_data_get_resource ();
  dataset = atlas_dataset_load (argc > 1 ? argv[1] : "hwe", &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  tmp = g_dir_make_tmp ("atlas-bench-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (tmp, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      ms = time_export (dataset, &cases[i], file);
      g_print ("%-10s %8.1f ms  (target %4.0f ms)\n", cases[i].name, ms, cases[i].target_ms);
      g_unlink (path);
    }

  folder = g_file_new_for_path (tmp);
  ms = time_pack (dataset, folder);
  g_print ("%-10s %8.1f ms  (target %4.0f ms)\n", "pack", ms, 3000.0);

  dir = g_dir_open (tmp, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp);
  return 0;
}
