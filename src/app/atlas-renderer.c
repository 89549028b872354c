/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <epoxy/gl.h>

#include "atlas-gl-info.h"
#include "atlas-renderer.h"
#include "atlas-startup-trace.h"

/* Which of GTK's renderers draws the windows, chosen once at start-up. GTK 4.8 takes its GL
 * renderer whenever OpenGL works, also when OpenGL is a software driver (Mesa's llvmpipe on a
 * remote desktop or a virtual machine without a GPU), where the GL renderer takes over a second
 * to start and a tenth of a second per frame while panning, against a few milliseconds for its
 * cairo renderer. So the OpenGL driver is asked its name before the first window is realized,
 * and a software driver gets the cairo renderer. GSK_RENDERER, when set, still decides. */

static char *description = NULL;
static const char *expected = NULL;

/* The GL_RENDERER of a context of the display's, or NULL when OpenGL does not work there
 * (then GTK does not take its GL renderer either). */
static char *
query_gl_renderer (GdkDisplay  *display,
                   GError     **error)
{
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, error);
  const char *name;
  char *copy;

  if (context == NULL || !gdk_gl_context_realize (context, error))
    return NULL;
  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  copy = g_strdup (name != NULL ? name : "");
  gdk_gl_context_clear_current ();
  return copy;
}

/**
 * atlas_renderer_choose:
 * @display: the display the windows open on
 *
 * Gives windows on @display the cairo renderer when OpenGL there is a software driver and
 * GSK_RENDERER is not set. Call before the first window is realized.
 */
void
atlas_renderer_choose (GdkDisplay *display)
{
  const char *forced = g_getenv ("GSK_RENDERER");
  g_autoptr(GError) error = NULL;
  g_autofree char *gl = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  g_clear_pointer (&description, g_free);
  expected = NULL;
  if (forced != NULL && *forced != '\0')
    {
      description = g_strdup_printf ("GSK_RENDERER=%s (set in the environment; not detected)",
                                     forced);
      return;
    }

  gl = query_gl_renderer (display, &error);
  atlas_trace_startup ("gl-queried");
  if (gl == NULL)
    {
      description = g_strdup_printf ("GTK's default (OpenGL unavailable: %s)",
                                     error != NULL ? error->message : "no context");
      return;
    }
  if (!atlas_gl_renderer_is_software (gl))
    {
      description = g_strdup_printf ("GTK's default (OpenGL: %s)", gl);
      return;
    }

  /* GTK asks the display before the environment; this is also how its inspector switches. */
  g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);
  expected = "GskCairoRenderer";
  description = g_strdup_printf ("cairo (OpenGL is a software driver: %s; "
                                 "GSK_RENDERER=gl brings GTK's GL renderer back)", gl);
}

/**
 * atlas_renderer_describe:
 *
 * Returns: (nullable): a line for the troubleshooting information saying which renderer was
 *   chosen and why, or %NULL before atlas_renderer_choose()
 */
const char *
atlas_renderer_describe (void)
{
  return description;
}

/**
 * atlas_renderer_expected:
 *
 * Returns: (nullable): the type name of the renderer chosen for the windows, or %NULL when
 *   GTK chooses
 */
const char *
atlas_renderer_expected (void)
{
  return expected;
}
