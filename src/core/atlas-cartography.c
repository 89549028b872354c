/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-cartography-private.h"

#include <math.h>

#include "atlas-choropleth.h"
#include "atlas-point-layer.h"
#include <string.h>

#define SELECTED_TINT 0.45
#define HOVERED_TINT  0.22
#define DIMMED_MIX    0.70

static const AtlasCartographyPalette palettes[] = {
  [ATLAS_THEME_LIGHT] = {
    .background = 0xf6f5f4, .no_data = 0xd5d3cf, .border = 0xffffff, .text = 0x1f1f1f,
    .halo = 0xffffff, .muted_text = 0x5e5c64, .outline = 0x1f1f1f, .site = 0xbf121f,
    .site_edge = 0xffffff, .border_width = 1.2,
  },
  [ATLAS_THEME_DARK] = {
    .background = 0x242424, .no_data = 0x4a4a4a, .border = 0x1e1e1e, .text = 0xf6f5f4,
    .halo = 0x1e1e1e, .muted_text = 0xc0bfbc, .outline = 0xffffff, .site = 0xbf121f,
    .site_edge = 0xffffff, .border_width = 1.2,
  },
  [ATLAS_THEME_HIGH_CONTRAST] = {
    .background = 0xffffff, .no_data = 0xbdbdbd, .border = 0x000000, .text = 0x000000,
    .halo = 0xffffff, .muted_text = 0x000000, .outline = 0x000000, .site = 0xa51d2d,
    .site_edge = 0xffffff, .border_width = 2.0,
  },
};

/* ColorBrewer YlGnBu: sequential, colour-blind safe and readable in greyscale print. */
static const guint32 sequential_ramp[ATLAS_CARTOGRAPHY_MAX_CLASSES] = {
  0xffffcc, 0xa1dab4, 0x41b6c4, 0x2c7fb8, 0x253494,
};

static guint32
mix_colour (guint32 a,
            guint32 b,
            double  t)
{
  guint32 out = 0;

  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double ca = (a >> shift) & 0xff;
      double cb = (b >> shift) & 0xff;
      guint32 c = (guint32) CLAMP (lround (ca + (cb - ca) * t), 0, 255);

      out |= c << shift;
    }
  return out;
}

static AtlasTheme
clamp_theme (AtlasTheme theme)
{
  return theme <= ATLAS_THEME_HIGH_CONTRAST ? theme : ATLAS_THEME_LIGHT;
}

/* A vertex nearer the last one kept than this, in device units, is left out of a district's
 * path (the ring's last one always stays). At a national scale an outline has several vertices
 * to the pixel, which cairo's rasteriser pays for and no one can see: drawing every GB
 * district on a slide took 400 ms. Vector surfaces keep finer detail, since they are enlarged
 * when viewed or printed. */
#define PATH_TOLERANCE_RASTER 0.5
#define PATH_TOLERANCE_VECTOR 0.05

static double
get_path_tolerance (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  gboolean raster = cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE;
  double scale_x = 1, scale_y = 1, dx, dy = 0;

  /* In pixels of the surface, whatever its device scale (a window's at 2× has twice as many). */
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);
  dx = (raster ? PATH_TOLERANCE_RASTER : PATH_TOLERANCE_VECTOR) / MAX (MAX (scale_x, scale_y), 1);
  cairo_device_to_user_distance (cr, &dx, &dy);
  return hypot (dx, dy);
}

static void
append_shape_path (cairo_t          *cr,
                   const AtlasView  *view,
                   const AtlasShape *shape,
                   double            tolerance)
{
  for (guint r = 0; r < shape->n_rings; r++)
    {
      guint start = shape->ring_start[r];
      guint end = shape->ring_start[r + 1];
      double last_x = 0, last_y = 0;

      for (guint i = start; i < end; i++)
        {
          double x, y;

          atlas_view_world_to_surface (view, shape->projected[i].x, shape->projected[i].y,
                                       &x, &y);
          if (i == start)
            cairo_move_to (cr, x, y);
          else if (i + 1 == end || fabs (x - last_x) >= tolerance
                   || fabs (y - last_y) >= tolerance)
            cairo_line_to (cr, x, y);
          else
            continue;
          last_x = x;
          last_y = y;
        }
      cairo_close_path (cr);
    }
}

/* A thick line around the outside of a group of districts: the stroke is clipped to what lies
 * outside all of them, so it traces their union and leaves their shared borders alone. */
static void
stroke_union_outline (cairo_t                 *cr,
                      const AtlasView         *view,
                      const AtlasDistrict    **districts,
                      guint                    n_districts,
                      guint32                  colour,
                      double                   width)
{
  double tolerance = get_path_tolerance (cr);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, -width, -width, view->width + 2 * width, view->height + 2 * width);
  for (guint i = 0; i < n_districts; i++)
    append_shape_path (cr, view, districts[i]->shape, tolerance);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);

  cairo_new_path (cr);
  for (guint i = 0; i < n_districts; i++)
    if (_atlas_cartography_shape_visible (districts[i]->shape, view, width))
      append_shape_path (cr, view, districts[i]->shape, tolerance);
  _atlas_cartography_set_source_rgb (cr, colour);
  cairo_set_line_width (cr, 2 * width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
stroke_selected (cairo_t                       *cr,
                 const AtlasView               *view,
                 const AtlasDistrict           *district,
                 const AtlasCartographyPalette *palette)
{
  cairo_save (cr);
  cairo_new_path (cr);
  append_shape_path (cr, view, district->shape, get_path_tolerance (cr));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _atlas_cartography_set_source_rgb (cr, palette->halo);
  cairo_set_line_width (cr, 5.0);
  cairo_stroke_preserve (cr);
  _atlas_cartography_set_source_rgb (cr, palette->outline);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

void
atlas_cartography_options_init (AtlasCartographyOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->theme = ATLAS_THEME_LIGHT;
  options->labels = TRUE;
  options->sites = TRUE;
  options->site_size = 11.0;
  options->site_labels = TRUE;
}

void
atlas_cartography_options_set_selection (AtlasCartographyOptions *options,
                                         AtlasSelectionKind       kind,
                                         gconstpointer            record)
{
  g_return_if_fail (options != NULL);

  options->selection_kind = record != NULL ? kind : ATLAS_SELECTION_NONE;
  options->selection = record;
  options->selected = NULL;
  options->highlighted = NULL;
  options->update = NULL;
  options->trust = NULL;
  options->site = NULL;
  if (record == NULL)
    return;

  switch (kind)
    {
    case ATLAS_SELECTION_DISTRICT:
      options->selected = record;
      break;
    case ATLAS_SELECTION_PARTNERSHIP:
      options->highlighted = record;
      break;
    case ATLAS_SELECTION_TRUST:
      options->trust = record;
      break;
    case ATLAS_SELECTION_SITE:
      options->site = record;
      options->selected = options->site->district;
      break;
    case ATLAS_SELECTION_UPDATE:
      options->update = record;
      break;
    case ATLAS_SELECTION_NONE:
    case ATLAS_SELECTION_PRIORITY:
    default:
      break;
    }
}

GPtrArray *
atlas_cartography_options_hold (const AtlasCartographyOptions *options)
{
  GPtrArray *held = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (options != NULL, held);

  if (options->choropleth != NULL)
    g_ptr_array_add (held, g_object_ref (options->choropleth));
  for (guint i = 0; i < options->n_point_layers; i++)
    g_ptr_array_add (held, g_object_ref (options->point_layers[i]));
  /* An annotation set is not an object: a plain one carries the reference, so that one array
   * and one way to free it hold everything. */
  if (options->annotations != NULL)
    {
      GObject *keeper = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data_full (keeper, "atlas-annotations",
                              atlas_annotation_set_ref ((AtlasAnnotationSet *) options->annotations),
                              (GDestroyNotify) atlas_annotation_set_unref);
      g_ptr_array_add (held, keeper);
    }
  return held;
}

const AtlasCartographyPalette *
atlas_cartography_get_palette (AtlasTheme theme)
{
  return &palettes[clamp_theme (theme)];
}

gboolean
atlas_cartography_partnership_has (const AtlasPartnership *partnership,
                                   const AtlasDistrict    *district)
{
  g_return_val_if_fail (partnership != NULL, FALSE);

  for (guint i = 0; i < partnership->n_districts; i++)
    if (partnership->districts[i] == district)
      return TRUE;
  return FALSE;
}

static gboolean
update_names (const AtlasUpdate   *update,
              const AtlasDistrict *district)
{
  for (guint i = 0; i < update->n_districts; i++)
    if (update->districts[i] == district)
      return TRUE;
  return FALSE;
}

guint
atlas_cartography_indicator_classes (const AtlasIndicator  *indicator,
                                     AtlasCartographyClass *classes)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  g_autoptr(GArray) distinct = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  g_return_val_if_fail (indicator != NULL, 0);
  g_return_val_if_fail (classes != NULL, 0);

  for (guint i = 0; i < indicator->n_values; i++)
    {
      double v = indicator->values[i].value;
      gboolean seen = FALSE;

      for (guint j = 0; j < distinct->len && !seen; j++)
        seen = g_array_index (distinct, double, j) == v;
      if (!seen)
        g_array_append_val (distinct, v);
      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }

  g_array_sort (distinct, compare_doubles);
  n = MIN (distinct->len, ATLAS_CARTOGRAPHY_MAX_CLASSES);
  for (guint c = 0; c < n; c++)
    {
      /* Spread the ramp's ends over however many classes there are. */
      guint ramp = n == 1 ? ATLAS_CARTOGRAPHY_MAX_CLASSES / 2
                          : (c * (ATLAS_CARTOGRAPHY_MAX_CLASSES - 1) + (n - 1) / 2) / (n - 1);

      if (distinct->len <= ATLAS_CARTOGRAPHY_MAX_CLASSES)
        {
          /* Few figures: one class each, so the legend shows the figures themselves. */
          classes[c].lower = classes[c].upper = g_array_index (distinct, double, c);
        }
      else if (isfinite (hi - lo))
        {
          classes[c].lower = lo + (hi - lo) * c / n;
          classes[c].upper = lo + (hi - lo) * (c + 1) / n;
        }
      else
        {
          /* Figures of both signs near ±1e308: the width overflows; weighted means do not. */
          classes[c].lower = lo / n * (n - c) + hi / n * c;
          classes[c].upper = lo / n * (n - c - 1) + hi / n * (c + 1);
        }
      classes[c].colour = sequential_ramp[ramp];
    }
  return n;
}

guint
atlas_cartography_indicator_class_of (const AtlasCartographyClass *classes,
                                      guint                        n_classes,
                                      double                       value)
{
  g_return_val_if_fail (n_classes > 0, 0);

  for (guint c = 0; c + 1 < n_classes; c++)
    if (value <= classes[c].upper)
      return c;
  return n_classes - 1;
}

guint32
atlas_cartography_district_fill (AtlasDataset                  *dataset,
                                 const AtlasDistrict           *district,
                                 const AtlasCartographyOptions *options)
{
  const AtlasCartographyPalette *palette;
  guint32 fill;

  g_return_val_if_fail (district != NULL, 0);
  g_return_val_if_fail (options != NULL, 0);

  palette = atlas_cartography_get_palette (options->theme);
  fill = palette->no_data;

  if (options->choropleth != NULL)
    fill = atlas_choropleth_get_fill (options->choropleth, district, options->theme);
  else if (district->partnership != NULL && dataset != NULL)
    fill = atlas_dataset_get_partnership_colour (dataset, district->partnership);

  if ((options->highlighted != NULL
       && !atlas_cartography_partnership_has (options->highlighted, district))
      || (options->update != NULL && !update_names (options->update, district)))
    fill = mix_colour (fill, palette->background, DIMMED_MIX);

  if (district == options->selected)
    fill = mix_colour (fill, 0xffffff, SELECTED_TINT);
  else if (district == options->hovered)
    fill = mix_colour (fill, 0xffffff, HOVERED_TINT);

  return fill;
}

void
atlas_cartography_draw_districts (cairo_t                       *cr,
                                  const AtlasView               *view,
                                  AtlasDataset                  *dataset,
                                  const AtlasCartographyOptions *options)
{
  const AtlasCartographyPalette *palette;
  const AtlasDistrict *districts;
  guint n = 0;
  double tolerance;

  g_return_if_fail (cr != NULL && view != NULL && options != NULL);
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  palette = atlas_cartography_get_palette (options->theme);
  tolerance = get_path_tolerance (cr);
  districts = atlas_dataset_get_districts (dataset, &n);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, palette->border_width);

  for (guint i = 0; i < n; i++)
    {
      const AtlasDistrict *d = &districts[i];

      if (d->shape == NULL || !_atlas_cartography_shape_visible (d->shape, view, 8.0))
        continue;
      cairo_new_path (cr);
      append_shape_path (cr, view, d->shape, tolerance);
      _atlas_cartography_set_source_rgb (cr, atlas_cartography_district_fill (dataset, d, options));
      cairo_fill_preserve (cr);
      _atlas_cartography_set_source_rgb (cr, palette->border);
      cairo_stroke (cr);
    }

  if (options->highlighted != NULL && options->highlighted->n_districts > 0)
    stroke_union_outline (cr, view, options->highlighted->districts,
                          options->highlighted->n_districts, palette->outline,
                          options->highlighted->kind == ATLAS_PARTNERSHIP_THEMATIC ? 4.0 : 2.5);
  if (options->update != NULL && options->update->n_districts > 0)
    stroke_union_outline (cr, view, options->update->districts, options->update->n_districts,
                          palette->outline, 2.5);

  if (options->hovered != NULL && options->hovered != options->selected
      && options->hovered->shape != NULL)
    {
      cairo_new_path (cr);
      append_shape_path (cr, view, options->hovered->shape, tolerance);
      _atlas_cartography_set_source_rgba (cr, palette->outline, 0.6);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }

  if (options->selected != NULL && options->selected->shape != NULL)
    stroke_selected (cr, view, options->selected, palette);

  cairo_restore (cr);
}
