/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-list-page.h"

G_BEGIN_DECLS

/* Every district of the system; when a district is selected, its details above the list. */

#define ATLAS_TYPE_DISTRICTS_PAGE (atlas_districts_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasDistrictsPage, atlas_districts_page, ATLAS, DISTRICTS_PAGE,
                      AtlasListPage)

GtkWidget *atlas_districts_page_new (AtlasSelection *selection);

G_END_DECLS
