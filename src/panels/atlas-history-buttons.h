/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-selection.h"

G_BEGIN_DECLS

/* The mouse's back and forward buttons (8 and 9 under X11 and Wayland) step through the
 * selection's history over widget: the side panel and the map both use this one handler. */
void atlas_history_buttons_attach (GtkWidget      *widget,
                                   AtlasSelection *selection);
/* Whether the handler is on widget. */
gboolean atlas_history_buttons_attached (GtkWidget *widget);
/* What a press of the button does to the selection: TRUE when it was a history button. */
gboolean atlas_history_buttons_press (AtlasSelection *selection,
                                      guint           button);

G_END_DECLS
