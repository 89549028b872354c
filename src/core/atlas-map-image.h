/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-cartography.h"
#include "atlas-dataset.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/* The map exactly as a window shows it, without export furniture: the offline base map, the
 * districts, their names and the sites for a view, and the attribution line in the bottom-left
 * corner as the window's licence label has it. The screenshot and "Copy Map Image" use it,
 * drawn at any scale of the on-screen view, so they are sharp rather than an enlarged capture. */

typedef struct {
  AtlasDataset *dataset;
  AtlasView view;                   /* the on-screen view, in logical pixels */
  double scale;                     /* output pixels per logical pixel, e.g. 2 */
  AtlasCartographyOptions carto;    /* theme, selection, labels and sites as on screen */
  const char *attribution;          /* NULL: the dataset's boundary licence */
  gboolean online_map;              /* adds "© OpenStreetMap contributors" */
} AtlasMapImageOptions;

void             atlas_map_image_options_init (AtlasMapImageOptions       *options,
                                               AtlasDataset               *dataset,
                                               const AtlasView            *view);
/* The attribution line drawn; free with g_free (). */
char            *atlas_map_image_get_attribution (const AtlasMapImageOptions *options);
/* Draws onto cr, whose user space is the output: view size × scale. */
void             atlas_map_image_render       (cairo_t                    *cr,
                                               const AtlasMapImageOptions *options);
/* An opaque image of view size × scale (CAIRO_FORMAT_ARGB32, every pixel opaque). */
cairo_surface_t *atlas_map_image_create_surface (const AtlasMapImageOptions *options);

G_END_DECLS
