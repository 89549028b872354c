/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-record-summary.h"

G_BEGIN_DECLS

/* Internal: the pieces summaries are built from, shared by atlas-record-summary.c (the model),
 * atlas-record-summary-district.c and atlas-record-summary-records.c (one builder per kind). */

AtlasRecordSummary *_atlas_summary_new         (AtlasSelectionKind   kind,
                                                gconstpointer        record,
                                                const char          *title);
/* A fact appended to facts (the summary's, or a group's children). empty: see the struct. */
AtlasSummaryFact   *_atlas_summary_add_fact    (GPtrArray           *facts,
                                                AtlasSummaryFactKind kind,
                                                const char          *key,
                                                const char          *label,
                                                const char          *empty);
/* A text fact; left out when value is NULL, unless empty says what to show instead. */
AtlasSummaryFact   *_atlas_summary_add_text    (GPtrArray           *facts,
                                                const char          *key,
                                                const char          *label,
                                                const char          *value,
                                                const char          *empty,
                                                const char          *source);
AtlasSummaryEntry  *_atlas_summary_add_entry   (AtlasSummaryFact    *fact,
                                                AtlasSelectionKind   kind,
                                                const char          *id,
                                                const char          *text,
                                                const char          *detail);
/* Appends a source id unless it is there already (NULL is ignored). */
void                _atlas_summary_cite        (GPtrArray           *sources,
                                                const char          *source);
/* Removes the last fact of facts when it has no value, entries nor children and nothing to say
 * when empty. */
void                _atlas_summary_drop_if_empty (GPtrArray         *facts);
/* A list of the priorities of partnership (NULL: the system's), as links under their groups. */
void                _atlas_summary_add_priorities (GPtrArray              *facts,
                                                   AtlasDataset           *dataset,
                                                   const char             *key,
                                                   const char             *label,
                                                   const AtlasPartnership *partnership);
/* An AtlasFact (a headline fact) as a text fact. */
void                _atlas_summary_add_headline (GPtrArray          *facts,
                                                 const AtlasFact    *fact);

void _atlas_summary_build_district    (AtlasRecordSummary     *summary,
                                       AtlasDataset           *dataset,
                                       const AtlasDistrict    *district);
void _atlas_summary_build_partnership (AtlasRecordSummary     *summary,
                                       AtlasDataset           *dataset,
                                       const AtlasPartnership *partnership);
void _atlas_summary_build_trust       (AtlasRecordSummary     *summary,
                                       AtlasDataset           *dataset,
                                       const AtlasTrust       *trust);
void _atlas_summary_build_site        (AtlasRecordSummary     *summary,
                                       AtlasDataset           *dataset,
                                       const AtlasSite        *site);
void _atlas_summary_build_system      (AtlasRecordSummary     *summary,
                                       AtlasDataset           *dataset);

G_END_DECLS
