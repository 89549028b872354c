/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A planner's layers: what a file makes, its definition and how it is kept and embedded, and
 * the layers in the map state (thematic choices, point layers, another system, the legend). */
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-map-state.h"

/* Every figure in tests/data/own-data is made up (see its README). */

static char *source_root;
static AtlasDataset *hwe;
static AtlasDataset *nel;

static AtlasLayerDefinition *
definition_for (const char *name)
{
  g_autofree char *path = g_build_filename (source_root, "tests", "data", "own-data", name,
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasLayerDefinition *definition = atlas_layer_definition_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return definition;
}

static AtlasUserLayer *
layer_for (AtlasDataset *dataset,
           const char   *name)
{
  g_autoptr(AtlasLayerDefinition) definition = definition_for (name);
  g_autoptr(GError) error = NULL;
  AtlasUserLayer *layer = atlas_user_layer_new (dataset, definition, &error);

  g_assert_no_error (error);
  return layer;
}

static gboolean
legend_has (AtlasMapState *state,
            const char    *line)
{
  g_autofree char *text = atlas_legend_model_dup_text (atlas_map_state_get_legend (state), TRUE);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_test_message ("legend:\n%s", text);
  return g_strv_contains ((const char * const *) lines, line);
}

static void
test_kind_of_file (void)
{
  static const struct {
    const char *name;
    AtlasLayerKind kind;
  } files[] = {
    { "fingertips-hwe.csv", ATLAS_LAYER_VALUES },
    { "names-odd.csv", ATLAS_LAYER_VALUES },
    { "codes.tsv", ATLAS_LAYER_VALUES },
    { "points-hwe.csv", ATLAS_LAYER_POINTS },
    { "points-hwe.geojson", ATLAS_LAYER_POINTS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(AtlasLayerDefinition) definition = definition_for (files[i].name);
      g_autofree char *path = g_build_filename (source_root, "tests", "data", "own-data",
                                                files[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_cmpint (definition->kind, ==, files[i].kind);
      g_assert_cmpstr (definition->name, ==, files[i].name);
      g_assert_cmpstr (definition->path, ==, path);
      /* The bytes as read, for a document to embed. */
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (g_bytes_get_data (definition->bytes, NULL),
                       g_bytes_get_size (definition->bytes), contents, length);
    }
}

static void
test_values_layer (void)
{
  g_autoptr(AtlasUserLayer) layer = layer_for (hwe, "fingertips-hwe.csv");
  g_autoptr(AtlasLayerDefinition) copy = NULL;
  AtlasChoropleth *choropleth = atlas_user_layer_get_choropleth (layer);
  guint n_classes, n_unmatched;

  g_assert_cmpstr (atlas_user_layer_get_id (layer), ==, "data:fingertips-hwe.csv");
  g_assert_cmpint (atlas_user_layer_get_kind (layer), ==, ATLAS_LAYER_VALUES);
  g_assert_null (atlas_user_layer_get_problem (layer));
  g_assert_null (atlas_user_layer_get_point_layer (layer));
  g_assert_nonnull (choropleth);
  g_assert_cmpstr (atlas_user_layer_get_title (layer), ==,
                   "Physically active adults (made-up values)");
  atlas_choropleth_get_classes (choropleth, &n_classes);
  g_assert_cmpuint (n_classes, ==, 5);
  g_assert_cmpstr (atlas_choropleth_get_source (choropleth), ==, "fingertips-hwe.csv");
  atlas_area_values_get_unmatched (atlas_user_layer_get_values (layer), &n_unmatched);
  g_assert_cmpuint (n_unmatched, ==, 4);

  /* What a document embeds: a copy with the file's bytes and the choices. */
  copy = atlas_user_layer_dup_definition (layer);
  g_assert_true (copy != atlas_user_layer_get_definition (layer));
  g_assert_nonnull (copy->bytes);
  g_assert_true (g_bytes_equal (copy->bytes, atlas_user_layer_get_definition (layer)->bytes));
  g_assert_cmpint (copy->method, ==, ATLAS_CLASSIFY_QUANTILE);
  g_assert_cmpuint (copy->n_classes, ==, 5);
}

/* Choices change the classes; the file is not read again (the bytes are the definition's). */
static void
test_choices (void)
{
  g_autoptr(AtlasLayerDefinition) definition = definition_for ("fingertips-hwe.csv");
  g_autoptr(AtlasUserLayer) layer = NULL;
  g_autoptr(GError) error = NULL;
  const AtlasDataClass *classes;
  guint n;

  g_free (definition->path);
  definition->path = g_strdup ("/nonexistent/fingertips-hwe.csv");
  definition->method = ATLAS_CLASSIFY_JENKS;
  definition->n_classes = 3;
  definition->palette = g_strdup ("viridis");
  layer = atlas_user_layer_new (hwe, definition, &error);
  g_assert_no_error (error);
  classes = atlas_choropleth_get_classes (atlas_user_layer_get_choropleth (layer), &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (atlas_choropleth_get_palette_name (atlas_user_layer_get_choropleth (layer)),
                   ==, "viridis");
  g_assert_cmpfloat (classes[0].lower, ==, 58.9);

  /* An option the file cannot take is refused; a palette that does not exist says which do. */
  g_free (definition->palette);
  definition->palette = g_strdup ("rainbow");
  g_assert_null (atlas_user_layer_new (hwe, definition, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS);
  g_assert_nonnull (strstr (error->message, "no palette “rainbow”"));
}

static void
test_variant (void)
{
  g_autoptr(AtlasLayerDefinition) definition = definition_for ("codes.tsv");
  g_autoptr(AtlasLayerDefinition) back = NULL;
  g_autoptr(AtlasLayerDefinition) points = definition_for ("points-hwe.csv");
  g_autoptr(AtlasLayerDefinition) points_back = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) settings = NULL;
  g_autoptr(GError) error = NULL;

  definition->id = g_strdup ("data:codes.tsv");
  definition->column = g_strdup ("cases");
  definition->method = ATLAS_CLASSIFY_MANUAL;
  definition->n_breaks = 2;
  definition->breaks[0] = 1000;
  definition->breaks[1] = 1100.5;
  definition->palette = g_strdup ("blues");
  definition->categorical = TRUE;
  variant = g_variant_ref_sink (atlas_layer_definition_to_variant (definition, TRUE));
  back = atlas_layer_definition_new_from_variant (variant, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->kind, ==, ATLAS_LAYER_VALUES);
  g_assert_cmpstr (back->id, ==, "data:codes.tsv");
  g_assert_cmpstr (back->name, ==, "codes.tsv");
  g_assert_cmpstr (back->path, ==, definition->path);
  g_assert_cmpstr (back->column, ==, "cases");
  g_assert_cmpint (back->method, ==, ATLAS_CLASSIFY_MANUAL);
  g_assert_cmpuint (back->n_breaks, ==, 2);
  g_assert_cmpfloat (back->breaks[1], ==, 1100.5);
  g_assert_cmpstr (back->palette, ==, "blues");
  g_assert_true (back->categorical);
  g_assert_true (g_bytes_equal (back->bytes, definition->bytes));

  /* The settings keep where the file is, not its bytes. */
  settings = g_variant_ref_sink (atlas_layer_definition_to_variant (definition, FALSE));
  g_clear_pointer (&back, atlas_layer_definition_free);
  back = atlas_layer_definition_new_from_variant (settings, &error);
  g_assert_no_error (error);
  g_assert_null (back->bytes);

  points->colour = 0xcc79a7;
  points->shape = ATLAS_POINT_SHAPE_TRIANGLE;
  g_clear_pointer (&variant, g_variant_unref);
  variant = g_variant_ref_sink (atlas_layer_definition_to_variant (points, FALSE));
  points_back = atlas_layer_definition_new_from_variant (variant, &error);
  g_assert_no_error (error);
  g_assert_cmpint (points_back->kind, ==, ATLAS_LAYER_POINTS);
  g_assert_cmphex (points_back->colour, ==, 0xcc79a7);
  g_assert_cmpint (points_back->shape, ==, ATLAS_POINT_SHAPE_TRIANGLE);
}

static void
test_variant_refused (void)
{
  static const char * const texts[] = {
    "{'kind': <'lines'>, 'name': <'a.csv'>, 'path': <'/a.csv'>}",
    "{'kind': <'values'>, 'path': <'/a.csv'>}",
    "{'kind': <'values'>, 'name': <'a.csv'>}",
    "{'kind': <'values'>, 'name': <'a.csv'>, 'path': <'/a.csv'>, 'method': <'median'>}",
    "{'kind': <'points'>, 'name': <'a.csv'>, 'path': <'/a.csv'>, 'shape': <'star'>}",
    "('values', 'a.csv')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GVariant) variant = g_variant_ref_sink (g_variant_new_parsed (texts[i]));
      g_autoptr(GError) error = NULL;

      g_assert_null (atlas_layer_definition_new_from_variant (variant, &error));
      g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS);
    }
}

/* A file that cannot be read is refused with its place, as the readers say it. */
static void
test_refused (void)
{
  g_autofree char *path = g_build_filename (source_root, "tests", "data", "own-data", "bad",
                                            "unclosed-quote.csv", NULL);
  g_autofree char *expected_path = g_build_filename (source_root, "tests", "data", "own-data",
                                                     "bad", "unclosed-quote.expected", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasLayerDefinition) definition = NULL;
  g_autoptr(GError) error = NULL;

  definition = atlas_layer_definition_new_for_file (file, "tests/data/own-data/bad/unclosed-quote.csv",
                                                    &error);
  g_assert_no_error (error);
  g_assert_null (atlas_user_layer_new (hwe, definition, &error));
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  g_assert_cmpstr (error->message, ==, g_strstrip (expected));

  /* A file that has gone. */
  g_clear_error (&error);
  g_clear_pointer (&definition->bytes, g_bytes_unref);
  g_free (definition->path);
  definition->path = g_strdup ("/nonexistent/gone.csv");
  g_assert_null (atlas_user_layer_new (hwe, definition, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "tests/data/own-data/bad/unclosed-quote.csv:1:1: "
                                                  "cannot read"));
}

/* What a map document embeds (tests/data/own-data/layers: definitions in GVariant's text
 * form, with the file's bytes) makes its layer without the file: a path that leads nowhere
 * is not read. */
static void
test_embedded (void)
{
  g_autofree char *folder = g_build_filename (source_root, "tests", "data", "own-data", "layers",
                                              NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, entry, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GVariant) variant = NULL;
      g_autoptr(AtlasLayerDefinition) definition = NULL;
      g_autoptr(AtlasUserLayer) layer = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      variant = g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, &error);
      g_assert_no_error (error);
      definition = atlas_layer_definition_new_from_variant (variant, &error);
      g_assert_no_error (error);
      layer = atlas_user_layer_new (hwe, definition, &error);
      g_test_message ("%s: %s", entry, atlas_user_layer_get_title (layer));
      g_assert_no_error (error);
      g_assert_cmpint (atlas_user_layer_get_kind (layer), ==,
                       g_str_has_prefix (entry, "points") ? ATLAS_LAYER_POINTS
                                                          : ATLAS_LAYER_VALUES);
      n++;
    }
  g_assert_cmpuint (n, >=, 4);
}

static void
test_rebind (void)
{
  g_autoptr(AtlasUserLayer) layer = layer_for (hwe, "fingertips-hwe.csv");
  g_autoptr(AtlasUserLayer) in_nel = atlas_user_layer_rebind (layer, nel);
  g_autoptr(AtlasUserLayer) back = atlas_user_layer_rebind (in_nel, hwe);
  g_autoptr(AtlasUserLayer) same = atlas_user_layer_rebind (layer, hwe);
  g_autoptr(AtlasUserLayer) points = layer_for (hwe, "points-hwe.csv");
  g_autoptr(AtlasUserLayer) points_nel = atlas_user_layer_rebind (points, nel);

  g_assert_true (same == layer);
  g_assert_true (atlas_user_layer_get_dataset (in_nel) == nel);
  g_assert_null (atlas_user_layer_get_choropleth (in_nel));
  g_assert_cmpstr (atlas_user_layer_get_problem (in_nel), ==,
                   "fingertips-hwe.csv:1:63: no row names a district of North East London, by ONS "
                   "code or by name");
  g_assert_null (atlas_user_layer_get_problem (back));
  g_assert_nonnull (atlas_user_layer_get_choropleth (back));
  g_assert_cmpstr (atlas_user_layer_get_id (back), ==, atlas_user_layer_get_id (layer));

  /* Points fit any system: only the outside ones change (every one of these is outside
   * North East London). */
  g_assert_nonnull (atlas_user_layer_get_point_layer (points_nel));
  g_assert_cmpuint (atlas_points_get_n_outside (
                      atlas_point_layer_get_points (atlas_user_layer_get_point_layer (points_nel))),
                    ==, 5);
}

static void
test_state_layers (void)
{
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  g_autoptr(AtlasUserLayer) values = layer_for (hwe, "fingertips-hwe.csv");
  g_autoptr(AtlasUserLayer) points = layer_for (hwe, "points-hwe.csv");
  g_autoptr(AtlasMapState) copy = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCartographyOptions options;
  const char *id = atlas_user_layer_get_id (values);

  atlas_map_state_set_dataset (state, hwe);
  g_assert_false (atlas_map_state_set_thematic (state, id));
  g_assert_true (atlas_map_state_add_layer (state, values, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_map_state_add_layer (state, points, &error));
  g_assert_cmpuint (atlas_map_state_get_n_layers (state), ==, 2);
  g_assert_true (atlas_map_state_find_layer (state, id) == values);

  /* A values layer is a thematic choice like an indicator. */
  g_assert_true (atlas_map_state_set_thematic (state, id));
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, id);
  g_assert_null (atlas_map_state_get_indicator (state));
  g_assert_true (atlas_map_state_get_choropleth (state) == atlas_user_layer_get_choropleth (values));
  atlas_map_state_get_cartography (state, &options);
  g_assert_true (options.choropleth == atlas_user_layer_get_choropleth (values));
  g_assert_null (options.indicator);
  g_assert_cmpuint (options.n_point_layers, ==, 1);
  g_assert_true (options.point_layers[0] == atlas_user_layer_get_point_layer (points));
  g_assert_true (legend_has (state, "Physically active adults (made-up values)"));
  g_assert_true (legend_has (state, "Period: 2021/22"));
  g_assert_true (legend_has (state, "Source: fingertips-hwe.csv"));
  g_assert_true (legend_has (state, "points-hwe.csv: 5 points, 1 outside the districts"));

  /* A worker's copy shows the same. */
  copy = atlas_map_state_copy (state);
  g_assert_cmpstr (atlas_map_state_get_thematic (copy), ==, id);
  g_assert_cmpuint (atlas_map_state_get_n_layers (copy), ==, 2);
  g_assert_true (atlas_map_state_get_choropleth (copy) == atlas_map_state_get_choropleth (state));

  /* Another system: the file names none of its districts, so partnerships show, but the
   * choice stays for the system it fits; the points are drawn there too. */
  atlas_map_state_set_dataset (state, nel);
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, ATLAS_MAP_STATE_PARTNERSHIPS);
  g_assert_cmpstr (atlas_map_state_get_thematic_choice (state), ==, id);
  g_assert_nonnull (atlas_user_layer_get_problem (atlas_map_state_find_layer (state, id)));
  atlas_map_state_get_cartography (state, &options);
  g_assert_null (options.choropleth);
  g_assert_cmpuint (options.n_point_layers, ==, 1);
  atlas_map_state_set_dataset (state, hwe);
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, id);

  /* Ids stay apart; removing the shown layer shows partnerships. */
  {
    g_autofree char *second = atlas_map_state_make_layer_id (state, "fingertips-hwe.csv");

    g_assert_cmpstr (second, ==, "data:fingertips-hwe.csv (2)");
  }
  /* By the layer's own id, as a caller holding only the layer passes it: the id goes with the
   * layer, and the choice must still be seen to go too. */
  g_assert_true (atlas_map_state_remove_layer (
                   state, atlas_user_layer_get_id (atlas_map_state_find_layer (state, id))));
  g_assert_false (atlas_map_state_remove_layer (state, id));
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, ATLAS_MAP_STATE_PARTNERSHIPS);
  g_assert_cmpuint (atlas_map_state_get_n_layers (state), ==, 1);
}

static void
test_state_point_limit (void)
{
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  g_autoptr(AtlasLayerDefinition) definition = definition_for ("points-hwe.csv");
  g_autoptr(GError) error = NULL;

  atlas_map_state_set_dataset (state, hwe);
  for (guint i = 0; i <= ATLAS_CARTOGRAPHY_MAX_POINT_LAYERS; i++)
    {
      g_autoptr(AtlasUserLayer) layer = NULL;

      g_free (definition->id);
      definition->id = atlas_map_state_make_layer_id (state, definition->name);
      layer = atlas_user_layer_new (hwe, definition, &error);
      g_assert_no_error (error);
      if (i < ATLAS_CARTOGRAPHY_MAX_POINT_LAYERS)
        g_assert_true (atlas_map_state_add_layer (state, layer, &error));
      else
        {
          /* Replacing one is not one too many. */
          g_autoptr(AtlasUserLayer) again = NULL;

          g_assert_false (atlas_map_state_add_layer (state, layer, &error));
          g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS);
          g_clear_error (&error);
          g_free (definition->id);
          definition->id = g_strdup ("data:points-hwe.csv");
          again = atlas_user_layer_new (hwe, definition, &error);
          g_assert_true (atlas_map_state_add_layer (state, again, &error));
        }
    }
  g_assert_cmpuint (atlas_map_state_get_n_layers (state), ==, ATLAS_CARTOGRAPHY_MAX_POINT_LAYERS);
}

/* Each indicator is classed once per dataset and kept: switching back and forth, or drawing
 * every district, classes nothing again. */
static void
test_bundled_once (void)
{
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  const AtlasIndicator *indicators;
  AtlasChoropleth *first;
  AtlasCartographyOptions options;
  guint n;

  atlas_map_state_set_dataset (state, hwe);
  indicators = atlas_dataset_get_indicators (hwe, &n);
  g_assert_cmpuint (n, >=, 2);
  g_assert_true (atlas_map_state_set_thematic (state, indicators[0].id));
  first = atlas_map_state_get_choropleth (state);
  g_assert_nonnull (first);
  g_assert_true (atlas_map_state_get_indicator (state) == &indicators[0]);
  g_assert_true (atlas_map_state_set_thematic (state, indicators[1].id));
  g_assert_true (atlas_map_state_get_choropleth (state) != first);
  g_assert_true (atlas_map_state_set_thematic (state, indicators[0].id));
  g_assert_true (atlas_map_state_get_choropleth (state) == first);
  atlas_map_state_get_cartography (state, &options);
  g_assert_true (options.choropleth == first);
  g_assert_true (options.indicator == &indicators[0]);
  /* The window's wording for a bundled indicator. */
  g_assert_true (legend_has (state, "20.1 % · Hertfordshire"));
  g_assert_true (legend_has (state, "Unit: %"));
  g_assert_true (legend_has (state, "Period: 2019-20"));
}

static void
test_for_selection (void)
{
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  g_autoptr(AtlasSelection) selection = g_object_ref (atlas_map_state_get_selection (state));
  g_autoptr(AtlasSelection) other = atlas_selection_new ();

  g_assert_true (atlas_map_state_for_selection (selection) == state);
  g_assert_null (atlas_map_state_for_selection (other));
  g_clear_object (&state);
  /* The selection outlived its state, and knows it. */
  g_assert_null (atlas_map_state_for_selection (selection));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  source_root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
  hwe = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);
  nel = atlas_dataset_load ("nel", &error);
  g_assert_no_error (error);

  g_test_add_func ("/user-layer/kind-of-file", test_kind_of_file);
  g_test_add_func ("/user-layer/values", test_values_layer);
  g_test_add_func ("/user-layer/choices", test_choices);
  g_test_add_func ("/user-layer/variant", test_variant);
  g_test_add_func ("/user-layer/variant-refused", test_variant_refused);
  g_test_add_func ("/user-layer/refused", test_refused);
  g_test_add_func ("/user-layer/embedded", test_embedded);
  g_test_add_func ("/user-layer/rebind", test_rebind);
  g_test_add_func ("/user-layer/state", test_state_layers);
  g_test_add_func ("/user-layer/state-point-limit", test_state_point_limit);
  g_test_add_func ("/user-layer/bundled-once", test_bundled_once);
  g_test_add_func ("/user-layer/for-selection", test_for_selection);

  status = g_test_run ();
  g_object_unref (hwe);
  g_object_unref (nel);
  g_free (source_root);
  return status;
}
