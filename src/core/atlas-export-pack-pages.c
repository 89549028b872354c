/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-pack-private.h"
#include "atlas-map-state.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#define COLUMN_GAP       40.0   /* between the columns of a page of text, design units */
#define N_COLUMNS        3      /* on a page of text; the first page's panel is one of them */
#define CONTENTS_ROW     30.0
#define SHARED_MARGIN    0.15   /* around the largest district, in its own widths */
#define MAX_TEXT_PAGES   1000   /* a bound on one record's pages, against a flow that stalls */

static const char *
entry_name (const AtlasPackEntry *entry,
            AtlasDataset         *dataset)
{
  switch (entry->kind)
    {
    case ATLAS_SELECTION_DISTRICT:
      return ((const AtlasDistrict *) entry->record)->name;
    case ATLAS_SELECTION_PARTNERSHIP:
      return ((const AtlasPartnership *) entry->record)->name;
    default:
      return atlas_dataset_get_name (dataset);
    }
}

/* The name a page's title gives: short enough for one line. */
static const char *
entry_short_name (const AtlasPackEntry *entry,
                  AtlasDataset         *dataset)
{
  const AtlasPartnership *p = entry->record;

  if (entry->kind == ATLAS_SELECTION_PARTNERSHIP && p->short_name != NULL)
    return p->short_name;
  if (entry->kind == ATLAS_SELECTION_NONE && atlas_dataset_get_short_name (dataset) != NULL)
    return atlas_dataset_get_short_name (dataset);
  return entry_name (entry, dataset);
}

/* The options and strings of one page. */
typedef struct {
  AtlasExportOptions options;
  char *title;
  char *subtitle;
  char *footer;
} Page;

static void
page_clear (Page *page)
{
  g_free (page->title);
  g_free (page->subtitle);
  g_free (page->footer);
}

/* An entry's page: its first (number = first_page: the map and the panel) or one of text. */
static void
page_init (Page                 *page,
           const AtlasPackPlan  *plan,
           const AtlasPackEntry *entry,
           guint                 number,
           double                panel_width)
{
  AtlasExportOptions *options = &page->options;
  const char *name = entry_name (entry, plan->dataset);
  const char *context = atlas_dataset_get_name (plan->dataset);

  atlas_export_options_init (options, plan->dataset);
  options->carto = plan->base;
  options->width = ATLAS_PACK_PAGE_WIDTH;
  options->height = ATLAS_PACK_PAGE_HEIGHT;
  if (entry->kind != ATLAS_SELECTION_NONE)
    atlas_cartography_options_set_selection (&options->carto, entry->kind, entry->record);
  options->framing = entry->framed ? ATLAS_EXPORT_FRAME_BBOX
                     : entry->kind != ATLAS_SELECTION_NONE ? ATLAS_EXPORT_FRAME_SELECTION
                     : ATLAS_EXPORT_FRAME_SYSTEM;
  options->bbox = entry->frame;
  if (number == entry->first_page)
    {
      options->furniture |= ATLAS_EXPORT_CAPTION;
      options->panel_width = panel_width;
    }
  if (entry->kind == ATLAS_SELECTION_DISTRICT
      && ((const AtlasDistrict *) entry->record)->partnership != NULL)
    context = ((const AtlasDistrict *) entry->record)->partnership->name;

  /* TRANSLATORS: a page of the meeting pack that goes on from the one before */
  if (entry->kind == ATLAS_SELECTION_PARTNERSHIP)
    context = name;
  if (number == entry->first_page)
    page->title = g_strdup (entry->kind == ATLAS_SELECTION_NONE ? name
                            : entry_short_name (entry, plan->dataset));
  else
    page->title = g_strdup_printf (_("%s (continued)"), entry_short_name (entry, plan->dataset));
  if (entry->kind == ATLAS_SELECTION_NONE)
    /* TRANSLATORS: the subtitle of the meeting pack's cover; %s: its date */
    page->subtitle = g_strdup_printf (_("Meeting pack · %s"), plan->date);
  else
    page->subtitle = g_strdup_printf ("%s · %s", context, plan->date);
  /* TRANSLATORS: in the footer of every page of the meeting pack: the system's name, the page */
  page->footer = g_strdup_printf (_("%s\nPage %u of %u"), atlas_dataset_get_name (plan->dataset),
                                  number, plan->n_pages);
  options->title = page->title;
  options->subtitle = page->subtitle;
  options->footer = page->footer;
}

/* The columns of a page of text, as laid out for it. */
static guint
text_columns (const AtlasExportLayout *layout,
              double                   column_width,
              AtlasFlowColumn         *columns)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      columns[i].x = layout->map_x + i * (column_width + COLUMN_GAP);
      columns[i].y = layout->map_y;
      columns[i].width = column_width;
      columns[i].height = layout->map_height;
    }
  return N_COLUMNS;
}

/* The width of the summary's columns: a third of a page of text. */
static double
column_width (const AtlasPackPlan *plan)
{
  AtlasPackEntry cover = { ATLAS_SELECTION_NONE, NULL, 1, 2, FALSE, { 0, } };
  AtlasExportLayout layout;
  Page page = { 0, };

  page_init (&page, plan, &cover, 2, 0);
  atlas_export_compute_layout (&page.options, &layout);
  page_clear (&page);
  return (layout.map_width - (N_COLUMNS - 1) * COLUMN_GAP) / N_COLUMNS;
}

/* Lays out an entry's summary, and then fills its pages: counting them (draw FALSE) or drawing
 * them on cr. Returns how many pages the entry takes. */
typedef struct {
  const AtlasPackPlan *plan;
  const AtlasPackEntry *entry;
  AtlasRecordSummary *summary;
  AtlasSummaryFlow *flow;
  gboolean draw;
} Panel;

static void
draw_panel_cb (cairo_t *cr,
               double   x,
               double   y,
               double   width,
               double   height,
               gpointer data)
{
  Panel *panel = data;
  AtlasFlowColumn column = { x, y, width, height };

  g_clear_pointer (&panel->flow, _atlas_summary_flow_free);
  panel->flow = _atlas_summary_flow_new (cr, panel->plan->dataset, panel->summary,
                                         panel->plan->base.theme, width, ATLAS_FLOW_SOURCES);
  _atlas_summary_flow_fill (panel->flow, panel->draw ? cr : NULL, &column, 1);
}

static guint
run_entry (const AtlasPackPlan  *plan,
           const AtlasPackEntry *entry,
           cairo_t              *cr,
           double                width,
           gboolean              draw)
{
  Panel panel = { plan, entry, NULL, NULL, draw };
  guint number = entry->first_page;
  gboolean done;

  panel.summary = atlas_record_summary_new (plan->dataset, entry->kind, entry->record);
  {
    Page page = { 0, };

    page_init (&page, plan, entry, number, width);
    page.options.draw_panel = draw_panel_cb;
    page.options.panel_data = &panel;
    if (draw)
      {
        atlas_export_render (cr, &page.options);
        cairo_show_page (cr);
      }
    else
      {
        AtlasExportLayout layout;

        /* The panel's place, then the same layout of the summary as drawing makes. */
        atlas_export_compute_layout (&page.options, &layout);
        cairo_save (cr);
        cairo_scale (cr, layout.factor, layout.factor);
        draw_panel_cb (cr, layout.caption_x, layout.map_y, layout.caption_width,
                       layout.map_height, &panel);
        cairo_restore (cr);
      }
    page_clear (&page);
  }

  done = panel.flow == NULL || _atlas_summary_flow_fill (panel.flow, NULL, NULL, 0);
  while (!done && number - entry->first_page < MAX_TEXT_PAGES)
    {
      Page page = { 0, };
      AtlasExportLayout layout;
      AtlasFlowColumn columns[N_COLUMNS];
      guint n;

      page_init (&page, plan, entry, ++number, width);
      if (draw)
        _atlas_export_render_frame (cr, &page.options, &layout);
      else
        atlas_export_compute_layout (&page.options, &layout);
      n = text_columns (&layout, width, columns);
      cairo_save (cr);
      cairo_scale (cr, layout.factor, layout.factor);
      done = _atlas_summary_flow_fill (panel.flow, draw ? cr : NULL, columns, n);
      cairo_restore (cr);
      if (draw)
        cairo_show_page (cr);
      page_clear (&page);
    }

  g_clear_pointer (&panel.flow, _atlas_summary_flow_free);
  atlas_record_summary_free (panel.summary);
  return number - entry->first_page + 1;
}

/* Every district framed at the same scale: a frame the size of the largest district's, with a
 * margin, centred on each. */
static void
share_district_scale (AtlasPackPlan *plan)
{
  double width = 0, height = 0;

  for (guint i = 1; i < plan->entries->len; i++)
    {
      AtlasPackEntry *entry = &g_array_index (plan->entries, AtlasPackEntry, i);

      if (entry->kind != ATLAS_SELECTION_DISTRICT
          || !atlas_selection_record_get_bbox (plan->dataset, entry->kind, entry->record,
                                               &entry->frame)
          || atlas_bbox_is_empty (&entry->frame))
        continue;
      entry->framed = TRUE;
      width = MAX (width, entry->frame.max_x - entry->frame.min_x);
      height = MAX (height, entry->frame.max_y - entry->frame.min_y);
    }
  width *= 1 + 2 * SHARED_MARGIN;
  height *= 1 + 2 * SHARED_MARGIN;
  for (guint i = 1; i < plan->entries->len; i++)
    {
      AtlasPackEntry *entry = &g_array_index (plan->entries, AtlasPackEntry, i);
      double cx = (entry->frame.min_x + entry->frame.max_x) / 2;
      double cy = (entry->frame.min_y + entry->frame.max_y) / 2;

      if (!entry->framed)
        continue;
      entry->frame.min_x = cx - width / 2;
      entry->frame.max_x = cx + width / 2;
      entry->frame.min_y = cy - height / 2;
      entry->frame.max_y = cy + height / 2;
    }
}

AtlasPackPlan *
_atlas_pack_plan_new (AtlasDataset                  *dataset,
                      AtlasExportPackBy              by,
                      const AtlasCartographyOptions *base,
                      cairo_t                       *cr)
{
  AtlasPackPlan *plan = g_new0 (AtlasPackPlan, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  AtlasPackEntry cover = { ATLAS_SELECTION_NONE, NULL, 1, 1, FALSE, { 0, } };
  AtlasExportLayout layout;
  double width;
  guint n, page;

  plan->dataset = g_object_ref (dataset);
  plan->base = *base;
  plan->date = g_date_time_format (now, "%-d %B %Y");
  plan->entries = g_array_new (FALSE, TRUE, sizeof (AtlasPackEntry));
  g_array_append_val (plan->entries, cover);
  if (by == ATLAS_EXPORT_PACK_BY_DISTRICT)
    {
      const AtlasDistrict *districts = atlas_dataset_get_districts (dataset, &n);

      for (guint i = 0; i < n; i++)
        {
          AtlasPackEntry entry = { ATLAS_SELECTION_DISTRICT, &districts[i], };

          g_array_append_val (plan->entries, entry);
        }
      share_district_scale (plan);
    }
  else
    {
      const AtlasPartnership *partnerships = atlas_dataset_get_partnerships (dataset, &n);

      for (guint i = 0; i < n; i++)
        {
          AtlasPackEntry entry = { ATLAS_SELECTION_PARTNERSHIP, &partnerships[i], };

          g_array_append_val (plan->entries, entry);
        }
    }

  /* The contents: a line per record after the cover, on as many pages as they need. */
  {
    Page page_of_contents = { 0, };

    page_init (&page_of_contents, plan, &cover, 2, 0);
    atlas_export_compute_layout (&page_of_contents.options, &layout);
    page_clear (&page_of_contents);
    plan->rows_per_contents_page = MAX (1, (guint) ((layout.map_height - 2 * CONTENTS_ROW)
                                                    / CONTENTS_ROW));
    plan->n_contents_pages = (plan->entries->len - 1 + plan->rows_per_contents_page - 1)
                             / plan->rows_per_contents_page;
    plan->n_contents_pages = MAX (1, plan->n_contents_pages);
  }

  /* Numbers first, counted with a total that is not known yet: a footer's width does not
   * depend on it enough to move a line of the summary. */
  width = column_width (plan);
  page = 1;
  for (guint i = 0; i < plan->entries->len; i++)
    {
      AtlasPackEntry *entry = &g_array_index (plan->entries, AtlasPackEntry, i);

      entry->first_page = page;
      entry->n_pages = run_entry (plan, entry, cr, width, FALSE);
      page += entry->n_pages;
      if (i == 0)
        {
          plan->contents_page = page;
          page += plan->n_contents_pages;
        }
    }
  plan->n_pages = page - 1;
  return plan;
}

void
_atlas_pack_plan_free (AtlasPackPlan *plan)
{
  if (plan == NULL)
    return;
  g_array_unref (plan->entries);
  g_object_unref (plan->dataset);
  g_free (plan->date);
  g_free (plan);
}

void
_atlas_pack_draw_entry (const AtlasPackPlan  *plan,
                        const AtlasPackEntry *entry,
                        cairo_t              *cr)
{
  guint n = run_entry (plan, entry, cr, column_width (plan), TRUE);

  /* The contents were numbered by the same layout. */
  g_warn_if_fail (n == entry->n_pages);
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
  AtlasPackEntry contents = { ATLAS_SELECTION_NONE, NULL, 0, 0, FALSE, { 0, } };
  guint row = 0;

  for (guint p = 0; p < plan->n_contents_pages; p++)
    {
      Page page = { 0, };
      AtlasExportLayout layout;
      double y;

      page_init (&page, plan, &contents, plan->contents_page + p, 0);
      g_free (page.title);
      page.title = g_strdup (_("Contents"));
      page.options.title = page.title;
      _atlas_export_render_frame (cr, &page.options, &layout);

      cairo_save (cr);
      cairo_scale (cr, layout.factor, layout.factor);
      y = layout.map_y;
      if (p == 0)
        {
          const AtlasPackEntry *second = plan->entries->len > 1
                                         ? &g_array_index (plan->entries, AtlasPackEntry, 1)
                                         : NULL;

          show_text (cr, second != NULL && second->framed
                           ? _("Every district's map is drawn at the same scale, so that "
                               "districts compare at a glance. Each line links to its page.")
                           : _("Each line links to its page."),
                     ATLAS_EXPORT_FONT " 12", palette->muted_text, layout.map_x, y,
                     layout.map_width, FALSE);
          y += 2 * CONTENTS_ROW;
        }
      for (guint i = 0; i < plan->rows_per_contents_page && row + 1 < plan->entries->len;
           i++, row++)
        {
          const AtlasPackEntry *entry = &g_array_index (plan->entries, AtlasPackEntry, row + 1);
          g_autofree char *link = g_strdup_printf ("page=%u", entry->first_page);
          g_autofree char *number = g_strdup_printf ("%u", entry->first_page);

          cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
          show_text (cr, entry_name (entry, plan->dataset), ATLAS_EXPORT_FONT " 15",
                     palette->text, layout.map_x, y, layout.map_width * 0.7, FALSE);
          show_text (cr, number, ATLAS_EXPORT_FONT " 15", palette->text,
                     layout.map_x + layout.map_width * 0.7, y, layout.map_width * 0.1, TRUE);
          cairo_tag_end (cr, CAIRO_TAG_LINK);
          cairo_move_to (cr, layout.map_x, y + CONTENTS_ROW - 4);
          cairo_line_to (cr, layout.map_x + layout.map_width * 0.8, y + CONTENTS_ROW - 4);
          _atlas_cartography_set_source_rgba (cr, palette->muted_text, 0.25);
          cairo_set_line_width (cr, 0.75);
          cairo_stroke (cr);
          y += CONTENTS_ROW;
        }
      cairo_restore (cr);
      cairo_show_page (cr);
      page_clear (&page);
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
                                     entry_name (entry, plan->dataset), link, 0);
      if (i == 0)
        cairo_pdf_surface_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, _("Contents"), contents, 0);
    }
}
