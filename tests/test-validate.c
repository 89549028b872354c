/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-dataset.h"

/* Each tests/data/bad/X.json is an invalid dataset; X.expected holds exactly what the loader
 * reports for it, one located problem per line. The fixtures are checked through the library
 * and through `ics-atlas --validate`, which must print the same lines to stderr and fail. */

static char *source_root;

static char *
read_expected (const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/tests/data/bad/%s.expected", source_root, name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_library (gconstpointer data)
{
  const char *name = data;
  g_autofree char *relative = g_strdup_printf ("tests/data/bad/%s.json", name);
  g_autofree char *expected = read_expected (name);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_auto(GStrv) lines = g_strsplit (expected, "\n", -1);

  g_assert_cmpint (g_chdir (source_root), ==, 0);
  dataset = atlas_dataset_load (relative, &error);
  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ATLAS_DATASET_ERROR);
  message = g_strconcat (error->message, "\n", NULL);
  g_assert_cmpstr (message, ==, expected);

  /* Several problems come as one INVALID error; a single one keeps its own code. */
  if (g_strv_length (lines) - 1 > 1)
    g_assert_cmpint (error->code, ==, ATLAS_DATASET_ERROR_INVALID);
  else
    g_assert_cmpint (error->code, !=, ATLAS_DATASET_ERROR_INVALID);
}

static void
test_command_line (gconstpointer data)
{
  const char *name = data;
  const char *cli = g_getenv ("ATLAS_CLI");
  g_autofree char *relative = g_strdup_printf ("tests/data/bad/%s.json", name);
  g_autofree char *expected = read_expected (name);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (cli == NULL)
    {
      g_test_skip ("ATLAS_CLI is not set");
      return;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, source_root);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawn (launcher, &error, cli, "--validate", relative, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, expected);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;
  guint i;

  g_test_init (&argc, &argv, NULL);

  {
    g_autofree char *tests = g_canonicalize_filename (g_test_get_dir (G_TEST_DIST), NULL);

    source_root = g_path_get_dirname (tests);
  }
  bad = g_build_filename (source_root, "tests", "data", "bad", NULL);
  dir = g_dir_open (bad, 0, NULL);
  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".json"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - 5));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 40);

  for (i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *library = g_strdup_printf ("/validate/library/%s", name);
      g_autofree char *command = g_strdup_printf ("/validate/command-line/%s", name);

      g_test_add_data_func (library, name, test_library);
      g_test_add_data_func (command, name, test_command_line);
    }

  return g_test_run ();
}
