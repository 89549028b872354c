/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "atlas-dataset-loader.h"
#include "atlas-hash.h"

/* Reading and checking the records of a dataset. Every check reports into the problem list
 * and carries on, so one load shows every problem. Records are read in the order their
 * references need (sources, districts, partnerships, trusts, sites, …), whatever the order
 * of the members in the file. */

#define DATASET_RANK 0


gboolean
_atlas_loader_expect (AtlasLoader         *l,
                      const AtlasJsonNode *node,
                      AtlasJsonKind        kind)
{
  if (node->kind == kind)
    return TRUE;
  _atlas_loader_problem (l, node, ATLAS_DATASET_ERROR_SCHEMA, "expected %s, found %s",
                         atlas_json_kind_to_string (kind), atlas_json_kind_to_string (node->kind));
  return FALSE;
}

/* Reports members that the format does not define. FALSE when obj is not an object. */
gboolean
_atlas_loader_check_members (AtlasLoader         *l,
                             const AtlasJsonNode *obj,
                             const char * const  *allowed)
{
  guint i;

  if (!_atlas_loader_expect (l, obj, ATLAS_JSON_OBJECT))
    return FALSE;
  for (i = 0; i < obj->v.children.n; i++)
    {
      const AtlasJsonNode *member = &obj->v.children.first[i];

      if (!g_strv_contains (allowed, member->key))
        _atlas_loader_problem (l, member, ATLAS_DATASET_ERROR_SCHEMA, "unknown member \"%s\"",
                               member->key);
    }
  return TRUE;
}

const AtlasJsonNode *
_atlas_loader_member (AtlasLoader         *l,
                      const AtlasJsonNode *obj,
                      const char          *name,
                      AtlasJsonKind        kind,
                      gboolean             required)
{
  const AtlasJsonNode *member = atlas_json_node_get_member (obj, name);

  if (member == NULL)
    {
      if (required)
        _atlas_loader_problem (l, obj, ATLAS_DATASET_ERROR_SCHEMA,
                               "missing required member \"%s\"", name);
      return NULL;
    }
  return _atlas_loader_expect (l, member, kind) ? member : NULL;
}

const char *
_atlas_loader_text (AtlasLoader         *l,
                    const AtlasJsonNode *obj,
                    const char          *name,
                    gboolean             required)
{
  const AtlasJsonNode *member = _atlas_loader_member (l, obj, name, ATLAS_JSON_STRING, required);

  if (member == NULL)
    return NULL;
  if (member->v.string.len == 0)
    {
      _atlas_loader_problem (l, member, ATLAS_DATASET_ERROR_SCHEMA,
                             required ? "expected a non-empty string"
                        : "expected a non-empty string (leave the member out when not recorded)");
      return NULL;
    }
  return member->v.string.str;
}

static gboolean
is_valid_id (const char *id)
{
  const char *p;

  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;
  for (p = id + 1; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* Source ids are file names of the source documents, so they also allow '.', '_' and capitals. */
static gboolean
is_valid_source_id (const char *id)
{
  const char *p;

  if (!g_ascii_isalnum (id[0]))
    return FALSE;
  for (p = id + 1; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

/* Reads obj's "id", checks its syntax and that no earlier record of the kind has it, and
 * registers record under it. */
const char *
_atlas_loader_id (AtlasLoader         *l,
                  const AtlasJsonNode *obj,
                  GHashTable          *table,
                  GHashTable          *nodes,
                  const char          *kind,
                  gpointer             record)
{
  const AtlasJsonNode *member = _atlas_loader_member (l, obj, "id", ATLAS_JSON_STRING, TRUE);
  const AtlasJsonNode *first;
  const char *id;

  if (member == NULL)
    return NULL;
  id = member->v.string.str;
  if (table == l->self->source_ids ? !is_valid_source_id (id) : !is_valid_id (id))
    {
      _atlas_loader_problem (l, member, ATLAS_DATASET_ERROR_SCHEMA,
                             table == l->self->source_ids
                             ? "expected an id of letters, digits, '.', '_' and '-', found \"%s\""
                             : "expected an id matching ^[a-z0-9][a-z0-9-]*$, found \"%s\"", id);
      return NULL;
    }
  if ((first = g_hash_table_lookup (nodes, id)) != NULL)
    {
      _atlas_loader_problem (l, member, ATLAS_DATASET_ERROR_REFERENCE,
                             "duplicate %s id \"%s\" (first at line %u, column %u)", kind, id,
                             first->line, first->column);
      return NULL;
    }
  g_hash_table_insert (nodes, (gpointer) id, (gpointer) member);
  if (table != NULL)
    g_hash_table_insert (table, (gpointer) id, record);
  return id;
}

/* The record that a string node names in table, or NULL after a problem. */
gconstpointer
_atlas_loader_resolve (AtlasLoader         *l,
                       const AtlasJsonNode *node,
                       GHashTable          *table,
                       const char          *kind)
{
  gconstpointer record;

  if (!_atlas_loader_expect (l, node, ATLAS_JSON_STRING))
    return NULL;
  record = g_hash_table_lookup (table, node->v.string.str);
  if (record == NULL)
    _atlas_loader_problem (l, node, ATLAS_DATASET_ERROR_REFERENCE, "no %s has id \"%s\"", kind,
                           node->v.string.str);
  return record;
}

gconstpointer
_atlas_loader_reference (AtlasLoader         *l,
                         const AtlasJsonNode *obj,
                         const char          *name,
                         GHashTable          *table,
                         const char          *kind,
                         gboolean             required)
{
  const AtlasJsonNode *member = atlas_json_node_get_member (obj, name);

  if (member == NULL)
    {
      if (required)
        _atlas_loader_problem (l, obj, ATLAS_DATASET_ERROR_SCHEMA,
                               "missing required member \"%s\"", name);
      return NULL;
    }
  return _atlas_loader_resolve (l, member, table, kind);
}

const char *
_atlas_loader_source (AtlasLoader         *l,
                      const AtlasJsonNode *obj)
{
  const AtlasSource *source = _atlas_loader_reference (l, obj, "source", l->self->source_ids,
                                                       "source", TRUE);

  return source != NULL ? source->id : NULL;
}

/* The optional "field_sources" object of a record: for fields named in allowed (other than id,
 * source and field_sources themselves) that the record has, the source they come from. */
const AtlasFieldSource *
_atlas_loader_field_sources (AtlasLoader         *l,
                             const AtlasJsonNode *obj,
                             const char * const  *allowed,
                             guint               *n_out)
{
  const AtlasJsonNode *map = _atlas_loader_member (l, obj, "field_sources", ATLAS_JSON_OBJECT,
                                                   FALSE);
  AtlasFieldSource *field_sources;
  guint i, n = 0;

  *n_out = 0;
  if (map == NULL)
    return NULL;
  field_sources = _atlas_dataset_alloc (l->self, MAX (map->v.children.n, 1),
                                        sizeof (AtlasFieldSource));
  for (i = 0; i < map->v.children.n; i++)
    {
      const AtlasJsonNode *member = &map->v.children.first[i];
      const AtlasSource *source;

      if (!g_strv_contains (allowed, member->key))
        {
          _atlas_loader_problem (l, member, ATLAS_DATASET_ERROR_SCHEMA,
                                 "\"%s\" is not a field of this record", member->key);
          continue;
        }
      if (strcmp (member->key, "id") == 0 || strcmp (member->key, "source") == 0
          || strcmp (member->key, "field_sources") == 0)
        {
          _atlas_loader_problem (l, member, ATLAS_DATASET_ERROR_SCHEMA,
                                 "\"%s\" takes the record's own source", member->key);
          continue;
        }
      if (atlas_json_node_get_member (obj, member->key) == NULL)
        {
          _atlas_loader_problem (l, member, ATLAS_DATASET_ERROR_SCHEMA,
                                 "gives a source to \"%s\", which the record does not have",
                                 member->key);
          continue;
        }
      source = _atlas_loader_resolve (l, member, l->self->source_ids, "source");
      if (source == NULL)
        continue;
      field_sources[n].field = member->key;
      field_sources[n].source = source->id;
      n++;
    }
  *n_out = n;
  return field_sources;
}

gboolean
_atlas_loader_number (AtlasLoader         *l,
                      const AtlasJsonNode *obj,
                      const char          *name,
                      gboolean             required,
                      double              *out)
{
  const AtlasJsonNode *member = _atlas_loader_member (l, obj, name, ATLAS_JSON_NUMBER, required);

  if (member == NULL)
    return FALSE;
  *out = member->v.number;
  return TRUE;
}

/* An optional array of non-empty strings. */
const char **
_atlas_loader_strings (AtlasLoader         *l,
                       const AtlasJsonNode *obj,
                       const char          *name,
                       guint               *n_out)
{
  const AtlasJsonNode *array = _atlas_loader_member (l, obj, name, ATLAS_JSON_ARRAY, FALSE);
  const char **items;
  guint i, n = 0;

  *n_out = 0;
  if (array == NULL)
    return NULL;
  items = _atlas_dataset_alloc (l->self, array->v.children.n + 1, sizeof (char *));
  for (i = 0; i < array->v.children.n; i++)
    {
      const AtlasJsonNode *item = &array->v.children.first[i];

      if (!_atlas_loader_expect (l, item, ATLAS_JSON_STRING))
        continue;
      if (item->v.string.len == 0)
        {
          _atlas_loader_problem (l, item, ATLAS_DATASET_ERROR_SCHEMA,
                                 "expected a non-empty string");
          continue;
        }
      items[n++] = item->v.string.str;
    }
  *n_out = n;
  return items;
}

/* A required array of district ids, each resolving and listed once. */
const AtlasDistrict **
_atlas_loader_districts (AtlasLoader         *l,
                         const AtlasJsonNode *obj,
                         const char          *name,
                         gboolean             required,
                         guint               *n_out)
{
  const AtlasJsonNode *array = _atlas_loader_member (l, obj, name, ATLAS_JSON_ARRAY, required);
  const AtlasDistrict **districts;
  guint i, n = 0;

  *n_out = 0;
  if (l->district_items == NULL)
    l->district_items = g_ptr_array_new ();
  g_ptr_array_set_size (l->district_items, 0);
  if (array == NULL)
    return NULL;
  if (l->district_marks == NULL)
    l->district_marks = g_new0 (guint, MAX (l->self->n_districts, 1));
  l->district_list++;
  districts = _atlas_dataset_alloc (l->self, array->v.children.n, sizeof (AtlasDistrict *));
  for (i = 0; i < array->v.children.n; i++)
    {
      const AtlasJsonNode *item = &array->v.children.first[i];
      const AtlasDistrict *district = _atlas_loader_resolve (l, item, l->self->district_ids,
                                                             "district");

      if (district == NULL)
        continue;
      if (l->district_marks[district->index] == l->district_list)
        {
          _atlas_loader_problem (l, item, ATLAS_DATASET_ERROR_REFERENCE,
                                 "district \"%s\" is listed twice",
                                 district->id);
          continue;
        }
      l->district_marks[district->index] = l->district_list;
      g_ptr_array_add (l->district_items, (gpointer) item);
      districts[n++] = district;
    }
  *n_out = n;
  return districts;
}

static void
read_section (AtlasLoader         *l,
              const AtlasJsonNode *node,
              AtlasSection        *section)
{
  static const char * const allowed[] = { "title", "text", "items", NULL };

  if (!_atlas_loader_check_members (l, node, allowed))
    return;
  section->title = _atlas_loader_text (l, node, "title", FALSE);
  section->text = _atlas_loader_text (l, node, "text", FALSE);
  section->items = _atlas_loader_strings (l, node, "items", &section->n_items);
}

const AtlasSection *
_atlas_loader_sections (AtlasLoader         *l,
                        const AtlasJsonNode *obj,
                        guint               *n_out)
{
  const AtlasJsonNode *array = _atlas_loader_member (l, obj, "sections", ATLAS_JSON_ARRAY, FALSE);
  AtlasSection *sections;
  guint i;

  *n_out = 0;
  if (array == NULL)
    return NULL;
  sections = _atlas_dataset_alloc (l->self, array->v.children.n, sizeof (AtlasSection));
  for (i = 0; i < array->v.children.n; i++)
    read_section (l, &array->v.children.first[i], &sections[i]);
  *n_out = array->v.children.n;
  return sections;
}

const AtlasFact *
_atlas_loader_facts (AtlasLoader         *l,
                     const AtlasJsonNode *obj,
                     guint               *n_out)
{
  static const char * const allowed[] = { "id", "label", "value", "source", NULL };
  const AtlasJsonNode *array = _atlas_loader_member (l, obj, "facts", ATLAS_JSON_ARRAY, FALSE);
  g_autoptr(GHashTable) ids = atlas_str_table_new (NULL);
  AtlasFact *facts;
  guint i;

  *n_out = 0;
  if (array == NULL)
    return NULL;
  facts = _atlas_dataset_alloc (l->self, array->v.children.n, sizeof (AtlasFact));
  for (i = 0; i < array->v.children.n; i++)
    {
      const AtlasJsonNode *node = &array->v.children.first[i];

      if (!_atlas_loader_check_members (l, node, allowed))
        continue;
      facts[i].id = _atlas_loader_id (l, node, NULL, ids, "fact", &facts[i]);
      facts[i].label = _atlas_loader_text (l, node, "label", TRUE);
      facts[i].value = _atlas_loader_text (l, node, "value", TRUE);
      facts[i].source = _atlas_loader_source (l, node);
    }
  *n_out = array->v.children.n;
  return facts;
}

/* "#rrggbb" */
gboolean
_atlas_loader_colour (AtlasLoader         *l,
                      const AtlasJsonNode *obj,
                      guint32             *out)
{
  const AtlasJsonNode *member = _atlas_loader_member (l, obj, "colour", ATLAS_JSON_STRING, FALSE);
  const char *text;
  guint32 value = 0;
  int i;

  if (member == NULL)
    return FALSE;
  text = member->v.string.str;
  if (member->v.string.len != 7 || text[0] != '#')
    goto bad;
  for (i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        goto bad;
      value = value * 16 + digit;
    }
  *out = value;
  return TRUE;

bad:
  _atlas_loader_problem (l, member, ATLAS_DATASET_ERROR_SCHEMA,
                         "expected a colour written #rrggbb, found \"%s\"", text);
  return FALSE;
}

/* One of the words, as its position in the list; -1 after a problem or when absent. */
int
_atlas_loader_choice (AtlasLoader         *l,
                      const AtlasJsonNode *obj,
                      const char          *name,
                      const char * const  *words,
                      const char          *expected)
{
  const AtlasJsonNode *member = _atlas_loader_member (l, obj, name, ATLAS_JSON_STRING, TRUE);
  int i;

  if (member == NULL)
    return -1;
  for (i = 0; words[i] != NULL; i++)
    if (strcmp (words[i], member->v.string.str) == 0)
      return i;
  _atlas_loader_problem (l, member, ATLAS_DATASET_ERROR_SCHEMA, "expected %s, found \"%s\"",
                         expected,
                         member->v.string.str);
  return -1;
}

void
_atlas_loader_clear (AtlasLoader *l)
{
  g_clear_pointer (&l->district_marks, g_free);
  g_clear_pointer (&l->district_items, g_ptr_array_unref);
}

void
_atlas_loader_problem (AtlasLoader         *l,
                       const AtlasJsonNode *node,
                       AtlasDatasetError    code,
                       const char          *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  atlas_problems_add_valist (l->problems, DATASET_RANK, l->name, node, code, format, args);
  va_end (args);
}
