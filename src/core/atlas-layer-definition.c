/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-layer-definition.h"

#include <math.h>
#include <string.h>

G_DEFINE_BOXED_TYPE (AtlasLayerDefinition, atlas_layer_definition, atlas_layer_definition_copy,
                     atlas_layer_definition_free)

static const char * const kind_names[] = { "values", "points" };

const char *
atlas_layer_kind_to_string (AtlasLayerKind kind)
{
  return kind == ATLAS_LAYER_POINTS ? kind_names[1] : kind_names[0];
}

AtlasLayerDefinition *
atlas_layer_definition_new (AtlasLayerKind kind)
{
  AtlasLayerDefinition *self = g_new0 (AtlasLayerDefinition, 1);

  self->kind = kind;
  self->method = ATLAS_CLASSIFY_QUANTILE;
  self->n_classes = 5;
  self->colour = atlas_point_layer_default_colour (0);
  self->shape = ATLAS_POINT_SHAPE_CIRCLE;
  return self;
}

AtlasLayerDefinition *
atlas_layer_definition_copy (const AtlasLayerDefinition *self)
{
  AtlasLayerDefinition *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->path = g_strdup (self->path);
  copy->bytes = self->bytes != NULL ? g_bytes_ref (self->bytes) : NULL;
  copy->column = g_strdup (self->column);
  copy->indicator = g_strdup (self->indicator);
  copy->period = g_strdup (self->period);
  copy->unit = g_strdup (self->unit);
  copy->title = g_strdup (self->title);
  copy->palette = g_strdup (self->palette);
  return copy;
}

void
atlas_layer_definition_free (AtlasLayerDefinition *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->path);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->column);
  g_free (self->indicator);
  g_free (self->period);
  g_free (self->unit);
  g_free (self->title);
  g_free (self->palette);
  g_free (self);
}

static void
add_string (GVariantBuilder *builder,
            const char      *key,
            const char      *value)
{
  if (value != NULL)
    g_variant_builder_add (builder, "{sv}", key, g_variant_new_string (value));
}

GVariant *
atlas_layer_definition_to_variant (const AtlasLayerDefinition *self,
                                   gboolean                    with_bytes)
{
  GVariantBuilder builder;

  g_return_val_if_fail (self != NULL, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  add_string (&builder, "kind", atlas_layer_kind_to_string (self->kind));
  add_string (&builder, "id", self->id);
  add_string (&builder, "name", self->name);
  add_string (&builder, "path", self->path);
  if (with_bytes && self->bytes != NULL)
    g_variant_builder_add (&builder, "{sv}", "bytes",
                           g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, self->bytes,
                                                     TRUE));
  if (self->kind == ATLAS_LAYER_VALUES)
    {
      add_string (&builder, "column", self->column);
      add_string (&builder, "indicator", self->indicator);
      add_string (&builder, "period", self->period);
      add_string (&builder, "unit", self->unit);
      add_string (&builder, "title", self->title);
      add_string (&builder, "method", atlas_classify_method_to_string (self->method));
      g_variant_builder_add (&builder, "{sv}", "classes", g_variant_new_uint32 (self->n_classes));
      if (self->n_breaks > 0)
        g_variant_builder_add (&builder, "{sv}", "breaks",
                               g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, self->breaks,
                                                          self->n_breaks, sizeof (double)));
      add_string (&builder, "palette", self->palette);
      g_variant_builder_add (&builder, "{sv}", "categorical",
                             g_variant_new_boolean (self->categorical));
    }
  else
    {
      g_variant_builder_add (&builder, "{sv}", "colour", g_variant_new_uint32 (self->colour));
      add_string (&builder, "shape", atlas_point_shape_to_string (self->shape));
    }
  return g_variant_builder_end (&builder);
}

static gboolean
refuse (GError    **error,
        const char *what,
        const char *value)
{
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS,
               "a data layer's %s cannot be “%s”", what, value != NULL ? value : "");
  return FALSE;
}

static char *
lookup_string (GVariantDict *dict,
               const char   *key)
{
  char *value = NULL;

  g_variant_dict_lookup (dict, key, "s", &value);
  return value;
}

static gboolean
read_values (AtlasLayerDefinition  *self,
             GVariantDict          *dict,
             GError               **error)
{
  g_autofree char *method = lookup_string (dict, "method");
  g_autoptr(GVariant) breaks = NULL;

  self->column = lookup_string (dict, "column");
  self->indicator = lookup_string (dict, "indicator");
  self->period = lookup_string (dict, "period");
  self->unit = lookup_string (dict, "unit");
  self->title = lookup_string (dict, "title");
  self->palette = lookup_string (dict, "palette");
  g_variant_dict_lookup (dict, "classes", "u", &self->n_classes);
  g_variant_dict_lookup (dict, "categorical", "b", &self->categorical);
  if (method != NULL && !atlas_classify_method_from_string (method, &self->method))
    return refuse (error, "method", method);

  breaks = g_variant_dict_lookup_value (dict, "breaks", G_VARIANT_TYPE ("ad"));
  if (breaks != NULL)
    {
      gsize n = 0;
      const double *values = g_variant_get_fixed_array (breaks, &n, sizeof (double));

      if (n > G_N_ELEMENTS (self->breaks))
        return refuse (error, "number of breaks", "too many");
      for (gsize i = 0; i < n; i++)
        {
          if (!isfinite (values[i]))
            return refuse (error, "breaks", "not finite");
          self->breaks[i] = values[i];
        }
      self->n_breaks = n;
    }
  return TRUE;
}

AtlasLayerDefinition *
atlas_layer_definition_new_from_variant (GVariant  *variant,
                                         GError   **error)
{
  g_autoptr(AtlasLayerDefinition) self = NULL;
  g_autoptr(GVariantDict) dict = NULL;
  g_autoptr(GVariant) bytes = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *shape = NULL;

  g_return_val_if_fail (variant != NULL, NULL);

  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE_VARDICT))
    {
      refuse (error, "type", g_variant_get_type_string (variant));
      return NULL;
    }
  dict = g_variant_dict_new (variant);
  kind = lookup_string (dict, "kind");
  if (g_strcmp0 (kind, "values") != 0 && g_strcmp0 (kind, "points") != 0)
    {
      refuse (error, "kind", kind);
      return NULL;
    }
  self = atlas_layer_definition_new (g_str_equal (kind, "points") ? ATLAS_LAYER_POINTS
                                                                  : ATLAS_LAYER_VALUES);
  self->id = lookup_string (dict, "id");
  self->name = lookup_string (dict, "name");
  self->path = lookup_string (dict, "path");
  bytes = g_variant_dict_lookup_value (dict, "bytes", G_VARIANT_TYPE_BYTESTRING);
  if (bytes != NULL)
    {
      gsize length;
      const char *data = g_variant_get_fixed_array (bytes, &length, 1);

      /* GVariant's text form (b'…') ends a byte string with a NUL that no CSV or GeoJSON file
       * has (they are refused with one): it is not the file's. */
      if (length > 0 && data[length - 1] == '\0')
        length--;
      self->bytes = g_bytes_new (data, length);
    }
  if (self->name == NULL || self->name[0] == '\0')
    {
      refuse (error, "name", self->name);
      return NULL;
    }
  if (self->path == NULL && self->bytes == NULL)
    {
      refuse (error, "file", "neither a path nor the file's bytes");
      return NULL;
    }

  if (self->kind == ATLAS_LAYER_VALUES)
    {
      if (!read_values (self, dict, error))
        return NULL;
      return g_steal_pointer (&self);
    }
  g_variant_dict_lookup (dict, "colour", "u", &self->colour);
  self->colour &= 0xffffff;
  shape = lookup_string (dict, "shape");
  if (shape != NULL && !atlas_point_shape_from_string (shape, &self->shape))
    {
      refuse (error, "shape", shape);
      return NULL;
    }
  return g_steal_pointer (&self);
}
