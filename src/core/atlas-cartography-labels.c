/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-cartography-private.h"

#include "atlas-label-layout.h"

#include <math.h>

void
atlas_cartography_draw_labels (cairo_t                       *cr,
                               const AtlasView               *view,
                               AtlasDataset                  *dataset,
                               const AtlasCartographyOptions *options)
{
  atlas_cartography_draw_labels_avoiding (cr, view, dataset, options, NULL, 0);
}

void
atlas_cartography_draw_labels_avoiding (cairo_t                       *cr,
                                        const AtlasView               *view,
                                        AtlasDataset                  *dataset,
                                        const AtlasCartographyOptions *options,
                                        const double                  *boxes,
                                        guint                          n_boxes)
{
  g_autoptr(AtlasLabelLayout) layout = NULL;
  g_autofree AtlasLabelBox *obstacles = NULL;

  g_return_if_fail (cr != NULL && view != NULL && options != NULL);
  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (boxes != NULL || n_boxes == 0);

  obstacles = g_new (AtlasLabelBox, MAX (n_boxes, 1));
  for (guint i = 0; i < n_boxes; i++)
    {
      const double *b = &boxes[4 * i];

      obstacles[i] = (AtlasLabelBox) { MIN (b[0], b[2]), MIN (b[1], b[3]), fabs (b[2] - b[0]),
                                       fabs (b[3] - b[1]) };
    }
  layout = atlas_label_layout_new (view, dataset, options, obstacles, n_boxes);
  atlas_label_layout_draw (layout, cr);
}
