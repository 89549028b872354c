/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-district-layer-private.h"

#include "atlas-annotation-layout.h"

#include <math.h>

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
  AtlasLabelBox covers[ATLAS_FRAMING_MAX_COVERS];  /* what lies over the map */
  guint n_covers;
} RenderJob;

/* The site symbols are drawn over the districts, and the covers lie over the map: keep the
 * names off both. */
static GArray *
get_obstacles (AtlasDataset        *dataset,
               const AtlasView     *view,
               const AtlasLabelBox *covers,
               guint                n_covers)
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
  for (guint i = 0; i < n_covers; i++)
    g_array_append_vals (boxes, (double[]) { covers[i].x, covers[i].y,
                                             covers[i].x + covers[i].width,
                                             covers[i].y + covers[i].height }, 4);
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
draw_labels (AtlasDistrictLayer *self,
             RenderJob          *job,
             cairo_t            *cr)
{
  g_autoptr(GArray) obstacles = get_obstacles (job->dataset, &job->view, job->covers,
                                               job->n_covers);
  /* The annotations are drawn by a layer of their own, above: names keep clear of them. */
  g_autoptr(AtlasAnnotationLayout) annotations = atlas_annotation_layout_new (cr, &job->view,
                                                                              job->dataset,
                                                                              &job->options);
  g_autoptr(GArray) annotation_boxes = atlas_annotation_layout_get_boxes (annotations);
  g_autofree AtlasLabelBox *boxes = NULL;
  guint n;

  g_array_append_vals (obstacles, annotation_boxes->data, annotation_boxes->len);
  n = obstacles->len / 4;
  boxes = g_new (AtlasLabelBox, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const double *b = &g_array_index (obstacles, double, 4 * i);

      boxes[i] = (AtlasLabelBox) { MIN (b[0], b[2]), MIN (b[1], b[3]), fabs (b[2] - b[0]),
                                   fabs (b[3] - b[1]) };
    }
  _atlas_district_layer_set_labels (self, atlas_cartography_draw_names (cr, &job->view,
                                                                        job->dataset,
                                                                        &job->options, boxes, n));
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
  job->n_covers = atlas_district_layer_get_cover_boxes (self, view->width, view->height,
                                                        FALSE, job->covers);
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
  draw_labels (self, job, cr);
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
      draw_labels (self, job, cr);
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
