/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-record-summary.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

/* A record's summary (atlas-record-summary.h) as the side panel shows it: each fact with its
 * caption, its value or links to the records it names, and its sources under it. The pages
 * add their own heading; the facts, their order and their sources are the summary's, the same
 * the export caption and the meeting pack print. */
void atlas_panel_append_summary (GtkWidget                *box,
                                 AtlasSelection           *selection,
                                 const AtlasRecordSummary *summary);

G_END_DECLS
