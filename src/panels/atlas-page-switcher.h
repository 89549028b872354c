/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The side panel's page tabs: one toggle button per page of an AdwViewStack, with its icon and
 * its title under it, side by side in equal widths. Unlike AdwViewSwitcher's narrow buttons,
 * whose titles are cut short, a title that does not fit wraps onto a second line (at a soft
 * hyphen where the translation has one: "Partner­schaften"). */

#define ATLAS_TYPE_PAGE_SWITCHER (atlas_page_switcher_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPageSwitcher, atlas_page_switcher, ATLAS, PAGE_SWITCHER, GtkWidget)

GtkWidget    *atlas_page_switcher_new       (void);
void          atlas_page_switcher_set_stack (AtlasPageSwitcher *self,
                                             AdwViewStack      *stack);
AdwViewStack *atlas_page_switcher_get_stack (AtlasPageSwitcher *self);

G_END_DECLS
