/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-area-values-private.h"

#include <string.h>

/* Which columns a values file has, and which of its rows are the ones to show: for a
 * Fingertips download, one indicator, the whole population and one period. */

static const char *
cell (AtlasAreaReader *r,
      guint            row,
      int              column)
{
  return column >= 0 ? atlas_table_get_cell (r->table, row, column) : "";
}

static int
find_one (AtlasTable *table,
          const char *key)
{
  const char * const keys[] = { key, NULL };

  return _atlas_area_find_header (table, keys, NULL, NULL, 0);
}

/* Header names, compared without case, spaces and underscores. */
static const char * const code_headers[] = {
  "areacode", "code", "onscode", "gsscode", "ladcode", "lacode", "localauthoritycode",
  "geographycode", "districtcode", "ltlacode", NULL,
};
static const char * const name_headers[] = {
  "areaname", "area", "name", "district", "districtname", "localauthority",
  "localauthorityname", "laname", "ladname", "ltlaname", "geography", "geographyname",
  "borough", "council", "place", NULL,
};
static const char * const lower_headers[] = {
  "lowerci95.0limit", "lowerci", "lowerci95", "lowerconfidenceinterval", "lowerlimit", "lci",
  "lower", NULL,
};
static const char * const upper_headers[] = {
  "upperci95.0limit", "upperci", "upperci95", "upperconfidenceinterval", "upperlimit", "uci",
  "upper", NULL,
};
static const char * const period_headers[] = {
  "timeperiod", "period", "year", "date", NULL,
};

static char *
header_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (*p != ' ' && *p != '_' && *p != '-')
      g_string_append_c (key, *p);
  return g_string_free (key, FALSE);
}

/* "lad23cd", "ltla21nm": the ONS's own column names. */
static gboolean
is_ons_header (const char *key,
               const char *suffix)
{
  gsize n = strlen (key);
  const char *p = key;

  if (g_str_has_prefix (p, "ltla") || g_str_has_prefix (p, "utla"))
    p += 4;
  else if (g_str_has_prefix (p, "lad") || g_str_has_prefix (p, "cty"))
    p += 3;
  else
    return FALSE;
  return n == (gsize) (p - key) + 4 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1])
         && strcmp (p + 2, suffix) == 0;
}

int
_atlas_area_find_header (AtlasTable         *table,
             const char * const *names,
             const char         *ons_suffix,
             const int          *taken,
             guint               n_taken)
{
  guint n = atlas_table_get_n_columns (table);

  for (guint i = 0; names[i] != NULL; i++)
    for (guint c = 0; c < n; c++)
      {
        g_autofree char *key = header_key (atlas_table_get_column_name (table, c));
        gboolean used = FALSE;

        for (guint t = 0; t < n_taken; t++)
          used |= taken[t] == (int) c;
        if (!used && (strcmp (key, names[i]) == 0
                      || (ons_suffix != NULL && i == 0 && is_ons_header (key, ons_suffix))))
          return c;
      }
  return -1;
}

int
_atlas_area_find_prefix (AtlasTable *table,
             const char *prefix)
{
  guint n = atlas_table_get_n_columns (table);

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *key = header_key (atlas_table_get_column_name (table, c));

      if (g_str_has_prefix (key, prefix))
        return c;
    }
  return -1;
}

/* The cell is the text, ignoring case and the spaces around either. */
static gboolean
cell_is (AtlasAreaReader     *r,
         guint       row,
         int         column,
         const char *text)
{
  const char *a = cell (r, row, column);
  gsize la, lb;

  while (*a == ' ')
    a++;
  while (*text == ' ')
    text++;
  la = strlen (a);
  lb = strlen (text);
  while (la > 0 && a[la - 1] == ' ')
    la--;
  while (lb > 0 && text[lb - 1] == ' ')
    lb--;
  return la == lb && g_ascii_strncasecmp (a, text, la) == 0;
}

void
_atlas_area_reader_chose (AtlasAreaReader *r,
                          const char      *format,
                          ...)
{
  va_list args;

  if (r->chosen->len > 0)
    g_string_append (r->chosen, ", ");
  va_start (args, format);
  g_string_append_vprintf (r->chosen, format, args);
  va_end (args);
}

void
_atlas_area_reader_left_out (AtlasAreaReader *r,
                             guint            n,
                             const char      *singular,
                             const char      *plural)
{
  g_string_append_printf (r->left_out, "%s%u %s", r->left_out->len > 0 ? ", " : "", n,
                          n == 1 ? singular : plural);
}

/* Keeps the chosen rows whose cell in column equals the one of row `keep`, and counts the
 * others. */
static guint
keep_equal (AtlasAreaReader *r,
            int     column,
            guint   keep)
{
  const char *wanted = cell (r, keep, column);
  guint dropped = 0;

  for (guint row = 0; row < r->n_rows; row++)
    if (r->use[row] && strcmp (cell (r, row, column), wanted) != 0)
      {
        r->use[row] = FALSE;
        dropped++;
      }
  return dropped;
}

static int
first_used (AtlasAreaReader *r)
{
  for (guint row = 0; row < r->n_rows; row++)
    if (r->use[row])
      return row;
  return -1;
}

gboolean
_atlas_area_choose_indicator (AtlasAreaReader  *r,
                  GError **error)
{
  const char *wanted = r->options->indicator;
  g_autoptr(GHashTable) others = g_hash_table_new (g_str_hash, g_str_equal);
  int keep = -1;

  for (guint row = 0; row < r->n_rows && keep < 0; row++)
    if (wanted == NULL || cell_is (r, row, r->col.indicator_name, wanted)
        || (r->col.indicator_id >= 0 && cell_is (r, row, r->col.indicator_id, wanted)))
      keep = row;
  if (keep < 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint listed = 0;

      for (guint row = 0; row < r->n_rows; row++)
        {
          const char *name = cell (r, row, r->col.indicator_name);

          if (g_hash_table_add (others, (gpointer) name) && listed++ < 5)
            g_string_append_printf (names, "%s“%s”", listed > 1 ? ", " : "", name);
        }
      atlas_table_set_error (r->table, error, ATLAS_IMPORT_ERROR_OPTIONS, ATLAS_TABLE_HEADER,
                             r->col.indicator_name, "no indicator “%s” in this file; it has %s%s",
                             wanted, names->str, listed > 5 ? " and others" : "");
      return FALSE;
    }

  for (guint row = 0; row < r->n_rows; row++)
    if (strcmp (cell (r, row, r->col.indicator_name), cell (r, keep, r->col.indicator_name)) != 0)
      {
        g_hash_table_add (others, (gpointer) cell (r, row, r->col.indicator_name));
        r->use[row] = FALSE;
      }
  r->title = g_strdup (cell (r, keep, r->col.indicator_name));
  if (g_hash_table_size (others) > 0)
    _atlas_area_reader_left_out (r, g_hash_table_size (others), "other indicator",
                                 "other indicators");
  return TRUE;
}

/* Fingertips splits some indicators by sex, age or a breakdown (deprivation decile,
 * ethnicity): the whole population's rows are the ones a district map shows. */
void
_atlas_area_choose_population (AtlasAreaReader *r)
{
  guint dropped;
  int keep;

  if (r->col.category_type >= 0)
    {
      guint breakdown = 0;
      gboolean has_total = FALSE;

      for (guint row = 0; row < r->n_rows; row++)
        has_total |= r->use[row] && *cell (r, row, r->col.category_type) == '\0';
      for (guint row = 0; row < r->n_rows && has_total; row++)
        if (r->use[row] && *cell (r, row, r->col.category_type) != '\0')
          {
            r->use[row] = FALSE;
            breakdown++;
          }
      if (breakdown > 0)
        _atlas_area_reader_left_out (r, breakdown, "row of a breakdown (Category Type)",
                                     "rows of breakdowns (Category Type)");
    }
  if (r->col.sex >= 0 && (keep = first_used (r)) >= 0)
    {
      for (guint row = 0; row < r->n_rows; row++)
        if (r->use[row] && cell_is (r, row, r->col.sex, "Persons"))
          {
            keep = row;
            break;
          }
      if ((dropped = keep_equal (r, r->col.sex, keep)) > 0)
        {
          _atlas_area_reader_chose (r, "%s", cell (r, keep, r->col.sex));
          _atlas_area_reader_left_out (r, dropped, "row of another sex", "rows of other sexes");
        }
    }
  if (r->col.age >= 0 && (keep = first_used (r)) >= 0
      && (dropped = keep_equal (r, r->col.age, keep)) > 0)
    {
      _atlas_area_reader_chose (r, "age %s", cell (r, keep, r->col.age));
      _atlas_area_reader_left_out (r, dropped, "row of another age", "rows of other ages");
    }
}

/* "Time period Sortable" orders Fingertips periods; otherwise the text does ("2021/22"). */
static gboolean
period_is_newer (AtlasAreaReader *r,
                 guint   row,
                 guint   than)
{
  if (r->col.period_sort >= 0)
    {
      double a, b;
      gboolean percent;

      if (_atlas_area_parse_number (cell (r, row, r->col.period_sort), ',', &a, &percent)
          && _atlas_area_parse_number (cell (r, than, r->col.period_sort), ',', &b, &percent))
        return a > b;
    }
  return strcmp (cell (r, row, r->col.period), cell (r, than, r->col.period)) > 0;
}

gboolean
_atlas_area_choose_period (AtlasAreaReader  *r,
               GError **error)
{
  const char *wanted = r->options->period;
  g_autoptr(GHashTable) others = g_hash_table_new (g_str_hash, g_str_equal);
  int keep = -1;

  if (r->col.period < 0)
    {
      if (wanted != NULL)
        {
          atlas_table_set_error (r->table, error, ATLAS_IMPORT_ERROR_OPTIONS, ATLAS_TABLE_HEADER,
                                 0, "no period column in this file, so no period “%s”", wanted);
          return FALSE;
        }
      return TRUE;
    }
  for (guint row = 0; row < r->n_rows; row++)
    if (r->use[row]
        && (wanted != NULL ? keep < 0 && cell_is (r, row, r->col.period, wanted)
                           : keep < 0 || period_is_newer (r, row, keep)))
      keep = row;
  if (keep < 0)
    {
      atlas_table_set_error (r->table, error, ATLAS_IMPORT_ERROR_OPTIONS, ATLAS_TABLE_HEADER,
                             r->col.period, "no rows for the period “%s”", wanted);
      return FALSE;
    }
  for (guint row = 0; row < r->n_rows; row++)
    if (r->use[row] && strcmp (cell (r, row, r->col.period), cell (r, keep, r->col.period)) != 0)
      {
        g_hash_table_add (others, (gpointer) cell (r, row, r->col.period));
        r->use[row] = FALSE;
      }
  r->period = cell (r, keep, r->col.period);
  if (g_hash_table_size (others) > 0)
    {
      _atlas_area_reader_chose (r, "%s", r->period);
      _atlas_area_reader_left_out (r, g_hash_table_size (others), "other period",
                                   "other periods");
    }
  return TRUE;
}

void
_atlas_area_find_fingertips_columns (AtlasAreaReader *r)
{
  AtlasAreaColumns *c = &r->col;

  c->indicator_name = find_one (r->table, "indicatorname");
  c->indicator_id = find_one (r->table, "indicatorid");
  c->area_type = find_one (r->table, "areatype");
  c->sex = find_one (r->table, "sex");
  c->age = find_one (r->table, "age");
  c->category_type = find_one (r->table, "categorytype");
  c->period_sort = find_one (r->table, "timeperiodsortable");
}


/* The column whose cells match most districts, when no header says which holds the areas. */
static void
find_area_column_by_cells (AtlasAreaReader *r)
{
  guint n = atlas_table_get_n_columns (r->table);
  guint best = 0;

  for (guint c = 0; c < n; c++)
    {
      guint codes = 0, names = 0;

      for (guint row = 0; row < r->n_rows; row++)
        {
          const char *text = cell (r, row, c);

          if (_atlas_area_matcher_by_code (r->matcher, text) != NULL)
            codes++;
          else if (_atlas_area_matcher_by_name (r->matcher, text) != NULL)
            names++;
        }
      if (MAX (codes, names) > best)
        {
          best = MAX (codes, names);
          r->col.code = codes >= names ? (int) c : -1;
          r->col.name = codes >= names ? -1 : (int) c;
        }
    }
}

/* Every chosen row's cell is a number or a missing mark, and one at least is a number. */
static gboolean
is_numeric (AtlasAreaReader *r,
            int              column)
{
  char delimiter = atlas_table_get_delimiter (r->table);
  gboolean any = FALSE;

  for (guint row = 0; row < r->n_rows; row++)
    {
      const char *text = cell (r, row, column);
      double value;
      gboolean percent;

      if (!r->use[row] || _atlas_area_is_missing (text))
        continue;
      if (!_atlas_area_parse_number (text, delimiter, &value, &percent))
        return FALSE;
      any = TRUE;
    }
  return any;
}

static gboolean
is_taken (const AtlasAreaColumns *c,
          int                     column)
{
  const int taken[] = { c->code, c->name, c->lower, c->upper, c->category, c->period,
                        c->period_sort, c->area_type, c->indicator_name, c->indicator_id,
                        c->sex, c->age, c->category_type };

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    if (taken[i] == column)
      return TRUE;
  return FALSE;
}

gboolean
_atlas_area_find_value_column (AtlasAreaReader  *r,
                               GError          **error)
{
  const char *wanted = r->options->column;
  guint n = atlas_table_get_n_columns (r->table);

  if (wanted != NULL)
    {
      r->col.value = atlas_table_find_column (r->table, wanted);
      if (r->col.value < 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint c = 0; c < n && c < 12; c++)
            g_string_append_printf (names, "%s“%s”", c > 0 ? ", " : "",
                                    atlas_table_get_column_name (r->table, c));
          atlas_table_set_error (r->table, error, ATLAS_IMPORT_ERROR_OPTIONS, ATLAS_TABLE_HEADER,
                                 0, "no column “%s”; the columns are %s%s", wanted, names->str,
                                 n > 12 ? "..." : "");
          return FALSE;
        }
      return TRUE;
    }
  if (r->col.value >= 0)
    return TRUE;
  for (guint c = 0; c < n && r->col.value < 0; c++)
    if (!is_taken (&r->col, c) && is_numeric (r, c))
      r->col.value = c;
  if (r->col.value < 0)
    {
      atlas_table_set_error (r->table, error, ATLAS_IMPORT_ERROR_LAYOUT, ATLAS_TABLE_HEADER, 0,
                             "no column of numbers: every column holds text somewhere");
      return FALSE;
    }
  return TRUE;
}

void
_atlas_area_find_columns (AtlasAreaReader *r)
{
  AtlasAreaColumns *c = &r->col;
  int taken[2];

  c->code = _atlas_area_find_header (r->table, code_headers, "cd", NULL, 0);
  taken[0] = c->code;
  c->name = _atlas_area_find_header (r->table, name_headers, "nm", taken, 1);
  taken[1] = c->name;
  c->value = find_one (r->table, "value");
  c->lower = _atlas_area_find_header (r->table, lower_headers, NULL, NULL, 0);
  c->upper = _atlas_area_find_header (r->table, upper_headers, NULL, NULL, 0);
  c->category = _atlas_area_find_prefix (r->table, "comparedtoengland");
  if (c->category < 0)
    c->category = _atlas_area_find_prefix (r->table, "comparedto");
  if (c->category < 0)
    c->category = find_one (r->table, "comparison");
  c->period = _atlas_area_find_header (r->table, period_headers, NULL, NULL, 0);
  if (c->code < 0 && c->name < 0)
    find_area_column_by_cells (r);
}
