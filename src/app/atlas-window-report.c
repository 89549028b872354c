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

/* How often, and how long at most, a window that is ready looks again for a still map: the
 * district layer may show a scaled image of a view it has not yet drawn exactly, and may not
 * place the names again when the view stays within that image. */
#define STILL_POLL_MS 50
#define STILL_WAIT_MS 3000

static void labels_placed_cb (AtlasWindow *self);

static gboolean
reported (AtlasWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "atlas-layout-reported") != NULL;
}

static void
report_once (AtlasWindow *self)
{
  if (reported (self))
    return;
  g_object_set_data (G_OBJECT (self), "atlas-layout-reported", GINT_TO_POINTER (1));
  g_signal_handlers_disconnect_by_func (self->district_layer, labels_placed_cb, self);
  print_report (self);
}

static gboolean
names_settled (AtlasWindow *self)
{
  return atlas_district_layer_get_labels_count (self->district_layer) > 0
         && atlas_district_layer_is_still (self->district_layer);
}

static void
labels_placed_cb (AtlasWindow *self)
{
  if (atlas_window_get_ready (self))
    report_once (self);
}

static gboolean
still_poll_cb (gpointer user_data)
{
  AtlasWindow *self = user_data;
  guint polls = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "atlas-layout-polls"));

  if (reported (self) || self->district_layer == NULL)
    return G_SOURCE_REMOVE;
  g_object_set_data (G_OBJECT (self), "atlas-layout-polls", GUINT_TO_POINTER (polls + 1));
  /* Past the wait, the names on screen are those of the view shown. */
  if (names_settled (self) || (polls + 1) * STILL_POLL_MS >= STILL_WAIT_MS)
    {
      report_once (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
ready_cb (AtlasWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, ready_cb, NULL);
  /* The names of the first still view: placed by now, or by the next drawing, or shown as
   * they are once the layer is still. */
  if (names_settled (self))
    report_once (self);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, STILL_POLL_MS, still_poll_cb, g_object_ref (self),
                        g_object_unref);
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
