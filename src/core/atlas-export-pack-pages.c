/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-pack-private.h"
#include "atlas-map-state.h"

#include <glib/gi18n-lib.h>

#define COLUMN_GAP       40.0   /* between the columns of a page of text, design units */
#define N_COLUMNS        3      /* on a page of text; the first page's panel is one of them */
#define SHARED_MARGIN    0.15   /* around the largest district, in its own widths */
#define MAX_TEXT_PAGES   1000   /* a bound on one record's pages, against a flow that stalls */
#define LOCATOR_HEIGHT   150.0  /* the locator map at the top of a record's panel */
#define LOCATOR_GAP      14.0

const char *
_atlas_pack_entry_name (const AtlasPackEntry *entry,
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
  return _atlas_pack_entry_name (entry, dataset);
}

void
_atlas_pack_page_clear (AtlasPackPage *page)
{
  g_free (page->title);
  g_free (page->subtitle);
  g_free (page->footer);
}

void
_atlas_pack_page_init (AtlasPackPage        *page,
                       const AtlasPackPlan  *plan,
                       const AtlasPackEntry *entry,
                       guint                 number,
                       double                panel_width)
{
  AtlasExportOptions *options = &page->options;
  const char *name = _atlas_pack_entry_name (entry, plan->dataset);
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
  AtlasPackEntry cover = { ATLAS_SELECTION_NONE, NULL, 1, 2, FALSE, { 0, }, 0 };
  AtlasExportLayout layout;
  AtlasPackPage page = { 0, };

  _atlas_pack_page_init (&page, plan, &cover, 2, 0);
  atlas_export_compute_layout (&page.options, &layout);
  _atlas_pack_page_clear (&page);
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

  /* A record's page shows where it is in the system, above its summary. */
  if (panel->entry->kind != ATLAS_SELECTION_NONE && panel->plan->locator != NULL
      && height > 3 * LOCATOR_HEIGHT)
    {
      if (panel->draw)
        _atlas_pack_draw_locator (cr, panel->plan->locator, panel->plan->dataset,
                                  panel->plan->base.theme, panel->entry->kind,
                                  panel->entry->record, x, y, width, LOCATOR_HEIGHT);
      column.y += LOCATOR_HEIGHT + LOCATOR_GAP;
      column.height -= LOCATOR_HEIGHT + LOCATOR_GAP;
    }

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
    AtlasPackPage page = { 0, };

    _atlas_pack_page_init (&page, plan, entry, number, width);
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
    _atlas_pack_page_clear (&page);
  }

  done = panel.flow == NULL || _atlas_summary_flow_fill (panel.flow, NULL, NULL, 0);
  while (!done && number - entry->first_page < MAX_TEXT_PAGES)
    {
      AtlasPackPage page = { 0, };
      AtlasExportLayout layout;
      AtlasFlowColumn columns[N_COLUMNS];
      guint n;

      _atlas_pack_page_init (&page, plan, entry, ++number, width);
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
      _atlas_pack_page_clear (&page);
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

static void
add_entry (GArray             *entries,
           AtlasSelectionKind  kind,
           gconstpointer       record,
           guint               depth)
{
  AtlasPackEntry entry = { kind, record, 0, 0, FALSE, { 0, }, depth };

  g_array_append_val (entries, entry);
}

GArray *
_atlas_pack_list_entries (AtlasDataset      *dataset,
                          AtlasExportPackBy  by)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (AtlasPackEntry));
  const AtlasPartnership *partnerships;
  const AtlasDistrict *districts;
  guint n_partnerships, n_districts;

  districts = atlas_dataset_get_districts (dataset, &n_districts);
  partnerships = atlas_dataset_get_partnerships (dataset, &n_partnerships);
  add_entry (entries, ATLAS_SELECTION_NONE, NULL, 0);
  if (by == ATLAS_EXPORT_PACK_BY_DISTRICT)
    for (guint i = 0; i < n_districts; i++)
      add_entry (entries, ATLAS_SELECTION_DISTRICT, &districts[i], 0);
  else
    for (guint i = 0; i < n_partnerships; i++)
      {
        add_entry (entries, ATLAS_SELECTION_PARTNERSHIP, &partnerships[i], 0);
        /* With both, a place partnership's districts follow it; a district is under its own
         * place partnership only, so no page comes twice. */
        for (guint j = 0; by == ATLAS_EXPORT_PACK_BY_BOTH && j < n_districts; j++)
          if (districts[j].partnership == &partnerships[i])
            add_entry (entries, ATLAS_SELECTION_DISTRICT, &districts[j], 1);
      }
  /* And with both, the districts no place partnership has, at the end. */
  for (guint j = 0; by == ATLAS_EXPORT_PACK_BY_BOTH && j < n_districts; j++)
    if (districts[j].partnership == NULL)
      add_entry (entries, ATLAS_SELECTION_DISTRICT, &districts[j], 0);
  return entries;
}

AtlasPackPlan *
_atlas_pack_plan_new (AtlasDataset                  *dataset,
                      AtlasExportPackBy              by,
                      const AtlasCartographyOptions *base,
                      cairo_t                       *cr)
{
  AtlasPackPlan *plan = g_new0 (AtlasPackPlan, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  AtlasPackEntry cover = { ATLAS_SELECTION_NONE, NULL, 1, 1, FALSE, { 0, }, 0 };
  AtlasExportLayout layout;
  double width;
  guint page;

  plan->dataset = g_object_ref (dataset);
  plan->base = *base;
  plan->date = g_date_time_format (now, "%-d %B %Y");
  plan->entries = _atlas_pack_list_entries (dataset, by);
  share_district_scale (plan);

  /* The contents: a line per record after the cover, on as many pages as they need. */
  {
    AtlasPackPage page_of_contents = { 0, };

    _atlas_pack_page_init (&page_of_contents, plan, &cover, 2, 0);
    atlas_export_compute_layout (&page_of_contents.options, &layout);
    _atlas_pack_page_clear (&page_of_contents);
    /* Two lines' room for the note at the top. */
    plan->rows_per_contents_page = MAX (3, (guint) (layout.map_height / ATLAS_PACK_CONTENTS_ROW))
                                   - 2;
    plan->n_contents_pages = (plan->entries->len - 1 + plan->rows_per_contents_page - 1)
                             / plan->rows_per_contents_page;
    plan->n_contents_pages = MAX (1, plan->n_contents_pages);
  }

  /* Numbers first, counted with a total that is not known yet: a footer's width does not
   * depend on it enough to move a line of the summary. */
  width = column_width (plan);
  plan->locator = _atlas_pack_locator_new (dataset, base, width, LOCATOR_HEIGHT);
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
  g_clear_pointer (&plan->locator, cairo_surface_destroy);
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
