/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-summary-private.h"

#include <glib/gi18n-lib.h>

#define NOTE ATLAS_EXPORT_FONT " 9.5"

/* The record the caption is about: the selection, or the whole system. */
static AtlasRecordSummary *
create_summary (const AtlasExportOptions *options)
{
  AtlasRecordSummary *summary = NULL;

  if (options->carto.selection_kind == ATLAS_SELECTION_DISTRICT && options->carto.selected)
    summary = atlas_record_summary_new (options->dataset, ATLAS_SELECTION_DISTRICT,
                                        options->carto.selected);
  else if (options->carto.selection_kind == ATLAS_SELECTION_PARTNERSHIP
           && options->carto.highlighted != NULL)
    summary = atlas_record_summary_new (options->dataset, ATLAS_SELECTION_PARTNERSHIP,
                                        options->carto.highlighted);
  else if (options->carto.selection != NULL)
    summary = atlas_record_summary_new (options->dataset, options->carto.selection_kind,
                                        options->carto.selection);
  if (summary == NULL)
    summary = atlas_record_summary_new (options->dataset, ATLAS_SELECTION_NONE, NULL);
  return summary;
}

/* The summary of the selection (atlas-record-summary.h), as the side panel and the meeting pack
 * show it. A caption has one column of fixed size: what does not fit is left out whole, and a
 * line at the bottom says what, rather than text being cut. */
void
_atlas_export_draw_caption (cairo_t                  *cr,
                            const AtlasExportOptions *options,
                            double                    x,
                            double                    y,
                            double                    width,
                            double                    height)
{
  g_autoptr(AtlasRecordSummary) summary = create_summary (options);
  g_autoptr(AtlasSummaryFlow) flow = NULL;
  g_autoptr(PangoLayout) note = NULL;
  AtlasFlowColumn column = { x, y, width, height };
  int note_height = 0;

  flow = _atlas_summary_flow_new (cr, options->dataset, summary, options->carto.theme, width,
                                  ATLAS_FLOW_TITLE | ATLAS_FLOW_SOURCES);
  if (_atlas_summary_flow_fill (flow, NULL, &column, 1))
    {
      _atlas_summary_flow_rewind (flow);
      _atlas_summary_flow_fill (flow, cr, &column, 1);
      return;
    }

  /* The note at the foot names what the column leaves out, whole. Each shorter column can only
   * leave out more, so the note is measured again until the room kept for it is enough; a
   * note is never taller than the whole caption's facts, so this ends. */
  for (int tries = 0; tries < 8; tries++)
    {
      g_autofree char *rest = NULL;
      g_autofree char *text = NULL;
      int h;

      column.height = MAX (0, height - note_height - (note_height > 0 ? 8 : 0));
      _atlas_summary_flow_rewind (flow);
      _atlas_summary_flow_fill (flow, NULL, &column, 1);
      rest = _atlas_summary_flow_dup_rest (flow);
      /* TRANSLATORS: at the foot of an export's caption: the facts that had no room */
      text = g_strdup_printf (_("Not shown, or not in full, for want of room: %s. The side "
                                "panel and the meeting pack have them."), rest ? rest : "");
      g_clear_object (&note);
      note = _atlas_export_text (cr, text, NOTE, width);
      pango_layout_get_pixel_size (note, NULL, &h);
      if (h <= note_height)
        break;
      note_height = h;
    }
  _atlas_summary_flow_rewind (flow);
  _atlas_summary_flow_fill (flow, cr, &column, 1);
  cairo_move_to (cr, x, y + height - note_height);
  _atlas_cartography_set_source_rgba (cr, atlas_cartography_get_palette (options->carto.theme)
                                            ->muted_text, 1.0);
  pango_cairo_show_layout (cr, note);
}
