/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-basemap-private.h"
#include "atlas-geometry.h"
#include "atlas-json.h"

/* Hertfordshire, West Essex and London: the region every planner starts in. */
static const AtlasBBox region = { -0.80, 51.25, 0.65, 52.10 };

#define TILE_STRIDE (256 * 4)

typedef struct {
  guint32 pixels[256 * 256];
} Tile;

static Tile *
render (AtlasBasemapStyle style,
        int               zoom,
        int               x,
        int               y)
{
  Tile *tile = g_new0 (Tile, 1);

  atlas_basemap_render_tile (atlas_basemap_get_default (), style, zoom, x, y,
                             (guint8 *) tile->pixels, TILE_STRIDE);
  return tile;
}

static void
tile_of (double lon,
         double lat,
         int    zoom,
         int   *x,
         int   *y,
         int   *px,
         int   *py)
{
  double wx, wy, n = (double) (1 << zoom);

  atlas_project (lon, lat, &wx, &wy);
  *x = (int) (wx * n);
  *y = (int) (wy * n);
  if (px != NULL)
    *px = (int) ((wx * n - *x) * 256);
  if (py != NULL)
    *py = (int) ((wy * n - *y) * 256);
}

static guint32
opaque (guint32 rgb)
{
  return 0xff000000u | rgb;
}

static gboolean
tile_is_uniform (const Tile *tile)
{
  for (guint i = 1; i < G_N_ELEMENTS (tile->pixels); i++)
    if (tile->pixels[i] != tile->pixels[0])
      return FALSE;
  return TRUE;
}

static guint
count_colour (const Tile *tile,
              guint32     argb)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tile->pixels); i++)
    n += tile->pixels[i] == argb;
  return n;
}

static void
assert_opaque (const Tile *tile)
{
  for (guint i = 0; i < G_N_ELEMENTS (tile->pixels); i++)
    g_assert_cmphex (tile->pixels[i] >> 24, ==, 0xff);
}

static void
test_basemap_load (void)
{
  AtlasBasemap *map = atlas_basemap_get_default ();
  gboolean found = FALSE;

  g_assert_nonnull (map);
  g_assert_true (map == atlas_basemap_get_default ());
  /* The 380 districts of 2013, less the 30 merged into others since (gb-lad-merges.json). */
  g_assert_cmpuint (atlas_basemap_get_n_districts (map), ==, 350);
  for (guint i = 0; i < atlas_basemap_get_n_districts (map); i++)
    found |= g_strcmp0 (atlas_basemap_get_district_name (map, i), "Stevenage") == 0;
  g_assert_true (found);
  g_assert_nonnull (strstr (atlas_basemap_get_attribution (), "Open Government Licence"));
}

static void
test_basemap_bad_bytes (void)
{
  g_autoptr(GBytes) good = g_resources_lookup_data ("/io/github/icsatlas/IcsAtlas/data/basemap/gb.bin",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a base map at all, just some text here....",
                                                  48);
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GError) error = NULL;
  AtlasBasemap *map;

  g_assert_nonnull (good);
  map = atlas_basemap_new_from_bytes (garbage, &error);
  g_assert_null (map);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  truncated = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);
  map = atlas_basemap_new_from_bytes (truncated, &error);
  g_assert_null (map);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* Every zoom renders opaque tiles; at zooms 6–8 every tile over the region (all of them touch
 * land and borders) is not uniform; closer in, a tile on the Thames in London is not. */
static void
test_basemap_region_zooms (void)
{
  for (int zoom = 6; zoom <= 15; zoom++)
    {
      int x0, y0, x1, y1;

      tile_of (region.min_x, region.max_y, zoom, &x0, &y0, NULL, NULL);
      tile_of (region.max_x, region.min_y, zoom, &x1, &y1, NULL, NULL);
      if (zoom <= 8)
        {
          for (int x = x0; x <= x1; x++)
            for (int y = y0; y <= y1; y++)
              {
                g_autofree Tile *tile = render (ATLAS_BASEMAP_STYLE_LIGHT, zoom, x, y);
                assert_opaque (tile);
                g_assert_false (tile_is_uniform (tile));
              }
        }
      else
        {
          /* The corners of the region and Tower Bridge. */
          int tx, ty;
          g_autofree Tile *river = NULL;

          for (int corner = 0; corner < 4; corner++)
            {
              g_autofree Tile *tile = render (ATLAS_BASEMAP_STYLE_LIGHT, zoom,
                                              corner & 1 ? x1 : x0, corner & 2 ? y1 : y0);
              assert_opaque (tile);
            }
          tile_of (-0.0754, 51.5055, zoom, &tx, &ty, NULL, NULL);
          river = render (ATLAS_BASEMAP_STYLE_LIGHT, zoom, tx, ty);
          assert_opaque (river);
          g_assert_false (tile_is_uniform (river));
          /* From zoom 11 the river is wider than a pixel. */
          if (zoom >= 11)
            g_assert_cmpuint (count_colour (river, opaque (atlas_basemap_style_sea_colour (0))), >, 0);
        }
    }
}

static void
test_basemap_sea_tile (void)
{
  int x, y;
  g_autofree Tile *tile = NULL;

  /* The middle of the North Sea, over 200 km from any British coast. */
  tile_of (3.2, 55.0, 9, &x, &y, NULL, NULL);
  tile = render (ATLAS_BASEMAP_STYLE_LIGHT, 9, x, y);
  g_assert_cmpuint (count_colour (tile, opaque (atlas_basemap_style_sea_colour (0))), ==,
                    256 * 256);
}

static void
test_basemap_inland_tile (void)
{
  guint32 land = opaque (atlas_basemap_style_land_colour (ATLAS_BASEMAP_STYLE_LIGHT));
  int x, y, px, py;
  g_autofree Tile *tile = NULL;

  /* Lister Hospital, in the north of Stevenage, at zoom 12. */
  tile_of (-0.2136, 51.9257, 12, &x, &y, &px, &py);
  tile = render (ATLAS_BASEMAP_STYLE_LIGHT, 12, x, y);
  g_assert_cmphex (tile->pixels[py * 256 + px], ==, land);
  g_assert_cmphex (tile->pixels[128 * 256 + 128], ==, land);
  g_assert_cmpuint (count_colour (tile, land), >, 256 * 256 / 2);
  g_assert_cmpuint (count_colour (tile, opaque (atlas_basemap_style_sea_colour (0))), ==, 0);
}

static void
test_basemap_styles_differ (void)
{
  int x, y;
  g_autofree Tile *light = NULL;
  g_autofree Tile *dark = NULL;
  g_autofree Tile *contrast = NULL;

  g_assert_cmphex (atlas_basemap_style_sea_colour (ATLAS_BASEMAP_STYLE_LIGHT), !=,
                   atlas_basemap_style_sea_colour (ATLAS_BASEMAP_STYLE_DARK));
  tile_of (-0.2, 51.8, 9, &x, &y, NULL, NULL);
  light = render (ATLAS_BASEMAP_STYLE_LIGHT, 9, x, y);
  dark = render (ATLAS_BASEMAP_STYLE_DARK, 9, x, y);
  contrast = render (ATLAS_BASEMAP_STYLE_HIGH_CONTRAST, 9, x, y);
  g_assert_true (memcmp (light->pixels, dark->pixels, sizeof light->pixels) != 0);
  g_assert_true (memcmp (light->pixels, contrast->pixels, sizeof light->pixels) != 0);
  g_assert_cmpuint (count_colour (dark, opaque (atlas_basemap_style_land_colour (1))), >, 0);
}

/* Two neighbouring tiles and one 512×256 drawing of the same place agree pixel for pixel
 * (within rounding of antialiased edges): no seams, and names cut by the tile edge line up. */
static void
test_basemap_tiles_agree (void)
{
  int x, y;
  g_autofree Tile *left = NULL;
  g_autofree Tile *right = NULL;
  cairo_surface_t *wide = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 512, 256);
  guint8 *data;
  AtlasView view;
  int stride;
  guint differ = 0;

  /* Zoom 10 around Welwyn Hatfield and East Hertfordshire: borders and names. */
  tile_of (-0.15, 51.80, 10, &x, &y, NULL, NULL);
  left = render (ATLAS_BASEMAP_STYLE_LIGHT, 10, x, y);
  right = render (ATLAS_BASEMAP_STYLE_LIGHT, 10, x + 1, y);
  atlas_view_init_tile (&view, 10, x, y);
  view.width = 512;
  data = cairo_image_surface_get_data (wide);
  stride = cairo_image_surface_get_stride (wide);
  _atlas_basemap_render_view (atlas_basemap_get_default (), ATLAS_BASEMAP_STYLE_LIGHT, &view,
                              data, stride);

  for (int row = 0; row < 256; row++)
    for (int col = 0; col < 512; col++)
      {
        const Tile *tile = col < 256 ? left : right;
        const guint8 *a = (const guint8 *) &tile->pixels[row * 256 + col % 256];
        const guint8 *b = data + row * stride + col * 4;

        for (int c = 0; c < 4; c++)
          if (ABS (a[c] - b[c]) > 2)
            {
              differ++;
              g_test_message ("(%d, %d) channel %d: %d vs %d", col, row, c, a[c], b[c]);
            }
      }
  cairo_surface_destroy (wide);
  /* A handful of antialiased edge pixels may round differently (the two drawings clip the
   * same polygons to different rectangles); anything visible would be thousands. */
  g_assert_cmpuint (differ, <, 64);
}

/* The districts named name (at most one is expected): how many, and the last found. */
static guint
find_districts (AtlasBasemap  *map,
                const char    *name,
                guint         *found)
{
  guint n = 0;

  for (guint i = 0; i < atlas_basemap_get_n_districts (map); i++)
    if (g_strcmp0 (atlas_basemap_get_district_name (map, i), name) == 0)
      {
        *found = i;
        n++;
      }
  return n;
}

static gboolean
has_code (AtlasBasemap *map,
          const char   *code)
{
  for (guint i = 0; i < atlas_basemap_get_n_districts (map); i++)
    if (g_strcmp0 (map->strings + map->districts[i].code_offset, code) == 0)
      return TRUE;
  return FALSE;
}

/* Buckinghamshire is one council since 2020: one district with one outline and one name, no
 * border left between its 2013 districts, and none of those districts. */
static void
test_basemap_buckinghamshire (void)
{
  static const char * const before[] = { "Aylesbury Vale", "Chiltern", "South Bucks", "Wycombe" };
  AtlasBasemap *map = atlas_basemap_get_default ();
  g_autoptr(GHashTable) arcs = g_hash_table_new (NULL, NULL);
  const AtlasPackedDistrict *bucks;
  const AtlasPackedRing *ring;
  guint index = G_MAXUINT;

  g_assert_cmpuint (find_districts (map, "Buckinghamshire", &index), ==, 1);
  bucks = &map->districts[index];
  g_assert_cmpstr (map->strings + bucks->code_offset, ==, "E06000060");
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    g_assert_cmpuint (find_districts (map, before[i], &index), ==, 0);
  g_assert_false (has_code (map, "E07000004"));

  /* One outline: a single ring, walking no arc twice (a shared border would be walked once
   * each way), every arc of it a border with a neighbour or coast, never an internal seam. */
  g_assert_cmpuint (bucks->n_rings, ==, 1);
  ring = &map->rings[bucks->first_ring];
  g_assert_cmpuint (ring->n_refs, >, 3);
  for (guint i = 0; i < ring->n_refs; i++)
    {
      gint32 ref = map->arc_refs[ring->first_ref + i];
      guint arc = ref >= 0 ? (guint) ref : (guint) ~ref;

      g_assert_true (g_hash_table_add (arcs, GUINT_TO_POINTER (arc + 1)));
      g_assert_cmpuint (map->arcs[arc].kind, !=, ATLAS_PACKED_ARC_INTERNAL);
    }
  /* One name, shown from some zoom, inside the outline's box. */
  g_assert_cmpuint (bucks->label_min_zoom, >, 0);
  g_assert_cmpfloat (bucks->label_x, >=, bucks->bbox.min_x);
  g_assert_cmpfloat (bucks->label_x, <=, bucks->bbox.max_x);
}

/* Every row of the table of mergers: its council is there once, under its code, and none of
 * the districts it took in is; a council merged again later (Somerset West and Taunton, into
 * Somerset) is gone too. */
static void
test_basemap_merges (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "basemap",
                                                 "gb-lad-merges.json", NULL);
  AtlasBasemap *map = atlas_basemap_get_default ();
  g_autoptr(AtlasJsonDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const AtlasJsonNode *rows;
  g_autoptr(GHashTable) members_later = g_hash_table_new (g_str_hash, g_str_equal);
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  doc = atlas_json_document_parse (contents, length, path, &error);
  g_assert_no_error (error);
  rows = atlas_json_node_get_member (atlas_json_document_get_root (doc), "merges");
  g_assert_nonnull (rows);
  g_assert_cmpuint (atlas_json_node_get_length (rows), ==, 12);
  for (guint i = 0; i < atlas_json_node_get_length (rows); i++)
    {
      const AtlasJsonNode *members = atlas_json_node_get_member (atlas_json_node_get_child (rows,
                                                                                           i),
                                                                 "members");

      for (guint m = 0; m < atlas_json_node_get_length (members); m++)
        g_hash_table_add (members_later,
                          (gpointer) atlas_json_node_get_child (members, m)->v.string.str);
    }

  for (guint i = 0; i < atlas_json_node_get_length (rows); i++)
    {
      const AtlasJsonNode *row = atlas_json_node_get_child (rows, i);
      const AtlasJsonNode *members = atlas_json_node_get_member (row, "members");
      const char *name = NULL, *code = NULL;
      guint index = G_MAXUINT;

      g_assert_true (atlas_json_object_get_string (row, path, "name", &name, NULL));
      g_assert_true (atlas_json_object_get_string (row, path, "code", &code, NULL));
      g_test_message ("%s (%s)", name, code);
      if (g_hash_table_contains (members_later, code))
        {
          g_assert_cmpuint (find_districts (map, name, &index), ==, 0);
          g_assert_false (has_code (map, code));
          continue;
        }
      g_assert_cmpuint (find_districts (map, name, &index), ==, 1);
      g_assert_cmpstr (map->strings + map->districts[index].code_offset, ==, code);
      for (guint m = 0; m < atlas_json_node_get_length (members); m++)
        g_assert_false (has_code (map, atlas_json_node_get_child (members, m)->v.string.str));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/basemap/load", test_basemap_load);
  g_test_add_func ("/basemap/bad-bytes", test_basemap_bad_bytes);
  g_test_add_func ("/basemap/region-zooms", test_basemap_region_zooms);
  g_test_add_func ("/basemap/sea-tile", test_basemap_sea_tile);
  g_test_add_func ("/basemap/inland-tile", test_basemap_inland_tile);
  g_test_add_func ("/basemap/styles-differ", test_basemap_styles_differ);
  g_test_add_func ("/basemap/tiles-agree", test_basemap_tiles_agree);
  g_test_add_func ("/basemap/buckinghamshire", test_basemap_buckinghamshire);
  g_test_add_func ("/basemap/merges", test_basemap_merges);

  return g_test_run ();
}
