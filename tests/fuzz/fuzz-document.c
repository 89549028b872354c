/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-annotation-layout.h"
#include "atlas-document.h"

/* A map document on arbitrary bytes: read, checked against the bundled systems (a dataset
 * file it names is not loaded: that is the dataset loader's target), applied to a map state,
 * laid out and drawn on a small surface, and written and read back to the same annotations.
 * The document's folder is FUZZ_BASE_DIR, so a relative dataset path resolves somewhere
 * real. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GFile *base;
static AtlasDataset *bundled[2];

static void
use (AtlasDocument *document,
     AtlasDataset  *dataset)
{
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  g_autoptr(AtlasDocument) again = NULL;
  g_autoptr(AtlasDocument) reread = NULL;
  g_autoptr(AtlasAnnotationLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCartographyOptions options;
  cairo_surface_t *surface;
  AtlasView view;
  cairo_t *cr;

  atlas_map_state_set_dataset (state, dataset);
  atlas_document_apply (document, state);
  atlas_map_state_get_cartography (state, &options);
  g_assert_cmpuint (atlas_annotation_set_get_n (options.annotations), ==,
                    atlas_annotation_set_get_n (atlas_document_get_annotations (document)));

  /* Drawn small: the cost is in the layout, not the pixels. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 160, 120);
  cr = cairo_create (surface);
  atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), 160, 120, 4);
  layout = atlas_annotation_layout_new (cr, &view, dataset, &options);
  atlas_cartography_draw_annotations (cr, layout);
  atlas_annotation_layout_hit (layout, 80, 60);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* What is written reads back to the same annotations. */
  again = atlas_document_new_from_state (state, atlas_dataset_get_id (dataset), NULL,
                                         atlas_document_get_data_layers (document));
  bytes = atlas_document_to_bytes (again, NULL);
  reread = atlas_document_read_bytes (bytes, "again.atlas", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_annotation_set_equal (atlas_document_get_annotations (document),
                                             atlas_document_get_annotations (reread)));
  g_assert_cmpuint (atlas_document_get_data_layers (reread)->len, ==,
                    atlas_document_get_data_layers (document)->len);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDocument) document = NULL;
  const char *system;

  if (base == NULL)
    {
      base = g_file_new_for_path (FUZZ_BASE_DIR);
      bundled[0] = atlas_dataset_load ("hwe", NULL);
      bundled[1] = atlas_dataset_load ("nel", NULL);
    }

  document = atlas_document_read_bytes (bytes, "fuzz.atlas", base, &error);
  if (document == NULL)
    {
      g_assert_true (error->domain == ATLAS_DATASET_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.atlas:"));
      return 0;
    }
  system = atlas_document_get_system (document);
  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    if (g_strcmp0 (system, atlas_dataset_get_id (bundled[i])) == 0)
      {
        if (atlas_document_check (document, bundled[i], &error))
          use (document, bundled[i]);
        else
          g_assert_true (g_str_has_prefix (error->message, "fuzz.atlas:"));
      }
  return 0;
}
