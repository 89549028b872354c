/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "atlas-cli-data.h"

static const char *
lookup_path (GVariantDict *options,
             const char   *name)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^&ay", &value))
    g_variant_dict_lookup (options, name, "&s", &value);
  return value;
}

static const char *
lookup_string (GVariantDict *options,
               const char   *name)
{
  const char *value = NULL;

  g_variant_dict_lookup (options, name, "&s", &value);
  return value;
}

static AtlasLayerDefinition *
definition_for (AtlasLayerKind  kind,
                const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  AtlasLayerDefinition *definition = atlas_layer_definition_new (kind);

  /* Messages name the file as it was typed; the legend's source is its base name. */
  definition->name = g_strdup (path);
  definition->path = g_file_get_path (file);
  if (definition->path == NULL)
    definition->path = g_strdup (path);
  return definition;
}

GPtrArray *
_atlas_cli_layer_definitions (GVariantDict *options)
{
  g_autoptr(GPtrArray) definitions = NULL;
  const char *data = lookup_path (options, "data");
  const char *points = lookup_path (options, "points");
  const char *column = lookup_string (options, "column");
  const char *method = lookup_string (options, "method");
  const char *palette = lookup_string (options, "palette");
  gboolean has_classes = g_variant_dict_contains (options, "classes");

  definitions = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_layer_definition_free);
  if (data == NULL && (column != NULL || method != NULL || palette != NULL || has_classes))
    {
      fprintf (stderr, _("ics-atlas: --column, --classes, --method and --palette go with "
                         "--data FILE\n"));
      return NULL;
    }
  if (data != NULL)
    {
      AtlasLayerDefinition *definition = definition_for (ATLAS_LAYER_VALUES, data);

      g_ptr_array_add (definitions, definition);
      definition->column = g_strdup (column);
      definition->palette = g_strdup (palette);
      if (has_classes)
        {
          gint32 classes = 0;

          g_variant_dict_lookup (options, "classes", "i", &classes);
          /* The classifier says what can be asked for. */
          definition->n_classes = (guint) CLAMP (classes, 0, 1000);
        }
      if (method != NULL
          && (!atlas_classify_method_from_string (method, &definition->method)
              || definition->method == ATLAS_CLASSIFY_MANUAL))
        {
          fprintf (stderr, _("ics-atlas: --method expects quantile, equal or jenks; got “%s”\n"),
                   method);
          return NULL;
        }
    }
  if (points != NULL)
    g_ptr_array_add (definitions, definition_for (ATLAS_LAYER_POINTS, points));
  return g_steal_pointer (&definitions);
}

static void
print_unmatched (AtlasUserLayer *layer)
{
  AtlasAreaValues *values = atlas_user_layer_get_values (layer);
  guint n = 0;

  if (values != NULL)
    atlas_area_values_get_unmatched (values, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = atlas_area_values_format_unmatched (values, i);

      fprintf (stderr, "%s\n", line);
    }
}

gboolean
_atlas_cli_add_layers (AtlasMapState *state,
                       GPtrArray     *definitions)
{
  AtlasDataset *dataset = atlas_map_state_get_dataset (state);

  for (guint i = 0; i < definitions->len; i++)
    {
      AtlasLayerDefinition *definition = definitions->pdata[i];
      g_autoptr(AtlasUserLayer) layer = NULL;
      g_autoptr(GError) error = NULL;

      g_free (definition->id);
      definition->id = atlas_map_state_make_layer_id (state, definition->name);
      layer = atlas_user_layer_new (dataset, definition, &error);
      if (layer == NULL || !atlas_map_state_add_layer (state, layer, &error))
        {
          /* A file's problems start with their place (FILE:LINE:COLUMN); a choice's with
           * the program's name. */
          if (g_str_has_prefix (error->message, definition->name))
            fprintf (stderr, "%s\n", error->message);
          else
            fprintf (stderr, "ics-atlas: %s\n", error->message);
          return FALSE;
        }
      print_unmatched (layer);
      if (definition->kind == ATLAS_LAYER_VALUES)
        atlas_map_state_set_thematic (state, atlas_user_layer_get_id (layer));
    }
  return TRUE;
}
