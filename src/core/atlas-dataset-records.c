/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "atlas-dataset-records-private.h"
#include "atlas-hash.h"

/* The dataset's records, read and cross-checked: see docs/dataset-format.md. The places and
 * organisations are read here; plans and updates in atlas-dataset-records-plans.c, boundaries
 * in atlas-dataset-records-boundaries.c. */

#define FORMAT "ics-atlas/1"

const AtlasJsonNode *
_atlas_records_list (AtlasLoader         *l,
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
  const AtlasJsonNode *array = _atlas_records_list (l, root, "sources", TRUE, &self->n_sources);
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
        _atlas_loader_problem (l, atlas_json_node_get_member (node, "url"),
                               ATLAS_DATASET_ERROR_SCHEMA,
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
    "name", "short_name", "nhs_body", "summary", "facts", "source", "field_sources", NULL
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
  self->field_sources = _atlas_loader_field_sources (l, system, allowed, &self->n_field_sources);
}

static void
read_districts (AtlasBuild          *b,
                const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "name", "council", "county", "code", "source", "field_sources", NULL
  };
  AtlasLoader *l = &b->l;
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = _atlas_records_list (l, root, "districts", TRUE, &self->n_districts);
  g_autoptr(GHashTable) codes = atlas_str_table_new (NULL);
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
      district->field_sources = _atlas_loader_field_sources (l, node, allowed,
                                                             &district->n_field_sources);
      if (district->code == NULL)
        continue;
      b->district_codes[i] = atlas_json_node_get_member (node, "code");
      if ((first = g_hash_table_lookup (codes, district->code)) != NULL)
        {
          _atlas_loader_problem (l, b->district_codes[i], ATLAS_DATASET_ERROR_REFERENCE,
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
    "sections", "source", "field_sources", NULL
  };
  static const char * const kinds[] = { "place", "thematic", NULL };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = _atlas_records_list (l, root, "partnerships", FALSE,
                                                    &self->n_partnerships);
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
      p->field_sources = _atlas_loader_field_sources (l, node, allowed, &p->n_field_sources);

      if (kind != 0)
        continue;
      /* A district is filled by one place partnership only. */
      for (k = 0; k < p->n_districts; k++)
        {
          AtlasDistrict *district = (AtlasDistrict *) p->districts[k];

          if (district->partnership != NULL)
            _atlas_loader_problem (l, g_ptr_array_index (l->district_items, k),
                                   ATLAS_DATASET_ERROR_REFERENCE,
                                   "district \"%s\" is already in place partnership \"%s\"",
                                   district->id, district->partnership->id);
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
    "id", "name", "short_name", "kind", "area", "source", "field_sources", NULL
  };
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = _atlas_records_list (l, root, "trusts", FALSE, &self->n_trusts);
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
      trust->field_sources = _atlas_loader_field_sources (l, node, allowed,
                                                          &trust->n_field_sources);
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
  _atlas_loader_problem (l, atlas_json_node_get_member (node, name), ATLAS_DATASET_ERROR_GEOMETRY,
                         "%s %g is outside [-%g, %g]",
                         strcmp (name, "lat") == 0 ? "latitude" : "longitude", *out, limit, limit);
  return FALSE;
}

static void
read_sites (AtlasBuild          *b,
            const AtlasJsonNode *root)
{
  static const char * const allowed[] = {
    "id", "name", "town", "kind", "lat", "lon", "trust", "district", "source", "field_sources",
    NULL
  };
  static const char * const kinds[] = { "acute", "local", "other", NULL };
  AtlasLoader *l = &b->l;
  AtlasDataset *self = l->self;
  const AtlasJsonNode *array = _atlas_records_list (l, root, "sites", FALSE, &self->n_sites);
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
      site->field_sources = _atlas_loader_field_sources (l, node, allowed,
                                                         &site->n_field_sources);
      if (placed)
        b->site_lats[i] = atlas_json_node_get_member (node, "lat");
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
  g_autoptr(GHashTable) ids = atlas_str_table_new (NULL);

  _atlas_loader_check_members (l, root, allowed);
  format = _atlas_loader_member (l, root, "format", ATLAS_JSON_STRING, TRUE);
  if (format != NULL && strcmp (format->v.string.str, FORMAT) != 0)
    _atlas_loader_problem (l, format, ATLAS_DATASET_ERROR_SCHEMA,
                           "expected \"" FORMAT "\", found \"%s\"", format->v.string.str);
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
  AtlasBuild b = { { self, problems, atlas_json_document_get_name (doc), { NULL, } }, NULL, NULL };
  guint i;

  self->doc = atlas_json_document_ref (doc);

  if (root->kind != ATLAS_JSON_OBJECT)
    {
      _atlas_loader_problem (&b.l, root, ATLAS_DATASET_ERROR_SCHEMA,
                             "expected an object holding a dataset, found %s",
                             atlas_json_kind_to_string (root->kind));
      return atlas_problems_check (problems, error);
    }

  for (i = 0; i < G_N_ELEMENTS (b.l.id_nodes); i++)
    b.l.id_nodes[i] = atlas_str_table_new (NULL);

  read_header (&b.l, root);
  read_sources (&b.l, root);
  read_system (&b.l, root);
  read_districts (&b, root);
  read_partnerships (&b.l, root);
  read_trusts (&b.l, root);
  read_sites (&b, root);
  _atlas_records_read_priorities (&b.l, root);
  _atlas_records_read_indicators (&b.l, root);
  _atlas_records_read_updates (&b.l, root);
  _atlas_records_read_boundaries (&b, root, boundary_base, display_dir);
  _atlas_records_check_sites_inside (&b);

  for (i = 0; i < G_N_ELEMENTS (b.l.id_nodes); i++)
    g_hash_table_unref (b.l.id_nodes[i]);
  _atlas_loader_clear (&b.l);

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
