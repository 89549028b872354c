/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-choropleth-private.h"

#include <math.h>
#include <string.h>

/* A planner's values as a choropleth: classed by the method asked for, or by the texts of
 * their comparison column. */

/* Fingertips' comparison words, best first; other texts follow in the order they appear. */
static const char * const comparison_order[] = {
  "better", "higher", "similar", "lower", "worse", NULL,
};
/* Texts that say there is no comparison: those districts are "no data". */
static const char * const no_comparison[] = {
  "not compared", "not applicable", "n/a", "-", NULL,
};

static int
comparison_rank (const char *text)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);

  for (guint i = 0; comparison_order[i] != NULL; i++)
    if (g_str_has_prefix (folded, comparison_order[i]))
      return i;
  return G_N_ELEMENTS (comparison_order);
}

static gboolean
is_no_comparison (const char *text)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);

  return g_strv_contains (no_comparison, g_strstrip (folded));
}

/* Decimals enough to tell the figures apart as written, at most 3. */
static int
count_decimals (const AtlasAreaValue *values,
                guint                 n)
{
  int decimals = 0;

  for (guint i = 0; i < n; i++)
    {
      double v = fabs (values[i].value);

      if (!isfinite (v) || v >= 1e15)
        continue;
      while (decimals < 3 && fabs (v * pow (10, decimals) - round (v * pow (10, decimals)))
                             > 1e-9 * MAX (1.0, v * pow (10, decimals)))
        decimals++;
    }
  return decimals;
}

static int
value_class_of (AtlasChoropleth             *self,
                const AtlasChoroplethFigure *figure,
                gpointer                     data)
{
  return atlas_class_breaks_find (data, figure->value);
}

static int
category_class_of (AtlasChoropleth             *self,
                   const AtlasChoroplethFigure *figure,
                   gpointer                     data)
{
  if (figure->category == NULL)
    return -1;
  for (guint c = 0; c < self->n_classes; c++)
    if (strcmp (self->classes[c].label, figure->category) == 0)
      return c;
  return -1;
}

static gboolean
use_palette (AtlasChoropleth               *self,
             const AtlasChoroplethOptions  *options,
             GError                       **error)
{
  guint32 colours[ATLAS_PALETTE_MAX_CLASSES];
  const AtlasPalette *palette;

  if (options->palette != NULL)
    palette = atlas_palette_find (options->palette);
  else
    palette = atlas_palette_get_default (self->categorical ? ATLAS_PALETTE_CATEGORICAL
                                                           : ATLAS_PALETTE_SEQUENTIAL);
  if (palette == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n;
      const AtlasPalette * const *list = atlas_palette_list (&n);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                atlas_palette_get_name (list[i]));
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS,
                   "no palette “%s”; the palettes are %s", options->palette, names->str);
      return FALSE;
    }
  self->palette = atlas_palette_get_name (palette);
  if (self->n_classes > 0)
    atlas_palette_get_colours (palette, self->n_classes, colours);
  for (guint c = 0; c < self->n_classes; c++)
    self->classes[c].colour = colours[c];
  return TRUE;
}

static gboolean
classify_categories (AtlasChoropleth  *self,
                     AtlasAreaValues  *values,
                     GError          **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const char *column = atlas_area_values_get_category_column (values);

  if (column == NULL)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS,
                   "%s has no comparison column (such as “Compared to England”) to show",
                   atlas_area_values_get_source (values));
      return FALSE;
    }
  for (guint i = 0; i < self->n_districts; i++)
    {
      const char *text = self->figures[i].category;
      gboolean seen = FALSE;

      /* "Not compared" stays in the district's figures, in no class. */
      if (text == NULL || is_no_comparison (text))
        continue;
      for (guint t = 0; t < texts->len && !seen; t++)
        seen = strcmp (g_ptr_array_index (texts, t), text) == 0;
      if (!seen)
        g_ptr_array_add (texts, (gpointer) text);
    }
  if (texts->len > ATLAS_CLASSIFY_MAX_CLASSES)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_OPTIONS,
                   "the column “%s” has %u different texts; at most %d can be shown", column,
                   texts->len, ATLAS_CLASSIFY_MAX_CLASSES);
      return FALSE;
    }
  /* Stable: texts of equal rank keep the order they first appear in. */
  for (guint i = 1; i < texts->len; i++)
    for (guint j = i;
         j > 0 && comparison_rank (texts->pdata[j]) < comparison_rank (texts->pdata[j - 1]);
         j--)
      {
        gpointer swap = texts->pdata[j];

        texts->pdata[j] = texts->pdata[j - 1];
        texts->pdata[j - 1] = swap;
      }

  self->categorical = TRUE;
  self->n_classes = texts->len;
  for (guint c = 0; c < texts->len; c++)
    {
      self->classes[c].lower = self->classes[c].upper = NAN;
      self->labels[c] = g_strdup (texts->pdata[c]);
      self->classes[c].label = self->labels[c];
    }
  return TRUE;
}

static gboolean
classify_values (AtlasChoropleth               *self,
                 const AtlasChoroplethOptions  *options,
                 AtlasClassBreaks              *breaks,
                 GError                       **error)
{
  g_autofree double *numbers = g_new (double, MAX (self->n_districts, 1));

  for (guint i = 0; i < self->n_districts; i++)
    numbers[i] = self->figures[i].value;
  if (!atlas_classify (numbers, self->n_districts, options->method, options->n_classes,
                       options->breaks, options->n_breaks, breaks, error))
    return FALSE;

  self->n_classes = breaks->n_classes;
  for (guint c = 0; c < breaks->n_classes; c++)
    {
      AtlasDataClass *k = &self->classes[c];

      k->lower = breaks->lower[c];
      k->upper = breaks->upper[c];
      self->labels[c] = k->lower == k->upper ? atlas_choropleth_format_value (self, k->lower)
                                             : _atlas_choropleth_range_label (self, k->lower,
                                                                              k->upper);
      k->label = self->labels[c];
    }
  return TRUE;
}

AtlasChoropleth *
atlas_choropleth_new_from_values (AtlasAreaValues               *values,
                                  const AtlasChoroplethOptions  *options,
                                  GError                       **error)
{
  g_autoptr(AtlasChoropleth) self = NULL;
  AtlasChoroplethOptions defaults;
  AtlasClassBreaks breaks = { 0 };
  const AtlasAreaValue *rows;
  guint n;

  g_return_val_if_fail (ATLAS_IS_AREA_VALUES (values), NULL);

  if (options == NULL)
    {
      atlas_choropleth_options_init (&defaults);
      options = &defaults;
    }
  self = _atlas_choropleth_new (atlas_area_values_get_dataset (values));
  self->owner = g_object_ref (G_OBJECT (values));
  self->title = g_strdup (options->title != NULL ? options->title
                                                 : atlas_area_values_get_title (values));
  self->unit = g_strdup (atlas_area_values_get_unit (values));
  self->period = g_strdup (atlas_area_values_get_period (values));
  self->note = g_strdup (atlas_area_values_get_note (values));
  self->source = g_strdup (atlas_area_values_get_source (values));

  rows = atlas_area_values_get_values (values, &n);
  self->decimals = count_decimals (rows, n);
  for (guint i = 0; i < n; i++)
    {
      AtlasChoroplethFigure *f = &self->figures[rows[i].district->index];

      f->value = rows[i].value;
      f->lower = rows[i].lower;
      f->upper = rows[i].upper;
      f->category = rows[i].category;
      f->area = rows[i].area;
      f->line = rows[i].line;
    }

  if (options->categorical)
    {
      if (!classify_categories (self, values, error) || !use_palette (self, options, error))
        return NULL;
      _atlas_choropleth_assign (self, category_class_of, NULL);
    }
  else
    {
      if (!classify_values (self, options, &breaks, error) || !use_palette (self, options, error))
        return NULL;
      _atlas_choropleth_assign (self, value_class_of, &breaks);
    }
  return g_steal_pointer (&self);
}
