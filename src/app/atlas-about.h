/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWindow *atlas_about_window_new (GtkWindow *parent);
void       atlas_show_about       (GtkWindow *parent);

G_END_DECLS
