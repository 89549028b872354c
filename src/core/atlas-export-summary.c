/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-export-summary-private.h"
#include "atlas-text.h"

#define TITLE   ATLAS_EXPORT_FONT " Bold 20"
#define HEADING ATLAS_EXPORT_FONT " Bold 12"
#define LABEL   ATLAS_EXPORT_FONT " Bold 9.5"
#define BODY    ATLAS_EXPORT_FONT " 11"
#define SMALL   ATLAS_EXPORT_FONT " 9.5"
#define GUTTER  12.0   /* between the caption column and the values */
#define BULLET  14.0   /* the indent of a bullet item */

typedef enum {
  STYLE_PLAIN,
  STYLE_STRONG,
  STYLE_MUTED,
  STYLE_SOURCES,  /* the numbers of the sources, raised and smaller */
} Style;

/* Rich text: runs of styles in one layout. */
typedef struct {
  GString *text;
  PangoAttrList *attrs;
  const AtlasCartographyPalette *palette;
} Rich;

static void
set_colour (PangoAttrList *attrs,
            guint32        colour,
            guint          start,
            guint          end)
{
  PangoAttribute *attr = pango_attr_foreground_new (((colour >> 16) & 0xff) * 257,
                                                    ((colour >> 8) & 0xff) * 257,
                                                    (colour & 0xff) * 257);

  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static void
rich_add (Rich       *rich,
          const char *text,
          Style       style)
{
  g_autofree char *printable = _atlas_export_printable (text);
  guint start = rich->text->len, end;
  PangoAttribute *attr = NULL;

  g_string_append (rich->text, printable);
  end = rich->text->len;
  switch (style)
    {
    case STYLE_STRONG:
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      break;
    case STYLE_MUTED:
      set_colour (rich->attrs, rich->palette->muted_text, start, end);
      break;
    case STYLE_SOURCES:
      set_colour (rich->attrs, rich->palette->muted_text, start, end);
      attr = pango_attr_rise_new (4 * PANGO_SCALE);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (rich->attrs, attr);
      attr = pango_attr_scale_new (0.72);
      break;
    case STYLE_PLAIN:
    default:
      break;
    }
  if (attr != NULL)
    {
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (rich->attrs, attr);
    }
}

static guint
source_number (AtlasSummaryFlow *flow,
               const char       *id)
{
  guint index;

  if (!g_ptr_array_find_with_equal_func (flow->sources, id, g_str_equal, &index))
    {
      g_ptr_array_add (flow->sources, (gpointer) id);
      index = flow->sources->len - 1;
    }
  return index + 1;
}

/* " 1,4": the numbers of the sources a fact rests on, after it. */
static void
rich_add_sources (AtlasSummaryFlow *flow,
                  Rich             *rich,
                  GPtrArray        *sources)
{
  g_autoptr(GString) numbers = g_string_new (NULL);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    g_string_append_printf (numbers, "%s%u", i > 0 ? "," : "\u2009",
                            source_number (flow, g_ptr_array_index (sources, i)));
  if (numbers->len > 0)
    rich_add (rich, numbers->str, STYLE_SOURCES);
}

static PangoLayout *
make_layout (AtlasSummaryFlow *flow,
             const char       *font,
             Rich             *rich,
             double            width)
{
  PangoLayout *layout = _atlas_export_text (flow->cr, rich->text->str, font, width);

  pango_layout_set_attributes (layout, rich->attrs);
  return layout;
}

static Rich
rich_new (AtlasSummaryFlow *flow)
{
  Rich rich = { g_string_new (NULL), pango_attr_list_new (), flow->palette };

  return rich;
}

static void
rich_clear (Rich *rich)
{
  g_string_free (rich->text, TRUE);
  pango_attr_list_unref (rich->attrs);
}

static double
layout_height (PangoLayout *layout)
{
  int h = 0;

  if (layout != NULL)
    pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* Appends a row; label (plain text) may be NULL. Takes the rich text. */
static AtlasFlowRow *
add_row (AtlasSummaryFlow *flow,
         const char       *label,
         Rich             *rich,
         const char       *font,
         double            text_x,
         double            gap,
         const char       *what)
{
  AtlasFlowRow row = { NULL, };

  if (label != NULL)
    {
      Rich caption = rich_new (flow);

      rich_add (&caption, label, STYLE_MUTED);
      row.label = make_layout (flow, LABEL, &caption, flow->label_width);
      rich_clear (&caption);
    }
  row.text_x = text_x;
  row.text = make_layout (flow, font, rich, flow->width - text_x);
  rich_clear (rich);
  row.height = MAX (layout_height (row.label), layout_height (row.text));
  row.gap = gap;
  row.what = what;
  g_array_append_val (flow->rows, row);
  return &g_array_index (flow->rows, AtlasFlowRow, flow->rows->len - 1);
}

static double
value_x (AtlasSummaryFlow *flow)
{
  return flow->label_width + GUTTER;
}

static void
add_heading (AtlasSummaryFlow *flow,
             const char       *text,
             GPtrArray        *sources,
             const char       *what)
{
  Rich rich = rich_new (flow);

  rich_add (&rich, text, STYLE_PLAIN);
  rich_add_sources (flow, &rich, sources);
  add_row (flow, NULL, &rich, HEADING, 0, 4, what)->keep = TRUE;
}

/* A value as long as a paragraph goes under its caption, across the whole column. */
static gboolean
is_paragraph (const char *text)
{
  return text != NULL && g_utf8_strlen (text, -1) > 160;
}

static void
add_text (AtlasSummaryFlow       *flow,
          const AtlasSummaryFact *fact)
{
  Rich rich = rich_new (flow);

  if (fact->value == NULL)
    {
      rich_add (&rich, fact->empty, STYLE_MUTED);
      add_row (flow, fact->label, &rich, BODY, value_x (flow), 6, fact->label);
      return;
    }
  rich_add (&rich, fact->value, STYLE_PLAIN);
  rich_add_sources (flow, &rich, fact->sources);
  if (is_paragraph (fact->value))
    {
      Rich caption = rich_new (flow);

      rich_add (&caption, fact->label, STYLE_STRONG);
      add_row (flow, NULL, &caption, BODY, 0, 2, fact->label)->keep = TRUE;
      add_row (flow, NULL, &rich, BODY, 0, 8, fact->label);
      return;
    }
  add_row (flow, fact->label, &rich, BODY, value_x (flow), 6, fact->label);
}

static void
add_list (AtlasSummaryFlow       *flow,
          const AtlasSummaryFact *fact)
{
  const char *label = fact->label;
  const char *group = NULL;

  if (fact->entries->len == 0)
    {
      Rich rich = rich_new (flow);

      rich_add (&rich, fact->empty, STYLE_MUTED);
      add_row (flow, label, &rich, BODY, value_x (flow), 6, fact->label);
      return;
    }
  for (guint i = 0; i < fact->entries->len; i++)
    {
      const AtlasSummaryEntry *entry = g_ptr_array_index (fact->entries, i);
      gboolean last = i + 1 == fact->entries->len;
      Rich rich = rich_new (flow);

      if (entry->group != NULL && g_strcmp0 (entry->group, group) != 0)
        {
          group = entry->group;
          rich_add (&rich, group, STYLE_STRONG);
          add_row (flow, label, &rich, BODY, value_x (flow), 2, fact->label)->keep = TRUE;
          label = NULL;
          rich = rich_new (flow);
        }
      rich_add (&rich, entry->text, STYLE_PLAIN);
      if (entry->detail != NULL)
        {
          rich_add (&rich, " · ", STYLE_MUTED);
          rich_add (&rich, entry->detail, STYLE_MUTED);
        }
      if (last && entry->items == NULL)
        rich_add_sources (flow, &rich, fact->sources);
      add_row (flow, label, &rich, BODY, value_x (flow), last ? 6 : 2, fact->label);
      label = NULL;
      for (guint j = 0; entry->items != NULL && j < entry->items->len; j++)
        {
          rich = rich_new (flow);
          rich_add (&rich, g_ptr_array_index (entry->items, j), STYLE_PLAIN);
          if (last && j + 1 == entry->items->len)
            rich_add_sources (flow, &rich, fact->sources);
          add_row (flow, NULL, &rich, BODY, value_x (flow) + BULLET,
                   last && j + 1 == entry->items->len ? 6 : 2, fact->label)->bullet = TRUE;
        }
    }
}

/* An indicator: its figure in bold, the area the figure is for and the note, smaller. A note
 * that the next indicator of the group shares is printed once, after the last of them. */
static void
add_figure (AtlasSummaryFlow       *flow,
            const AtlasSummaryFact *fact,
            const AtlasSummaryFact *next)
{
  Rich rich = rich_new (flow);

  rich_add (&rich, fact->value, STYLE_STRONG);
  if (fact->area != NULL)
    {
      rich_add (&rich, " · ", STYLE_MUTED);
      rich_add (&rich, fact->area, STYLE_PLAIN);
    }
  if (fact->note != NULL
      && (next == NULL || next->kind != ATLAS_SUMMARY_FIGURE || g_strcmp0 (next->note, fact->note)))
    {
      rich_add (&rich, "\n", STYLE_PLAIN);
      rich_add (&rich, fact->note, STYLE_MUTED);
    }
  rich_add_sources (flow, &rich, fact->sources);
  add_row (flow, fact->label, &rich, BODY, value_x (flow), 6, fact->label);
}

static void
add_section (AtlasSummaryFlow       *flow,
             const AtlasSummaryFact *fact)
{
  const AtlasSection *section = fact->section;

  if (section->title != NULL)
    add_heading (flow, section->title, fact->sources, section->title);
  if (section->text != NULL)
    {
      Rich rich = rich_new (flow);

      rich_add (&rich, section->text, STYLE_PLAIN);
      if (section->title == NULL && section->n_items == 0)
        rich_add_sources (flow, &rich, fact->sources);
      add_row (flow, NULL, &rich, BODY, 0, 4, fact->label);
    }
  for (guint i = 0; i < section->n_items; i++)
    {
      Rich rich = rich_new (flow);

      rich_add (&rich, section->items[i], STYLE_PLAIN);
      if (section->title == NULL && i + 1 == section->n_items)
        rich_add_sources (flow, &rich, fact->sources);
      add_row (flow, NULL, &rich, BODY, BULLET, 2, fact->label)->bullet = TRUE;
    }
  if (flow->rows->len > 0)
    g_array_index (flow->rows, AtlasFlowRow, flow->rows->len - 1).gap = 8;
}

static void
add_facts (AtlasSummaryFlow *flow,
           GPtrArray        *facts)
{
  for (guint i = 0; i < facts->len; i++)
    {
      const AtlasSummaryFact *fact = g_ptr_array_index (facts, i);
      const AtlasSummaryFact *next = i + 1 < facts->len ? g_ptr_array_index (facts, i + 1) : NULL;

      switch (fact->kind)
        {
        case ATLAS_SUMMARY_LIST:
          add_list (flow, fact);
          break;
        case ATLAS_SUMMARY_FIGURE:
          add_figure (flow, fact, next);
          break;
        case ATLAS_SUMMARY_GROUP:
          add_heading (flow, fact->label, NULL, fact->label);
          if (fact->children->len == 0)
            {
              Rich rich = rich_new (flow);

              rich_add (&rich, fact->empty != NULL ? fact->empty : _("Not recorded"), STYLE_MUTED);
              add_row (flow, NULL, &rich, BODY, 0, 6, fact->label);
            }
          add_facts (flow, fact->children);
          break;
        case ATLAS_SUMMARY_SECTION:
          add_section (flow, fact);
          break;
        case ATLAS_SUMMARY_TEXT:
        default:
          add_text (flow, fact);
          break;
        }
    }
}

static void
add_title (AtlasSummaryFlow         *flow,
           const AtlasRecordSummary *summary)
{
  Rich rich = rich_new (flow);

  rich_add (&rich, summary->title, STYLE_PLAIN);
  rich_add_sources (flow, &rich, summary->title_sources);
  add_row (flow, NULL, &rich, TITLE, 0, 4, summary->title)->keep = TRUE;
  if (summary->subtitle != NULL)
    {
      rich = rich_new (flow);
      rich_add (&rich, summary->subtitle, STYLE_MUTED);
      add_row (flow, NULL, &rich, BODY, 0, 10, summary->title);
    }
}

static void
add_sources (AtlasSummaryFlow *flow)
{
  const char *what = _("Sources");

  if (flow->sources->len == 0)
    return;
  add_heading (flow, what, NULL, what);
  for (guint i = 0; i < flow->sources->len; i++)
    {
      const char *id = g_ptr_array_index (flow->sources, i);
      const AtlasSource *s = atlas_dataset_find_source (flow->dataset, id);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      Rich rich = rich_new (flow);

      rich_add (&rich, s != NULL ? s->title : id, STYLE_PLAIN);
      if (s != NULL && s->publisher != NULL)
        {
          rich_add (&rich, " — ", STYLE_PLAIN);
          rich_add (&rich, s->publisher, STYLE_PLAIN);
        }
      if (s != NULL && s->url != NULL)
        {
          rich_add (&rich, " ", STYLE_PLAIN);
          rich_add (&rich, s->url, STYLE_MUTED);
        }
      add_row (flow, NULL, &rich, SMALL, BULLET * 1.5, 2, what);
      /* The number in the margin, where a bullet would be. */
      {
        AtlasFlowRow *row = &g_array_index (flow->rows, AtlasFlowRow, flow->rows->len - 1);
        Rich n = rich_new (flow);

        rich_add (&n, number, STYLE_MUTED);
        row->label = make_layout (flow, SMALL, &n, BULLET * 1.5);
        rich_clear (&n);
      }
    }
}

AtlasSummaryFlow *
_atlas_summary_flow_new (cairo_t                  *cr,
                         AtlasDataset             *dataset,
                         const AtlasRecordSummary *summary,
                         AtlasTheme                theme,
                         double                    width,
                         guint                     flags)
{
  AtlasSummaryFlow *flow = g_new0 (AtlasSummaryFlow, 1);
  g_autoptr(GPtrArray) cited = atlas_record_summary_collect_sources (summary);

  flow->cr = cairo_reference (cr);
  flow->dataset = g_object_ref (dataset);
  flow->palette = atlas_cartography_get_palette (theme);
  flow->width = width;
  flow->label_width = CLAMP (width * 0.26, 90, 170);
  flow->rows = g_array_new (FALSE, TRUE, sizeof (AtlasFlowRow));
  {
    g_autoptr(PangoLayout) probe = _atlas_export_text (cr, "Ag", BODY, -1);

    flow->line_height = layout_height (probe);
  }
  flow->sources = g_ptr_array_new ();
  /* Numbered in the order the summary cites them, whatever is drawn first. */
  for (guint i = 0; i < cited->len; i++)
    source_number (flow, g_ptr_array_index (cited, i));

  if (flags & ATLAS_FLOW_TITLE)
    add_title (flow, summary);
  add_facts (flow, summary->facts);
  if (flags & ATLAS_FLOW_SOURCES)
    add_sources (flow);
  return flow;
}

void
_atlas_summary_flow_free (AtlasSummaryFlow *flow)
{
  if (flow == NULL)
    return;
  for (guint i = 0; i < flow->rows->len; i++)
    {
      AtlasFlowRow *row = &g_array_index (flow->rows, AtlasFlowRow, i);

      g_clear_object (&row->label);
      g_clear_object (&row->text);
    }
  g_array_unref (flow->rows);
  g_ptr_array_unref (flow->sources);
  g_object_unref (flow->dataset);
  cairo_destroy (flow->cr);
  g_free (flow);
}

char *
_atlas_export_printable (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    return NULL;
  if (strstr (text, ATLAS_TEXT_ELLIPSIS) == NULL)
    return g_strdup (text);
  out = g_string_new (text);
  g_string_replace (out, ATLAS_TEXT_ELLIPSIS, "[...]", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
