/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-private.h"

#include "atlas-point-layer.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define EARTH_CIRCUMFERENCE 40075016.686
#define BOX_PAD             14.0
#define SWATCH              18.0
#define ROW                 26.0
#define BOX_INSET           16.0
#define MIN_TEXT_WIDTH      260.0

PangoLayout *
_atlas_export_text (cairo_t    *cr,
                    const char *text,
                    const char *font,
                    double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static void
draw_box (cairo_t                       *cr,
          double                         x,
          double                         y,
          double                         w,
          double                         h,
          const AtlasCartographyPalette *palette)
{
  double r = 6.0;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  _atlas_cartography_set_source_rgba (cr, palette->background, 0.94);
  cairo_fill_preserve (cr);
  _atlas_cartography_set_source_rgba (cr, palette->muted_text, 0.45);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

/* The key drawn here is the map state's own (atlas_legend_model_new), the same entries as the
 * window's legend. */
static AtlasLegendModel *
create_legend_model (const AtlasExportOptions *options)
{
  AtlasCartographyOptions carto = options->carto;

  carto.sites = (options->furniture & ATLAS_EXPORT_SITES) != 0;
  return atlas_legend_model_new (options->dataset, &carto);
}

static const char *
entry_font (const AtlasLegendEntry *entry)
{
  switch (entry->kind)
    {
    case ATLAS_LEGEND_TITLE:
      return ATLAS_EXPORT_FONT " Bold 12";
    case ATLAS_LEGEND_HEADING:
      return ATLAS_EXPORT_FONT " Bold 11";
    case ATLAS_LEGEND_NOTE:
    case ATLAS_LEGEND_CAPTION:
      return ATLAS_EXPORT_FONT " 10";
    case ATLAS_LEGEND_FILL:
    case ATLAS_LEGEND_OUTLINE:
    case ATLAS_LEGEND_SITE:
    default:
      return ATLAS_EXPORT_FONT " 11";
    }
}

static gboolean
entry_has_swatch (const AtlasLegendEntry *entry)
{
  return entry->kind == ATLAS_LEGEND_FILL || entry->kind == ATLAS_LEGEND_OUTLINE
         || entry->kind == ATLAS_LEGEND_SITE || entry->kind == ATLAS_LEGEND_POINT;
}

/* One entry's text, wrapped to the room beside its swatch, or for titles and notes to the
 * width of the widest entry with a swatch (text_width), so a long note makes the box taller
 * rather than wide. */
static PangoLayout *
entry_layout (cairo_t                *cr,
              const AtlasLegendEntry *entry,
              double                  max_text,
              double                  text_width)
{
  double width = entry_has_swatch (entry) ? max_text : text_width;

  return _atlas_export_text (cr, entry->text, entry_font (entry), width);
}

/* The width the legend's lines wrap at: that of its widest entry with a swatch (at most
 * max_text beside the swatch), and never narrower than MIN_TEXT_WIDTH. */
static double
measure_text_width (cairo_t          *cr,
                    AtlasLegendModel *model,
                    double            max_text)
{
  double width = MIN_TEXT_WIDTH;

  for (guint i = 0; i < atlas_legend_model_get_n_entries (model); i++)
    {
      const AtlasLegendEntry *e = atlas_legend_model_get_entry (model, i);
      g_autoptr(PangoLayout) pl = NULL;
      int tw;

      if (!entry_has_swatch (e))
        continue;
      pl = entry_layout (cr, e, max_text, max_text);
      pango_layout_get_pixel_size (pl, &tw, NULL);
      width = MAX (width, SWATCH + 10 + tw);
    }
  return width;
}

static double
entry_height (const AtlasLegendEntry *entry,
              int                     text_height)
{
  if (entry_has_swatch (entry))
    return MAX (ROW, text_height + 8);
  return text_height + (entry->kind == ATLAS_LEGEND_TITLE || entry->kind == ATLAS_LEGEND_HEADING
                        ? 8 : 4);
}

static void
measure_legend (cairo_t          *cr,
                AtlasLegendModel *model,
                double            map_width,
                double           *width,
                double           *height)
{
  double max_text = map_width * 0.4;
  double text_width = measure_text_width (cr, model, max_text);
  guint n = atlas_legend_model_get_n_entries (model);

  *width = 0;
  *height = 2 * BOX_PAD;
  for (guint i = 0; i < n; i++)
    {
      const AtlasLegendEntry *e = atlas_legend_model_get_entry (model, i);
      g_autoptr(PangoLayout) pl = entry_layout (cr, e, max_text, text_width);
      int tw, th;

      pango_layout_get_pixel_size (pl, &tw, &th);
      *width = MAX (*width, (entry_has_swatch (e) ? SWATCH + 10 : 0) + tw);
      *height += entry_height (e, th);
    }
  *width += 2 * BOX_PAD;
}

void
_atlas_export_measure_legend (const AtlasExportOptions *options,
                              double                    map_width,
                              double                   *width,
                              double                   *height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(AtlasLegendModel) model = create_legend_model (options);

  measure_legend (cr, model, map_width, width, height);
  *width += BOX_INSET;
  *height += BOX_INSET;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
draw_swatch (cairo_t                       *cr,
             const AtlasLegendEntry        *e,
             double                         sx,
             double                         sy,
             const AtlasExportOptions      *options,
             const AtlasCartographyPalette *palette)
{
  switch (e->kind)
    {
    case ATLAS_LEGEND_FILL:
      cairo_rectangle (cr, sx, sy, SWATCH, SWATCH);
      _atlas_cartography_set_source_rgba (cr, e->colour, 1.0);
      cairo_fill_preserve (cr);
      _atlas_cartography_set_source_rgba (cr, palette->muted_text, 0.6);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      break;
    case ATLAS_LEGEND_OUTLINE:
      cairo_rectangle (cr, sx + 2, sy + 2, SWATCH - 4, SWATCH - 4);
      _atlas_cartography_set_source_rgba (cr, e->colour, 1.0);
      cairo_set_line_width (cr, 4.0);
      cairo_stroke (cr);
      break;
    case ATLAS_LEGEND_SITE:
      atlas_cartography_draw_site_symbol (cr, e->site_kind, sx + SWATCH / 2, sy + SWATCH / 2,
                                          12.0, options->carto.theme);
      break;
    case ATLAS_LEGEND_POINT:
      atlas_cartography_draw_point_symbol (cr, e->point_shape, e->colour, sx + SWATCH / 2,
                                           sy + SWATCH / 2, 12.0, options->carto.theme);
      break;
    default:
      break;
    }
}

void
_atlas_export_draw_legend (cairo_t                  *cr,
                           const AtlasExportOptions *options,
                           const AtlasExportLayout  *layout)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->carto.theme);
  g_autoptr(AtlasLegendModel) model = create_legend_model (options);
  double max_text = layout->map_width * 0.4, w, h, x, y;
  double text_width = measure_text_width (cr, model, max_text);
  guint n = atlas_legend_model_get_n_entries (model);

  measure_legend (cr, model, layout->map_width, &w, &h);
  x = layout->map_x + BOX_INSET;
  y = layout->map_y + layout->map_height - BOX_INSET - h;
  draw_box (cr, x, y, w, h, palette);
  _atlas_export_report (options, layout, "legend-box", "", x, y, w, h);
  y += BOX_PAD;

  for (guint i = 0; i < n; i++)
    {
      const AtlasLegendEntry *e = atlas_legend_model_get_entry (model, i);
      g_autoptr(PangoLayout) pl = entry_layout (cr, e, max_text, text_width);
      double tx = x + BOX_PAD + (entry_has_swatch (e) ? SWATCH + 10 : 0), row, ty;
      int tw, th;

      pango_layout_get_pixel_size (pl, &tw, &th);
      row = entry_height (e, th);
      ty = entry_has_swatch (e) ? y + (row - th) / 2 : y;
      if (entry_has_swatch (e))
        draw_swatch (cr, e, x + BOX_PAD, y + (row - SWATCH) / 2, options, palette);
      cairo_move_to (cr, tx, ty);
      _atlas_cartography_set_source_rgba (cr, e->kind == ATLAS_LEGEND_NOTE
                                              || e->kind == ATLAS_LEGEND_CAPTION
                                              ? palette->muted_text : palette->text, 1.0);
      pango_cairo_show_layout (cr, pl);
      _atlas_export_report (options, layout, "legend", e->text, x + BOX_PAD, y,
                            tx + tw - (x + BOX_PAD), row);
      y += row;
    }
}

/* The longest 1, 2 or 5 × 10^n kilometres (or metres) that fits in max_metres. */
static double
nice_length (double max_metres)
{
  double p = pow (10.0, floor (log10 (max_metres)));

  if (5 * p <= max_metres)
    return 5 * p;
  if (2 * p <= max_metres)
    return 2 * p;
  return p;
}

void
_atlas_export_draw_scale_bar (cairo_t                  *cr,
                              const AtlasExportOptions *options,
                              const AtlasExportLayout  *layout)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->carto.theme);
  const AtlasView *v = &layout->view;
  double lon, lat, metres_per_unit, metres, bar, x, y;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) pl = NULL;
  int tw, th;

  /* Web Mercator stretches distances by 1 / cos (latitude): measure at the map's centre. */
  atlas_unproject (v->origin_x + v->width / 2 / v->scale, v->origin_y + v->height / 2 / v->scale,
                   &lon, &lat);
  metres_per_unit = EARTH_CIRCUMFERENCE * cos (lat * G_PI / 180.0) / v->scale;
  metres = nice_length (layout->map_width * 0.18 * metres_per_unit);
  bar = metres / metres_per_unit;
  text = metres >= 1000 ? g_strdup_printf ("%g km", metres / 1000) : g_strdup_printf ("%g m", metres);

  pl = _atlas_export_text (cr, text, ATLAS_EXPORT_FONT " 11", -1);
  pango_layout_get_pixel_size (pl, &tw, &th);
  x = layout->map_x + layout->map_width - BOX_INSET - BOX_PAD - bar;
  y = layout->map_y + layout->map_height - BOX_INSET - BOX_PAD - 8;
  draw_box (cr, x - BOX_PAD, y - th - 6 - BOX_PAD + 2, bar + 2 * BOX_PAD,
            th + 6 + 8 + 2 * BOX_PAD - 2, palette);
  _atlas_export_report (options, layout, "scale-bar", text, x - BOX_PAD,
                        y - th - 6 - BOX_PAD + 2, bar + 2 * BOX_PAD,
                        th + 6 + 8 + 2 * BOX_PAD - 2);

  for (int i = 0; i < 4; i++)
    {
      cairo_rectangle (cr, x + i * bar / 4, y, bar / 4, 8);
      _atlas_cartography_set_source_rgba (cr, i % 2 ? palette->background : palette->text, 1.0);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x, y, bar, 8);
  _atlas_cartography_set_source_rgba (cr, palette->text, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  cairo_move_to (cr, x + bar - tw, y - th - 4);
  pango_cairo_show_layout (cr, pl);
  g_clear_object (&pl);
  pl = _atlas_export_text (cr, "0", ATLAS_EXPORT_FONT " 11", -1);
  cairo_move_to (cr, x, y - th - 4);
  pango_cairo_show_layout (cr, pl);
}

void
_atlas_export_draw_north_arrow (cairo_t                  *cr,
                                const AtlasExportOptions *options,
                                const AtlasExportLayout  *layout)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->carto.theme);
  g_autoptr(PangoLayout) pl = _atlas_export_text (cr, "N", ATLAS_EXPORT_FONT " Bold 14", -1);
  double cx = layout->map_x + layout->map_width - BOX_INSET - 30;
  double top = layout->map_y + BOX_INSET;
  int tw, th;

  pango_layout_get_pixel_size (pl, &tw, &th);
  draw_box (cr, cx - 30, top, 60, 88, palette);
  _atlas_export_report (options, layout, "north-arrow", "N", cx - 30, top, 60, 88);
  _atlas_cartography_set_source_rgba (cr, palette->text, 1.0);
  cairo_move_to (cr, cx - tw / 2.0, top + 6);
  pango_cairo_show_layout (cr, pl);

  /* A two-tone arrow: the left half dark, the right half outlined. */
  top += th + 10;
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx - 13, top + 48);
  cairo_line_to (cr, cx, top + 38);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx + 13, top + 48);
  cairo_line_to (cr, cx, top + 38);
  cairo_close_path (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}
