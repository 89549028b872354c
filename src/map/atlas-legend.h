/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-cartography.h"
#include "atlas-legend-model.h"

G_BEGIN_DECLS

/* The key to the map: the entries of the map state's legend model (the same the exports draw),
 * in the colours the district layer uses. */

#define ATLAS_TYPE_LEGEND (atlas_legend_get_type ())
G_DECLARE_FINAL_TYPE (AtlasLegend, atlas_legend, ATLAS, LEGEND, GtkWidget)

GtkWidget *atlas_legend_new      (void);
/* Whether the legend starts with what it is a key to (“Partnerships”, the indicator's title);
 * on by default, off where a switch next to it already says so. Takes effect at the next set. */
void       atlas_legend_set_show_title (AtlasLegend *self,
                                        gboolean     show_title);
/* Rebuilds the legend from model (NULL: empty). */
void       atlas_legend_set_model (AtlasLegend         *self,
                                   AtlasLegendModel    *model,
                                   AtlasTheme           theme);
/* Every line of text in the legend, one per line: for tests and for the accessible name. */
char      *atlas_legend_dup_text (AtlasLegend          *self);
/* The colour of each swatch, top to bottom (0xRRGGBB); outline swatches are included. */
GArray    *atlas_legend_get_swatch_colours (AtlasLegend *self);

G_END_DECLS
