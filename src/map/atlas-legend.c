/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-legend.h"
#include "atlas-point-layer.h"
#include "atlas-text.h"

#define SWATCH_WIDTH 20
#define SWATCH_HEIGHT 14
#define LABEL_WIDTH_CHARS 30
/* Whatever the dataset holds, the legend stays a card: each label on at most this many lines
 * (the legend model lists at most so many partnerships). */
#define LABEL_LINES 4

struct _AtlasLegend
{
  GtkWidget parent_instance;

  gboolean show_title;
};

G_DEFINE_FINAL_TYPE (AtlasLegend, atlas_legend, GTK_TYPE_WIDGET)

typedef struct {
  AtlasLegendKind kind;  /* FILL, OUTLINE, SITE or POINT */
  guint32 colour;        /* the fill, or the outline's colour */
  guint32 border;        /* the districts' border colour around a fill */
  AtlasSiteKind site;
  AtlasTheme theme;
  AtlasPointShape shape;
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
    case ATLAS_LEGEND_FILL:
      cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
      set_source_rgb (cr, swatch->colour);
      cairo_fill_preserve (cr);
      set_source_rgb (cr, swatch->border);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      break;
    case ATLAS_LEGEND_OUTLINE:
      cairo_rectangle (cr, 2, 2, width - 4, height - 4);
      set_source_rgb (cr, swatch->colour);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke (cr);
      break;
    case ATLAS_LEGEND_POINT:
      atlas_cartography_draw_point_symbol (cr, swatch->shape, swatch->colour, width / 2.0,
                                           height / 2.0, MIN (width, height) - 3.0,
                                           swatch->theme);
      break;
    case ATLAS_LEGEND_SITE:
    default:
      atlas_cartography_draw_site_symbol (cr, swatch->site, width / 2.0, height / 2.0,
                                          MIN (width, height) - 3.0, swatch->theme);
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
atlas_legend_set_model (AtlasLegend      *self,
                        AtlasLegendModel *model,
                        AtlasTheme        theme)
{
  g_return_if_fail (ATLAS_IS_LEGEND (self));

  clear (self);
  for (guint i = 0; model != NULL && i < atlas_legend_model_get_n_entries (model); i++)
    {
      const AtlasLegendEntry *e = atlas_legend_model_get_entry (model, i);
      Swatch swatch = { e->kind, e->colour, e->border, e->site_kind, theme, e->point_shape };

      switch (e->kind)
        {
        case ATLAS_LEGEND_TITLE:
          if (self->show_title)
            add_label (self, e->text, "heading");
          break;
        case ATLAS_LEGEND_HEADING:
          add_label (self, e->text, "heading");
          break;
        case ATLAS_LEGEND_NOTE:
          add_label (self, e->text, "dim-label");
          break;
        case ATLAS_LEGEND_CAPTION:
          add_label (self, e->text, "caption");
          break;
        case ATLAS_LEGEND_FILL:
        case ATLAS_LEGEND_OUTLINE:
        case ATLAS_LEGEND_SITE:
        case ATLAS_LEGEND_POINT:
        default:
          add_row (self, &swatch, e->text);
          break;
        }
    }
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
