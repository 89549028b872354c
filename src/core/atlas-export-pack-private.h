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
 * the panel beside it, and the rest of the summary goes on in columns on the pages after it,
 * never cut. District maps share one scale: each is framed on its district with a frame the
 * size of the largest district's, so neighbours show and the scale bars agree. */

#define ATLAS_PACK_PAGE_WIDTH   841.89   /* A4 landscape, points */
#define ATLAS_PACK_PAGE_HEIGHT  595.28

/* One record of the pack: the system (the cover), a partnership or a district. */
typedef struct {
  AtlasSelectionKind kind;       /* NONE (the system), PARTNERSHIP or DISTRICT */
  gconstpointer record;
  guint first_page;              /* 1-based, in the PDF */
  guint n_pages;
  gboolean framed;               /* frame holds the map's frame (the shared scale) */
  AtlasBBox frame;               /* lon/lat */
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
} AtlasPackPlan;

/* Which records, their pages and the shared scale. cr: a context on the PDF surface (text is
 * measured with its settings). */
AtlasPackPlan *_atlas_pack_plan_new        (AtlasDataset                  *dataset,
                                            AtlasExportPackBy              by,
                                            const AtlasCartographyOptions *base,
                                            cairo_t                       *cr);
void           _atlas_pack_plan_free       (AtlasPackPlan                 *plan);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasPackPlan, _atlas_pack_plan_free)

G_END_DECLS
