/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The names on an exported map: placed by the label engine (atlas-label-layout.h) off the
 * legend, the scale bar and the north arrow, at type sizes chosen for the page, and listed in
 * the report with the furniture, so that --report-layout describes everything drawn. */
#include "config.h"

#include "atlas-export-private.h"

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
                          const AtlasCartographyOptions *carto)
{
  AtlasCartographyOptions sized = *carto;
  AtlasLabelBox covers[ATLAS_EXPORT_MAX_COVERS];
  g_autoptr(AtlasLabelLayout) names = NULL;
  guint n_covers;

  if (sized.label_size <= 0)
    sized.label_size = get_label_size (layout);
  n_covers = _atlas_export_get_covers (cr, options, layout->map_width, layout->map_height,
                                       &layout->view, covers);
  names = atlas_cartography_draw_names (cr, &layout->view, options->dataset, &sized, covers,
                                        n_covers);
  if (options->report != NULL)
    report_names (options, layout, names);
}
