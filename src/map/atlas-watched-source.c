/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-watched-source.h"

#include "atlas-startup-trace.h"

struct _AtlasWatchedSource
{
  ShumateMapSource parent_instance;

  ShumateMapSource *inner;
  guint pending;
  guint filled;
  guint failed;
  GError *error;
};

enum {
  TILE_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasWatchedSource, atlas_watched_source, SHUMATE_TYPE_MAP_SOURCE)

static void
copy_source_settings (AtlasWatchedSource *self)
{
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (self);
  ShumateMapSource *inner = self->inner;

  /* The id is what libshumate's memory cache is keyed on: keep the inner one so that a source
   * seen again reuses its tiles. */
  shumate_map_source_set_id (source, shumate_map_source_get_id (inner));
  shumate_map_source_set_name (source, shumate_map_source_get_name (inner));
  shumate_map_source_set_license (source, shumate_map_source_get_license (inner));
  shumate_map_source_set_license_uri (source, shumate_map_source_get_license_uri (inner));
  shumate_map_source_set_min_zoom_level (source, shumate_map_source_get_min_zoom_level (inner));
  shumate_map_source_set_max_zoom_level (source, shumate_map_source_get_max_zoom_level (inner));
  shumate_map_source_set_tile_size (source, shumate_map_source_get_tile_size (inner));
  shumate_map_source_set_projection (source, shumate_map_source_get_projection (inner));
}

static void
inner_tile_filled_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AtlasWatchedSource *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &error);

  g_assert (self->pending > 0);
  self->pending--;

  if (ok)
    self->filled++;
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->failed++;
      if (self->error == NULL)
        self->error = g_error_copy (error);
    }

  if (self->pending == 0)
    atlas_trace_startup ("tiles-done");
  g_signal_emit (self, signals[TILE_DONE], 0, ok);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
atlas_watched_source_fill_tile_async (ShumateMapSource    *source,
                                      ShumateTile         *tile,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AtlasWatchedSource *self = ATLAS_WATCHED_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, atlas_watched_source_fill_tile_async);
  if (self->pending++ == 0)
    atlas_trace_startup ("tiles-requested");
  shumate_map_source_fill_tile_async (self->inner, tile, cancellable,
                                      inner_tile_filled_cb, task);
}

static gboolean
atlas_watched_source_fill_tile_finish (ShumateMapSource  *source,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
atlas_watched_source_finalize (GObject *object)
{
  AtlasWatchedSource *self = ATLAS_WATCHED_SOURCE (object);

  g_clear_object (&self->inner);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (atlas_watched_source_parent_class)->finalize (object);
}

static void
atlas_watched_source_class_init (AtlasWatchedSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = atlas_watched_source_finalize;
  source_class->fill_tile_async = atlas_watched_source_fill_tile_async;
  source_class->fill_tile_finish = atlas_watched_source_fill_tile_finish;

  /* Emitted on the main thread when a tile request ends; the argument says whether it worked. */
  signals[TILE_DONE] = g_signal_new ("tile-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
atlas_watched_source_init (AtlasWatchedSource *self)
{
}

AtlasWatchedSource *
atlas_watched_source_new (ShumateMapSource *inner)
{
  AtlasWatchedSource *self;

  g_return_val_if_fail (SHUMATE_IS_MAP_SOURCE (inner), NULL);

  self = g_object_new (ATLAS_TYPE_WATCHED_SOURCE, NULL);
  self->inner = g_object_ref (inner);
  copy_source_settings (self);
  return self;
}

ShumateMapSource *
atlas_watched_source_get_inner (AtlasWatchedSource *self)
{
  g_return_val_if_fail (ATLAS_IS_WATCHED_SOURCE (self), NULL);
  return self->inner;
}

guint
atlas_watched_source_get_pending (AtlasWatchedSource *self)
{
  g_return_val_if_fail (ATLAS_IS_WATCHED_SOURCE (self), 0);
  return self->pending;
}

guint
atlas_watched_source_get_filled (AtlasWatchedSource *self)
{
  g_return_val_if_fail (ATLAS_IS_WATCHED_SOURCE (self), 0);
  return self->filled;
}

guint
atlas_watched_source_get_failed (AtlasWatchedSource *self)
{
  g_return_val_if_fail (ATLAS_IS_WATCHED_SOURCE (self), 0);
  return self->failed;
}

const GError *
atlas_watched_source_get_error (AtlasWatchedSource *self)
{
  g_return_val_if_fail (ATLAS_IS_WATCHED_SOURCE (self), NULL);
  return self->error;
}
