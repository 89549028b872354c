/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* Hospital sites on the map are drawn by the district layer (a square for acute hospitals, a
 * circle for local ones); this is the details popover a click opens. */

/* Fills the popover with the site's details: name, town, trust, district and source. */
void  atlas_site_marker_set_popover_site (GtkPopover      *popover,
                                          AtlasDataset    *dataset,
                                          const AtlasSite *site);
G_END_DECLS
