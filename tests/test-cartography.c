/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-cartography.h"
#include "atlas-choropleth.h"
#include "atlas-label-layout.h"

#include <math.h>
#include <stdlib.h>

#include "atlas-data-resources.h"

#define WIDTH  900
#define HEIGHT 700

typedef struct {
  AtlasDataset *dataset;
  cairo_surface_t *surface;
  AtlasView view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dataset = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->dataset);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  atlas_view_init_framing (&f->view, atlas_dataset_get_bbox (f->dataset), WIDTH, HEIGHT, 20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cairo_surface_destroy (f->surface);
  g_clear_object (&f->dataset);
}

static void
paint (Fixture                       *f,
       const AtlasCartographyOptions *options,
       guint32                        background)
{
  cairo_t *cr = cairo_create (f->surface);

  cairo_set_source_rgb (cr, (background >> 16) / 255.0, ((background >> 8) & 0xff) / 255.0,
                        (background & 0xff) / 255.0);
  cairo_paint (cr);
  atlas_cartography_draw_districts (cr, &f->view, f->dataset, options);
  if (options->labels)
    atlas_cartography_draw_labels (cr, &f->view, f->dataset, options);
  atlas_cartography_draw_sites (cr, &f->view, f->dataset, options);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + iy * stride + ix * 4) & 0xffffff;
}

static void
to_surface (const AtlasView *view,
            double           lon,
            double           lat,
            double          *x,
            double          *y)
{
  double wx, wy;

  atlas_project (lon, lat, &wx, &wy);
  atlas_view_world_to_surface (view, wx, wy, x, y);
}

static guint32
pixel_at_district (Fixture             *f,
                   const AtlasDistrict *d)
{
  double x, y;

  to_surface (&f->view, d->shape->label_point.x, d->shape->label_point.y, &x, &y);
  return pixel_at (f->surface, x, y);
}

static void
options_plain (AtlasCartographyOptions *options)
{
  atlas_cartography_options_init (options);
  options->labels = FALSE;
  options->sites = FALSE;
}

static void
test_fills_by_partnership (Fixture       *f,
                           gconstpointer  data)
{
  AtlasCartographyOptions options;
  const AtlasDistrict *districts;
  guint n;

  options_plain (&options);
  paint (f, &options, 0x123456);
  districts = atlas_dataset_get_districts (f->dataset, &n);
  g_assert_cmpuint (n, ==, 13);
  for (guint i = 0; i < n; i++)
    {
      guint32 fill = atlas_cartography_district_fill (f->dataset, &districts[i], &options);

      g_assert_nonnull (districts[i].partnership);
      g_assert_cmphex (fill, ==,
                       atlas_dataset_get_partnership_colour (f->dataset, districts[i].partnership));
      g_assert_cmphex (pixel_at_district (f, &districts[i]), ==, fill);
    }
  /* Districts of different partnerships look different. */
  g_assert_cmphex (pixel_at_district (f, atlas_dataset_find_district (f->dataset, "watford")), !=,
                   pixel_at_district (f, atlas_dataset_find_district (f->dataset, "harlow")));
}

static void
test_selected_and_hovered (Fixture       *f,
                           gconstpointer  data)
{
  AtlasCartographyOptions options;
  const AtlasDistrict *watford = atlas_dataset_find_district (f->dataset, "watford");
  const AtlasDistrict *dacorum = atlas_dataset_find_district (f->dataset, "dacorum");
  const AtlasDistrict *harlow = atlas_dataset_find_district (f->dataset, "harlow");
  guint32 plain_watford, plain_harlow;

  options_plain (&options);
  plain_watford = atlas_cartography_district_fill (f->dataset, watford, &options);
  plain_harlow = atlas_cartography_district_fill (f->dataset, harlow, &options);

  options.selected = watford;
  options.hovered = harlow;
  paint (f, &options, 0);
  g_assert_cmphex (pixel_at_district (f, watford), ==,
                   atlas_cartography_district_fill (f->dataset, watford, &options));
  g_assert_cmphex (pixel_at_district (f, watford), !=, plain_watford);
  g_assert_cmphex (pixel_at_district (f, harlow), !=, plain_harlow);
  g_assert_cmphex (pixel_at_district (f, harlow), !=, pixel_at_district (f, watford));
  /* Its neighbour in the same partnership is untouched. */
  g_assert_cmphex (pixel_at_district (f, dacorum), ==, plain_watford);
}

static void
test_highlighted_partnership (Fixture       *f,
                              gconstpointer  data)
{
  AtlasCartographyOptions options;
  const AtlasPartnership *partnerships;
  const AtlasDistrict *districts;
  guint n_p, n_d;

  partnerships = atlas_dataset_get_partnerships (f->dataset, &n_p);
  districts = atlas_dataset_get_districts (f->dataset, &n_d);
  for (guint p = 0; p < n_p; p++)
    {
      options_plain (&options);
      options.highlighted = &partnerships[p];
      paint (f, &options, 0);
      for (guint i = 0; i < n_d; i++)
        {
          guint32 normal = atlas_dataset_get_partnership_colour (f->dataset,
                                                                 districts[i].partnership);
          gboolean member = atlas_cartography_partnership_has (&partnerships[p], &districts[i]);

          g_assert_cmphex (pixel_at_district (f, &districts[i]), ==,
                           atlas_cartography_district_fill (f->dataset, &districts[i], &options));
          if (member)
            g_assert_cmphex (pixel_at_district (f, &districts[i]), ==, normal);
          else
            g_assert_cmphex (pixel_at_district (f, &districts[i]), !=, normal);
        }
    }
}

static void
test_thematic_outline (Fixture       *f,
                       gconstpointer  data)
{
  const AtlasPartnership *partnerships;
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (ATLAS_THEME_LIGHT);
  AtlasCartographyOptions options;
  const AtlasPartnership *thematic = NULL;
  const AtlasDistrict *harlow = atlas_dataset_find_district (f->dataset, "harlow");
  const AtlasDistrict *broxbourne = atlas_dataset_find_district (f->dataset, "broxbourne");
  guint n, outline_pixels = 0;
  double x0, y0, x1, y1;

  partnerships = atlas_dataset_get_partnerships (f->dataset, &n);
  for (guint i = 0; i < n; i++)
    if (partnerships[i].kind == ATLAS_PARTNERSHIP_THEMATIC)
      thematic = &partnerships[i];
  g_assert_nonnull (thematic);
  g_assert_true (atlas_cartography_partnership_has (thematic, broxbourne));
  g_assert_false (atlas_cartography_partnership_has (thematic, harlow));

  options_plain (&options);
  options.highlighted = thematic;
  paint (f, &options, 0xffffff);

  /* Walking from Broxbourne (inside) to Harlow (outside) crosses the thick outline. */
  to_surface (&f->view, broxbourne->shape->label_point.x, broxbourne->shape->label_point.y,
              &x0, &y0);
  to_surface (&f->view, harlow->shape->label_point.x, harlow->shape->label_point.y, &x1, &y1);
  for (int s = 0; s <= 400; s++)
    if (pixel_at (f->surface, x0 + (x1 - x0) * s / 400, y0 + (y1 - y0) * s / 400)
        == palette->outline)
      outline_pixels++;
  g_assert_cmpuint (outline_pixels, >=, 2);
}

static void
test_indicator_classes (Fixture       *f,
                        gconstpointer  data)
{
  const AtlasIndicator *indicators;
  AtlasCartographyClass classes[ATLAS_CARTOGRAPHY_MAX_CLASSES];
  AtlasCartographyOptions options;
  g_autoptr(AtlasChoropleth) choropleth = NULL;
  guint n, nc;

  indicators = atlas_dataset_get_indicators (f->dataset, &n);
  if (n == 0)
    {
      g_test_skip ("the dataset has no indicators");
      return;
    }
  nc = atlas_cartography_indicator_classes (&indicators[0], classes);
  g_assert_cmpuint (nc, >=, 1);
  g_assert_cmpuint (nc, <=, ATLAS_CARTOGRAPHY_MAX_CLASSES);
  for (guint c = 0; c + 1 < nc; c++)
    {
      g_assert_cmpfloat (classes[c].upper, <=, classes[c + 1].lower + 1e-9);
      g_assert_cmphex (classes[c].colour, !=, classes[c + 1].colour);
    }

  /* The cartography fills by the indicator's choropleth, classed once. */
  choropleth = atlas_choropleth_new_from_indicator (f->dataset, &indicators[0]);
  options_plain (&options);
  options.indicator = &indicators[0];
  options.choropleth = choropleth;
  paint (f, &options, 0);
  for (guint v = 0; v < indicators[0].n_values; v++)
    {
      const AtlasIndicatorValue *value = &indicators[0].values[v];
      guint c = atlas_cartography_indicator_class_of (classes, nc, value->value);

      for (guint i = 0; i < value->n_districts; i++)
        g_assert_cmphex (pixel_at_district (f, value->districts[i]), ==, classes[c].colour);
    }
}

static void
test_sites (Fixture       *f,
            gconstpointer  data)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (ATLAS_THEME_LIGHT);
  AtlasCartographyOptions options;
  const AtlasSite *sites;
  guint n;

  atlas_cartography_options_init (&options);
  options.labels = FALSE;
  paint (f, &options, 0);
  sites = atlas_dataset_get_sites (f->dataset, &n);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      to_surface (&f->view, sites[i].lon, sites[i].lat, &x, &y);
      g_assert_cmphex (pixel_at (f->surface, x, y), ==, palette->site);
    }
}

/* One look on screen and in every output: the palette's site colour at 11 units (what the map
 * draws in pixels and an export in design units), a selected site and trust bigger and the
 * others faded. */
static void
test_sites_screen_style (Fixture       *f,
                         gconstpointer  data)
{
  AtlasCartographyOptions options;
  const AtlasSite *sites;
  guint n;
  double size, alpha;

  atlas_cartography_options_init (&options);
  g_assert_cmpfloat (options.site_size, ==, 11.0);
  g_assert_cmphex (atlas_cartography_get_palette (ATLAS_THEME_LIGHT)->site, ==, 0xbf121f);
  g_assert_cmphex (atlas_cartography_get_palette (ATLAS_THEME_DARK)->site, ==, 0xbf121f);
  options.labels = FALSE;
  sites = atlas_dataset_get_sites (f->dataset, &n);
  g_assert_cmpuint (n, >, 1);
  options.site = &sites[0];
  paint (f, &options, 0);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      atlas_cartography_site_style (&sites[i], &options, &size, &alpha);
      g_assert_cmpfloat (size, ==, i == 0 ? 17.0 : 11.0);
      g_assert_cmpfloat (alpha, ==, 1.0);
      to_surface (&f->view, sites[i].lon, sites[i].lat, &x, &y);
      g_assert_cmphex (pixel_at (f->surface, x, y), ==, 0xbf121f);
    }

  /* A trust selected: its sites bigger, the others at 35 %. */
  options.site = NULL;
  options.trust = sites[0].trust;
  for (guint i = 0; i < n; i++)
    {
      gboolean mine = sites[i].trust == options.trust;

      atlas_cartography_site_style (&sites[i], &options, &size, &alpha);
      g_assert_cmpfloat (size, ==, mine ? 17.0 : 11.0);
      g_assert_cmpfloat_with_epsilon (alpha, mine ? 1.0 : 0.35, 1e-9);
    }

  /* Drawn at twice the size (a screenshot at scale 2), the prominent ones grow in proportion. */
  options.site_size = 22.0;
  atlas_cartography_site_style (&sites[0], &options, &size, &alpha);
  g_assert_cmpfloat (size, ==, 34.0);
  g_assert_cmpfloat (alpha, ==, 1.0);
}

static guint
count_pixels_not (cairo_surface_t *surface,
                  guint32          colour)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  guint count = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      count += pixel_at (surface, x, y) != colour;
  return count;
}

/* Names are drawn; on a surface too small for them, what is drawn is whole (nothing reaches
 * the edges, where a cut name would read as another) and what is left out is said. */
static void
test_labels_fit (Fixture       *f,
                 gconstpointer  data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 80, 60);
  g_autoptr(AtlasLabelLayout) layout = NULL;
  AtlasCartographyOptions options;
  AtlasView tiny;
  guint n_dropped, edge = 0;
  cairo_t *cr;

  atlas_cartography_options_init (&options);

  /* At a generous size, names are drawn. */
  cr = cairo_create (f->surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  atlas_cartography_draw_labels (cr, &f->view, f->dataset, &options);
  cairo_destroy (cr);
  g_assert_cmpuint (count_pixels_not (f->surface, 0), >, 500);

  atlas_view_init_framing (&tiny, atlas_dataset_get_bbox (f->dataset), 80, 60, 2);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  atlas_cartography_draw_labels (cr, &tiny, f->dataset, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int x = 0; x < 80; x++)
    edge += (pixel_at (surface, x, 0) != 0) + (pixel_at (surface, x, 59) != 0);
  for (int y = 0; y < 60; y++)
    edge += (pixel_at (surface, 0, y) != 0) + (pixel_at (surface, 79, y) != 0);
  g_assert_cmpuint (edge, ==, 0);
  cairo_surface_destroy (surface);

  layout = atlas_label_layout_new (&tiny, f->dataset, &options, NULL, 0);
  atlas_label_layout_get_dropped (layout, &n_dropped);
  g_assert_cmpuint (n_dropped, >, 0);
}

/* Obstacle boxes keep names off: a box over the whole surface but one corner leaves nothing
 * drawn under it. */
static void
test_labels_avoiding (Fixture       *f,
                      gconstpointer  data)
{
  AtlasCartographyOptions options;
  const double boxes[] = { 0, 0, WIDTH, HEIGHT / 2.0, 0, HEIGHT / 2.0, WIDTH / 2.0, HEIGHT };
  guint outside = 0, inside = 0;
  cairo_t *cr;

  atlas_cartography_options_init (&options);
  cr = cairo_create (f->surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  atlas_cartography_draw_labels_avoiding (cr, &f->view, f->dataset, &options, boxes, 2);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
  /* Halos reach a little beyond a name's box. */
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      if (pixel_at (f->surface, x, y) != 0)
        {
          if (x < WIDTH / 2 - 3 || y < HEIGHT / 2 - 3)
            outside++;
          else
            inside++;
        }
  g_assert_cmpuint (outside, ==, 0);
  g_assert_cmpuint (inside, >, 100);
}

static void
test_tile_view (Fixture       *f,
                gconstpointer  data)
{
  const AtlasDistrict *watford = atlas_dataset_find_district (f->dataset, "watford");
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  AtlasCartographyOptions options;
  AtlasView view;
  double wx, wy, x, y;
  int z = 11;
  cairo_t *cr;

  options_plain (&options);
  options.theme = ATLAS_THEME_DARK;
  atlas_project (watford->shape->label_point.x, watford->shape->label_point.y, &wx, &wy);
  atlas_view_init_tile (&view, z, (int) floor (wx * (1 << z)), (int) floor (wy * (1 << z)));
  cr = cairo_create (tile);
  atlas_cartography_draw_districts (cr, &view, f->dataset, &options);
  cairo_destroy (cr);
  cairo_surface_flush (tile);
  atlas_view_world_to_surface (&view, wx, wy, &x, &y);
  g_assert_cmphex (pixel_at (tile, x, y), ==,
                   atlas_cartography_district_fill (f->dataset, watford, &options));
  cairo_surface_destroy (tile);
}

/* Every kind of selected record maps to the emphasis the map, the window's images and the
 * exports all draw, and a new selection clears the last one's. */
static void
test_selection_emphasis (Fixture       *f,
                         gconstpointer  data)
{
  const AtlasDistrict *watford = atlas_dataset_find_district (f->dataset, "watford");
  const AtlasPartnership *swh = atlas_dataset_find_partnership (f->dataset, "south-west-herts");
  const AtlasTrust *whth = atlas_dataset_find_trust (f->dataset, "whth");
  const AtlasSite *lister = atlas_dataset_find_site (f->dataset, "lister");
  AtlasCartographyOptions options;

  atlas_cartography_options_init (&options);
  atlas_cartography_options_set_selection (&options, ATLAS_SELECTION_DISTRICT, watford);
  g_assert_true (options.selected == watford);
  g_assert_null (options.highlighted);

  atlas_cartography_options_set_selection (&options, ATLAS_SELECTION_PARTNERSHIP, swh);
  g_assert_true (options.highlighted == swh);
  g_assert_null (options.selected);

  atlas_cartography_options_set_selection (&options, ATLAS_SELECTION_TRUST, whth);
  g_assert_true (options.trust == whth);
  g_assert_null (options.highlighted);

  /* A site stands out, and so does the district it is in. */
  atlas_cartography_options_set_selection (&options, ATLAS_SELECTION_SITE, lister);
  g_assert_true (options.site == lister);
  g_assert_true (options.selected == lister->district);
  g_assert_null (options.trust);

  atlas_cartography_options_set_selection (&options, ATLAS_SELECTION_NONE, NULL);
  g_assert_null (options.site);
  g_assert_null (options.selected);
  g_assert_null (options.highlighted);
  g_assert_null (options.trust);
}

/* At a scale where an outline has several vertices to the pixel, the districts drawn on an
 * image (vertices nearer each other than half a pixel left out) look as when every vertex is
 * drawn: a recording surface keeps them all (it is a vector surface), replayed as a reference. */
static void
test_fine_outline (Fixture       *f,
                   gconstpointer  data)
{
  const int width = 160, height = 120;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_t *reference = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
  cairo_surface_t *targets[] = { image, recording };
  AtlasCartographyOptions options;
  AtlasView view;
  const guint8 *a, *b;
  guint64 total = 0;
  guint far = 0;
  cairo_t *cr;

  options_plain (&options);
  atlas_view_init_framing (&view, atlas_dataset_get_bbox (f->dataset), width, height, 4);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      cr = cairo_create (targets[t]);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_paint (cr);
      atlas_cartography_draw_districts (cr, &view, f->dataset, &options);
      cairo_destroy (cr);
    }
  cr = cairo_create (reference);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  cairo_surface_flush (reference);

  a = cairo_image_surface_get_data (image);
  b = cairo_image_surface_get_data (reference);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      if (x % 4 != 3)
        {
          int d = abs (a[y * cairo_image_surface_get_stride (image) + x]
                       - b[y * cairo_image_surface_get_stride (reference) + x]);

          total += d;
          far += d > 96;
        }
  g_test_message ("fine outline: mean difference %.3f, %u channels differ by more than 96",
                  (double) total / (width * height * 3), far);
  /* Half a pixel gives a mean of about 0.9 and a few channels; a whole pixel, 1.8 and 90. */
  g_assert_cmpfloat ((double) total / (width * height * 3), <, 1.5);
  g_assert_cmpuint (far, <, width * height * 3 / 1000);
  cairo_surface_destroy (recording);
  cairo_surface_destroy (reference);
  cairo_surface_destroy (image);
}

static void
test_themes (void)
{
  const AtlasCartographyPalette *light = atlas_cartography_get_palette (ATLAS_THEME_LIGHT);
  const AtlasCartographyPalette *dark = atlas_cartography_get_palette (ATLAS_THEME_DARK);
  const AtlasCartographyPalette *hc = atlas_cartography_get_palette (ATLAS_THEME_HIGH_CONTRAST);

  g_assert_cmphex (light->text, !=, dark->text);
  g_assert_cmphex (light->background, !=, dark->background);
  g_assert_cmphex (hc->border, ==, 0x000000);
  g_assert_cmpfloat (hc->border_width, >, light->border_width);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Links the data resource (and its registration) from the static core library. */
  (void) atlas_data_get_resource ();

#define ADD(path, func) \
  g_test_add ("/cartography/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fills-by-partnership", test_fills_by_partnership);
  ADD ("selected-and-hovered", test_selected_and_hovered);
  ADD ("highlighted-partnership", test_highlighted_partnership);
  ADD ("thematic-outline", test_thematic_outline);
  ADD ("indicator-classes", test_indicator_classes);
  ADD ("sites", test_sites);
  ADD ("sites-screen-style", test_sites_screen_style);
  ADD ("labels-fit", test_labels_fit);
  ADD ("labels-avoiding", test_labels_avoiding);
  ADD ("tile-view", test_tile_view);
  ADD ("selection-emphasis", test_selection_emphasis);
  ADD ("fine-outline", test_fine_outline);
#undef ADD
  g_test_add_func ("/cartography/themes", test_themes);

  return g_test_run ();
}
