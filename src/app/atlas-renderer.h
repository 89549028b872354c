/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        atlas_renderer_choose   (GdkDisplay *display);
const char *atlas_renderer_describe (void);
const char *atlas_renderer_expected (void);

G_END_DECLS
