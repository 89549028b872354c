/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-basemap-source.h"

#define TILE_SIZE 256
#define TILE_STRIDE (TILE_SIZE * 4)

struct _AtlasBasemapSource
{
  ShumateMapSource parent_instance;

  AtlasBasemapStyle style;
};

G_DEFINE_FINAL_TYPE (AtlasBasemapSource, atlas_basemap_source, SHUMATE_TYPE_MAP_SOURCE)

typedef struct {
  ShumateTile *tile;
  AtlasBasemapStyle style;
  int zoom;
  int x;
  int y;
  GBytes *pixels;
} TileJob;

static void
tile_job_free (TileJob *job)
{
  g_clear_object (&job->tile);
  g_clear_pointer (&job->pixels, g_bytes_unref);
  g_free (job);
}

static void
render_tile_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TileJob *job = task_data;
  guint8 *pixels = g_malloc0 (TILE_STRIDE * TILE_SIZE);

  atlas_basemap_render_tile (atlas_basemap_get_default (), job->style, job->zoom, job->x, job->y,
                             pixels, TILE_STRIDE);
  job->pixels = g_bytes_new_take (pixels, TILE_STRIDE * TILE_SIZE);
  g_task_return_boolean (task, TRUE);
}

static void
tile_rendered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian machines. */
  texture = gdk_memory_texture_new (TILE_SIZE, TILE_SIZE,
                                    G_BYTE_ORDER == G_LITTLE_ENDIAN
                                      ? GDK_MEMORY_B8G8R8A8_PREMULTIPLIED
                                      : GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
                                    job->pixels, TILE_STRIDE);
  shumate_tile_set_paintable (job->tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (job->tile, FALSE);
  shumate_tile_set_state (job->tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (task, TRUE);
}

static void
atlas_basemap_source_fill_tile_async (ShumateMapSource    *source,
                                      ShumateTile         *tile,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AtlasBasemapSource *self = ATLAS_BASEMAP_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) render = g_task_new (self, cancellable, tile_rendered_cb, task);
  TileJob *job = g_new0 (TileJob, 1);

  g_task_set_source_tag (task, atlas_basemap_source_fill_tile_async);
  job->tile = g_object_ref (tile);
  job->style = self->style;
  job->zoom = shumate_tile_get_zoom_level (tile);
  job->x = shumate_tile_get_x (tile);
  job->y = shumate_tile_get_y (tile);
  g_task_set_task_data (render, job, (GDestroyNotify) tile_job_free);
  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);
  g_task_run_in_thread (render, render_tile_thread);
}

static gboolean
atlas_basemap_source_fill_tile_finish (ShumateMapSource  *source,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
atlas_basemap_source_class_init (AtlasBasemapSourceClass *klass)
{
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  source_class->fill_tile_async = atlas_basemap_source_fill_tile_async;
  source_class->fill_tile_finish = atlas_basemap_source_fill_tile_finish;
}

static void
atlas_basemap_source_init (AtlasBasemapSource *self)
{
}

AtlasBasemapSource *
atlas_basemap_source_new (AtlasBasemapStyle style)
{
  static const char *ids[] = { "atlas-offline-light", "atlas-offline-dark",
                               "atlas-offline-high-contrast" };
  AtlasBasemapSource *self = g_object_new (ATLAS_TYPE_BASEMAP_SOURCE, NULL);
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (self);

  g_return_val_if_fail (style <= ATLAS_BASEMAP_STYLE_HIGH_CONTRAST, NULL);

  self->style = style;
  shumate_map_source_set_id (source, ids[style]);
  shumate_map_source_set_name (source, _("Offline map"));
  shumate_map_source_set_tile_size (source, TILE_SIZE);
  shumate_map_source_set_min_zoom_level (source, 5);
  shumate_map_source_set_max_zoom_level (source, 15);
  shumate_map_source_set_projection (source, SHUMATE_MAP_PROJECTION_MERCATOR);
  return self;
}
