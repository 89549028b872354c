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

#include <math.h>

#include "bench-gb.h"
#include "bench-synthetic.h"

#define DISTRICTS_PER_PARTNERSHIP 50
#define N_TRUSTS 50

static guint n_dropped_rings;

typedef struct {
  const BenchGbDistrict *district;
  guint n_strips;
} Lad;

typedef struct {
  char *name;
  AtlasShape *shape;
} Piece;

static void
piece_free (Piece *piece)
{
  g_free (piece->name);
  atlas_shape_free (piece->shape);
  g_free (piece);
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

      p->x = bench_gb_round (p->x);
      p->y = bench_gb_round (p->y);
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
  GPtrArray *polygons = lad->district->polygons;
  BenchGbShapeBuilder builder;

  bench_gb_shape_init (&builder);
  for (guint p = 0; p < polygons->len; p++)
    {
      GPtrArray *polygon = g_ptr_array_index (polygons, p);

      for (guint r = 0; r < polygon->len; r++)
        {
          g_autoptr(GArray) ring = clip_ring_to_strip (g_ptr_array_index (polygon, r), x0, x1);

          if (ring->len == 0 && r == 0)
            break;   /* no outer ring here: the polygon's holes do not matter */
          if (ring->len > 0)
            bench_gb_shape_add_ring (&builder, (AtlasPoint *) ring->data, ring->len, r == 0);
        }
    }
  return bench_gb_shape_finish (&builder);
}

static void
cut_lad (Lad       *lad,
         guint      n_strips,
         GPtrArray *pieces)
{
  const AtlasBBox *bbox = &lad->district->bbox;
  double width = (bbox->max_x - bbox->min_x) / n_strips;
  guint part = 0;

  for (guint s = 0; s < n_strips; s++)
    {
      /* Neighbouring strips share their cut line exactly. */
      double x0 = s == 0 ? bbox->min_x - 1 : bbox->min_x + s * width;
      double x1 = s + 1 == n_strips ? bbox->max_x + 1 : bbox->min_x + (s + 1) * width;
      AtlasShape *shape = cut_strip (lad, x0, x1);
      Piece *piece;

      if (shape == NULL)
        continue;
      piece = g_new0 (Piece, 1);
      piece->name = g_strdup_printf ("%s %u", lad->district->name, ++part);
      piece->shape = shape;
      g_ptr_array_add (pieces, piece);
    }
}

static int
compare_width_desc (gconstpointer a,
                    gconstpointer b)
{
  const Lad *x = *(Lad * const *) a, *y = *(Lad * const *) b;
  double wx = x->district->bbox.max_x - x->district->bbox.min_x;
  double wy = y->district->bbox.max_x - y->district->bbox.min_x;

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

static GString *
write_geojson (GPtrArray *pieces)
{
  GString *out = g_string_new (NULL);

  bench_gb_append_collection (out, TRUE);
  for (guint d = 0; d < pieces->len; d++)
    {
      g_autofree char *code = g_strdup_printf ("S%05u", d);

      bench_gb_append_feature (out, d == 0, code,
                               ((Piece *) g_ptr_array_index (pieces, d))->shape);
    }
  bench_gb_append_collection (out, FALSE);
  return out;
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
      bench_gb_add_string (b, "id", id);
      bench_gb_add_string (b, "name", ((Piece *) g_ptr_array_index (pieces, d))->name);
      bench_gb_add_string (b, "code", code);
      bench_gb_add_string (b, "source", "structure");
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
      bench_gb_add_string (b, "id", id);
      bench_gb_add_string (b, "name", name);
      bench_gb_add_string (b, "kind", "place");
      json_builder_set_member_name (b, "districts");
      json_builder_begin_array (b);
      for (guint d = p * DISTRICTS_PER_PARTNERSHIP;
           d < MIN (pieces->len, (p + 1) * DISTRICTS_PER_PARTNERSHIP); d++)
        {
          g_autofree char *district = g_strdup_printf ("d%05u", d);

          json_builder_add_string_value (b, district);
        }
      json_builder_end_array (b);
      bench_gb_add_string (b, "source", "structure");
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
      bench_gb_add_string (b, "id", id);
      bench_gb_add_string (b, "name", name);
      bench_gb_add_string (b, "kind", "acute");
      bench_gb_add_string (b, "source", "structure");
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
              lon = bench_gb_round (g_rand_double_range (rand, shape->bbox.min_x, shape->bbox.max_x));
              lat = bench_gb_round (g_rand_double_range (rand, shape->bbox.min_y, shape->bbox.max_y));
              inside = atlas_shape_contains (shape, lon, lat);
            }
          if (inside)
            district = g_strdup_printf ("d%05u", d);
        }

      json_builder_begin_object (b);
      bench_gb_add_string (b, "id", id);
      bench_gb_add_string (b, "name", name);
      bench_gb_add_string (b, "kind", kinds[s % G_N_ELEMENTS (kinds)]);
      json_builder_set_member_name (b, "lat");
      json_builder_add_double_value (b, lat);
      json_builder_set_member_name (b, "lon");
      json_builder_add_double_value (b, lon);
      bench_gb_add_string (b, "trust", trust);
      bench_gb_add_string (b, "district", district);
      bench_gb_add_string (b, "source", "structure");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static JsonBuilder *
build_dataset (GPtrArray *pieces,
               guint      n_sites,
               guint32    seed)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  bench_gb_add_header (b, "synthetic", "Synthetic Integrated Care System", "Synthetic",
                       "synthetic-districts.geojson", "Synthetic records for benchmarks",
                       "GB local authority districts (2013), cut into strips");
  add_records (b, pieces, n_sites, seed);
  json_builder_end_object (b);
  return b;
}

char *
bench_synthetic_write (const char  *topo_path,
                       const char  *folder,
                       guint        n_districts,
                       guint        n_sites,
                       guint32      seed,
                       GError     **error)
{
  g_autoptr(GPtrArray) districts = bench_gb_read_districts (topo_path, error);
  g_autoptr(GPtrArray) lads = NULL;
  g_autoptr(GPtrArray) pieces = NULL;
  g_autoptr(GString) geojson = NULL;
  g_autoptr(JsonBuilder) dataset = NULL;
  g_autofree char *geojson_path = g_build_filename (folder, "synthetic-districts.geojson", NULL);
  g_autofree char *dataset_path = g_build_filename (folder, "synthetic.json", NULL);

  if (districts == NULL)
    return NULL;
  lads = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < districts->len; i++)
    {
      Lad *lad = g_new0 (Lad, 1);

      lad->district = g_ptr_array_index (districts, i);
      g_ptr_array_add (lads, lad);
    }
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
  dataset = build_dataset (pieces, n_sites, seed);
  if (!bench_gb_write_files (dataset, dataset_path, geojson, geojson_path, error))
    return NULL;
  return g_steal_pointer (&dataset_path);
}
