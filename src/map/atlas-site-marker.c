/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-site-marker.h"

#define SYMBOL_SIZE 14
/* A selected trust's sites stand out: bigger symbols, the others faded. */
#define PROMINENT_SYMBOL_SIZE 20
#define FADED_OPACITY 0.35

struct _AtlasSiteMarker
{
  ShumateMarker parent_instance;

  AtlasSelection *selection;
  const AtlasSite *site;
  GtkWidget *button;
  GtkWidget *symbol;
  AtlasDataset *dataset;         /* not a reference: the one site belongs to */
};

G_DEFINE_FINAL_TYPE (AtlasSiteMarker, atlas_site_marker, SHUMATE_TYPE_MARKER)

static void
draw_symbol_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  AtlasSiteMarker *self = user_data;

  atlas_site_marker_draw_symbol (cr, self->site->kind, width / 2.0, height / 2.0,
                                 MIN (width, height) - 3.0);
}

static void
add_detail (GtkGrid    *grid,
            int         row,
            const char *label,
            const char *value)
{
  GtkWidget *key = gtk_label_new (label);
  GtkWidget *text = gtk_label_new (value != NULL ? value : _("not recorded"));

  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 36);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_grid_attach (grid, key, 0, row, 1, 1);
  gtk_grid_attach (grid, text, 1, row, 1, 1);
}

static GtkWidget *
create_popover (AtlasSiteMarker *self)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  const AtlasSite *site = self->site;
  const AtlasSource *source = NULL;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = gtk_label_new (site->name);
  GtkWidget *grid = gtk_grid_new ();

  if (dataset != NULL && site->source != NULL)
    source = atlas_dataset_find_source (dataset, site->source);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  add_detail (GTK_GRID (grid), 0, _("Town"), site->town);
  add_detail (GTK_GRID (grid), 1, _("Trust"), site->trust != NULL ? site->trust->name : NULL);
  add_detail (GTK_GRID (grid), 2, _("District"),
              site->district != NULL ? site->district->name : NULL);
  add_detail (GTK_GRID (grid), 3, _("Source"),
              source != NULL ? source->title : site->source);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static void
selection_changed_cb (AtlasSiteMarker *self)
{
  const AtlasTrust *trust = NULL;
  gboolean prominent = FALSE, faded = FALSE;
  int size;

  /* The markers of a dataset being replaced are about to go: their site is no longer valid. */
  if (atlas_selection_get_dataset (self->selection) != self->dataset)
    return;
  if (atlas_selection_get_kind (self->selection) == ATLAS_SELECTION_TRUST)
    trust = atlas_selection_get_trust (self->selection);
  else if (atlas_selection_get_kind (self->selection) == ATLAS_SELECTION_SITE)
    prominent = atlas_selection_get_site (self->selection) == self->site;
  if (trust != NULL)
    {
      prominent = self->site->trust == trust;
      faded = !prominent;
    }

  size = prominent ? PROMINENT_SYMBOL_SIZE : SYMBOL_SIZE;
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->symbol), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->symbol), size);
  gtk_widget_set_opacity (GTK_WIDGET (self), faded ? FADED_OPACITY : 1.0);
  if (prominent)
    gtk_widget_add_css_class (self->button, "prominent");
  else
    gtk_widget_remove_css_class (self->button, "prominent");
}

static void
popover_show_cb (AtlasSiteMarker *self)
{
  atlas_selection_select (self->selection, ATLAS_SELECTION_SITE, self->site->id);
}

static void
atlas_site_marker_dispose (GObject *object)
{
  AtlasSiteMarker *self = ATLAS_SITE_MARKER (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_site_marker_parent_class)->dispose (object);
}

static void
atlas_site_marker_class_init (AtlasSiteMarkerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_site_marker_dispose;
}

static void
atlas_site_marker_init (AtlasSiteMarker *self)
{
}

AtlasSiteMarker *
atlas_site_marker_new (AtlasSelection  *selection,
                       const AtlasSite *site)
{
  AtlasSiteMarker *self;
  GtkWidget *symbol;
  GtkWidget *popover;
  const char *kind;
  g_autofree char *description = NULL;

  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (site != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_SITE_MARKER, NULL);
  self->selection = g_object_ref (selection);
  self->site = site;
  self->dataset = atlas_selection_get_dataset (selection);
  shumate_location_set_location (SHUMATE_LOCATION (self), site->lat, site->lon);

  symbol = self->symbol = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (symbol), SYMBOL_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (symbol), SYMBOL_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (symbol), draw_symbol_cb, self, NULL);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), symbol);
  popover = create_popover (self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_add_css_class (self->button, "site-marker");
  gtk_widget_set_tooltip_text (self->button, site->name);

  switch (site->kind)
    {
    case ATLAS_SITE_ACUTE:
      kind = _("acute hospital");
      break;
    case ATLAS_SITE_LOCAL:
      kind = _("local hospital");
      break;
    case ATLAS_SITE_OTHER:
    default:
      kind = _("hospital site");
      break;
    }
  description = g_strdup_printf ("%s, %s", site->name, kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), self,
                           G_CONNECT_SWAPPED);

  shumate_marker_set_child (SHUMATE_MARKER (self), self->button);
  g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  selection_changed_cb (self);
  return self;
}

const AtlasSite *
atlas_site_marker_get_site (AtlasSiteMarker *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE_MARKER (self), NULL);
  return self->site;
}

void
atlas_site_marker_popup (AtlasSiteMarker *self)
{
  g_return_if_fail (ATLAS_IS_SITE_MARKER (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}

void
atlas_site_markers_fill (ShumateMarkerLayer *layer,
                         AtlasSelection     *selection)
{
  AtlasDataset *dataset;
  const AtlasSite *sites;
  guint n_sites = 0;

  g_return_if_fail (SHUMATE_IS_MARKER_LAYER (layer));
  g_return_if_fail (ATLAS_IS_SELECTION (selection));

  shumate_marker_layer_remove_all (layer);
  dataset = atlas_selection_get_dataset (selection);
  if (dataset == NULL)
    return;

  sites = atlas_dataset_get_sites (dataset, &n_sites);
  for (guint i = 0; i < n_sites; i++)
    shumate_marker_layer_add_marker (layer,
                                     SHUMATE_MARKER (atlas_site_marker_new (selection, &sites[i])));
}

gboolean
atlas_site_marker_get_prominent (AtlasSiteMarker *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE_MARKER (self), FALSE);
  return gtk_widget_has_css_class (self->button, "prominent");
}

void
atlas_site_marker_draw_symbol (cairo_t       *cr,
                               AtlasSiteKind  kind,
                               double         cx,
                               double         cy,
                               double         size)
{
  cairo_save (cr);
  cairo_new_path (cr);
  if (kind == ATLAS_SITE_ACUTE)
    cairo_rectangle (cr, cx - size / 2, cy - size / 2, size, size);
  else if (kind == ATLAS_SITE_LOCAL)
    cairo_arc (cr, cx, cy, size / 2, 0, 2 * G_PI);
  else
    {
      cairo_move_to (cr, cx, cy - size / 2);
      cairo_line_to (cr, cx + size / 2, cy);
      cairo_line_to (cr, cx, cy + size / 2);
      cairo_line_to (cr, cx - size / 2, cy);
      cairo_close_path (cr);
    }

  cairo_set_source_rgb (cr, 0.75, 0.07, 0.12);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}
