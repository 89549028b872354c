/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "atlas-cartography.h"

G_BEGIN_DECLS

/* Where the names go on one map surface: every district in view and the hospital sites, placed
 * by fixed rules (HACKING.md, "Names on the map") so that the window, its screenshot, exports,
 * print and the meeting pack name the same things in the same places.
 *
 * Everything is in surface units, the view's: the map frame's top-left corner is (0, 0) and
 * (view->width, view->height) its bottom-right. The caller says what covers the map (legend,
 * scale bar, north arrow, zoom buttons, attribution…) as obstacle boxes in the same units;
 * nothing is placed over them. The same input gives the same layout, byte for byte, in any
 * thread: text is measured with fixed font options, and nothing depends on hash order. */

typedef enum {
  ATLAS_LABEL_DISTRICT,          /* "label": a district's name inside its polygon */
  ATLAS_LABEL_DISTRICT_CALLOUT,  /* "callout-label": outside it, with a leader line */
  ATLAS_LABEL_SITE,              /* "site-label": a site's name (a leader when it is away) */
  ATLAS_LABEL_SITE_SYMBOL,       /* "site": the symbol drawn at a site */
} AtlasLabelKind;

typedef enum {
  ATLAS_LABEL_SELECTED = 1 << 0,  /* names part of the selection: placed first */
  ATLAS_LABEL_FADED    = 1 << 1,  /* a site outside the selected trust: drawn muted */
} AtlasLabelFlags;

typedef struct {
  double x;
  double y;
  double width;
  double height;
} AtlasLabelBox;

typedef struct {
  AtlasLabelKind kind;
  guint flags;                     /* AtlasLabelFlags */
  const AtlasDistrict *district;   /* district names; NULL for sites */
  const AtlasSite *site;           /* site names and symbols; NULL for districts */
  const char *text;                /* one line, or two with '\n' between; a symbol's site name */
  double font_size;                /* in surface units; 0 for symbols */
  AtlasLabelBox box;               /* the text's (or symbol's) box */
  gboolean has_leader;
  double leader_x0;                /* on the edge of the box */
  double leader_y0;
  double leader_x1;                /* inside the district, or at the site symbol's edge */
  double leader_y1;
} AtlasLabelItem;

typedef struct _AtlasLabelLayout AtlasLabelLayout;

/* Places the names of what options shows (options->labels: districts; options->sites and
 * options->site_labels: sites) on the view's surface, keeping them off the n_obstacles boxes.
 * Text sizes come from options->label_size and options->site_label_size. Any thread: text is
 * measured with the calling thread's Pango font map and fixed font options, so the layout is
 * the same in every thread, and may be drawn in another. */
AtlasLabelLayout     *atlas_label_layout_new          (const AtlasView               *view,
                                                       AtlasDataset                  *dataset,
                                                       const AtlasCartographyOptions *options,
                                                       const AtlasLabelBox           *obstacles,
                                                       guint                          n_obstacles);
void                  atlas_label_layout_free         (AtlasLabelLayout              *layout);

/* What was placed, in drawing order: symbols' boxes, then names. */
const AtlasLabelItem *atlas_label_layout_get_items    (const AtlasLabelLayout        *layout,
                                                       guint                         *n_items);
/* The names that found no room: kind, record and text set, box and leader zero. The selection
 * and every district in view come before anything is dropped; what is dropped is said here. */
const AtlasLabelItem *atlas_label_layout_get_dropped  (const AtlasLabelLayout        *layout,
                                                       guint                         *n_items);

/* Draws the names and leader lines (not the symbols: atlas_cartography_draw_sites does) with
 * halos in the options' theme, on cr in the view's surface units. */
void                  atlas_label_layout_draw         (const AtlasLabelLayout        *layout,
                                                       cairo_t                       *cr);

/* "label", "callout-label", "site-label", "site". */
const char           *atlas_label_kind_to_string      (AtlasLabelKind                 kind);

/* Appends one line per placed item, KIND<TAB>TEXT<TAB>X<TAB>Y<TAB>W<TAB>H, the box in whole
 * output pixels through to_output (surface units to output pixels, e.g. the cairo context's
 * matrix when drawing; NULL: surface units as they are), two-line text joined by a space. */
void                  atlas_label_layout_append_report (const AtlasLabelLayout       *layout,
                                                        const cairo_matrix_t         *to_output,
                                                        GString                      *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLabelLayout, atlas_label_layout_free)

G_END_DECLS
