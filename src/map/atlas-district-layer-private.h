/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-district-layer.h"
#include "atlas-framing.h"
#include "atlas-layer-cache.h"

G_BEGIN_DECLS

struct _AtlasDistrictLayer
{
  ShumateLayer parent_instance;

  AtlasMapState *state;
  AtlasSelection *selection;     /* the state's */
  AtlasDataset *dataset;         /* not a reference: the one the records below belong to */
  const AtlasDistrict *hovered;

  /* atlas-district-layer-framing.c */
  gboolean frame_pending;        /* until the layer has a size */
  gboolean frame_animate;
  AtlasBBox frame_bbox;
  gboolean framed;               /* the view is where framing put it: the user has not moved it */
  double framed_lat;
  double framed_lon;
  double framed_zoom;
  int framed_width;
  int framed_height;
  gboolean going_to;             /* an animated framing under way */
  gboolean moving_itself;        /* the viewport changes because of framing, not the user */
  ShumateMap *watched_map;       /* not a reference: an ancestor */
  AtlasMapCover covers[ATLAS_FRAMING_MAX_COVERS];  /* what lies over the map */
  guint n_covers;
  double panel_width;            /* a panel over the map's right side: for framing only */
  guint reframe_id;              /* frames again once a new size has settled */

  AtlasLayerCache *cache;
  guint settle_id;               /* while the map moves */
  guint generation;              /* of what is shown: a drawing made for an older one is dropped */
  gboolean rendering;            /* in the background */

  guint paint_count;
  AtlasLabelLayout *labels;      /* the names of the last drawing for an exact view */
  guint labels_count;            /* drawings that placed names */

  GtkWidget *popover;            /* a site's or a planner's point's details */
  const AtlasSite *popover_site;
  AtlasPointLayer *popover_point_layer;  /* the point's layer, while its details are shown */
  double popover_point_x;        /* the point, in world units */
  double popover_point_y;
  guint popover_point_count;     /* the points its symbol stands for */
};

/* atlas-district-layer.c */
void   _atlas_district_layer_fill_options (AtlasDistrictLayer      *self,
                                           AtlasCartographyOptions *options);
double _atlas_district_layer_get_tile_size (AtlasDistrictLayer     *self);
/* What the layer shows has changed (not just where): draw it again. */
void   _atlas_district_layer_invalidate   (AtlasDistrictLayer      *self);

/* atlas-district-layer-framing.c */
/* After the viewport changed: whether the user moved the map away from its framing. */
void _atlas_district_layer_check_moved  (AtlasDistrictLayer *self);
/* Frames again for the layer's new size, if it is still framed (or waits for a size). */
void _atlas_district_layer_size_changed (AtlasDistrictLayer *self,
                                         int                 width,
                                         int                 height);

/* Keeps the names placed by the last drawing for an exact view (taking layout) and says so
 * with the labels-placed signal. */
void   _atlas_district_layer_set_labels   (AtlasDistrictLayer      *self,
                                           AtlasLabelLayout        *layout);

/* atlas-district-layer-render.c */
void _atlas_district_layer_render_now           (AtlasDistrictLayer *self,
                                                 AtlasDataset       *dataset,
                                                 const AtlasView    *view);
void _atlas_district_layer_render_in_background (AtlasDistrictLayer *self,
                                                 AtlasDataset       *dataset,
                                                 const AtlasView    *view);

/* atlas-district-layer-sites.c */
void _atlas_district_layer_update_popover_position (AtlasDistrictLayer *self);

/* atlas-district-layer-points.c */
void _atlas_district_layer_update_point_popover (AtlasDistrictLayer *self);
/* Closes a point's details (its layer changed or went). */
void _atlas_district_layer_forget_point         (AtlasDistrictLayer *self);

G_END_DECLS
