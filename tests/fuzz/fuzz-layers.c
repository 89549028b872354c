/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-user-layer.h"

/* A planner's layer as a map document or the settings keep it: a definition in GVariant's
 * text form (when the input starts with "{") or serialised as a{sv}, read, written back and
 * read again, and, when it embeds its file, made into a layer of the bundled Hertfordshire
 * and West Essex system. Nothing is read from a path the input names. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static AtlasDataset *hwe;

static GVariant *
read_variant (const guint8 *data,
              size_t        size)
{
  if (size > 0 && data[0] == '{')
    {
      g_autofree char *text = g_strndup ((const char *) data, size);

      return g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, NULL);
    }
  else
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, size);
      g_autoptr(GVariant) variant = g_variant_ref_sink (
        g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, bytes, FALSE));

      /* Bytes from a file are untrusted: only their normal form is read. */
      return g_variant_get_normal_form (variant);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GVariant) variant = read_variant (data, size);
  g_autoptr(GVariant) written = NULL;
  g_autoptr(AtlasLayerDefinition) definition = NULL;
  g_autoptr(AtlasLayerDefinition) again = NULL;
  g_autoptr(AtlasUserLayer) layer = NULL;
  g_autoptr(GError) error = NULL;

  if (hwe == NULL)
    hwe = atlas_dataset_load ("hwe", NULL);
  if (variant == NULL)
    return 0;
  g_variant_ref_sink (variant);
  definition = atlas_layer_definition_new_from_variant (variant, &error);
  if (definition == NULL)
    {
      g_assert_true (error->domain == ATLAS_IMPORT_ERROR);
      return 0;
    }

  /* What is written is read back the same. */
  written = g_variant_ref_sink (atlas_layer_definition_to_variant (definition, TRUE));
  again = atlas_layer_definition_new_from_variant (written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->kind, ==, definition->kind);
  g_assert_cmpstr (again->name, ==, definition->name);
  g_assert_cmpstr (again->path, ==, definition->path);
  g_assert_true ((again->bytes == NULL) == (definition->bytes == NULL));
  if (definition->kind == ATLAS_LAYER_VALUES)
    {
      g_assert_cmpint (again->method, ==, definition->method);
      g_assert_cmpuint (again->n_classes, ==, definition->n_classes);
      g_assert_cmpuint (again->n_breaks, ==, definition->n_breaks);
      g_assert_cmpstr (again->palette, ==, definition->palette);
    }
  else
    {
      g_assert_cmphex (again->colour, ==, definition->colour);
      g_assert_cmpint (again->shape, ==, definition->shape);
    }

  if (definition->bytes == NULL)
    return 0;
  layer = atlas_user_layer_new (hwe, definition, &error);
  if (layer == NULL)
    {
      g_assert_true (error->domain == ATLAS_IMPORT_ERROR);
      return 0;
    }
  g_assert_true (atlas_user_layer_get_definition (layer)->kind == definition->kind);
  g_assert_true ((atlas_user_layer_get_choropleth (layer) != NULL)
                 == (definition->kind == ATLAS_LAYER_VALUES));
  g_assert_true ((atlas_user_layer_get_point_layer (layer) != NULL)
                 == (definition->kind == ATLAS_LAYER_POINTS));
  return 0;
}
