/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-list-page.h"

G_BEGIN_DECLS

/* The system's partnerships; the selected one's description, members, facts, sections and
 * priorities above the list. */

#define ATLAS_TYPE_PARTNERSHIPS_PAGE (atlas_partnerships_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPartnershipsPage, atlas_partnerships_page,
                      ATLAS, PARTNERSHIPS_PAGE, AtlasListPage)

GtkWidget *atlas_partnerships_page_new (AtlasSelection *selection);

G_END_DECLS
