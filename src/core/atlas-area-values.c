/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-area-values-private.h"

#include <math.h>
#include <string.h>

struct _AtlasAreaValues {
  GObject parent_instance;

  AtlasDataset *dataset;
  AtlasTable *table;       /* the strings of values and unmatched rows point into it */
  gboolean fingertips;
  char *title;
  char *unit;
  const char *period;
  char *source;
  char *note;
  const char *category_column;
  int value_column;        /* the columns used */
  int code_column;
  int name_column;
  GArray *values;          /* AtlasAreaValue */
  int *by_district;        /* district index → position in values, or -1 */
  GArray *unmatched;       /* AtlasUnmatchedRow */
};

G_DEFINE_FINAL_TYPE (AtlasAreaValues, atlas_area_values, G_TYPE_OBJECT)

/* A row matched to a district, before its figures are read. */
typedef struct {
  guint row;
  const AtlasDistrict *district;
} Match;

static const char *
cell (AtlasAreaReader *r,
      guint            row,
      int              column)
{
  return column >= 0 ? atlas_table_get_cell (r->table, row, column) : "";
}

/* The columns used must be there, and nothing may spill past the header's columns. */
static gboolean
check_width (AtlasAreaReader  *r,
             guint             row,
             GError          **error)
{
  const AtlasAreaColumns *c = &r->col;
  const int used[] = { c->code, c->name, c->value, c->lower, c->upper, c->category, c->period };
  guint width = atlas_table_get_row_width (r->table, row);
  guint columns = atlas_table_get_n_columns (r->table);
  int needed = -1, bad = -1;

  for (guint i = 0; i < G_N_ELEMENTS (used); i++)
    needed = MAX (needed, used[i]);
  if ((int) width <= needed)
    bad = width - 1;
  for (guint i = columns; i < width && bad < 0; i++)
    if (*cell (r, row, i) != '\0')
      bad = i;
  if (bad < 0)
    return TRUE;
  atlas_table_set_error (r->table, error, ATLAS_IMPORT_ERROR_LAYOUT, row, bad,
                         "this row has %u field%s; the header line has %u", width,
                         width == 1 ? "" : "s", columns);
  return FALSE;
}

static const AtlasDistrict *
match_row (AtlasAreaReader *r,
           guint            row)
{
  const AtlasDistrict *district = NULL;

  if (r->col.code >= 0)
    district = _atlas_area_matcher_by_code (r->matcher, cell (r, row, r->col.code));
  if (district == NULL && r->col.name >= 0)
    district = _atlas_area_matcher_by_name (r->matcher, cell (r, row, r->col.name));
  return district;
}

static void
add_unmatched (AtlasAreaValues *self,
               AtlasAreaReader *r,
               guint            row)
{
  AtlasUnmatchedRow u;
  const char *name = cell (r, row, r->col.name);

  u.line = atlas_table_get_row_line (r->table, row);
  u.code = r->col.code >= 0 ? cell (r, row, r->col.code) : NULL;
  u.area = *name != '\0' || u.code == NULL ? name : u.code;
  g_array_append_val (self->unmatched, u);
}

/* "1e999": a number, but not one a double holds. */
static gboolean
is_out_of_range (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value = g_ascii_strtod (copy, &end);

  return end != copy && *end == '\0' && isinf (value) && g_ascii_isdigit (copy[copy[0] == '-']);
}

/* A cell of a numeric column: NAN when missing or withheld. */
static gboolean
read_number (AtlasAreaReader  *r,
             guint             row,
             int               column,
             double           *out,
             gboolean         *percent,
             GError          **error)
{
  const char *text = cell (r, row, column);

  *out = NAN;
  if (column < 0 || _atlas_area_is_missing (text))
    return TRUE;
  if (_atlas_area_parse_number (text, atlas_table_get_delimiter (r->table), out, percent))
    return TRUE;
  atlas_table_set_error (r->table, error, ATLAS_IMPORT_ERROR_VALUE, row, column,
                         "“%s” is %s (column “%s”)", text,
                         is_out_of_range (text) ? "beyond the range of numbers" : "not a number",
                         atlas_table_get_column_name (r->table, column));
  return FALSE;
}

/* Rows of several area types may name one district (Fingertips lists districts under each
 * year's boundaries): the type with the most matched districts is preferred. */
static const char *
preferred_area_type (AtlasAreaReader *r,
                     GArray          *matches)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  if (r->col.area_type < 0)
    return NULL;
  for (guint i = 0; i < matches->len; i++)
    {
      const char *type = cell (r, g_array_index (matches, Match, i).row, r->col.area_type);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, type)) + 1;

      g_hash_table_insert (counts, (gpointer) type, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = type;
          best_count = count;
        }
    }
  return best;
}

static gboolean
read_values (AtlasAreaValues  *self,
             AtlasAreaReader  *r,
             GArray           *matches,
             GError          **error)
{
  const char *preferred = preferred_area_type (r, matches);
  gboolean percent = FALSE;
  guint other_types = 0;

  for (guint i = 0; i < matches->len; i++)
    {
      const Match *m = &g_array_index (matches, Match, i);
      const char *type = cell (r, m->row, r->col.area_type);
      int *slot = &self->by_district[m->district->index];
      AtlasAreaValue v = { m->district };

      if (preferred != NULL && strcmp (type, preferred) != 0)
        {
          other_types++;
          continue;
        }
      if (*slot >= 0)
        {
          atlas_table_set_error (r->table, error, ATLAS_IMPORT_ERROR_VALUE, m->row,
                                 MAX (r->col.code, r->col.name),
                                 "a second row for %s (the first is on line %u)",
                                 m->district->name,
                                 g_array_index (self->values, AtlasAreaValue, *slot).line);
          return FALSE;
        }
      if (!read_number (r, m->row, r->col.value, &v.value, &percent, error)
          || !read_number (r, m->row, r->col.lower, &v.lower, &percent, error)
          || !read_number (r, m->row, r->col.upper, &v.upper, &percent, error))
        return FALSE;
      v.category = r->col.category >= 0 && *cell (r, m->row, r->col.category) != '\0'
                   ? cell (r, m->row, r->col.category) : NULL;
      v.area = *cell (r, m->row, r->col.name) != '\0' ? cell (r, m->row, r->col.name)
                                                      : cell (r, m->row, r->col.code);
      v.line = atlas_table_get_row_line (r->table, m->row);
      *slot = self->values->len;
      g_array_append_val (self->values, v);
    }
  if (other_types > 0)
    {
      _atlas_area_reader_chose (r, "%s", preferred);
      _atlas_area_reader_left_out (r, other_types, "row of another area type",
                                   "rows of other area types");
    }
  if (percent && self->unit == NULL)
    self->unit = g_strdup ("%");
  return TRUE;
}

/* "Rate (per 100,000)" says its unit; so does "Percentage" or "%". */
static char *
unit_from_header (const char *header)
{
  gsize n = strlen (header);
  const char *open = strrchr (header, '(');
  g_autofree char *folded = g_ascii_strdown (header, -1);

  if (n > 2 && header[n - 1] == ')' && open != NULL && open + 1 < header + n - 1)
    return g_strstrip (g_strndup (open + 1, header + n - 1 - (open + 1)));
  if (strstr (folded, "percent") != NULL || strchr (header, '%') != NULL)
    return g_strdup ("%");
  return NULL;
}

static gboolean
choose_rows (AtlasAreaValues  *self,
             AtlasAreaReader  *r,
             GError          **error)
{
  _atlas_area_find_columns (r);
  self->fingertips = FALSE;
  if (r->col.value >= 0 && r->col.code >= 0)
    {
      _atlas_area_find_fingertips_columns (r);
      self->fingertips = r->col.indicator_name >= 0;
    }
  if (self->fingertips)
    {
      if (!_atlas_area_choose_indicator (r, error))
        return FALSE;
      _atlas_area_choose_population (r);
    }
  if (!_atlas_area_choose_period (r, error))
    return FALSE;
  if (r->col.code < 0 && r->col.name < 0)
    {
      atlas_table_set_error (r->table, error, ATLAS_IMPORT_ERROR_LAYOUT, ATLAS_TABLE_HEADER, 0,
                             "no column of areas: no header such as “Area Code” or “Area "
                             "Name”, and no column names districts of %s",
                             atlas_dataset_get_short_name (self->dataset));
      return FALSE;
    }
  return _atlas_area_find_value_column (r, error);
}

static gboolean
read_file (AtlasAreaValues  *self,
           AtlasAreaReader  *r,
           GError          **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  const char *header;

  if (!choose_rows (self, r, error))
    return FALSE;

  for (guint row = 0; row < r->n_rows; row++)
    {
      Match m = { row, NULL };

      if (!r->use[row])
        continue;
      if (!check_width (r, row, error))
        return FALSE;
      m.district = match_row (r, row);
      if (m.district != NULL)
        g_array_append_val (matches, m);
      else
        add_unmatched (self, r, row);
    }
  if (matches->len == 0)
    {
      atlas_table_set_error (r->table, error, ATLAS_IMPORT_ERROR_LAYOUT, ATLAS_TABLE_HEADER,
                             MAX (r->col.code, r->col.name),
                             "no row names a district of %s, by ONS code or by name",
                             atlas_dataset_get_short_name (self->dataset));
      return FALSE;
    }

  header = atlas_table_get_column_name (r->table, r->col.value);
  if (r->options->unit != NULL)
    self->unit = g_strdup (r->options->unit);
  else if (!self->fingertips)
    self->unit = unit_from_header (header);
  if (!read_values (self, r, matches, error))
    return FALSE;
  self->title = r->title != NULL ? g_steal_pointer (&r->title) : g_strdup (header);
  self->period = r->period;
  self->value_column = r->col.value;
  self->code_column = r->col.code;
  self->name_column = r->col.name;
  self->category_column = r->col.category >= 0
                          ? atlas_table_get_column_name (r->table, r->col.category) : NULL;
  if (r->left_out->len > 0)
    self->note = g_strdup_printf ("Shown: %s. Not shown: %s.", r->chosen->str, r->left_out->str);
  return TRUE;
}

static void
atlas_area_values_finalize (GObject *object)
{
  AtlasAreaValues *self = ATLAS_AREA_VALUES (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->table, atlas_table_unref);
  g_free (self->title);
  g_free (self->unit);
  g_free (self->source);
  g_free (self->note);
  g_clear_pointer (&self->values, g_array_unref);
  g_free (self->by_district);
  g_clear_pointer (&self->unmatched, g_array_unref);

  G_OBJECT_CLASS (atlas_area_values_parent_class)->finalize (object);
}

static void
atlas_area_values_class_init (AtlasAreaValuesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_area_values_finalize;
}

static void
atlas_area_values_init (AtlasAreaValues *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (AtlasAreaValue));
  self->unmatched = g_array_new (FALSE, FALSE, sizeof (AtlasUnmatchedRow));
}

AtlasAreaValues *
atlas_area_values_new (AtlasTable                    *table,
                       AtlasDataset                  *dataset,
                       const AtlasAreaValuesOptions  *options,
                       GError                       **error)
{
  g_autoptr(AtlasAreaValues) self = NULL;
  g_autoptr(AtlasAreaMatcher) matcher = NULL;
  const AtlasAreaValuesOptions defaults = { NULL };
  AtlasAreaReader r = { 0 };
  gboolean ok;
  guint n_districts;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  self = g_object_new (ATLAS_TYPE_AREA_VALUES, NULL);
  self->dataset = g_object_ref (dataset);
  self->table = atlas_table_ref (table);
  self->source = g_path_get_basename (atlas_table_get_name (table));
  atlas_dataset_get_districts (dataset, &n_districts);
  self->by_district = g_new (int, MAX (n_districts, 1));
  memset (self->by_district, 0xff, sizeof (int) * MAX (n_districts, 1));

  matcher = _atlas_area_matcher_new (dataset);
  r.table = table;
  r.options = options != NULL ? options : &defaults;
  r.matcher = matcher;
  r.n_rows = atlas_table_get_n_rows (table);
  r.use = g_new (gboolean, MAX (r.n_rows, 1));
  for (guint i = 0; i < r.n_rows; i++)
    r.use[i] = TRUE;
  r.chosen = g_string_new (NULL);
  r.left_out = g_string_new (NULL);
  memset (&r.col, 0xff, sizeof r.col);

  ok = read_file (self, &r, error);
  g_free (r.use);
  g_string_free (r.chosen, TRUE);
  g_string_free (r.left_out, TRUE);
  g_free (r.title);
  return ok ? g_steal_pointer (&self) : NULL;
}

AtlasAreaValues *
atlas_area_values_load_file (GFile                         *file,
                             const char                    *display_name,
                             AtlasDataset                  *dataset,
                             const AtlasAreaValuesOptions  *options,
                             GError                       **error)
{
  g_autoptr(AtlasTable) table = atlas_table_load_file (file, display_name, error);

  if (table == NULL)
    return NULL;
  return atlas_area_values_new (table, dataset, options, error);
}

int
atlas_area_values_get_value_column (AtlasAreaValues *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), -1);
  return self->value_column;
}

gboolean
atlas_area_values_is_area_column (AtlasAreaValues *self,
                                  int              column)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), FALSE);
  return column >= 0 && (column == self->code_column || column == self->name_column);
}

AtlasDataset *
atlas_area_values_get_dataset (AtlasAreaValues *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  return self->dataset;
}

AtlasTable *
atlas_area_values_get_table (AtlasAreaValues *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  return self->table;
}

gboolean
atlas_area_values_is_fingertips (AtlasAreaValues *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), FALSE);
  return self->fingertips;
}

const char *
atlas_area_values_get_title (AtlasAreaValues *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  return self->title;
}

const char *
atlas_area_values_get_unit (AtlasAreaValues *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  return self->unit;
}

const char *
atlas_area_values_get_period (AtlasAreaValues *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  return self->period;
}

const char *
atlas_area_values_get_source (AtlasAreaValues *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  return self->source;
}

const char *
atlas_area_values_get_note (AtlasAreaValues *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  return self->note;
}

const char *
atlas_area_values_get_category_column (AtlasAreaValues *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  return self->category_column;
}

const AtlasAreaValue *
atlas_area_values_get_values (AtlasAreaValues *self,
                              guint           *n)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  if (n != NULL)
    *n = self->values->len;
  return (const AtlasAreaValue *) self->values->data;
}

const AtlasAreaValue *
atlas_area_values_lookup (AtlasAreaValues     *self,
                          const AtlasDistrict *district)
{
  guint n;
  const AtlasDistrict *districts;

  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  g_return_val_if_fail (district != NULL, NULL);

  districts = atlas_dataset_get_districts (self->dataset, &n);
  if (district->index >= n || &districts[district->index] != district
      || self->by_district[district->index] < 0)
    return NULL;
  return &g_array_index (self->values, AtlasAreaValue, self->by_district[district->index]);
}

const AtlasUnmatchedRow *
atlas_area_values_get_unmatched (AtlasAreaValues *self,
                                 guint           *n)
{
  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  if (n != NULL)
    *n = self->unmatched->len;
  return (const AtlasUnmatchedRow *) self->unmatched->data;
}

char *
atlas_area_values_format_unmatched (AtlasAreaValues *self,
                                    guint            i)
{
  const AtlasUnmatchedRow *u;
  g_autofree char *code = NULL;

  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (self), NULL);
  g_return_val_if_fail (i < self->unmatched->len, NULL);

  u = &g_array_index (self->unmatched, AtlasUnmatchedRow, i);
  if (u->code != NULL && *u->code != '\0' && u->code != u->area)
    code = g_strdup_printf (" (%s)", u->code);
  return g_strdup_printf ("%s:%u: “%s”%s is not a district of %s",
                          atlas_table_get_name (self->table), u->line, u->area,
                          code != NULL ? code : "",
                          atlas_dataset_get_short_name (self->dataset));
}
