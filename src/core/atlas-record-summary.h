/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

/* What ICS Atlas says about one record, fact by fact, each with its sources: the one account
 * that the side panel's pages, the export caption and the meeting pack all show, so that they
 * never disagree. A summary is built from an immutable dataset and borrows its records' ids;
 * keep a reference to the dataset while the summary is in use.
 *
 * A district's summary: its council and county, the partnerships it is in (its place
 * partnership, then the others), the priorities that apply to it (its place partnership's, then
 * the system's), the trusts with a site in it and those sites (with their kind and trust), the
 * indicators with value, unit, period, the area the figure is for and the indicator's note, the
 * updates that name it with the items that mention it by name, the headline facts of its place
 * partnership (City and Hackney's population on the Hackney and City of London pages), and its
 * ONS code. Partnerships, trusts, sites and the system have theirs. Facts a record does not
 * have are left out, except those a planner expects (a council, a trust's area), which say so.
 *
 * Each fact keeps the sources it rests on, in order and without repeats: a field's own source
 * (ATLAS_RECORD_FIELD_SOURCE), or the distinct sources of the records a list is drawn from. */

typedef struct _AtlasRecordSummary AtlasRecordSummary;
typedef struct _AtlasSummaryFact   AtlasSummaryFact;

typedef enum {
  ATLAS_SUMMARY_TEXT,     /* value: a name, a code, a paragraph */
  ATLAS_SUMMARY_LIST,     /* entries: records (links) or lines of text */
  ATLAS_SUMMARY_FIGURE,   /* an indicator: value, the area it is for and a note */
  ATLAS_SUMMARY_GROUP,    /* children: facts shown together under the label */
  ATLAS_SUMMARY_SECTION,  /* section: a block of text with a heading and bullet items */
} AtlasSummaryFactKind;

/* One entry of a list. */
typedef struct {
  char *text;                 /* what it says: a name, "1. Give every child…", a date and title */
  char *detail;               /* optional: "Acute hospital", "acute"; shown after the text */
  AtlasSelectionKind kind;    /* the record it names; ATLAS_SELECTION_NONE for plain text */
  const char *id;             /* that record's id */
  const char *group;          /* optional heading the entry comes under (a priority's group) */
  GPtrArray *items;           /* optional (char *): an update's items that name the subject */
} AtlasSummaryEntry;

struct _AtlasSummaryFact {
  AtlasSummaryFactKind kind;
  const char *key;            /* what the fact is, for code and tests: "council", "indicator"… */
  char *label;                /* its caption: "Council", an indicator's title */
  char *value;                /* TEXT and FIGURE; NULL when not recorded */
  char *area;                 /* FIGURE: "Figure for Essex", when not the record's own */
  char *note;                 /* FIGURE: the indicator's note */
  GPtrArray *entries;         /* LIST: AtlasSummaryEntry */
  GPtrArray *children;        /* GROUP: AtlasSummaryFact */
  const AtlasSection *section;/* SECTION */
  const char *empty;          /* what to say when there is no value or entry ("Not recorded");
                               * facts left out when empty have none */
  GPtrArray *sources;         /* source ids (const char *), in order, no repeats */
};

struct _AtlasRecordSummary {
  AtlasSelectionKind kind;
  gconstpointer record;       /* NULL for the system */
  char *title;                /* the record's name */
  char *subtitle;             /* optional: "Place partnership", "Acute hospital" */
  GPtrArray *title_sources;   /* where the name (and subtitle) come from */
  GPtrArray *facts;           /* AtlasSummaryFact, in the order they are shown */
};

/* The summary of a record as atlas_selection_get_record () gives it (kind NONE, record NULL:
 * the system). Districts, partnerships, trusts and sites have one; NULL for other kinds. */
AtlasRecordSummary *atlas_record_summary_new   (AtlasDataset        *dataset,
                                                AtlasSelectionKind   kind,
                                                gconstpointer        record);
void                atlas_record_summary_free  (AtlasRecordSummary  *self);

/* The first fact with that key (looking into groups), or NULL. */
const AtlasSummaryFact *atlas_record_summary_find (const AtlasRecordSummary *self,
                                                   const char               *key);
/* Every source the summary cites (title first, then fact by fact), in order, no repeats.
 * Free the array (not its strings). */
GPtrArray          *atlas_record_summary_collect_sources (const AtlasRecordSummary *self);

/* "23 November 2023" from "2023-11-23"; the input itself when it is not such a date. */
char               *atlas_summary_format_date  (const char          *iso_date);
/* "Acute hospital", "Local hospital", "Other site". */
const char         *atlas_summary_site_kind    (AtlasSiteKind        kind);
/* An indicator's value with its unit and period: "20.1% (2019-20)". */
char               *atlas_summary_format_value (const AtlasIndicator      *indicator,
                                                const AtlasIndicatorValue *value);
/* Whether text names name as words of its own (ignoring case and accents): "Watford" in
 * "a new health hub in central Watford", not in "Watfordshire". */
gboolean            atlas_summary_text_mentions (const char         *text,
                                                 const char         *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasRecordSummary, atlas_record_summary_free)

G_END_DECLS
