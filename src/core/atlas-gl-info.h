/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean atlas_gl_renderer_is_software (const char *gl_renderer);

G_END_DECLS
