/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window's map shows, for tests and benchmarks: with ICS_ATLAS_REPORT_LAYOUT=1 the
 * window prints, once ready and its names placed, the map's frame (map-frame), one line per
 * name and symbol on the map and per overlay that covers it (legend-box, zoom-buttons, attribution, scale-bar), in the form
 * of `ics-atlas --report-layout` (KIND<TAB>TEXT<TAB>X<TAB>Y<TAB>W<TAB>H) in window pixels,
 * then an empty line. ICS_ATLAS_WINDOW_SIZE=WxH opens the window at that size. */
#include "config.h"

#include "atlas-window-private.h"
#include "atlas-window-test-private.h"

#include <stdio.h>

#define REPORT_ENV "ICS_ATLAS_REPORT_LAYOUT"
#define SIZE_ENV "ICS_ATLAS_WINDOW_SIZE"

static void
append_box (AtlasWindow *self,
            GString     *report,
            const char  *kind,
            GtkWidget   *widget)
{
  graphene_rect_t bounds;

  if (widget == NULL || !gtk_widget_get_mapped (widget)
      || !gtk_widget_compute_bounds (widget, GTK_WIDGET (self), &bounds))
    return;
  g_string_append_printf (report, "%s\t\t%.0f\t%.0f\t%.0f\t%.0f\n", kind, bounds.origin.x,
                          bounds.origin.y, bounds.size.width, bounds.size.height);
}

char *
_atlas_window_dup_layout_report (AtlasWindow *self)
{
  GtkWidget *compass = GTK_WIDGET (shumate_simple_map_get_compass (self->simple_map));
  GString *report = g_string_new (NULL);
  graphene_point_t origin;

  append_box (self, report, "map-frame", GTK_WIDGET (self->district_layer));
  if (gtk_widget_compute_point (GTK_WIDGET (self->district_layer), GTK_WIDGET (self),
                                &GRAPHENE_POINT_INIT (0, 0), &origin))
    atlas_district_layer_append_report (self->district_layer, origin.x, origin.y, report);
  append_box (self, report, "legend-box", self->legend_card);
  append_box (self, report, "zoom-buttons", gtk_widget_get_parent (compass));
  append_box (self, report, "attribution", self->licence_box);
  append_box (self, report, "scale-bar",
                GTK_WIDGET (shumate_simple_map_get_scale (self->simple_map)));
  return g_string_free (report, FALSE);
}

static void
print_report (AtlasWindow *self)
{
  g_autofree char *report = _atlas_window_dup_layout_report (self);

  g_print ("%s\n", report);
  fflush (stdout);
}

static void
labels_placed_cb (AtlasWindow *self)
{
  if (!atlas_window_get_ready (self))
    return;
  g_signal_handlers_disconnect_by_func (self->district_layer, labels_placed_cb, self);
  print_report (self);
}

static void
ready_cb (AtlasWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, ready_cb, NULL);
  /* The names of the first still view: placed by now, or by the next drawing. */
  if (atlas_district_layer_get_labels_count (self->district_layer) > 0
      && atlas_district_layer_is_still (self->district_layer))
    {
      g_signal_handlers_disconnect_by_func (self->district_layer, labels_placed_cb, self);
      print_report (self);
    }
}

void
_atlas_window_report_init (AtlasWindow *self)
{
  const char *size = g_getenv (SIZE_ENV);
  int width, height;

  if (size != NULL && sscanf (size, "%dx%d", &width, &height) == 2 && width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_strcmp0 (g_getenv (REPORT_ENV), "1") != 0)
    return;
  g_signal_connect_swapped (self->district_layer, "labels-placed",
                            G_CALLBACK (labels_placed_cb), self);
  g_signal_connect (self, "ready", G_CALLBACK (ready_cb), NULL);
}
