/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-cartography-private.h"

#include <math.h>
#include <string.h>

#include "atlas-point-layer.h"

/* A planner's point layers on the map: one symbol per grid cell (atlas-point-layer.h), with
 * the count of the cell's points on it when there are several. Drawn in worker threads too, so
 * the counts use cairo's own text, not Pango (whose font map is per thread and costs megabytes
 * in each). The names of lone points are placed by the label function after the districts'
 * names, from the candidates given here. */

/* Symbols beyond this many in a view do not push the districts' names aside (they would
 * leave none), and no point is named. */
#define MAX_OBSTACLES 400
#define MAX_NAMED 150

static void
format_count (guint count,
              char  *text,
              gsize  size)
{
  if (count >= 10000)
    g_snprintf (text, size, "%uk+", MIN (count / 1000, 999u));
  else
    g_snprintf (text, size, "%u", count);
}

/* White on dark colours, near-black on light ones. */
static guint32
count_colour (guint32 fill)
{
  double r = ((fill >> 16) & 0xff) / 255.0, g = ((fill >> 8) & 0xff) / 255.0;
  double b = (fill & 0xff) / 255.0;

  return 0.299 * r + 0.587 * g + 0.114 * b > 0.6 ? 0x1f1f1f : 0xffffff;
}

static void
draw_count (cairo_t *cr,
            guint    count,
            guint32  fill,
            double   x,
            double   y)
{
  cairo_text_extents_t extents;
  char text[16];

  format_count (count, text, sizeof text);
  cairo_save (cr);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 8.5);
  cairo_text_extents (cr, text, &extents);
  cairo_move_to (cr, x - extents.x_bearing - extents.width / 2.0,
                 y - extents.y_bearing - extents.height / 2.0);
  _atlas_cartography_set_source_rgb (cr, count_colour (fill));
  cairo_show_text (cr, text);
  cairo_restore (cr);
}

void
atlas_cartography_draw_points (cairo_t                       *cr,
                               const AtlasView               *view,
                               AtlasDataset                  *dataset,
                               const AtlasCartographyOptions *options)
{
  g_return_if_fail (cr != NULL && view != NULL && options != NULL);

  for (guint l = 0; l < options->n_point_layers; l++)
    {
      AtlasPointLayer *layer = options->point_layers[l];
      guint32 colour = atlas_point_layer_get_colour (layer);
      AtlasPointShape shape = atlas_point_layer_get_shape (layer);
      g_autoptr(GArray) clusters = atlas_point_layer_cluster (layer, view, ATLAS_POINT_CELL);

      for (guint i = 0; i < clusters->len; i++)
        {
          const AtlasPointCluster *c = &g_array_index (clusters, AtlasPointCluster, i);
          double size = atlas_point_cluster_size (c->count);

          /* A cell's points under one round badge, whatever the layer's shape: the count
           * reads best in a circle. */
          atlas_cartography_draw_point_symbol (cr, c->count > 1 ? ATLAS_POINT_SHAPE_CIRCLE
                                                                : shape,
                                               colour, c->x, c->y, size, options->theme);
          if (c->count > 1)
            draw_count (cr, c->count, colour, c->x, c->y);
        }
    }
}

void
_atlas_cartography_points_add_obstacles (const AtlasView               *view,
                                         const AtlasCartographyOptions *options,
                                         GArray                        *boxes)
{
  for (guint l = 0; l < options->n_point_layers; l++)
    {
      g_autoptr(GArray) clusters = atlas_point_layer_cluster (options->point_layers[l], view,
                                                              0.0);

      if (clusters->len > MAX_OBSTACLES)
        continue;
      for (guint i = 0; i < clusters->len; i++)
        {
          const AtlasPointCluster *c = &g_array_index (clusters, AtlasPointCluster, i);
          double h = atlas_point_cluster_size (c->count) / 2.0 + 1.0;
          double box[4] = { c->x - h, c->y - h, c->x + h, c->y + h };

          g_array_append_vals (boxes, box, 4);
        }
    }
}

GArray *
_atlas_cartography_points_label_candidates (const AtlasView               *view,
                                            const AtlasCartographyOptions *options)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (AtlasPointLabel));

  for (guint l = 0; l < options->n_point_layers; l++)
    {
      AtlasPointLayer *layer = options->point_layers[l];
      const AtlasPlace *places = atlas_points_get_places (atlas_point_layer_get_points (layer),
                                                          NULL);
      g_autoptr(GArray) clusters = atlas_point_layer_cluster (layer, view, 0.0);
      guint named = 0;

      if (clusters->len > MAX_OBSTACLES)
        continue;
      for (guint i = 0; i < clusters->len && named < MAX_NAMED; i++)
        {
          const AtlasPointCluster *c = &g_array_index (clusters, AtlasPointCluster, i);
          AtlasPointLabel label;

          if (c->count != 1 || places[c->index].name == NULL || places[c->index].name[0] == '\0')
            continue;
          label.text = places[c->index].name;
          label.x = c->x;
          label.y = c->y;
          label.radius = atlas_point_cluster_size (1) / 2.0;
          g_array_append_val (candidates, label);
          named++;
        }
    }
  return candidates;
}
