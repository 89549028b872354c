/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-selection.h"

G_BEGIN_DECLS

/* The care system at a glance: its name, summary and headline facts, each with its source. */

#define ATLAS_TYPE_OVERVIEW_PAGE (atlas_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasOverviewPage, atlas_overview_page, ATLAS, OVERVIEW_PAGE, GtkWidget)

GtkWidget *atlas_overview_page_new (AtlasSelection *selection);

G_END_DECLS
