/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-annotation-layer.h"

G_BEGIN_DECLS

/* The small tool palette over the map: select and move, pin, text box, arrow and area, and
 * the colour new annotations get. It sets the annotation layer's tool and follows it (a
 * drawing tool goes back to select once its annotation is made). */

#define ATLAS_TYPE_ANNOTATION_PALETTE (atlas_annotation_palette_get_type ())
G_DECLARE_FINAL_TYPE (AtlasAnnotationPalette, atlas_annotation_palette, ATLAS,
                      ANNOTATION_PALETTE, GtkWidget)

GtkWidget *atlas_annotation_palette_new        (AtlasAnnotationLayer   *layer);
/* The toggle button of a tool. */
GtkWidget *atlas_annotation_palette_get_button (AtlasAnnotationPalette *self,
                                                AtlasAnnotationTool     tool);
void       atlas_annotation_palette_set_colour (AtlasAnnotationPalette *self,
                                                AtlasAnnotationColour   colour);

G_END_DECLS
