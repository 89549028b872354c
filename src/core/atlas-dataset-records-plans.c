/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "atlas-dataset-records-private.h"

/* The dataset's plans and news: priorities, indicators and updates. */

void
_atlas_records_read_priorities (AtlasLoader         *l,
                                const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "number", "title", "group", "summary", "partnership", "sections", "source",
    "field_sources", NULL
  };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = _atlas_records_list (l, root, "priorities", FALSE,
                                                    &self->n_priorities);
  guint i;

  self->priorities = _atlas_dataset_alloc (self, self->n_priorities, sizeof (AtlasPriority));
  for (i = 0; i < self->n_priorities; i++)
    {
      const AtlasJsonNode *node = &array->v.children.first[i];
      AtlasPriority *priority = &self->priorities[i];
      double number;

      priority->index = i;
      if (!_atlas_loader_check_members (l, node, allowed))
        continue;
      priority->id = _atlas_loader_id (l, node, self->priority_ids, l->id_nodes[KIND_PRIORITY],
                                       "priority", priority);
      if (_atlas_loader_number (l, node, "number", TRUE, &number))
        {
          if (number >= 1 && number <= 10000 && floor (number) == number)
            priority->number = (guint) number;
          else
            _atlas_loader_problem (l, atlas_json_node_get_member (node, "number"),
                                   ATLAS_DATASET_ERROR_SCHEMA,
                                   "expected a whole number from 1, found %g", number);
        }
      priority->title = _atlas_loader_text (l, node, "title", TRUE);
      priority->group = _atlas_loader_text (l, node, "group", FALSE);
      priority->summary = _atlas_loader_text (l, node, "summary", FALSE);
      priority->partnership = _atlas_loader_reference (l, node, "partnership",
                                                       self->partnership_ids, "partnership",
                                                       FALSE);
      priority->sections = _atlas_loader_sections (l, node, &priority->n_sections);
      priority->source = _atlas_loader_source (l, node);
      priority->field_sources = _atlas_loader_field_sources (l, node, allowed,
                                                             &priority->n_field_sources);
    }
}

static void
read_indicator_values (AtlasLoader         *l,
                       const AtlasJsonNode *node,
                       AtlasIndicator      *indicator)
{
  static const char * const allowed[] = { "area", "value", "districts", NULL };
  const AtlasJsonNode *array = _atlas_records_list (l, node, "values", TRUE, &indicator->n_values);
  AtlasIndicatorValue *values;
  guint i;

  values = _atlas_dataset_alloc (l->self, indicator->n_values, sizeof (AtlasIndicatorValue));
  indicator->values = values;
  for (i = 0; i < indicator->n_values; i++)
    {
      const AtlasJsonNode *item = &array->v.children.first[i];

      if (!_atlas_loader_check_members (l, item, allowed))
        continue;
      values[i].area = _atlas_loader_text (l, item, "area", TRUE);
      _atlas_loader_number (l, item, "value", TRUE, &values[i].value);
      values[i].districts = _atlas_loader_districts (l, item, "districts", TRUE,
                                                     &values[i].n_districts);
    }
}

void
_atlas_records_read_indicators (AtlasLoader         *l,
                                const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "title", "unit", "period", "note", "values", "source", "field_sources", NULL
  };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = _atlas_records_list (l, root, "indicators", FALSE,
                                                    &self->n_indicators);
  guint i;

  self->indicators = _atlas_dataset_alloc (self, self->n_indicators, sizeof (AtlasIndicator));
  for (i = 0; i < self->n_indicators; i++)
    {
      const AtlasJsonNode *node = &array->v.children.first[i];
      AtlasIndicator *indicator = &self->indicators[i];

      indicator->index = i;
      if (!_atlas_loader_check_members (l, node, allowed))
        continue;
      indicator->id = _atlas_loader_id (l, node, NULL, l->id_nodes[KIND_INDICATOR], "indicator",
                                        indicator);
      indicator->title = _atlas_loader_text (l, node, "title", TRUE);
      indicator->unit = _atlas_loader_text (l, node, "unit", TRUE);
      indicator->period = _atlas_loader_text (l, node, "period", TRUE);
      indicator->note = _atlas_loader_text (l, node, "note", FALSE);
      read_indicator_values (l, node, indicator);
      indicator->source = _atlas_loader_source (l, node);
      indicator->field_sources = _atlas_loader_field_sources (l, node, allowed,
                                                              &indicator->n_field_sources);
    }
}

static gboolean
is_iso_date (const char *text)
{
  guint y, m, d;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  return g_date_valid_dmy (d, m, y);
}

void
_atlas_records_read_updates (AtlasLoader         *l,
                             const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "date", "title", "place", "summary", "items", "districts", "source",
    "field_sources", NULL
  };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = _atlas_records_list (l, root, "updates", FALSE, &self->n_updates);
  guint i;

  self->updates = _atlas_dataset_alloc (self, self->n_updates, sizeof (AtlasUpdate));
  for (i = 0; i < self->n_updates; i++)
    {
      const AtlasJsonNode *node = &array->v.children.first[i];
      AtlasUpdate *update = &self->updates[i];

      update->index = i;
      if (!_atlas_loader_check_members (l, node, allowed))
        continue;
      update->id = _atlas_loader_id (l, node, NULL, l->id_nodes[KIND_UPDATE], "update", update);
      update->date = _atlas_loader_text (l, node, "date", TRUE);
      if (update->date != NULL && !is_iso_date (update->date))
        {
          _atlas_loader_problem (l, atlas_json_node_get_member (node, "date"),
                                 ATLAS_DATASET_ERROR_SCHEMA,
                                 "expected a date written YYYY-MM-DD, found \"%s\"", update->date);
          update->date = NULL;
        }
      update->title = _atlas_loader_text (l, node, "title", TRUE);
      update->place = _atlas_loader_text (l, node, "place", FALSE);
      update->summary = _atlas_loader_text (l, node, "summary", FALSE);
      update->items = _atlas_loader_strings (l, node, "items", &update->n_items);
      update->districts = _atlas_loader_districts (l, node, "districts", FALSE,
                                                   &update->n_districts);
      update->source = _atlas_loader_source (l, node);
      update->field_sources = _atlas_loader_field_sources (l, node, allowed,
                                                           &update->n_field_sources);
    }
}
