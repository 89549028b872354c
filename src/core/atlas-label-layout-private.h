/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "atlas-cartography-private.h"
#include "atlas-label-layout.h"
#include "atlas-label-test-private.h"

G_BEGIN_DECLS

/* 10 pt at 96 dpi, the size district names had before they were placed by this module. */
#define ATLAS_LABEL_DEFAULT_SIZE (10.0 * 96.0 / 72.0)
#define ATLAS_LABEL_SITE_FACTOR  0.85

struct _AtlasLabelLayout {
  AtlasView view;
  AtlasTheme theme;
  AtlasDataset *dataset;   /* owned: the items point to its records */
  GArray *items;           /* AtlasLabelItem */
  GArray *dropped;         /* AtlasLabelItem */
  GStringChunk *texts;     /* the items' text */
};

/* What is already on the surface, for collision tests: a grid of cells over the surface, each
 * with the entries (boxes, and leader lines as segments) that reach into it. */
typedef enum {
  LABEL_SPACE_BOX,
  LABEL_SPACE_SEGMENT,
  LABEL_SPACE_SYMBOL,      /* a box around a site symbol */
} LabelSpaceShape;

typedef struct {
  double x0, y0, x1, y1;   /* a box's corners, or a segment's ends */
  LabelSpaceShape shape;
} LabelSpaceEntry;

typedef struct {
  double cell;
  int cols;
  int rows;
  int *heads;              /* cols × rows: first link of the cell, or -1 */
  GArray *links;           /* LabelSpaceLink */
  GArray *entries;         /* LabelSpaceEntry */
  /* A bit per small square wholly inside some box: a box over a set bit meets that box, which
   * turns most questions on a crowded map into a few word tests. */
  double fine;
  int fine_cols;
  int fine_rows;
  int words;               /* per row */
  guint64 *filled;
} LabelSpace;

void     _atlas_label_space_init         (LabelSpace *space,
                                          double      width,
                                          double      height);
void     _atlas_label_space_clear        (LabelSpace *space);
void     _atlas_label_space_add_box      (LabelSpace *space,
                                          double      x0,
                                          double      y0,
                                          double      x1,
                                          double      y1);
void     _atlas_label_space_add_segment  (LabelSpace *space,
                                          double      x0,
                                          double      y0,
                                          double      x1,
                                          double      y1);
/* A site symbol's box: a box like any other, which names also keep their distance from. */
void     _atlas_label_space_add_symbol   (LabelSpace *space,
                                          double      x0,
                                          double      y0,
                                          double      x1,
                                          double      y1);
/* Whether the box meets a symbol other than the one around (x, y). */
gboolean _atlas_label_space_meets_other_symbol (const LabelSpace *space,
                                                double            x0,
                                                double            y0,
                                                double            x1,
                                                double            y1,
                                                double            x,
                                                double            y);
/* Whether the box meets nothing placed (box or segment). */
gboolean _atlas_label_space_box_is_free  (const LabelSpace *space,
                                          double            x0,
                                          double            y0,
                                          double            x1,
                                          double            y1);
/* Whether the segment crosses nothing placed (box or segment) but the symbol centred on
 * (ax, ay), the one it leads to. */
gboolean _atlas_label_space_segment_is_free (const LabelSpace *space,
                                             double            x0,
                                             double            y0,
                                             double            x1,
                                             double            y1,
                                             double            ax,
                                             double            ay);
/* Whether a segment meets a box (both given by their corners or ends). */
gboolean _atlas_label_segment_meets_box  (double ax,
                                          double ay,
                                          double bx,
                                          double by,
                                          double x0,
                                          double y0,
                                          double x1,
                                          double y1);

/* Text measured and drawn with the same fixed font options, so that boxes do not depend on the
 * surface, its transformation or the thread. */
typedef struct {
  PangoFont *font;         /* NULL until first used */
  double size;
  double line_height;
} LabelFace;

typedef struct {
  PangoContext *context;
  PangoLayout *layout;
  PangoFontDescription *district_font;
  PangoFontDescription *site_font;
  PangoGlyphString *glyphs;
  LabelFace faces[2];      /* districts, sites: for measuring plain names */
} LabelText;

void     _atlas_label_text_init          (LabelText  *text);
void     _atlas_label_text_clear         (LabelText  *text);
/* The logical size of text (lines separated by '\n', centred) at a size in surface units. */
void     _atlas_label_text_measure       (LabelText  *text,
                                          const char *string,
                                          gboolean    site,
                                          double      size,
                                          double     *width,
                                          double     *height);
/* Whether the name is printable ASCII on one line: one font, measured by shaping alone. */
gboolean _atlas_label_text_is_plain      (const char *string);
/* The height of one line of text. */
double   _atlas_label_text_line_height   (LabelText  *text,
                                          gboolean    site,
                                          double      size);
/* name on two lines, broken at the space (or after the hyphen) that balances them best; NULL
 * when it has none. */
char    *_atlas_label_text_two_lines     (const char *name);
/* name with tabs, line breaks and other control characters as spaces. */
char    *_atlas_label_text_clean         (const char *name);
void     _atlas_label_text_draw_items    (LabelText              *text,
                                          cairo_t                *cr,
                                          const AtlasLabelLayout *layout);

/* The state of one placement, shared by its steps: names inside districts
 * (atlas-label-layout.c), beside site symbols (atlas-label-sites.c) and callouts
 * (atlas-label-callout.c). */

typedef struct {
  const char *text;        /* one line, or two with '\n' */
  double size;             /* type size in surface units */
  double width;            /* its box */
  double height;
} LabelVariant;

typedef struct {
  const AtlasView *view;
  AtlasDataset *dataset;
  const AtlasCartographyOptions *options;
  AtlasLabelLayout *layout;
  LabelSpace space;
  LabelText text;
  double district_size;    /* type sizes in surface units */
  double site_size;
  double gap;              /* between a name and anything else */
  double centre_x;         /* the middle of what is named: callouts lean away from it */
  double centre_y;
  GArray *scratch;         /* doubles, reused */
  const AtlasLabelBox *obstacles;
  guint n_obstacles;
  gboolean *absorbed;      /* obstacles taken as a site symbol's room, not added as boxes */
} LabelPlacer;

/* What a callout points at. */
typedef struct {
  double x;                /* the anchor: inside the district, or the site symbol's centre */
  double y;
  double clearance;        /* no part of the name nearer to the anchor than this */
  double stop;             /* the leader ends this far short of the anchor */
  const AtlasShape *shape; /* the district: a name over it costs more; NULL for a site */
  double reach;            /* how far from the anchor the name may go, at least */
} LabelTarget;

int      _atlas_label_compare_doubles     (const double        *a,
                                           const double        *b);
/* Whether the box lies within the surface, clear of its edges. */
gboolean _atlas_label_placer_on_surface   (const LabelPlacer   *placer,
                                           double               x0,
                                           double               y0,
                                           double               x1,
                                           double               y1);
/* Whether the box, with the gap around it, meets nothing placed. */
gboolean _atlas_label_placer_is_free      (const LabelPlacer   *placer,
                                           double               x0,
                                           double               y0,
                                           double               x1,
                                           double               y1);
/* Whether any part of the box is over the shape (surface units in, the shape's world units
 * tested). */
gboolean _atlas_label_placer_box_meets_shape (const LabelPlacer *placer,
                                              const AtlasShape  *shape,
                                              double             x0,
                                              double             y0,
                                              double             x1,
                                              double             y1);
/* Empties the layout and the space but for the obstacles, for a round of placement. */
void     _atlas_label_placer_start        (LabelPlacer         *placer);
/* Adds the item to the layout and its box (and leader) to what names keep off. */
void     _atlas_label_placer_take         (LabelPlacer         *placer,
                                           const AtlasLabelItem *item);
/* Fills item's box and leader with a place for variant around target; FALSE when none. */
gboolean _atlas_label_place_callout       (LabelPlacer         *placer,
                                           const LabelTarget   *target,
                                           const LabelVariant  *variant,
                                           AtlasLabelItem      *item);
/* Districts' names, inside or in callouts: the steps of atlas-label-districts.c. */
typedef struct _LabelDistricts LabelDistricts;

/* The districts in view, their names measured; sets the placer's centre. */
LabelDistricts *_atlas_label_districts_new        (LabelPlacer    *placer);
void            _atlas_label_districts_free       (LabelDistricts *districts);
/* A round begins: no name placed. */
void            _atlas_label_districts_start      (LabelDistricts *districts);
/* The selection's (and promoted) names, inside or else in a callout. */
void            _atlas_label_districts_place_selected (LabelDistricts *districts);
void            _atlas_label_districts_place_inside   (LabelDistricts *districts);
void            _atlas_label_districts_place_callouts (LabelDistricts *districts);
/* The names without a place go to the dropped list; returns how many. */
guint           _atlas_label_districts_drop_rest      (LabelDistricts *districts);
/* Those go first in the next round; returns how many were not first already. */
guint           _atlas_label_districts_promote_dropped (LabelDistricts *districts);

/* Site symbols, and site names beside them or in callouts: the steps of atlas-label-sites.c. */
typedef struct _LabelSites LabelSites;

/* The sites in view, their names measured. */
LabelSites *_atlas_label_sites_new        (LabelPlacer         *placer);
void        _atlas_label_sites_free       (LabelSites          *sites);
/* A round begins: no name placed, every symbol in view added to the layout. */
void        _atlas_label_sites_start      (LabelSites          *sites);
/* Names of the selected trust's sites and of the selected site, by any means. */
void        _atlas_label_sites_place_selected (LabelSites      *sites);
/* Names of acute hospitals (acute) or the others beside their symbols, or in a callout. */
void        _atlas_label_sites_place_beside   (LabelSites      *sites,
                                               gboolean         acute);
void        _atlas_label_sites_place_callouts (LabelSites      *sites);
/* The names still without a place go to the layout's dropped list; returns how many of them
 * had to be shown (acute hospitals, the selection's sites). */
guint       _atlas_label_sites_drop_rest      (LabelSites      *sites);
/* Those go first in the next round; returns how many were not first already. */
guint       _atlas_label_sites_promote_dropped (LabelSites     *sites);

G_END_DECLS
