/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Colour ramps for classed maps, each with a stable lower-case name for the command line
 * ("ylgnbu", "rdbu", "viridis", "okabe-ito"), and a check that the classes of a map stay
 * apart for readers with a colour-vision deficiency or on a greyscale print.
 *
 * Sequential and diverging ramps are ColorBrewer's (Cynthia Brewer, Penn State) for 3 to 7
 * classes, ordered from the lowest class; 2 classes take the ends of the 3-class ramp.
 * Viridis is sampled as viridisLite does for each count. The categorical palette is Okabe and
 * Ito's, without black. Colours are 0xRRGGBB. */

#define ATLAS_PALETTE_MIN_CLASSES 2
#define ATLAS_PALETTE_MAX_CLASSES 7

typedef enum {
  ATLAS_PALETTE_SEQUENTIAL,
  ATLAS_PALETTE_DIVERGING,
  ATLAS_PALETTE_CATEGORICAL,
} AtlasPaletteKind;

typedef struct _AtlasPalette AtlasPalette;

/* The palette with that name (any case), or NULL. */
const AtlasPalette          *atlas_palette_find        (const char          *name);
/* Every palette, in a stable order; NULL-terminated. */
const AtlasPalette * const  *atlas_palette_list        (guint               *n);
const AtlasPalette          *atlas_palette_get_default (AtlasPaletteKind     kind);
const char                  *atlas_palette_get_name    (const AtlasPalette  *palette);
/* A readable name, marked for translation but not translated ("Yellow, green, blue"): show
 * it through gettext. */
const char                  *atlas_palette_get_title   (const AtlasPalette  *palette);
AtlasPaletteKind             atlas_palette_get_kind    (const AtlasPalette  *palette);
/* Fills colours[0 .. n_classes) from the lowest class; FALSE when n_classes is outside
 * ATLAS_PALETTE_MIN_CLASSES .. ATLAS_PALETTE_MAX_CLASSES (1 class takes the middle of 3). */
gboolean                     atlas_palette_get_colours (const AtlasPalette  *palette,
                                                        guint                n_classes,
                                                        guint32             *colours);

/* How a colour is seen: the three dichromacies as simulated by Machado, Oliveira and Fernandes
 * (2009) at full severity, in linear RGB, and a greyscale print (relative luminance). */
typedef enum {
  ATLAS_VISION_PROTANOPIA,
  ATLAS_VISION_DEUTERANOPIA,
  ATLAS_VISION_TRITANOPIA,
  ATLAS_VISION_GREYSCALE,
  ATLAS_VISION_N,
} AtlasVision;

/* Two classes whose simulated colours differ by less than this CIEDE2000 difference are
 * reported: about what separates two neighbouring fills on a map at a glance. */
#define ATLAS_PALETTE_MIN_DIFFERENCE 5.0

typedef struct {
  AtlasVision vision;
  guint first;          /* the two classes, first < second */
  guint second;
  double difference;    /* CIEDE2000 between their simulated colours */
} AtlasColourConflict;

const char *atlas_vision_get_name (AtlasVision vision);  /* "protanopia", "greyscale" */
guint32     atlas_colour_simulate (guint32     colour,
                                   AtlasVision vision);
/* CIEDE2000 colour difference of two sRGB colours, and of two CIE L*a*b* colours. */
double      atlas_colour_difference (guint32 a,
                                     guint32 b);
double      atlas_colour_difference_lab (const double *lab1,
                                         const double *lab2);
/* Checks every pair of the n colours under each vision. For each vision under which some pair
 * differs by less than threshold, conflicts[] gets the closest pair; returns how many visions
 * had one (0: every class can be told apart). conflicts has room for ATLAS_VISION_N. */
guint       atlas_palette_check_colours (const guint32       *colours,
                                         guint                n,
                                         double               threshold,
                                         AtlasColourConflict *conflicts);

G_END_DECLS
