/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "atlas-annotation-layout.h"

G_BEGIN_DECLS

/* Shared by the placement (atlas-annotation-layout.c) and the drawing
 * (atlas-cartography-annotations.c) of annotations. Sizes are in surface units: pixels on
 * screen, design units in an export. A note is not drawn on the map: it would crowd it. The
 * side panel, the pin's tooltip and the editor show it. */

#define ANNOTATION_LABEL_FONT   "Sans Bold 11"
#define ANNOTATION_TEXT_FONT    "Sans 11"
#define ANNOTATION_LABEL_WIDTH  360.0   /* labels wrap at this width */
#define ANNOTATION_TEXT_WIDTH   240.0   /* a text box's text wraps at this width */
#define ANNOTATION_TEXT_PAD     6.0
#define ANNOTATION_PIN_RADIUS   8.0     /* the pin's round head */
#define ANNOTATION_PIN_HEIGHT   20.0    /* from the point (the pin's tip) to its head's centre */
#define ANNOTATION_LINE_WIDTH   3.0     /* arrows and outlines */
#define ANNOTATION_HEAD_LENGTH  14.0    /* an arrow's head */

typedef struct {
  AtlasAnnotationPlace place;
  PangoLayout *label_text;       /* NULL without a label, and for a text box (see body) */
  PangoLayout *body;             /* a text box's text */
  AtlasPoint *surface;           /* the annotation's points on the surface */
} AtlasAnnotationItem;

struct _AtlasAnnotationLayout
{
  AtlasView view;
  AtlasTheme theme;
  GArray *items;                 /* AtlasAnnotationItem, in annotation order */
};

G_END_DECLS
