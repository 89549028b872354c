/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-map-image.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "atlas-annotation-layout.h"
#include "atlas-basemap.h"
#include "atlas-cartography-private.h"

/* The attribution's box, in logical pixels, like the window's licence label. */
#define ATTRIBUTION_FONT    "Cantarell,DejaVu Sans 8"
#define ATTRIBUTION_PAD     4.0
#define ATTRIBUTION_ALPHA   0.8

/* The attribution's text wrapped to the map's width, and the size of its box. */
static PangoLayout *
create_attribution (cairo_t                    *cr,
                    const AtlasMapImageOptions *options,
                    int                        *width,
                    int                        *height)
{
  g_autofree char *text = atlas_map_image_get_attribution (options);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (ATTRIBUTION_FONT);
  double max_width = options->view.width - 2 * ATTRIBUTION_PAD;
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_get_pixel_size (layout, &w, &h);
  /* The wrap width is only a limit: keep the box as narrow as the text. */
  pango_layout_set_width (layout, (int) (MIN (w, MAX (max_width, 1)) * PANGO_SCALE) + 1);
  *width = w + 2 * ATTRIBUTION_PAD;
  *height = h + 2 * ATTRIBUTION_PAD;
  return layout;
}

/* Bottom-left, on a translucent box so it reads over any district, wrapped rather than cut
 * short when the map is narrow: the attribution is a licence condition. */
static void
draw_attribution (cairo_t                    *cr,
                  const AtlasMapImageOptions *options)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->carto.theme);
  int w, h;
  g_autoptr(PangoLayout) layout = create_attribution (cr, options, &w, &h);

  cairo_rectangle (cr, 0, options->view.height - h, w, h);
  _atlas_cartography_set_source_rgba (cr, palette->background, ATTRIBUTION_ALPHA);
  cairo_fill (cr);
  cairo_move_to (cr, ATTRIBUTION_PAD, options->view.height - h + ATTRIBUTION_PAD);
  _atlas_cartography_set_source_rgba (cr, palette->text, 1.0);
  pango_cairo_show_layout (cr, layout);
}

/* The names, kept off the attribution's box and the annotations. */
static void
draw_labels (cairo_t                     *cr,
             const AtlasMapImageOptions  *options,
             const AtlasAnnotationLayout *annotations)
{
  int w, h;
  g_autoptr(PangoLayout) layout = create_attribution (cr, options, &w, &h);
  double box[] = { 0, options->view.height - h, w, options->view.height };

  atlas_cartography_draw_labels_around (cr, &options->view, options->dataset, &options->carto,
                                        annotations, box, 1);
}

void
atlas_map_image_options_init (AtlasMapImageOptions *options,
                              AtlasDataset         *dataset,
                              const AtlasView      *view)
{
  g_return_if_fail (options != NULL && view != NULL);

  memset (options, 0, sizeof *options);
  options->dataset = dataset;
  options->view = *view;
  options->scale = 1.0;
  atlas_cartography_options_init (&options->carto);
  options->carto.labels = TRUE;
  options->carto.sites = TRUE;
}

char *
atlas_map_image_get_attribution (const AtlasMapImageOptions *options)
{
  const char *licence = options->attribution;
  GString *line = g_string_new (NULL);

  if (licence == NULL && options->dataset != NULL)
    licence = atlas_dataset_get_boundary_licence (options->dataset);
  if (licence == NULL)
    licence = atlas_basemap_get_attribution ();
  g_string_append (line, licence);
  if (options->online_map)
    g_string_append (line, " · © OpenStreetMap contributors");
  return g_string_free (line, FALSE);
}

void
atlas_map_image_render (cairo_t                    *cr,
                        const AtlasMapImageOptions *options)
{
  AtlasBasemap *basemap = atlas_basemap_get_default ();
  g_autoptr(AtlasAnnotationLayout) annotations = NULL;

  g_return_if_fail (cr != NULL && options != NULL);
  g_return_if_fail (ATLAS_IS_DATASET (options->dataset));

  cairo_save (cr);
  cairo_scale (cr, options->scale, options->scale);
  cairo_rectangle (cr, 0, 0, options->view.width, options->view.height);
  cairo_clip (cr);
  if (basemap != NULL)
    atlas_basemap_draw (basemap, cr, &options->view, (AtlasBasemapStyle) options->carto.theme);
  atlas_cartography_draw_districts (cr, &options->view, options->dataset, &options->carto);
  annotations = atlas_annotation_layout_new (cr, &options->view, options->dataset,
                                             &options->carto);
  if (options->carto.labels)
    draw_labels (cr, options, annotations);
  if (options->carto.sites)
    atlas_cartography_draw_sites (cr, &options->view, options->dataset, &options->carto);
  atlas_cartography_draw_points (cr, &options->view, options->dataset, &options->carto);
  atlas_cartography_draw_annotations (cr, annotations);
  draw_attribution (cr, options);
  cairo_restore (cr);
}

cairo_surface_t *
atlas_map_image_create_surface (const AtlasMapImageOptions *options)
{
  const AtlasCartographyPalette *palette;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (options != NULL, NULL);

  palette = atlas_cartography_get_palette (options->carto.theme);
  /* ARGB32 so that the pixels can become a texture as they are; painted opaque. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (options->view.width * options->scale),
                                        (int) ceil (options->view.height * options->scale));
  cr = cairo_create (surface);
  _atlas_cartography_set_source_rgba (cr, palette->background, 1.0);
  cairo_paint (cr);
  atlas_map_image_render (cr, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}
