/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "atlas-gl-info.h"

/* OpenGL drivers that draw with the processor. On them GTK's GL renderer compiles its shaders
 * and rasterises every frame in software, several times slower than its cairo renderer;
 * remote desktops and virtual machines without a GPU get one of these. The names are those
 * the drivers give as GL_RENDERER. */
static const char *software_renderers[] = {
  "llvmpipe",                   /* Mesa's default software driver */
  "softpipe",                   /* Mesa's reference software driver */
  "swrast",                     /* Mesa's classic software driver */
  "software rasterizer",        /* "Mesa X11" and older Mesa */
  "lavapipe",                   /* Mesa's Vulkan software driver, through Zink */
  "swiftshader",                /* Google's software driver */
  "microsoft basic render",     /* WSL without a GPU */
  "gdi generic",                /* Windows' software OpenGL */
  NULL
};

/**
 * atlas_gl_renderer_is_software:
 * @gl_renderer: (nullable): the GL_RENDERER string of an OpenGL context
 *
 * Returns: whether that OpenGL driver rasterises in software
 */
gboolean
atlas_gl_renderer_is_software (const char *gl_renderer)
{
  g_autofree char *lower = NULL;

  if (gl_renderer == NULL)
    return FALSE;
  lower = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; software_renderers[i] != NULL; i++)
    if (strstr (lower, software_renderers[i]) != NULL)
      return TRUE;
  return FALSE;
}
