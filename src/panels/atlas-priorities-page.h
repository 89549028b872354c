/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-list-page.h"

G_BEGIN_DECLS

/* The system's priorities in order; those with sections expand to show them. A selected
 * priority (a partnership's too) is shown in full above the list. */

#define ATLAS_TYPE_PRIORITIES_PAGE (atlas_priorities_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPrioritiesPage, atlas_priorities_page,
                      ATLAS, PRIORITIES_PAGE, AtlasListPage)

GtkWidget *atlas_priorities_page_new (AtlasSelection *selection);

G_END_DECLS
