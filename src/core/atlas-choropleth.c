/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-choropleth-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (AtlasChoropleth, atlas_choropleth, G_TYPE_OBJECT)

/* A legend lists at most this many areas after a figure, then says how many more. */
#define MAX_LABEL_AREAS 5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
atlas_choropleth_finalize (GObject *object)
{
  AtlasChoropleth *self = ATLAS_CHOROPLETH (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->owner);
  g_free (self->title);
  g_free (self->unit);
  g_free (self->period);
  g_free (self->note);
  g_free (self->source);
  for (guint c = 0; c < G_N_ELEMENTS (self->labels); c++)
    g_free (self->labels[c]);
  g_free (self->figures);

  G_OBJECT_CLASS (atlas_choropleth_parent_class)->finalize (object);
}

static void
atlas_choropleth_class_init (AtlasChoroplethClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_choropleth_finalize;
}

static void
atlas_choropleth_init (AtlasChoropleth *self)
{
  self->decimals = 1;
}

AtlasChoropleth *
_atlas_choropleth_new (AtlasDataset *dataset)
{
  AtlasChoropleth *self = g_object_new (ATLAS_TYPE_CHOROPLETH, NULL);

  self->dataset = g_object_ref (dataset);
  atlas_dataset_get_districts (dataset, &self->n_districts);
  self->figures = g_new (AtlasChoroplethFigure, MAX (self->n_districts, 1));
  for (guint i = 0; i < self->n_districts; i++)
    self->figures[i] = (AtlasChoroplethFigure) { -1, NAN, NAN, NAN, NULL, NULL, 0 };
  return self;
}

void
_atlas_choropleth_assign (AtlasChoropleth *self,
                          int            (*class_of) (AtlasChoropleth *self,
                                                      const AtlasChoroplethFigure *figure,
                                                      gpointer data),
                          gpointer         data)
{
  self->n_no_data = 0;
  for (guint c = 0; c < self->n_classes; c++)
    self->classes[c].n_districts = 0;
  for (guint i = 0; i < self->n_districts; i++)
    {
      AtlasChoroplethFigure *f = &self->figures[i];

      f->class_index = class_of (self, f, data);
      if (f->class_index >= 0)
        self->classes[f->class_index].n_districts++;
      else
        self->n_no_data++;
    }
}

/* A unit that is a word is set apart from the figure ("2.2 per 1,000"); a sign is not
 * ("63.7%"). */
static char *
with_unit (AtlasChoropleth *self,
           const char      *figure)
{
  const char *unit = self->unit != NULL ? self->unit : "";
  gboolean space = g_unichar_isalnum (g_utf8_get_char (unit));

  return g_strconcat (figure, space ? " " : "", unit, NULL);
}

char *
atlas_choropleth_format_value (AtlasChoropleth *self,
                               double           value)
{
  g_autofree char *figure = NULL;

  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), NULL);

  figure = atlas_format_number (value, self->decimals);
  return with_unit (self, figure);
}

char *
_atlas_choropleth_range_label (AtlasChoropleth *self,
                               double           lower,
                               double           upper)
{
  g_autofree char *a = atlas_format_number (lower, self->decimals);
  g_autofree char *b = atlas_format_number (upper, self->decimals);
  g_autofree char *range = g_strdup_printf ("%s–%s", a, b);

  return with_unit (self, range);
}

/* "22.3% (Essex)": a figure with the areas it is for. */
static char *
figure_label (AtlasChoropleth      *self,
              const AtlasIndicator *indicator,
              double                value)
{
  g_autofree char *figure = atlas_choropleth_format_value (self, value);
  g_autoptr(GString) text = g_string_new (figure);
  guint areas = 0;

  for (guint v = 0; v < indicator->n_values; v++)
    if (indicator->values[v].value == value && indicator->values[v].area != NULL)
      {
        if (areas < MAX_LABEL_AREAS)
          g_string_append_printf (text, "%s%s", areas > 0 ? ", " : " (",
                                  indicator->values[v].area);
        areas++;
      }
  if (areas > MAX_LABEL_AREAS)
    g_string_append_printf (text, " and %u more", areas - MAX_LABEL_AREAS);
  if (areas > 0)
    g_string_append_c (text, ')');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
indicator_class_of (AtlasChoropleth             *self,
                    const AtlasChoroplethFigure *figure,
                    gpointer                     data)
{
  if (figure->area == NULL)
    return -1;
  /* The first class whose upper bound is not below the figure, else the last. */
  for (guint c = 0; c + 1 < self->n_classes; c++)
    if (figure->value <= self->classes[c].upper)
      return c;
  return self->n_classes - 1;
}

/* The bundled classes, computed once: sorting makes them n log n where the per-district
 * computation they replace was quadratic. */
static void
indicator_classes (AtlasChoropleth      *self,
                   const AtlasIndicator *indicator)
{
  guint32 ramp[ATLAS_CARTOGRAPHY_MAX_CLASSES];
  g_autofree double *sorted = g_new (double, MAX (indicator->n_values, 1));
  guint distinct = 0, n;
  double lo, hi;

  for (guint i = 0; i < indicator->n_values; i++)
    sorted[i] = indicator->values[i].value;
  qsort (sorted, indicator->n_values, sizeof (double), compare_doubles);
  for (guint i = 0; i < indicator->n_values; i++)
    if (distinct == 0 || sorted[distinct - 1] != sorted[i])
      sorted[distinct++] = sorted[i];
  if (distinct == 0)
    return;

  atlas_palette_get_colours (atlas_palette_find ("ylgnbu"), ATLAS_CARTOGRAPHY_MAX_CLASSES, ramp);
  lo = sorted[0];
  hi = sorted[distinct - 1];
  n = MIN (distinct, ATLAS_CARTOGRAPHY_MAX_CLASSES);
  self->n_classes = n;
  for (guint c = 0; c < n; c++)
    {
      AtlasDataClass *k = &self->classes[c];
      guint index = n == 1 ? ATLAS_CARTOGRAPHY_MAX_CLASSES / 2
                           : (c * (ATLAS_CARTOGRAPHY_MAX_CLASSES - 1) + (n - 1) / 2) / (n - 1);

      if (distinct <= ATLAS_CARTOGRAPHY_MAX_CLASSES)
        {
          k->lower = k->upper = sorted[c];
          self->labels[c] = figure_label (self, indicator, sorted[c]);
        }
      else
        {
          double span = hi - lo;

          /* As the legend has always computed them; past the doubles' range, without
           * overflowing. */
          if (isfinite (span))
            {
              k->lower = lo + (hi - lo) * c / n;
              k->upper = lo + (hi - lo) * (c + 1) / n;
            }
          else
            {
              k->lower = lo * (1 - (double) c / n) + hi * ((double) c / n);
              k->upper = lo * (1 - (double) (c + 1) / n) + hi * ((double) (c + 1) / n);
            }
          self->labels[c] = _atlas_choropleth_range_label (self, k->lower, k->upper);
        }
      k->colour = ramp[index];
      k->label = self->labels[c];
    }
}

AtlasChoropleth *
atlas_choropleth_new_from_indicator (AtlasDataset         *dataset,
                                     const AtlasIndicator *indicator)
{
  g_autoptr(AtlasChoropleth) self = NULL;
  const AtlasSource *source;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (indicator != NULL, NULL);

  self = _atlas_choropleth_new (dataset);
  self->title = g_strdup (indicator->title);
  self->unit = g_strdup (indicator->unit);
  self->period = g_strdup (indicator->period);
  self->note = g_strdup (indicator->note);
  source = indicator->source != NULL ? atlas_dataset_find_source (dataset, indicator->source)
                                     : NULL;
  self->source = g_strdup (source != NULL ? source->title : indicator->source);
  self->palette = "ylgnbu";

  for (guint v = 0; v < indicator->n_values; v++)
    for (guint j = 0; j < indicator->values[v].n_districts; j++)
      {
        const AtlasDistrict *d = indicator->values[v].districts[j];

        if (d->index < self->n_districts)
          {
            self->figures[d->index].value = indicator->values[v].value;
            self->figures[d->index].area = indicator->values[v].area != NULL
                                           ? indicator->values[v].area : "";
          }
      }
  indicator_classes (self, indicator);
  _atlas_choropleth_assign (self, indicator_class_of, NULL);
  return g_steal_pointer (&self);
}

void
atlas_choropleth_options_init (AtlasChoroplethOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->method = ATLAS_CLASSIFY_QUANTILE;
  options->n_classes = 5;
}

AtlasDataset *
atlas_choropleth_get_dataset (AtlasChoropleth *self)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), NULL);
  return self->dataset;
}

const char *
atlas_choropleth_get_title (AtlasChoropleth *self)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), NULL);
  return self->title;
}

const char *
atlas_choropleth_get_unit (AtlasChoropleth *self)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), NULL);
  return self->unit;
}

const char *
atlas_choropleth_get_period (AtlasChoropleth *self)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), NULL);
  return self->period;
}

const char *
atlas_choropleth_get_note (AtlasChoropleth *self)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), NULL);
  return self->note;
}

const char *
atlas_choropleth_get_source (AtlasChoropleth *self)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), NULL);
  return self->source;
}

const char *
atlas_choropleth_get_palette_name (AtlasChoropleth *self)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), NULL);
  return self->palette;
}

gboolean
atlas_choropleth_is_categorical (AtlasChoropleth *self)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), FALSE);
  return self->categorical;
}

const AtlasDataClass *
atlas_choropleth_get_classes (AtlasChoropleth *self,
                              guint           *n)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), NULL);
  if (n != NULL)
    *n = self->n_classes;
  return self->classes;
}

guint
atlas_choropleth_get_n_no_data (AtlasChoropleth *self)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), 0);
  return self->n_no_data;
}

const AtlasChoroplethFigure *
atlas_choropleth_get_figure (AtlasChoropleth     *self,
                             const AtlasDistrict *district)
{
  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), NULL);
  g_return_val_if_fail (district != NULL, NULL);

  if (district->index >= self->n_districts)
    return NULL;
  return &self->figures[district->index];
}

int
atlas_choropleth_get_class (AtlasChoropleth     *self,
                            const AtlasDistrict *district)
{
  const AtlasChoroplethFigure *figure = atlas_choropleth_get_figure (self, district);

  return figure != NULL ? figure->class_index : -1;
}

guint32
atlas_choropleth_get_fill (AtlasChoropleth     *self,
                           const AtlasDistrict *district,
                           AtlasTheme           theme)
{
  int c = atlas_choropleth_get_class (self, district);

  if (c < 0)
    return atlas_cartography_get_palette (theme)->no_data;
  return self->classes[c].colour;
}

guint
atlas_choropleth_check_colours (AtlasChoropleth     *self,
                                AtlasTheme           theme,
                                AtlasColourConflict *conflicts)
{
  guint32 colours[ATLAS_CLASSIFY_MAX_CLASSES + 1];
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_CHOROPLETH (self), 0);
  g_return_val_if_fail (conflicts != NULL, 0);

  for (guint c = 0; c < self->n_classes; c++)
    colours[n++] = self->classes[c].colour;
  if (self->n_no_data > 0)
    colours[n++] = atlas_cartography_get_palette (theme)->no_data;
  return atlas_palette_check_colours (colours, n, ATLAS_PALETTE_MIN_DIFFERENCE, conflicts);
}
