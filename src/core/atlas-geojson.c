/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "atlas-geojson.h"
#include "atlas-hash.h"

#define BOUNDARY_RANK 1

typedef struct {
  const char *name;
  AtlasProblems *problems;
  guint n_positions;
  gboolean over_limit;
  GArray *points;
  GArray *ring_start;
  GArray *polygon_start;
} Reader;

static void problem (Reader *reader, const AtlasJsonNode *node, AtlasDatasetError code,
                     const char *format, ...) G_GNUC_PRINTF (4, 5);

static void
problem (Reader              *reader,
         const AtlasJsonNode *node,
         AtlasDatasetError    code,
         const char          *format,
         ...)
{
  va_list args;

  va_start (args, format);
  atlas_problems_add_valist (reader->problems, BOUNDARY_RANK, reader->name, node, code, format, args);
  va_end (args);
}

static gboolean
expect_kind (Reader              *reader,
             const AtlasJsonNode *node,
             AtlasJsonKind        kind,
             const char          *what)
{
  if (node->kind == kind)
    return TRUE;
  problem (reader, node, ATLAS_DATASET_ERROR_SCHEMA, "expected %s, found %s", what,
           atlas_json_kind_to_string (node->kind));
  return FALSE;
}

static const AtlasJsonNode *
require (Reader              *reader,
         const AtlasJsonNode *object,
         const char          *name,
         AtlasJsonKind        kind,
         const char          *what)
{
  const AtlasJsonNode *member = atlas_json_node_get_member (object, name);

  if (member == NULL)
    {
      problem (reader, object, ATLAS_DATASET_ERROR_SCHEMA, "missing member \"%s\"", name);
      return NULL;
    }
  return expect_kind (reader, member, kind, what) ? member : NULL;
}

static gboolean
read_ring (Reader              *reader,
           const AtlasJsonNode *ring)
{
  guint n, i, start = reader->points->len;
  gboolean ok = TRUE;
  const AtlasPoint *first, *last;

  if (!expect_kind (reader, ring, ATLAS_JSON_ARRAY, "a ring (an array of positions)"))
    return FALSE;
  n = ring->v.children.n;
  if (n < 4)
    {
      problem (reader, ring, ATLAS_DATASET_ERROR_GEOMETRY,
               "a ring needs at least 4 positions, found %u", n);
      return FALSE;
    }

  reader->n_positions += n;
  if (reader->n_positions > ATLAS_GEOJSON_MAX_POSITIONS)
    {
      if (!reader->over_limit)
        problem (reader, ring, ATLAS_DATASET_ERROR_LIMIT, "more than %d positions in the file",
                 ATLAS_GEOJSON_MAX_POSITIONS);
      reader->over_limit = TRUE;
      return FALSE;
    }

  for (i = 0; i < n; i++)
    {
      const AtlasJsonNode *position = &ring->v.children.first[i];
      const AtlasJsonNode *lon, *lat;
      AtlasPoint point;

      if (position->kind != ATLAS_JSON_ARRAY || position->v.children.n < 2 ||
          position->v.children.first[0].kind != ATLAS_JSON_NUMBER ||
          position->v.children.first[1].kind != ATLAS_JSON_NUMBER)
        {
          problem (reader, position, ATLAS_DATASET_ERROR_SCHEMA,
                   "expected a position [longitude, latitude]");
          ok = FALSE;
          continue;
        }
      lon = &position->v.children.first[0];
      lat = &position->v.children.first[1];
      if (lon->v.number < -180 || lon->v.number > 180)
        {
          problem (reader, lon, ATLAS_DATASET_ERROR_GEOMETRY,
                   "longitude %g is outside [-180, 180]", lon->v.number);
          ok = FALSE;
        }
      if (lat->v.number < -90 || lat->v.number > 90)
        {
          problem (reader, lat, ATLAS_DATASET_ERROR_GEOMETRY,
                   "latitude %g is outside [-90, 90]", lat->v.number);
          ok = FALSE;
        }
      point.x = lon->v.number;
      point.y = lat->v.number;
      g_array_append_val (reader->points, point);
    }

  if (!ok)
    return FALSE;

  first = &g_array_index (reader->points, AtlasPoint, start);
  last = &g_array_index (reader->points, AtlasPoint, start + n - 1);
  if (first->x != last->x || first->y != last->y)
    {
      problem (reader, ring, ATLAS_DATASET_ERROR_GEOMETRY,
               "ring is not closed (first point differs from last)");
      return FALSE;
    }
  if (atlas_ring_crosses_itself (first, n))
    {
      problem (reader, ring, ATLAS_DATASET_ERROR_GEOMETRY, "ring crosses itself");
      return FALSE;
    }

  g_array_append_val (reader->ring_start, start);
  return TRUE;
}

static gboolean
read_polygon (Reader              *reader,
              const AtlasJsonNode *polygon)
{
  guint i, rings = reader->ring_start->len;
  gboolean ok = TRUE;

  if (!expect_kind (reader, polygon, ATLAS_JSON_ARRAY, "a polygon (an array of rings)"))
    return FALSE;
  if (polygon->v.children.n == 0)
    {
      problem (reader, polygon, ATLAS_DATASET_ERROR_GEOMETRY,
               "empty polygon, expected at least one ring");
      return FALSE;
    }
  for (i = 0; i < polygon->v.children.n; i++)
    ok &= read_ring (reader, &polygon->v.children.first[i]);
  if (ok)
    g_array_append_val (reader->polygon_start, rings);
  return ok;
}

static AtlasShape *
read_geometry (Reader              *reader,
               const AtlasJsonNode *geometry)
{
  const AtlasJsonNode *type = require (reader, geometry, "type", ATLAS_JSON_STRING, "a string");
  const AtlasJsonNode *coordinates = require (reader, geometry, "coordinates", ATLAS_JSON_ARRAY,
                                              "an array");
  AtlasShape *shape;
  gboolean ok = TRUE;
  guint i, end;

  if (type == NULL || coordinates == NULL)
    return NULL;

  g_array_set_size (reader->points, 0);
  g_array_set_size (reader->ring_start, 0);
  g_array_set_size (reader->polygon_start, 0);

  if (strcmp (type->v.string.str, "Polygon") == 0)
    ok = read_polygon (reader, coordinates);
  else if (strcmp (type->v.string.str, "MultiPolygon") == 0)
    {
      if (coordinates->v.children.n == 0)
        {
          problem (reader, coordinates, ATLAS_DATASET_ERROR_GEOMETRY,
                   "empty multipolygon, expected at least one polygon");
          return NULL;
        }
      for (i = 0; i < coordinates->v.children.n; i++)
        ok &= read_polygon (reader, &coordinates->v.children.first[i]);
    }
  else
    {
      problem (reader, type, ATLAS_DATASET_ERROR_SCHEMA,
               "expected \"Polygon\" or \"MultiPolygon\", found \"%s\"", type->v.string.str);
      return NULL;
    }
  if (!ok)
    return NULL;

  shape = atlas_shape_new ();
  shape->n_points = reader->points->len;
  shape->points = g_memdup2 (reader->points->data, sizeof (AtlasPoint) * shape->n_points);
  shape->n_rings = reader->ring_start->len;
  end = reader->points->len;
  g_array_append_val (reader->ring_start, end);
  shape->ring_start = g_memdup2 (reader->ring_start->data, sizeof (guint) * (shape->n_rings + 1));
  shape->n_polygons = reader->polygon_start->len;
  end = shape->n_rings;
  g_array_append_val (reader->polygon_start, end);
  shape->polygon_start = g_memdup2 (reader->polygon_start->data,
                                    sizeof (guint) * (shape->n_polygons + 1));
  atlas_shape_finish (shape);
  return shape;
}

static void
read_feature (Reader              *reader,
              const AtlasJsonNode *feature,
              const char          *code_property,
              GHashTable          *shapes,
              GHashTable          *seen)
{
  const AtlasJsonNode *type, *properties, *geometry, *code;
  AtlasShape *shape;

  if (!expect_kind (reader, feature, ATLAS_JSON_OBJECT, "a Feature object"))
    return;
  type = require (reader, feature, "type", ATLAS_JSON_STRING, "a string");
  if (type != NULL && strcmp (type->v.string.str, "Feature") != 0)
    problem (reader, type, ATLAS_DATASET_ERROR_SCHEMA, "expected \"Feature\", found \"%s\"",
             type->v.string.str);
  properties = require (reader, feature, "properties", ATLAS_JSON_OBJECT, "an object");
  geometry = require (reader, feature, "geometry", ATLAS_JSON_OBJECT, "a geometry object");
  code = properties != NULL
         ? require (reader, properties, code_property, ATLAS_JSON_STRING, "a string")
         : NULL;

  if (code != NULL)
    {
      const AtlasJsonNode *first = g_hash_table_lookup (seen, code->v.string.str);

      if (first != NULL)
        {
          problem (reader, code, ATLAS_DATASET_ERROR_REFERENCE,
                   "duplicate feature code \"%s\" (first at line %u, column %u)",
                   code->v.string.str, first->line, first->column);
          code = NULL;
        }
      else
        g_hash_table_insert (seen, (gpointer) code->v.string.str, (gpointer) code);
    }

  if (geometry == NULL || reader->over_limit)
    return;
  shape = read_geometry (reader, geometry);
  /* A feature whose geometry has problems stays in the table without a shape, so that its
   * district is not also reported as having no feature. */
  if (code != NULL)
    g_hash_table_insert (shapes, (gpointer) code->v.string.str, shape);
  else
    atlas_shape_free (shape);
}

GHashTable *
atlas_geojson_read_boundaries (const AtlasJsonNode *root,
                               const char          *display_name,
                               const char          *code_property,
                               AtlasProblems       *problems)
{
  Reader reader = { display_name, problems, 0, FALSE, NULL, NULL, NULL };
  GHashTable *shapes = atlas_str_table_new ((GDestroyNotify) atlas_shape_free);
  g_autoptr(GHashTable) seen = atlas_str_table_new (NULL);
  const AtlasJsonNode *type, *features;
  guint i;

  if (!expect_kind (&reader, root, ATLAS_JSON_OBJECT, "a GeoJSON FeatureCollection"))
    return shapes;
  type = require (&reader, root, "type", ATLAS_JSON_STRING, "a string");
  if (type != NULL && strcmp (type->v.string.str, "FeatureCollection") != 0)
    problem (&reader, type, ATLAS_DATASET_ERROR_SCHEMA,
             "expected \"FeatureCollection\", found \"%s\"", type->v.string.str);
  features = require (&reader, root, "features", ATLAS_JSON_ARRAY, "an array of features");
  if (features == NULL)
    return shapes;

  reader.points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
  reader.ring_start = g_array_new (FALSE, FALSE, sizeof (guint));
  reader.polygon_start = g_array_new (FALSE, FALSE, sizeof (guint));
  for (i = 0; i < features->v.children.n; i++)
    read_feature (&reader, &features->v.children.first[i], code_property, shapes, seen);
  g_array_unref (reader.points);
  g_array_unref (reader.ring_start);
  g_array_unref (reader.polygon_start);
  return shapes;
}
