/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-export-pack.h"
#include "atlas-export-summary-private.h"

G_BEGIN_DECLS

/* Internal: the meeting pack's PDF, planned before it is drawn (atlas-export-pack-pages.c) so
 * that the contents and the outline know every page's number. atlas-export-pack.c runs it
 * (files, the slides' thread, progress).
 *
 * Every page is A4 landscape and laid out by atlas_export_compute_layout on the paper canvas,
 * with the system's name and the page's number in its footer. The cover is the system at a
 * glance; the contents follow, then each record: its first page is its map with its summary in
 * the panel beside it (under a locator map of the whole system), and the rest of the summary
 * goes on in columns on the pages after it, never cut. District maps share one scale: each is
 * framed on its district with a frame the size of the largest district's, so neighbours show
 * and the scale bars agree. */

#define ATLAS_PACK_PAGE_WIDTH   841.89   /* A4 landscape, points */
#define ATLAS_PACK_PAGE_HEIGHT  595.28
#define ATLAS_PACK_CONTENTS_ROW 30.0     /* a line of the contents, design units */

/* One record of the pack: the system (the cover), a partnership or a district. */
typedef struct {
  AtlasSelectionKind kind;       /* NONE (the system), PARTNERSHIP or DISTRICT */
  gconstpointer record;
  guint first_page;              /* 1-based, in the PDF */
  guint n_pages;
  gboolean framed;               /* frame holds the map's frame (the shared scale) */
  AtlasBBox frame;               /* lon/lat */
  guint depth;                   /* 1: a district under its partnership (both) */
} AtlasPackEntry;

typedef struct {
  AtlasDataset *dataset;
  AtlasCartographyOptions base;  /* theme and thematic layer of every map */
  GArray *entries;               /* AtlasPackEntry: the cover's, then in page order */
  guint contents_page;           /* the contents' first page */
  guint n_contents_pages;
  guint rows_per_contents_page;
  guint n_pages;
  char *date;                    /* of the pack, as printed: "3 December 2026" */
  cairo_surface_t *locator;      /* the locator map every record's page shows */
} AtlasPackPlan;

/* The records of a pack in page order, the system's (the cover) first; only kind, record and
 * depth are set. */
GArray        *_atlas_pack_list_entries    (AtlasDataset                  *dataset,
                                            AtlasExportPackBy              by);
/* Which records, their pages and the shared scale. cr: a context on the PDF surface (text is
 * measured with its settings). */
AtlasPackPlan *_atlas_pack_plan_new        (AtlasDataset                  *dataset,
                                            AtlasExportPackBy              by,
                                            const AtlasCartographyOptions *base,
                                            cairo_t                       *cr);
void           _atlas_pack_plan_free       (AtlasPackPlan                 *plan);

/* The options of one page, and the strings they point to. */
typedef struct {
  AtlasExportOptions options;
  char *title;
  char *subtitle;
  char *footer;
} AtlasPackPage;

/* An entry's page number: its first (the map, and the panel panel_width wide) or one of text.
 * The title, subtitle and footer (the system's name and the page's number) are set. */
void           _atlas_pack_page_init       (AtlasPackPage                 *page,
                                            const AtlasPackPlan           *plan,
                                            const AtlasPackEntry          *entry,
                                            guint                          number,
                                            double                         panel_width);
void           _atlas_pack_page_clear      (AtlasPackPage                 *page);

/* Draws all the pages of an entry on the PDF, each followed by cairo_show_page. */
void           _atlas_pack_draw_entry      (const AtlasPackPlan           *plan,
                                            const AtlasPackEntry          *entry,
                                            cairo_t                       *cr);
/* The contents pages, each line a link to its entry's first page. */
void           _atlas_pack_draw_contents   (const AtlasPackPlan           *plan,
                                            cairo_t                       *cr);
/* The PDF's outline (bookmarks): an item per entry, and its metadata. */
void           _atlas_pack_add_outline     (const AtlasPackPlan           *plan,
                                            cairo_surface_t               *pdf);

/* The entry's name as the contents and the outline give it. */
const char    *_atlas_pack_entry_name      (const AtlasPackEntry          *entry,
                                            AtlasDataset                  *dataset);
/* A locator map: the whole system, as an image of width × height design units. */
cairo_surface_t *_atlas_pack_locator_new   (AtlasDataset                  *dataset,
                                            const AtlasCartographyOptions *base,
                                            double                         width,
                                            double                         height);
/* Paints a locator in the rectangle (design units) with a box around the record. */
void           _atlas_pack_draw_locator    (cairo_t                       *cr,
                                            cairo_surface_t               *locator,
                                            AtlasDataset                  *dataset,
                                            AtlasTheme                     theme,
                                            AtlasSelectionKind             kind,
                                            gconstpointer                  record,
                                            double                         x,
                                            double                         y,
                                            double                         width,
                                            double                         height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasPackPlan, _atlas_pack_plan_free)

G_END_DECLS
