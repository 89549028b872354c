/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The national system of the scale figures: every district of the GB local authority
 * districts of 2013 (data/basemap/gb-lad-2013.topo.json, 380 districts), whole, as a user's
 * dataset. Districts keep their GSS code (LAD13CD) and name (LAD13NM). The file's outlines are
 * quantised to about 100 m, which leaves small twists (rings crossing themselves, which the
 * loader refuses) in 221 rings of 134 districts: each is taken out by reversing the path
 * between the two edges that cross (bench_gb_untwist_ring, the outline moves by the two small
 * triangles at the crossing). A district with a ring that still crosses itself would be left
 * out and counted; none is.
 *
 * Partnerships, one per county or region. The file has no county or region field, so the
 * groups come from the codes:
 *  - non-metropolitan districts (GSS E07): the county in the first two digits of their older
 *    ONS code (LAD13CDO "26UK": county 26, the ten Hertfordshire districts), 27 counties;
 *  - metropolitan boroughs (E08): older codes 00BL to 00DB, numbered alphabetically within
 *    each metropolitan county, so a county ends where the name's first letter goes back
 *    (Wigan 00BW, then Knowsley 00BX): the six metropolitan counties (the first letter only,
 *    since "St. Helens" files as Saint Helens, before Sefton);
 *  - unitary authorities (E06): "00" and the older code's letter, which ONS gave by region
 *    (00E the north-east and north-west, 00F Yorkshire and the East Midlands, 00G the West
 *    Midlands, 00H the south-west, 00J to 00K the east, 00L to 00M the south-east), eight
 *    groups, Peterborough (00J) and Medway (00L) alone;
 *  - London boroughs (E09), Wales (W06) and Scotland (S12) one partnership each: their older
 *    codes 00A to 00B, 00N to 00P and 00Q to 00R go on alphabetically across the letter, so
 *    the letter would split London with Greater Manchester and Scotland in two halves of the
 *    alphabet.
 * That makes 44 partnerships. Each has an acute trust of its own.
 *
 * Sites, one per district at its pole of inaccessibility (the point inside farthest from its
 * edges, as atlas_shape_get_pole finds it), named after the district; their kinds go acute,
 * local, other in turn, as in the synthetic system, so that about a third are acute (a
 * national system has about one acute hospital to three districts). */

#include <string.h>

#include "atlas-geometry.h"
#include "bench-gb.h"
#include "bench-national.h"

/* A ring that still crosses itself after this many moves is refused. */
#define MAX_UNTWIST_MOVES 1000

typedef struct {
  char *id;
  char *name;
  GPtrArray *members;      /* of Member, borrowed */
} Group;

typedef struct {
  const BenchGbDistrict *district;
  char *id;                /* the GSS code in lower case */
  AtlasShape *shape;       /* as written: to 1e-6 degrees */
  double lon, lat;         /* the site */
  char county[5];          /* metropolitan boroughs: the older code of the county's first */
} Member;

static void
group_free (Group *group)
{
  g_free (group->id);
  g_free (group->name);
  g_ptr_array_unref (group->members);
  g_free (group);
}

static void
member_free (Member *member)
{
  g_free (member->id);
  atlas_shape_free (member->shape);
  g_free (member);
}

/* The district's shape as written, its twists taken out, or NULL when a ring cannot be. */
static AtlasShape *
make_shape (const BenchGbDistrict *district,
            guint                 *n_untwisted)
{
  BenchGbShapeBuilder builder;
  gboolean refused = FALSE;
  g_autoptr(AtlasShape) shape = NULL;

  bench_gb_shape_init (&builder);
  for (guint p = 0; p < district->polygons->len; p++)
    {
      GPtrArray *polygon = g_ptr_array_index (district->polygons, p);

      for (guint r = 0; r < polygon->len; r++)
        {
          GArray *ring = g_ptr_array_index (polygon, r);
          g_autofree AtlasPoint *rounded = g_new (AtlasPoint, ring->len);
          int moves;

          for (guint i = 0; i < ring->len; i++)
            {
              rounded[i].x = bench_gb_round (g_array_index (ring, AtlasPoint, i).x);
              rounded[i].y = bench_gb_round (g_array_index (ring, AtlasPoint, i).y);
            }
          moves = bench_gb_untwist_ring (rounded, ring->len, MAX_UNTWIST_MOVES);
          if (ring->len < 4 || moves < 0)
            refused = TRUE;
          else if (moves > 0)
            (*n_untwisted)++;
          bench_gb_shape_add_ring (&builder, rounded, ring->len, r == 0);
        }
    }
  shape = bench_gb_shape_finish (&builder);
  return refused ? NULL : g_steal_pointer (&shape);
}

/* A point surely inside: the pole, else the label point, as written. */
static gboolean
place_site (Member *member)
{
  AtlasPoint pole;
  double radius;

  atlas_shape_get_pole (member->shape, &pole, &radius);
  atlas_unproject (pole.x, pole.y, &member->lon, &member->lat);
  member->lon = bench_gb_round (member->lon);
  member->lat = bench_gb_round (member->lat);
  if (atlas_shape_contains (member->shape, member->lon, member->lat))
    return TRUE;
  member->lon = bench_gb_round (member->shape->label_point.x);
  member->lat = bench_gb_round (member->shape->label_point.y);
  return atlas_shape_contains (member->shape, member->lon, member->lat);
}

static int
compare_old_codes (gconstpointer a,
                   gconstpointer b)
{
  const Member *x = *(Member * const *) a, *y = *(Member * const *) b;

  return strcmp (x->district->old_code, y->district->old_code);
}

/* Metropolitan boroughs: a county starts where the first letter of the name goes back, in
 * the order of the older codes. */
static void
find_metropolitan_counties (GPtrArray *members)
{
  g_autoptr(GPtrArray) by_code = g_ptr_array_copy (members, NULL, NULL);
  const Member *previous = NULL;
  const char *start = NULL;

  g_ptr_array_set_free_func (by_code, NULL);
  g_ptr_array_sort (by_code, compare_old_codes);
  for (guint i = 0; i < by_code->len; i++)
    {
      Member *member = g_ptr_array_index (by_code, i);

      if (!g_str_has_prefix (member->district->code, "E08"))
        continue;
      if (previous == NULL
          || g_ascii_toupper (member->district->name[0])
             < g_ascii_toupper (previous->district->name[0]))
        start = member->district->old_code;
      g_strlcpy (member->county, start, sizeof member->county);
      previous = member;
    }
}

static void
choose_group (const Member  *member,
              char         **id,
              char         **name)
{
  const char *code = member->district->code;
  const char *old = member->district->old_code;

  if (g_str_has_prefix (code, "E09"))
    *id = g_strdup ("london"), *name = g_strdup ("London boroughs");
  else if (g_str_has_prefix (code, "W"))
    *id = g_strdup ("wales"), *name = g_strdup ("Wales");
  else if (g_str_has_prefix (code, "S"))
    *id = g_strdup ("scotland"), *name = g_strdup ("Scotland");
  else if (g_str_has_prefix (code, "E08"))
    {
      g_autofree char *lower = g_ascii_strdown (member->county, -1);

      *id = g_strdup_printf ("metropolitan-%s", lower);
      *name = g_strdup_printf ("Metropolitan county %s", member->county);
    }
  else if (g_str_has_prefix (code, "E06"))
    {
      *id = g_strdup_printf ("unitary-00%c", g_ascii_tolower (old[2]));
      *name = g_strdup_printf ("Unitary authorities 00%c", old[2]);
    }
  else
    {
      *id = g_strdup_printf ("county-%.2s", old);
      *name = g_strdup_printf ("County %.2s", old);
    }
}

/* The groups in the order of their first district, decided on every district (so that a
 * district left out does not move a county's start) and holding those kept. */
static GPtrArray *
make_groups (GPtrArray *members)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  find_metropolitan_counties (members);
  for (guint i = 0; i < members->len; i++)
    {
      Member *member = g_ptr_array_index (members, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      Group *group;

      if (member->shape == NULL)
        continue;
      choose_group (member, &id, &name);
      group = g_hash_table_lookup (by_id, id);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->id = g_steal_pointer (&id);
          group->name = g_steal_pointer (&name);
          group->members = g_ptr_array_new ();
          g_hash_table_insert (by_id, group->id, group);
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group->members, member);
    }
  return groups;
}

static void
add_districts (JsonBuilder *b,
               GPtrArray   *members)
{
  json_builder_set_member_name (b, "districts");
  json_builder_begin_array (b);
  for (guint i = 0; i < members->len; i++)
    {
      const Member *member = g_ptr_array_index (members, i);

      json_builder_begin_object (b);
      bench_gb_add_string (b, "id", member->id);
      bench_gb_add_string (b, "name", member->district->name);
      bench_gb_add_string (b, "code", member->district->code);
      bench_gb_add_string (b, "source", "structure");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_partnerships (JsonBuilder *b,
                  GPtrArray   *groups)
{
  json_builder_set_member_name (b, "partnerships");
  json_builder_begin_array (b);
  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = g_ptr_array_index (groups, g);

      json_builder_begin_object (b);
      bench_gb_add_string (b, "id", group->id);
      bench_gb_add_string (b, "name", group->name);
      bench_gb_add_string (b, "kind", "place");
      json_builder_set_member_name (b, "districts");
      json_builder_begin_array (b);
      for (guint i = 0; i < group->members->len; i++)
        json_builder_add_string_value (b, ((Member *) g_ptr_array_index (group->members, i))->id);
      json_builder_end_array (b);
      bench_gb_add_string (b, "source", "structure");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "trusts");
  json_builder_begin_array (b);
  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = g_ptr_array_index (groups, g);
      g_autofree char *id = g_strdup_printf ("trust-%s", group->id);
      g_autofree char *name = g_strdup_printf ("%s Hospitals Trust", group->name);

      json_builder_begin_object (b);
      bench_gb_add_string (b, "id", id);
      bench_gb_add_string (b, "name", name);
      bench_gb_add_string (b, "kind", "acute");
      bench_gb_add_string (b, "source", "structure");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_sites (JsonBuilder *b,
           GPtrArray   *groups,
           GPtrArray   *members)
{
  static const char * const kinds[] = { "acute", "local", "other" };
  g_autoptr(GHashTable) trusts = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = g_ptr_array_index (groups, g);

      for (guint i = 0; i < group->members->len; i++)
        g_hash_table_insert (trusts, g_ptr_array_index (group->members, i),
                             g_strdup_printf ("trust-%s", group->id));
    }

  json_builder_set_member_name (b, "sites");
  json_builder_begin_array (b);
  for (guint i = 0; i < members->len; i++)
    {
      const Member *member = g_ptr_array_index (members, i);
      g_autofree char *id = g_strdup_printf ("site-%s", member->id);
      g_autofree char *name = g_strdup_printf ("%s Hospital", member->district->name);

      json_builder_begin_object (b);
      bench_gb_add_string (b, "id", id);
      bench_gb_add_string (b, "name", name);
      bench_gb_add_string (b, "kind", kinds[i % G_N_ELEMENTS (kinds)]);
      json_builder_set_member_name (b, "lat");
      json_builder_add_double_value (b, member->lat);
      json_builder_set_member_name (b, "lon");
      json_builder_add_double_value (b, member->lon);
      bench_gb_add_string (b, "trust", g_hash_table_lookup (trusts, member));
      bench_gb_add_string (b, "district", member->id);
      bench_gb_add_string (b, "source", "structure");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
describe_groups (GPtrArray *groups,
                 GString   *out)
{
  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = g_ptr_array_index (groups, g);

      g_string_append_printf (out, "%s (%u):", group->name, group->members->len);
      for (guint i = 0; i < group->members->len; i++)
        g_string_append_printf (out, "%s %s", i > 0 ? "," : "",
                                ((Member *) g_ptr_array_index (group->members, i))
                                  ->district->name);
      g_string_append_c (out, '\n');
    }
}

char *
bench_national_write (const char  *topo_path,
                      const char  *folder,
                      GString     *groups_out,
                      GError     **error)
{
  g_autoptr(GPtrArray) districts = bench_gb_read_districts (topo_path, error);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GString) geojson = g_string_new (NULL);
  g_autoptr(GString) left_out = g_string_new (NULL);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *geojson_path = g_build_filename (folder, "national-districts.geojson", NULL);
  g_autofree char *dataset_path = g_build_filename (folder, "national.json", NULL);
  g_autoptr(GPtrArray) kept = NULL;
  guint n_untwisted = 0;

  if (districts == NULL)
    return NULL;
  members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  kept = g_ptr_array_new ();
  bench_gb_append_collection (geojson, TRUE);
  for (guint i = 0; i < districts->len; i++)
    {
      const BenchGbDistrict *district = g_ptr_array_index (districts, i);
      Member *member = g_new0 (Member, 1);

      member->district = district;
      member->id = g_ascii_strdown (district->code, -1);
      member->shape = make_shape (district, &n_untwisted);
      g_ptr_array_add (members, member);
      if (member->shape == NULL)
        {
          g_string_append_printf (left_out, "%s%s (%s)", kept->len < i ? ", " : "",
                                  district->name, district->code);
          continue;
        }
      if (!place_site (member))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       "%s: %s: no point found inside the district for its site", topo_path,
                       district->code);
          return NULL;
        }
      bench_gb_append_feature (geojson, kept->len == 0, district->code, member->shape);
      g_ptr_array_add (kept, member);
    }
  bench_gb_append_collection (geojson, FALSE);
  groups = make_groups (members);

  g_print ("national: %u of %u districts in %u partnerships; %u rings untwisted, %u districts "
           "left out (a ring still crossing itself)%s%s\n", kept->len, districts->len,
           groups->len, n_untwisted, districts->len - kept->len, left_out->len > 0 ? ": " : "",
           left_out->str);
  if (groups_out != NULL)
    describe_groups (groups, groups_out);

  json_builder_begin_object (b);
  bench_gb_add_header (b, "national", "Great Britain, every district (generated)",
                       "Great Britain", "national-districts.geojson",
                       "Generated records for benchmarks",
                       "GB local authority districts (2013)");
  add_districts (b, kept);
  add_partnerships (b, groups);
  add_sites (b, groups, kept);
  json_builder_end_object (b);
  if (!bench_gb_write_files (b, dataset_path, geojson, geojson_path, error))
    return NULL;
  return g_steal_pointer (&dataset_path);
}
