/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-list-page.h"

G_BEGIN_DECLS

/* Dated updates (meeting headlines and the like), each with the districts it names. */

#define ATLAS_TYPE_UPDATES_PAGE (atlas_updates_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasUpdatesPage, atlas_updates_page, ATLAS, UPDATES_PAGE, AtlasListPage)

GtkWidget *atlas_updates_page_new (AtlasSelection *selection);

G_END_DECLS
