/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-district-layer.h"
#include "atlas-layer-cache.h"

G_BEGIN_DECLS

struct _AtlasDistrictLayer
{
  ShumateLayer parent_instance;

  AtlasMapState *state;
  AtlasSelection *selection;     /* the state's */
  AtlasDataset *dataset;         /* not a reference: the one the records below belong to */
  const AtlasDistrict *hovered;

  gboolean frame_pending;
  gboolean frame_animate;
  AtlasBBox frame_bbox;
  double frame_inset_left;   /* the legend card's corner at the top left, in pixels */
  double frame_inset_bottom;
  double frame_inset_right;  /* what covers the map's right side, such as a folded panel */
  /* The view framing made, kept while the user has not moved the map: a new size or inset
   * frames the same box again. */
  gboolean frame_held;
  gboolean frame_applying;       /* the viewport is being set by framing itself */
  gboolean frame_animating;      /* a framing glide is under way */
  gboolean frame_animation_watched;
  double held_lat;
  double held_lon;
  double held_zoom;
  int framed_width;
  int framed_height;
  guint reframe_id;              /* frames again once a new size has settled */

  AtlasLayerCache *cache;
  guint settle_id;               /* while the map moves */
  guint generation;              /* of what is shown: a drawing made for an older one is dropped */
  gboolean rendering;            /* in the background */

  guint paint_count;

  GtkWidget *popover;            /* a site's or a planner's point's details */
  const AtlasSite *popover_site;
  AtlasPointLayer *popover_point_layer;  /* the point's layer, while its details are shown */
  double popover_point_x;        /* the point, in world units */
  double popover_point_y;
  guint popover_point_count;     /* the points its symbol stands for */
};

/* atlas-district-layer.c */
void _atlas_district_layer_fill_options (AtlasDistrictLayer      *self,
                                         AtlasCartographyOptions *options);

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
