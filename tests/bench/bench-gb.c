/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The GB districts of the TopoJSON file, and what the generated systems of the benchmarks
 * (bench-synthetic.c, bench-national.c) write alike. */

#include <math.h>
#include <stdlib.h>

#include "bench-gb.h"

static void
district_free (BenchGbDistrict *district)
{
  g_free (district->code);
  g_free (district->old_code);
  g_free (district->name);
  g_ptr_array_unref (district->polygons);
  g_free (district);
}

/* TopoJSON arcs are quantised and delta-encoded. */
static GPtrArray *
decode_arcs (JsonObject *topology)
{
  JsonArray *arcs = json_object_get_array_member (topology, "arcs");
  JsonObject *transform = json_object_get_object_member (topology, "transform");
  JsonArray *scale = json_object_get_array_member (transform, "scale");
  JsonArray *translate = json_object_get_array_member (transform, "translate");
  double sx = json_array_get_double_element (scale, 0);
  double sy = json_array_get_double_element (scale, 1);
  double tx = json_array_get_double_element (translate, 0);
  double ty = json_array_get_double_element (translate, 1);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint a = 0; a < json_array_get_length (arcs); a++)
    {
      JsonArray *arc = json_array_get_array_element (arcs, a);
      GArray *points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
      gint64 x = 0, y = 0;

      for (guint i = 0; i < json_array_get_length (arc); i++)
        {
          JsonArray *delta = json_array_get_array_element (arc, i);
          AtlasPoint p;

          x += json_array_get_int_element (delta, 0);
          y += json_array_get_int_element (delta, 1);
          p.x = x * sx + tx;
          p.y = y * sy + ty;
          g_array_append_val (points, p);
        }
      g_ptr_array_add (result, points);
    }
  return result;
}

static GArray *
build_ring (GPtrArray *arcs,
            JsonArray *indices)
{
  GArray *ring = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));

  for (guint k = 0; k < json_array_get_length (indices); k++)
    {
      gint64 index = json_array_get_int_element (indices, k);
      GArray *arc = g_ptr_array_index (arcs, index >= 0 ? index : ~index);

      /* Consecutive arcs share their joining point. */
      for (guint i = k > 0 ? 1 : 0; i < arc->len; i++)
        {
          guint j = index >= 0 ? i : arc->len - 1 - i;

          g_array_append_val (ring, g_array_index (arc, AtlasPoint, j));
        }
    }
  return ring;
}

static GPtrArray *
build_polygon (GPtrArray *arcs,
               JsonArray *rings,
               AtlasBBox *bbox)
{
  GPtrArray *polygon = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint r = 0; r < json_array_get_length (rings); r++)
    {
      GArray *ring = build_ring (arcs, json_array_get_array_element (rings, r));

      for (guint i = 0; i < ring->len; i++)
        atlas_bbox_extend (bbox, g_array_index (ring, AtlasPoint, i).x,
                           g_array_index (ring, AtlasPoint, i).y);
      g_ptr_array_add (polygon, ring);
    }
  return polygon;
}

static GPtrArray *
read_districts (JsonObject *topology,
                GPtrArray  *arcs)
{
  JsonObject *objects = json_object_get_object_member (topology, "objects");
  g_autoptr(GList) names = json_object_get_members (objects);
  JsonObject *collection = json_object_get_object_member (objects, names->data);
  JsonArray *geometries = json_object_get_array_member (collection, "geometries");
  GPtrArray *districts = g_ptr_array_new_with_free_func ((GDestroyNotify) district_free);

  for (guint g = 0; g < json_array_get_length (geometries); g++)
    {
      JsonObject *geometry = json_array_get_object_element (geometries, g);
      JsonObject *properties = json_object_get_object_member (geometry, "properties");
      const char *type = json_object_get_string_member (geometry, "type");
      JsonArray *parts = json_object_get_array_member (geometry, "arcs");
      BenchGbDistrict *district = g_new0 (BenchGbDistrict, 1);

      district->code = g_strdup (json_object_get_string_member (properties, "LAD13CD"));
      district->old_code = g_strdup (json_object_get_string_member (properties, "LAD13CDO"));
      district->name = g_strdup (json_object_get_string_member (properties, "LAD13NM"));
      district->polygons = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      atlas_bbox_init_empty (&district->bbox);
      if (g_str_equal (type, "Polygon"))
        g_ptr_array_add (district->polygons, build_polygon (arcs, parts, &district->bbox));
      else
        for (guint p = 0; p < json_array_get_length (parts); p++)
          g_ptr_array_add (district->polygons,
                           build_polygon (arcs, json_array_get_array_element (parts, p),
                                          &district->bbox));
      g_ptr_array_add (districts, district);
    }
  return districts;
}

GPtrArray *
bench_gb_read_districts (const char  *topo_path,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) arcs = NULL;
  JsonObject *topology;

  if (!json_parser_load_from_file (parser, topo_path, error))
    return NULL;
  topology = json_node_get_object (json_parser_get_root (parser));
  arcs = decode_arcs (topology);
  return read_districts (topology, arcs);
}

double
bench_gb_round (double v)
{
  return round (v * 1e6) / 1e6;
}

typedef struct {
  guint i;                 /* from point i to i + 1 */
  double min_x, max_x, min_y, max_y;
} Edge;

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *x = a, *y = b;

  return x->min_x < y->min_x ? -1 : x->min_x > y->min_x ? 1 : (x->i > y->i) - (x->i < y->i);
}

static gboolean
edges_cross (const AtlasPoint *ring,
             guint             i,
             guint             j)
{
  const AtlasPoint *a = &ring[i], *b = &ring[i + 1], *c = &ring[j], *d = &ring[j + 1];

  return atlas_orientation (a, b, c) * atlas_orientation (a, b, d) < 0
         && atlas_orientation (c, d, a) * atlas_orientation (c, d, b) < 0;
}

/* Some pair of edges that cross (i < j), by a sweep over x; FALSE when none do. */
static gboolean
find_crossing (const AtlasPoint *ring,
               guint             n_points,
               Edge             *edges,
               guint            *first,
               guint            *second)
{
  guint n = n_points - 1;

  for (guint i = 0; i < n; i++)
    {
      edges[i].i = i;
      edges[i].min_x = MIN (ring[i].x, ring[i + 1].x);
      edges[i].max_x = MAX (ring[i].x, ring[i + 1].x);
      edges[i].min_y = MIN (ring[i].y, ring[i + 1].y);
      edges[i].max_y = MAX (ring[i].y, ring[i + 1].y);
    }
  qsort (edges, n, sizeof (Edge), compare_edges);
  for (guint k = 0; k < n; k++)
    for (guint l = k + 1; l < n && edges[l].min_x <= edges[k].max_x; l++)
      if (edges[l].min_y <= edges[k].max_y && edges[k].min_y <= edges[l].max_y
          && edges_cross (ring, edges[k].i, edges[l].i))
        {
          *first = MIN (edges[k].i, edges[l].i);
          *second = MAX (edges[k].i, edges[l].i);
          return TRUE;
        }
  return FALSE;
}

int
bench_gb_untwist_ring (AtlasPoint *ring,
                       guint       n_points,
                       int         max_moves)
{
  g_autofree Edge *edges = NULL;
  guint i, j;
  int moves = 0;

  if (n_points < 4 || !atlas_ring_crosses_itself (ring, n_points))
    return 0;
  edges = g_new (Edge, n_points);
  while (find_crossing (ring, n_points, edges, &i, &j))
    {
      if (moves++ == max_moves)
        return -1;
      /* Points i + 1 … j reversed: edges i and j become (i, j) and (i + 1, j + 1). The first
       * and last points stay, so the ring stays closed. */
      for (guint a = i + 1, b = j; a < b; a++, b--)
        {
          AtlasPoint t = ring[a];

          ring[a] = ring[b];
          ring[b] = t;
        }
    }
  return atlas_ring_crosses_itself (ring, n_points) ? -1 : moves;
}

void
bench_gb_shape_init (BenchGbShapeBuilder *builder)
{
  builder->points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
  builder->ring_start = g_array_new (FALSE, FALSE, sizeof (guint));
  builder->polygon_start = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
bench_gb_shape_add_ring (BenchGbShapeBuilder *builder,
                         const AtlasPoint    *points,
                         guint                n_points,
                         gboolean             outer)
{
  g_assert (outer || builder->polygon_start->len > 0);

  if (outer)
    g_array_append_val (builder->polygon_start, builder->ring_start->len);
  g_array_append_val (builder->ring_start, builder->points->len);
  g_array_append_vals (builder->points, points, n_points);
}

AtlasShape *
bench_gb_shape_finish (BenchGbShapeBuilder *builder)
{
  AtlasShape *shape = NULL;

  if (builder->polygon_start->len > 0)
    {
      shape = atlas_shape_new ();
      shape->n_polygons = builder->polygon_start->len;
      shape->n_rings = builder->ring_start->len;
      shape->n_points = builder->points->len;
      g_array_append_val (builder->polygon_start, builder->ring_start->len);
      g_array_append_val (builder->ring_start, builder->points->len);
      shape->points = (AtlasPoint *) g_array_free (builder->points, FALSE);
      shape->ring_start = (guint *) g_array_free (builder->ring_start, FALSE);
      shape->polygon_start = (guint *) g_array_free (builder->polygon_start, FALSE);
      atlas_shape_finish (shape);
    }
  else
    {
      g_array_unref (builder->points);
      g_array_unref (builder->ring_start);
      g_array_unref (builder->polygon_start);
    }
  builder->points = builder->ring_start = builder->polygon_start = NULL;
  return shape;
}

static void
append_ring (GString          *out,
             const AtlasPoint *points,
             guint             n)
{
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s[%s,%s]", i > 0 ? "," : "",
                            g_ascii_formatd (x, sizeof x, "%.6f", points[i].x),
                            g_ascii_formatd (y, sizeof y, "%.6f", points[i].y));
  g_string_append_c (out, ']');
}

void
bench_gb_append_feature (GString          *out,
                         gboolean          first,
                         const char       *code,
                         const AtlasShape *shape)
{
  g_string_append_printf (out, "%s{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\"},"
                          "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[",
                          first ? "" : ",\n", code);
  for (guint p = 0; p < shape->n_polygons; p++)
    {
      g_string_append (out, p > 0 ? ",[" : "[");
      for (guint r = shape->polygon_start[p]; r < shape->polygon_start[p + 1]; r++)
        {
          if (r > shape->polygon_start[p])
            g_string_append_c (out, ',');
          append_ring (out, shape->points + shape->ring_start[r],
                       shape->ring_start[r + 1] - shape->ring_start[r]);
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}}");
}

void
bench_gb_append_collection (GString  *out,
                            gboolean  opening)
{
  g_string_append (out, opening ? "{\"type\":\"FeatureCollection\",\"features\":[\n" : "\n]}\n");
}

void
bench_gb_add_string (JsonBuilder *b,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

void
bench_gb_add_header (JsonBuilder *b,
                     const char  *id,
                     const char  *name,
                     const char  *short_name,
                     const char  *boundary_file,
                     const char  *structure_title,
                     const char  *boundary_title)
{
  bench_gb_add_string (b, "format", "ics-atlas/1");
  bench_gb_add_string (b, "id", id);
  json_builder_set_member_name (b, "system");
  json_builder_begin_object (b);
  bench_gb_add_string (b, "name", name);
  bench_gb_add_string (b, "short_name", short_name);
  bench_gb_add_string (b, "source", "structure");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "boundaries");
  json_builder_begin_object (b);
  bench_gb_add_string (b, "file", boundary_file);
  bench_gb_add_string (b, "code_property", "code");
  bench_gb_add_string (b, "source", "boundaries");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  bench_gb_add_string (b, "id", "structure");
  bench_gb_add_string (b, "title", structure_title);
  json_builder_end_object (b);
  json_builder_begin_object (b);
  bench_gb_add_string (b, "id", "boundaries");
  bench_gb_add_string (b, "title", boundary_title);
  bench_gb_add_string (b, "licence", "Contains OS data © Crown copyright and database right; "
                                     "Open Government Licence v3.0");
  json_builder_end_object (b);
  json_builder_end_array (b);
}

gboolean
bench_gb_write_files (JsonBuilder  *b,
                      const char   *dataset_path,
                      GString      *geojson,
                      const char   *geojson_path,
                      GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *dataset = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  dataset = json_generator_to_data (generator, NULL);
  return g_file_set_contents (geojson_path, geojson->str, geojson->len, error)
         && g_file_set_contents (dataset_path, dataset, -1, error);
}
