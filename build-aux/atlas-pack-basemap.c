/* SPDX-License-Identifier: GPL-3.0-or-later */

/* atlas-pack-basemap INPUT.topo.json MERGES.json OUTPUT.bin
 *
 * Converts the GB local-authority TopoJSON into the packed base map that is compiled into the
 * data GResource and read in place at run time, with the districts merged since its vintage
 * (MERGES.json) joined into today's councils. The format is described in
 * src/core/atlas-basemap-format.h; in short:
 *
 *   header | per level: arc point index + float points | arcs | rings | arc refs |
 *   districts | strings
 *
 * What happens here, in order:
 *   1. decode the delta-encoded, quantised arcs and project them to Web Mercator world units;
 *   2. read each district's polygons as rings of arc references, and orient the rings so that
 *      outer rings and holes wind opposite ways (for one nonzero fill of all land); then merge
 *      the districts that are one council today, dropping the arcs between them;
 *   3. classify each arc as coast (one user), border (two districts) or internal, and give it
 *      one owner ring so that it is stroked once;
 *   4. simplify every arc with Douglas–Peucker at half a pixel for zooms 6, 8, 10 and 12,
 *      keeping its ends, so neighbours still meet;
 *   5. find a label point in each district's largest polygon and the zoom from which its name
 *      fits and does not collide with a bigger district's name;
 *   6. write everything with bounding boxes for culling. */

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "atlas-basemap-format.h"
#include "atlas-geometry.h"

static const guint level_zoom[ATLAS_BASEMAP_N_LEVELS] = { 6, 8, 10, 12 };
static const guint level_max_zoom[ATLAS_BASEMAP_N_LEVELS] = { 6, 8, 10, 255 };

typedef struct {
  GArray *points;                 /* AtlasPoint, world units, full resolution */
  GArray *levels[ATLAS_BASEMAP_N_LEVELS];
  AtlasBBox bbox;
  int net;                        /* uses forwards minus uses backwards */
  int first_district;
  gboolean several_districts;
  gboolean spike;                 /* closed and enclosing nothing: out and back */
  int owner_ring;
  int land_ring;
} Arc;

typedef struct {
  GArray *refs;                   /* gint32 */
  guint district;
  guint polygon;                  /* index of the polygon within the district */
  gboolean outer;
  AtlasBBox bbox;
} Ring;

typedef struct {
  char *name;
  char *code;
  guint first_ring;
  guint n_rings;
  AtlasBBox bbox;
  AtlasPoint label;
  double label_span;              /* width of the interior span through the label, world units */
  double area;
  guint label_min_zoom;
} District;

typedef struct {
  GPtrArray *arcs;
  GPtrArray *rings;
  GArray *districts;
  guint first_land_ring;
} Topology;

static void
die (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "atlas-pack-basemap: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  exit (1);
}

/* ---- reading ---------------------------------------------------------------------------- */

static void
read_arcs (JsonObject *root,
           Topology   *topo)
{
  JsonObject *transform = json_object_get_object_member (root, "transform");
  JsonArray *scale, *translate, *arcs;
  double sx, sy, tx, ty;

  if (transform == NULL)
    die ("transform: expected an object (quantised TopoJSON)");
  scale = json_object_get_array_member (transform, "scale");
  translate = json_object_get_array_member (transform, "translate");
  arcs = json_object_get_array_member (root, "arcs");
  if (scale == NULL || translate == NULL || arcs == NULL)
    die ("transform.scale, transform.translate or arcs missing");
  sx = json_array_get_double_element (scale, 0);
  sy = json_array_get_double_element (scale, 1);
  tx = json_array_get_double_element (translate, 0);
  ty = json_array_get_double_element (translate, 1);

  for (guint i = 0; i < json_array_get_length (arcs); i++)
    {
      JsonArray *positions = json_array_get_array_element (arcs, i);
      g_autoptr(GArray) q = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
      Arc *arc = g_new0 (Arc, 1);
      gint64 qx = 0, qy = 0, area2 = 0;
      const gint64 *first, *last;

      /* Quantised points, without repeats and without out-and-back spikes (A, B, A becomes
       * A), which enclose nothing but would show as whiskers on the coast. */
      for (guint j = 0; j < json_array_get_length (positions); j++)
        {
          JsonArray *pos = json_array_get_array_element (positions, j);
          gint64 xy[2];

          qx += json_array_get_int_element (pos, 0);
          qy += json_array_get_int_element (pos, 1);
          xy[0] = qx, xy[1] = qy;
          if (q->len > 0 && memcmp (&g_array_index (q, gint64, 2 * (q->len - 1)), xy, sizeof xy) == 0)
            continue;
          if (q->len > 1 && memcmp (&g_array_index (q, gint64, 2 * (q->len - 2)), xy, sizeof xy) == 0)
            {
              g_array_set_size (q, q->len - 1);
              continue;
            }
          g_array_append_vals (q, xy, 1);
        }

      for (guint j = 0; j + 1 < q->len; j++)
        {
          const gint64 *a = &g_array_index (q, gint64, 2 * j);
          area2 += a[0] * a[3] - a[2] * a[1];
        }
      first = &g_array_index (q, gint64, 0);
      last = &g_array_index (q, gint64, 2 * (q->len - 1));
      arc->spike = first[0] == last[0] && first[1] == last[1] && area2 == 0;

      arc->points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
      arc->first_district = -1;
      arc->owner_ring = -1;
      arc->land_ring = -1;
      atlas_bbox_init_empty (&arc->bbox);
      for (guint j = 0; j < q->len; j++)
        {
          const gint64 *a = &g_array_index (q, gint64, 2 * j);
          AtlasPoint p;

          atlas_project (a[0] * sx + tx, a[1] * sy + ty, &p.x, &p.y);
          g_array_append_val (arc->points, p);
          atlas_bbox_extend (&arc->bbox, p.x, p.y);
        }
      if (arc->points->len < 2)
        {
          /* A zero-length arc: keep two equal points so the ring walk stays uniform. */
          AtlasPoint p = g_array_index (arc->points, AtlasPoint, 0);
          g_array_append_val (arc->points, p);
        }
      g_ptr_array_add (topo->arcs, arc);
    }
}

static GArray *ring_points (Topology *topo,
                            Ring     *ring);

/* Outer rings positive, holes negative (shoelace in world units, y down). FALSE when the ring
 * has no area at all. */
static gboolean
orient_ring (Topology *topo,
             Ring     *ring)
{
  g_autoptr(GArray) pts = ring_points (topo, ring);
  double area = atlas_ring_signed_area ((AtlasPoint *) pts->data, pts->len);
  guint n = ring->refs->len;

  if (fabs (area) < 1e-13)
    return FALSE;
  if ((area < 0) != ring->outer)
    return TRUE;
  for (guint i = 0; i < n / 2; i++)
    {
      gint32 a = g_array_index (ring->refs, gint32, i);
      g_array_index (ring->refs, gint32, i) = g_array_index (ring->refs, gint32, n - 1 - i);
      g_array_index (ring->refs, gint32, n - 1 - i) = a;
    }
  for (guint i = 0; i < n; i++)
    g_array_index (ring->refs, gint32, i) = ~g_array_index (ring->refs, gint32, i);
  return TRUE;
}

static void
read_ring (JsonArray *refs,
           Topology  *topo,
           guint      district,
           guint      polygon,
           gboolean   outer)
{
  Ring *ring = g_new0 (Ring, 1);

  ring->refs = g_array_new (FALSE, FALSE, sizeof (gint32));
  ring->district = district;
  ring->polygon = polygon;
  ring->outer = outer;
  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      gint32 ref = (gint32) json_array_get_int_element (refs, i);
      guint index = ref >= 0 ? (guint) ref : (guint) ~ref;

      if (index >= topo->arcs->len)
        die ("district %u: arc reference %d out of range", district, ref);
      if (!((Arc *) g_ptr_array_index (topo->arcs, index))->spike)
        g_array_append_val (ring->refs, ref);
    }
  if (ring->refs->len == 0 || !orient_ring (topo, ring))
    {
      /* Nothing but spikes, or out and back along the same line: it encloses nothing. */
      g_array_unref (ring->refs);
      g_free (ring);
      return;
    }
  g_ptr_array_add (topo->rings, ring);
}

static void
read_polygon (JsonArray *rings,
              Topology  *topo,
              guint      district,
              guint      polygon)
{
  for (guint i = 0; i < json_array_get_length (rings); i++)
    read_ring (json_array_get_array_element (rings, i), topo, district, polygon, i == 0);
}

static void
read_districts (JsonObject *root,
                Topology   *topo)
{
  JsonObject *objects = json_object_get_object_member (root, "objects");
  JsonObject *lad;
  JsonArray *geometries;

  if (objects == NULL || (lad = json_object_get_object_member (objects, "lad")) == NULL)
    die ("objects.lad: expected a GeometryCollection");
  geometries = json_object_get_array_member (lad, "geometries");
  for (guint i = 0; i < json_array_get_length (geometries); i++)
    {
      JsonObject *geometry = json_array_get_object_element (geometries, i);
      JsonObject *properties = json_object_get_object_member (geometry, "properties");
      const char *type = json_object_get_string_member (geometry, "type");
      JsonArray *arcs = json_object_get_array_member (geometry, "arcs");
      District d = { 0 };

      d.name = g_strdup (json_object_get_string_member (properties, "LAD13NM"));
      d.code = g_strdup (json_object_get_string_member (properties, "LAD13CD"));
      d.first_ring = topo->rings->len;
      if (g_str_equal (type, "Polygon"))
        read_polygon (arcs, topo, topo->districts->len, 0);
      else if (g_str_equal (type, "MultiPolygon"))
        for (guint p = 0; p < json_array_get_length (arcs); p++)
          read_polygon (json_array_get_array_element (arcs, p), topo, topo->districts->len, p);
      else
        die ("objects.lad.geometries[%u].type: expected Polygon or MultiPolygon, got %s", i, type);
      d.n_rings = topo->rings->len - d.first_ring;
      g_array_append_val (topo->districts, d);
    }
}

/* ---- topology ----------------------------------------------------------------------------- */

/* The ring's points at full resolution, the shared ends of consecutive arcs once. */
static GArray *
ring_points (Topology *topo,
             Ring     *ring)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));

  for (guint i = 0; i < ring->refs->len; i++)
    {
      gint32 ref = g_array_index (ring->refs, gint32, i);
      Arc *arc = g_ptr_array_index (topo->arcs, ref >= 0 ? ref : ~ref);
      guint n = arc->points->len;

      for (guint j = (i == 0 ? 0 : 1); j < n; j++)
        g_array_append_val (out, g_array_index (arc->points, AtlasPoint,
                                                ref >= 0 ? j : n - 1 - j));
    }
  return out;
}

static void
classify_arcs (Topology *topo)
{
  for (guint r = 0; r < topo->rings->len; r++)
    {
      Ring *ring = g_ptr_array_index (topo->rings, r);

      atlas_bbox_init_empty (&ring->bbox);
      for (guint i = 0; i < ring->refs->len; i++)
        {
          gint32 ref = g_array_index (ring->refs, gint32, i);
          Arc *arc = g_ptr_array_index (topo->arcs, ref >= 0 ? ref : ~ref);

          arc->net += ref >= 0 ? 1 : -1;
          if (arc->owner_ring < 0)
            arc->owner_ring = r;
          if (arc->first_district < 0)
            arc->first_district = ring->district;
          else if (arc->first_district != (int) ring->district)
            arc->several_districts = TRUE;
          atlas_bbox_union (&ring->bbox, &arc->bbox);
        }
    }
}

static guint
point_hash (gconstpointer p)
{
  const AtlasPoint *pt = p;

  return g_double_hash (&pt->x) * 31 + g_double_hash (&pt->y);
}

static gboolean
point_equal (gconstpointer a,
             gconstpointer b)
{
  const AtlasPoint *p = a, *q = b;

  return p->x == q->x && p->y == q->y;
}

static const AtlasPoint *
ref_end (Topology *topo,
         gint32    ref,
         gboolean  start)
{
  Arc *arc = g_ptr_array_index (topo->arcs, ref >= 0 ? ref : ~ref);
  gboolean first = (ref >= 0) == start;

  return &g_array_index (arc->points, AtlasPoint, first ? 0 : arc->points->len - 1);
}

/* Chains arc references (each walked in its direction) end to start into closed loops, as
 * arrays of references. Every node must have as many references in as out, so following any
 * unused one out of the current node always comes back to the start; what dies here is a bug
 * in the input or in the merging. */
static GPtrArray *
chain_refs (Topology   *topo,
            GArray     *order,
            const char *what)
{
  g_autoptr(GHashTable) out = g_hash_table_new_full (point_hash, point_equal, NULL,
                                                     (GDestroyNotify) g_array_unref);
  GPtrArray *loops = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < order->len; i++)
    {
      gint32 ref = g_array_index (order, gint32, i);
      const AtlasPoint *start = ref_end (topo, ref, TRUE);
      GArray *list = g_hash_table_lookup (out, start);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (gint32));
          g_hash_table_insert (out, (gpointer) start, list);
        }
      g_array_append_val (list, ref);
    }

  for (guint i = 0; i < order->len; i++)
    {
      gint32 ref = g_array_index (order, gint32, i);
      const AtlasPoint *origin = ref_end (topo, ref, TRUE);
      GArray *list = g_hash_table_lookup (out, origin);
      GArray *loop;
      guint k = 0;

      /* Start only from references still unused. */
      while (k < list->len && g_array_index (list, gint32, k) != ref)
        k++;
      if (k == list->len)
        continue;

      loop = g_array_new (FALSE, FALSE, sizeof (gint32));
      for (;;)
        {
          const AtlasPoint *end;

          g_array_remove_index_fast (list, k);
          g_array_append_val (loop, ref);
          end = ref_end (topo, ref, FALSE);
          if (point_equal (end, origin))
            break;
          list = g_hash_table_lookup (out, end);
          if (list == NULL || list->len == 0)
            die ("%s does not close at (%g, %g)", what, end->x, end->y);
          k = 0;
          ref = g_array_index (list, gint32, 0);
        }
      g_ptr_array_add (loops, loop);
    }
  return loops;
}

/* The land outline: every arc whose uses do not cancel, |net| times in the direction of net,
 * chained into closed rings. */
static void
build_land_rings (Topology *topo)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GPtrArray) loops = NULL;

  for (guint a = 0; a < topo->arcs->len; a++)
    {
      Arc *arc = g_ptr_array_index (topo->arcs, a);
      gint32 ref = arc->net > 0 ? (gint32) a : ~(gint32) a;

      for (int k = 0; k < ABS (arc->net); k++)
        g_array_append_val (order, ref);
    }

  loops = chain_refs (topo, order, "land outline");
  for (guint l = 0; l < loops->len; l++)
    {
      Ring *ring = g_new0 (Ring, 1);

      ring->refs = g_array_ref (g_ptr_array_index (loops, l));
      ring->district = G_MAXUINT;
      ring->outer = TRUE;
      atlas_bbox_init_empty (&ring->bbox);
      for (guint i = 0; i < ring->refs->len; i++)
        {
          gint32 ref = g_array_index (ring->refs, gint32, i);
          Arc *arc = g_ptr_array_index (topo->arcs, ref >= 0 ? ref : ~ref);

          atlas_bbox_union (&ring->bbox, &arc->bbox);
          arc->land_ring = topo->rings->len;
        }
      g_ptr_array_add (topo->rings, ring);
    }
}

/* ---- merges --------------------------------------------------------------------------------- */

static void
free_ring (Ring *ring)
{
  g_array_unref (ring->refs);
  g_free (ring);
}

typedef struct {
  const char *code;
  const char *name;
  JsonArray *members;
} Merge;

static const char *
merge_string (JsonObject *merge,
              const char *path,
              guint       i,
              const char *member)
{
  JsonNode *node = json_object_get_member (merge, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING
      || json_node_get_string (node)[0] == '\0')
    die ("%s: merges[%u].%s: expected a non-empty string", path, i, member);
  return json_node_get_string (node);
}

/* The table's rows, checked: every row has a code, a name, a year, a source and two members or
 * more. */
static GArray *
read_merges (JsonParser *parser,
             const char *path)
{
  JsonNode *root = json_parser_get_root (parser);
  JsonArray *rows;
  GArray *merges = g_array_new (FALSE, FALSE, sizeof (Merge));

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), "merges")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "merges")))
    die ("%s: expected an object with a \"merges\" array", path);
  rows = json_object_get_array_member (json_node_get_object (root), "merges");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      JsonObject *object;
      JsonNode *members, *year;
      Merge merge;

      if (!JSON_NODE_HOLDS_OBJECT (row))
        die ("%s: merges[%u]: expected an object", path, i);
      object = json_node_get_object (row);
      merge.code = merge_string (object, path, i, "code");
      merge.name = merge_string (object, path, i, "name");
      merge_string (object, path, i, "source");
      year = json_object_get_member (object, "year");
      if (year == NULL || !JSON_NODE_HOLDS_VALUE (year)
          || json_node_get_value_type (year) != G_TYPE_INT64)
        die ("%s: merges[%u].year: expected the year it took effect", path, i);
      members = json_object_get_member (object, "members");
      if (members == NULL || !JSON_NODE_HOLDS_ARRAY (members)
          || json_array_get_length (json_node_get_array (members)) < 2)
        die ("%s: merges[%u].members: expected two codes or more", path, i);
      merge.members = json_node_get_array (members);
      g_array_append_val (merges, merge);
    }
  return merges;
}

/* Which outer ring a hole lies in: the smallest that contains it. The hole is tested at the
 * middle of its edges, not at its corners: a hole may touch its outer ring at a corner (an
 * estuary pinched shut by the generalisation), and a point on both rings goes either way. */
static guint
enclosing_polygon (Topology  *topo,
                   GPtrArray *rings,
                   GArray    *areas,
                   Ring      *hole)
{
  g_autoptr(GArray) pts = ring_points (topo, hole);

  for (guint i = 0; i + 1 < pts->len; i++)
    {
      const AtlasPoint *a = &g_array_index (pts, AtlasPoint, i);
      const AtlasPoint *b = &g_array_index (pts, AtlasPoint, i + 1);
      double x = (a->x + b->x) / 2, y = (a->y + b->y) / 2;
      double best = G_MAXDOUBLE;
      guint polygon = G_MAXUINT;

      for (guint r = 0; r < rings->len; r++)
        {
          Ring *outer = g_ptr_array_index (rings, r);
          g_autoptr(GArray) outer_pts = NULL;

          if (!outer->outer || g_array_index (areas, double, r) >= best)
            continue;
          outer_pts = ring_points (topo, outer);
          if (atlas_ring_contains ((AtlasPoint *) outer_pts->data, outer_pts->len, x, y))
            {
              best = g_array_index (areas, double, r);
              polygon = outer->polygon;
            }
        }
      if (polygon != G_MAXUINT)
        return polygon;
    }
  return G_MAXUINT;
}

/* The rings of the members as one district: arcs walked once each way by two members (their
 * shared borders) cancel out, and what is left is chained into the new outline. Outer rings
 * wind one way and holes the other, as read_ring leaves them, so a loop's sign tells which it
 * is. */
static GPtrArray *
dissolve (Topology   *topo,
          GPtrArray **district_rings,
          const guint *members,
          guint       n_members,
          const char *name)
{
  g_autoptr(GHashTable) net = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) arcs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) loops = NULL;
  GPtrArray *rings = g_ptr_array_new ();
  guint polygons = 0;

  for (guint m = 0; m < n_members; m++)
    for (guint r = 0; r < district_rings[members[m]]->len; r++)
      {
        Ring *ring = g_ptr_array_index (district_rings[members[m]], r);

        for (guint i = 0; i < ring->refs->len; i++)
          {
            gint32 ref = g_array_index (ring->refs, gint32, i);
            guint arc = ref >= 0 ? (guint) ref : (guint) ~ref;
            gpointer key = GUINT_TO_POINTER (arc + 1);

            if (!g_hash_table_contains (net, key))
              g_array_append_val (arcs, arc);
            g_hash_table_insert (net, key, GINT_TO_POINTER (GPOINTER_TO_INT (
              g_hash_table_lookup (net, key)) + (ref >= 0 ? 1 : -1)));
          }
      }
  for (guint i = 0; i < arcs->len; i++)
    {
      guint arc = g_array_index (arcs, guint, i);
      int n = GPOINTER_TO_INT (g_hash_table_lookup (net, GUINT_TO_POINTER (arc + 1)));
      gint32 ref = n > 0 ? (gint32) arc : ~(gint32) arc;

      for (int k = 0; k < ABS (n); k++)
        g_array_append_val (order, ref);
    }

  loops = chain_refs (topo, order, name);
  for (guint l = 0; l < loops->len; l++)
    {
      Ring *ring = g_new0 (Ring, 1);
      g_autoptr(GArray) pts = NULL;
      double area;

      ring->refs = g_array_ref (g_ptr_array_index (loops, l));
      pts = ring_points (topo, ring);
      area = atlas_ring_signed_area ((AtlasPoint *) pts->data, pts->len);
      if (fabs (area) < 1e-13)
        {
          /* Out and back along one line: it encloses nothing. */
          free_ring (ring);
          continue;
        }
      ring->outer = area > 0;
      if (ring->outer)
        ring->polygon = polygons++;
      g_array_append_val (areas, (double) { fabs (area) });
      g_ptr_array_add (rings, ring);
    }
  for (guint r = 0; r < rings->len; r++)
    {
      Ring *ring = g_ptr_array_index (rings, r);

      if (!ring->outer && (ring->polygon = enclosing_polygon (topo, rings, areas, ring))
                          == G_MAXUINT)
        die ("%s: a hole of the merged outline lies in none of its parts", name);
    }
  if (polygons == 0)
    die ("%s: the merged outline encloses nothing", name);
  return rings;
}

/* Applies the table of mergers (data/basemap/gb-lad-merges.json) to the districts just read:
 * each row's members become one district with the row's name and code, in the place of the
 * first member. */
static void
merge_districts (Topology   *topo,
                 const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) merges = NULL;
  g_autoptr(GArray) districts = g_array_new (FALSE, FALSE, sizeof (District));
  g_autoptr(GPtrArray) rings = g_ptr_array_new ();
  guint n = topo->districts->len;
  g_autofree GPtrArray **district_rings = g_new0 (GPtrArray *, n);
  g_autofree gboolean *gone = g_new0 (gboolean, n);

  if (!json_parser_load_from_file (parser, path, &error))
    die ("%s: %s", path, error->message);
  merges = read_merges (parser, path);

  for (guint d = 0; d < n; d++)
    {
      District *district = &g_array_index (topo->districts, District, d);

      district_rings[d] = g_ptr_array_new ();
      for (guint r = district->first_ring; r < district->first_ring + district->n_rings; r++)
        g_ptr_array_add (district_rings[d], g_ptr_array_index (topo->rings, r));
    }

  for (guint i = 0; i < merges->len; i++)
    {
      Merge *merge = &g_array_index (merges, Merge, i);
      guint n_members = json_array_get_length (merge->members);
      g_autofree guint *members = g_new (guint, n_members);
      GPtrArray *merged;
      District *first;

      for (guint m = 0; m < n_members; m++)
        {
          const char *code = json_array_get_string_element (merge->members, m);

          members[m] = G_MAXUINT;
          for (guint d = 0; code != NULL && d < n && members[m] == G_MAXUINT; d++)
            if (!gone[d] && g_strcmp0 (g_array_index (topo->districts, District, d).code,
                                       code) == 0)
              members[m] = d;
          for (guint k = 0; k < m; k++)
            if (members[k] == members[m])
              members[m] = G_MAXUINT;
          if (members[m] == G_MAXUINT)
            die ("%s: merges[%u].members[%u]: no district %s left to merge (listed twice, or "
                 "merged already)", path, i, m, code != NULL ? code : "(not a string)");
        }

      merged = dissolve (topo, district_rings, members, n_members, merge->name);
      /* The members' own rings are replaced by the merged ones. */
      for (guint m = 0; m < n_members; m++)
        {
          for (guint r = 0; r < district_rings[members[m]]->len; r++)
            free_ring (g_ptr_array_index (district_rings[members[m]], r));
          g_ptr_array_set_size (district_rings[members[m]], 0);
        }
      g_ptr_array_unref (district_rings[members[0]]);
      district_rings[members[0]] = merged;
      first = &g_array_index (topo->districts, District, members[0]);
      g_free (first->name);
      g_free (first->code);
      first->name = g_strdup (merge->name);
      first->code = g_strdup (merge->code);
      for (guint m = 1; m < n_members; m++)
        gone[members[m]] = TRUE;
    }

  /* The districts left, each with its rings together, in the order first read. */
  for (guint d = 0; d < n; d++)
    {
      District district = g_array_index (topo->districts, District, d);

      if (gone[d])
        {
          g_free (district.name);
          g_free (district.code);
          continue;
        }
      district.first_ring = rings->len;
      district.n_rings = district_rings[d]->len;
      for (guint r = 0; r < district_rings[d]->len; r++)
        {
          Ring *ring = g_ptr_array_index (district_rings[d], r);

          ring->district = districts->len;
          g_ptr_array_add (rings, ring);
        }
      g_array_append_val (districts, district);
    }
  for (guint d = 0; d < n; d++)
    g_ptr_array_unref (district_rings[d]);

  g_ptr_array_set_size (topo->rings, 0);
  g_ptr_array_extend (topo->rings, rings, NULL, NULL);
  g_array_set_size (topo->districts, 0);
  g_array_append_vals (topo->districts, districts->data, districts->len);
}

static guint32
arc_kind (const Arc *arc)
{
  if (arc->net != 0)
    return ATLAS_PACKED_ARC_COAST;
  if (arc->several_districts)
    return ATLAS_PACKED_ARC_BORDER;
  return ATLAS_PACKED_ARC_INTERNAL;
}

/* ---- simplification ---------------------------------------------------------------------- */

static double
segment_distance2 (const AtlasPoint *p,
                   const AtlasPoint *a,
                   const AtlasPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p->x - a->x) * dx + (p->y - a->y) * dy) / len2 : 0;
  double ex, ey;

  t = CLAMP (t, 0.0, 1.0);
  ex = a->x + t * dx - p->x;
  ey = a->y + t * dy - p->y;
  return ex * ex + ey * ey;
}

static void
douglas_peucker (const AtlasPoint *pts,
                 guint             first,
                 guint             last,
                 double            tolerance2,
                 gboolean         *keep)
{
  double best = -1;
  guint best_i = first;

  if (last <= first + 1)
    return;
  for (guint i = first + 1; i < last; i++)
    {
      double d = segment_distance2 (&pts[i], &pts[first], &pts[last]);
      if (d > best)
        {
          best = d;
          best_i = i;
        }
    }
  if (best <= tolerance2)
    return;
  keep[best_i] = TRUE;
  douglas_peucker (pts, first, best_i, tolerance2, keep);
  douglas_peucker (pts, best_i, last, tolerance2, keep);
}

static GArray *
simplify_arc (const Arc *arc,
              double     tolerance)
{
  const AtlasPoint *pts = (const AtlasPoint *) arc->points->data;
  guint n = arc->points->len;
  g_autofree gboolean *keep = g_new0 (gboolean, n);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));

  keep[0] = keep[n - 1] = TRUE;
  if (pts[0].x == pts[n - 1].x && pts[0].y == pts[n - 1].y && n > 3)
    {
      /* A closed arc (an island): split it at the point farthest from its start. */
      guint far = 1;
      double best = -1;
      for (guint i = 1; i < n - 1; i++)
        {
          double d = segment_distance2 (&pts[i], &pts[0], &pts[0]);
          if (d > best)
            {
              best = d;
              far = i;
            }
        }
      keep[far] = TRUE;
      douglas_peucker (pts, 0, far, tolerance * tolerance, keep);
      douglas_peucker (pts, far, n - 1, tolerance * tolerance, keep);
    }
  else
    douglas_peucker (pts, 0, n - 1, tolerance * tolerance, keep);

  for (guint i = 0; i < n; i++)
    if (keep[i])
      g_array_append_val (out, pts[i]);
  return out;
}

static void
simplify_arcs (Topology *topo)
{
  for (guint l = 0; l < ATLAS_BASEMAP_N_LEVELS; l++)
    {
      double tolerance = 0.5 / (256.0 * (1u << level_zoom[l]));
      for (guint a = 0; a < topo->arcs->len; a++)
        {
          Arc *arc = g_ptr_array_index (topo->arcs, a);
          arc->levels[l] = simplify_arc (arc, tolerance);
        }
    }
}

/* ---- names ------------------------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Crossings of the line y = c (or x = c when vertical) with the rings, sorted: by the
 * even-odd rule the inside is between crossings 0-1, 2-3, … */
static GArray *
line_crossings (GPtrArray *rings_points,
                double     c,
                gboolean   vertical)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < rings_points->len; r++)
    {
      GArray *pts = g_ptr_array_index (rings_points, r);
      for (guint i = 0; i + 1 < pts->len; i++)
        {
          AtlasPoint a = g_array_index (pts, AtlasPoint, i);
          AtlasPoint b = g_array_index (pts, AtlasPoint, i + 1);
          double t;

          if (vertical)
            {
              t = a.x, a.x = a.y, a.y = t;
              t = b.x, b.x = b.y, b.y = t;
            }
          if ((a.y > c) == (b.y > c))
            continue;
          t = a.x + (c - a.y) * (b.x - a.x) / (b.y - a.y);
          g_array_append_val (xs, t);
        }
    }
  g_array_sort (xs, compare_doubles);
  return xs;
}

/* The inside span of the line through `at` that contains it, as distances below and above. */
static gboolean
span_around (GArray *xs,
             double  at,
             double *below,
             double *above)
{
  for (guint i = 0; i + 1 < xs->len; i += 2)
    {
      double x0 = g_array_index (xs, double, i), x1 = g_array_index (xs, double, i + 1);
      if (at >= x0 && at <= x1)
        {
          *below = at - x0;
          *above = x1 - at;
          return TRUE;
        }
    }
  return FALSE;
}

/* A point well inside the district's largest polygon: on a few horizontal lines take the
 * middle of the widest inside span, and keep the one with the most room around it. */
static void
find_label_point (Topology *topo,
                  District *d)
{
  g_autoptr(GPtrArray) rings_points = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) poly_area = g_array_new (FALSE, TRUE, sizeof (double));
  AtlasBBox box;
  guint best_poly = 0;
  double best_score = -1;

  for (guint r = d->first_ring; r < d->first_ring + d->n_rings; r++)
    {
      Ring *ring = g_ptr_array_index (topo->rings, r);
      g_autoptr(GArray) pts = ring_points (topo, ring);
      double area = atlas_ring_signed_area ((AtlasPoint *) pts->data, pts->len);

      if (poly_area->len <= ring->polygon)
        g_array_set_size (poly_area, ring->polygon + 1);
      g_array_index (poly_area, double, ring->polygon) += area;
      d->area += area;
    }
  for (guint p = 0; p < poly_area->len; p++)
    if (g_array_index (poly_area, double, p) > g_array_index (poly_area, double, best_poly))
      best_poly = p;

  atlas_bbox_init_empty (&box);
  for (guint r = d->first_ring; r < d->first_ring + d->n_rings; r++)
    {
      Ring *ring = g_ptr_array_index (topo->rings, r);
      if (ring->polygon != best_poly)
        continue;
      g_ptr_array_add (rings_points, ring_points (topo, ring));
      atlas_bbox_union (&box, &ring->bbox);
    }

  d->label.x = (box.min_x + box.max_x) / 2;
  d->label.y = (box.min_y + box.max_y) / 2;
  for (guint k = 1; k < 24; k++)
    {
      double y = box.min_y + (box.max_y - box.min_y) * k / 24.0;
      g_autoptr(GArray) xs = line_crossings (rings_points, y, FALSE);

      for (guint i = 0; i + 1 < xs->len; i += 2)
        {
          double x = (g_array_index (xs, double, i) + g_array_index (xs, double, i + 1)) / 2;
          double width = g_array_index (xs, double, i + 1) - g_array_index (xs, double, i);
          g_autoptr(GArray) ys = line_crossings (rings_points, x, TRUE);
          double up, down, score;

          if (!span_around (ys, y, &up, &down))
            continue;
          /* Names are about four times wider than tall. */
          score = MIN (width, 8 * MIN (up, down));
          if (score > best_score)
            {
              best_score = score;
              d->label.x = x;
              d->label.y = y;
              d->label_span = MIN (width, 8 * MIN (up, down));
            }
        }
    }
}

static void
label_box (const District *d,
           double          scale,
           AtlasBBox      *box)
{
  double w = g_utf8_strlen (d->name, -1) * ATLAS_BASEMAP_LABEL_CHAR_EM * ATLAS_BASEMAP_LABEL_FONT_PX
             + ATLAS_BASEMAP_LABEL_PAD_PX;
  double h = ATLAS_BASEMAP_LABEL_FONT_PX * 1.3 + ATLAS_BASEMAP_LABEL_PAD_PX;

  box->min_x = d->label.x * scale - w / 2;
  box->max_x = d->label.x * scale + w / 2;
  box->min_y = d->label.y * scale - h / 2;
  box->max_y = d->label.y * scale + h / 2;
}

static int
compare_by_area (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GArray *districts = user_data;
  double x = g_array_index (districts, District, *(const guint *) a).area;
  double y = g_array_index (districts, District, *(const guint *) b).area;

  return x > y ? -1 : x < y;
}

/* Greedy, biggest district first, zoom by zoom; names placed at one zoom stay at the next
 * (distances double, boxes do not), so a name never disappears when zooming in. */
static void
place_labels (Topology *topo)
{
  guint n = topo->districts->len;
  g_autofree guint *order = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    {
      order[i] = i;
      find_label_point (topo, &g_array_index (topo->districts, District, i));
    }
  g_qsort_with_data (order, n, sizeof (guint), compare_by_area, topo->districts);

  for (guint z = ATLAS_BASEMAP_LABEL_MIN_ZOOM; z <= ATLAS_BASEMAP_LABEL_MAX_ZOOM; z++)
    {
      double scale = 256.0 * (1u << z);
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (AtlasBBox));

      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < n; i++)
          {
            District *d = &g_array_index (topo->districts, District, order[i]);
            gboolean free = TRUE;
            AtlasBBox box;

            /* First the names already shown at the zoom before, then the new ones. */
            if ((pass == 0) != (d->label_min_zoom != 0))
              continue;
            label_box (d, scale, &box);
            if (pass == 1 && d->label_span * scale < box.max_x - box.min_x)
              continue;
            for (guint j = 0; j < placed->len && free; j++)
              free = !atlas_bbox_intersects (&box, &g_array_index (placed, AtlasBBox, j));
            if (!free && pass == 0)
              die ("name of %s placed at zoom %u collides at %u", d->name, z - 1, z);
            if (!free)
              continue;
            g_array_append_val (placed, box);
            if (d->label_min_zoom == 0)
              d->label_min_zoom = z;
          }
    }
}

/* ---- writing ----------------------------------------------------------------------------- */

static guint32
append_section (GByteArray    *out,
                gconstpointer  data,
                gsize          size)
{
  static const guint8 zeros[8] = { 0 };
  guint32 offset;

  g_byte_array_append (out, zeros, (8 - out->len % 8) % 8);
  offset = out->len;
  if (size > 0)
    g_byte_array_append (out, data, size);
  return offset;
}

static AtlasPackedBBox
pack_bbox (const AtlasBBox   *box,
           const AtlasPoint  *origin)
{
  AtlasPackedBBox packed = {
    (float) (box->min_x - origin->x), (float) (box->min_y - origin->y),
    (float) (box->max_x - origin->x), (float) (box->max_y - origin->y),
  };

  /* Rounding to float must not shrink a box: culling relies on it. */
  packed.min_x = nextafterf (packed.min_x, -G_MAXFLOAT);
  packed.min_y = nextafterf (packed.min_y, -G_MAXFLOAT);
  packed.max_x = nextafterf (packed.max_x, G_MAXFLOAT);
  packed.max_y = nextafterf (packed.max_y, G_MAXFLOAT);
  return packed;
}

static guint32
append_string (GByteArray *strings,
               const char *s)
{
  guint32 offset = strings->len;

  g_byte_array_append (strings, (const guint8 *) s, strlen (s) + 1);
  return offset;
}

static void
write_levels (Topology          *topo,
              GByteArray        *out,
              AtlasPackedHeader *h,
              const AtlasPoint  *origin)
{
  for (guint l = 0; l < ATLAS_BASEMAP_N_LEVELS; l++)
    {
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GArray) floats = g_array_new (FALSE, FALSE, sizeof (float));

      for (guint a = 0; a < topo->arcs->len; a++)
        {
          Arc *arc = g_ptr_array_index (topo->arcs, a);
          guint32 start = floats->len / 2;

          g_array_append_val (starts, start);
          for (guint i = 0; i < arc->levels[l]->len; i++)
            {
              AtlasPoint p = g_array_index (arc->levels[l], AtlasPoint, i);
              float xy[2] = { (float) (p.x - origin->x), (float) (p.y - origin->y) };
              g_array_append_vals (floats, xy, 2);
            }
        }
      h->level_n_points[l] = floats->len / 2;
      g_array_append_val (starts, h->level_n_points[l]);
      h->level_max_zoom[l] = level_max_zoom[l];
      h->level_arc_start_offset[l] = append_section (out, starts->data, starts->len * 4);
      h->level_points_offset[l] = append_section (out, floats->data, floats->len * 4);
    }
}

static void
write_packed (Topology   *topo,
              const char *filename)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GByteArray) strings = g_byte_array_new ();
  g_autoptr(GArray) arcs = g_array_new (FALSE, FALSE, sizeof (AtlasPackedArc));
  g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (AtlasPackedRing));
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) districts = g_array_new (FALSE, FALSE, sizeof (AtlasPackedDistrict));
  g_autoptr(GError) error = NULL;
  AtlasPackedHeader h;
  AtlasBBox all;
  AtlasPoint origin;

  memset (&h, 0, sizeof h);
  memcpy (h.magic, ATLAS_BASEMAP_MAGIC, sizeof ATLAS_BASEMAP_MAGIC);
  h.version = ATLAS_BASEMAP_VERSION;
  h.n_levels = ATLAS_BASEMAP_N_LEVELS;

  atlas_bbox_init_empty (&all);
  for (guint a = 0; a < topo->arcs->len; a++)
    atlas_bbox_union (&all, &((Arc *) g_ptr_array_index (topo->arcs, a))->bbox);
  origin.x = h.origin_x = all.min_x;
  origin.y = h.origin_y = all.min_y;

  for (guint a = 0; a < topo->arcs->len; a++)
    {
      Arc *arc = g_ptr_array_index (topo->arcs, a);
      int owner = arc->net != 0 ? arc->land_ring : arc->owner_ring;
      AtlasPackedArc packed = { pack_bbox (&arc->bbox, &origin), arc_kind (arc),
                                owner < 0 ? G_MAXUINT32 : (guint32) owner };
      g_array_append_val (arcs, packed);
    }
  for (guint r = 0; r < topo->rings->len; r++)
    {
      Ring *ring = g_ptr_array_index (topo->rings, r);
      AtlasPackedRing packed = { pack_bbox (&ring->bbox, &origin), refs->len, ring->refs->len };
      g_array_append_vals (refs, ring->refs->data, ring->refs->len);
      g_array_append_val (rings, packed);
    }
  for (guint i = 0; i < topo->districts->len; i++)
    {
      District *d = &g_array_index (topo->districts, District, i);
      AtlasPackedDistrict packed = { 0 };
      AtlasBBox label;

      atlas_bbox_init_empty (&d->bbox);
      for (guint r = d->first_ring; r < d->first_ring + d->n_rings; r++)
        atlas_bbox_union (&d->bbox, &((Ring *) g_ptr_array_index (topo->rings, r))->bbox);
      label_box (d, 1.0, &label);
      packed.bbox = pack_bbox (&d->bbox, &origin);
      packed.label_x = (float) (d->label.x - origin.x);
      packed.label_y = (float) (d->label.y - origin.y);
      packed.label_width = (float) (label.max_x - label.min_x);
      packed.label_height = (float) (label.max_y - label.min_y);
      packed.label_min_zoom = d->label_min_zoom;
      packed.first_ring = d->first_ring;
      packed.n_rings = d->n_rings;
      packed.name_offset = append_string (strings, d->name);
      packed.code_offset = append_string (strings, d->code);
      g_array_append_val (districts, packed);
    }

  h.n_arcs = arcs->len;
  h.n_rings = rings->len;
  h.n_arc_refs = refs->len;
  h.n_districts = districts->len;
  h.first_land_ring = topo->first_land_ring;
  h.strings_size = strings->len;

  append_section (out, &h, sizeof h);
  write_levels (topo, out, &h, &origin);
  h.arcs_offset = append_section (out, arcs->data, arcs->len * sizeof (AtlasPackedArc));
  h.rings_offset = append_section (out, rings->data, rings->len * sizeof (AtlasPackedRing));
  h.arc_refs_offset = append_section (out, refs->data, refs->len * sizeof (gint32));
  h.districts_offset = append_section (out, districts->data,
                                       districts->len * sizeof (AtlasPackedDistrict));
  h.strings_offset = append_section (out, strings->data, strings->len);
  append_section (out, NULL, 0);
  h.total_size = out->len;
  memcpy (out->data, &h, sizeof h);

  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    die ("the packed base map is little-endian; build on a little-endian machine");
  if (!g_file_set_contents (filename, (const char *) out->data, out->len, &error))
    die ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  Topology topo;

  if (argc != 4)
    die ("usage: atlas-pack-basemap INPUT.topo.json MERGES.json OUTPUT.bin");
  if (!json_parser_load_from_file (parser, argv[1], &error))
    die ("%s: %s", argv[1], error->message);
  root = json_node_get_object (json_parser_get_root (parser));
  if (root == NULL || g_strcmp0 (json_object_get_string_member (root, "type"), "Topology") != 0)
    die ("%s: expected a TopoJSON Topology", argv[1]);

  topo.arcs = g_ptr_array_new ();
  topo.rings = g_ptr_array_new ();
  topo.districts = g_array_new (FALSE, FALSE, sizeof (District));

  read_arcs (root, &topo);
  read_districts (root, &topo);
  merge_districts (&topo, argv[2]);
  classify_arcs (&topo);
  simplify_arcs (&topo);
  place_labels (&topo);
  topo.first_land_ring = topo.rings->len;
  build_land_rings (&topo);
  write_packed (&topo, argv[3]);
  return 0;
}
