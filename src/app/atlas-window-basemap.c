/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's base maps: the offline map drawn from bundled data, restyled with the theme's
 * light, dark or high-contrast appearance (atlas-window-overlays.c decides which), and the optional OpenStreetMap street map above it, with a fall
 * back to the offline map when street map tiles cannot be fetched. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-basemap.h"
#include "atlas-tile-source.h"
#include "atlas-window-private.h"

#define OSM_LICENCE N_("© OpenStreetMap contributors")
#define OSM_LICENCE_URI "https://www.openstreetmap.org/copyright"
/* Overrides the street map's tile address, e.g. http://127.0.0.1:9/#Z#/#X#/#Y#.png in tests. */
#define OSM_URL_ENV "ICS_ATLAS_OSM_URL"
/* How faint the districts are over a street map, so that streets show through. */
#define DISTRICT_OPACITY_OVER_STREETS 0.55

static const char *
get_style_class (AtlasBasemapStyle style)
{
  switch (style)
    {
    case ATLAS_BASEMAP_STYLE_DARK:
      return "atlas-basemap-dark";
    case ATLAS_BASEMAP_STYLE_HIGH_CONTRAST:
      return "atlas-basemap-high-contrast";
    case ATLAS_BASEMAP_STYLE_LIGHT:
    default:
      return "atlas-basemap-light";
    }
}

/* The renderer leaves tile edges at fractional zooms partly see-through: painting the map's
 * own background in the base map's land colour hides the seams (and fills the view while the
 * first tiles are drawn). The colours come from the base map, so the CSS is built here. */
static void
ensure_background_css (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GString) css = NULL;

  if (done)
    return;
  done = TRUE;
  css = g_string_new (NULL);
  for (AtlasBasemapStyle style = ATLAS_BASEMAP_STYLE_LIGHT;
       style <= ATLAS_BASEMAP_STYLE_HIGH_CONTRAST; style++)
    g_string_append_printf (css, ".%s { background-color: #%06x; }\n",
                            get_style_class (style), atlas_basemap_style_land_colour (style));
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
set_background (AtlasWindow       *self,
                AtlasBasemapStyle  style)
{
  GtkWidget *map = _atlas_window_get_map_widget (self);

  ensure_background_css ();
  for (AtlasBasemapStyle s = ATLAS_BASEMAP_STYLE_LIGHT; s <= ATLAS_BASEMAP_STYLE_HIGH_CONTRAST;
       s++)
    gtk_widget_remove_css_class (map, get_style_class (s));
  gtk_widget_add_css_class (map, get_style_class (style));
}

static void
offline_tile_done_cb (AtlasWindow *self)
{
  /* Readiness is decided after the next frame, once the finished tile is on screen. */
  gtk_widget_queue_draw (GTK_WIDGET (self->simple_map));
}

static void
set_offline_source (AtlasWindow *self)
{
  g_autoptr(ShumateMapSource) inner = NULL;
  AtlasBasemapStyle style = _atlas_window_get_basemap_style (self);

  /* Tiles cannot be invalidated in libshumate 1.0: a new style needs a new source object. */
  inner = SHUMATE_MAP_SOURCE (atlas_tile_source_new (style));
  set_background (self, style);
  g_clear_object (&self->offline_source);
  self->offline_source = atlas_watched_source_new (inner);
  g_signal_connect_object (self->offline_source, "tile-done", G_CALLBACK (offline_tile_done_cb),
                           self, G_CONNECT_SWAPPED);
  shumate_simple_map_set_map_source (self->simple_map,
                                     SHUMATE_MAP_SOURCE (self->offline_source));
  /* The licence label under the map already names the boundary data (the dataset's and the
   * base map's are the same Crown copyright and OGL notice): say it once. */
  shumate_license_remove_map_source (shumate_simple_map_get_license (self->simple_map),
                                     SHUMATE_MAP_SOURCE (self->offline_source));
}

void
_atlas_window_basemap_restyle (AtlasWindow *self)
{
  set_offline_source (self);
  atlas_map_state_set_theme (self->state, _atlas_window_get_carto_theme (self));
}

static ShumateMapSource *
create_osm_source (AtlasWindow *self)
{
  const char *url = g_getenv (OSM_URL_ENV);
  ShumateMapSource *source;

  if (url != NULL && *url != '\0')
    return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
             "atlas-osm-custom", "OpenStreetMap", _(OSM_LICENCE), OSM_LICENCE_URI, 0, 19, 256,
             SHUMATE_MAP_PROJECTION_MERCATOR, url));

  /* Creating the registry writes a tile cache database: only do it once streets are asked for. */
  if (self->registry == NULL)
    self->registry = shumate_map_source_registry_new_with_defaults ();
  source = shumate_map_source_registry_get_by_id (self->registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  return source != NULL ? g_object_ref (source) : NULL;
}

static void
remove_osm_layer (AtlasWindow *self)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);

  if (self->osm_layer != NULL)
    {
      shumate_map_remove_layer (map, SHUMATE_LAYER (self->osm_layer));
      self->osm_layer = NULL;
    }
  if (self->osm_source != NULL)
    {
      shumate_license_remove_map_source (shumate_simple_map_get_license (self->simple_map),
                                         SHUMATE_MAP_SOURCE (self->osm_source));
      g_signal_handlers_disconnect_by_data (self->osm_source, self);
      g_clear_object (&self->osm_source);
    }
  gtk_widget_set_opacity (GTK_WIDGET (self->district_layer), 1.0);
}

static void
fall_back_to_offline (AtlasWindow *self)
{
  const GError *error = atlas_watched_source_get_error (self->osm_source);

  g_message ("Street map tiles failed (%s); showing the offline map",
             error != NULL ? error->message : "unknown error");
  remove_osm_layer (self);
  g_free (self->basemap);
  self->basemap = g_strdup ("offline");
  g_object_notify (G_OBJECT (self), "basemap");
  _atlas_window_update_licence (self);
  _atlas_window_show_banner (self,
                             _("Street map tiles could not be loaded; showing the offline map"));
}

static void
osm_tile_done_cb (AtlasWindow *self,
                  gboolean     ok)
{
  guint filled = atlas_watched_source_get_filled (self->osm_source);
  guint failed = atlas_watched_source_get_failed (self->osm_source);

  if (ok)
    return;

  /* Nothing has come through, or failures clearly outweigh successes: the server is out of
   * reach (offline, blocked, down) rather than missing one tile. */
  if (failed > 0 && (filled == 0 || (failed >= 4 && failed > filled)))
    fall_back_to_offline (self);
}

static gboolean
add_osm_layer (AtlasWindow *self)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  g_autoptr(ShumateMapSource) inner = create_osm_source (self);

  if (inner == NULL)
    return FALSE;

  self->osm_source = atlas_watched_source_new (inner);
  /* The licence shown on the map is the short form OpenStreetMap asks for. */
  shumate_map_source_set_license (SHUMATE_MAP_SOURCE (self->osm_source), _(OSM_LICENCE));
  shumate_map_source_set_license_uri (SHUMATE_MAP_SOURCE (self->osm_source), OSM_LICENCE_URI);
  g_signal_connect_object (self->osm_source, "tile-done", G_CALLBACK (osm_tile_done_cb), self,
                           G_CONNECT_SWAPPED);

  self->osm_layer = shumate_map_layer_new (SHUMATE_MAP_SOURCE (self->osm_source), viewport);
  shumate_map_insert_layer_behind (map, SHUMATE_LAYER (self->osm_layer),
                                   SHUMATE_LAYER (self->district_layer));
  shumate_license_append_map_source (shumate_simple_map_get_license (self->simple_map),
                                     SHUMATE_MAP_SOURCE (self->osm_source));
  gtk_widget_set_opacity (GTK_WIDGET (self->district_layer), DISTRICT_OPACITY_OVER_STREETS);
  return TRUE;
}

gboolean
_atlas_window_basemap_apply (AtlasWindow *self,
                             const char  *basemap)
{
  gboolean want_osm;

  if (g_strcmp0 (basemap, "offline") != 0 && g_strcmp0 (basemap, "osm") != 0)
    return FALSE;
  if (g_strcmp0 (self->basemap, basemap) == 0)
    return TRUE;

  want_osm = g_str_equal (basemap, "osm");
  remove_osm_layer (self);
  if (want_osm && !add_osm_layer (self))
    return FALSE;

  g_free (self->basemap);
  self->basemap = g_strdup (basemap);
  atlas_map_state_set_basemap (self->state, basemap);
  _atlas_window_update_licence (self);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "base-map", basemap);
  g_object_notify (G_OBJECT (self), "basemap");
  return TRUE;
}

void
_atlas_window_basemap_init (AtlasWindow *self)
{
  atlas_map_state_set_theme (self->state, _atlas_window_get_carto_theme (self));
  set_offline_source (self);
}

void
_atlas_window_basemap_restore (AtlasWindow *self)
{
  g_autofree char *saved = NULL;

  if (self->settings != NULL)
    saved = g_settings_get_string (self->settings, "base-map");
  if (g_strcmp0 (saved, "osm") == 0)
    _atlas_window_basemap_apply (self, "osm");
}

void
_atlas_window_basemap_dispose (AtlasWindow *self)
{
  if (self->osm_source != NULL)
    g_signal_handlers_disconnect_by_data (self->osm_source, self);
  if (self->offline_source != NULL)
    g_signal_handlers_disconnect_by_data (self->offline_source, self);
  self->osm_layer = NULL;
  g_clear_object (&self->osm_source);
  g_clear_object (&self->offline_source);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->basemap, g_free);
}

void
_atlas_window_prerender_view (AtlasWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  GtkWidget *map = _atlas_window_get_map_widget (self);
  ShumateMapSource *source;
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  double half_width, half_height, cx, cy, tile_size;
  int tile_zoom, x0, y0, columns, rows;

  if (self->offline_source == NULL
      || !ATLAS_IS_TILE_SOURCE (source = atlas_watched_source_get_inner (self->offline_source)))
    return;

  /* As libshumate's map layer: tiles of the whole zoom below, scaled up by the fraction. */
  tile_zoom = (int) zoom;
  tile_size = shumate_map_source_get_tile_size (source);
  half_width = gtk_widget_get_width (map) / 2.0 / exp2 (zoom - tile_zoom);
  half_height = gtk_widget_get_height (map) / 2.0 / exp2 (zoom - tile_zoom);
  cx = shumate_map_source_get_x (source, tile_zoom, lon);
  cy = shumate_map_source_get_y (source, tile_zoom, lat);
  /* And as its layer: from a tile before the view, as many tiles as the widget's unscaled
   * size takes, and two more. */
  x0 = (int) floor ((cx - half_width) / tile_size) - 1;
  y0 = (int) floor ((cy - half_height) / tile_size) - 1;
  columns = (int) ceil (gtk_widget_get_width (map) / tile_size) + 2;
  rows = (int) ceil (gtk_widget_get_height (map) / tile_size) + 2;
  for (int y = y0; y < y0 + rows; y++)
    for (int x = x0; x < x0 + columns; x++)
      atlas_tile_source_prerender (ATLAS_TILE_SOURCE (source), tile_zoom, x, y);
}
