/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "atlas-application.h"
#include "atlas-startup-trace.h"

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
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  atlas_trace_startup ("main");
  app = atlas_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
