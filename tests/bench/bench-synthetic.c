/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The synthetic system of the growth figures, built from the GB local authority districts of
 * 2013 (data/basemap/gb-lad-2013.topo.json, 380 districts).
 *
 * Method: every district's polygons (holes included) are cut into vertical strips of equal
 * width with Sutherland–Hodgman clipping; the widest districts get three strips, the others
 * two, so that the count comes to the number asked for (1,000). A strip with no area is left
 * out. Clipping a concave polygon can leave zero-width bridges along the cut line; they are
 * collinear, so the rings still do not cross themselves and even-odd point tests are
 * unchanged. Coordinates are rounded to 1e-6 degrees, as they are written. Sites are placed
 * at random points of random districts, checked with the same point-in-polygon test the
 * loader uses. Districts are grouped 50 to a place partnership, and sites share 50 trusts. */

#include <json-glib/json-glib.h>
#include <math.h>

#include "atlas-geojson.h"
#include "atlas-geometry.h"
#include "bench-synthetic.h"

#define DISTRICTS_PER_PARTNERSHIP 50
#define N_TRUSTS 50

static guint n_dropped_rings;

typedef struct {
  char *name;
  GPtrArray *polygons;     /* of GPtrArray of GArray of AtlasPoint: outer ring, then holes */
  AtlasBBox bbox;
  guint n_strips;
} Lad;

typedef struct {
  char *name;
  AtlasShape *shape;
} Piece;

static void
lad_free (Lad *lad)
{
  g_free (lad->name);
  g_ptr_array_unref (lad->polygons);
  g_free (lad);
}

static void
piece_free (Piece *piece)
{
  g_free (piece->name);
  atlas_shape_free (piece->shape);
  g_free (piece);
}

static double
round_micro (double v)
{
  return round (v * 1e6) / 1e6;
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
read_lads (JsonObject *topology,
           GPtrArray  *arcs)
{
  JsonObject *objects = json_object_get_object_member (topology, "objects");
  g_autoptr(GList) names = json_object_get_members (objects);
  JsonObject *collection = json_object_get_object_member (objects, names->data);
  JsonArray *geometries = json_object_get_array_member (collection, "geometries");
  GPtrArray *lads = g_ptr_array_new_with_free_func ((GDestroyNotify) lad_free);

  for (guint g = 0; g < json_array_get_length (geometries); g++)
    {
      JsonObject *geometry = json_array_get_object_element (geometries, g);
      JsonObject *properties = json_object_get_object_member (geometry, "properties");
      const char *type = json_object_get_string_member (geometry, "type");
      JsonArray *parts = json_object_get_array_member (geometry, "arcs");
      Lad *lad = g_new0 (Lad, 1);

      lad->name = g_strdup (json_object_get_string_member (properties, "LAD13NM"));
      lad->polygons = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      atlas_bbox_init_empty (&lad->bbox);
      if (g_str_equal (type, "Polygon"))
        g_ptr_array_add (lad->polygons, build_polygon (arcs, parts, &lad->bbox));
      else
        for (guint p = 0; p < json_array_get_length (parts); p++)
          g_ptr_array_add (lad->polygons,
                           build_polygon (arcs, json_array_get_array_element (parts, p),
                                          &lad->bbox));
      g_ptr_array_add (lads, lad);
    }
  return lads;
}

/* One Sutherland–Hodgman pass against the half-plane side * (x - c) >= 0. In and out rings
 * are closed. */
static GArray *
clip_ring (GArray *ring,
           double  c,
           int     side)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
  guint n = ring->len > 0 ? ring->len - 1 : 0;

  for (guint i = 0; i < n; i++)
    {
      const AtlasPoint *p = &g_array_index (ring, AtlasPoint, i);
      const AtlasPoint *q = &g_array_index (ring, AtlasPoint, (i + 1) % n);
      gboolean p_in = side * (p->x - c) >= 0, q_in = side * (q->x - c) >= 0;

      if (p_in)
        g_array_append_val (out, *p);
      if (p_in != q_in)
        {
          double t = (c - p->x) / (q->x - p->x);
          AtlasPoint cut = { c, p->y + t * (q->y - p->y) };

          g_array_append_val (out, cut);
        }
    }
  if (out->len > 0)
    {
      AtlasPoint first = g_array_index (out, AtlasPoint, 0);

      g_array_append_val (out, first);
    }
  return out;
}

static GArray *
clip_ring_to_strip (GArray *ring,
                    double  x0,
                    double  x1)
{
  g_autoptr(GArray) left = clip_ring (ring, x0, 1);
  GArray *strip = clip_ring (left, x1, -1);

  for (guint i = 0; i < strip->len; i++)
    {
      AtlasPoint *p = &g_array_index (strip, AtlasPoint, i);

      p->x = round_micro (p->x);
      p->y = round_micro (p->y);
    }
  /* Left out: rings with no area, and rings the loader would reject as crossing themselves
   * (a cut through one of the source's few long spikes). */
  if (strip->len < 4
      || fabs (atlas_ring_signed_area ((AtlasPoint *) strip->data, strip->len)) < 1e-10
      || atlas_ring_crosses_itself ((AtlasPoint *) strip->data, strip->len))
    {
      if (strip->len >= 4)
        n_dropped_rings++;
      g_array_set_size (strip, 0);
    }
  return strip;
}

/* The part of a district between x0 and x1, as a shape; NULL when it has no area there. */
static AtlasShape *
cut_strip (Lad    *lad,
           double  x0,
           double  x1)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
  g_autoptr(GArray) ring_start = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) polygon_start = g_array_new (FALSE, FALSE, sizeof (guint));
  AtlasShape *shape;

  for (guint p = 0; p < lad->polygons->len; p++)
    {
      GPtrArray *polygon = g_ptr_array_index (lad->polygons, p);

      for (guint r = 0; r < polygon->len; r++)
        {
          g_autoptr(GArray) ring = clip_ring_to_strip (g_ptr_array_index (polygon, r), x0, x1);

          if (ring->len == 0 && r == 0)
            break;   /* no outer ring here: the polygon's holes do not matter */
          if (ring->len == 0)
            continue;
          if (r == 0)
            g_array_append_val (polygon_start, ring_start->len);
          g_array_append_val (ring_start, points->len);
          g_array_append_vals (points, ring->data, ring->len);
        }
    }
  if (polygon_start->len == 0)
    return NULL;

  shape = atlas_shape_new ();
  shape->n_polygons = polygon_start->len;
  shape->n_rings = ring_start->len;
  shape->n_points = points->len;
  g_array_append_val (polygon_start, ring_start->len);
  g_array_append_val (ring_start, points->len);
  shape->points = (AtlasPoint *) g_array_free (g_steal_pointer (&points), FALSE);
  shape->ring_start = (guint *) g_array_free (g_steal_pointer (&ring_start), FALSE);
  shape->polygon_start = (guint *) g_array_free (g_steal_pointer (&polygon_start), FALSE);
  atlas_shape_finish (shape);
  return shape;
}

static void
cut_lad (Lad       *lad,
         guint      n_strips,
         GPtrArray *pieces)
{
  double width = (lad->bbox.max_x - lad->bbox.min_x) / n_strips;
  guint part = 0;

  for (guint s = 0; s < n_strips; s++)
    {
      /* Neighbouring strips share their cut line exactly. */
      double x0 = s == 0 ? lad->bbox.min_x - 1 : lad->bbox.min_x + s * width;
      double x1 = s + 1 == n_strips ? lad->bbox.max_x + 1 : lad->bbox.min_x + (s + 1) * width;
      AtlasShape *shape = cut_strip (lad, x0, x1);
      Piece *piece;

      if (shape == NULL)
        continue;
      piece = g_new0 (Piece, 1);
      piece->name = g_strdup_printf ("%s %u", lad->name, ++part);
      piece->shape = shape;
      g_ptr_array_add (pieces, piece);
    }
}

static int
compare_width_desc (gconstpointer a,
                    gconstpointer b)
{
  const Lad *x = *(Lad * const *) a, *y = *(Lad * const *) b;
  double wx = x->bbox.max_x - x->bbox.min_x, wy = y->bbox.max_x - y->bbox.min_x;

  return wx < wy ? 1 : wx > wy ? -1 : 0;
}

static GPtrArray *
cut_pieces (GPtrArray *lads,
            guint      n_districts)
{
  g_autoptr(GPtrArray) by_width = g_ptr_array_copy (lads, NULL, NULL);
  GPtrArray *pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  guint planned = 0;

  /* Two strips each, then three for the widest until there are enough. */
  g_ptr_array_set_free_func (by_width, NULL);   /* the copy borrows the districts */
  g_ptr_array_sort (by_width, compare_width_desc);
  for (guint i = 0; i < lads->len; i++)
    ((Lad *) g_ptr_array_index (lads, i))->n_strips = 2;
  planned = 2 * lads->len;
  /* A margin for the strips the loader refuses (rings that cross themselves). */
  for (guint i = 0; i < by_width->len && planned < n_districts + n_districts / 5; i++)
    {
      ((Lad *) g_ptr_array_index (by_width, i))->n_strips = 3;
      planned++;
    }
  for (guint i = 0; i < lads->len; i++)
    {
      Lad *lad = g_ptr_array_index (lads, i);

      cut_lad (lad, lad->n_strips, pieces);
    }
  if (pieces->len > n_districts)
    g_ptr_array_set_size (pieces, n_districts);
  return pieces;
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

static char *
write_geojson (GPtrArray *pieces)
{
  GString *out = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[\n");

  for (guint d = 0; d < pieces->len; d++)
    {
      const AtlasShape *shape = ((Piece *) g_ptr_array_index (pieces, d))->shape;

      g_string_append_printf (out, "%s{\"type\":\"Feature\",\"properties\":{\"code\":\"S%05u\"},"
                              "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[",
                              d > 0 ? ",\n" : "", d);
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
  g_string_append (out, "\n]}\n");
  return g_string_free (out, FALSE);
}

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_records (JsonBuilder *b,
             GPtrArray   *pieces,
             guint        n_sites,
             guint32      seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_partnerships = (pieces->len + DISTRICTS_PER_PARTNERSHIP - 1) / DISTRICTS_PER_PARTNERSHIP;
  static const char * const kinds[] = { "acute", "local", "other" };

  json_builder_set_member_name (b, "districts");
  json_builder_begin_array (b);
  for (guint d = 0; d < pieces->len; d++)
    {
      g_autofree char *id = g_strdup_printf ("d%05u", d);
      g_autofree char *code = g_strdup_printf ("S%05u", d);

      json_builder_begin_object (b);
      add_string (b, "id", id);
      add_string (b, "name", ((Piece *) g_ptr_array_index (pieces, d))->name);
      add_string (b, "code", code);
      add_string (b, "source", "structure");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "partnerships");
  json_builder_begin_array (b);
  for (guint p = 0; p < n_partnerships; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%03u", p);
      g_autofree char *name = g_strdup_printf ("Partnership %u", p + 1);

      json_builder_begin_object (b);
      add_string (b, "id", id);
      add_string (b, "name", name);
      add_string (b, "kind", "place");
      json_builder_set_member_name (b, "districts");
      json_builder_begin_array (b);
      for (guint d = p * DISTRICTS_PER_PARTNERSHIP;
           d < MIN (pieces->len, (p + 1) * DISTRICTS_PER_PARTNERSHIP); d++)
        {
          g_autofree char *district = g_strdup_printf ("d%05u", d);

          json_builder_add_string_value (b, district);
        }
      json_builder_end_array (b);
      add_string (b, "source", "structure");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "trusts");
  json_builder_begin_array (b);
  for (guint t = 0; t < N_TRUSTS; t++)
    {
      g_autofree char *id = g_strdup_printf ("t%03u", t);
      g_autofree char *name = g_strdup_printf ("Trust %u", t + 1);

      json_builder_begin_object (b);
      add_string (b, "id", id);
      add_string (b, "name", name);
      add_string (b, "kind", "acute");
      add_string (b, "source", "structure");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "sites");
  json_builder_begin_array (b);
  for (guint s = 0; s < n_sites; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%05u", s);
      g_autofree char *name = g_strdup_printf ("Site %u", s + 1);
      g_autofree char *district = NULL;
      g_autofree char *trust = g_strdup_printf ("t%03u", s % N_TRUSTS);
      double lon = 0, lat = 0;
      gboolean inside = FALSE;

      while (!inside)
        {
          guint d = g_rand_int_range (rand, 0, pieces->len);
          const AtlasShape *shape = ((Piece *) g_ptr_array_index (pieces, d))->shape;

          for (guint attempt = 0; attempt < 200 && !inside; attempt++)
            {
              lon = round_micro (g_rand_double_range (rand, shape->bbox.min_x, shape->bbox.max_x));
              lat = round_micro (g_rand_double_range (rand, shape->bbox.min_y, shape->bbox.max_y));
              inside = atlas_shape_contains (shape, lon, lat);
            }
          if (inside)
            district = g_strdup_printf ("d%05u", d);
        }

      json_builder_begin_object (b);
      add_string (b, "id", id);
      add_string (b, "name", name);
      add_string (b, "kind", kinds[s % G_N_ELEMENTS (kinds)]);
      json_builder_set_member_name (b, "lat");
      json_builder_add_double_value (b, lat);
      json_builder_set_member_name (b, "lon");
      json_builder_add_double_value (b, lon);
      add_string (b, "trust", trust);
      add_string (b, "district", district);
      add_string (b, "source", "structure");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static char *
write_dataset (GPtrArray *pieces,
               guint      n_sites,
               guint32    seed)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  add_string (b, "format", "ics-atlas/1");
  add_string (b, "id", "synthetic");
  json_builder_set_member_name (b, "system");
  json_builder_begin_object (b);
  add_string (b, "name", "Synthetic Integrated Care System");
  add_string (b, "short_name", "Synthetic");
  add_string (b, "source", "structure");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "boundaries");
  json_builder_begin_object (b);
  add_string (b, "file", "synthetic-districts.geojson");
  add_string (b, "code_property", "code");
  add_string (b, "source", "boundaries");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "id", "structure");
  add_string (b, "title", "Synthetic records for benchmarks");
  json_builder_end_object (b);
  json_builder_begin_object (b);
  add_string (b, "id", "boundaries");
  add_string (b, "title", "GB local authority districts (2013), cut into strips");
  add_string (b, "licence", "Contains OS data © Crown copyright and database right; "
                            "Open Government Licence v3.0");
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_records (b, pieces, n_sites, seed);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

char *
bench_synthetic_write (const char  *topo_path,
                       const char  *folder,
                       guint        n_districts,
                       guint        n_sites,
                       guint32      seed,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) arcs = NULL;
  g_autoptr(GPtrArray) lads = NULL;
  g_autoptr(GPtrArray) pieces = NULL;
  g_autofree char *geojson = NULL;
  g_autofree char *dataset = NULL;
  g_autofree char *geojson_path = g_build_filename (folder, "synthetic-districts.geojson", NULL);
  g_autofree char *dataset_path = g_build_filename (folder, "synthetic.json", NULL);

  if (!json_parser_load_from_file (parser, topo_path, error))
    return NULL;
  arcs = decode_arcs (json_node_get_object (json_parser_get_root (parser)));
  lads = read_lads (json_node_get_object (json_parser_get_root (parser)), arcs);
  pieces = cut_pieces (lads, n_districts);
  if (pieces->len < n_districts)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: only %u districts could be cut",
                   topo_path, pieces->len);
      return NULL;
    }

  g_print ("synthetic: %u districts cut from %u; %u rings left out (crossing themselves)\n",
           pieces->len, lads->len, n_dropped_rings);
  geojson = write_geojson (pieces);
  dataset = write_dataset (pieces, n_sites, seed);
  if (!g_file_set_contents (geojson_path, geojson, -1, error)
      || !g_file_set_contents (dataset_path, dataset, -1, error))
    return NULL;
  return g_steal_pointer (&dataset_path);
}
