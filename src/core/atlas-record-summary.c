/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "atlas-figure.h"
#include "atlas-locale.h"
#include "atlas-record-summary-private.h"
#include "atlas-search-index.h"

static void
entry_free (gpointer data)
{
  AtlasSummaryEntry *entry = data;

  g_free (entry->text);
  g_free (entry->detail);
  g_clear_pointer (&entry->items, g_ptr_array_unref);
  g_free (entry);
}

static void
fact_free (gpointer data)
{
  AtlasSummaryFact *fact = data;

  g_free (fact->label);
  g_free (fact->value);
  g_free (fact->area);
  g_free (fact->note);
  g_clear_pointer (&fact->entries, g_ptr_array_unref);
  g_clear_pointer (&fact->children, g_ptr_array_unref);
  g_clear_pointer (&fact->sources, g_ptr_array_unref);
  g_free (fact);
}

AtlasRecordSummary *
_atlas_summary_new (AtlasSelectionKind kind,
                    gconstpointer      record,
                    const char        *title)
{
  AtlasRecordSummary *self = g_new0 (AtlasRecordSummary, 1);

  self->kind = kind;
  self->record = record;
  self->title = g_strdup (title);
  self->title_sources = g_ptr_array_new ();
  self->facts = g_ptr_array_new_with_free_func (fact_free);
  return self;
}

AtlasSummaryFact *
_atlas_summary_add_fact (GPtrArray            *facts,
                         AtlasSummaryFactKind  kind,
                         const char           *key,
                         const char           *label,
                         const char           *empty)
{
  AtlasSummaryFact *fact = g_new0 (AtlasSummaryFact, 1);

  fact->kind = kind;
  fact->key = key;
  fact->label = g_strdup (label);
  fact->empty = empty;
  fact->sources = g_ptr_array_new ();
  if (kind == ATLAS_SUMMARY_LIST)
    fact->entries = g_ptr_array_new_with_free_func (entry_free);
  else if (kind == ATLAS_SUMMARY_GROUP)
    fact->children = g_ptr_array_new_with_free_func (fact_free);
  g_ptr_array_add (facts, fact);
  return fact;
}

AtlasSummaryFact *
_atlas_summary_add_text (GPtrArray  *facts,
                         const char *key,
                         const char *label,
                         const char *value,
                         const char *empty,
                         const char *source)
{
  AtlasSummaryFact *fact;

  if (value == NULL && empty == NULL)
    return NULL;
  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_TEXT, key, label, empty);
  fact->value = g_strdup (value);
  /* "Not recorded" rests on nothing: it has no source. */
  if (value != NULL)
    _atlas_summary_cite (fact->sources, source);
  return fact;
}

AtlasSummaryEntry *
_atlas_summary_add_entry (AtlasSummaryFact   *fact,
                          AtlasSelectionKind  kind,
                          const char         *id,
                          const char         *text,
                          const char         *detail)
{
  AtlasSummaryEntry *entry = g_new0 (AtlasSummaryEntry, 1);

  entry->kind = kind;
  entry->id = id;
  entry->text = g_strdup (text);
  entry->detail = g_strdup (detail);
  g_ptr_array_add (fact->entries, entry);
  return entry;
}

void
_atlas_summary_cite (GPtrArray  *sources,
                     const char *source)
{
  if (source != NULL && !g_ptr_array_find_with_equal_func (sources, source, g_str_equal, NULL))
    g_ptr_array_add (sources, (gpointer) source);
}

static gboolean
fact_is_empty (const AtlasSummaryFact *fact)
{
  switch (fact->kind)
    {
    case ATLAS_SUMMARY_LIST:
      return fact->entries->len == 0;
    case ATLAS_SUMMARY_GROUP:
      return fact->children->len == 0;
    case ATLAS_SUMMARY_SECTION:
      return fact->section == NULL;
    case ATLAS_SUMMARY_TEXT:
    case ATLAS_SUMMARY_FIGURE:
    default:
      return fact->value == NULL;
    }
}

void
_atlas_summary_drop_if_empty (GPtrArray *facts)
{
  AtlasSummaryFact *last;

  if (facts->len == 0)
    return;
  last = g_ptr_array_index (facts, facts->len - 1);
  if (last->empty == NULL && fact_is_empty (last))
    g_ptr_array_remove_index (facts, facts->len - 1);
}

void
_atlas_summary_add_priorities (GPtrArray              *facts,
                               AtlasDataset           *dataset,
                               const char             *key,
                               const char             *label,
                               const AtlasPartnership *partnership)
{
  const AtlasPriority *priorities;
  AtlasSummaryFact *fact;
  guint n;

  fact = _atlas_summary_add_fact (facts, ATLAS_SUMMARY_LIST, key, label, NULL);
  priorities = atlas_dataset_get_priorities (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasPriority *p = &priorities[i];
      g_autofree char *text = NULL;
      AtlasSummaryEntry *entry;

      if (p->partnership != partnership)
        continue;
      text = g_strdup_printf ("%u. %s", p->number, p->title);
      entry = _atlas_summary_add_entry (fact, ATLAS_SELECTION_PRIORITY, p->id, text, NULL);
      entry->group = p->group;
      /* That it applies here rests on whose priority it is. */
      _atlas_summary_cite (fact->sources, ATLAS_RECORD_FIELD_SOURCE (p, partnership != NULL
                                                                        ? "partnership"
                                                                        : "title"));
    }
  _atlas_summary_drop_if_empty (facts);
}

void
_atlas_summary_add_headline (GPtrArray       *facts,
                             const AtlasFact *fact)
{
  _atlas_summary_add_text (facts, "headline", fact->label, fact->value, NULL, fact->source);
}

AtlasRecordSummary *
atlas_record_summary_new (AtlasDataset       *dataset,
                          AtlasSelectionKind  kind,
                          gconstpointer       record)
{
  AtlasRecordSummary *self;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (record != NULL || kind == ATLAS_SELECTION_NONE, NULL);

  switch (kind)
    {
    case ATLAS_SELECTION_NONE:
      self = _atlas_summary_new (kind, NULL, atlas_dataset_get_name (dataset));
      _atlas_summary_build_system (self, dataset);
      return self;
    case ATLAS_SELECTION_DISTRICT:
      self = _atlas_summary_new (kind, record, ((const AtlasDistrict *) record)->name);
      _atlas_summary_build_district (self, dataset, record);
      return self;
    case ATLAS_SELECTION_PARTNERSHIP:
      self = _atlas_summary_new (kind, record, ((const AtlasPartnership *) record)->name);
      _atlas_summary_build_partnership (self, dataset, record);
      return self;
    case ATLAS_SELECTION_TRUST:
      self = _atlas_summary_new (kind, record, ((const AtlasTrust *) record)->name);
      _atlas_summary_build_trust (self, dataset, record);
      return self;
    case ATLAS_SELECTION_SITE:
      self = _atlas_summary_new (kind, record, ((const AtlasSite *) record)->name);
      _atlas_summary_build_site (self, dataset, record);
      return self;
    case ATLAS_SELECTION_PRIORITY:
    case ATLAS_SELECTION_UPDATE:
    default:
      return NULL;
    }
}

void
atlas_record_summary_free (AtlasRecordSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->subtitle);
  g_ptr_array_unref (self->title_sources);
  g_ptr_array_unref (self->facts);
  g_free (self);
}

static const AtlasSummaryFact *
find_in (GPtrArray  *facts,
         const char *key)
{
  for (guint i = 0; i < facts->len; i++)
    {
      const AtlasSummaryFact *fact = g_ptr_array_index (facts, i);
      const AtlasSummaryFact *found;

      if (g_strcmp0 (fact->key, key) == 0)
        return fact;
      if (fact->children != NULL && (found = find_in (fact->children, key)) != NULL)
        return found;
    }
  return NULL;
}

const AtlasSummaryFact *
atlas_record_summary_find (const AtlasRecordSummary *self,
                           const char               *key)
{
  g_return_val_if_fail (self != NULL && key != NULL, NULL);

  return find_in (self->facts, key);
}

static void
collect_from (GPtrArray *facts,
              GPtrArray *sources)
{
  for (guint i = 0; i < facts->len; i++)
    {
      const AtlasSummaryFact *fact = g_ptr_array_index (facts, i);

      for (guint j = 0; j < fact->sources->len; j++)
        _atlas_summary_cite (sources, g_ptr_array_index (fact->sources, j));
      if (fact->children != NULL)
        collect_from (fact->children, sources);
    }
}

GPtrArray *
atlas_record_summary_collect_sources (const AtlasRecordSummary *self)
{
  GPtrArray *sources = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, sources);

  for (guint i = 0; i < self->title_sources->len; i++)
    _atlas_summary_cite (sources, g_ptr_array_index (self->title_sources, i));
  collect_from (self->facts, sources);
  return sources;
}

char *
atlas_summary_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char tail;

  if (iso_date == NULL)
    return NULL;
  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3
      || !g_date_valid_dmy (day, month, year))
    return g_strdup (iso_date);

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso_date);
  return atlas_format_date (date);
}

const char *
atlas_summary_site_kind (AtlasSiteKind kind)
{
  switch (kind)
    {
    case ATLAS_SITE_ACUTE:
      return _("Acute hospital");
    case ATLAS_SITE_LOCAL:
      return _("Local hospital");
    case ATLAS_SITE_OTHER:
    default:
      return _("Other site");
    }
}

char *
atlas_summary_format_value (const AtlasIndicator      *indicator,
                            const AtlasIndicatorValue *value)
{
  /* One decimal, as the sources give them: "30.0", not "30". */
  g_autofree char *number = atlas_format_number (value->value, 1);
  const char *unit = indicator->unit != NULL ? indicator->unit : "";
  const char *space = (unit[0] == '\0' || g_str_equal (unit, "%")) ? "" : " ";

  if (indicator->period != NULL)
    /* TRANSLATORS: an indicator's value, unit and period: "20.1% (2019-20)" */
    return g_strdup_printf (_("%s%s%s (%s)"), number, space, unit, indicator->period);
  return g_strdup_printf ("%s%s%s", number, space, unit);
}

/* The words of text, a possessive "’s" left out: "Watford’s plans" mentions Watford. */
static GStrv
tokenise_without_possessives (const char *text)
{
  g_autoptr(GString) plain = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      gsize mark = *p == '\'' ? 1 : strncmp (p, "\xe2\x80\x99", 3) == 0 ? 3 : 0;

      if (mark > 0 && p > text && g_ascii_isalpha (p[-1]) && (p[mark] == 's' || p[mark] == 'S')
          && !g_ascii_isalnum (p[mark + 1]))
        p += mark;  /* the mark and the s */
      else
        g_string_append_c (plain, *p);
    }
  return atlas_search_tokenise (plain->str);
}

gboolean
atlas_summary_text_mentions (const char *text,
                             const char *name)
{
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) wanted = NULL;
  g_autofree guint *fail = NULL;
  guint n_wanted, k = 0;

  if (text == NULL || name == NULL)
    return FALSE;
  wanted = atlas_search_tokenise (name);
  n_wanted = g_strv_length (wanted);
  if (n_wanted == 0)
    return FALSE;
  words = tokenise_without_possessives (text);

  /* The name's words one after the other, found in one pass (Knuth–Morris–Pratt over words),
   * so that a long name of repeated words costs no more than its length. */
  fail = g_new0 (guint, n_wanted);
  for (guint i = 1; i < n_wanted; i++)
    {
      while (k > 0 && strcmp (wanted[i], wanted[k]) != 0)
        k = fail[k - 1];
      if (strcmp (wanted[i], wanted[k]) == 0)
        k++;
      fail[i] = k;
    }
  k = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      while (k > 0 && strcmp (words[i], wanted[k]) != 0)
        k = fail[k - 1];
      if (strcmp (words[i], wanted[k]) == 0 && ++k == n_wanted)
        return TRUE;
    }
  return FALSE;
}
