/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "atlas-about.h"
#include "atlas-renderer.h"
#include "window-test-util.h"

/* The renderer chosen at start-up: GSK_RENDERER decides when set; otherwise a software OpenGL
 * driver (Mesa's llvmpipe, as under Xvfb) gets GTK's cairo renderer. */

static AtlasApplication *app;

static const char *
renderer_of (AtlasWindow *window)
{
  return G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
}

/* Start-up ran with GSK_RENDERER=gl (see main): the environment is kept, nothing detected. */
static void
test_environment_wins (void)
{
  g_assert_nonnull (atlas_renderer_describe ());
  g_assert_true (g_str_has_prefix (atlas_renderer_describe (), "GSK_RENDERER=gl"));
  g_assert_null (atlas_renderer_expected ());
}

static void
test_software_gets_cairo (void)
{
  AtlasWindow *window;
  GtkWindow *about;
  g_autofree char *info = NULL;

  /* Without GSK_RENDERER the driver is asked; GTK has not created a renderer yet, so without
   * the choice the window would get its default, the GL renderer. */
  g_unsetenv ("GSK_RENDERER");
  atlas_renderer_choose (gdk_display_get_default ());
  g_test_message ("%s", atlas_renderer_describe ());
  if (atlas_renderer_expected () == NULL)
    {
      g_test_skip (atlas_renderer_describe ());
      return;
    }
  g_assert_true (g_str_has_prefix (atlas_renderer_describe (), "cairo (OpenGL is a software"));
  g_assert_cmpstr (atlas_renderer_expected (), ==, "GskCairoRenderer");

  window = window_test_open_loading (app, "hwe");
  g_assert_cmpstr (renderer_of (window), ==, "GskCairoRenderer");

  /* And the about window says so, for a bug report. */
  about = atlas_about_window_new (GTK_WINDOW (window));
  g_object_get (about, "debug-info", &info, NULL);
  g_assert_nonnull (strstr (info, "Renderer chosen: cairo (OpenGL is a software driver"));
  g_assert_nonnull (strstr (info, "Renderer in use: GskCairoRenderer"));
  gtk_window_destroy (about);
  window_test_close (window);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's GL renderer would be used if nothing chose otherwise (the tests' default is cairo). */
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  app = window_test_init (&argc, &argv);
  g_test_add_func ("/renderer/environment-wins", test_environment_wins);
  g_test_add_func ("/renderer/software-gets-cairo", test_software_gets_cairo);
  return g_test_run ();
}
