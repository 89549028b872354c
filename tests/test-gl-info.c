/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-gl-info.h"

/* Which OpenGL drivers count as software rasterisers, from the GL_RENDERER strings they give. */

static void
test_software (void)
{
  g_assert_true (atlas_gl_renderer_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (atlas_gl_renderer_is_software ("LLVMPIPE (LLVM 11.0.1, 128 bits)"));
  g_assert_true (atlas_gl_renderer_is_software ("softpipe"));
  g_assert_true (atlas_gl_renderer_is_software ("Software Rasterizer"));
  g_assert_true (atlas_gl_renderer_is_software ("zink (lavapipe)"));
  g_assert_true (atlas_gl_renderer_is_software ("Google SwiftShader"));
  g_assert_true (atlas_gl_renderer_is_software ("D3D12 (Microsoft Basic Render Driver)"));
}

static void
test_hardware (void)
{
  g_assert_false (atlas_gl_renderer_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (atlas_gl_renderer_is_software ("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, "
                                                 "DRM 3.49, 6.1.0-13-amd64)"));
  g_assert_false (atlas_gl_renderer_is_software ("NVIDIA GeForce GTX 1650/PCIe/SSE2"));
  g_assert_false (atlas_gl_renderer_is_software ("virgl (Intel(R) UHD Graphics 630)"));
  g_assert_false (atlas_gl_renderer_is_software (""));
  g_assert_false (atlas_gl_renderer_is_software (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gl-info/software", test_software);
  g_test_add_func ("/gl-info/hardware", test_hardware);
  return g_test_run ();
}
