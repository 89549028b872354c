/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-cartography.h"
#include "atlas-dataset.h"

G_BEGIN_DECLS

/* The key to a map, computed once from what the map shows (the dataset and the cartography
 * options: thematic layer, selection, theme, sites, point layers) and drawn by both the
 * window's legend and the exports' legend box, so the two list the same entries in the same
 * words and colours. The classes come from the options' choropleth: a bundled indicator's
 * with its figures and areas ("20.1 % · Hertfordshire"), unit, period and note; a planner's
 * with its class labels, unit, period, the file's name as the source and what was chosen. */

typedef enum {
  ATLAS_LEGEND_TITLE,    /* what the colours show: "Partnerships", an indicator's title */
  ATLAS_LEGEND_HEADING,  /* a group of entries: "Hospital sites" */
  ATLAS_LEGEND_FILL,     /* a district fill: a partnership, an indicator's class */
  ATLAS_LEGEND_OUTLINE,  /* a thick outline: a thematic partnership, a selected update */
  ATLAS_LEGEND_SITE,     /* a hospital site symbol */
  ATLAS_LEGEND_POINT,    /* a planner's point layer: its symbol (colour, point_shape) */
  ATLAS_LEGEND_NOTE,     /* a short line of small print: the unit, the period */
  ATLAS_LEGEND_CAPTION,  /* a longer note: what a figure covers */
} AtlasLegendKind;

typedef struct {
  AtlasLegendKind kind;
  guint32 colour;            /* FILL and OUTLINE, 0xRRGGBB */
  guint32 border;            /* the edge around a FILL swatch */
  AtlasSiteKind site_kind;   /* SITE */
  char *text;
  guint point_shape;         /* POINT: an AtlasPointShape (atlas-point-layer.h) */
} AtlasLegendEntry;

typedef struct _AtlasLegendModel AtlasLegendModel;

#define ATLAS_TYPE_LEGEND_MODEL (atlas_legend_model_get_type ())
GType                   atlas_legend_model_get_type      (void) G_GNUC_CONST;

AtlasLegendModel       *atlas_legend_model_new           (AtlasDataset                  *dataset,
                                                          const AtlasCartographyOptions *options);
AtlasLegendModel       *atlas_legend_model_ref           (AtlasLegendModel *self);
void                    atlas_legend_model_unref         (AtlasLegendModel *self);
guint                   atlas_legend_model_get_n_entries (AtlasLegendModel *self);
const AtlasLegendEntry *atlas_legend_model_get_entry     (AtlasLegendModel *self,
                                                          guint             i);
/* Every entry's text, one per line, with or without the title entries. */
char                   *atlas_legend_model_dup_text      (AtlasLegendModel *self,
                                                          gboolean          with_title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLegendModel, atlas_legend_model_unref)

G_END_DECLS
