/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-legend-model.h"

#include "atlas-choropleth.h"
#include "atlas-figure.h"
#include "atlas-point-layer.h"
#include "atlas-text.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Whatever the dataset holds, the key stays a key: at most this many partnerships. */
#define MAX_PARTNERSHIPS 24
/* A class's line lists at most this many areas, then says how many more. */
#define MAX_AREAS 8

struct _AtlasLegendModel {
  gatomicrefcount ref_count;
  GArray *entries;   /* AtlasLegendEntry */
};

G_DEFINE_BOXED_TYPE (AtlasLegendModel, atlas_legend_model, atlas_legend_model_ref,
                     atlas_legend_model_unref)

static void
entry_clear (gpointer data)
{
  g_free (((AtlasLegendEntry *) data)->text);
}

static void
add (AtlasLegendModel *self,
     AtlasLegendKind   kind,
     guint32           colour,
     guint32           border,
     AtlasSiteKind     site_kind,
     char             *text)
{
  /* Text from a dataset is shown on one line (and wrapped by whoever draws it). */
  AtlasLegendEntry entry = { kind, colour, border, site_kind,
                             atlas_text_one_line (text, ATLAS_TEXT_NAME_CHARS), 0 };

  g_free (text);
  g_array_append_val (self->entries, entry);
}

static void
add_text (AtlasLegendModel *self,
          AtlasLegendKind   kind,
          char             *text)
{
  add (self, kind, 0, 0, ATLAS_SITE_ACUTE, text);
}

/* As many decimals as the figures have (at most two), so that 30.0 stays next to 20.1. */
static int
count_decimals (const AtlasIndicator *indicator)
{
  int decimals = 0;

  for (guint i = 0; i < indicator->n_values; i++)
    for (int d = decimals; d < 2; d++)
      {
        double scaled = indicator->values[i].value * pow (10, d);

        if (fabs (scaled - round (scaled)) < 1e-6)
          break;
        decimals = d + 1;
      }
  return decimals;
}

/* “20.1 %”: finite and short whatever the figure (see atlas-figure.h). */
static char *
format_value (const AtlasIndicator *indicator,
              double                value,
              int                   decimals)
{
  return atlas_figure_format (value, decimals, indicator->unit);
}

/* The class a bundled figure is shown in, as atlas_choropleth_new_from_indicator () classes
 * it: the first whose upper bound is not below it, else the last. */
static guint
class_of (const AtlasDataClass *classes,
          guint                 n_classes,
          double                value)
{
  for (guint c = 0; c + 1 < n_classes; c++)
    if (value <= classes[c].upper)
      return c;
  return n_classes - 1;
}

static void
add_no_data (AtlasLegendModel              *self,
             AtlasChoropleth               *choropleth,
             const AtlasCartographyPalette *palette)
{
  if (atlas_choropleth_get_n_no_data (choropleth) > 0)
    add (self, ATLAS_LEGEND_FILL, palette->no_data, palette->border, ATLAS_SITE_ACUTE,
         g_strdup (_("No figure")));
}

static void
add_unit_and_period (AtlasLegendModel *self,
                     AtlasChoropleth  *choropleth)
{
  const char *unit = atlas_choropleth_get_unit (choropleth);
  const char *period = atlas_choropleth_get_period (choropleth);

  if (unit != NULL)
    /* TRANSLATORS: the unit of an indicator's figures, e.g. “Unit: %”. */
    add_text (self, ATLAS_LEGEND_NOTE, g_strdup_printf (_("Unit: %s"), unit));
  if (period != NULL)
    /* TRANSLATORS: the time the figures are for, e.g. “Period: 2019-20”. */
    add_text (self, ATLAS_LEGEND_NOTE, g_strdup_printf (_("Period: %s"), period));
}

/* A bundled indicator in the window's words: each class's figures, then the areas they are
 * for ("20.1 % · Hertfordshire"). */
static void
add_indicator (AtlasLegendModel              *self,
               AtlasDataset                  *dataset,
               const AtlasCartographyOptions *options)
{
  const AtlasIndicator *indicator = options->indicator;
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->theme);
  guint n_classes;
  const AtlasDataClass *classes = atlas_choropleth_get_classes (options->choropleth, &n_classes);
  int decimals = count_decimals (indicator);
  g_autofree guint *n_areas = g_new0 (guint, MAX (n_classes, 1));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  add_text (self, ATLAS_LEGEND_TITLE, g_strdup (indicator->title));
  for (guint c = 0; c < n_classes; c++)
    {
      GString *text = g_string_new (NULL);
      g_autofree char *lower = format_value (indicator, classes[c].lower, decimals);
      g_autofree char *upper = format_value (indicator, classes[c].upper, decimals);

      if (classes[c].lower == classes[c].upper)
        g_string_append (text, lower);
      else
        /* TRANSLATORS: a range of figures, e.g. “20.1 % to 22.3 %”. */
        g_string_append_printf (text, _("%s to %s"), lower, upper);
      g_ptr_array_add (texts, text);
    }
  /* One pass over the figures, each placed in its class among at most five. */
  for (guint i = 0; i < indicator->n_values && n_classes > 0; i++)
    {
      const AtlasIndicatorValue *value = &indicator->values[i];
      guint c = class_of (classes, n_classes, value->value);

      if (value->area == NULL)
        continue;
      if (n_areas[c] < MAX_AREAS)
        g_string_append_printf (texts->pdata[c], "%s%s", n_areas[c] == 0 ? " · " : ", ",
                                value->area);
      n_areas[c]++;
    }
  for (guint c = 0; c < n_classes; c++)
    {
      GString *text = texts->pdata[c];

      if (n_areas[c] > MAX_AREAS)
        /* TRANSLATORS: after a list of areas in the legend, e.g. “, and 12 more” */
        g_string_append_printf (text, _(", and %u more"), n_areas[c] - MAX_AREAS);
      add (self, ATLAS_LEGEND_FILL, classes[c].colour, palette->border, ATLAS_SITE_ACUTE,
           g_string_free (text, FALSE));
    }
  add_no_data (self, options->choropleth, palette);
  add_unit_and_period (self, options->choropleth);
  if (indicator->note != NULL)
    add_text (self, ATLAS_LEGEND_CAPTION, g_strdup (indicator->note));
}

/* A planner's figures: their classes, unit and period, the file they came from and what of
 * it is shown. */
static void
add_user_values (AtlasLegendModel              *self,
                 const AtlasCartographyOptions *options)
{
  AtlasChoropleth *choropleth = options->choropleth;
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->theme);
  const char *note = atlas_choropleth_get_note (choropleth);
  guint n_classes;
  const AtlasDataClass *classes = atlas_choropleth_get_classes (choropleth, &n_classes);

  add_text (self, ATLAS_LEGEND_TITLE, g_strdup (atlas_choropleth_get_title (choropleth)));
  for (guint c = 0; c < n_classes; c++)
    add (self, ATLAS_LEGEND_FILL, classes[c].colour, palette->border, ATLAS_SITE_ACUTE,
         g_strdup (classes[c].label));
  add_no_data (self, choropleth, palette);
  add_unit_and_period (self, choropleth);
  /* TRANSLATORS: where a planner's figures come from: a file's name, e.g. “Source: data.csv” */
  add_text (self, ATLAS_LEGEND_NOTE, g_strdup_printf (_("Source: %s"),
                                                      atlas_choropleth_get_source (choropleth)));
  if (note != NULL)
    add_text (self, ATLAS_LEGEND_CAPTION, g_strdup (note));
}

/* A line per point layer: its symbol, its file, how many points and how many lie outside. */
static void
add_point_layers (AtlasLegendModel              *self,
                  const AtlasCartographyOptions *options)
{
  for (guint i = 0; i < options->n_point_layers; i++)
    {
      AtlasPointLayer *layer = options->point_layers[i];
      AtlasPoints *points = atlas_point_layer_get_points (layer);
      guint n, outside = atlas_points_get_n_outside (points);
      g_autofree char *count = NULL;
      AtlasLegendEntry *entry;

      atlas_points_get_places (points, &n);
      /* TRANSLATORS: a point layer in the legend: its file's name and its points */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u point", "%s: %u points", n),
                               atlas_points_get_source (points), n);
      if (outside > 0)
        add (self, ATLAS_LEGEND_POINT, atlas_point_layer_get_colour (layer), 0, ATLAS_SITE_ACUTE,
             /* TRANSLATORS: “data.csv: 12 points”, then how many lie outside every district */
             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u outside the districts",
                                           "%s, %u outside the districts", outside),
                              count, outside));
      else
        add (self, ATLAS_LEGEND_POINT, atlas_point_layer_get_colour (layer), 0, ATLAS_SITE_ACUTE,
             g_steal_pointer (&count));
      entry = &g_array_index (self->entries, AtlasLegendEntry, self->entries->len - 1);
      entry->point_shape = atlas_point_layer_get_shape (layer);
    }
}

static void
add_partnerships (AtlasLegendModel              *self,
                  AtlasDataset                  *dataset,
                  const AtlasCartographyOptions *options)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (options->theme);
  const AtlasPartnership *partnerships;
  guint n = 0, shown = 0;

  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  add_text (self, ATLAS_LEGEND_TITLE, g_strdup (_("Partnerships")));
  /* Place partnerships fill their districts; thematic ones are outlined when selected. */
  for (guint kind = ATLAS_PARTNERSHIP_PLACE; kind <= ATLAS_PARTNERSHIP_THEMATIC; kind++)
    for (guint i = 0; i < n; i++)
      {
        const AtlasPartnership *p = &partnerships[i];
        char *text;

        if (p->kind != kind || ++shown > MAX_PARTNERSHIPS)
          continue;
        text = g_strdup (p->short_name != NULL ? p->short_name : p->name);
        if (p->kind == ATLAS_PARTNERSHIP_THEMATIC)
          add (self, ATLAS_LEGEND_OUTLINE, palette->outline, palette->border, ATLAS_SITE_ACUTE,
               text);
        else
          add (self, ATLAS_LEGEND_FILL, atlas_dataset_get_partnership_colour (dataset, p),
               palette->border, ATLAS_SITE_ACUTE, text);
      }
  if (shown > MAX_PARTNERSHIPS)
    /* TRANSLATORS: at the end of a legend that lists the first partnerships only. */
    add_text (self, ATLAS_LEGEND_NOTE,
              g_strdup_printf (ngettext ("… and %u more partnership", "… and %u more partnerships",
                                         shown - MAX_PARTNERSHIPS),
                               shown - MAX_PARTNERSHIPS));
}

static void
add_sites (AtlasLegendModel *self,
           AtlasDataset     *dataset)
{
  static const struct {
    AtlasSiteKind kind;
    const char *label;
  } kinds[] = {
    { ATLAS_SITE_ACUTE, N_("Acute hospital") },
    { ATLAS_SITE_LOCAL, N_("Local hospital") },
    { ATLAS_SITE_OTHER, N_("Other hospital site") },
  };
  gboolean present[G_N_ELEMENTS (kinds)] = { FALSE, };
  gboolean heading = FALSE;
  const AtlasSite *sites;
  guint n = 0;

  sites = atlas_dataset_get_sites (dataset, &n);
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      present[k] |= sites[i].kind == kinds[k].kind;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (!present[k])
        continue;
      if (!heading)
        add_text (self, ATLAS_LEGEND_HEADING, g_strdup (_("Hospital sites")));
      heading = TRUE;
      add (self, ATLAS_LEGEND_SITE, 0, 0, kinds[k].kind, g_strdup (_(kinds[k].label)));
    }
}

AtlasLegendModel *
atlas_legend_model_new (AtlasDataset                  *dataset,
                        const AtlasCartographyOptions *options)
{
  AtlasLegendModel *self;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_new0 (AtlasLegendModel, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_array_new (FALSE, TRUE, sizeof (AtlasLegendEntry));
  g_array_set_clear_func (self->entries, entry_clear);

  if (options->choropleth != NULL && options->indicator != NULL)
    add_indicator (self, dataset, options);
  else if (options->choropleth != NULL)
    add_user_values (self, options);
  else
    add_partnerships (self, dataset, options);
  if (options->update != NULL)
    add (self, ATLAS_LEGEND_OUTLINE, atlas_cartography_get_palette (options->theme)->outline,
         0, ATLAS_SITE_ACUTE,
         /* TRANSLATORS: the legend's line for the districts a selected update names */
         g_strdup_printf (_("Named in “%s”"), options->update->title));
  add_point_layers (self, options);
  if (options->sites)
    add_sites (self, dataset);
  return self;
}

AtlasLegendModel *
atlas_legend_model_ref (AtlasLegendModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_legend_model_unref (AtlasLegendModel *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->entries);
  g_free (self);
}

guint
atlas_legend_model_get_n_entries (AtlasLegendModel *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const AtlasLegendEntry *
atlas_legend_model_get_entry (AtlasLegendModel *self,
                              guint             i)
{
  g_return_val_if_fail (self != NULL && i < self->entries->len, NULL);
  return &g_array_index (self->entries, AtlasLegendEntry, i);
}

char *
atlas_legend_model_dup_text (AtlasLegendModel *self,
                             gboolean          with_title)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const AtlasLegendEntry *e = &g_array_index (self->entries, AtlasLegendEntry, i);

      if (with_title || e->kind != ATLAS_LEGEND_TITLE)
        g_string_append_printf (text, "%s\n", e->text);
    }
  return g_string_free (text, FALSE);
}
