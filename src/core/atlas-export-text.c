/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page's own text: the title and subtitle above the map and the attribution under it, each
 * fitted to its room. A title wraps onto a second line first, then takes smaller type, and only
 * then is cut short, at a word, with "…"; what is drawn is what the report says, word for word.
 * The bands they take are measured before the map is placed, so that no text runs over it. */
#include "config.h"

#include "atlas-export-private.h"

#include "atlas-choropleth.h"
#include "atlas-locale.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define PAD            ATLAS_EXPORT_PAD
#define FOOTER_HEIGHT  40.0   /* at least; more when the attribution needs it */
#define FOOTER_PAD     12.0
/* The share of the page's width a page footer may take, at the right of the attribution. */
#define PAGE_FOOTER_SHARE 0.32
#define TITLE_GAP      5.0
#define SUBTITLE_GAP   4.0
#define ELLIPSIS "…"

/* A layout of text at size (points) in the face given, wrapped at width. */
static PangoLayout *
create_layout (cairo_t    *cr,
               const char *text,
               const char *face,
               double      size,
               double      width)
{
  g_autofree char *font = g_strdup_printf ("%s %s %g", ATLAS_EXPORT_FONT, face, size);

  return _atlas_export_text (cr, text, font, width);
}

static gboolean
fits (PangoLayout *layout,
      guint        max_lines)
{
  return (guint) pango_layout_get_line_count (layout) <= max_lines;
}

/* text cut after n characters, at the last space within them when there is one in their last
 * third, with the ellipsis after it. */
static char *
cut_text (const char *text,
          glong       n)
{
  const char *end = g_utf8_offset_to_pointer (text, n);
  g_autofree char *head = g_strndup (text, end - text);
  char *space = strrchr (head, ' ');

  if (space != NULL && g_utf8_strlen (head, space - head) * 3 >= n * 2)
    *space = '\0';
  g_strchomp (head);
  return g_strconcat (head, ELLIPSIS, NULL);
}

void
_atlas_export_fit_text (cairo_t          *cr,
                        const char       *text,
                        const char       *face,
                        const double     *sizes,
                        guint             n_sizes,
                        double            width,
                        guint             max_lines,
                        AtlasExportFitted *fitted)
{
  g_autoptr(PangoLayout) layout = NULL;
  glong low = 0, high;
  int w, h;

  g_return_if_fail (cr != NULL && text != NULL && face != NULL && fitted != NULL);
  g_return_if_fail (sizes != NULL && n_sizes > 0 && max_lines > 0);

  memset (fitted, 0, sizeof *fitted);
  fitted->face = face;
  for (guint i = 0; i < n_sizes; i++)
    {
      g_clear_object (&layout);
      fitted->size = sizes[i];
      layout = create_layout (cr, text, face, sizes[i], width);
      if (fits (layout, max_lines))
        {
          fitted->text = g_strdup (text);
          break;
        }
    }

  /* Still too long at the smallest size: the longest beginning that fits with its ellipsis,
   * by halving (lines only grow with the characters kept). */
  if (fitted->text == NULL)
    {
      high = g_utf8_strlen (text, -1);
      while (low < high)
        {
          glong mid = (low + high + 1) / 2;
          g_autofree char *cut = cut_text (text, mid);
          g_autoptr(PangoLayout) trial = create_layout (cr, cut, face, fitted->size, width);

          if (fits (trial, max_lines))
            low = mid;
          else
            high = mid - 1;
        }
      fitted->text = cut_text (text, low);
      fitted->cut = TRUE;
      g_clear_object (&layout);
      layout = create_layout (cr, fitted->text, face, fitted->size, width);
    }

  pango_layout_get_pixel_size (layout, &w, &h);
  fitted->width = w;
  fitted->height = h;
  fitted->lines = pango_layout_get_line_count (layout);
}

PangoLayout *
_atlas_export_fitted_layout (cairo_t                 *cr,
                             const AtlasExportFitted *fitted,
                             double                   width)
{
  g_return_val_if_fail (cr != NULL && fitted != NULL && fitted->text != NULL, NULL);

  return create_layout (cr, fitted->text, fitted->face, fitted->size, width);
}

void
_atlas_export_fitted_clear (AtlasExportFitted *fitted)
{
  g_clear_pointer (&fitted->text, g_free);
}

/* A scratch context for measuring text where no drawing is under way: text is measured with
 * fixed font options (_atlas_export_text), so it measures the same here as on the page. */
cairo_t *
_atlas_export_create_measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

static char *
get_default_subtitle (const AtlasExportOptions *options)
{
  g_autofree char *date = atlas_format_today ();

  if (options->carto.choropleth != NULL)
    {
      AtlasChoropleth *choropleth = options->carto.choropleth;
      const char *period = atlas_choropleth_get_period (choropleth);

      if (period != NULL)
        return g_strdup_printf ("%s, %s · %s", atlas_choropleth_get_title (choropleth), period,
                                date);
      return g_strdup_printf ("%s · %s", atlas_choropleth_get_title (choropleth), date);
    }
  if (options->carto.selection != NULL)
    return g_strdup_printf ("%s · %s", atlas_dataset_get_name (options->dataset), date);
  return g_strdup_printf (_("Health and care partnerships, districts and hospital sites · %s"),
                          date);
}

static char *
get_attribution (const AtlasExportOptions *options)
{
  const char *licence = atlas_dataset_get_boundary_licence (options->dataset);
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, _("Boundaries: %s"),
                          licence ? licence : _("source not recorded"));
  if (options->online_map)
    g_string_append (line, " · © OpenStreetMap contributors");
  g_string_append_printf (line, " · %s", _("Made with ICS Atlas"));
  return g_string_free (line, FALSE);
}

/* The header's text fitted to the page: the title on up to two lines, then in smaller type, and
 * only then cut; the subtitle on up to two lines. A part the furniture leaves out stays empty
 * (its text NULL). */
static void
fit_header (cairo_t                  *cr,
            const AtlasExportOptions *options,
            double                    page_width,
            AtlasExportFitted        *title,
            AtlasExportFitted        *subtitle)
{
  static const double title_sizes[] = { 30, 26, 23 };
  static const double subtitle_sizes[] = { 16 };

  memset (title, 0, sizeof *title);
  memset (subtitle, 0, sizeof *subtitle);
  if (options->furniture & ATLAS_EXPORT_TITLE)
    {
      g_autofree char *text = options->title ? g_strdup (options->title)
                                             : atlas_export_get_default_title (options);

      _atlas_export_fit_text (cr, text, "Bold", title_sizes, G_N_ELEMENTS (title_sizes),
                              page_width - 2 * PAD, 2, title);
    }
  if (options->furniture & ATLAS_EXPORT_SUBTITLE)
    {
      g_autofree char *text = options->subtitle ? g_strdup (options->subtitle)
                                                : get_default_subtitle (options);

      _atlas_export_fit_text (cr, text, "", subtitle_sizes, G_N_ELEMENTS (subtitle_sizes),
                              page_width - 2 * PAD, 2, subtitle);
    }
}

/* The attribution's width: the page's, less a page footer's share beside it. */
static double
attribution_width (const AtlasExportOptions *options,
                   double                    page_width)
{
  double width = page_width - 2 * PAD;

  if (options->footer != NULL)
    width -= page_width * PAGE_FOOTER_SHARE + PAD * 0.5;
  return width;
}

/* The attribution, a licence condition drawn whatever the furniture flags say: wrapped on up
 * to three lines rather than cut on narrow pages. */
static void
fit_attribution (cairo_t                  *cr,
                 const AtlasExportOptions *options,
                 double                    page_width,
                 AtlasExportFitted        *attribution)
{
  static const double sizes[] = { 10 };
  g_autofree char *text = get_attribution (options);

  _atlas_export_fit_text (cr, text, "", sizes, G_N_ELEMENTS (sizes),
                          attribution_width (options, page_width), 3, attribution);
}

/* A page footer (the meeting pack's system name and page number) at the right of the band. */
static void
fit_page_footer (cairo_t                  *cr,
                 const AtlasExportOptions *options,
                 double                    page_width,
                 AtlasExportFitted        *footer)
{
  static const double sizes[] = { 10 };

  memset (footer, 0, sizeof *footer);
  if (options->footer != NULL)
    _atlas_export_fit_text (cr, options->footer, "Bold", sizes, G_N_ELEMENTS (sizes),
                            page_width * PAGE_FOOTER_SHARE, 3, footer);
}

static void
draw_fitted (cairo_t                  *cr,
             const AtlasExportOptions *options,
             const AtlasExportLayout  *layout,
             const char               *kind,
             const AtlasExportFitted  *fitted,
             double                    width,
             double                    y,
             guint32                   colour)
{
  g_autoptr(PangoLayout) pl = _atlas_export_fitted_layout (cr, fitted, width);

  cairo_move_to (cr, PAD, y);
  _atlas_cartography_set_source_rgba (cr, colour, 1.0);
  pango_cairo_show_layout (cr, pl);
  _atlas_export_report (options, layout, kind, fitted->text, PAD, y, fitted->width,
                        fitted->height);
}

void
_atlas_export_draw_header (cairo_t                  *cr,
             const AtlasExportOptions *options,
             const AtlasExportLayout  *layout)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->carto.theme);
  g_auto(AtlasExportFitted) title = { 0, };
  g_auto(AtlasExportFitted) subtitle = { 0, };
  double y = PAD * 0.75;

  fit_header (cr, options, layout->width, &title, &subtitle);
  if (title.text != NULL)
    {
      draw_fitted (cr, options, layout, "title", &title, layout->width - 2 * PAD, y,
                   palette->text);
      y += title.height + TITLE_GAP;
    }
  if (subtitle.text != NULL)
    draw_fitted (cr, options, layout, "subtitle", &subtitle, layout->width - 2 * PAD, y,
                 palette->muted_text);
}

void
_atlas_export_draw_footer (cairo_t                  *cr,
             const AtlasExportOptions *options,
             const AtlasExportLayout  *layout)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->carto.theme);
  g_auto(AtlasExportFitted) attribution = { 0, };
  g_auto(AtlasExportFitted) footer = { 0, };

  /* The band under the map is as tall as the attribution needs (atlas_export_compute_layout). */
  fit_attribution (cr, options, layout->width, &attribution);
  draw_fitted (cr, options, layout, "attribution", &attribution,
               attribution_width (options, layout->width),
               layout->height - layout->footer_height / 2 - attribution.height / 2,
               palette->muted_text);
  fit_page_footer (cr, options, layout->width, &footer);
  if (footer.text != NULL)
    {
      g_autoptr(PangoLayout) pl = _atlas_export_fitted_layout (cr, &footer,
                                                               layout->width * PAGE_FOOTER_SHARE);
      double x = layout->width - PAD - footer.width;
      double y = layout->height - layout->footer_height / 2 - footer.height / 2;

      pango_layout_set_alignment (pl, PANGO_ALIGN_RIGHT);
      pango_layout_set_width (pl, (int) (footer.width * PANGO_SCALE));
      cairo_move_to (cr, x, y);
      _atlas_cartography_set_source_rgba (cr, palette->text, 1.0);
      pango_cairo_show_layout (cr, pl);
      _atlas_export_report (options, layout, "footer", footer.text, x, y, footer.width,
                            footer.height);
    }
}

void
_atlas_export_measure_text_bands (const AtlasExportOptions *options,
                                  AtlasExportLayout        *layout)
{
  g_auto(AtlasExportFitted) title = { 0, };
  g_auto(AtlasExportFitted) subtitle = { 0, };
  g_auto(AtlasExportFitted) attribution = { 0, };
  g_auto(AtlasExportFitted) footer = { 0, };
  cairo_t *cr = _atlas_export_create_measuring_context ();

  fit_header (cr, options, layout->width, &title, &subtitle);
  fit_attribution (cr, options, layout->width, &attribution);
  fit_page_footer (cr, options, layout->width, &footer);
  cairo_destroy (cr);

  layout->header_height = PAD * 0.75;
  if (title.text != NULL)
    layout->header_height += title.height + TITLE_GAP;
  if (subtitle.text != NULL)
    layout->header_height += subtitle.height + SUBTITLE_GAP;
  layout->footer_height = MAX (FOOTER_HEIGHT,
                               MAX (attribution.height, footer.height) + FOOTER_PAD);
}
