/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-export-private.h"
#include "atlas-record-summary.h"

G_BEGIN_DECLS

/* A record's summary (atlas-record-summary.h) set as print: a grid of facts, each caption in a
 * narrow column at the left and its value beside it, with the numbers of its sources raised
 * after it and the sources listed at the end. The export caption, the meeting pack's pages and
 * its slides draw it; the side panel shows the same summary as widgets.
 *
 * The summary is laid out once at one column width, as rows. Filling columns places rows from
 * where the last fill stopped; a row that does not fit goes on in the next column, between two
 * of its lines, so that nothing is ever cut: the pack gives as many columns (pages) as the
 * text needs, a caption of fixed size says what it had no room for. Text is drawn as the
 * dataset has it, except the data's mark of a cut in a quotation, " … ", which is printed as
 * " [...] ": in print, "…" would read as text the layout cut. */

typedef struct _AtlasSummaryFlow AtlasSummaryFlow;

typedef struct {
  double x;
  double y;
  double width;
  double height;
} AtlasFlowColumn;

typedef enum {
  ATLAS_FLOW_TITLE   = 1 << 0,  /* the record's name and subtitle first (a caption) */
  ATLAS_FLOW_SOURCES = 1 << 1,  /* the sources, numbered, at the end */
} AtlasFlowFlags;

/* Lays summary out at width (design units) with cr's font settings (cr scaled as when drawn). */
AtlasSummaryFlow *_atlas_summary_flow_new   (cairo_t                  *cr,
                                             AtlasDataset             *dataset,
                                             const AtlasRecordSummary *summary,
                                             AtlasTheme                theme,
                                             double                    width,
                                             guint                     flags);
void              _atlas_summary_flow_free  (AtlasSummaryFlow         *flow);
/* Places rows into the columns, in order, from where the last fill stopped, and draws them on
 * cr (in design units) unless cr is NULL. TRUE when every row is placed. */
gboolean          _atlas_summary_flow_fill  (AtlasSummaryFlow         *flow,
                                             cairo_t                  *cr,
                                             const AtlasFlowColumn    *columns,
                                             guint                    n_columns);
/* Starts again from the first row. */
void              _atlas_summary_flow_rewind (AtlasSummaryFlow        *flow);
/* The captions of the facts not placed yet, "Updates, Sources"; NULL when all are. */
char             *_atlas_summary_flow_dup_rest (AtlasSummaryFlow     *flow);
/* The height of one line of body text, design units. */
double            _atlas_summary_flow_line_height (AtlasSummaryFlow  *flow);

/* Internal to atlas-export-summary.c (rows) and atlas-export-summary-fill.c (placing). */
/* One row of the grid: a caption in the left column (or none) and text beside it. */
typedef struct {
  PangoLayout *label;
  PangoLayout *text;
  double text_x;        /* where the text starts, from the column's left */
  double height;
  double gap;           /* space after the row */
  gboolean keep;        /* a heading: never last in a column */
  gboolean bullet;      /* a bullet drawn before the text */
  const char *what;     /* the caption of its fact (the summary's: it outlives the flow) */
} AtlasFlowRow;

struct _AtlasSummaryFlow {
  cairo_t *cr;                     /* for the layouts' context; not drawn on */
  AtlasDataset *dataset;
  const AtlasCartographyPalette *palette;
  double width;
  double label_width;
  double line_height;              /* of body text */
  GArray *rows;                    /* AtlasFlowRow */
  GPtrArray *sources;              /* ids, numbered from 1 in this order */
  guint next;                      /* the first row not wholly placed */
  double offset;                   /* how much of it is placed already */
};

/* The print form of data text: " … " (a cut in a quotation) as " [...] ". Free with g_free. */
char             *_atlas_export_printable   (const char               *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSummaryFlow, _atlas_summary_flow_free)

G_END_DECLS
