/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A name's box as placement measures it: with the shortcut for plain names, or with a whole
 * Pango layout as drawing uses. The two must agree. */
void _atlas_label_test_measure (const char *string,
                                gboolean    site,
                                double      size,
                                gboolean    shortcut,
                                double     *width,
                                double     *height);

G_END_DECLS
