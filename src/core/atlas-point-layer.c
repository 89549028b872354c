/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-point-layer.h"

#include <math.h>
#include <string.h>

#include "atlas-cartography-private.h"

/* A click this far outside a symbol still finds it, in surface units. */
#define HIT_SLOP 3.0

struct _AtlasPointLayer {
  GObject parent_instance;

  AtlasPoints *points;
  guint32 colour;
  AtlasPointShape shape;
  double *world;          /* x, y per point: Web Mercator, projected once */
  guint n;
};

G_DEFINE_FINAL_TYPE (AtlasPointLayer, atlas_point_layer, G_TYPE_OBJECT)

static const char * const shape_names[ATLAS_POINT_N_SHAPES] = {
  "circle", "square", "triangle", "diamond",
};

/* Black first: with its white edge it stands out on every partnership colour and every
 * ramp (the partnerships are Okabe and Ito's blue, orange and green). Then a purple and
 * Okabe and Ito's colours, none of them the sites' red. */
static const guint32 colours[] = {
  0x000000, 0x6a3d9a, 0xcc79a7, 0x56b4e9, 0xe69f00, 0x009e73, 0x0072b2,
};

static void
atlas_point_layer_finalize (GObject *object)
{
  AtlasPointLayer *self = ATLAS_POINT_LAYER (object);

  g_clear_object (&self->points);
  g_free (self->world);

  G_OBJECT_CLASS (atlas_point_layer_parent_class)->finalize (object);
}

static void
atlas_point_layer_class_init (AtlasPointLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_point_layer_finalize;
}

static void
atlas_point_layer_init (AtlasPointLayer *self)
{
}

AtlasPointLayer *
atlas_point_layer_new (AtlasPoints     *points,
                       guint32          colour,
                       AtlasPointShape  shape)
{
  AtlasPointLayer *self;
  const AtlasPlace *places;

  g_return_val_if_fail (ATLAS_IS_POINTS (points), NULL);

  self = g_object_new (ATLAS_TYPE_POINT_LAYER, NULL);
  self->points = g_object_ref (points);
  self->colour = colour & 0xffffff;
  self->shape = shape < ATLAS_POINT_N_SHAPES ? shape : ATLAS_POINT_SHAPE_CIRCLE;
  places = atlas_points_get_places (points, &self->n);
  self->world = g_new (double, 2 * (gsize) MAX (self->n, 1));
  for (guint i = 0; i < self->n; i++)
    atlas_project (places[i].lon, places[i].lat, &self->world[2 * i], &self->world[2 * i + 1]);
  return self;
}

AtlasPoints *
atlas_point_layer_get_points (AtlasPointLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT_LAYER (self), NULL);
  return self->points;
}

guint32
atlas_point_layer_get_colour (AtlasPointLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT_LAYER (self), 0);
  return self->colour;
}

AtlasPointShape
atlas_point_layer_get_shape (AtlasPointLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_POINT_LAYER (self), ATLAS_POINT_SHAPE_CIRCLE);
  return self->shape;
}

GArray *
atlas_point_layer_cluster (AtlasPointLayer *self,
                           const AtlasView *view,
                           double           margin)
{
  GArray *clusters;
  g_autofree guint *first = NULL;   /* per cell: its first point + 1, 0 when empty */
  g_autofree guint *count = NULL;
  double left, top, right, bottom;
  gint64 cx0, cy0, nx, ny;

  g_return_val_if_fail (ATLAS_IS_POINT_LAYER (self), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  clusters = g_array_new (FALSE, FALSE, sizeof (AtlasPointCluster));
  margin = MAX (margin, 0.0);
  /* The view in surface units from the world's origin: cells are counted from there. */
  left = view->origin_x * view->scale - margin;
  top = view->origin_y * view->scale - margin;
  right = view->origin_x * view->scale + view->width + margin;
  bottom = view->origin_y * view->scale + view->height + margin;
  if (!(right > left && bottom > top) || view->scale <= 0)
    return clusters;
  cx0 = (gint64) floor (left / ATLAS_POINT_CELL);
  cy0 = (gint64) floor (top / ATLAS_POINT_CELL);
  nx = (gint64) floor (right / ATLAS_POINT_CELL) - cx0 + 1;
  ny = (gint64) floor (bottom / ATLAS_POINT_CELL) - cy0 + 1;
  /* Beyond any output this program makes (16384 units a side): draw nothing rather than ask
   * for a grid of gigabytes. */
  if (nx <= 0 || ny <= 0 || nx * ny > 4 * 1024 * 1024)
    return clusters;

  first = g_new0 (guint, nx * ny);
  count = g_new0 (guint, nx * ny);
  for (guint i = 0; i < self->n; i++)
    {
      double sx = self->world[2 * i] * view->scale;
      double sy = self->world[2 * i + 1] * view->scale;
      gint64 cell;

      if (sx < left || sx > right || sy < top || sy > bottom)
        continue;
      cell = ((gint64) floor (sy / ATLAS_POINT_CELL) - cy0) * nx
             + ((gint64) floor (sx / ATLAS_POINT_CELL) - cx0);
      if (cell < 0 || cell >= nx * ny)
        continue;
      if (count[cell]++ == 0)
        first[cell] = i + 1;
    }

  for (gint64 cell = 0; cell < nx * ny; cell++)
    if (count[cell] > 0)
      {
        AtlasPointCluster c;

        c.index = first[cell] - 1;
        c.count = count[cell];
        if (c.count == 1)
          atlas_view_world_to_surface (view, self->world[2 * c.index],
                                       self->world[2 * c.index + 1], &c.x, &c.y);
        else
          {
            /* A crowded cell's badge in its middle: badges then never overlap. */
            c.x = (cell % nx + cx0 + 0.5) * ATLAS_POINT_CELL - view->origin_x * view->scale;
            c.y = (cell / nx + cy0 + 0.5) * ATLAS_POINT_CELL - view->origin_y * view->scale;
          }
        g_array_append_val (clusters, c);
      }
  return clusters;
}

double
atlas_point_cluster_size (guint count)
{
  if (count <= 1)
    return ATLAS_POINT_SYMBOL_SIZE;
  /* Room for the count: two digits, three, then four ("9999", "10k+"). */
  if (count < 100)
    return ATLAS_POINT_SYMBOL_SIZE + 8;
  if (count < 1000)
    return ATLAS_POINT_SYMBOL_SIZE + 12;
  return ATLAS_POINT_SYMBOL_SIZE + 16;
}

gboolean
atlas_point_layer_find_at (AtlasPointLayer   *self,
                           const AtlasView   *view,
                           double             x,
                           double             y,
                           AtlasPointCluster *cluster)
{
  g_autoptr(GArray) clusters = NULL;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (ATLAS_IS_POINT_LAYER (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  clusters = atlas_point_layer_cluster (self, view, ATLAS_POINT_CELL);
  for (guint i = 0; i < clusters->len; i++)
    {
      const AtlasPointCluster *c = &g_array_index (clusters, AtlasPointCluster, i);
      double d = hypot (c->x - x, c->y - y);

      if (d <= atlas_point_cluster_size (c->count) / 2.0 + HIT_SLOP && d < best)
        {
          best = d;
          if (cluster != NULL)
            *cluster = *c;
        }
    }
  return best < G_MAXDOUBLE;
}

static void
append_shape (cairo_t         *cr,
              AtlasPointShape  shape,
              double           x,
              double           y,
              double           size)
{
  double h = size / 2.0;

  cairo_new_path (cr);
  switch (shape)
    {
    case ATLAS_POINT_SHAPE_SQUARE:
      cairo_rectangle (cr, x - h * 0.9, y - h * 0.9, size * 0.9, size * 0.9);
      break;
    case ATLAS_POINT_SHAPE_TRIANGLE:
      /* As tall as wide, its centre of area on the point. */
      cairo_move_to (cr, x, y - h * 1.15);
      cairo_line_to (cr, x + h * 1.1, y + h * 0.75);
      cairo_line_to (cr, x - h * 1.1, y + h * 0.75);
      cairo_close_path (cr);
      break;
    case ATLAS_POINT_SHAPE_DIAMOND:
      cairo_move_to (cr, x, y - h * 1.15);
      cairo_line_to (cr, x + h * 1.15, y);
      cairo_line_to (cr, x, y + h * 1.15);
      cairo_line_to (cr, x - h * 1.15, y);
      cairo_close_path (cr);
      break;
    case ATLAS_POINT_SHAPE_CIRCLE:
    case ATLAS_POINT_N_SHAPES:
    default:
      cairo_arc (cr, x, y, h, 0, 2 * G_PI);
      break;
    }
}

void
atlas_cartography_draw_point_symbol (cairo_t         *cr,
                                     AtlasPointShape  shape,
                                     guint32          colour,
                                     double           x,
                                     double           y,
                                     double           size,
                                     AtlasTheme       theme)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (theme);

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  append_shape (cr, shape, x, y, size);
  _atlas_cartography_set_source_rgb (cr, colour);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _atlas_cartography_set_source_rgb (cr, palette->site_edge);
  cairo_stroke (cr);
  cairo_restore (cr);
}

const char *
atlas_point_shape_to_string (AtlasPointShape shape)
{
  return shape < ATLAS_POINT_N_SHAPES ? shape_names[shape] : shape_names[0];
}

gboolean
atlas_point_shape_from_string (const char      *text,
                               AtlasPointShape *shape)
{
  g_return_val_if_fail (shape != NULL, FALSE);

  for (guint i = 0; text != NULL && i < ATLAS_POINT_N_SHAPES; i++)
    if (g_ascii_strcasecmp (text, shape_names[i]) == 0)
      {
        *shape = i;
        return TRUE;
      }
  return FALSE;
}

const guint32 *
atlas_point_layer_get_colours (guint *n)
{
  if (n != NULL)
    *n = G_N_ELEMENTS (colours);
  return colours;
}

guint32
atlas_point_layer_default_colour (guint i)
{
  return colours[i % G_N_ELEMENTS (colours)];
}
