/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-figure.h"
#include "atlas-legend.h"
#include "atlas-site-marker.h"
#include "atlas-text.h"

#define SWATCH_WIDTH 20
#define SWATCH_HEIGHT 14
#define LABEL_WIDTH_CHARS 30
/* Whatever the dataset holds, the legend stays a card: each label on at most this many
 * lines, and at most this many partnerships. */
#define LABEL_LINES 4
#define MAX_PARTNERSHIPS 24

struct _AtlasLegend
{
  GtkWidget parent_instance;

  gboolean show_title;
};

G_DEFINE_FINAL_TYPE (AtlasLegend, atlas_legend, GTK_TYPE_WIDGET)

typedef enum {
  SWATCH_FILL,
  SWATCH_OUTLINE,
  SWATCH_SITE,
} SwatchKind;

typedef struct {
  SwatchKind kind;
  guint32 colour;       /* the fill, or the outline's colour */
  guint32 border;       /* the districts' border colour around a fill */
  AtlasSiteKind site;
} Swatch;

static void
set_source_rgb (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  const Swatch *swatch = user_data;

  switch (swatch->kind)
    {
    case SWATCH_FILL:
      cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
      set_source_rgb (cr, swatch->colour);
      cairo_fill_preserve (cr);
      set_source_rgb (cr, swatch->border);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      break;
    case SWATCH_OUTLINE:
      cairo_rectangle (cr, 2, 2, width - 4, height - 4);
      set_source_rgb (cr, swatch->colour);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke (cr);
      break;
    case SWATCH_SITE:
    default:
      atlas_site_marker_draw_symbol (cr, swatch->site, width / 2.0, height / 2.0,
                                     MIN (width, height) - 2.0);
      break;
    }
}

/* The dataset's text on one line, wrapped over a few at most. */
static GtkWidget *
new_label (const char *text)
{
  g_autofree char *line = atlas_text_one_line (text, ATLAS_TEXT_NAME_CHARS);
  GtkWidget *label = gtk_label_new (line);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), LABEL_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), LABEL_WIDTH_CHARS);
  return label;
}

static GtkWidget *
add_label (AtlasLegend *self,
           const char  *text,
           const char  *css_class)
{
  GtkWidget *label = new_label (text);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
add_row (AtlasLegend  *self,
         const Swatch *swatch,
         const char   *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *label = new_label (text);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), SWATCH_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), SWATCH_HEIGHT);
  gtk_widget_set_valign (area, GTK_ALIGN_START);
  gtk_widget_set_margin_top (area, 1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch_cb,
                                  g_memdup2 (swatch, sizeof *swatch), g_free);
  g_object_set_data (G_OBJECT (area), "atlas-legend-colour", GUINT_TO_POINTER (swatch->colour));
  gtk_widget_add_css_class (area, "atlas-legend-swatch");

  gtk_widget_set_hexpand (label, TRUE);

  gtk_box_append (GTK_BOX (row), area);
  gtk_box_append (GTK_BOX (row), label);
  gtk_widget_set_parent (row, GTK_WIDGET (self));
}

static void
clear (AtlasLegend *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
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

static char *
format_value (const AtlasIndicator *indicator,
              double                value,
              int                   decimals)
{
  return atlas_figure_format (value, decimals, indicator->unit);
}

static gboolean
district_has_value (const AtlasIndicator *indicator,
                    const AtlasDistrict  *district)
{
  for (guint i = 0; i < indicator->n_values; i++)
    for (guint j = 0; j < indicator->values[i].n_districts; j++)
      if (indicator->values[i].districts[j] == district)
        return TRUE;
  return FALSE;
}

static void
add_indicator (AtlasLegend          *self,
               AtlasDataset         *dataset,
               const AtlasIndicator *indicator,
               AtlasTheme            theme)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (theme);
  AtlasCartographyClass classes[ATLAS_CARTOGRAPHY_MAX_CLASSES];
  guint n_classes = atlas_cartography_indicator_classes (indicator, classes);
  int decimals = count_decimals (indicator);
  const AtlasDistrict *districts;
  guint n_districts = 0;
  gboolean missing = FALSE;
  g_autofree char *period = NULL;
  g_autofree char *unit = NULL;

  if (self->show_title)
    add_label (self, indicator->title, "heading");
  for (guint c = 0; c < n_classes; c++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *lower = format_value (indicator, classes[c].lower, decimals);
      g_autofree char *upper = format_value (indicator, classes[c].upper, decimals);
      Swatch swatch = { SWATCH_FILL, classes[c].colour, palette->border, 0 };
      const char *separator = " · ";

      if (classes[c].lower == classes[c].upper)
        g_string_append (text, lower);
      else
        /* TRANSLATORS: a range of figures, e.g. “20.1 % to 22.3 %”. */
        g_string_append_printf (text, _("%s to %s"), lower, upper);
      /* The label is cut at a few lines anyway: the rest of a long list of areas is left. */
      for (guint i = 0; i < indicator->n_values && text->len < ATLAS_TEXT_NAME_CHARS; i++)
        {
          const AtlasIndicatorValue *value = &indicator->values[i];

          if (value->area == NULL
              || atlas_cartography_indicator_class_of (classes, n_classes, value->value) != c)
            continue;
          g_string_append_printf (text, "%s%s", separator, value->area);
          separator = ", ";
        }
      add_row (self, &swatch, text->str);
    }

  districts = atlas_dataset_get_districts (dataset, &n_districts);
  for (guint i = 0; i < n_districts && !missing; i++)
    missing = !district_has_value (indicator, &districts[i]);
  if (missing)
    {
      Swatch swatch = { SWATCH_FILL, palette->no_data, palette->border, 0 };
      add_row (self, &swatch, _("No figure"));
    }

  if (indicator->unit != NULL)
    {
      /* TRANSLATORS: the unit of an indicator's figures, e.g. “Unit: %”. */
      unit = g_strdup_printf (_("Unit: %s"), indicator->unit);
      add_label (self, unit, "dim-label");
    }
  if (indicator->period != NULL)
    {
      /* TRANSLATORS: the time the figures are for, e.g. “Period: 2019-20”. */
      period = g_strdup_printf (_("Period: %s"), indicator->period);
      add_label (self, period, "dim-label");
    }
  if (indicator->note != NULL)
    add_label (self, indicator->note, "caption");
}

static void
add_partnerships (AtlasLegend  *self,
                  AtlasDataset *dataset,
                  AtlasTheme    theme)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (theme);
  const AtlasPartnership *partnerships;
  guint n = 0, shown = 0;

  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  if (self->show_title)
    add_label (self, _("Partnerships"), "heading");
  for (guint kind = ATLAS_PARTNERSHIP_PLACE; kind <= ATLAS_PARTNERSHIP_THEMATIC; kind++)
    for (guint i = 0; i < n; i++)
      {
        const AtlasPartnership *p = &partnerships[i];
        Swatch swatch = { SWATCH_FILL, 0, palette->border, 0 };

        if (p->kind != kind || ++shown > MAX_PARTNERSHIPS)
          continue;
        if (p->kind == ATLAS_PARTNERSHIP_THEMATIC)
          {
            swatch.kind = SWATCH_OUTLINE;
            swatch.colour = palette->outline;
          }
        else
          swatch.colour = atlas_dataset_get_partnership_colour (dataset, p);
        add_row (self, &swatch, p->short_name != NULL ? p->short_name : p->name);
      }
  if (shown > MAX_PARTNERSHIPS)
    {
      /* TRANSLATORS: at the end of a legend that lists the first partnerships only. */
      g_autofree char *more = g_strdup_printf (ngettext ("… and %u more partnership",
                                                         "… and %u more partnerships",
                                                         shown - MAX_PARTNERSHIPS),
                                               shown - MAX_PARTNERSHIPS);

      add_label (self, more, "dim-label");
    }
}

static void
add_sites (AtlasLegend  *self,
           AtlasDataset *dataset)
{
  static const struct {
    AtlasSiteKind kind;
    const char *label;
  } kinds[] = {
    { ATLAS_SITE_ACUTE, N_("Acute hospital") },
    { ATLAS_SITE_LOCAL, N_("Local hospital") },
    { ATLAS_SITE_OTHER, N_("Other hospital site") },
  };
  const AtlasSite *sites;
  guint n = 0;
  gboolean heading = FALSE;

  sites = atlas_dataset_get_sites (dataset, &n);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gboolean present = FALSE;

      for (guint i = 0; i < n && !present; i++)
        present = sites[i].kind == kinds[k].kind;
      if (!present)
        continue;
      if (!heading)
        add_label (self, _("Hospital sites"), "heading");
      heading = TRUE;
      add_row (self, &(Swatch) { SWATCH_SITE, 0, 0, kinds[k].kind }, _(kinds[k].label));
    }
}

static void
atlas_legend_dispose (GObject *object)
{
  clear (ATLAS_LEGEND (object));

  G_OBJECT_CLASS (atlas_legend_parent_class)->dispose (object);
}

static void
atlas_legend_class_init (AtlasLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_legend_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_legend_init (AtlasLegend *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  self->show_title = TRUE;
}

GtkWidget *
atlas_legend_new (void)
{
  return g_object_new (ATLAS_TYPE_LEGEND, NULL);
}

void
atlas_legend_set (AtlasLegend          *self,
                  AtlasDataset         *dataset,
                  const AtlasIndicator *indicator,
                  AtlasTheme            theme)
{
  g_return_if_fail (ATLAS_IS_LEGEND (self));
  g_return_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset));

  clear (self);
  if (dataset == NULL)
    return;
  if (indicator != NULL)
    add_indicator (self, dataset, indicator, theme);
  else
    add_partnerships (self, dataset, theme);
  add_sites (self, dataset);
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

char *
atlas_legend_dup_text (AtlasLegend *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_LEGEND (self), NULL);
  collect_text (GTK_WIDGET (self), text);
  return g_string_free (text, FALSE);
}

static void
collect_swatches (GtkWidget *widget,
                  GArray    *colours)
{
  if (gtk_widget_has_css_class (widget, "atlas-legend-swatch"))
    {
      guint32 colour = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget),
                                                            "atlas-legend-colour"));
      g_array_append_val (colours, colour);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_swatches (child, colours);
}

GArray *
atlas_legend_get_swatch_colours (AtlasLegend *self)
{
  GArray *colours = g_array_new (FALSE, FALSE, sizeof (guint32));

  g_return_val_if_fail (ATLAS_IS_LEGEND (self), colours);
  collect_swatches (GTK_WIDGET (self), colours);
  return colours;
}

void
atlas_legend_set_show_title (AtlasLegend *self,
                             gboolean     show_title)
{
  g_return_if_fail (ATLAS_IS_LEGEND (self));
  self->show_title = show_title;
}
