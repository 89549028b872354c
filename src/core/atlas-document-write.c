/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-document-private.h"

#include <string.h>

/* Writing a map document with json-glib's JsonBuilder and JsonGenerator, members in the order
 * docs/map-document.md lists them. Numbers are written as json-glib writes doubles (17
 * significant digits), so that every coordinate reads back exactly as it was. */

/* target's path relative to the folder dir, with ".." where it lies outside it; an absolute
 * path when they share nothing but the root (another drive, another mount). */
static char *
relative_path (GFile *dir,
               GFile *target)
{
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *target_path = g_file_get_path (target);
  g_auto(GStrv) from = NULL;
  g_auto(GStrv) to = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint common = 0;

  if (dir_path == NULL || target_path == NULL)
    return g_file_get_uri (target);
  from = g_strsplit (dir_path, G_DIR_SEPARATOR_S, -1);
  to = g_strsplit (target_path, G_DIR_SEPARATOR_S, -1);
  while (from[common] != NULL && to[common] != NULL && strcmp (from[common], to[common]) == 0)
    common++;
  if (common <= 1)
    return g_steal_pointer (&target_path);
  for (guint i = common; from[i] != NULL; i++)
    if (from[i][0] != '\0')
      g_string_append (out, ".." G_DIR_SEPARATOR_S);
  for (guint i = common; to[i] != NULL; i++)
    {
      g_string_append (out, to[i]);
      if (to[i + 1] != NULL)
        g_string_append_c (out, G_DIR_SEPARATOR);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
write_system (AtlasDocument *self,
              JsonBuilder   *builder,
              GFile         *destination)
{
  json_builder_set_member_name (builder, "system");
  json_builder_begin_object (builder);
  if (self->dataset_path != NULL)
    {
      g_autoptr(GFile) dataset = g_file_new_for_path (self->dataset_path);
      g_autoptr(GFile) dir = destination != NULL ? g_file_get_parent (destination) : NULL;
      g_autofree char *path = dir != NULL ? relative_path (dir, dataset)
                                          : g_strdup (self->dataset_path);

      add_string (builder, "dataset", path);
    }
  add_string (builder, "id", self->system_id);
  json_builder_end_object (builder);
}

static void
write_view (AtlasDocument *self,
            JsonBuilder   *builder)
{
  static const char * const sides[] = { "west", "south", "east", "north" };
  const double values[] = { self->view.min_x, self->view.min_y, self->view.max_x,
                            self->view.max_y };

  if (!self->has_view)
    return;
  json_builder_set_member_name (builder, "view");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      json_builder_set_member_name (builder, sides[i]);
      json_builder_add_double_value (builder, values[i]);
    }
  json_builder_end_object (builder);
}

static void
write_annotation (JsonBuilder           *builder,
                  const AtlasAnnotation *annotation)
{
  json_builder_begin_object (builder);
  add_string (builder, "kind", atlas_annotation_kind_to_string (annotation->kind));
  add_string (builder, "colour", atlas_annotation_colour_to_string (annotation->colour));
  add_string (builder, "label", annotation->label);
  add_string (builder, "note", annotation->note);
  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint i = 0; i < annotation->n_points; i++)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, annotation->points[i].x);
      json_builder_add_double_value (builder, annotation->points[i].y);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

GBytes *
atlas_document_to_bytes (AtlasDocument *self,
                         GFile         *destination)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (destination == NULL || G_IS_FILE (destination), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", ATLAS_DOCUMENT_FORMAT);
  write_system (self, builder, destination);
  write_view (self, builder);
  add_string (builder, "thematic", self->thematic);
  if (self->selection_id != NULL)
    {
      json_builder_set_member_name (builder, "selection");
      json_builder_begin_object (builder);
      add_string (builder, "kind", atlas_selection_kind_to_string (self->selection_kind));
      add_string (builder, "id", self->selection_id);
      json_builder_end_object (builder);
    }
  add_string (builder, "basemap", self->basemap);
  json_builder_set_member_name (builder, "annotations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < atlas_annotation_set_get_n (self->annotations); i++)
    write_annotation (builder, atlas_annotation_set_get (self->annotations, i));
  json_builder_end_array (builder);
  _atlas_document_write_data_layers (builder, self->data_layers);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  /* A text file ends with a line break. */
  text = g_realloc (text, length + 2);
  text[length++] = '\n';
  text[length] = '\0';
  return g_bytes_new_take (text, length);
}
