/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map as on screen, as an image: for the screenshot and "Copy Map Image".
 *
 * With the offline map, the image is drawn again from vectors by the same cairo code as the
 * tiles and the district layer (atlas_map_image_render), at twice the logical size: sharp at
 * any scale and identical to what is seen, without hover highlights. With the street map on,
 * the OpenStreetMap tiles only exist as the pixels on screen, so the map's widget is captured
 * instead (its licence labels included) and enlarged. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-window-export.h"

typedef struct {
  AtlasMapImageOptions options;
  AtlasDataset *dataset;       /* a reference: the options point into it */
  GdkTexture *texture;         /* captured from the widget, or NULL to draw */
  GFile *file;                 /* where to write a PNG, or NULL */
  GPtrArray *held;             /* the layers the options borrow */
} MapImageJob;

static void
map_image_job_free (MapImageJob *job)
{
  g_clear_object (&job->dataset);
  g_clear_object (&job->texture);
  g_clear_object (&job->file);
  g_clear_pointer (&job->held, g_ptr_array_unref);
  g_free (job);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                                         (gsize) stride * height);

  /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian machines. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* The widget's own rendering (the street map tiles are only there), enlarged by scale. */
static GdkTexture *
capture_widget (GtkWidget *widget,
                double     scale)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  GdkTexture *texture;

  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL || !gsk_renderer_realize (renderer, NULL, NULL))
    return NULL;
  /* A cairo renderer makes a memory texture, which a worker thread may encode. */
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, ceil (width * scale),
                                                              ceil (height * scale)));
  gsk_renderer_unrealize (renderer);
  return texture;
}

static void
make_map_image_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  MapImageJob *job = task_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (job->texture != NULL)
    texture = g_object_ref (job->texture);
  else
    {
      cairo_surface_t *surface = atlas_map_image_create_surface (&job->options);

      texture = texture_from_surface (surface);
      cairo_surface_destroy (surface);
    }

  if (job->file != NULL)
    {
      g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);

      if (!atlas_export_write_bytes (png, job->file, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&texture), g_object_unref);
}

AtlasTheme
_atlas_window_get_theme (AtlasWindow *self)
{
  return atlas_map_state_get_theme (self->state);
}

gboolean
_atlas_window_street_map_shown (AtlasWindow *self)
{
  return self->osm_layer != NULL;
}

gboolean
_atlas_window_get_view_bbox (AtlasWindow *self,
                             int         *width,
                             int         *height,
                             AtlasBBox   *bbox)
{
  AtlasView view;

  if (self->district_layer == NULL || !atlas_district_layer_get_view (self->district_layer, &view))
    return FALSE;
  if (width != NULL)
    *width = (int) view.width;
  if (height != NULL)
    *height = (int) view.height;
  if (bbox != NULL)
    atlas_view_get_bbox (&view, bbox);
  return TRUE;
}

gboolean
_atlas_window_get_map_image_options (AtlasWindow          *self,
                                     double                scale,
                                     AtlasMapImageOptions *options)
{
  AtlasView view;

  if (self->dataset == NULL || !atlas_district_layer_get_view (self->district_layer, &view))
    return FALSE;

  atlas_map_image_options_init (options, self->dataset, &view);
  options->scale = scale;
  /* What the map shows, from the same state the district layer draws: thematic layer,
   * selection, theme and symbols (but not the hover). */
  atlas_map_state_get_cartography (self->state, &options->carto);
  options->online_map = _atlas_window_street_map_shown (self);
  return TRUE;
}

void
_atlas_window_make_map_image_async (AtlasWindow         *self,
                                    double               scale,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  MapImageJob *job = g_new0 (MapImageJob, 1);

  g_task_set_source_tag (task, _atlas_window_make_map_image_async);
  g_task_set_task_data (task, job, (GDestroyNotify) map_image_job_free);
  job->file = file != NULL ? g_object_ref (file) : NULL;

  if (!_atlas_window_get_map_image_options (self, scale, &job->options))
    {
      g_task_return_new_error (task, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT,
                               _("There is no map to take a picture of yet"));
      return;
    }
  job->dataset = g_object_ref (self->dataset);
  job->held = atlas_cartography_options_hold (&job->options.carto);
  if (_atlas_window_street_map_shown (self))
    {
      job->texture = capture_widget (GTK_WIDGET (self->map_overlay), scale);
      if (job->texture == NULL)
        {
          g_task_return_new_error (task, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT,
                                   _("The map could not be captured"));
          return;
        }
    }
  g_task_run_in_thread (task, make_map_image_thread);
}

GdkTexture *
_atlas_window_make_map_image_finish (AtlasWindow   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
