/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-pack-private.h"
#include "atlas-map-state.h"
#include "atlas-view.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

/* The meeting pack's ways about it: the contents, the PDF's outline and metadata, and the
 * locator map on a record's page. */

#define CONTENTS_INDENT  28.0   /* a district under its partnership */

/* Locator maps are drawn once per pack as an image, which the PDF holds once: a page marks its
 * record on it. Drawing the whole system on every page would make the pack grow with the
 * square of its size. */
#define LOCATOR_RESOLUTION 3.0   /* pixels per design unit */
#define LOCATOR_MARGIN     6.0

cairo_surface_t *
_atlas_pack_locator_new (AtlasDataset                  *dataset,
                         const AtlasCartographyOptions *base,
                         double                         width,
                         double                         height)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (base->theme);
  cairo_surface_t *surface;
  AtlasCartographyOptions carto = *base;
  AtlasView view;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, ceil (width * LOCATOR_RESOLUTION),
                                        ceil (height * LOCATOR_RESOLUTION));
  cr = cairo_create (surface);
  cairo_scale (cr, LOCATOR_RESOLUTION, LOCATOR_RESOLUTION);
  carto.labels = FALSE;
  carto.sites = FALSE;
  atlas_cartography_options_set_selection (&carto, ATLAS_SELECTION_NONE, NULL);
  atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), width, height,
                           LOCATOR_MARGIN);
  _atlas_cartography_set_source_rgba (cr, palette->background, 1.0);
  cairo_paint (cr);
  atlas_cartography_draw_districts (cr, &view, dataset, &carto);
  cairo_destroy (cr);
  return surface;
}

void
_atlas_pack_draw_locator (cairo_t            *cr,
                          cairo_surface_t    *locator,
                          AtlasDataset       *dataset,
                          AtlasTheme          theme,
                          AtlasSelectionKind  kind,
                          gconstpointer       record,
                          double              x,
                          double              y,
                          double              width,
                          double              height)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (theme);
  AtlasBBox bbox;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_save (cr);
  cairo_scale (cr, width / cairo_image_surface_get_width (locator),
               height / cairo_image_surface_get_height (locator));
  cairo_set_source_surface (cr, locator, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  /* The record: a box around it, which stays visible however small the record is. */
  if (kind != ATLAS_SELECTION_NONE
      && atlas_selection_record_get_bbox (dataset, kind, record, &bbox)
      && !atlas_bbox_is_empty (&bbox))
    {
      double wx0, wy0, wx1, wy1, x0, y0, x1, y1;
      AtlasView view;

      atlas_view_init_framing (&view, atlas_dataset_get_bbox (dataset), width, height,
                               LOCATOR_MARGIN);
      atlas_project (bbox.min_x, bbox.max_y, &wx0, &wy0);
      atlas_project (bbox.max_x, bbox.min_y, &wx1, &wy1);
      atlas_view_world_to_surface (&view, wx0, wy0, &x0, &y0);
      atlas_view_world_to_surface (&view, wx1, wy1, &x1, &y1);
      cairo_rectangle (cr, x0 - 3, y0 - 3, x1 - x0 + 6, y1 - y0 + 6);
      _atlas_cartography_set_source_rgba (cr, palette->text, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  cairo_rectangle (cr, x, y, width, height);
  _atlas_cartography_set_source_rgba (cr, palette->muted_text, 0.5);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

static void
show_text (cairo_t    *cr,
           const char *text,
           const char *font,
           guint32     colour,
           double      x,
           double      y,
           double      width,
           gboolean    right)
{
  g_autoptr(PangoLayout) pl = _atlas_export_text (cr, text, font, width);

  if (right)
    pango_layout_set_alignment (pl, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, x, y);
  _atlas_cartography_set_source_rgba (cr, colour, 1.0);
  pango_cairo_show_layout (cr, pl);
}

void
_atlas_pack_draw_contents (const AtlasPackPlan *plan,
                           cairo_t             *cr)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (plan->base.theme);
  AtlasPackEntry contents = { ATLAS_SELECTION_NONE, NULL, 0, 0, FALSE, { 0, }, 0 };
  guint row = 0;

  for (guint p = 0; p < plan->n_contents_pages; p++)
    {
      AtlasPackPage page = { 0, };
      AtlasExportLayout layout;
      double y;

      _atlas_pack_page_init (&page, plan, &contents, plan->contents_page + p, 0);
      g_free (page.title);
      page.title = g_strdup (_("Contents"));
      page.options.title = page.title;
      _atlas_export_render_frame (cr, &page.options, &layout);

      cairo_save (cr);
      cairo_scale (cr, layout.factor, layout.factor);
      y = layout.map_y;
      if (p == 0)
        {
          gboolean shared = FALSE;

          for (guint i = 1; i < plan->entries->len; i++)
            shared |= g_array_index (plan->entries, AtlasPackEntry, i).framed;
          show_text (cr, shared
                           ? _("Every district's map is drawn at the same scale, so that "
                               "districts compare at a glance. Each line links to its page.")
                           : _("Each line links to its page."),
                     ATLAS_EXPORT_FONT " 12", palette->muted_text, layout.map_x, y,
                     layout.map_width, FALSE);
          y += 2 * ATLAS_PACK_CONTENTS_ROW;
        }
      for (guint i = 0; i < plan->rows_per_contents_page && row + 1 < plan->entries->len;
           i++, row++)
        {
          const AtlasPackEntry *entry = &g_array_index (plan->entries, AtlasPackEntry, row + 1);
          g_autofree char *link = g_strdup_printf ("page=%u", entry->first_page);
          g_autofree char *number = g_strdup_printf ("%u", entry->first_page);

          cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
          show_text (cr, _atlas_pack_entry_name (entry, plan->dataset), ATLAS_EXPORT_FONT " 15",
                     palette->text, layout.map_x + entry->depth * CONTENTS_INDENT, y,
                     layout.map_width * 0.7 - entry->depth * CONTENTS_INDENT, FALSE);
          show_text (cr, number, ATLAS_EXPORT_FONT " 15", palette->text,
                     layout.map_x + layout.map_width * 0.7, y, layout.map_width * 0.1, TRUE);
          cairo_tag_end (cr, CAIRO_TAG_LINK);
          cairo_move_to (cr, layout.map_x, y + ATLAS_PACK_CONTENTS_ROW - 4);
          cairo_line_to (cr, layout.map_x + layout.map_width * 0.8,
                         y + ATLAS_PACK_CONTENTS_ROW - 4);
          _atlas_cartography_set_source_rgba (cr, palette->muted_text, 0.25);
          cairo_set_line_width (cr, 0.75);
          cairo_stroke (cr);
          y += ATLAS_PACK_CONTENTS_ROW;
        }
      cairo_restore (cr);
      cairo_show_page (cr);
      _atlas_pack_page_clear (&page);
    }
}

void
_atlas_pack_add_outline (const AtlasPackPlan *plan,
                         cairo_surface_t     *pdf)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *contents = g_strdup_printf ("page=%u", plan->contents_page);

  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE,
                                  atlas_dataset_get_name (plan->dataset));
  /* TRANSLATORS: the subject in the meeting pack's PDF metadata */
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_SUBJECT, _("Meeting pack"));
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATE_DATE, iso);
  for (guint i = 0; i < plan->entries->len; i++)
    {
      const AtlasPackEntry *entry = &g_array_index (plan->entries, AtlasPackEntry, i);
      g_autofree char *link = g_strdup_printf ("page=%u", entry->first_page);

      cairo_pdf_surface_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT,
                                     _atlas_pack_entry_name (entry, plan->dataset), link, 0);
      if (i == 0)
        cairo_pdf_surface_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, _("Contents"), contents, 0);
    }
}
