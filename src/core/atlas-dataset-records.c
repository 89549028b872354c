/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "atlas-dataset-loader.h"
#include "atlas-geojson.h"

/* The dataset's records, read and cross-checked: see docs/dataset-format.md. */

#define FORMAT "ics-atlas/1"

enum {
  KIND_SOURCE,
  KIND_DISTRICT,
  KIND_PARTNERSHIP,
  KIND_TRUST,
  KIND_SITE,
  KIND_PRIORITY,
  KIND_INDICATOR,
  KIND_UPDATE,
};

typedef struct {
  AtlasLoader l;
  const AtlasJsonNode **district_codes;  /* per district, its "code" node */
  const AtlasJsonNode **site_lats;       /* per site, its "lat" node when lat and lon are good */
} Build;

#define problem _atlas_loader_problem

static const AtlasJsonNode *
list (AtlasLoader         *l,
      const AtlasJsonNode *root,
      const char          *name,
      gboolean             required,
      guint               *n)
{
  const AtlasJsonNode *array = _atlas_loader_member (l, root, name, ATLAS_JSON_ARRAY, required);

  *n = array != NULL ? array->v.children.n : 0;
  return array;
}

static void
read_sources (AtlasLoader         *l,
              const AtlasJsonNode *root)
{
  static const char * const allowed[] = { "id", "title", "publisher", "licence", "url", NULL };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = list (l, root, "sources", TRUE, &self->n_sources);
  guint i;

  self->sources = _atlas_dataset_alloc (self, self->n_sources, sizeof (AtlasSource));
  for (i = 0; i < self->n_sources; i++)
    {
      const AtlasJsonNode *node = &array->v.children.first[i];
      AtlasSource *source = &self->sources[i];
      const char *url;

      if (!_atlas_loader_check_members (l, node, allowed))
        continue;
      source->id = _atlas_loader_id (l, node, self->source_ids, l->id_nodes[KIND_SOURCE],
                                     "source", source);
      source->title = _atlas_loader_text (l, node, "title", TRUE);
      source->publisher = _atlas_loader_text (l, node, "publisher", FALSE);
      source->licence = _atlas_loader_text (l, node, "licence", FALSE);
      url = _atlas_loader_text (l, node, "url", FALSE);
      if (url != NULL && !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
        problem (l, atlas_json_node_get_member (node, "url"), ATLAS_DATASET_ERROR_SCHEMA,
                 "expected an http:// or https:// address");
      else
        source->url = url;
    }
}

static void
read_system (AtlasLoader         *l,
             const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "name", "short_name", "nhs_body", "summary", "facts", "source", NULL
  };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *system = _atlas_loader_member (l, root, "system", ATLAS_JSON_OBJECT, TRUE);

  if (system == NULL || !_atlas_loader_check_members (l, system, allowed))
    return;
  self->name = _atlas_loader_text (l, system, "name", TRUE);
  self->short_name = _atlas_loader_text (l, system, "short_name", TRUE);
  self->nhs_body = _atlas_loader_text (l, system, "nhs_body", FALSE);
  self->summary = _atlas_loader_text (l, system, "summary", FALSE);
  self->facts = (AtlasFact *) _atlas_loader_facts (l, system, &self->n_facts);
  self->source = _atlas_loader_source (l, system);
}

static void
read_districts (Build               *b,
                const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "name", "council", "county", "code", "source", NULL
  };
  AtlasLoader *l = &b->l;
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = list (l, root, "districts", TRUE, &self->n_districts);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  guint i;

  self->districts = _atlas_dataset_alloc (self, self->n_districts, sizeof (AtlasDistrict));
  b->district_codes = _atlas_dataset_alloc (self, self->n_districts, sizeof (AtlasJsonNode *));
  for (i = 0; i < self->n_districts; i++)
    {
      const AtlasJsonNode *node = &array->v.children.first[i];
      AtlasDistrict *district = &self->districts[i];
      const AtlasJsonNode *first;

      district->index = i;
      if (!_atlas_loader_check_members (l, node, allowed))
        continue;
      district->id = _atlas_loader_id (l, node, self->district_ids, l->id_nodes[KIND_DISTRICT],
                                       "district", district);
      district->name = _atlas_loader_text (l, node, "name", TRUE);
      district->council = _atlas_loader_text (l, node, "council", FALSE);
      district->county = _atlas_loader_text (l, node, "county", FALSE);
      district->code = _atlas_loader_text (l, node, "code", TRUE);
      district->source = _atlas_loader_source (l, node);
      if (district->code == NULL)
        continue;
      b->district_codes[i] = atlas_json_node_get_member (node, "code");
      if ((first = g_hash_table_lookup (codes, district->code)) != NULL)
        {
          problem (l, b->district_codes[i], ATLAS_DATASET_ERROR_REFERENCE,
                   "duplicate district code \"%s\" (first at line %u, column %u)",
                   district->code, first->line, first->column);
          b->district_codes[i] = NULL;
        }
      else
        g_hash_table_insert (codes, (gpointer) district->code, (gpointer) b->district_codes[i]);
    }
}

static void
read_partnerships (AtlasLoader         *l,
                   const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "name", "short_name", "kind", "colour", "description", "districts", "facts",
    "sections", "source", NULL
  };
  static const char * const kinds[] = { "place", "thematic", NULL };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = list (l, root, "partnerships", FALSE, &self->n_partnerships);
  guint i, k;

  self->partnerships = _atlas_dataset_alloc (self, self->n_partnerships,
                                             sizeof (AtlasPartnership));
  for (i = 0; i < self->n_partnerships; i++)
    {
      const AtlasJsonNode *node = &array->v.children.first[i];
      AtlasPartnership *p = &self->partnerships[i];
      int kind;

      p->index = i;
      if (!_atlas_loader_check_members (l, node, allowed))
        continue;
      p->id = _atlas_loader_id (l, node, self->partnership_ids, l->id_nodes[KIND_PARTNERSHIP],
                                "partnership", p);
      p->name = _atlas_loader_text (l, node, "name", TRUE);
      p->short_name = _atlas_loader_text (l, node, "short_name", FALSE);
      kind = _atlas_loader_choice (l, node, "kind", kinds, "\"place\" or \"thematic\"");
      p->kind = kind == 1 ? ATLAS_PARTNERSHIP_THEMATIC : ATLAS_PARTNERSHIP_PLACE;
      p->has_colour = _atlas_loader_colour (l, node, &p->colour);
      p->description = _atlas_loader_text (l, node, "description", FALSE);
      p->districts = _atlas_loader_districts (l, node, "districts", TRUE, &p->n_districts);
      p->facts = _atlas_loader_facts (l, node, &p->n_facts);
      p->sections = _atlas_loader_sections (l, node, &p->n_sections);
      p->source = _atlas_loader_source (l, node);

      if (kind != 0)
        continue;
      /* A district is filled by one place partnership only. */
      for (k = 0; k < p->n_districts; k++)
        {
          AtlasDistrict *district = (AtlasDistrict *) p->districts[k];

          if (district->partnership != NULL)
            {
              const AtlasJsonNode *items = atlas_json_node_get_member (node, "districts");
              guint e;

              for (e = 0; e < items->v.children.n; e++)
                if (strcmp (items->v.children.first[e].v.string.str, district->id) == 0)
                  problem (l, &items->v.children.first[e], ATLAS_DATASET_ERROR_REFERENCE,
                           "district \"%s\" is already in place partnership \"%s\"",
                           district->id, district->partnership->id);
            }
          else
            district->partnership = p;
        }
    }
}

static void
read_trusts (AtlasLoader         *l,
             const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "name", "short_name", "kind", "area", "source", NULL
  };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = list (l, root, "trusts", FALSE, &self->n_trusts);
  guint i;

  self->trusts = _atlas_dataset_alloc (self, self->n_trusts, sizeof (AtlasTrust));
  for (i = 0; i < self->n_trusts; i++)
    {
      const AtlasJsonNode *node = &array->v.children.first[i];
      AtlasTrust *trust = &self->trusts[i];

      trust->index = i;
      if (!_atlas_loader_check_members (l, node, allowed))
        continue;
      trust->id = _atlas_loader_id (l, node, self->trust_ids, l->id_nodes[KIND_TRUST], "trust",
                                    trust);
      trust->name = _atlas_loader_text (l, node, "name", TRUE);
      trust->short_name = _atlas_loader_text (l, node, "short_name", FALSE);
      trust->kind = _atlas_loader_text (l, node, "kind", TRUE);
      trust->area = _atlas_loader_text (l, node, "area", FALSE);
      trust->source = _atlas_loader_source (l, node);
    }
}

static gboolean
read_coordinate (AtlasLoader         *l,
                 const AtlasJsonNode *node,
                 const char          *name,
                 double               limit,
                 double              *out)
{
  if (!_atlas_loader_number (l, node, name, TRUE, out))
    return FALSE;
  if (*out >= -limit && *out <= limit)
    return TRUE;
  problem (l, atlas_json_node_get_member (node, name), ATLAS_DATASET_ERROR_GEOMETRY,
           "%s %g is outside [-%g, %g]", strcmp (name, "lat") == 0 ? "latitude" : "longitude",
           *out, limit, limit);
  return FALSE;
}

static void
read_sites (Build               *b,
            const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "name", "town", "kind", "lat", "lon", "trust", "district", "source", NULL
  };
  static const char * const kinds[] = { "acute", "local", "other", NULL };
  AtlasLoader *l = &b->l;
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = list (l, root, "sites", FALSE, &self->n_sites);
  guint i;

  self->sites = _atlas_dataset_alloc (self, self->n_sites, sizeof (AtlasSite));
  b->site_lats = _atlas_dataset_alloc (self, self->n_sites, sizeof (AtlasJsonNode *));
  for (i = 0; i < self->n_sites; i++)
    {
      const AtlasJsonNode *node = &array->v.children.first[i];
      AtlasSite *site = &self->sites[i];
      gboolean placed;
      int kind;

      site->index = i;
      if (!_atlas_loader_check_members (l, node, allowed))
        continue;
      site->id = _atlas_loader_id (l, node, self->site_ids, l->id_nodes[KIND_SITE], "site", site);
      site->name = _atlas_loader_text (l, node, "name", TRUE);
      site->town = _atlas_loader_text (l, node, "town", FALSE);
      kind = _atlas_loader_choice (l, node, "kind", kinds, "\"acute\", \"local\" or \"other\"");
      site->kind = kind < 0 ? ATLAS_SITE_OTHER : (AtlasSiteKind) kind;
      placed = read_coordinate (l, node, "lat", 90, &site->lat);
      placed &= read_coordinate (l, node, "lon", 180, &site->lon);
      site->trust = _atlas_loader_reference (l, node, "trust", self->trust_ids, "trust", TRUE);
      site->district = _atlas_loader_reference (l, node, "district", self->district_ids,
                                                "district", TRUE);
      site->source = _atlas_loader_source (l, node);
      if (placed)
        b->site_lats[i] = atlas_json_node_get_member (node, "lat");
    }
}

static void
read_priorities (AtlasLoader         *l,
                 const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "number", "title", "group", "summary", "partnership", "sections", "source", NULL
  };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = list (l, root, "priorities", FALSE, &self->n_priorities);
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
            problem (l, atlas_json_node_get_member (node, "number"), ATLAS_DATASET_ERROR_SCHEMA,
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
    }
}

static void
read_indicator_values (AtlasLoader         *l,
                       const AtlasJsonNode *node,
                       AtlasIndicator      *indicator)
{
  static const char * const allowed[] = { "area", "value", "districts", NULL };
  const AtlasJsonNode *array = list (l, node, "values", TRUE, &indicator->n_values);
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

static void
read_indicators (AtlasLoader         *l,
                 const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "title", "unit", "period", "note", "values", "source", NULL
  };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = list (l, root, "indicators", FALSE, &self->n_indicators);
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

static void
read_updates (AtlasLoader         *l,
              const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "date", "title", "place", "summary", "items", "districts", "source", NULL
  };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = list (l, root, "updates", FALSE, &self->n_updates);
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
          problem (l, atlas_json_node_get_member (node, "date"), ATLAS_DATASET_ERROR_SCHEMA,
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
    }
}

/* Loads the boundary file and gives every district its shape. */
static void
read_boundaries (Build               *b,
                 const AtlasJsonNode *root,
                 GFile               *base,
                 const char          *display_dir)
{
  static const char * const allowed[] = { "file", "code_property", "source", NULL };
  AtlasLoader *l = &b->l;
  AtlasDataset *self = l->self;
  const AtlasJsonNode *node, *file_node;
  const AtlasSource *source;
  const char *file, *code_property;
  g_autofree char *display = NULL;
  g_autoptr(GFile) boundary_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasJsonDocument) doc = NULL;
  g_autoptr(GHashTable) shapes = NULL;
  gconstpointer data;
  gsize length;
  gboolean too_large;
  guint i;

  node = _atlas_loader_member (l, root, "boundaries", ATLAS_JSON_OBJECT, TRUE);
  if (node == NULL || !_atlas_loader_check_members (l, node, allowed))
    return;
  file = _atlas_loader_text (l, node, "file", TRUE);
  code_property = _atlas_loader_text (l, node, "code_property", TRUE);
  source = _atlas_loader_reference (l, node, "source", self->source_ids, "source", TRUE);
  if (source != NULL)
    self->boundary_licence = source->licence;
  if (file == NULL || code_property == NULL)
    return;

  file_node = atlas_json_node_get_member (node, "file");
  if (g_path_is_absolute (file) || strstr (file, "..") != NULL || strchr (file, '\\') != NULL)
    {
      problem (l, file_node, ATLAS_DATASET_ERROR_SCHEMA,
               "expected the name of a file beside the dataset, found \"%s\"", file);
      return;
    }
  if (base == NULL)
    {
      problem (l, file_node, ATLAS_DATASET_ERROR_IO,
               "cannot read boundary file \"%s\": the dataset has no folder", file);
      return;
    }

  boundary_file = g_file_resolve_relative_path (base, file);
  bytes = _atlas_dataset_read_file (boundary_file, ATLAS_JSON_MAX_INPUT, &too_large, &error);
  if (too_large)
    {
      problem (l, file_node, ATLAS_DATASET_ERROR_LIMIT,
               "boundary file \"%s\" is larger than %d MiB", file,
               ATLAS_JSON_MAX_INPUT / (1024 * 1024));
      return;
    }
  if (bytes == NULL)
    {
      problem (l, file_node, ATLAS_DATASET_ERROR_IO, "cannot read boundary file \"%s\": %s",
               file, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     || g_error_matches (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND)
                     ? "no such file" : error->message);
      return;
    }

  display = display_dir == NULL || strcmp (display_dir, ".") == 0
            ? g_strdup (file) : g_build_filename (display_dir, file, NULL);
  data = g_bytes_get_data (bytes, &length);
  doc = atlas_json_document_parse (data != NULL ? data : "", length, display, &error);
  if (doc == NULL)
    {
      atlas_problems_add_error (l->problems, 1, error);
      return;
    }
  shapes = atlas_geojson_read_boundaries (atlas_json_document_get_root (doc), display,
                                          code_property, l->problems);

  for (i = 0; i < self->n_districts; i++)
    {
      AtlasDistrict *district = &self->districts[i];
      gpointer shape;

      if (b->district_codes[i] == NULL)
        continue;
      if (!g_hash_table_steal_extended (shapes, district->code, NULL, &shape))
        problem (l, b->district_codes[i], ATLAS_DATASET_ERROR_GEOMETRY,
                 "no feature of %s has %s \"%s\"", display, code_property, district->code);
      else
        district->shape = shape;
    }
}

static void
check_sites_inside (Build *b)
{
  AtlasDataset *self = b->l.self;
  guint i;

  for (i = 0; i < self->n_sites; i++)
    {
      const AtlasSite *site = &self->sites[i];

      if (b->site_lats[i] == NULL || site->district == NULL || site->district->shape == NULL)
        continue;
      if (!atlas_shape_contains (site->district->shape, site->lon, site->lat))
        problem (&b->l, b->site_lats[i], ATLAS_DATASET_ERROR_GEOMETRY,
                 "site \"%s\" at %g, %g is not inside its district \"%s\"",
                 site->id != NULL ? site->id : site->name, site->lat, site->lon,
                 site->district->id);
    }
}

static void
read_header (AtlasLoader         *l,
             const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "$schema", "format", "id", "system", "boundaries", "sources", "districts", "partnerships",
    "trusts", "sites", "priorities", "indicators", "updates", NULL
  };
  const AtlasJsonNode *format;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  _atlas_loader_check_members (l, root, allowed);
  format = _atlas_loader_member (l, root, "format", ATLAS_JSON_STRING, TRUE);
  if (format != NULL && strcmp (format->v.string.str, FORMAT) != 0)
    problem (l, format, ATLAS_DATASET_ERROR_SCHEMA, "expected \"" FORMAT "\", found \"%s\"",
             format->v.string.str);
  l->self->id = _atlas_loader_id (l, root, NULL, ids, "dataset", NULL);
}

gboolean
_atlas_dataset_build (AtlasDataset       *self,
                      AtlasJsonDocument  *doc,
                      GFile              *boundary_base,
                      const char         *display_dir,
                      GError            **error)
{
  g_autoptr(AtlasProblems) problems = atlas_problems_new ();
  const AtlasJsonNode *root = atlas_json_document_get_root (doc);
  g_autofree const AtlasShape **shapes = NULL;
  Build b = { { self, problems, atlas_json_document_get_name (doc), { NULL, } }, NULL, NULL };
  guint i;

  self->doc = atlas_json_document_ref (doc);

  if (root->kind != ATLAS_JSON_OBJECT)
    {
      problem (&b.l, root, ATLAS_DATASET_ERROR_SCHEMA,
               "expected an object holding a dataset, found %s",
               atlas_json_kind_to_string (root->kind));
      return atlas_problems_check (problems, error);
    }

  for (i = 0; i < G_N_ELEMENTS (b.l.id_nodes); i++)
    b.l.id_nodes[i] = g_hash_table_new (g_str_hash, g_str_equal);

  read_header (&b.l, root);
  read_sources (&b.l, root);
  read_system (&b.l, root);
  read_districts (&b, root);
  read_partnerships (&b.l, root);
  read_trusts (&b.l, root);
  read_sites (&b, root);
  read_priorities (&b.l, root);
  read_indicators (&b.l, root);
  read_updates (&b.l, root);
  read_boundaries (&b, root, boundary_base, display_dir);
  check_sites_inside (&b);

  for (i = 0; i < G_N_ELEMENTS (b.l.id_nodes); i++)
    g_hash_table_unref (b.l.id_nodes[i]);

  if (!atlas_problems_check (problems, error))
    return FALSE;

  shapes = g_new0 (const AtlasShape *, MAX (self->n_districts, 1));
  for (i = 0; i < self->n_districts; i++)
    {
      shapes[i] = self->districts[i].shape;
      atlas_bbox_union (&self->bbox, &shapes[i]->bbox);
    }
  self->index = atlas_spatial_index_new (shapes, self->n_districts);
  return TRUE;
}
