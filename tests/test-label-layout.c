/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Names on the map (atlas-label-layout.h): for both bundled systems on a slide, a window, a
 * small window and an A4-like surface, framed, with boxes in the corners standing for the
 * legend, north arrow, scale bar and attribution: every district named once, inside or in a
 * callout; no two names over each other, an obstacle or a symbol; acute hospitals named; the
 * selection first; the same report every time and in any thread; 1,000 districts done, and
 * every GB district with a site each.
 * Renders of each case go to tests/artefacts/ in the build folder for eyes-on checks. */

#include "atlas-basemap.h"
#include "atlas-label-layout.h"
#include "atlas-label-test-private.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "atlas-data-resources.h"
#include "bench/bench-national.h"
#include "bench/bench-synthetic.h"

typedef struct {
  const char *system;
  double width;
  double height;
} Case;

static const Case cases[] = {
  { "hwe", 1920, 1080 }, { "hwe", 1280, 800 }, { "hwe", 800, 600 }, { "hwe", 1280, 905 },
  { "nel", 1920, 1080 }, { "nel", 1280, 800 }, { "nel", 800, 600 }, { "nel", 1280, 905 },
};

/* What covers the map in its corners: legend (top left, as in the window), north arrow (top
 * right), scale bar (bottom right), attribution (along the bottom). */
static guint
make_obstacles (double         width,
                double         height,
                AtlasLabelBox *boxes)
{
  boxes[0] = (AtlasLabelBox) { 12, 12, MIN (300, width * 0.3), 120 };
  boxes[1] = (AtlasLabelBox) { width - 70, 12, 56, 80 };
  boxes[2] = (AtlasLabelBox) { width - 230, height - 70, 210, 44 };
  boxes[3] = (AtlasLabelBox) { width * 0.45, height - 18, width * 0.55, 18 };
  return 4;
}

static gboolean
boxes_overlap (const AtlasLabelBox *a,
               const AtlasLabelBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
is_name (const AtlasLabelItem *item)
{
  return item->kind != ATLAS_LABEL_SITE_SYMBOL;
}

static AtlasDataset *
load (const char *id)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load (id, &error);

  g_assert_no_error (error);
  return dataset;
}

static char *
report_of (const AtlasLabelLayout *layout)
{
  GString *report = g_string_new (NULL);

  atlas_label_layout_append_report (layout, NULL, report);
  return g_string_free (report, FALSE);
}

/* The map as a planner sees it, the obstacles outlined, into the artefacts folder. */
static void
save_render (const char              *name,
             const AtlasView         *view,
             AtlasDataset            *dataset,
             const AtlasCartographyOptions *options,
             const AtlasLabelLayout  *layout,
             const AtlasLabelBox     *obstacles,
             guint                    n_obstacles)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "artefacts", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) view->width,
                                                         (int) view->height);
  cairo_t *cr = cairo_create (surface);
  AtlasBasemap *basemap = atlas_basemap_get_default ();

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (basemap != NULL)
    atlas_basemap_draw (basemap, cr, view, ATLAS_BASEMAP_STYLE_LIGHT);
  atlas_cartography_draw_districts (cr, view, dataset, options);
  atlas_label_layout_draw (layout, cr);
  atlas_cartography_draw_sites (cr, view, dataset, options);
  cairo_set_source_rgba (cr, 0.8, 0, 0, 0.8);
  for (guint i = 0; i < n_obstacles; i++)
    cairo_rectangle (cr, obstacles[i].x + 0.5, obstacles[i].y + 0.5, obstacles[i].width - 1,
                     obstacles[i].height - 1);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_mkdir_with_parents (dir, 0755);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static gboolean
leader_meets_box (const AtlasLabelItem *l,
                  const AtlasLabelBox  *b)
{
  for (int s = 1; s < 40; s++)
    {
      double x = l->leader_x0 + (l->leader_x1 - l->leader_x0) * s / 40;
      double y = l->leader_y0 + (l->leader_y1 - l->leader_y0) * s / 40;

      if (x > b->x && x < b->x + b->width && y > b->y && y < b->y + b->height)
        return TRUE;
    }
  return FALSE;
}

/* The rules every layout keeps, whatever fits. */
static void
check_rules (const AtlasView        *view,
             const AtlasLabelLayout *layout,
             const AtlasLabelBox    *obstacles,
             guint                   n_obstacles)
{
  const AtlasLabelItem *items;
  guint n;

  items = atlas_label_layout_get_items (layout, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasLabelBox *b = &items[i].box;

      if (!is_name (&items[i]))
        continue;
      g_assert_cmpfloat (b->width, >, 0);
      g_assert_cmpfloat (b->height, >, 0);
      g_assert_cmpfloat (b->x, >=, 0);
      g_assert_cmpfloat (b->y, >=, 0);
      g_assert_cmpfloat (b->x + b->width, <=, view->width);
      g_assert_cmpfloat (b->y + b->height, <=, view->height);
      for (guint o = 0; o < n_obstacles; o++)
        if (boxes_overlap (b, &obstacles[o]))
          g_error ("%s is over obstacle %u", items[i].text, o);
      /* Names against names (each pair once) and against every symbol. */
      for (guint j = 0; j < n; j++)
        if (j != i && !(is_name (&items[j]) && j < i) && boxes_overlap (b, &items[j].box))
          g_error ("%s is over %s (%s)", items[i].text, items[j].text,
                   atlas_label_kind_to_string (items[j].kind));
    }
  /* No leader runs through a name, a symbol (but its own site's) or an obstacle. */
  for (guint l = 0; l < n; l++)
    {
      if (!items[l].has_leader)
        continue;
      for (guint i = 0; i < n; i++)
        if (i != l && !(items[i].kind == ATLAS_LABEL_SITE_SYMBOL && items[i].site != NULL
                        && items[i].site == items[l].site)
            && leader_meets_box (&items[l], &items[i].box))
          g_error ("the leader of %s runs over %s", items[l].text, items[i].text);
      for (guint o = 0; o < n_obstacles; o++)
        g_assert_false (leader_meets_box (&items[l], &obstacles[o]));
    }
}

/* The districts at some point of a grid of 8 units over the surface. */
static gboolean *
find_seen (const AtlasView *view,
           AtlasDataset    *dataset)
{
  gboolean *seen;
  guint n;

  atlas_dataset_get_districts (dataset, &n);
  seen = g_new0 (gboolean, n);
  for (double y = 4; y < view->height - 4; y += 8)
    for (double x = 4; x < view->width - 4; x += 8)
      {
        const AtlasDistrict *d;
        double wx, wy, lon, lat;

        atlas_view_surface_to_world (view, x, y, &wx, &wy);
        atlas_unproject (wx, wy, &lon, &lat);
        d = atlas_dataset_locate (dataset, lat, lon);
        if (d != NULL)
          seen[d->index] = TRUE;
      }
  return seen;
}

/* Every district seen on the surface (at some point of a grid over it) named exactly once;
 * leaders end inside their district. */
static void
check_districts_named (const AtlasView        *view,
                       AtlasDataset           *dataset,
                       const AtlasLabelLayout *layout)
{
  const AtlasDistrict *districts;
  const AtlasLabelItem *items;
  g_autofree gboolean *seen = NULL;
  guint n_districts, n;

  districts = atlas_dataset_get_districts (dataset, &n_districts);
  items = atlas_label_layout_get_items (layout, &n);
  seen = find_seen (view, dataset);

  for (guint d = 0; d < n_districts; d++)
    {
      guint names = 0;

      for (guint i = 0; i < n; i++)
        {
          double wx, wy, lon, lat;

          if (items[i].district != &districts[d])
            continue;
          g_assert_true (items[i].kind == ATLAS_LABEL_DISTRICT
                         || items[i].kind == ATLAS_LABEL_DISTRICT_CALLOUT);
          g_assert_cmpint (items[i].has_leader, ==, items[i].kind == ATLAS_LABEL_DISTRICT_CALLOUT);
          names++;
          if (!items[i].has_leader)
            continue;
          atlas_view_surface_to_world (view, items[i].leader_x1, items[i].leader_y1, &wx, &wy);
          atlas_unproject (wx, wy, &lon, &lat);
          g_assert_true (atlas_shape_contains (districts[d].shape, lon, lat));
          g_assert_cmpfloat (items[i].leader_x1, >=, 0);
          g_assert_cmpfloat (items[i].leader_y1, >=, 0);
          g_assert_cmpfloat (items[i].leader_x1, <=, view->width);
          g_assert_cmpfloat (items[i].leader_y1, <=, view->height);
        }
      if (names > 1 || (seen[d] && names != 1))
        g_error ("%s has %u names", districts[d].name, names);
    }
}

static void
check_acute_named (AtlasDataset           *dataset,
                   const AtlasLabelLayout *layout)
{
  const AtlasSite *sites;
  const AtlasLabelItem *items;
  guint n_sites, n;

  sites = atlas_dataset_get_sites (dataset, &n_sites);
  items = atlas_label_layout_get_items (layout, &n);
  for (guint s = 0; s < n_sites; s++)
    {
      gboolean named = FALSE;

      for (guint i = 0; i < n; i++)
        named |= items[i].kind == ATLAS_LABEL_SITE && items[i].site == &sites[s];
      if (sites[s].kind == ATLAS_SITE_ACUTE && !named)
        g_error ("%s is not named", sites[s].name);
    }
}

static void
test_framed (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(AtlasDataset) dataset = load (c->system);
  g_autoptr(AtlasLabelLayout) layout = NULL;
  g_autofree char *name = NULL;
  AtlasCartographyOptions options;
  AtlasLabelBox obstacles[4];
  guint n_obstacles = make_obstacles (c->width, c->height, obstacles);
  AtlasView view;
  guint n_dropped;

  atlas_cartography_options_init (&options);
  atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), c->width, c->height, 28);
  layout = atlas_label_layout_new (&view, dataset, &options, obstacles, n_obstacles);
  name = g_strdup_printf ("labels-%s-%gx%g", c->system, c->width, c->height);
  save_render (name, &view, dataset, &options, layout, obstacles, n_obstacles);

  check_rules (&view, layout, obstacles, n_obstacles);
  check_districts_named (&view, dataset, layout);
  check_acute_named (dataset, layout);
  atlas_label_layout_get_dropped (layout, &n_dropped);
  for (guint i = 0; i < n_dropped; i++)
    g_assert_cmpint (atlas_label_layout_get_dropped (layout, &n_dropped)[i].kind, ==,
                     ATLAS_LABEL_SITE);
}

/* A surface too small for everything: whatever is dropped is named once it is selected. */
static void
test_selected_wins (void)
{
  g_autoptr(AtlasDataset) dataset = load ("hwe");
  g_autoptr(AtlasLabelLayout) crowded = NULL;
  const AtlasLabelItem *dropped;
  AtlasCartographyOptions options;
  AtlasLabelBox obstacles[4];
  guint n_obstacles = make_obstacles (420, 300, obstacles), n_dropped, n_districts = 0;
  AtlasView view;

  atlas_cartography_options_init (&options);
  atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), 420, 300, 10);
  crowded = atlas_label_layout_new (&view, dataset, &options, obstacles, n_obstacles);
  check_rules (&view, crowded, obstacles, n_obstacles);
  dropped = atlas_label_layout_get_dropped (crowded, &n_dropped);
  for (guint i = 0; i < n_dropped; i++)
    {
      g_autoptr(AtlasLabelLayout) layout = NULL;
      const AtlasLabelItem *items;
      gboolean named = FALSE;
      guint n;

      if (dropped[i].district == NULL)
        continue;
      n_districts++;
      options.selected = dropped[i].district;
      layout = atlas_label_layout_new (&view, dataset, &options, obstacles, n_obstacles);
      check_rules (&view, layout, obstacles, n_obstacles);
      items = atlas_label_layout_get_items (layout, &n);
      for (guint k = 0; k < n; k++)
        if (items[k].district == dropped[i].district)
          {
            named = TRUE;
            g_assert_true (items[k].flags & ATLAS_LABEL_SELECTED);
          }
      if (!named)
        {
          save_render ("labels-selected-failed", &view, dataset, &options, layout, obstacles,
                       n_obstacles);
          g_error ("%s, selected, is not named", dropped[i].district->name);
        }
    }
  /* The surface is crowded enough to need the rule. */
  g_assert_cmpuint (n_districts, >, 0);

  /* Watford, selected, is named however small the surface. */
  options.selected = atlas_dataset_find_district (dataset, "watford");
  {
    g_autoptr(AtlasLabelLayout) layout = atlas_label_layout_new (&view, dataset, &options,
                                                                  obstacles, n_obstacles);
    const AtlasLabelItem *items;
    gboolean named = FALSE;
    guint n;

    items = atlas_label_layout_get_items (layout, &n);
    for (guint k = 0; k < n; k++)
      named |= items[k].district == options.selected;
    g_assert_true (named);
  }
}

static gboolean
has_name (const AtlasLabelLayout *layout,
          const AtlasDistrict    *district,
          const AtlasSite        *site,
          guint                   flags)
{
  const AtlasLabelItem *items;
  guint n;

  items = atlas_label_layout_get_items (layout, &n);
  for (guint i = 0; i < n; i++)
    if (is_name (&items[i]) && ((district && items[i].district == district)
                                || (site && items[i].site == site)))
      return (items[i].flags & flags) == flags;
  return FALSE;
}

/* A partnership's districts and a trust's sites are named and marked as the selection; the
 * other sites are faded. */
static void
test_selection_kinds (void)
{
  g_autoptr(AtlasDataset) dataset = load ("hwe");
  const AtlasPartnership *partnerships;
  const AtlasSite *sites;
  AtlasCartographyOptions options;
  AtlasView view;
  guint n_p, n_s;

  partnerships = atlas_dataset_get_partnerships (dataset, &n_p);
  sites = atlas_dataset_get_sites (dataset, &n_s);
  atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), 640, 420, 10);
  for (guint p = 0; p < n_p; p++)
    {
      g_autoptr(AtlasLabelLayout) layout = NULL;

      atlas_cartography_options_init (&options);
      options.highlighted = &partnerships[p];
      layout = atlas_label_layout_new (&view, dataset, &options, NULL, 0);
      for (guint d = 0; d < partnerships[p].n_districts; d++)
        g_assert_true (has_name (layout, partnerships[p].districts[d], NULL,
                                 ATLAS_LABEL_SELECTED));
    }

  atlas_cartography_options_init (&options);
  options.trust = sites[n_s - 1].trust;
  {
    g_autoptr(AtlasLabelLayout) layout = atlas_label_layout_new (&view, dataset, &options,
                                                                  NULL, 0);

    for (guint s = 0; s < n_s; s++)
      if (sites[s].trust == options.trust)
        g_assert_true (has_name (layout, NULL, &sites[s], ATLAS_LABEL_SELECTED));
      else if (has_name (layout, NULL, &sites[s], 0))
        g_assert_true (has_name (layout, NULL, &sites[s], ATLAS_LABEL_FADED));
  }

  atlas_cartography_options_init (&options);
  for (guint s = 0; s < n_s; s++)
    {
      g_autoptr(AtlasLabelLayout) layout = NULL;

      options.site = &sites[s];
      layout = atlas_label_layout_new (&view, dataset, &options, NULL, 0);
      g_assert_true (has_name (layout, NULL, &sites[s], ATLAS_LABEL_SELECTED));
    }
}

/* Zoomed in with a district half off the surface: its name is on the surface and points at the
 * part in view, and the neighbours in view are named too. */
static void
test_zoomed (void)
{
  g_autoptr(AtlasDataset) dataset = load ("hwe");
  const AtlasDistrict *watford = atlas_dataset_find_district (dataset, "watford");
  AtlasCartographyOptions options;
  AtlasView view;
  AtlasPoint pole;
  double radius;

  atlas_cartography_options_init (&options);
  atlas_shape_get_pole (watford->shape, &pole, &radius);
  view.scale = 256.0 * (1 << 12);
  view.width = 1280;
  view.height = 800;
  /* Watford's pole 40 px left of the surface's left edge. */
  view.origin_x = pole.x + 40 / view.scale;
  view.origin_y = pole.y - 400 / view.scale;
  g_assert_cmpfloat (radius * view.scale, >, 60);
  {
    g_autoptr(AtlasLabelLayout) layout = atlas_label_layout_new (&view, dataset, &options,
                                                                  NULL, 0);

    check_rules (&view, layout, NULL, 0);
    check_districts_named (&view, dataset, layout);
    g_assert_true (has_name (layout, watford, NULL, 0));
    save_render ("labels-hwe-zoomed", &view, dataset, &options, layout, NULL, 0);
  }
}

static gpointer
layout_in_thread (gpointer data)
{
  const AtlasView *view = ((gpointer *) data)[0];
  AtlasDataset *dataset = ((gpointer *) data)[1];
  AtlasCartographyOptions options;
  AtlasLabelBox obstacles[4];
  guint n_obstacles = make_obstacles (view->width, view->height, obstacles);
  g_autoptr(AtlasLabelLayout) layout = NULL;

  atlas_cartography_options_init (&options);
  layout = atlas_label_layout_new (view, dataset, &options, obstacles, n_obstacles);
  return report_of (layout);
}

/* The same input twice, and in another thread (with its own font map), gives the same report,
 * byte for byte. */
static void
test_deterministic (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(AtlasDataset) dataset = load (cases[c].system);
      g_autofree char *first = NULL, *second = NULL, *other = NULL;
      gpointer data[2];
      AtlasView view;
      GThread *thread;

      atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), cases[c].width,
                               cases[c].height, 28);
      data[0] = &view;
      data[1] = dataset;
      first = layout_in_thread (data);
      second = layout_in_thread (data);
      thread = g_thread_new ("layout", layout_in_thread, data);
      other = g_thread_join (thread);
      g_assert_cmpstr (first, ==, second);
      g_assert_cmpstr (first, ==, other);
      g_assert_cmpuint (strlen (first), >, 0);
    }
}

/* One line per item, six tab-separated fields, whole output pixels through the matrix. */
static void
test_report (void)
{
  g_autoptr(AtlasDataset) dataset = load ("nel");
  g_autoptr(AtlasLabelLayout) layout = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) scaled = g_string_new (NULL);
  g_auto(GStrv) lines = NULL, scaled_lines = NULL;
  const AtlasLabelItem *items;
  AtlasCartographyOptions options;
  cairo_matrix_t matrix;
  AtlasView view;
  guint n, kinds[4] = { 0, };

  atlas_cartography_options_init (&options);
  atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), 1280, 800, 28);
  layout = atlas_label_layout_new (&view, dataset, &options, NULL, 0);
  items = atlas_label_layout_get_items (layout, &n);
  atlas_label_layout_append_report (layout, NULL, plain);
  cairo_matrix_init_translate (&matrix, 10, 20);
  cairo_matrix_scale (&matrix, 2, 2);
  atlas_label_layout_append_report (layout, &matrix, scaled);
  lines = g_strsplit (plain->str, "\n", -1);
  scaled_lines = g_strsplit (scaled->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
  g_assert_cmpstr (lines[n], ==, "");

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_auto(GStrv) g = g_strsplit (scaled_lines[i], "\t", -1);
      g_autofree char *text = g_strdelimit (g_strdup (items[i].text), "\n", ' ');

      g_assert_cmpuint (g_strv_length (f), ==, 6);
      g_assert_cmpstr (f[0], ==, atlas_label_kind_to_string (items[i].kind));
      g_assert_cmpstr (f[1], ==, text);
      kinds[items[i].kind]++;
      g_assert_cmpint (ABS (g_ascii_strtoll (f[2], NULL, 10) - items[i].box.x), <=, 1);
      g_assert_cmpint (ABS (g_ascii_strtoll (f[5], NULL, 10) - items[i].box.height), <=, 1);
      g_assert_cmpint (ABS (g_ascii_strtoll (g[2], NULL, 10) - (2 * items[i].box.x + 10)), <=, 1);
      g_assert_cmpint (ABS (g_ascii_strtoll (g[3], NULL, 10) - (2 * items[i].box.y + 20)), <=, 1);
      g_assert_cmpint (ABS (g_ascii_strtoll (g[4], NULL, 10) - 2 * items[i].box.width), <=, 2);
    }
  g_assert_cmpuint (kinds[ATLAS_LABEL_DISTRICT], >, 0);
  g_assert_cmpuint (kinds[ATLAS_LABEL_SITE], >, 0);
  g_assert_cmpuint (kinds[ATLAS_LABEL_SITE_SYMBOL], ==, 8);
}

/* Names off, sites off: nothing of theirs is placed. */
static void
test_options_off (void)
{
  g_autoptr(AtlasDataset) dataset = load ("hwe");
  AtlasCartographyOptions options;
  const AtlasLabelItem *items;
  AtlasView view;
  guint n;

  atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), 1280, 800, 28);
  atlas_cartography_options_init (&options);
  options.labels = FALSE;
  {
    g_autoptr(AtlasLabelLayout) layout = atlas_label_layout_new (&view, dataset, &options,
                                                                  NULL, 0);

    items = atlas_label_layout_get_items (layout, &n);
    g_assert_cmpuint (n, >, 0);
    for (guint i = 0; i < n; i++)
      g_assert_null (items[i].district);
  }
  options.labels = TRUE;
  options.site_labels = FALSE;
  {
    g_autoptr(AtlasLabelLayout) layout = atlas_label_layout_new (&view, dataset, &options,
                                                                  NULL, 0);

    items = atlas_label_layout_get_items (layout, &n);
    for (guint i = 0; i < n; i++)
      g_assert_cmpint (items[i].kind, !=, ATLAS_LABEL_SITE);
  }
  options.sites = FALSE;
  {
    g_autoptr(AtlasLabelLayout) layout = atlas_label_layout_new (&view, dataset, &options,
                                                                  NULL, 0);

    items = atlas_label_layout_get_items (layout, &n);
    g_assert_cmpuint (n, ==, 13);
    for (guint i = 0; i < n; i++)
      g_assert_nonnull (items[i].district);
  }
}

/* The synthetic system's writer reports on stdout, which is the TAP stream here: as a
 * comment. (g_test_message would print through this handler again.) */
static void
print_as_comment (const char *string)
{
  fputs ("# ", stdout);
  fputs (string, stdout);
}

/* A generated system (the benchmarks') on a slide, with its site symbols and without: the
 * layout completes, keeps the rules, names what it can and says what it dropped. */
static void
check_generated (AtlasDataset *dataset,
                 const char   *name,
                 guint         min_named_without_sites)
{
  AtlasLabelBox obstacles[4];
  guint n_obstacles = make_obstacles (1920, 1080, obstacles), n_districts;
  AtlasView view;

  atlas_dataset_get_districts (dataset, &n_districts);
  atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), 1920, 1080, 28);
  for (int sites = 1; sites >= 0; sites--)
    {
      g_autoptr(AtlasLabelLayout) layout = NULL;
      g_autofree gboolean *seen = find_seen (&view, dataset);
      g_autofree guint *said = g_new0 (guint, n_districts);
      g_autofree char *render = g_strdup_printf ("labels-%s%s-1920x1080", name,
                                                 sites ? "" : "-no-sites");
      AtlasCartographyOptions options;
      const AtlasLabelItem *items, *dropped;
      guint n, n_dropped, named = 0, dropped_districts = 0, n_seen = 0;

      atlas_cartography_options_init (&options);
      options.sites = sites;
      layout = atlas_label_layout_new (&view, dataset, &options, obstacles, n_obstacles);
      save_render (render, &view, dataset, &options, layout, obstacles, n_obstacles);
      check_rules (&view, layout, obstacles, n_obstacles);
      items = atlas_label_layout_get_items (layout, &n);
      dropped = atlas_label_layout_get_dropped (layout, &n_dropped);
      for (guint i = 0; i < n; i++)
        if (items[i].district != NULL)
          named++, said[items[i].district->index]++;
      for (guint i = 0; i < n_dropped; i++)
        if (dropped[i].district != NULL)
          dropped_districts++, said[dropped[i].district->index]++;
      /* Every district seen is either named or said to be dropped; none of them twice. */
      for (guint d = 0; d < n_districts; d++)
        {
          g_assert_cmpuint (said[d], <=, 1);
          if (seen[d])
            g_assert_cmpuint (said[d], ==, 1);
          n_seen += seen[d];
        }
      g_test_message ("%s, sites %s: %u seen, %u named, %u dropped", name,
                      sites ? "on" : "off", n_seen, named, dropped_districts);
      g_assert_cmpuint (named, >, sites ? 0 : min_named_without_sites);
    }
}

static void
remove_generated (const char *folder,
                  const char *dataset_path,
                  const char *boundary_name)
{
  g_autofree char *boundary = g_build_filename (folder, boundary_name, NULL);

  g_unlink (dataset_path);
  g_unlink (boundary);
  g_rmdir (folder);
}

/* 1,000 districts and 5,000 sites cut from the GB boundaries (the synthetic system). */
static void
test_thousand (void)
{
  g_autofree char *topo = g_test_build_filename (G_TEST_DIST, "..", "data", "basemap",
                                                 "gb-lad-2013.topo.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("atlas-labels-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  guint n_districts;

  g_assert_no_error (error);
  {
    GPrintFunc print = g_set_print_handler (print_as_comment);

    path = bench_synthetic_write (topo, folder, 1000, 5000, 20240601, &error);
    g_set_print_handler (print);
  }
  g_assert_no_error (error);
  dataset = atlas_dataset_load (path, &error);
  g_assert_no_error (error);
  remove_generated (folder, path, "synthetic-districts.geojson");

  atlas_dataset_get_districts (dataset, &n_districts);
  g_assert_cmpuint (n_districts, ==, 1000);
  check_generated (dataset, "synthetic", 100);
}

/* Every GB district, whole, with a partnership per county or region and a site each (the
 * national system): the loader takes all of them, each site inside its own district. */
static void
test_national (void)
{
  g_autofree char *topo = g_test_build_filename (G_TEST_DIST, "..", "data", "basemap",
                                                 "gb-lad-2013.topo.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("atlas-labels-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GString) groups = g_string_new (NULL);
  const AtlasDistrict *districts;
  const AtlasSite *sites;
  guint n_districts, n_sites, n_partnerships;

  g_assert_no_error (error);
  {
    GPrintFunc print = g_set_print_handler (print_as_comment);

    path = bench_national_write (topo, folder, groups, &error);
    g_set_print_handler (print);
  }
  g_assert_no_error (error);
  dataset = atlas_dataset_load (path, &error);
  g_assert_no_error (error);
  remove_generated (folder, path, "national-districts.geojson");

  districts = atlas_dataset_get_districts (dataset, &n_districts);
  sites = atlas_dataset_get_sites (dataset, &n_sites);
  atlas_dataset_get_partnerships (dataset, &n_partnerships);
  g_assert_cmpuint (n_districts, ==, 380);
  g_assert_cmpuint (n_sites, ==, n_districts);
  g_assert_cmpuint (n_partnerships, ==, 44);
  for (guint i = 0; i < n_districts; i++)
    {
      g_assert_nonnull (districts[i].partnership);
      g_assert_true (sites[i].district == &districts[i]);
      g_assert_true (atlas_shape_contains (districts[i].shape, sites[i].lon, sites[i].lat));
    }
  /* The grouping by codes: a county's ten districts, the six metropolitan counties whole. */
  g_assert_nonnull (strstr (groups->str, "County 26 (10): Broxbourne, Dacorum, Hertsmere"));
  g_assert_nonnull (strstr (groups->str, "Metropolitan county 00CH (5): Newcastle upon Tyne, "
                                         "North Tyneside, South Tyneside, Sunderland, Gateshead"));
  g_assert_nonnull (strstr (groups->str, "London boroughs (33):"));
  check_generated (dataset, "national", 100);
}

/* A caller's square around each symbol (the map widget keeps one) is the symbol's room:
 * names keep off it, and the hospitals are still named, beside it or with a leader to it. */
static void
check_symbol_room (const Case *c)
{
  g_autoptr(AtlasDataset) dataset = load (c->system);
  g_autoptr(AtlasLabelLayout) layout = NULL;
  g_autoptr(GArray) rooms = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  AtlasCartographyOptions options;
  const AtlasLabelItem *items;
  const AtlasSite *sites;
  AtlasView view;
  guint n_sites, n;

  atlas_cartography_options_init (&options);
  options.site_size = 11;
  atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), c->width, c->height, 28);
  sites = atlas_dataset_get_sites (dataset, &n_sites);
  for (guint i = 0; i < n_sites; i++)
    {
      AtlasLabelBox room;
      double wx, wy, x, y;

      atlas_project (sites[i].lon, sites[i].lat, &wx, &wy);
      atlas_view_world_to_surface (&view, wx, wy, &x, &y);
      room = (AtlasLabelBox) { x - 11, y - 11, 22, 22 };
      g_array_append_val (rooms, room);
    }
  layout = atlas_label_layout_new (&view, dataset, &options, (AtlasLabelBox *) rooms->data,
                                   rooms->len);
  check_acute_named (dataset, layout);
  check_districts_named (&view, dataset, layout);
  items = atlas_label_layout_get_items (layout, &n);
  for (guint i = 0; i < n; i++)
    {
      /* Symbols keep their own size in the layout. */
      if (items[i].kind == ATLAS_LABEL_SITE_SYMBOL)
        g_assert_cmpfloat (items[i].box.width, <, 22);
      else
        for (guint r = 0; r < rooms->len; r++)
          g_assert_false (boxes_overlap (&items[i].box, &g_array_index (rooms, AtlasLabelBox, r)));
    }
}

static void
test_symbol_room (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    check_symbol_room (&cases[c]);
}

/* Plain names are measured by shaping them alone; that must give the box a whole layout (what
 * is drawn) gives, on one line and on two. */
static void
test_measure_shortcut (void)
{
  static const char * const ids[] = { "hwe", "nel" };
  static const double sizes[] = { 13.333, 11.333, 27.5 };

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      g_autoptr(AtlasDataset) dataset = load (ids[k]);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const AtlasDistrict *districts;
      const AtlasSite *sites;
      guint n_d, n_s;

      districts = atlas_dataset_get_districts (dataset, &n_d);
      sites = atlas_dataset_get_sites (dataset, &n_s);
      for (guint i = 0; i < n_d; i++)
        g_ptr_array_add (names, g_strdup (districts[i].name));
      for (guint i = 0; i < n_s; i++)
        g_ptr_array_add (names, g_strdup (sites[i].name));
      for (guint i = 0, n = names->len; i < n; i++)
        {
          const char *space = strchr (names->pdata[i], ' ');

          if (space != NULL)
            g_ptr_array_add (names, g_strdelimit (g_strdup (names->pdata[i]), " ", '\n'));
        }
      for (guint i = 0; i < names->len; i++)
        for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
          for (int site = 0; site < 2; site++)
            {
              double w0, h0, w1, h1;

              _atlas_label_test_measure (names->pdata[i], site, sizes[z], FALSE, &w0, &h0);
              _atlas_label_test_measure (names->pdata[i], site, sizes[z], TRUE, &w1, &h1);
              g_assert_cmpfloat (w0, >, 0);
              g_assert_cmpfloat_with_epsilon (w1, w0, 0.01);
              g_assert_cmpfloat_with_epsilon (h1, h0, 0.01);
            }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Links the data resource (and its registration) from the static core library. */
  (void) atlas_data_get_resource ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/label-layout/framed/%s-%gx%g", cases[i].system,
                                               cases[i].width, cases[i].height);

      g_test_add_data_func (path, &cases[i], test_framed);
    }
  g_test_add_func ("/label-layout/selected-wins", test_selected_wins);
  g_test_add_func ("/label-layout/selection-kinds", test_selection_kinds);
  g_test_add_func ("/label-layout/zoomed", test_zoomed);
  g_test_add_func ("/label-layout/deterministic", test_deterministic);
  g_test_add_func ("/label-layout/report", test_report);
  g_test_add_func ("/label-layout/measure-shortcut", test_measure_shortcut);
  g_test_add_func ("/label-layout/symbol-room", test_symbol_room);
  g_test_add_func ("/label-layout/options-off", test_options_off);
  g_test_add_func ("/label-layout/thousand-districts", test_thousand);
  g_test_add_func ("/label-layout/national", test_national);

  return g_test_run ();
}
