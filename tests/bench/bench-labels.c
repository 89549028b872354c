/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Names on the map: atlas_label_layout_new () for the bundled systems framed on a slide
 * (1920×1080) and a small window (800×600), for the synthetic system of 1,000 districts and
 * 5,000 sites (bench-synthetic.c) on a slide, and for the national system (every GB district
 * with a site each, bench-national.c) on a slide and in the window's size (1280×800). Each figure is the median of the runs, beside a
 * baseline measured in the same run on the same surface: drawing the districts' fills
 * (atlas_cartography_draw_districts), the layer the names go on. The first placement of a
 * dataset also finds each shape's pole of inaccessibility, kept for later: it is a figure of
 * its own.
 *
 * Lines starting with "RESULT" are tab-separated (figure, ours, baseline, ratio, target, met)
 * for build-aux/bench.sh. With --once WHAT ID WIDTHxHEIGHT[+ZOOM] the program does one step in
 * bench_measured() and exits, for instruction counts under callgrind: WHAT is "labels" (one
 * placement, poles already found), "draw" (placement and drawing), "districts" (the
 * baseline) or "poles" (every district's pole, found for the first time). */

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "atlas-data-resources.h"
#include "atlas-label-layout.h"
#include "bench-national.h"
#include "bench-synthetic.h"

typedef enum {
  STEP_LABELS,
  STEP_DRAW,
  STEP_DISTRICTS,
  STEP_POLES,
} Step;

static int runs = 21;
static char *topo_path = NULL;
static char **once = NULL;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs per figure (median)", "N" },
  { "topo", 't', 0, G_OPTION_ARG_FILENAME, &topo_path,
    "GB TopoJSON for the synthetic and national systems (no figures for them without it)",
    "FILE" },
  { "once", 0, 0, G_OPTION_ARG_STRING_ARRAY, &once,
    "One step for callgrind: --once labels|draw|districts|poles --once ID|FILE --once WxH",
    "ARG" },
  { NULL }
};

typedef struct {
  AtlasDataset *dataset;
  AtlasView view;
  AtlasCartographyOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
} Scene;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
print_result (const char *figure,
              double      ours,
              double      baseline,
              const char *target,
              gboolean    met)
{
  printf ("RESULT\t%s\t%.3f ms\t%.3f ms\t%.2f\t%s\t%s\n", figure, ours, baseline,
          baseline > 0 ? ours / baseline : 0.0, target, met ? "yes" : "NO");
  fflush (stdout);
}

/* zoom: powers of two in from the framing, about its centre (the window pans and zooms in so:
 * districts cut by the edges have the pole of their part in view found on each placement). */
static void
scene_init (Scene        *scene,
            AtlasDataset *dataset,
            int           width,
            int           height,
            double        zoom)
{
  AtlasView *view = &scene->view;

  scene->dataset = dataset;
  atlas_cartography_options_init (&scene->options);
  atlas_view_init_framing (view, atlas_dataset_get_bbox (dataset), width, height, 28);
  view->origin_x += width / view->scale * (1 - exp2 (-zoom)) / 2;
  view->origin_y += height / view->scale * (1 - exp2 (-zoom)) / 2;
  view->scale *= exp2 (zoom);
  scene->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  scene->cr = cairo_create (scene->surface);
}

static void
scene_clear (Scene *scene)
{
  cairo_destroy (scene->cr);
  cairo_surface_destroy (scene->surface);
}

/* Each shape's pole of inaccessibility, found on its first placement and kept. */
static double
time_poles (AtlasDataset *dataset)
{
  const AtlasDistrict *districts;
  double t0 = now_ms ();
  guint n;

  districts = atlas_dataset_get_districts (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      AtlasPoint pole;
      double radius;

      atlas_shape_get_pole (districts[i].shape, &pole, &radius);
    }
  return now_ms () - t0;
}

/* The one step callgrind counts (--toggle-collect=bench_measured). */
G_GNUC_NO_INLINE static void
bench_measured (Step   step,
                Scene *scene)
{
  switch (step)
    {
    case STEP_LABELS:
      atlas_label_layout_free (atlas_label_layout_new (&scene->view, scene->dataset,
                                                       &scene->options, NULL, 0));
      break;
    case STEP_DRAW:
      atlas_cartography_draw_labels (scene->cr, &scene->view, scene->dataset, &scene->options);
      break;
    case STEP_DISTRICTS:
      atlas_cartography_draw_districts (scene->cr, &scene->view, scene->dataset,
                                        &scene->options);
      break;
    case STEP_POLES:
      time_poles (scene->dataset);
      break;
    }
}

static double
time_step (Step   step,
           Scene *scene)
{
  g_autofree double *times = g_new (double, runs);

  for (int r = 0; r < runs; r++)
    {
      double t0 = now_ms ();

      bench_measured (step, scene);
      times[r] = now_ms () - t0;
    }
  return median (times, runs);
}

static void
report (const char   *label,
        AtlasDataset *dataset,
        int           width,
        int           height,
        double        zoom,
        double        budget_ms,
        gboolean      first)
{
  g_autofree char *target = g_strdup_printf ("<= %g ms", budget_ms);
  g_autofree char *placement = NULL;
  g_autofree char *drawing = NULL;
  g_autofree char *poles = NULL;
  g_autoptr(AtlasLabelLayout) layout = NULL;
  Scene scene;
  double pole_ms, labels, draw, districts;
  guint n_items, n_dropped;

  scene_init (&scene, dataset, width, height, zoom);
  pole_ms = time_poles (dataset);
  layout = atlas_label_layout_new (&scene.view, dataset, &scene.options, NULL, 0);
  atlas_label_layout_get_items (layout, &n_items);
  atlas_label_layout_get_dropped (layout, &n_dropped);
  printf ("%s at %dx%d: %u items placed, %u names dropped\n", label, width, height, n_items,
          n_dropped);

  districts = time_step (STEP_DISTRICTS, &scene);
  labels = time_step (STEP_LABELS, &scene);
  draw = time_step (STEP_DRAW, &scene);

  placement = g_strdup_printf ("label placement, %s, %dx%d%s (vs drawing the districts)", label,
                               width, height, zoom > 0 ? ", zoomed in one level" : "");
  print_result (placement, labels, districts, target, labels <= budget_ms);
  drawing = g_strdup_printf ("label placement and drawing, %s, %dx%d%s (vs drawing the "
                             "districts)", label, width, height,
                             zoom > 0 ? ", zoomed in one level" : "");
  print_result (drawing, draw, districts, "-", TRUE);
  /* Only the first time for a dataset: later they are kept. */
  if (first)
    {
      poles = g_strdup_printf ("poles of inaccessibility, once per shape, %s (vs drawing the "
                               "districts at %dx%d)", label, width, height);
      print_result (poles, pole_ms, districts, "-", TRUE);
    }
  scene_clear (&scene);
}

static AtlasDataset *
load_dataset (const char *id)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load (id, &error);

  if (dataset == NULL)
    g_error ("%s", error->message);
  return dataset;
}

static int
run_once (const char *what,
          const char *id,
          const char *size)
{
  static const char * const steps[] = { "labels", "draw", "districts", "poles", NULL };
  g_autoptr(AtlasDataset) dataset = load_dataset (id);
  int step = -1, width = 0, height = 0;
  double zoom = 0;
  Scene scene;

  for (int i = 0; steps[i] != NULL; i++)
    if (g_str_equal (steps[i], what))
      step = i;
  if (step < 0 || sscanf (size, "%dx%d+%lf", &width, &height, &zoom) < 2 || width <= 0 || height <= 0)
    {
      fprintf (stderr, "--once: labels|draw|districts|poles, then a dataset, then WxH or "
               "WxH+ZOOM (levels in from the framing)\n");
      return 2;
    }
  scene_init (&scene, dataset, width, height, zoom);
  /* Poles found and fonts loaded outside the count, as in a window after its first frame. */
  if (step != STEP_POLES)
    atlas_label_layout_free (atlas_label_layout_new (&scene.view, dataset, &scene.options,
                                                     NULL, 0));
  bench_measured (step, &scene);
  scene_clear (&scene);
  return 0;
}

static void
report_synthetic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("atlas-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *boundary = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  if (folder == NULL)
    g_error ("%s", error->message);
  path = bench_synthetic_write (topo_path, folder, 1000, 5000, 20240601, &error);
  if (path == NULL)
    g_error ("%s", error->message);
  dataset = load_dataset (path);
  boundary = g_build_filename (folder, "synthetic-districts.geojson", NULL);
  g_unlink (path);
  g_unlink (boundary);
  g_rmdir (folder);
  report ("synthetic-1000", dataset, 1920, 1080, 0, 100, TRUE);
}

static void
report_national (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("atlas-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *boundary = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  if (folder == NULL)
    g_error ("%s", error->message);
  path = bench_national_write (topo_path, folder, NULL, &error);
  if (path == NULL)
    g_error ("%s", error->message);
  dataset = load_dataset (path);
  boundary = g_build_filename (folder, "national-districts.geojson", NULL);
  g_unlink (path);
  g_unlink (boundary);
  g_rmdir (folder);
  report ("national", dataset, 1920, 1080, 0, 100, TRUE);
  report ("national", dataset, 1280, 800, 0, 100, FALSE);
  report ("national", dataset, 1280, 800, 1, 100, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- label placement figures");
  g_autoptr(GError) error = NULL;
  const char * const *ids;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  (void) atlas_data_get_resource ();
  runs = MAX (runs, 1);

  if (once != NULL)
    {
      if (g_strv_length (once) != 3)
        {
          fprintf (stderr, "--once takes a step, a dataset and a size: "
                   "--once labels --once hwe --once 1920x1080\n");
          return 2;
        }
      return run_once (once[0], once[1], once[2]);
    }

  ids = atlas_dataset_bundled_ids ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(AtlasDataset) dataset = load_dataset (ids[i]);

      report (ids[i], dataset, 1920, 1080, 0, 5, TRUE);
      report (ids[i], dataset, 800, 600, 0, 5, FALSE);
    }
  if (topo_path != NULL && g_file_test (topo_path, G_FILE_TEST_IS_REGULAR))
    {
      report_synthetic ();
      report_national ();
    }
  else
    printf ("synthetic and national figures skipped: no GB TopoJSON (--topo %s)\n",
            topo_path != NULL ? topo_path : "not given");
  return 0;
}
