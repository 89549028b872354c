/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-choropleth.h"

G_BEGIN_DECLS

struct _AtlasChoropleth {
  GObject parent_instance;

  AtlasDataset *dataset;
  GObject *owner;          /* what the figures' strings point into (the values), or NULL */
  char *title;
  char *unit;
  char *period;
  char *note;
  char *source;
  const char *palette;
  gboolean categorical;
  int decimals;
  guint n_classes;
  AtlasDataClass classes[ATLAS_CLASSIFY_MAX_CLASSES];
  char *labels[ATLAS_CLASSIFY_MAX_CLASSES];
  guint n_districts;
  AtlasChoroplethFigure *figures;  /* by district index */
  guint n_no_data;
};

/* A fresh choropleth for the dataset, every district without data. */
AtlasChoropleth *_atlas_choropleth_new        (AtlasDataset    *dataset);
/* Sets each district's class from its figure and counts the districts per class. */
void             _atlas_choropleth_assign     (AtlasChoropleth *self,
                                               int            (*class_of) (AtlasChoropleth *self,
                                                                           const AtlasChoroplethFigure *figure,
                                                                           gpointer data),
                                               gpointer         data);
/* "20.1–22.3%": the label of a range of figures. */
char            *_atlas_choropleth_range_label (AtlasChoropleth *self,
                                                double           lower,
                                                double           upper);

G_END_DECLS
