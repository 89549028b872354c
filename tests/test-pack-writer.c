/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-data-resources.h"
#include "atlas-export.h"
#include "atlas-export-pack.h"
#include "atlas-export-pack-writer.h"

/* State that outlives a failure: a meeting pack that fails, is cancelled or is refused leaves
 * the folder exactly as it was (an earlier pack included), never touches a file no pack of
 * ours wrote, and a single export neither replaces a read-only file nor loses the permissions
 * of the file it replaces. Uses the small test system (three districts). */

typedef struct {
  AtlasDataset *dataset;
  char *tmp;
  char *pack;
  GFile *folder;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *mini = g_test_build_filename (G_TEST_DIST, "data", "good", "mini.json", NULL);
  g_autoptr(GError) error = NULL;

  f->dataset = atlas_dataset_load (mini, &error);
  g_assert_no_error (error);
  f->tmp = g_dir_make_tmp ("atlas-pack-XXXXXX", &error);
  g_assert_no_error (error);
  f->pack = g_build_filename (f->tmp, "pack", NULL);
  f->folder = g_file_new_for_path (f->pack);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0700);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->pack);
  g_clear_object (&f->folder);
  g_clear_object (&f->dataset);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every entry of the folder, sorted, each with a checksum of its contents (or its kind), so
 * that "nothing changed" is one comparison. */
static char *
snapshot (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      GStatBuf st;
      gsize length;

      g_assert_cmpint (g_lstat (child, &st), ==, 0);
      if (S_ISREG (st.st_mode) && g_file_get_contents (child, &contents, &length, NULL))
        sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
      else
        sum = g_strdup (S_ISDIR (st.st_mode) ? "folder" : S_ISLNK (st.st_mode) ? "link" : "?");
      g_ptr_array_add (lines, g_strdup_printf ("%s %s %o", name, sum, st.st_mode & 07777));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static gboolean
make_pack (Fixture            *f,
           AtlasExportPackBy   by,
           AtlasTheme          theme,
           GCancellable       *cancellable,
           GError            **error)
{
  AtlasCartographyOptions base;

  atlas_cartography_options_init (&base);
  base.theme = theme;
  return atlas_export_pack (f->dataset, f->folder, by, &base, NULL, NULL, cancellable, error);
}

static char *
pack_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->pack, name, NULL);
}

/* Packing again into the same folder replaces the earlier pack; a pack of other pages removes
 * the earlier pack's pages it no longer has, and nothing else. */
static void
test_pack_again (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *notes = pack_path (f, "notes.txt");
  g_autofree char *alpha = pack_path (f, "mini-alpha.png");
  g_autofree char *south = pack_path (f, "mini-south.png");
  g_autofree char *manifest_path = pack_path (f, ATLAS_PACK_MANIFEST);

  g_assert_true (make_pack (f, ATLAS_EXPORT_PACK_BY_DISTRICT, ATLAS_THEME_LIGHT, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (notes, "my notes", -1, NULL));
  first = snapshot (f->pack);
  g_assert_true (g_file_get_contents (manifest_path, &manifest, NULL, NULL));
  g_assert_nonnull (strstr (manifest, "\nmini-meeting-pack.pdf\nmini-alpha.png\nmini-beta.png\n"
                                      "mini-gamma.png\n"));

  /* Again, in other colours: every file replaced, the notes kept. */
  g_assert_true (make_pack (f, ATLAS_EXPORT_PACK_BY_DISTRICT, ATLAS_THEME_DARK, NULL, &error));
  g_assert_no_error (error);
  second = snapshot (f->pack);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_file_test (alpha, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (notes, G_FILE_TEST_IS_REGULAR));

  /* By partnership: the district pages go, the partnership pages come, the notes stay. */
  g_assert_true (make_pack (f, ATLAS_EXPORT_PACK_BY_PARTNERSHIP, ATLAS_THEME_LIGHT, NULL,
                            &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (alpha, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (south, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (notes, G_FILE_TEST_IS_REGULAR));
  /* The PDF, three partnership pages, the manifest and the notes; no staging folder left. */
  {
    g_autofree char *now = snapshot (f->pack);
    g_auto(GStrv) lines = g_strsplit (now, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 6);
  }
}

/* A file in the way that no pack of ours wrote: the pack refuses before drawing, and the
 * folder (with the earlier pack in it) stays exactly as it was. */
static void
test_refuses_foreign_files (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const blockers[] = { "folder", "colleague", "link", "manifest-folder" };
  g_autofree char *beta = pack_path (f, "mini-beta.png");
  g_autofree char *manifest = pack_path (f, ATLAS_PACK_MANIFEST);

  for (guint i = 0; i < G_N_ELEMENTS (blockers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      remove_tree (f->pack);
      g_assert_true (make_pack (f, ATLAS_EXPORT_PACK_BY_DISTRICT, ATLAS_THEME_LIGHT, NULL,
                                &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_unlink (beta), ==, 0);
      if (strcmp (blockers[i], "folder") == 0)
        g_assert_cmpint (g_mkdir (beta, 0755), ==, 0);
      else if (strcmp (blockers[i], "colleague") == 0)
        {
          /* Not in the earlier pack's list: someone else's file with the same name. */
          g_autofree char *list = NULL;
          g_autofree char *edited = NULL;
          g_auto(GStrv) parts = NULL;

          g_assert_true (g_file_set_contents (beta, "a colleague's picture", -1, NULL));

          g_assert_true (g_file_get_contents (manifest, &list, NULL, NULL));
          parts = g_strsplit (list, "mini-beta.png\n", -1);
          edited = g_strjoinv ("", parts);
          g_assert_true (g_file_set_contents (manifest, edited, -1, NULL));
        }
      else if (strcmp (blockers[i], "link") == 0)
        g_assert_cmpint (symlink ("/etc/hostname", beta), ==, 0);
      else
        {
          g_assert_true (g_file_set_contents (beta, "x", -1, NULL));
          g_assert_cmpint (g_unlink (manifest), ==, 0);
          g_assert_cmpint (g_mkdir (manifest, 0755), ==, 0);
        }
      before = snapshot (f->pack);

      g_assert_false (make_pack (f, ATLAS_EXPORT_PACK_BY_DISTRICT, ATLAS_THEME_DARK, NULL,
                                 &error));
      g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "the pack was not written"));
      after = snapshot (f->pack);
      g_assert_cmpstr (after, ==, before);
    }
}

/* A pack cancelled half way, with an earlier pack in the folder: nothing changes. */
static void
test_cancel_keeps_earlier (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (make_pack (f, ATLAS_EXPORT_PACK_BY_DISTRICT, ATLAS_THEME_LIGHT, NULL, &error));
  before = snapshot (f->pack);
  g_cancellable_cancel (cancellable);
  g_assert_false (make_pack (f, ATLAS_EXPORT_PACK_BY_PARTNERSHIP, ATLAS_THEME_DARK,
                             cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = snapshot (f->pack);
  g_assert_cmpstr (after, ==, before);
}

static char *
find_staging (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ATLAS_PACK_MANIFEST "-"))
      return g_build_filename (folder, name, NULL);
  return NULL;
}

/* A move that fails half way through commit puts every file back: old and new are both kept
 * until the whole pack is in place. */
static void
test_commit_rolls_back (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const names[] = { "mini-a.png", "mini-b.png", "mini-c.png", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasPackWriter) writer = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new", 3);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *missing = NULL;

  /* An earlier pack of the same three files. */
  writer = _atlas_pack_writer_begin (f->folder, names, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GBytes) old = g_bytes_new (names[i], strlen (names[i]));

      g_assert_true (_atlas_pack_writer_write (writer, names[i], old, &error));
    }
  g_assert_true (_atlas_pack_writer_commit (writer, &error));
  g_clear_pointer (&writer, _atlas_pack_writer_free);
  before = snapshot (f->pack);

  writer = _atlas_pack_writer_begin (f->folder, names, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (_atlas_pack_writer_write (writer, names[i], bytes, &error));
  /* The last page vanishes from the staging folder: its move fails after two have moved. */
  staging = find_staging (f->pack);
  g_assert_nonnull (staging);
  missing = g_build_filename (staging, "mini-c.png", NULL);
  g_assert_cmpint (g_unlink (missing), ==, 0);
  g_assert_false (_atlas_pack_writer_commit (writer, &error));
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "mini-c.png"));
  g_clear_pointer (&writer, _atlas_pack_writer_free);

  after = snapshot (f->pack);
  g_assert_cmpstr (after, ==, before);
}

static void
cancel_cb (guint    done,
           guint    total,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* A pack into a folder that does not exist, cancelled after its first page: the folders it
 * made go too. */
static void
test_failure_removes_made_folders (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *deep = g_build_filename (f->tmp, "a", "b", "pack", NULL);
  g_autofree char *a = g_build_filename (f->tmp, "a", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (deep);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AtlasCartographyOptions base;

  atlas_cartography_options_init (&base);
  g_assert_false (atlas_export_pack (f->dataset, folder, ATLAS_EXPORT_PACK_BY_DISTRICT,
                                     &base, cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (a, G_FILE_TEST_EXISTS));
}

/* A single export over a read-only file refuses (even for root), and a file it replaces keeps
 * its permissions. */
static void
test_export_permissions (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *read_only = g_build_filename (f->tmp, "read-only.svg", NULL);
  g_autofree char *shared = g_build_filename (f->tmp, "shared.svg", NULL);
  g_autoptr(GFile) read_only_file = g_file_new_for_path (read_only);
  g_autoptr(GFile) shared_file = g_file_new_for_path (shared);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  AtlasExportOptions options;
  GStatBuf st;

  atlas_export_options_init (&options, f->dataset);
  options.width = 320;
  options.height = 200;

  g_assert_true (g_file_set_contents (read_only, "keep me", -1, NULL));
  g_assert_cmpint (g_chmod (read_only, 0444), ==, 0);
  g_assert_false (atlas_export_to_file (&options, read_only_file, ATLAS_EXPORT_FORMAT_SVG, NULL,
                                        &error));
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_nonnull (strstr (error->message, read_only));
  g_assert_true (g_file_get_contents (read_only, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (shared, "old", -1, NULL));
  g_assert_cmpint (g_chmod (shared, 0664), ==, 0);
  g_assert_true (atlas_export_to_file (&options, shared_file, ATLAS_EXPORT_FORMAT_SVG, NULL,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (shared, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0664);
  g_assert_cmpint (st.st_size, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  (void) atlas_data_get_resource ();

#define ADD(path, func) \
  g_test_add ("/pack-writer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("pack-again", test_pack_again);
  ADD ("refuses-foreign-files", test_refuses_foreign_files);
  ADD ("cancel-keeps-earlier", test_cancel_keeps_earlier);
  ADD ("commit-rolls-back", test_commit_rolls_back);
  ADD ("failure-removes-made-folders", test_failure_removes_made_folders);
  ADD ("export-permissions", test_export_permissions);
#undef ADD

  return g_test_run ();
}
