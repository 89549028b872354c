/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A planner's points on the map: decluttered into one symbol per grid cell with its count,
 * the same while the map pans, found where they are drawn, drawn in their colour and shape,
 * named beside their symbol, and in the legend. */
#include <math.h>
#include <string.h>

#include "atlas-legend-model.h"
#include "atlas-point-layer.h"

#define WIDTH  900
#define HEIGHT 700
#define COLOUR 0x0072b2

static AtlasDataset *hwe;

/* Made-up places: a crowd of 60 around Watford General Hospital, then three lone points far
 * apart (Lister, the Princess Alexandra and one in central London, outside every district). */
static AtlasPoints *
make_points_named (gboolean named)
{
  g_autoptr(GString) csv = g_string_new ("Name,Latitude,Longitude,Note\n");
  g_autoptr(AtlasTable) table = NULL;
  g_autoptr(GError) error = NULL;
  AtlasPoints *points;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (csv, "%s%u,%.5f,%.5f,made-up\n", named ? "Crowd " : "", i,
                            51.6497 + (i % 6) * 0.0004, -0.4011 + (i / 6) * 0.0004);
  g_string_append_printf (csv, "%s,51.9257,-0.2136,made-up\n"
                               "%s,51.7739,0.0914,made-up\n"
                               "%s,51.5079,-0.0877,made-up\n",
                          named ? "Lister" : "", named ? "Harlow" : "",
                          named ? "Central London" : "");
  table = atlas_table_parse (csv->str, csv->len, "made-up.csv", &error);
  g_assert_no_error (error);
  points = atlas_points_new_from_table (table, hwe, &error);
  g_assert_no_error (error);
  return points;
}

static AtlasPoints *
make_points (void)
{
  return make_points_named (TRUE);
}

static void
framing (AtlasView *view)
{
  atlas_view_init_framing (view, atlas_dataset_get_bbox (hwe), WIDTH, HEIGHT, 20);
}

static guint
total_count (GArray *clusters)
{
  guint total = 0;

  for (guint i = 0; i < clusters->len; i++)
    total += g_array_index (clusters, AtlasPointCluster, i).count;
  return total;
}

static const AtlasPointCluster *
cluster_of (GArray *clusters,
            guint   index)
{
  for (guint i = 0; i < clusters->len; i++)
    if (g_array_index (clusters, AtlasPointCluster, i).index == index)
      return &g_array_index (clusters, AtlasPointCluster, i);
  return NULL;
}

static void
test_cluster (void)
{
  g_autoptr(AtlasPoints) points = make_points ();
  g_autoptr(AtlasPointLayer) layer = atlas_point_layer_new (points, COLOUR,
                                                             ATLAS_POINT_SHAPE_SQUARE);
  g_autoptr(GArray) clusters = NULL;
  g_autoptr(GArray) zoomed = NULL;
  AtlasView view;

  framing (&view);
  clusters = atlas_point_layer_cluster (layer, &view, 0);
  /* The crowd is one symbol at its first point, counting 60; the others stand alone; central
   * London is out of view. */
  g_assert_cmpuint (clusters->len, ==, 3);
  g_assert_cmpuint (total_count (clusters), ==, 62);
  g_assert_cmpuint (cluster_of (clusters, 0)->count, ==, 60);
  g_assert_cmpuint (cluster_of (clusters, 60)->count, ==, 1);
  g_assert_cmpuint (cluster_of (clusters, 61)->count, ==, 1);
  g_assert_null (cluster_of (clusters, 62));
  g_assert_cmpfloat (atlas_point_cluster_size (60), >, atlas_point_cluster_size (1));

  /* Zoomed in far enough, every point of the crowd has a symbol of its own. */
  view.scale *= 4096;
  zoomed = atlas_point_layer_cluster (layer, &view, 0);
  g_assert_cmpuint (total_count (zoomed), ==, zoomed->len);
}

/* Cells belong to the world, not to the screen: panning moves the symbols with the map and
 * keeps what each one stands for. */
static void
test_cluster_stable_when_panning (void)
{
  g_autoptr(AtlasPoints) points = make_points ();
  g_autoptr(AtlasPointLayer) layer = atlas_point_layer_new (points, COLOUR,
                                                             ATLAS_POINT_SHAPE_CIRCLE);
  AtlasView view, moved;

  framing (&view);
  view.scale *= 64;
  /* Around the crowd, where some cells hold several points and some one. */
  {
    double wx, wy;

    atlas_project (-0.4001, 51.6507, &wx, &wy);
    view.origin_x = wx - view.width / 2 / view.scale;
    view.origin_y = wy - view.height / 2 / view.scale;
  }
  /* Badges sit in their cells' middles: they never overlap. */
  {
    g_autoptr(GArray) clusters = atlas_point_layer_cluster (layer, &view, 0);
    guint badges = 0;

    for (guint i = 0; i < clusters->len; i++)
      for (guint j = i + 1; j < clusters->len; j++)
        {
          const AtlasPointCluster *a = &g_array_index (clusters, AtlasPointCluster, i);
          const AtlasPointCluster *b = &g_array_index (clusters, AtlasPointCluster, j);

          if (a->count > 1 && b->count > 1)
            {
              g_assert_cmpfloat (MAX (fabs (a->x - b->x), fabs (a->y - b->y)), >=,
                                 ATLAS_POINT_CELL - 1e-6);
              badges++;
            }
        }
    g_assert_cmpuint (badges, >, 0);
  }
  moved = view;
  for (int step = 1; step <= 5; step++)
    {
      g_autoptr(GArray) before = atlas_point_layer_cluster (layer, &view, 200);
      g_autoptr(GArray) after = NULL;

      moved.origin_x = view.origin_x + step * 7.3 / view.scale;
      moved.origin_y = view.origin_y - step * 3.1 / view.scale;
      after = atlas_point_layer_cluster (layer, &moved, 200);
      g_assert_cmpuint (before->len, ==, after->len);
      g_assert_cmpuint (before->len, >, 1);
      for (guint i = 0; i < before->len; i++)
        {
          const AtlasPointCluster *a = &g_array_index (before, AtlasPointCluster, i);
          const AtlasPointCluster *b = cluster_of (after, a->index);

          g_assert_nonnull (b);
          g_assert_cmpuint (a->count, ==, b->count);
          g_assert_cmpfloat_with_epsilon (b->x, a->x - step * 7.3, 1e-6);
          g_assert_cmpfloat_with_epsilon (b->y, a->y + step * 3.1, 1e-6);
        }
    }
}

static void
test_find_at (void)
{
  g_autoptr(AtlasPoints) points = make_points ();
  g_autoptr(AtlasPointLayer) layer = atlas_point_layer_new (points, COLOUR,
                                                             ATLAS_POINT_SHAPE_CIRCLE);
  g_autoptr(GArray) clusters = NULL;
  AtlasPointCluster found;
  AtlasView view;
  const AtlasPointCluster *lister;

  framing (&view);
  clusters = atlas_point_layer_cluster (layer, &view, 0);
  lister = cluster_of (clusters, 60);
  g_assert_true (atlas_point_layer_find_at (layer, &view, lister->x + 3, lister->y - 2, &found));
  g_assert_cmpuint (found.index, ==, 60);
  g_assert_true (atlas_point_layer_find_at (layer, &view, cluster_of (clusters, 0)->x,
                                            cluster_of (clusters, 0)->y, &found));
  g_assert_cmpuint (found.count, ==, 60);
  g_assert_false (atlas_point_layer_find_at (layer, &view, lister->x + 40, lister->y, &found));
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + (int) floor (y) * stride + (int) floor (x) * 4) & 0xffffff;
}

static cairo_surface_t *
draw (AtlasPointLayer *layer,
      gboolean         labels)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  AtlasCartographyOptions options;
  AtlasView view;

  framing (&view);
  atlas_cartography_options_init (&options);
  options.sites = FALSE;
  options.labels = labels;
  options.point_layers[0] = layer;
  options.n_point_layers = 1;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  atlas_cartography_draw_districts (cr, &view, hwe, &options);
  if (labels)
    atlas_cartography_draw_labels (cr, &view, hwe, &options);
  atlas_cartography_draw_points (cr, &view, hwe, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_draw (void)
{
  for (AtlasPointShape shape = 0; shape < ATLAS_POINT_N_SHAPES; shape++)
    {
      g_autoptr(AtlasPoints) points = make_points ();
      g_autoptr(AtlasPointLayer) layer = atlas_point_layer_new (points, COLOUR, shape);
      g_autoptr(GArray) clusters = NULL;
      cairo_surface_t *surface = draw (layer, FALSE);
      AtlasPointShape back;
      AtlasView view;

      g_assert_true (atlas_point_shape_from_string (atlas_point_shape_to_string (shape), &back));
      g_assert_cmpint (back, ==, shape);
      framing (&view);
      clusters = atlas_point_layer_cluster (layer, &view, 0);
      for (guint i = 0; i < clusters->len; i++)
        {
          const AtlasPointCluster *c = &g_array_index (clusters, AtlasPointCluster, i);

          /* A lone point's centre, or a badge's ring around its count. */
          if (c->count == 1)
            g_assert_cmphex (pixel_at (surface, c->x, c->y), ==, COLOUR);
          else
            g_assert_cmphex (pixel_at (surface, c->x, c->y - atlas_point_cluster_size (c->count)
                                                            / 2 + 2.5), ==, COLOUR);
        }
      cairo_surface_destroy (surface);
    }
}

/* Names of lone points go beside their symbols, where nothing else is: the same points
 * without names show only the districts' names there. */
static void
test_names (void)
{
  g_autoptr(AtlasPoints) points = make_points ();
  g_autoptr(AtlasPoints) nameless = make_points_named (FALSE);
  g_autoptr(AtlasPointLayer) layer = atlas_point_layer_new (points, COLOUR,
                                                             ATLAS_POINT_SHAPE_CIRCLE);
  g_autoptr(AtlasPointLayer) nameless_layer = atlas_point_layer_new (nameless, COLOUR,
                                                                      ATLAS_POINT_SHAPE_CIRCLE);
  cairo_surface_t *plain = draw (nameless_layer, TRUE);
  cairo_surface_t *named = draw (layer, TRUE);
  g_autoptr(GArray) clusters = NULL;
  guint with_names = 0, near = 0, total = 0;
  AtlasView view;

  framing (&view);
  clusters = atlas_point_layer_cluster (layer, &view, 0);
  for (guint i = 0; i < clusters->len; i++)
    {
      const AtlasPointCluster *c = &g_array_index (clusters, AtlasPointCluster, i);
      guint changed = 0;

      if (c->count != 1)
        continue;
      /* Pixels the name changed, within a name's reach of the symbol. */
      for (int y = MAX (0, (int) c->y - 30); y < MIN (HEIGHT, (int) c->y + 30); y++)
        for (int x = MAX (0, (int) c->x - 120); x < MIN (WIDTH, (int) c->x + 120); x++)
          changed += pixel_at (plain, x, y) != pixel_at (named, x, y);
      g_test_message ("point %u: its name changed %u pixels", c->index, changed);
      with_names += changed > 40;
      near += changed;
    }
  /* Elsewhere, nothing changed: the districts' names are where they were. */
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      total += pixel_at (plain, x, y) != pixel_at (named, x, y);
  g_assert_cmpuint (with_names, ==, 2);
  g_assert_cmpuint (total, ==, near);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (named);
}

static void
test_legend (void)
{
  g_autoptr(AtlasPoints) points = make_points ();
  g_autoptr(AtlasPointLayer) layer = atlas_point_layer_new (points, 0xcc79a7,
                                                             ATLAS_POINT_SHAPE_DIAMOND);
  g_autoptr(AtlasLegendModel) model = NULL;
  AtlasCartographyOptions options;
  gboolean found = FALSE;

  atlas_cartography_options_init (&options);
  options.point_layers[0] = layer;
  options.n_point_layers = 1;
  model = atlas_legend_model_new (hwe, &options);
  for (guint i = 0; i < atlas_legend_model_get_n_entries (model); i++)
    {
      const AtlasLegendEntry *e = atlas_legend_model_get_entry (model, i);

      if (e->kind != ATLAS_LEGEND_POINT)
        continue;
      g_assert_cmpstr (e->text, ==, "made-up.csv: 63 points, 1 outside the districts");
      g_assert_cmphex (e->colour, ==, 0xcc79a7);
      g_assert_cmpuint (e->point_shape, ==, ATLAS_POINT_SHAPE_DIAMOND);
      found = TRUE;
    }
  g_assert_true (found);
}

static void
test_colours (void)
{
  guint n;
  const guint32 *colours = atlas_point_layer_get_colours (&n);

  g_assert_cmpuint (n, >=, 4);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmphex (atlas_point_layer_default_colour (i), ==, colours[i]);
      /* None is the sites' red. */
      g_assert_cmphex (colours[i], !=, atlas_cartography_get_palette (ATLAS_THEME_LIGHT)->site);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  hwe = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);

  g_test_add_func ("/point-layer/cluster", test_cluster);
  g_test_add_func ("/point-layer/cluster-stable-when-panning", test_cluster_stable_when_panning);
  g_test_add_func ("/point-layer/find-at", test_find_at);
  g_test_add_func ("/point-layer/draw", test_draw);
  g_test_add_func ("/point-layer/names", test_names);
  g_test_add_func ("/point-layer/legend", test_legend);
  g_test_add_func ("/point-layer/colours", test_colours);

  status = g_test_run ();
  g_object_unref (hwe);
  return status;
}
