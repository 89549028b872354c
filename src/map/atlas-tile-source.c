/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-tile-source.h"

#include <glib/gi18n.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#define TILE_SIZE 256
#define TILE_STRIDE (TILE_SIZE * 4)
#define PACKED_STRIDE (TILE_SIZE * 3)

struct _AtlasTileSource
{
  ShumateMapSource parent_instance;

  AtlasBasemapStyle style;
  /* Tiles drawn ahead of their request, by tile_key(): Prerendered. Main thread only. */
  GHashTable *prerendered;
  guint drop_id;
};

/* Tiles drawn ahead that nothing asked for by then (the view changed first) are dropped. */
#define PRERENDERED_KEEP_S 5

/* A tile drawn ahead: its pixels once drawn, and the requests that came while it was drawn. */
typedef struct {
  GBytes *bytes;
  GPtrArray *waiters;
} Prerendered;

enum {
  PROP_0,
  PROP_STYLE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (AtlasTileSource, atlas_tile_source, SHUMATE_TYPE_MAP_SOURCE)

static GParamSpec *properties[N_PROPS];

/* What the worker thread needs: plain values, nothing shared with the main thread. */
typedef struct {
  AtlasBasemapStyle style;
  int zoom;
  int x;
  int y;
} TileJob;

static const char *
style_suffix (AtlasBasemapStyle style)
{
  switch (style)
    {
    case ATLAS_BASEMAP_STYLE_DARK:
      return "dark";
    case ATLAS_BASEMAP_STYLE_HIGH_CONTRAST:
      return "high-contrast";
    case ATLAS_BASEMAP_STYLE_LIGHT:
    default:
      return "light";
    }
}

/* Tiles are opaque (the sea is painted first), so the alpha byte can go. That matters for
 * speed, not just size: GTK 4.8's cairo renderer converts a memory texture to cairo's format
 * each time it draws it, and for premultiplied BGRA (cairo's own format) that goes through
 * floats, about 1.4 ms a tile, while packed 8-bit RGB takes a direct path, about 0.1 ms. The GL
 * renderer uploads either once. */
#ifdef G_OS_UNIX
static void
unmap_tile (gpointer data)
{
  munmap (data, PACKED_STRIDE * TILE_SIZE);
}
#endif

/* The ARGB32 drawing of a tile, for the time it takes to pack it: mapped for the same reason
 * as the tiles below. */
static guint8 *
new_scratch (void)
{
#ifdef G_OS_UNIX
  void *mapped = mmap (NULL, TILE_STRIDE * TILE_SIZE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

  if (mapped != MAP_FAILED)
    return mapped;
#endif
  return NULL;
}

static void
free_scratch (guint8 *scratch,
              gboolean mapped)
{
#ifdef G_OS_UNIX
  if (mapped)
    {
      munmap (scratch, TILE_STRIDE * TILE_SIZE);
      return;
    }
#endif
  g_free (scratch);
}

/* libshumate keeps up to a hundred tiles in memory. Made in worker threads and dropped in the
 * main one, from malloc they would scatter over the workers' arenas and keep the peak memory
 * use up for good; mapped straight from the system (exactly 48 pages a tile), they go back
 * when dropped. */
static GBytes *
new_tile_bytes (guint8 **data)
{
#ifdef G_OS_UNIX
  void *mapped = mmap (NULL, PACKED_STRIDE * TILE_SIZE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

  if (mapped != MAP_FAILED)
    {
      *data = mapped;
      return g_bytes_new_with_free_func (mapped, PACKED_STRIDE * TILE_SIZE, unmap_tile, mapped);
    }
#endif
  *data = g_malloc (PACKED_STRIDE * TILE_SIZE);
  return g_bytes_new_take (*data, PACKED_STRIDE * TILE_SIZE);
}

static GBytes *
pack_opaque_pixels (const guint8 *argb)
{
  guint8 *rgb;
  GBytes *bytes = new_tile_bytes (&rgb);

  for (int y = 0; y < TILE_SIZE; y++)
    {
      const guint32 *src = (const guint32 *) (argb + y * TILE_STRIDE);
      guint8 *dest = rgb + y * PACKED_STRIDE;

      for (int x = 0; x < TILE_SIZE; x++)
        {
          dest[3 * x] = (src[x] >> 16) & 0xff;
          dest[3 * x + 1] = (src[x] >> 8) & 0xff;
          dest[3 * x + 2] = src[x] & 0xff;
        }
    }
  return bytes;
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TileJob *job = task_data;
  AtlasBasemap *basemap;
  GBytes *packed;
  guint8 *pixels;
  gboolean mapped;

  if (g_task_return_error_if_cancelled (task))
    return;
  basemap = atlas_basemap_get_default ();
  if (basemap == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "The bundled base map could not be loaded");
      return;
    }

  pixels = new_scratch ();
  mapped = pixels != NULL;
  if (!mapped)
    pixels = g_malloc (TILE_STRIDE * TILE_SIZE);
  atlas_basemap_render_tile (basemap, job->style, job->zoom, job->x, job->y, pixels, TILE_STRIDE);
  packed = pack_opaque_pixels (pixels);
  free_scratch (pixels, mapped);
  g_task_return_pointer (task, packed, (GDestroyNotify) g_bytes_unref);
}

static void
prerendered_free (gpointer data)
{
  Prerendered *entry = data;

  g_clear_pointer (&entry->bytes, g_bytes_unref);
  g_ptr_array_unref (entry->waiters);
  g_free (entry);
}

static gpointer
tile_key (int zoom,
          int x,
          int y)
{
  /* Zooms up to 15: x and y fit in 16 bits each. */
  return GUINT_TO_POINTER (((guint) zoom << 28) ^ ((guint) x << 14) ^ (guint) y);
}

/* Hands the pixels to GDK and finishes the tile's request. */
static void
finish_tile (GTask  *outer,
             GBytes *bytes)
{
  ShumateTile *tile = g_task_get_task_data (outer);
  g_autoptr(GdkTexture) texture = NULL;

  texture = gdk_memory_texture_new (TILE_SIZE, TILE_SIZE, GDK_MEMORY_R8G8B8, bytes, PACKED_STRIDE);
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (outer, TRUE);
}

/* Back on the main thread: finish the tile. */
static void
tile_rendered_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  finish_tile (outer, bytes);
}

/* A tile drawn ahead is done: finish the requests that waited for it, or keep it for one. */
static void
prerendered_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (source_object);
  gpointer key = user_data;
  Prerendered *entry = g_hash_table_lookup (self->prerendered, key);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (entry == NULL)
    return;
  if (bytes == NULL || entry->waiters->len > 0)
    {
      g_autoptr(GPtrArray) waiters = g_ptr_array_ref (entry->waiters);

      g_hash_table_remove (self->prerendered, key);
      for (guint i = 0; i < waiters->len; i++)
        {
          GTask *outer = g_ptr_array_index (waiters, i);

          if (g_task_return_error_if_cancelled (outer))
            continue;
          if (bytes != NULL)
            finish_tile (outer, bytes);
          else
            g_task_return_error (outer, g_error_copy (error));
        }
      return;
    }
  entry->bytes = g_steal_pointer (&bytes);
}

static void
atlas_tile_source_fill_tile_async (ShumateMapSource    *source,
                                   ShumateTile         *tile,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (source);
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  TileJob *job;

  Prerendered *entry;
  gpointer key;

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, atlas_tile_source_fill_tile_async);
  g_task_set_task_data (outer, g_object_ref (tile), g_object_unref);

  key = tile_key ((int) shumate_tile_get_zoom_level (tile), (int) shumate_tile_get_x (tile),
                  (int) shumate_tile_get_y (tile));
  entry = g_hash_table_lookup (self->prerendered, key);
  if (entry != NULL)
    {
      shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);
      if (entry->bytes == NULL)
        {
          g_ptr_array_add (entry->waiters, g_steal_pointer (&outer));
          return;
        }
      finish_tile (outer, entry->bytes);
      g_hash_table_remove (self->prerendered, key);
      return;
    }

  job = g_new0 (TileJob, 1);
  job->style = self->style;
  job->zoom = (int) shumate_tile_get_zoom_level (tile);
  job->x = (int) shumate_tile_get_x (tile);
  job->y = (int) shumate_tile_get_y (tile);
  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);

  inner = g_task_new (self, cancellable, tile_rendered_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, atlas_tile_source_fill_tile_async);
  g_task_set_task_data (inner, job, g_free);
  g_task_run_in_thread (inner, render_in_thread);
}

static gboolean
atlas_tile_source_fill_tile_finish (ShumateMapSource  *source,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
atlas_tile_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      g_value_set_int (value, self->style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tile_source_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      self->style = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tile_source_constructed (GObject *object)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (object);
  g_autofree char *id = g_strdup_printf ("ics-atlas-offline-%s", style_suffix (self->style));

  G_OBJECT_CLASS (atlas_tile_source_parent_class)->constructed (object);

  shumate_map_source_set_id (source, id);
  shumate_map_source_set_name (source, _("Offline base map"));
  /* The map's licence line must stay short: it sets the map's minimum width. The full
   * attribution (atlas_basemap_get_attribution) goes in the About window and on exports. */
  shumate_map_source_set_license (source, "Contains OS and ONS data © Crown copyright and database right, OGL v3.0");
  shumate_map_source_set_license_uri (source,
                                      "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
  shumate_map_source_set_min_zoom_level (source, 6);
  shumate_map_source_set_max_zoom_level (source, 15);
  shumate_map_source_set_tile_size (source, TILE_SIZE);
  shumate_map_source_set_projection (source, SHUMATE_MAP_PROJECTION_MERCATOR);
}

static void
atlas_tile_source_finalize (GObject *object)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  g_clear_pointer (&self->prerendered, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_tile_source_parent_class)->finalize (object);
}

static void
atlas_tile_source_class_init (AtlasTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->constructed = atlas_tile_source_constructed;
  object_class->finalize = atlas_tile_source_finalize;
  object_class->get_property = atlas_tile_source_get_property;
  object_class->set_property = atlas_tile_source_set_property;

  source_class->fill_tile_async = atlas_tile_source_fill_tile_async;
  source_class->fill_tile_finish = atlas_tile_source_fill_tile_finish;

  /* An AtlasBasemapStyle; a plain int because the core has no GType for it (no GObject there). */
  properties[PROP_STYLE] =
    g_param_spec_int ("style", NULL, NULL,
                      ATLAS_BASEMAP_STYLE_LIGHT, ATLAS_BASEMAP_STYLE_HIGH_CONTRAST,
                      ATLAS_BASEMAP_STYLE_LIGHT,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_tile_source_init (AtlasTileSource *self)
{
  self->prerendered = g_hash_table_new_full (NULL, NULL, NULL, prerendered_free);
}

AtlasTileSource *
atlas_tile_source_new (AtlasBasemapStyle style)
{
  return g_object_new (ATLAS_TYPE_TILE_SOURCE, "style", (int) style, NULL);
}

AtlasBasemapStyle
atlas_tile_source_get_style (AtlasTileSource *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_SOURCE (self), ATLAS_BASEMAP_STYLE_LIGHT);

  return self->style;
}

static gboolean
drop_unclaimed (gpointer user_data)
{
  AtlasTileSource *self = user_data;
  GHashTableIter iter;
  Prerendered *entry;

  g_hash_table_iter_init (&iter, self->prerendered);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->bytes != NULL)
      g_hash_table_iter_remove (&iter);
  self->drop_id = 0;
  return G_SOURCE_REMOVE;
}

void
atlas_tile_source_prerender (AtlasTileSource *self,
                             int              zoom,
                             int              x,
                             int              y)
{
  g_autoptr(GTask) task = NULL;
  gpointer key = tile_key (zoom, x, y);
  Prerendered *entry;
  TileJob *job;

  g_return_if_fail (ATLAS_IS_TILE_SOURCE (self));

  if (zoom < 0 || x < 0 || y < 0 || x >= (1 << zoom) || y >= (1 << zoom)
      || g_hash_table_contains (self->prerendered, key))
    return;

  entry = g_new0 (Prerendered, 1);
  entry->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_insert (self->prerendered, key, entry);
  if (self->drop_id == 0)
    self->drop_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, PRERENDERED_KEEP_S, drop_unclaimed,
                                                g_object_ref (self), g_object_unref);

  job = g_new0 (TileJob, 1);
  job->style = self->style;
  job->zoom = zoom;
  job->x = x;
  job->y = y;
  /* The task holds the source: a source dropped meanwhile just loses the tile. */
  task = g_task_new (self, NULL, prerendered_cb, key);
  g_task_set_source_tag (task, atlas_tile_source_prerender);
  g_task_set_task_data (task, job, g_free);
  g_task_run_in_thread (task, render_in_thread);
}

AtlasPrerenderState
atlas_tile_source_get_prerender_state (AtlasTileSource *self,
                                       int              zoom,
                                       int              x,
                                       int              y)
{
  Prerendered *entry;

  g_return_val_if_fail (ATLAS_IS_TILE_SOURCE (self), ATLAS_PRERENDER_NONE);

  entry = g_hash_table_lookup (self->prerendered, tile_key (zoom, x, y));
  if (entry == NULL)
    return ATLAS_PRERENDER_NONE;
  return entry->bytes != NULL ? ATLAS_PRERENDER_READY : ATLAS_PRERENDER_DRAWING;
}
