/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The packed base map, written at build time by build-aux/atlas-pack-basemap.c and read in
 * place (no parsing, no copying) by atlas-basemap.c. Both include this header, so the layout
 * is defined once.
 *
 * The file is little-endian and every section starts on an 8-byte boundary:
 *
 *   AtlasPackedHeader
 *   per level L (ATLAS_BASEMAP_N_LEVELS of them, coarse to fine):
 *     guint32 arc_start[n_arcs + 1]     points of arc a are [arc_start[a], arc_start[a + 1])
 *     float   points[2 * n_points]      x, y pairs
 *   AtlasPackedArc      arcs[n_arcs]
 *   AtlasPackedRing     rings[n_rings]
 *   gint32              arc_refs[n_arc_refs]   arc index, or ~index for the arc reversed
 *   AtlasPackedDistrict districts[n_districts]
 *   char                strings[strings_size]  NUL-terminated UTF-8, referenced by offset
 *
 * Coordinates are Web Mercator world units (see atlas-geometry.h) stored as float offsets from
 * (origin_x, origin_y): Great Britain spans ~0.05 world units, so a float keeps better than
 * 0.05 px at zoom 15 while halving the size of doubles.
 *
 * Arcs are the TopoJSON arcs: a border shared by two districts is stored once, which gives the
 * faint borders (each drawn once) and a seamless land fill. Each level holds every arc
 * simplified with Douglas–Peucker to half a pixel at that level's zoom (6, 8, 10, 12); the
 * two ends of an arc are never moved, so neighbouring districts still meet exactly.
 *
 * Rings list arc references. District rings come first, oriented so that outer rings wind one
 * way and holes the other. Then come the land rings: the arcs whose uses by district rings do
 * not cancel out (a border is walked once each way by its two districts, a coast once),
 * chained into closed loops. Filled in one path with the nonzero rule they cover exactly what
 * all district rings would cover, with no seams along borders and with far fewer points, so
 * the land is drawn from them.
 *
 * Each district has a label point (inside its largest polygon) and the zoom from which its
 * name is shown: names are placed greedily, biggest district first, with an estimate of the
 * text box, so that the choice does not depend on which tile is being drawn. */

#define ATLAS_BASEMAP_MAGIC "ATLASBM"
#define ATLAS_BASEMAP_VERSION 1
#define ATLAS_BASEMAP_N_LEVELS 4

/* Names: pixel size of the text, and the estimate of a name's box used for placement. */
#define ATLAS_BASEMAP_LABEL_FONT_PX 11.0
#define ATLAS_BASEMAP_LABEL_CHAR_EM 0.58
#define ATLAS_BASEMAP_LABEL_PAD_PX 6.0
#define ATLAS_BASEMAP_LABEL_MIN_ZOOM 9
#define ATLAS_BASEMAP_LABEL_MAX_ZOOM 15

typedef enum {
  ATLAS_PACKED_ARC_COAST = 1,    /* part of a land ring: land meets sea */
  ATLAS_PACKED_ARC_BORDER = 2,   /* shared by two districts */
  ATLAS_PACKED_ARC_INTERNAL = 3, /* a spike or seam inside one district: never stroked */
} AtlasPackedArcKind;

typedef struct {
  float min_x;
  float min_y;
  float max_x;
  float max_y;
} AtlasPackedBBox;

typedef struct {
  char magic[8];
  guint32 version;
  guint32 n_levels;
  double origin_x;
  double origin_y;
  guint32 n_arcs;
  guint32 n_rings;
  guint32 n_arc_refs;
  guint32 n_districts;
  guint32 strings_size;
  guint32 total_size;
  guint32 level_max_zoom[ATLAS_BASEMAP_N_LEVELS];  /* level L serves zooms up to this */
  guint32 level_n_points[ATLAS_BASEMAP_N_LEVELS];
  guint32 level_arc_start_offset[ATLAS_BASEMAP_N_LEVELS];
  guint32 level_points_offset[ATLAS_BASEMAP_N_LEVELS];
  guint32 arcs_offset;
  guint32 rings_offset;
  guint32 arc_refs_offset;
  guint32 districts_offset;
  guint32 strings_offset;
  guint32 first_land_ring;   /* rings [first_land_ring, n_rings) outline the land */
  guint32 reserved[2];
} AtlasPackedHeader;

typedef struct {
  AtlasPackedBBox bbox;
  guint32 kind;          /* AtlasPackedArcKind */
  guint32 owner_ring;    /* the ring that strokes this arc, so each arc is drawn once: a land
                          * ring for coasts, a district ring for borders */
} AtlasPackedArc;

typedef struct {
  AtlasPackedBBox bbox;
  guint32 first_ref;
  guint32 n_refs;
} AtlasPackedRing;

typedef struct {
  AtlasPackedBBox bbox;
  float label_x;
  float label_y;
  float label_width;     /* estimated box of the name in pixels (zoom independent) */
  float label_height;
  guint32 label_min_zoom; /* 0: the name is never shown */
  guint32 first_ring;
  guint32 n_rings;
  guint32 name_offset;
  guint32 code_offset;
  guint32 reserved;
} AtlasPackedDistrict;

G_STATIC_ASSERT (sizeof (AtlasPackedHeader) % 8 == 0);
G_STATIC_ASSERT (sizeof (AtlasPackedArc) == 24);
G_STATIC_ASSERT (sizeof (AtlasPackedRing) == 24);
G_STATIC_ASSERT (sizeof (AtlasPackedDistrict) == 56);

G_END_DECLS
