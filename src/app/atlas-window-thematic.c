/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the districts are coloured by: their partnerships, one of the dataset's indicators, or
 * a planner's figures (a data layer). The choice sits on the map in a card with the legend
 * under it, is the window's "thematic" property and so the win.thematic action for menus and
 * scripts, and is remembered in the settings. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-legend.h"
#include "atlas-text.h"
#include "atlas-window-private.h"


/* The dropdown lists partnerships first, then the indicators in the dataset's order, then a
 * planner's figures that fit this system in the order they were added. Its layers' ids are
 * kept beside it, in the same order. */
static GStrv
list_layers (AtlasWindow  *self,
             GPtrArray    *titles)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  const AtlasIndicator *indicators = NULL;
  guint n = 0;

  g_strv_builder_add (ids, ATLAS_MAP_STATE_PARTNERSHIPS);
  g_ptr_array_add (titles, _("Partnerships"));
  if (self->dataset != NULL)
    indicators = atlas_dataset_get_indicators (self->dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      g_strv_builder_add (ids, indicators[i].id);
      g_ptr_array_add (titles, (gpointer) indicators[i].title);
    }
  n = atlas_map_state_get_n_layers (self->state);
  for (guint i = 0; i < n; i++)
    {
      AtlasUserLayer *layer = atlas_map_state_get_layer (self->state, i);

      if (atlas_user_layer_get_choropleth (layer) == NULL)
        continue;
      g_strv_builder_add (ids, atlas_user_layer_get_id (layer));
      g_ptr_array_add (titles, (gpointer) atlas_user_layer_get_title (layer));
    }
  return g_strv_builder_end (ids);
}

static void
fill_dropdown (AtlasWindow *self)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_auto(GStrv) ids = list_layers (self, titles);
  const char * const *shown = g_object_get_data (G_OBJECT (self->thematic_dropdown), "atlas-ids");
  const char *current = _atlas_window_get_thematic (self);
  guint selected = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], current) == 0)
      selected = i;

  self->updating_dropdown = TRUE;
  /* A new list only when the layers differ (a new dataset, a planner's layer added, changed
   * or removed): replacing it re-selects, which calls back here. */
  if (shown == NULL || !g_strv_equal (shown, (const char * const *) ids)
      || g_object_get_data (G_OBJECT (self->thematic_dropdown), "atlas-titles-stamp")
         != GUINT_TO_POINTER (self->thematic_stamp))
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      for (guint i = 0; i < titles->len; i++)
        {
          /* The button shows the title: on one line, or it would grow the legend card. */
          g_autofree char *title = atlas_text_one_line (titles->pdata[i], 80);

          gtk_string_list_append (model, title);
        }
      gtk_drop_down_set_model (self->thematic_dropdown, G_LIST_MODEL (model));
      g_object_set_data_full (G_OBJECT (self->thematic_dropdown), "atlas-ids",
                              g_steal_pointer (&ids), (GDestroyNotify) g_strfreev);
      g_object_set_data (G_OBJECT (self->thematic_dropdown), "atlas-titles-stamp",
                         GUINT_TO_POINTER (self->thematic_stamp));
    }
  if (gtk_drop_down_get_selected (self->thematic_dropdown) != selected)
    gtk_drop_down_set_selected (self->thematic_dropdown, selected);
  /* Nothing to choose from: the switch would only be in the way. */
  gtk_widget_set_visible (GTK_WIDGET (self->thematic_dropdown), titles->len > 1);
  self->updating_dropdown = FALSE;
}

static void
dropdown_selected_cb (AtlasWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->thematic_dropdown);
  const char * const *ids = g_object_get_data (G_OBJECT (self->thematic_dropdown), "atlas-ids");
  const char *layer = NULL;

  if (self->updating_dropdown || self->dataset == NULL || ids == NULL)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    layer = ATLAS_MAP_STATE_PARTNERSHIPS;
  else if (selected < g_strv_length ((char **) ids))
    layer = ids[selected];
  if (layer != NULL && g_strcmp0 (layer, _atlas_window_get_thematic (self)) != 0)
    _atlas_window_set_thematic (self, layer);
}

/* The layer, the theme, the dataset or an update's selection changes the legend. */
static void
state_changed_cb (AtlasWindow *self,
                  guint        change)
{
  /* A layer changed in place may have a new title: the list is made again. */
  if (change & ATLAS_MAP_STATE_CHANGE_LAYERS)
    self->thematic_stamp++;
  if (change & (ATLAS_MAP_STATE_CHANGE_THEMATIC | ATLAS_MAP_STATE_CHANGE_THEME
                | ATLAS_MAP_STATE_CHANGE_DATASET | ATLAS_MAP_STATE_CHANGE_SELECTION
                | ATLAS_MAP_STATE_CHANGE_LAYERS))
    _atlas_window_thematic_changed (self);
}

static GtkWidget *
create_card (AtlasWindow *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  gtk_widget_set_tooltip_text (dropdown, _("Colour the Districts By"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Colour the districts by"), -1);
  self->thematic_dropdown = GTK_DROP_DOWN (dropdown);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb),
                            self);

  self->legend = atlas_legend_new ();
  gtk_box_append (GTK_BOX (card), dropdown);
  gtk_box_append (GTK_BOX (card), _atlas_window_wrap_legend (self, self->legend));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "atlas-legend-card");
  gtk_widget_set_halign (card, GTK_ALIGN_START);
  gtk_widget_set_valign (card, GTK_ALIGN_START);
  gtk_widget_set_margin_start (card, 12);
  gtk_widget_set_margin_top (card, 12);
  gtk_widget_set_visible (card, FALSE);
  return card;
}

void
_atlas_window_class_init_thematic (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.thematic", "thematic");
}

void
_atlas_window_thematic_init (AtlasWindow *self)
{
  if (self->settings != NULL)
    {
      g_autofree char *remembered = g_settings_get_string (self->settings, "thematic-layer");

      /* No dataset yet: the choice is kept for the first system that has that indicator. */
      atlas_map_state_set_thematic (self->state, remembered);
    }
  self->legend_card = create_card (self);
  gtk_overlay_add_overlay (self->map_overlay, self->legend_card);
  g_signal_connect_object (self->state, "changed", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_atlas_window_thematic_dispose (AtlasWindow *self)
{
  self->legend_card = NULL;
  self->legend = NULL;
  self->thematic_dropdown = NULL;
}

/* Framing keeps districts out from under the legend card at the map's top left. */
void
_atlas_window_update_frame_inset (AtlasWindow *self)
{
  int width = 0, height = 0;

  if (gtk_widget_get_visible (self->legend_card))
    {
      gtk_widget_measure (self->legend_card, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width,
                          NULL, NULL);
      gtk_widget_measure (self->legend_card, GTK_ORIENTATION_VERTICAL, width, NULL, &height,
                          NULL, NULL);
    }
  atlas_district_layer_set_frame_inset (self->district_layer,
                                        width + gtk_widget_get_margin_start (self->legend_card),
                                        height + gtk_widget_get_margin_top (self->legend_card));
}

void
_atlas_window_thematic_changed (AtlasWindow *self)
{
  if (self->legend_card == NULL)
    return;
  fill_dropdown (self);
  atlas_legend_set_show_title (ATLAS_LEGEND (self->legend),
                               !gtk_widget_get_visible (GTK_WIDGET (self->thematic_dropdown)));
  atlas_legend_set_model (ATLAS_LEGEND (self->legend), atlas_map_state_get_legend (self->state),
                          atlas_map_state_get_theme (self->state));
  gtk_widget_set_visible (self->legend_card, self->dataset != NULL);
  _atlas_window_update_frame_inset (self);
  /* The win.thematic action's state, for the menus' radio items. */
  g_object_notify (G_OBJECT (self), "thematic");
}

const AtlasIndicator *
_atlas_window_get_indicator (AtlasWindow *self)
{
  return atlas_map_state_get_indicator (self->state);
}

gboolean
_atlas_window_set_thematic (AtlasWindow *self,
                            const char  *layer)
{
  /* A system without that indicator shows partnerships but keeps the choice for the next. */
  if (!atlas_map_state_set_thematic (self->state, layer))
    return FALSE;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "thematic-layer", layer);
  _atlas_window_thematic_changed (self);
  return TRUE;
}

const char *
_atlas_window_get_thematic (AtlasWindow *self)
{
  return atlas_map_state_get_thematic (self->state);
}
