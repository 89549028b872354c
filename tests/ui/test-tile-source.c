/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "atlas-tile-source.h"
#include "test-wait.h"

/* A real ShumateSimpleMap showing the offline base map over Hertfordshire at zoom 9: the
 * tiles arrive, and a capture of the widget has land where there is land and sea on the
 * Thames estuary. The capture is saved to tests/artefacts/ in the build folder. */

#define WIDTH 1024
#define HEIGHT 600
#define LOAD_TIMEOUT_S 30

typedef struct {
  GtkWidget *window;
  ShumateSimpleMap *map;
  GMainLoop *loop;
  GdkTexture *capture;
  gboolean timed_out;
} Fixture;

static GdkTexture *
capture_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static guint32 *
download (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels;
}

/* Tiles not loaded yet are transparent in a capture; the map is ready when none is. (Not
 * "fully opaque": libshumate places tiles at fractional offsets, and the cairo renderer
 * leaves their one-pixel edges slightly translucent.) */
static gboolean
map_is_loaded (GtkWidget   *widget,
               GdkTexture **out)
{
  g_autoptr(GdkTexture) texture = capture_widget (widget);
  g_autofree guint32 *pixels = NULL;
  gsize n;

  if (texture == NULL || gdk_texture_get_width (texture) < WIDTH / 2)
    return FALSE;
  pixels = download (texture);
  n = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture);
  for (gsize i = 0; i < n; i++)
    if ((pixels[i] >> 24) < 0xc0)
      return FALSE;
  *out = g_steal_pointer (&texture);
  return TRUE;
}

static gboolean
poll_cb (gpointer user_data)
{
  Fixture *f = user_data;

  if (gtk_widget_get_mapped (GTK_WIDGET (f->map)) && map_is_loaded (GTK_WIDGET (f->map), &f->capture))
    {
      g_main_loop_quit (f->loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  Fixture *f = user_data;

  f->timed_out = TRUE;
  g_main_loop_quit (f->loop);
  return G_SOURCE_REMOVE;
}

static void
assert_colour_near (const guint32 *pixels,
                    int            width,
                    int            x,
                    int            y,
                    guint32        rgb,
                    const char    *what)
{
  guint32 p = pixels[y * width + x];

  g_test_message ("%s at (%d, %d): %06x, expected %06x", what, x, y, p & 0xffffff, rgb);
  for (int shift = 0; shift <= 16; shift += 8)
    g_assert_cmpint (ABS ((int) ((p >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff)), <=, 2);
}

static void
location_pixel (Fixture *f,
                double   lat,
                double   lon,
                int     *x,
                int     *y)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (f->map);
  double wx, wy;

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (shumate_simple_map_get_map (f->map)),
                                              lat, lon, &wx, &wy);
  *x = (int) wx;
  *y = (int) wy;
  g_assert_cmpint (*x, >=, 0);
  g_assert_cmpint (*x, <, gtk_widget_get_width (GTK_WIDGET (f->map)));
  g_assert_cmpint (*y, >=, 0);
  g_assert_cmpint (*y, <, gtk_widget_get_height (GTK_WIDGET (f->map)));
}

static void
test_tile_source_properties (void)
{
  g_autoptr(AtlasTileSource) light = atlas_tile_source_new (ATLAS_BASEMAP_STYLE_LIGHT);
  g_autoptr(AtlasTileSource) dark = atlas_tile_source_new (ATLAS_BASEMAP_STYLE_DARK);
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (light);

  g_assert_cmpstr (shumate_map_source_get_id (source), ==, "ics-atlas-offline-light");
  g_assert_cmpstr (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (dark)), ==, "ics-atlas-offline-dark");
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (source), ==, 6);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (source), ==, 15);
  g_assert_cmpuint (shumate_map_source_get_tile_size (source), ==, 256);
  g_assert_nonnull (strstr (shumate_map_source_get_license (source), "Crown copyright"));
  g_assert_cmpint (atlas_tile_source_get_style (dark), ==, ATLAS_BASEMAP_STYLE_DARK);
}

static void
test_tile_source_map (void)
{
  g_autoptr(AtlasTileSource) source = atlas_tile_source_new (ATLAS_BASEMAP_STYLE_LIGHT);
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "artefacts", NULL);
  g_autofree char *png = g_build_filename (dir, "tile-source-z9.png", NULL);
  g_autofree guint32 *pixels = NULL;
  Fixture f = { 0 };
  guint poll_id, timeout_id;
  int x, y, width;

  f.loop = g_main_loop_new (NULL, FALSE);
  f.window = gtk_window_new ();
  f.map = shumate_simple_map_new ();
  shumate_simple_map_set_map_source (f.map, SHUMATE_MAP_SOURCE (source));
  /* Only the tiles: the overlays are translucent and would never read as loaded. */
  shumate_simple_map_set_show_zoom_buttons (f.map, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (shumate_simple_map_get_scale (f.map)), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (shumate_simple_map_get_license (f.map)), FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (f.map), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (f.window), GTK_WIDGET (f.map));
  gtk_window_present (GTK_WINDOW (f.window));

  shumate_viewport_set_zoom_level (shumate_simple_map_get_viewport (f.map), 9);
  shumate_map_center_on (shumate_simple_map_get_map (f.map), 51.80, -0.20);

  /* Not too often: libshumate asks for tiles from idle callbacks, which a busy poll would
   * starve. */
  poll_id = g_timeout_add (250, poll_cb, &f);
  timeout_id = g_timeout_add_seconds (LOAD_TIMEOUT_S, timeout_cb, &f);
  g_main_loop_run (f.loop);
  if (f.timed_out)
    g_source_remove (poll_id);
  else
    g_source_remove (timeout_id);
  g_assert_false (f.timed_out);
  g_assert_nonnull (f.capture);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (f.capture, png));
  g_test_message ("capture saved to %s", png);

  width = gdk_texture_get_width (f.capture);
  g_assert_cmpint (width, >=, WIDTH);
  g_assert_cmpint (gdk_texture_get_height (f.capture), >=, HEIGHT);
  pixels = download (f.capture);

  /* Farmland west of Stevenage, away from names and borders. */
  location_pixel (&f, 51.93, -0.32, &x, &y);
  assert_colour_near (pixels, width, x, y, atlas_basemap_style_land_colour (ATLAS_BASEMAP_STYLE_LIGHT),
                      "land");
  /* The Thames estuary between Southend and the Isle of Sheppey. */
  location_pixel (&f, 51.49, 0.78, &x, &y);
  assert_colour_near (pixels, width, x, y, atlas_basemap_style_sea_colour (ATLAS_BASEMAP_STYLE_LIGHT),
                      "sea");

  g_clear_object (&f.capture);
  gtk_window_destroy (GTK_WINDOW (f.window));
  g_main_loop_unref (f.loop);
}

static void
tile_filled_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  guint *left = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result,
                                                      &error));
  g_assert_no_error (error);
  (*left)--;
}

static guint32 *
tile_pixels (ShumateTile *tile)
{
  GdkPaintable *paintable = shumate_tile_get_paintable (tile);

  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
  return download (GDK_TEXTURE (paintable));
}

/* Tiles drawn ahead are the tiles drawn on request: one asked for while it is still drawn,
 * one asked for after, against a source that draws them on request. */
static void
test_tile_source_prerender (void)
{
  g_autoptr(AtlasTileSource) ahead = atlas_tile_source_new (ATLAS_BASEMAP_STYLE_LIGHT);
  g_autoptr(AtlasTileSource) plain = atlas_tile_source_new (ATLAS_BASEMAP_STYLE_LIGHT);
  g_autoptr(ShumateTile) waited = shumate_tile_new_full (254, 169, 256, 9);
  g_autoptr(ShumateTile) kept = shumate_tile_new_full (255, 169, 256, 9);
  g_autoptr(ShumateTile) fresh_waited = shumate_tile_new_full (254, 169, 256, 9);
  g_autoptr(ShumateTile) fresh_kept = shumate_tile_new_full (255, 169, 256, 9);
  g_autofree guint32 *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  guint left = 2;

  atlas_tile_source_prerender (ahead, 9, 254, 169);
  atlas_tile_source_prerender (ahead, 9, 255, 169);
  /* Nothing has run on this thread since: the first is still being drawn when it is asked for
   * (its pixels reach the main thread only through this loop), so the request waits for it. */
  g_assert_cmpint (atlas_tile_source_get_prerender_state (ahead, 9, 254, 169), ==,
                   ATLAS_PRERENDER_DRAWING);
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (ahead), waited, NULL, tile_filled_cb,
                                      &left);
  TEST_WAIT_UNTIL (left <= 1, "the tile asked for while it was drawn ahead");
  g_assert_cmpint (atlas_tile_source_get_prerender_state (ahead, 9, 254, 169), ==,
                   ATLAS_PRERENDER_NONE);
  /* The second is asked for only once it is drawn and kept: the request takes it as it is. */
  TEST_WAIT_UNTIL (atlas_tile_source_get_prerender_state (ahead, 9, 255, 169)
                     == ATLAS_PRERENDER_READY,
                   "the second tile to be drawn ahead");
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (ahead), kept, NULL, tile_filled_cb,
                                      &left);
  TEST_WAIT_UNTIL (left == 0, "the tile drawn ahead and kept");
  g_assert_cmpint (atlas_tile_source_get_prerender_state (ahead, 9, 255, 169), ==,
                   ATLAS_PRERENDER_NONE);

  left = 2;
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (plain), fresh_waited, NULL,
                                      tile_filled_cb, &left);
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (plain), fresh_kept, NULL,
                                      tile_filled_cb, &left);
  TEST_WAIT_UNTIL (left == 0, "the tiles to be drawn");

  a = tile_pixels (waited);
  b = tile_pixels (fresh_waited);
  c = tile_pixels (kept);
  d = tile_pixels (fresh_kept);
  g_assert_cmpmem (a, 256 * 256 * 4, b, 256 * 256 * 4);
  g_assert_cmpmem (c, 256 * 256 * 4, d, 256 * 256 * 4);
  /* Two different tiles, not one twice. */
  g_assert_true (memcmp (a, c, 256 * 256 * 4) != 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("ics-atlas-test-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);

  /* Nothing may land in the real home folder (libshumate writes a cache there). */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tile-source/properties", test_tile_source_properties);
  g_test_add_func ("/tile-source/map", test_tile_source_map);
  g_test_add_func ("/tile-source/prerender", test_tile_source_prerender);

  return g_test_run ();
}
