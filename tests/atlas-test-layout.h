/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* Reading the layout reports of `ics-atlas --report-layout` and of the window
 * (ICS_ATLAS_REPORT_LAYOUT): one KIND<TAB>TEXT<TAB>X<TAB>Y<TAB>W<TAB>H line per element. */

typedef struct {
  char *kind;
  char *text;
  double x;
  double y;
  double width;
  double height;
} AtlasTestItem;

/* The report's lines as AtlasTestItem; a line of another shape fails the test. */
GPtrArray           *atlas_test_parse_report   (const char          *report);
/* The first item of that kind (and text, unless NULL), or NULL. */
const AtlasTestItem *atlas_test_find_item      (GPtrArray           *items,
                                                const char          *kind,
                                                const char          *text);
/* Whether the kind is furniture over or around the map: title, subtitle, legend-box,
 * scale-bar, north-arrow, caption, attribution, zoom-buttons. */
gboolean             atlas_test_is_furniture   (const char          *kind);
/* Whether the box lies inside the map frame and meets no furniture (by more than a pixel, for
 * rounding to whole pixels). */
gboolean             atlas_test_box_is_clear   (GPtrArray           *items,
                                                double               x,
                                                double               y,
                                                double               width,
                                                double               height);
/* The names of a map with the whole system in view, checked (what names the case in messages):
 * every district has a label or callout-label, every acute hospital a site-label; no name
 * meets another, a site symbol or furniture, and each lies inside the map frame. */
void                 atlas_test_check_names    (GPtrArray           *items,
                                                AtlasDataset        *dataset,
                                                const char          *what);

G_END_DECLS
