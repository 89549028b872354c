/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The accessors that exist only for tests (see atlas-window-test-private.h). */
#include "atlas-window-private.h"

AtlasDistrictLayer *
_atlas_window_get_district_layer (AtlasWindow *self)
{
  return self->district_layer;
}

ShumateViewport *
_atlas_window_get_viewport (AtlasWindow *self)
{
  return shumate_simple_map_get_viewport (self->simple_map);
}

AtlasWatchedSource *
_atlas_window_get_offline_source (AtlasWindow *self)
{
  return self->offline_source;
}

const char *
_atlas_window_get_title_text (AtlasWindow *self)
{
  return adw_window_title_get_title (self->window_title);
}

GtkLabel *
_atlas_window_get_licence_label (AtlasWindow *self)
{
  return self->licence_label;
}

gboolean
_atlas_window_banner_is_shown (AtlasWindow *self)
{
  return gtk_revealer_get_reveal_child (self->banner_revealer);
}

gboolean
_atlas_window_banner_is_revealed (AtlasWindow *self)
{
  return gtk_revealer_get_child_revealed (self->banner_revealer);
}

const char *
_atlas_window_get_banner_text (AtlasWindow *self)
{
  return gtk_label_get_text (self->banner_label);
}

GtkWidget *
_atlas_window_get_legend_card (AtlasWindow *self)
{
  return self->legend_card;
}

GtkDropDown *
_atlas_window_get_thematic_dropdown (AtlasWindow *self)
{
  return self->thematic_dropdown;
}

GtkWidget *
_atlas_window_get_legend (AtlasWindow *self)
{
  return self->legend;
}

gboolean
_atlas_window_is_loading (AtlasWindow *self)
{
  return self->loading > 0;
}

GtkWidget *
_atlas_window_get_load_error_dialog (AtlasWindow *self)
{
  return self->load_error_dialog;
}

const char *
_atlas_window_get_dataset_location (AtlasWindow *self)
{
  return self->dataset_location;
}

void
_atlas_window_set_pointer_hover (AtlasWindow *self,
                                 gboolean     enabled)
{
  self->pointer_hover = enabled;
  if (!enabled)
    atlas_district_layer_set_hovered (self->district_layer, NULL);
}

AdwFlap *
_atlas_window_get_flap (AtlasWindow *self)
{
  return self->flap;
}

GtkWidget *
_atlas_window_get_panel_button (AtlasWindow *self)
{
  return GTK_WIDGET (self->panel_button);
}

GtkWidget *
_atlas_window_get_legend_button (AtlasWindow *self)
{
  return self->legend_button;
}

GtkWidget *
_atlas_window_get_licence_button (AtlasWindow *self)
{
  return GTK_WIDGET (self->licence_button);
}
