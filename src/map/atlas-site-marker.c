/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-site-marker.h"
#include "atlas-text.h"

/* The popover is a window of its own: its text on one line each, wrapped over a few lines at
 * most, so no name can make it taller than the screen. */
#define VALUE_LINES 4

static GtkWidget *
new_label (const char *text)
{
  g_autofree char *line = atlas_text_one_line (text, ATLAS_TEXT_NAME_CHARS);
  GtkWidget *label = gtk_label_new (line);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), VALUE_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  return label;
}

static void
add_detail (GtkGrid    *grid,
            int         row,
            const char *label,
            const char *value)
{
  GtkWidget *key = gtk_label_new (label);
  GtkWidget *text = new_label (value != NULL ? value : _("not recorded"));

  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_grid_attach (grid, key, 0, row, 1, 1);
  gtk_grid_attach (grid, text, 1, row, 1, 1);
}

static GtkWidget *
create_details (AtlasDataset    *dataset,
                const AtlasSite *site)
{
  const AtlasSource *source = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = new_label (site->name);
  GtkWidget *grid = gtk_grid_new ();

  if (dataset != NULL && site->source != NULL)
    source = atlas_dataset_find_source (dataset, site->source);

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
  return box;
}

void
atlas_site_marker_set_popover_site (GtkPopover      *popover,
                                    AtlasDataset    *dataset,
                                    const AtlasSite *site)
{
  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (site != NULL);

  gtk_popover_set_child (popover, create_details (dataset, site));
}
