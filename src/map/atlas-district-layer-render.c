/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-district-layer-private.h"

#include "atlas-annotation-layout.h"

/* Half the side of the box that names keep clear of around a site symbol, in pixels. */
#define SITE_CLEARANCE 11.0

/* What a drawing needs, copied so that it can be made in a worker thread. */
typedef struct {
  AtlasDataset *dataset;
  AtlasCartographyOptions options;
  AtlasView view;
  AtlasView margin_view;
  int scale_factor;
  guint generation;
  GPtrArray *held;               /* what the options borrow besides the dataset */
} RenderJob;

/* The site symbols are drawn over the districts: keep the names off them. */
static GArray *
get_site_boxes (AtlasDataset    *dataset,
                const AtlasView *view)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (double));
  const AtlasSite *sites;
  guint n_sites = 0;

  sites = atlas_dataset_get_sites (dataset, &n_sites);
  for (guint i = 0; i < n_sites; i++)
    {
      double wx, wy, x, y;

      atlas_project (sites[i].lon, sites[i].lat, &wx, &wy);
      atlas_view_world_to_surface (view, wx, wy, &x, &y);
      g_array_append_vals (boxes, (double[]) { x - SITE_CLEARANCE, y - SITE_CLEARANCE,
                                               x + SITE_CLEARANCE, y + SITE_CLEARANCE }, 4);
    }
  return boxes;
}

/* Draws the districts of margin_view into a new image. Runs in any thread. */
static cairo_t *
draw_districts (RenderJob *job)
{
  cairo_t *cr = atlas_layer_cache_create_context (&job->view, &job->margin_view,
                                                  job->scale_factor);

  cairo_save (cr);
  cairo_translate (cr, (job->margin_view.origin_x - job->view.origin_x) * job->view.scale,
                   (job->margin_view.origin_y - job->view.origin_y) * job->view.scale);
  atlas_cartography_draw_districts (cr, &job->margin_view, job->dataset, &job->options);
  atlas_cartography_draw_sites (cr, &job->margin_view, job->dataset, &job->options);
  atlas_cartography_draw_points (cr, &job->margin_view, job->dataset, &job->options);
  cairo_restore (cr);
  return cr;
}

/* The names placed for the image's view itself, so that a still map looks the same as without
 * the cache. Main thread only: Pango's cairo font map is per thread, and a worker's own copy
 * of the fonts and their caches costs megabytes for a few names. */
static void
draw_labels (RenderJob *job,
             cairo_t   *cr)
{
  g_autoptr(GArray) site_boxes = get_site_boxes (job->dataset, &job->view);
  /* The annotations are drawn by a layer of their own, above: names keep clear of them. */
  g_autoptr(AtlasAnnotationLayout) annotations = atlas_annotation_layout_new (cr, &job->view,
                                                                              job->dataset,
                                                                              &job->options);

  atlas_cartography_draw_labels_around (cr, &job->view, job->dataset, &job->options,
                                        annotations, (const double *) site_boxes->data,
                                        site_boxes->len / 4);
}

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->dataset);
  g_clear_pointer (&job->held, g_ptr_array_unref);
  g_free (job);
}

static RenderJob *
render_job_new (AtlasDistrictLayer *self,
                AtlasDataset       *dataset,
                const AtlasView    *view,
                gboolean            with_margin)
{
  RenderJob *job = g_new0 (RenderJob, 1);

  job->dataset = g_object_ref (dataset);
  job->view = *view;
  job->scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  job->generation = self->generation;
  _atlas_district_layer_fill_options (self, &job->options);
  job->held = atlas_cartography_options_hold (&job->options);
  atlas_layer_cache_plan (view, with_margin, &job->margin_view);
  return job;
}

static void
keep_image (AtlasDistrictLayer *self,
            RenderJob          *job,
            cairo_t            *cr)
{
  atlas_layer_cache_set_image (self->cache, cr, &job->view, &job->margin_view, job->scale_factor);
}

/* A first drawing, or one after a change of what is shown, covers just the view; one made
 * because the map moved has a margin for the next moves. */
void
_atlas_district_layer_render_now (AtlasDistrictLayer *self,
                                  AtlasDataset       *dataset,
                                  const AtlasView    *view)
{
  RenderJob *job = render_job_new (self, dataset, view,
                                   atlas_layer_cache_has_image (self->cache));
  cairo_t *cr;

  /* The old image is of no more use: let it go before the new one takes its room. */
  atlas_layer_cache_invalidate (self->cache);
  cr = draw_districts (job);
  draw_labels (job, cr);
  keep_image (self, job, cr);
  cairo_destroy (cr);
  render_job_free (job);
  /* A drawing still under way in the background is for an older view. */
  self->generation++;
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_task_return_pointer (task, draw_districts (task_data), (GDestroyNotify) cairo_destroy);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AtlasDistrictLayer *self = ATLAS_DISTRICT_LAYER (object);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  cairo_t *cr = g_task_propagate_pointer (G_TASK (result), NULL);

  self->rendering = FALSE;
  if (cr != NULL && job->generation == self->generation)
    {
      draw_labels (job, cr);
      keep_image (self, job, cr);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_clear_pointer (&cr, cairo_destroy);
}

/* While the map moves, the next image is drawn in a worker thread, ahead of need. */
void
_atlas_district_layer_render_in_background (AtlasDistrictLayer *self,
                                            AtlasDataset       *dataset,
                                            const AtlasView    *view)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, rendered_cb, NULL);

  self->rendering = TRUE;
  g_task_set_source_tag (task, _atlas_district_layer_render_in_background);
  g_task_set_task_data (task, render_job_new (self, dataset, view, TRUE),
                        (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_in_thread);
}
