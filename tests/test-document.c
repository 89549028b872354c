/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Map documents: the example reads as documented, a state written and read back is the same
 * state, a dataset file is named relative to the document, a planner's data layers are
 * embedded and shown again from the document alone, writes are atomic, and every malformed document in tests/data/documents/bad/ is
 * refused with exactly the problems its .expected file lists. */
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-choropleth.h"
#include "atlas-document.h"
#include "atlas-document-layers.h"
#include "atlas-user-layer.h"

static char *source_root;

static AtlasDocument *
read_source_file (const char  *relative,
                  GError     **error)
{
  g_autofree char *path = g_build_filename (source_root, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return atlas_document_read (file, relative, error);
}

static void
test_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDocument) document = read_source_file ("docs/examples/watford-health-hub.atlas",
                                                        &error);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  const AtlasAnnotation *pin;
  AtlasBBox view;

  g_assert_no_error (error);
  g_assert_cmpstr (atlas_document_get_system (document), ==, "hwe");
  dataset = atlas_document_load_dataset (document, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_document_check (document, dataset, &error));
  g_assert_no_error (error);

  atlas_map_state_set_dataset (state, dataset);
  atlas_document_apply (document, state);
  g_assert_cmpstr (atlas_selection_get_id (atlas_map_state_get_selection (state)), ==, "watford");
  g_assert_cmpint (atlas_selection_get_kind (atlas_map_state_get_selection (state)), ==,
                   ATLAS_SELECTION_DISTRICT);
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, "partnerships");
  g_assert_true (atlas_map_state_get_view (state, &view));
  g_assert_cmpfloat (view.min_x, ==, -0.62);
  g_assert_cmpfloat (view.max_y, ==, 51.76);
  g_assert_cmpuint (atlas_annotation_list_get_n (atlas_map_state_get_annotations (state)), ==, 1);
  pin = atlas_annotation_set_get (atlas_annotation_list_get_set (
                                    atlas_map_state_get_annotations (state)), 0);
  g_assert_cmpint (pin->kind, ==, ATLAS_ANNOTATION_PIN);
  g_assert_cmpstr (pin->label, ==, "New health hub (ICP, November 2023)");
  g_assert_true (g_str_has_prefix (pin->note, "The Chief Executive of Watford"));
  /* The pin is in central Watford. */
  g_assert_true (atlas_dataset_locate (dataset, pin->points[0].y, pin->points[0].x)
                 == atlas_dataset_find_district (dataset, "watford"));
  /* A document opened has no history to undo into. */
  g_assert_false (atlas_annotation_list_can_undo (atlas_map_state_get_annotations (state)));
}

static AtlasMapState *
make_state (AtlasDataset *dataset)
{
  AtlasMapState *state = atlas_map_state_new ();
  AtlasPoint hub = { -0.3966, 51.6567 };
  AtlasPoint corners[] = { { -0.36, 51.78 }, { -0.28, 51.80 }, { -0.24, 51.74 } };
  g_autoptr(AtlasAnnotation) pin = atlas_annotation_new (ATLAS_ANNOTATION_PIN,
                                                         ATLAS_ANNOTATION_RED,
                                                         "New health hub (ICP, November 2023)",
                                                         "«quoted» \"note\"\nwith a break",
                                                         &hub, 1);
  g_autoptr(AtlasAnnotation) area = atlas_annotation_new (ATLAS_ANNOTATION_AREA,
                                                          ATLAS_ANNOTATION_GREEN, NULL, NULL,
                                                          corners, 3);
  AtlasBBox view = { -0.6123456789012345, 51.5, -0.1, 51.9 };

  atlas_map_state_set_dataset (state, dataset);
  g_assert_true (atlas_map_state_set_thematic (state, "overweight-4-5"));
  g_assert_true (atlas_selection_select (atlas_map_state_get_selection (state),
                                         ATLAS_SELECTION_PARTNERSHIP, "south-west-herts"));
  atlas_map_state_set_basemap (state, "osm");
  atlas_map_state_set_view (state, &view);
  atlas_annotation_list_add (atlas_map_state_get_annotations (state), pin);
  atlas_annotation_list_add (atlas_map_state_get_annotations (state), area);
  return state;
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  g_autoptr(AtlasMapState) state = make_state (dataset);
  g_autoptr(AtlasMapState) reopened = atlas_map_state_new ();
  g_autoptr(AtlasDocument) written = NULL;
  g_autoptr(AtlasDocument) read = NULL;
  g_autoptr(AtlasDocument) rewritten = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  AtlasBBox view, view_again;

  atlas_map_state_get_view (state, &view);
  written = atlas_document_new_from_state (state, "hwe", &view, NULL);
  bytes = atlas_document_to_bytes (written, NULL);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL),
                                   "{\n  \"format\" : \"ics-atlas-map/1\""));

  read = atlas_document_read_bytes (bytes, "round-trip.atlas", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_document_check (read, dataset, &error));
  atlas_map_state_set_dataset (reopened, dataset);
  atlas_document_apply (read, reopened);

  g_assert_cmpstr (atlas_map_state_get_thematic (reopened), ==, "overweight-4-5");
  g_assert_cmpstr (atlas_selection_get_id (atlas_map_state_get_selection (reopened)), ==,
                   "south-west-herts");
  g_assert_cmpstr (atlas_map_state_get_basemap (reopened), ==, "osm");
  g_assert_true (atlas_map_state_get_view (reopened, &view_again));
  g_assert_true (memcmp (&view, &view_again, sizeof view) == 0);
  g_assert_true (atlas_annotation_set_equal (
    atlas_annotation_list_get_set (atlas_map_state_get_annotations (state)),
    atlas_annotation_list_get_set (atlas_map_state_get_annotations (reopened))));

  /* Written again, byte for byte the same. */
  rewritten = atlas_document_new_from_state (reopened, "hwe", &view_again, NULL);
  again = atlas_document_to_bytes (rewritten, NULL);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_dataset_path_and_layers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDocument) document = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  g_autoptr(AtlasDocument) saved = NULL;
  g_autoptr(AtlasDocument) reread = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *expected_path = g_build_filename (source_root, "tests", "data", "good",
                                                     "mini.json", NULL);
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "artefacts", "documents", NULL);
  g_autofree char *out_path = g_build_filename (dir, "mini-copy.atlas", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autofree char *text = NULL;
  const AtlasDocumentLayer *layer;

  document = read_source_file ("tests/data/documents/good/mini-dataset.atlas", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_document_get_system (document), ==, expected_path);
  dataset = atlas_document_load_dataset (document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_dataset_get_id (dataset), ==, "mini");
  g_assert_true (atlas_document_check (document, dataset, &error));

  layer = g_ptr_array_index (atlas_document_get_data_layers (document), 0);
  g_assert_cmpstr (layer->kind, ==, "area-values");
  g_assert_cmpstr (layer->text, ==, "area,value\nAlpha,1\nBeta,2\n");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (layer->settings));

  /* Opened and saved elsewhere: the layer is shown, and comes along; the dataset by a
   * relative path. Its members the definition does not know ("nested") are not kept. */
  atlas_map_state_set_dataset (state, dataset);
  g_assert_true (atlas_document_restore_data_layers (state,
                                                     atlas_document_get_data_layers (document),
                                                     &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 0);
  atlas_document_apply (document, state);
  g_assert_cmpuint (atlas_map_state_get_n_layers (state), ==, 1);
  g_assert_cmpstr (atlas_user_layer_get_id (atlas_map_state_get_layer (state, 0)), ==,
                   "data:made-up.csv");
  g_assert_cmpstr (atlas_map_state_get_thematic (state), ==, "data:made-up.csv");
  g_assert_nonnull (atlas_map_state_get_choropleth (state));
  saved = atlas_document_new_from_state (state, expected_path, NULL, kept);
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (atlas_document_write (saved, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &text, NULL, NULL));
  /* From the build folder to the source tree: up, then down. */
  g_assert_nonnull (strstr (text, "\"dataset\" : \"../"));
  g_assert_nonnull (strstr (text, "/tests/data/good/mini.json\""));
  g_assert_nonnull (strstr (text, "\"classes\" : 2"));
  g_assert_null (strstr (text, "\"nested\""));
  g_assert_null (strstr (text, "\"path\""));

  reread = atlas_document_read (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_document_get_system (reread), ==, expected_path);
  layer = g_ptr_array_index (atlas_document_get_data_layers (reread), 0);
  g_assert_cmpstr (layer->text, ==, "area,value\nAlpha,1\nBeta,2\n");
  g_assert_cmpstr (layer->source_name, ==, "made-up.csv");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (layer->settings),
                                                  "method"), ==, "quantile");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (layer->settings),
                                                  "column"), ==, "value");
}

/* A state with a planner's values (a Fingertips download, four classes in natural breaks, a
 * palette) and places, the values shown: a document of it, read back into another state,
 * shows the same layers made from the same bytes with the same choices. A layer whose file the
 * readers refuse is kept, not lost, and said. */
static void
test_embedded_layers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  g_autoptr(AtlasMapState) reopened = atlas_map_state_new ();
  g_autoptr(AtlasDocument) written = NULL;
  g_autoptr(AtlasDocument) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  const char *names[] = { "fingertips-hwe.csv", "points-hwe.csv" };
  const AtlasDistrict *watford;
  AtlasDocumentLayer *broken;
  char *json;

  g_assert_no_error (error);
  atlas_map_state_set_dataset (state, dataset);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (source_root, "tests", "data", "own-data",
                                                names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(AtlasLayerDefinition) definition = NULL;
      g_autoptr(AtlasUserLayer) layer = NULL;

      definition = atlas_layer_definition_new_for_file (file, NULL, &error);
      g_assert_no_error (error);
      definition->id = atlas_map_state_make_layer_id (state, definition->name);
      if (definition->kind == ATLAS_LAYER_VALUES)
        {
          definition->method = ATLAS_CLASSIFY_JENKS;
          definition->n_classes = 4;
          g_free (definition->palette);
          definition->palette = g_strdup ("viridis");
        }
      layer = atlas_user_layer_new (dataset, definition, &error);
      g_assert_no_error (error);
      g_assert_true (atlas_map_state_add_layer (state, layer, &error));
    }
  g_assert_true (atlas_map_state_set_thematic (state, "data:fingertips-hwe.csv"));

  written = atlas_document_new_from_state (state, "hwe", NULL, NULL);
  bytes = atlas_document_to_bytes (written, NULL);
  json = (char *) g_bytes_get_data (bytes, NULL);
  /* The files travel inside; where they were on this disk does not. */
  g_assert_nonnull (strstr (json, "\"source_name\" : \"points-hwe.csv\""));
  g_assert_nonnull (strstr (json, "\"media_type\" : \"text/csv\""));
  g_assert_null (strstr (json, source_root));

  read = atlas_document_read_bytes (bytes, "layers.atlas", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_document_check (read, dataset, &error));
  g_assert_no_error (error);
  atlas_map_state_set_dataset (reopened, dataset);
  g_assert_true (atlas_document_restore_data_layers (reopened,
                                                     atlas_document_get_data_layers (read),
                                                     &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 0);
  atlas_document_apply (read, reopened);

  g_assert_cmpuint (atlas_map_state_get_n_layers (reopened), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const AtlasLayerDefinition *a = atlas_user_layer_get_definition (
        atlas_map_state_get_layer (state, i));
      const AtlasLayerDefinition *b = atlas_user_layer_get_definition (
        atlas_map_state_get_layer (reopened, i));

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_true (g_bytes_equal (a->bytes, b->bytes));
      g_assert_null (b->path);
      g_assert_cmpint (a->method, ==, b->method);
      g_assert_cmpuint (a->n_classes, ==, b->n_classes);
      g_assert_cmpstr (a->palette, ==, b->palette);
      g_assert_cmpuint (a->colour, ==, b->colour);
    }
  g_assert_cmpstr (atlas_map_state_get_thematic (reopened), ==, "data:fingertips-hwe.csv");
  watford = atlas_dataset_find_district (dataset, "watford");
  g_assert_cmpint (atlas_choropleth_get_class (atlas_map_state_get_choropleth (reopened),
                                               watford), ==,
                   atlas_choropleth_get_class (atlas_map_state_get_choropleth (state),
                                               watford));

  /* A layer whose file no longer reads: refused with its place, kept to be saved again, and
   * the other layer still shown. */
  broken = g_ptr_array_index (atlas_document_get_data_layers (read), 1);
  g_free (broken->text);
  broken->text = g_strdup ("Name,Latitude,Longitude\nSomewhere,\"51.6,-0.4\n");
  g_clear_pointer (&kept, g_ptr_array_unref);
  g_assert_false (atlas_document_restore_data_layers (reopened,
                                                      atlas_document_get_data_layers (read),
                                                      &kept, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "points-hwe.csv:"));
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_cmpstr (((AtlasDocumentLayer *) kept->pdata[0])->text, ==, broken->text);
  g_assert_cmpuint (atlas_map_state_get_n_layers (reopened), ==, 1);
}

static void
test_atomic_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  g_autoptr(AtlasMapState) state = make_state (dataset);
  g_autoptr(AtlasDocument) document = atlas_document_new_from_state (state, "hwe", NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("atlas-document-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.atlas", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-folder", "map.atlas", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GDir) listing = NULL;
  g_autofree char *text = NULL;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_true (atlas_document_write (document, file, &error));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "{"));
  /* Nothing but the document in the folder: no temporary file left. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_assert_false (atlas_document_write (document, nowhere, &error));
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_refusal (gconstpointer data)
{
  const char *name = data;
  g_autofree char *relative = g_strdup_printf ("tests/data/documents/bad/%s.atlas", name);
  g_autofree char *expected_path = g_strdup_printf ("%s/tests/data/documents/bad/%s.expected",
                                                    source_root, name);
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = g_build_filename (source_root, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  document = atlas_document_open (file, relative, &dataset, &error);
  g_assert_null (document);
  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ATLAS_DATASET_ERROR);
  message = g_strconcat (error->message, "\n", NULL);
  g_assert_cmpstr (message, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *bad = NULL;
  const char *entry;

  g_test_init (&argc, &argv, NULL);
  source_root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));

  g_test_add_func ("/document/example", test_example);
  g_test_add_func ("/document/round-trip", test_round_trip);
  g_test_add_func ("/document/dataset-path-and-layers", test_dataset_path_and_layers);
  g_test_add_func ("/document/embedded-layers", test_embedded_layers);
  g_test_add_func ("/document/atomic-write", test_atomic_write);

  bad = g_build_filename (source_root, "tests", "data", "documents", "bad", NULL);
  dir = g_dir_open (bad, 0, NULL);
  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".atlas"))
      {
        char *name = g_strndup (entry, strlen (entry) - strlen (".atlas"));
        g_autofree char *test_path = g_strdup_printf ("/document/refused/%s", name);

        g_test_add_data_func_full (test_path, name, test_refusal, g_free);
      }
  return g_test_run ();
}
