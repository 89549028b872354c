/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-point-popover.h"

/* A row with more fields than this shows the first ones and says how many more. */
#define MAX_FIELDS 24

static GtkWidget *
wrapping_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_row (GtkGrid    *grid,
         int         row,
         const char *key,
         const char *value)
{
  GtkWidget *label = wrapping_label (key, "dim-label");

  /* A field name is the file's header: keep it to a line. */
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, wrapping_label (value, NULL), 1, row, 1, 1);
}

void
atlas_point_popover_fill (GtkPopover  *popover,
                          AtlasPoints *points,
                          guint        index,
                          guint        count)
{
  const AtlasPlace *places;
  const AtlasPlace *place;
  AtlasDataset *dataset;
  GtkWidget *box, *grid;
  g_autofree char *where = NULL;
  g_autofree char *source = NULL;
  guint n, row = 0;

  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (ATLAS_IS_POINTS (points));

  places = atlas_points_get_places (points, &n);
  g_return_if_fail (index < n);
  place = &places[index];
  dataset = atlas_points_get_dataset (points);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (box), wrapping_label (place->name[0] != '\0' ? place->name
                                                                      : _("A point"),
                                                 "heading"));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < place->n_fields && i < MAX_FIELDS; i++)
    {
      const char *key, *value;

      atlas_points_get_field (points, place, i, &key, &value);
      if (value[0] != '\0')
        add_row (GTK_GRID (grid), row++, key, value);
    }
  if (place->n_fields > MAX_FIELDS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more field",
                                                            "%u more fields",
                                                            place->n_fields - MAX_FIELDS),
                                               place->n_fields - MAX_FIELDS);

      add_row (GTK_GRID (grid), row++, "…", more);
    }
  if (place->district != NULL)
    where = g_strdup (place->district->name);
  else
    /* TRANSLATORS: where a planner's point lies: %s is the care system's name */
    where = g_strdup_printf (_("Outside the districts of %s"),
                             atlas_dataset_get_short_name (dataset));
  add_row (GTK_GRID (grid), row++, _("District"), where);
  /* TRANSLATORS: a point's file and line: "points.csv, line 3" */
  source = g_strdup_printf (_("%s, line %u"), atlas_points_get_source (points), place->line);
  add_row (GTK_GRID (grid), row++, _("Source"), source);
  gtk_box_append (GTK_BOX (box), grid);

  if (count > 1)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more point here: zoom in to "
                                                            "see it",
                                                            "%u more points here: zoom in to "
                                                            "see them apart", count - 1),
                                               count - 1);

      gtk_box_append (GTK_BOX (box), wrapping_label (more, "dim-label"));
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_name (box, "point-details");
  gtk_popover_set_child (popover, box);
}
