/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-cartography-private.h"

#include <math.h>
#include <string.h>

#include "atlas-point-layer.h"

/* A planner's point layers on the map: one symbol per grid cell (atlas-point-layer.h), with
 * the count of the cell's points on it when there are several. Drawn in worker threads too, so
 * the counts use cairo's own text, not Pango (whose font map is per thread and costs megabytes
 * in each). On an image, each symbol is drawn once per size into a small image and stamped
 * (stroking a thousand outlines took most of a frame); PDF, SVG and print get vectors. The
 * names of lone points are placed by the label function after the districts' names, from the
 * candidates given here. */

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

/* The glyphs of the characters counts are written with, looked up once per drawing: a
 * thousand badges cost a thousand cairo_show_glyphs, not a thousand text layouts. */
#define COUNT_CHARS "0123456789k+"

typedef struct {
  gulong index[sizeof COUNT_CHARS - 1];
  double advance[sizeof COUNT_CHARS - 1];
  double ascent;            /* of the digits, above the baseline */
} CountGlyphs;

static gboolean
prepare_count_glyphs (cairo_t     *cr,
                      CountGlyphs *glyphs)
{
  cairo_scaled_font_t *font;
  cairo_glyph_t *list = NULL;
  int n = 0;
  cairo_text_extents_t extents;

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 8.5);
  font = cairo_get_scaled_font (cr);
  if (cairo_scaled_font_text_to_glyphs (font, 0, 0, COUNT_CHARS, -1, &list, &n, NULL, NULL,
                                        NULL) != CAIRO_STATUS_SUCCESS
      || n != (int) G_N_ELEMENTS (glyphs->index))
    {
      cairo_glyph_free (list);
      return FALSE;
    }
  for (int i = 0; i < n; i++)
    {
      glyphs->index[i] = list[i].index;
      glyphs->advance[i] = (i + 1 < n ? list[i + 1].x : 0) - list[i].x;
    }
  cairo_text_extents (cr, "+", &extents);
  glyphs->advance[n - 1] = extents.x_advance;
  cairo_text_extents (cr, "0", &extents);
  glyphs->ascent = -extents.y_bearing;
  cairo_glyph_free (list);
  return TRUE;
}

static void
draw_count (cairo_t           *cr,
            const CountGlyphs *glyphs,
            guint              count,
            guint32            fill,
            double             x,
            double             y)
{
  cairo_glyph_t line[16];
  char text[16];
  double width = 0;
  int n = 0;

  format_count (count, text, sizeof text);
  for (n = 0; n < (int) G_N_ELEMENTS (line) && text[n] != '\0'; n++)
    {
      guint k = (guint) (strchr (COUNT_CHARS, text[n]) - COUNT_CHARS);

      line[n].index = glyphs->index[k];
      line[n].x = width;
      line[n].y = 0;
      width += glyphs->advance[k];
    }
  for (int i = 0; i < n; i++)
    {
      line[i].x += x - width / 2.0;
      line[i].y = y + glyphs->ascent / 2.0;
    }
  _atlas_cartography_set_source_rgb (cr, count_colour (fill));
  cairo_show_glyphs (cr, line, n);
}

/* Symbols stamped from images drawn once, at the resolution of the target. */
typedef struct {
  AtlasPointShape shape;
  double size;
  cairo_surface_t *image;
  double half;              /* half its side, in surface units */
} Stamp;

static void
stamp_clear (gpointer data)
{
  cairo_surface_destroy (((Stamp *) data)->image);
}

/* Pixels per surface unit on cr's target, when it is an image and not turned; 0 otherwise
 * (vectors are drawn). */
static double
image_scale (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t matrix;
  double sx = 1, sy = 1;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return 0;
  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx <= 0 || matrix.xx != matrix.yy)
    return 0;
  cairo_surface_get_device_scale (target, &sx, &sy);
  return matrix.xx * MAX (sx, sy);
}

static const Stamp *
get_stamp (cairo_t         *cr,
           GArray          *stamps,
           AtlasPointShape  shape,
           guint32          colour,
           double           size,
           AtlasTheme       theme,
           double           scale)
{
  Stamp stamp = { shape, size, NULL, 0 };
  cairo_t *sc;
  int side;

  for (guint i = 0; i < stamps->len; i++)
    {
      const Stamp *s = &g_array_index (stamps, Stamp, i);

      if (s->shape == shape && s->size == size)
        return s;
    }
  /* Room for the pointed shapes and the edge. */
  stamp.half = size * 0.6 + 2;
  side = (int) ceil (2 * stamp.half * scale);
  stamp.image = cairo_surface_create_similar_image (cairo_get_target (cr), CAIRO_FORMAT_ARGB32,
                                                    side, side);
  cairo_surface_set_device_scale (stamp.image, scale, scale);
  stamp.half = side / scale / 2.0;
  sc = cairo_create (stamp.image);
  atlas_cartography_draw_point_symbol (sc, shape, colour, stamp.half, stamp.half, size, theme);
  cairo_destroy (sc);
  g_array_append_val (stamps, stamp);
  return &g_array_index (stamps, Stamp, stamps->len - 1);
}

void
atlas_cartography_draw_points (cairo_t                       *cr,
                               const AtlasView               *view,
                               AtlasDataset                  *dataset,
                               const AtlasCartographyOptions *options)
{
  CountGlyphs glyphs = { { 0 }, { 0 }, 0 };
  gboolean counts;
  double scale;

  g_return_if_fail (cr != NULL && view != NULL && options != NULL);

  if (options->n_point_layers == 0)
    return;
  cairo_save (cr);
  counts = prepare_count_glyphs (cr, &glyphs);
  scale = image_scale (cr);
  for (guint l = 0; l < options->n_point_layers; l++)
    {
      AtlasPointLayer *layer = options->point_layers[l];
      guint32 colour = atlas_point_layer_get_colour (layer);
      AtlasPointShape shape = atlas_point_layer_get_shape (layer);
      g_autoptr(GArray) clusters = atlas_point_layer_cluster (layer, view, ATLAS_POINT_CELL);
      g_autoptr(GArray) stamps = g_array_new (FALSE, FALSE, sizeof (Stamp));

      g_array_set_clear_func (stamps, stamp_clear);
      for (guint i = 0; i < clusters->len; i++)
        {
          const AtlasPointCluster *c = &g_array_index (clusters, AtlasPointCluster, i);
          double size = atlas_point_cluster_size (c->count);
          /* A cell's points under one round badge, whatever the layer's shape: the count
           * reads best in a circle. */
          AtlasPointShape drawn = c->count > 1 ? ATLAS_POINT_SHAPE_CIRCLE : shape;

          if (scale > 0)
            {
              const Stamp *stamp = get_stamp (cr, stamps, drawn, colour, size, options->theme,
                                              scale);
              double x = c->x - stamp->half, y = c->y - stamp->half;

              /* On whole pixels, copied as they are: no resampling. */
              cairo_user_to_device (cr, &x, &y);
              x = round (x);
              y = round (y);
              cairo_device_to_user (cr, &x, &y);
              cairo_set_source_surface (cr, stamp->image, x, y);
              cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
              cairo_rectangle (cr, x, y, 2 * stamp->half, 2 * stamp->half);
              cairo_fill (cr);
            }
          else
            atlas_cartography_draw_point_symbol (cr, drawn, colour, c->x, c->y, size,
                                                 options->theme);
          if (c->count > 1 && counts)
            draw_count (cr, &glyphs, c->count, colour, c->x, c->y);
        }
    }
  cairo_restore (cr);
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
