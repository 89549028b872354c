/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "atlas-choropleth.h"

/* A planner's spreadsheet on arbitrary bytes: the table is parsed, read as values by area for
 * the bundled Hertfordshire and West Essex districts, and classed as a choropleth by every
 * method, as adding one's own data does. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static AtlasDataset *hwe;

static void
check_table (AtlasTable *table)
{
  guint rows = atlas_table_get_n_rows (table);

  g_assert_cmpuint (atlas_table_get_n_columns (table), >, 0);
  for (guint r = 0; r < rows; r++)
    {
      guint width = atlas_table_get_row_width (table, r), line, column;

      g_assert_cmpuint (width, >, 0);
      for (guint c = 0; c <= width; c++)
        {
          const char *text = atlas_table_get_cell (table, r, c);

          g_assert_true (g_utf8_validate (text, atlas_table_get_cell_length (table, r, c), NULL));
          atlas_table_get_position (table, r, c, &line, &column);
          g_assert_cmpuint (line, >=, 1);
          g_assert_cmpuint (column, >=, 1);
        }
    }
}

static void
check_choropleth (AtlasAreaValues     *values,
                  AtlasClassifyMethod  method,
                  gboolean             categorical)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasChoropleth) choropleth = NULL;
  AtlasChoroplethOptions options;
  AtlasColourConflict conflicts[ATLAS_VISION_N];
  const AtlasDataClass *classes;
  const AtlasDistrict *districts;
  guint n, n_districts;

  atlas_choropleth_options_init (&options);
  options.method = method;
  options.categorical = categorical;
  options.breaks = (double[]) { 0, 50 };
  options.n_breaks = 2;
  choropleth = atlas_choropleth_new_from_values (values, &options, &error);
  if (choropleth == NULL)
    {
      g_assert_true (error->domain == ATLAS_IMPORT_ERROR);
      return;
    }
  classes = atlas_choropleth_get_classes (choropleth, &n);
  for (guint c = 0; c < n; c++)
    {
      g_assert_nonnull (classes[c].label);
      g_assert_true (categorical || (isfinite (classes[c].lower) && isfinite (classes[c].upper)));
    }
  districts = atlas_dataset_get_districts (hwe, &n_districts);
  for (guint i = 0; i < n_districts; i++)
    g_assert_cmpint (atlas_choropleth_get_class (choropleth, &districts[i]), <, (int) n);
  atlas_choropleth_check_colours (choropleth, ATLAS_THEME_LIGHT, conflicts);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasTable) table = NULL;
  g_autoptr(AtlasAreaValues) values = NULL;
  guint n;

  if (hwe == NULL)
    hwe = atlas_dataset_load ("hwe", NULL);

  table = atlas_table_parse ((const char *) data, size, "fuzz.csv", &error);
  if (table == NULL)
    {
      g_assert_true (error->domain == ATLAS_IMPORT_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.csv:"));
      return 0;
    }
  check_table (table);

  values = atlas_area_values_new (table, hwe, NULL, &error);
  if (values == NULL)
    {
      g_assert_true (g_str_has_prefix (error->message, "fuzz.csv:"));
      return 0;
    }
  atlas_area_values_get_unmatched (values, &n);
  for (guint i = 0; i < n; i++)
    g_free (atlas_area_values_format_unmatched (values, i));
  for (AtlasClassifyMethod m = ATLAS_CLASSIFY_QUANTILE; m <= ATLAS_CLASSIFY_MANUAL; m++)
    check_choropleth (values, m, FALSE);
  check_choropleth (values, ATLAS_CLASSIFY_QUANTILE, TRUE);
  return 0;
}
