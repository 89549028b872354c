/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-list-page.h"

G_BEGIN_DECLS

/* The NHS trusts and their sites; the selected trust's or site's details above the list. */

#define ATLAS_TYPE_TRUSTS_PAGE (atlas_trusts_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTrustsPage, atlas_trusts_page, ATLAS, TRUSTS_PAGE, AtlasListPage)

GtkWidget *atlas_trusts_page_new (AtlasSelection *selection);

G_END_DECLS
