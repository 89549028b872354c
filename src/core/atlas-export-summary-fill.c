/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-summary-private.h"

#define BULLET_FONT ATLAS_EXPORT_FONT " 11"
#define BULLET_GAP  14.0

/* Rows are cut only between lines, so a part of a row never shows half a line. */

typedef struct {
  double y0;
  double y1;
} Line;

static GArray *
get_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  PangoLayoutIter *iter;

  if (layout == NULL)
    return lines;
  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;
      Line line;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      line.y0 = (double) y0 / PANGO_SCALE;
      line.y1 = (double) y1 / PANGO_SCALE;
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

/* Whether a cut at y goes between lines of the layout (or below it). */
static gboolean
cuts_between (GArray *lines,
              double  y)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line->y0 < y - 0.01 && y < line->y1 - 0.01)
        return FALSE;
    }
  return TRUE;
}

/* The lowest cut in (from, limit] that goes between lines of both the caption and the text;
 * from when there is none. With limit < from, the first cut after from. */
static double
find_cut (const AtlasFlowRow *row,
          double              from,
          double              limit)
{
  g_autoptr(GArray) text = get_lines (row->text);
  g_autoptr(GArray) label = get_lines (row->label);
  double first = row->height;

  for (guint i = text->len; i-- > 0;)
    {
      double y = g_array_index (text, Line, i).y1;

      if (y <= from + 0.01 || !cuts_between (label, y))
        continue;
      if (y <= limit + 0.01)
        return y;
      first = y;
    }
  return limit < from ? first : from;
}

static double
first_line (const AtlasFlowRow *row)
{
  g_autoptr(GArray) lines = get_lines (row->text);

  return lines->len > 0 ? g_array_index (lines, Line, 0).y1 : row->height;
}

static void
draw_part (AtlasSummaryFlow      *flow,
           cairo_t               *cr,
           const AtlasFlowRow    *row,
           const AtlasFlowColumn *column,
           double                 y,
           double                 from,
           double                 to)
{
  cairo_save (cr);
  /* The column is wider than its text by a little: italics and raised numbers stay whole. */
  cairo_rectangle (cr, column->x - 4, y, column->width + 8, to - from);
  cairo_clip (cr);
  _atlas_cartography_set_source_rgba (cr, flow->palette->text, 1.0);
  if (row->label != NULL)
    {
      cairo_move_to (cr, column->x, y - from);
      pango_cairo_show_layout (cr, row->label);
    }
  if (row->bullet && from == 0)
    {
      g_autoptr(PangoLayout) bullet = _atlas_export_text (cr, "•", BULLET_FONT, -1);

      cairo_move_to (cr, column->x + row->text_x - BULLET_GAP, y);
      pango_cairo_show_layout (cr, bullet);
    }
  cairo_move_to (cr, column->x + row->text_x, y - from);
  pango_cairo_show_layout (cr, row->text);
  cairo_restore (cr);
}

/* Places rows in one column from where the flow stands; TRUE when all are placed. */
static gboolean
fill_column (AtlasSummaryFlow      *flow,
             cairo_t               *cr,
             const AtlasFlowColumn *column)
{
  double y = column->y, bottom = column->y + column->height;
  gboolean placed = FALSE;

  while (flow->next < flow->rows->len)
    {
      const AtlasFlowRow *row = &g_array_index (flow->rows, AtlasFlowRow, flow->next);
      double rest = row->height - flow->offset, room = bottom - y, cut;

      if (rest <= room + 0.01)
        {
          /* A heading goes with the first line of what it heads. */
          if (row->keep && placed && flow->offset == 0 && flow->next + 1 < flow->rows->len)
            {
              const AtlasFlowRow *after = &g_array_index (flow->rows, AtlasFlowRow,
                                                          flow->next + 1);

              if (rest + row->gap + first_line (after) > room + 0.01)
                return FALSE;
            }
          if (cr != NULL)
            draw_part (flow, cr, row, column, y, flow->offset, row->height);
          y += rest + row->gap;
          flow->next++;
          flow->offset = 0;
          placed = TRUE;
          continue;
        }

      /* Part of the row here, the rest in the next column: at least two lines, unless the
       * column holds nothing else (a row taller than a column). */
      /* The gap after the last row may have taken the column past its bottom: no room. */
      cut = room > 0 ? find_cut (row, flow->offset, flow->offset + room) : flow->offset;
      if (placed && cut - flow->offset < 2 * flow->line_height - 0.01)
        return FALSE;
      if (cut <= flow->offset)
        {
          if (placed)
            return FALSE;
          /* Not one line fits in an empty column: the column is smaller than a line. Draw
           * the next line clipped rather than never finish. */
          cut = find_cut (row, flow->offset, flow->offset - 1);
        }
      if (cr != NULL)
        draw_part (flow, cr, row, column, y, flow->offset, cut);
      flow->offset = cut;
      if (flow->offset >= row->height - 0.01)
        {
          flow->next++;
          flow->offset = 0;
        }
      return flow->next >= flow->rows->len;
    }
  return TRUE;
}

gboolean
_atlas_summary_flow_fill (AtlasSummaryFlow      *flow,
                          cairo_t               *cr,
                          const AtlasFlowColumn *columns,
                          guint                  n_columns)
{
  g_return_val_if_fail (flow != NULL, TRUE);

  for (guint i = 0; i < n_columns && flow->next < flow->rows->len; i++)
    fill_column (flow, cr, &columns[i]);
  return flow->next >= flow->rows->len;
}

void
_atlas_summary_flow_rewind (AtlasSummaryFlow *flow)
{
  flow->next = 0;
  flow->offset = 0;
}

char *
_atlas_summary_flow_dup_rest (AtlasSummaryFlow *flow)
{
  g_autoptr(GString) rest = g_string_new (NULL);
  const char *last = NULL;

  for (guint i = flow->next; i < flow->rows->len; i++)
    {
      const char *what = g_array_index (flow->rows, AtlasFlowRow, i).what;

      if (what == NULL || g_strcmp0 (what, last) == 0)
        continue;
      g_string_append_printf (rest, "%s%s", rest->len > 0 ? ", " : "", what);
      last = what;
    }
  return rest->len > 0 ? g_string_free (g_steal_pointer (&rest), FALSE) : NULL;
}

double
_atlas_summary_flow_line_height (AtlasSummaryFlow *flow)
{
  return flow->line_height;
}
