/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-area-values.h"
#include "atlas-cartography.h"
#include "atlas-classify.h"
#include "atlas-figure.h"
#include "atlas-palette.h"

G_BEGIN_DECLS

/* What a thematic district layer resolves to: built once, immutable, then read by every
 * renderer, the legend and the district panel (safe to share with worker threads).
 *
 * It holds the legend's facts (title, unit, period, note, source), the classes (bounds,
 * colour, label, how many districts) and, per district in O(1) by district->index, its class
 * (-1: no data) and figures (value, confidence interval, comparison). */

typedef struct {
  double lower;            /* equal for a single figure; NAN for a category */
  double upper;
  guint32 colour;          /* 0xRRGGBB */
  const char *label;       /* "60.5–63.7%", "22.3% (Essex)", "Better" */
  guint n_districts;
} AtlasDataClass;

typedef struct {
  int class_index;         /* -1: no data */
  double value;            /* NAN when there is no figure */
  double lower;            /* confidence interval, NAN when not given */
  double upper;
  const char *category;    /* the comparison's text, or NULL */
  const char *area;        /* what the figure is for, as the source names it; NULL: none */
  guint line;              /* the row in the file; 0 for a bundled indicator */
} AtlasChoroplethFigure;

typedef struct {
  AtlasClassifyMethod method;   /* default ATLAS_CLASSIFY_QUANTILE */
  guint n_classes;              /* default 5 */
  const double *breaks;         /* ATLAS_CLASSIFY_MANUAL */
  guint n_breaks;
  const char *palette;          /* a name from atlas_palette_list; NULL: the kind's default */
  gboolean categorical;         /* classes from the comparison column's texts */
  const char *title;            /* NULL: the indicator's or the column's */
} AtlasChoroplethOptions;

#define ATLAS_TYPE_CHOROPLETH (atlas_choropleth_get_type ())
G_DECLARE_FINAL_TYPE (AtlasChoropleth, atlas_choropleth, ATLAS, CHOROPLETH, GObject)

void             atlas_choropleth_options_init        (AtlasChoroplethOptions       *options);

/* A planner's values, classed as asked. Errors (ATLAS_IMPORT_ERROR_OPTIONS): a class count or
 * breaks that cannot be used, an unknown palette, categories asked of a file without a
 * comparison column or with more than ATLAS_CLASSIFY_MAX_CLASSES different texts. */
AtlasChoropleth *atlas_choropleth_new_from_values     (AtlasAreaValues              *values,
                                                       const AtlasChoroplethOptions *options,
                                                       GError                      **error);
/* A bundled indicator, exactly as atlas_cartography_indicator_classes () and the legend have
 * shown it: one class per distinct figure when there are at most
 * ATLAS_CARTOGRAPHY_MAX_CLASSES, labelled with the figure and its areas ("22.3% (Essex)"),
 * else that many equal intervals; the 5-class YlGnBu ramp spread over the classes. A
 * district listed under several figures takes the last. */
AtlasChoropleth *atlas_choropleth_new_from_indicator  (AtlasDataset                 *dataset,
                                                       const AtlasIndicator         *indicator);

AtlasDataset    *atlas_choropleth_get_dataset         (AtlasChoropleth *self);
const char      *atlas_choropleth_get_title           (AtlasChoropleth *self);
const char      *atlas_choropleth_get_unit            (AtlasChoropleth *self);  /* or NULL */
const char      *atlas_choropleth_get_period          (AtlasChoropleth *self);  /* or NULL */
const char      *atlas_choropleth_get_note            (AtlasChoropleth *self);  /* or NULL */
/* The file's name, or the bundled source's title. */
const char      *atlas_choropleth_get_source          (AtlasChoropleth *self);
const char      *atlas_choropleth_get_palette_name    (AtlasChoropleth *self);
gboolean         atlas_choropleth_is_categorical      (AtlasChoropleth *self);

const AtlasDataClass  *atlas_choropleth_get_classes (AtlasChoropleth *self,
                                                           guint           *n);
/* Districts with no figure (drawn in the theme's no-data colour). */
guint            atlas_choropleth_get_n_no_data       (AtlasChoropleth *self);
/* A district's class (-1: no data) and figures, in O(1). */
int              atlas_choropleth_get_class           (AtlasChoropleth     *self,
                                                       const AtlasDistrict *district);
const AtlasChoroplethFigure *atlas_choropleth_get_figure (AtlasChoropleth     *self,
                                                          const AtlasDistrict *district);
/* The district's fill: its class colour, or the theme's no-data colour. */
guint32          atlas_choropleth_get_fill            (AtlasChoropleth     *self,
                                                       const AtlasDistrict *district,
                                                       AtlasTheme           theme);
/* A figure as the legend writes it, with the unit ("63.7%", "2.2 per 1,000"). */
char            *atlas_choropleth_format_value        (AtlasChoropleth *self,
                                                       double           value);
/* atlas_palette_check_colours () over the classes and the theme's no-data colour (class
 * index n_classes in a conflict). Returns the number of conflicts. */
guint            atlas_choropleth_check_colours       (AtlasChoropleth     *self,
                                                       AtlasTheme           theme,
                                                       AtlasColourConflict *conflicts);

G_END_DECLS
