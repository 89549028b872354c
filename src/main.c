/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "atlas-application.h"
#include "atlas-startup-trace.h"

/* The translations installed beside the program (PREFIX/bin/../share/locale), so that an
 * installation moved to another prefix, or staged in a DESTDIR, still speaks the user's
 * language; else (an uninstalled build) the configured folder. */
static const char *
find_locale_dir (void)
{
  static char *dir;
  g_autofree char *exe = NULL;
  g_autofree char *bindir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *locale = NULL;

  if (dir != NULL)
    return dir;

  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    {
      bindir = g_path_get_dirname (exe);
      name = g_path_get_basename (bindir);
      locale = g_build_filename (bindir, "..", "share", "locale", NULL);
      if (g_str_equal (name, "bin") && g_file_test (locale, G_FILE_TEST_IS_DIR))
        return dir = g_steal_pointer (&locale);
    }
  return dir = g_strdup (LOCALEDIR);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasApplication) app = NULL;

#ifdef __GLIBC__
  /* glibc gives each thread that allocates its own arena (up to eight per core), and the
   * worker threads that draw tiles and the district layer each kept a megabyte or so there:
   * 15 arenas, 8 MB, after panning. Two arenas are enough for the few allocations that
   * overlap; the big buffers do not come from malloc at all. */
  mallopt (M_ARENA_MAX, 2);
#endif
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  atlas_trace_startup ("main");
  app = atlas_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
