/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The names on an exported map: placed by the label engine (atlas-label-layout.h) off the
 * legend, the scale bar and the north arrow, at type sizes chosen for the page, and listed in
 * the report with the furniture, so that --report-layout describes everything drawn. */
#include "config.h"

#include "atlas-export-private.h"

#include <math.h>

/* District names' type size in design units. A slide's canvas is 1920 units wide and is seen
 * from across a room: a little larger than the legend's entries (11 pt, 14.7 units). A paper
 * canvas is 1280 units wide on an A4 page's 842 points: 14 units come out at 9.2 pt, hospitals'
 * names (0.85 of it) at 7.8 pt, the sizes of a printed map's place names. */
#define SLIDE_LABEL_SIZE 16.0
#define PAPER_LABEL_SIZE 14.0

static double
get_label_size (const AtlasExportLayout *layout)
{
  return layout->width >= ATLAS_EXPORT_DESIGN_WIDTH ? SLIDE_LABEL_SIZE : PAPER_LABEL_SIZE;
}

static void
report_names (const AtlasExportOptions *options,
              const AtlasExportLayout  *layout,
              const AtlasLabelLayout   *names)
{
  const AtlasLabelItem *items;
  guint n;

  items = atlas_label_layout_get_items (names, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasLabelItem *item = &items[i];

      _atlas_export_report (options, layout, atlas_label_kind_to_string (item->kind),
                            item->text, layout->map_x + item->box.x,
                            layout->map_y + item->box.y, item->box.width, item->box.height);
    }
}

void
_atlas_export_draw_names (cairo_t                       *cr,
                          const AtlasExportOptions      *options,
                          const AtlasExportLayout       *layout,
                          const AtlasCartographyOptions *carto,
                          const AtlasAnnotationLayout   *annotations)
{
  AtlasCartographyOptions sized = *carto;
  AtlasLabelBox covers[ATLAS_EXPORT_MAX_COVERS];
  g_autoptr(GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  g_autoptr(AtlasLabelLayout) names = NULL;
  guint n_covers;

  if (sized.label_size <= 0)
    sized.label_size = get_label_size (layout);
  /* The furniture over the map, and the annotations, which are drawn over the names. */
  n_covers = _atlas_export_get_covers (cr, options, layout->map_width, layout->map_height,
                                       &layout->view, covers);
  g_array_append_vals (obstacles, covers, n_covers);
  if (annotations != NULL)
    {
      g_autoptr(GArray) corners = atlas_annotation_layout_get_boxes (annotations);

      for (guint i = 0; i + 3 < corners->len; i += 4)
        {
          const double *b = &g_array_index (corners, double, i);
          AtlasLabelBox box = { MIN (b[0], b[2]), MIN (b[1], b[3]), fabs (b[2] - b[0]),
                                fabs (b[3] - b[1]) };

          g_array_append_val (obstacles, box);
        }
    }
  names = atlas_cartography_draw_names (cr, &layout->view, options->dataset, &sized,
                                        (const AtlasLabelBox *) obstacles->data,
                                        obstacles->len);
  if (options->report != NULL)
    report_names (options, layout, names);
}
