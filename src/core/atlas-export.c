/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-private.h"

#include "atlas-annotation-layout.h"
#include "atlas-basemap.h"
#include "atlas-choropleth.h"
#include "atlas-framing.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define PAD            ATLAS_EXPORT_PAD
#define CAPTION_WIDTH  500.0
#define MAP_MARGIN     28.0
#define CONTEXT_FACTOR 0.35   /* how much of the surroundings a selection framing shows */
#define PAPER_DESIGN_WIDTH  1280.0
#define PAPER_DESIGN_HEIGHT 905.0

G_DEFINE_QUARK (atlas-export-error-quark, atlas_export_error)

static void
get_selection_bbox (const AtlasExportOptions *options,
                    AtlasBBox                *bbox)
{
  atlas_selection_record_get_bbox (options->dataset, options->carto.selection_kind,
                                   options->carto.selection, bbox);
}

static void
get_frame_bbox (const AtlasExportOptions *options,
                AtlasBBox                *bbox)
{
  switch (options->framing)
    {
    case ATLAS_EXPORT_FRAME_BBOX:
      *bbox = options->bbox;
      break;
    case ATLAS_EXPORT_FRAME_SELECTION:
      get_selection_bbox (options, bbox);
      if (!atlas_bbox_is_empty (bbox))
        {
          double dx = (bbox->max_x - bbox->min_x) * CONTEXT_FACTOR;
          double dy = (bbox->max_y - bbox->min_y) * CONTEXT_FACTOR;

          bbox->min_x -= dx;
          bbox->max_x += dx;
          bbox->min_y -= dy;
          bbox->max_y += dy;
          break;
        }
      G_GNUC_FALLTHROUGH;
    case ATLAS_EXPORT_FRAME_SYSTEM:
    default:
      *bbox = *atlas_dataset_get_bbox (options->dataset);
      break;
    }
}

/* Frames the map on what it is about, clear of the furniture over it (legend, scale bar, north
 * arrow): into the largest part of the map they leave free. What the window shows ("Current
 * View") is framed as it is, furniture or not: it is not a subject but a view. */
static void
frame_map (const AtlasExportOptions *options,
           AtlasExportLayout        *layout)
{
  AtlasLabelBox covers[ATLAS_EXPORT_MAX_COVERS];
  AtlasBBox frame;
  cairo_t *cr;
  guint n;

  get_frame_bbox (options, &frame);
  if (options->framing == ATLAS_EXPORT_FRAME_BBOX)
    {
      atlas_view_init_framing (&layout->view, &frame, layout->map_width, layout->map_height,
                               MAP_MARGIN);
      return;
    }
  cr = _atlas_export_create_measuring_context ();
  n = _atlas_export_get_covers (cr, options, layout->map_width, layout->map_height, NULL, covers);
  cairo_destroy (cr);
  atlas_view_init_framing_clear (&layout->view, &frame, layout->map_width, layout->map_height,
                                 MAP_MARGIN, covers, n, NULL);
}

/* Behind the districts: the offline base map's land and sea. */
static void
draw_map_background (cairo_t                  *cr,
                     const AtlasExportOptions *options,
                     const AtlasExportLayout  *layout)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->carto.theme);
  AtlasBasemap *basemap = NULL;

  if (options->furniture & ATLAS_EXPORT_BASEMAP)
    basemap = atlas_basemap_get_default ();
  if (basemap != NULL)
    {
      atlas_basemap_draw (basemap, cr, &layout->view, (AtlasBasemapStyle) options->carto.theme);
      return;
    }
  _atlas_cartography_set_source_rgba (cr, palette->background, 1.0);
  cairo_paint (cr);
}

/* One --report-layout line per annotation label (or text box), in the map frame. */
static void
report_annotations (const AtlasExportOptions    *options,
                    const AtlasExportLayout     *layout,
                    const AtlasAnnotationLayout *annotations)
{
  guint n = atlas_annotation_layout_get_n (annotations);

  for (guint i = 0; options->report != NULL && i < n; i++)
    {
      const AtlasAnnotationPlace *place = atlas_annotation_layout_get (annotations, i);
      const AtlasAnnotationBox *box = place->has_label ? &place->label : &place->symbol;

      _atlas_export_report (options, layout, "annotation", place->annotation->label,
                            layout->map_x + box->x0, layout->map_y + box->y0, box->x1 - box->x0,
                            box->y1 - box->y0);
    }
}

static void
draw_map (cairo_t                  *cr,
          const AtlasExportOptions *options,
          const AtlasExportLayout  *layout)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->carto.theme);
  AtlasCartographyOptions carto = options->carto;
  g_autoptr(AtlasAnnotationLayout) annotations = NULL;

  carto.labels = (options->furniture & ATLAS_EXPORT_LABELS) != 0;
  carto.sites = (options->furniture & ATLAS_EXPORT_SITES) != 0;

  cairo_save (cr);
  cairo_translate (cr, layout->map_x, layout->map_y);
  cairo_rectangle (cr, 0, 0, layout->map_width, layout->map_height);
  cairo_clip (cr);

  draw_map_background (cr, options, layout);
  atlas_cartography_draw_districts (cr, &layout->view, options->dataset, &carto);
  annotations = atlas_annotation_layout_new (cr, &layout->view, options->dataset, &carto);
  if (carto.labels)
    _atlas_export_draw_names (cr, options, layout, &carto, annotations);
  atlas_cartography_draw_sites (cr, &layout->view, options->dataset, &carto);
  atlas_cartography_draw_points (cr, &layout->view, options->dataset, &carto);
  atlas_cartography_draw_annotations (cr, annotations);
  cairo_restore (cr);
  report_annotations (options, layout, annotations);

  cairo_rectangle (cr, layout->map_x, layout->map_y, layout->map_width, layout->map_height);
  _atlas_cartography_set_source_rgba (cr, palette->muted_text, 0.5);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  _atlas_export_report (options, layout, "map-frame", "", layout->map_x, layout->map_y,
                        layout->map_width, layout->map_height);
}

void
_atlas_export_report (const AtlasExportOptions *options,
                      const AtlasExportLayout  *layout,
                      const char               *kind,
                      const char               *text,
                      double                    x,
                      double                    y,
                      double                    width,
                      double                    height)
{
  AtlasExportItem *item;

  if (options->report == NULL)
    return;
  item = g_new0 (AtlasExportItem, 1);
  item->kind = g_strdup (kind);
  /* One line per element: breaks and tabs in the text become spaces. */
  item->text = g_strdelimit (g_strdup (text != NULL ? text : ""), "\t\n\r", ' ');
  item->x = x * layout->factor;
  item->y = y * layout->factor;
  item->width = width * layout->factor;
  item->height = height * layout->factor;
  g_ptr_array_add (options->report, item);
}

static void
export_item_free (gpointer data)
{
  AtlasExportItem *item = data;

  g_free (item->kind);
  g_free (item->text);
  g_free (item);
}

GPtrArray *
atlas_export_report_new (void)
{
  return g_ptr_array_new_with_free_func (export_item_free);
}

char *
atlas_export_report_format (GPtrArray *report)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);
  for (guint i = 0; i < report->len; i++)
    {
      const AtlasExportItem *item = g_ptr_array_index (report, i);

      g_string_append_printf (text, "%s\t%s\t%ld\t%ld\t%ld\t%ld\n", item->kind, item->text,
                              lround (item->x), lround (item->y), lround (item->width),
                              lround (item->height));
    }
  return g_string_free (text, FALSE);
}

void
atlas_export_options_init_from_state (AtlasExportOptions *options,
                                      AtlasMapState      *state)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (ATLAS_IS_MAP_STATE (state));

  atlas_export_options_init (options, atlas_map_state_get_dataset (state));
  atlas_map_state_get_cartography (state, &options->carto);
}

void
atlas_export_options_init (AtlasExportOptions *options,
                           AtlasDataset       *dataset)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->dataset = dataset;
  atlas_cartography_options_init (&options->carto);
  options->width = ATLAS_EXPORT_DESIGN_WIDTH;
  options->height = ATLAS_EXPORT_DESIGN_HEIGHT;
  options->furniture = ATLAS_EXPORT_FURNITURE_DEFAULT;
  options->framing = ATLAS_EXPORT_FRAME_SYSTEM;
}

gboolean
atlas_export_format_from_name (const char        *name,
                               AtlasExportFormat *format,
                               GError           **error)
{
  const AtlasExportFormatInfo *info;
  g_autofree char *suffixes = NULL;

  g_return_val_if_fail (name != NULL && format != NULL, FALSE);

  info = atlas_export_format_for_file (name);
  if (info != NULL)
    {
      *format = info->format;
      return TRUE;
    }
  suffixes = atlas_export_format_list_names (".");
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT,
               _("Cannot tell the file type of “%s”: the name must end in %s"), name, suffixes);
  return FALSE;
}

gboolean
atlas_export_parse_size (const char        *spec,
                         AtlasExportFormat  format,
                         double            *width,
                         double            *height,
                         GError           **error)
{
  /* Paper sizes in points, landscape unless named portrait; pixel sizes for vector formats
   * at 96 px per inch. */
  static const struct {
    const char *name;
    double px_w, px_h, paper_w, paper_h;
  } presets[] = {
    { "slide", 1920, 1080, 0, 0 },
    { "4k", 3840, 2160, 0, 0 },
    { "a4", 0, 0, 841.89, 595.28 },
    { "a3", 0, 0, 1190.55, 841.89 },
    { "a4-portrait", 0, 0, 595.28, 841.89 },
    { "a3-portrait", 0, 0, 841.89, 1190.55 },
  };
  double paper_w = 0, paper_h = 0, px_w = 0, px_h = 0;
  guint64 w, h;
  char *end;

  g_return_val_if_fail (spec != NULL && width != NULL && height != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_ascii_strcasecmp (spec, presets[i].name) == 0)
      {
        px_w = presets[i].px_w, px_h = presets[i].px_h;
        paper_w = presets[i].paper_w, paper_h = presets[i].paper_h;
      }

  if (paper_w > 0)
    {
      double k = atlas_export_format_get_info (format)->units_per_point;

      *width = round (paper_w * k);
      *height = round (paper_h * k);
      return TRUE;
    }
  if (px_w > 0)
    {
      double k = atlas_export_format_get_info (format)->units_per_pixel;

      *width = px_w * k;
      *height = px_h * k;
      return TRUE;
    }

  w = g_ascii_strtoull (spec, &end, 10);
  if (end != spec && (*end == 'x' || *end == 'X'))
    {
      const char *hs = end + 1;

      h = g_ascii_strtoull (hs, &end, 10);
      if (end != hs && *end == '\0' && w >= 16 && h >= 16 && w <= 16384 && h <= 16384)
        {
          *width = w;
          *height = h;
          return TRUE;
        }
    }
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT,
               _("Unknown size “%s”: use slide, 4k, a4, a3, a4-portrait, a3-portrait or "
                 "WIDTHxHEIGHT (16 to 16384)"), spec);
  return FALSE;
}

char *
atlas_export_get_default_title (const AtlasExportOptions *options)
{
  gconstpointer record;

  g_return_val_if_fail (options != NULL, NULL);

  record = options->carto.selection;
  switch (record != NULL ? options->carto.selection_kind : ATLAS_SELECTION_NONE)
    {
    case ATLAS_SELECTION_DISTRICT:
      {
        const AtlasDistrict *district = record;

        if (district->partnership != NULL)
          return g_strdup_printf ("%s — %s", district->name, district->partnership->name);
        return g_strdup (district->name);
      }
    case ATLAS_SELECTION_PARTNERSHIP:
      return g_strdup (((const AtlasPartnership *) record)->name);
    case ATLAS_SELECTION_TRUST:
      return g_strdup (((const AtlasTrust *) record)->name);
    case ATLAS_SELECTION_SITE:
      {
        const AtlasSite *site = record;

        return g_strdup_printf ("%s — %s", site->name, site->trust->name);
      }
    case ATLAS_SELECTION_PRIORITY:
      return g_strdup (((const AtlasPriority *) record)->title);
    case ATLAS_SELECTION_UPDATE:
      return g_strdup (((const AtlasUpdate *) record)->title);
    case ATLAS_SELECTION_NONE:
    default:
      return g_strdup (atlas_dataset_get_name (options->dataset));
    }
}

void
atlas_export_compute_layout (const AtlasExportOptions *options,
                             AtlasExportLayout        *layout)
{
  g_return_if_fail (options != NULL && layout != NULL);

  memset (layout, 0, sizeof *layout);
  /* Wide outputs are laid out like a 16:9 slide; squarer ones (paper) on a smaller canvas, so
   * that text on an A4 page stays readable. */
  if (options->width / options->height >= 1.6)
    layout->factor = MIN (options->width / ATLAS_EXPORT_DESIGN_WIDTH,
                          options->height / ATLAS_EXPORT_DESIGN_HEIGHT);
  else
    layout->factor = MIN (options->width / PAPER_DESIGN_WIDTH,
                          options->height / PAPER_DESIGN_HEIGHT);
  layout->width = options->width / layout->factor;
  layout->height = options->height / layout->factor;

  /* Above the map the title and subtitle, below it the attribution, each as tall as its
   * text needs. */
  _atlas_export_measure_text_bands (options, layout);
  layout->map_x = PAD;
  layout->map_y = layout->header_height + PAD * 0.5;
  layout->map_width = layout->width - 2 * PAD;
  layout->map_height = layout->height - layout->map_y - layout->footer_height;
  if (options->furniture & ATLAS_EXPORT_CAPTION)
    {
      layout->caption_width = options->panel_width > 0 ? options->panel_width : CAPTION_WIDTH;
      layout->map_width -= layout->caption_width + PAD * 0.75;
      layout->caption_x = layout->map_x + layout->map_width + PAD * 0.75;
    }

  frame_map (options, layout);
}

void
atlas_export_location_to_surface (const AtlasExportOptions *options,
                                  double                    lon,
                                  double                    lat,
                                  double                   *x,
                                  double                   *y)
{
  AtlasExportLayout layout;
  double wx, wy, vx, vy;

  atlas_export_compute_layout (options, &layout);
  atlas_project (lon, lat, &wx, &wy);
  atlas_view_world_to_surface (&layout.view, wx, wy, &vx, &vy);
  *x = (layout.map_x + vx) * layout.factor;
  *y = (layout.map_y + vy) * layout.factor;
}

void
atlas_export_render (cairo_t                  *cr,
                     const AtlasExportOptions *options)
{
  const AtlasCartographyPalette *palette;
  AtlasExportLayout layout;

  g_return_if_fail (cr != NULL && options != NULL);
  g_return_if_fail (ATLAS_IS_DATASET (options->dataset));

  palette = atlas_cartography_get_palette (options->carto.theme);
  atlas_export_compute_layout (options, &layout);

  cairo_save (cr);
  cairo_scale (cr, layout.factor, layout.factor);
  cairo_rectangle (cr, 0, 0, layout.width, layout.height);
  _atlas_cartography_set_source_rgba (cr, palette->background, 1.0);
  cairo_fill (cr);

  _atlas_export_draw_header (cr, options, &layout);
  draw_map (cr, options, &layout);
  if (options->furniture & ATLAS_EXPORT_LEGEND)
    _atlas_export_draw_legend (cr, options, &layout);
  if (options->furniture & ATLAS_EXPORT_SCALE_BAR)
    _atlas_export_draw_scale_bar (cr, options, &layout);
  if (options->furniture & ATLAS_EXPORT_NORTH_ARROW)
    _atlas_export_draw_north_arrow (cr, options, &layout);
  if (options->furniture & ATLAS_EXPORT_CAPTION)
    {
      if (options->draw_panel != NULL)
        options->draw_panel (cr, layout.caption_x, layout.map_y, layout.caption_width,
                             layout.map_height, options->panel_data);
      else
        _atlas_export_draw_caption (cr, options, layout.caption_x, layout.map_y,
                                    layout.caption_width, layout.map_height);
      _atlas_export_report (options, &layout, "caption", "", layout.caption_x, layout.map_y,
                            layout.caption_width, layout.map_height);
    }
  _atlas_export_draw_footer (cr, options, &layout);
  cairo_restore (cr);
}

void
_atlas_export_render_frame (cairo_t                  *cr,
                            const AtlasExportOptions *options,
                            AtlasExportLayout        *layout)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->carto.theme);

  atlas_export_compute_layout (options, layout);
  cairo_save (cr);
  cairo_scale (cr, layout->factor, layout->factor);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  _atlas_cartography_set_source_rgba (cr, palette->background, 1.0);
  cairo_fill (cr);
  _atlas_export_draw_header (cr, options, layout);
  _atlas_export_draw_footer (cr, options, layout);
  cairo_restore (cr);
}
