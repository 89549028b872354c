/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-private.h"
#include "atlas-figure.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define EARTH_CIRCUMFERENCE 40075016.686
#define BOX_PAD             14.0
#define SWATCH              18.0
#define ROW                 26.0
#define BOX_INSET           16.0

typedef enum {
  ENTRY_FILL,
  ENTRY_OUTLINE,
  ENTRY_SITE,
} EntryKind;

typedef struct {
  EntryKind kind;
  guint32 colour;
  AtlasSiteKind site;
  char *text;
  const char *short_text;  /* used instead when text is too long */
} LegendEntry;

static void
legend_entry_clear (gpointer data)
{
  g_free (((LegendEntry *) data)->text);
}

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
add_entry (GArray        *entries,
           EntryKind      kind,
           guint32        colour,
           AtlasSiteKind  site,
           char          *text)
{
  LegendEntry e = { kind, colour, site, text, NULL };

  g_array_append_val (entries, e);
}

static gboolean
indicator_leaves_gaps (AtlasDataset         *dataset,
                       const AtlasIndicator *indicator)
{
  guint n, covered = 0;

  atlas_dataset_get_districts (dataset, &n);
  for (guint v = 0; v < indicator->n_values; v++)
    covered += indicator->values[v].n_districts;
  return covered < n;
}

/* "20.1–22.3 %": a class's range, with the unit once. */
static char *
range_label (const AtlasIndicator *indicator,
             double                lower,
             double                upper)
{
  g_autofree char *from = atlas_figure_format (lower, 1, NULL);
  g_autofree char *to = atlas_figure_format (upper, 1, indicator->unit);

  return g_strconcat (from, "–", to, NULL);
}

/* "22.3 % (Essex)": a figure with the areas it is for. */
static char *
class_label (const AtlasIndicator *indicator,
             double                value)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint areas = 0;
  g_autofree char *figure = atlas_figure_format (value, 1, indicator->unit);

  g_string_assign (text, figure);
  for (guint v = 0; v < indicator->n_values; v++)
    if (indicator->values[v].value == value)
      g_string_append_printf (text, "%s%s", areas++ ? ", " : " (", indicator->values[v].area);
  if (areas > 0)
    g_string_append_c (text, ')');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
collect_entries (const AtlasExportOptions *options,
                 GArray                   *entries,
                 char                    **heading)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->theme);
  AtlasDataset *ds = options->dataset;
  gboolean has_kind[3] = { FALSE, FALSE, FALSE };
  const AtlasSite *sites;
  guint n;

  if (options->indicator != NULL)
    {
      const AtlasIndicator *ind = options->indicator;
      AtlasCartographyClass classes[ATLAS_CARTOGRAPHY_MAX_CLASSES];
      guint nc = atlas_cartography_indicator_classes (ind, classes);

      *heading = g_strdup_printf ("%s (%s)", ind->title, ind->period);
      for (guint c = 0; c < nc; c++)
        add_entry (entries, ENTRY_FILL, classes[c].colour, 0,
                   classes[c].lower == classes[c].upper
                   ? class_label (ind, classes[c].lower)
                   : range_label (ind, classes[c].lower, classes[c].upper));
      if (indicator_leaves_gaps (ds, ind))
        add_entry (entries, ENTRY_FILL, palette->no_data, 0, g_strdup (_("No figure")));
    }
  else
    {
      const AtlasPartnership *ps = atlas_dataset_get_partnerships (ds, &n);

      *heading = g_strdup (_("Health and care partnerships"));
      for (guint i = 0; i < n; i++)
        if (ps[i].kind == ATLAS_PARTNERSHIP_PLACE)
        {
          add_entry (entries, ENTRY_FILL, atlas_dataset_get_partnership_colour (ds, &ps[i]), 0,
                     g_strdup (ps[i].name));
          g_array_index (entries, LegendEntry, entries->len - 1).short_text = ps[i].short_name;
        }
    }

  if (options->partnership != NULL && options->partnership->kind == ATLAS_PARTNERSHIP_THEMATIC)
    {
      add_entry (entries, ENTRY_OUTLINE, palette->outline, 0,
                 g_strdup (options->partnership->name));
      g_array_index (entries, LegendEntry, entries->len - 1).short_text =
        options->partnership->short_name;
    }

  if (!(options->furniture & ATLAS_EXPORT_SITES))
    return;
  sites = atlas_dataset_get_sites (ds, &n);
  for (guint i = 0; i < n; i++)
    has_kind[MIN (sites[i].kind, ATLAS_SITE_OTHER)] = TRUE;
  if (has_kind[ATLAS_SITE_ACUTE])
    add_entry (entries, ENTRY_SITE, 0, ATLAS_SITE_ACUTE, g_strdup (_("Acute hospital")));
  if (has_kind[ATLAS_SITE_LOCAL])
    add_entry (entries, ENTRY_SITE, 0, ATLAS_SITE_LOCAL, g_strdup (_("Local hospital")));
  if (has_kind[ATLAS_SITE_OTHER])
    add_entry (entries, ENTRY_SITE, 0, ATLAS_SITE_OTHER, g_strdup (_("Other site")));
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

static void
measure_legend (cairo_t                  *cr,
                const AtlasExportOptions *options,
                double                    map_width,
                GArray                   *entries,
                PangoLayout             **head,
                double                   *width,
                double                   *height)
{
  g_autofree char *heading = NULL;
  double max_text = map_width * 0.4;
  int hw, hh;

  collect_entries (options, entries, &heading);
  *head = _atlas_export_text (cr, heading, ATLAS_EXPORT_FONT " Bold 12", max_text);
  pango_layout_get_pixel_size (*head, &hw, &hh);
  *width = hw;
  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *e = &g_array_index (entries, LegendEntry, i);
      g_autoptr(PangoLayout) pl = _atlas_export_text (cr, e->text, ATLAS_EXPORT_FONT " 11", -1);
      int tw;

      pango_layout_get_pixel_size (pl, &tw, NULL);
      if (tw > max_text && e->short_text != NULL)
        {
          g_free (e->text);
          e->text = g_strdup (e->short_text);
          pango_layout_set_text (pl, e->text, -1);
          pango_layout_get_pixel_size (pl, &tw, NULL);
        }
      *width = MAX (*width, SWATCH + 10 + MIN (tw, max_text));
    }
  *width += 2 * BOX_PAD;
  *height = 2 * BOX_PAD + hh + 8 + entries->len * ROW;
}

void
_atlas_export_measure_legend (const AtlasExportOptions *options,
                              double                    map_width,
                              double                   *width,
                              double                   *height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  g_autoptr(PangoLayout) head = NULL;

  g_array_set_clear_func (entries, legend_entry_clear);
  measure_legend (cr, options, map_width, entries, &head, width, height);
  *width += BOX_INSET;
  *height += BOX_INSET;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

void
_atlas_export_draw_legend (cairo_t                  *cr,
                           const AtlasExportOptions *options,
                           const AtlasExportLayout  *layout)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->theme);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  g_autoptr(PangoLayout) head = NULL;
  double max_text = layout->map_width * 0.4, w, h, x, y;
  int hh;

  g_array_set_clear_func (entries, legend_entry_clear);
  measure_legend (cr, options, layout->map_width, entries, &head, &w, &h);
  pango_layout_get_pixel_size (head, NULL, &hh);
  x = layout->map_x + BOX_INSET;
  y = layout->map_y + layout->map_height - BOX_INSET - h;
  draw_box (cr, x, y, w, h, palette);

  cairo_move_to (cr, x + BOX_PAD, y + BOX_PAD);
  _atlas_cartography_set_source_rgba (cr, palette->text, 1.0);
  pango_cairo_show_layout (cr, head);
  y += BOX_PAD + hh + 8;

  for (guint i = 0; i < entries->len; i++, y += ROW)
    {
      const LegendEntry *e = &g_array_index (entries, LegendEntry, i);
      g_autoptr(PangoLayout) pl = _atlas_export_text (cr, e->text, ATLAS_EXPORT_FONT " 11", -1);
      double sx = x + BOX_PAD, sy = y + (ROW - SWATCH) / 2;
      int th;

      pango_layout_set_width (pl, (int) (max_text * PANGO_SCALE));
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
      switch (e->kind)
        {
        case ENTRY_FILL:
          cairo_rectangle (cr, sx, sy, SWATCH, SWATCH);
          _atlas_cartography_set_source_rgba (cr, e->colour, 1.0);
          cairo_fill_preserve (cr);
          _atlas_cartography_set_source_rgba (cr, palette->muted_text, 0.6);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          break;
        case ENTRY_OUTLINE:
          cairo_rectangle (cr, sx + 2, sy + 2, SWATCH - 4, SWATCH - 4);
          _atlas_cartography_set_source_rgba (cr, e->colour, 1.0);
          cairo_set_line_width (cr, 4.0);
          cairo_stroke (cr);
          break;
        case ENTRY_SITE:
        default:
          atlas_cartography_draw_site_symbol (cr, e->site, sx + SWATCH / 2, sy + SWATCH / 2,
                                              e->site == ATLAS_SITE_ACUTE ? 10.0 : 9.0,
                                              options->theme);
          break;
        }
      pango_layout_get_pixel_size (pl, NULL, &th);
      cairo_move_to (cr, sx + SWATCH + 10, y + (ROW - th) / 2);
      _atlas_cartography_set_source_rgba (cr, palette->text, 1.0);
      pango_cairo_show_layout (cr, pl);
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
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->theme);
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
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->theme);
  g_autoptr(PangoLayout) pl = _atlas_export_text (cr, "N", ATLAS_EXPORT_FONT " Bold 14", -1);
  double cx = layout->map_x + layout->map_width - BOX_INSET - 30;
  double top = layout->map_y + BOX_INSET;
  int tw, th;

  pango_layout_get_pixel_size (pl, &tw, &th);
  draw_box (cr, cx - 30, top, 60, 88, palette);
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
