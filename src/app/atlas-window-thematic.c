/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the districts are coloured by: their partnerships, or one of the dataset's indicators.
 * The choice sits on the map in a card with the legend under it, is the window's "thematic"
 * property and so the win.thematic action * for menus and scripts, and is remembered in the settings. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-legend.h"
#include "atlas-text.h"
#include "atlas-window-private.h"


/* The dropdown lists partnerships first, then the indicators in the dataset's order. */
static void
fill_dropdown (AtlasWindow          *self,
               const AtlasIndicator *current)
{
  g_autoptr(GtkStringList) model = NULL;
  const AtlasIndicator *indicators = NULL;
  guint n = 0, selected = current != NULL ? current->index + 1 : 0;

  if (self->dataset != NULL)
    indicators = atlas_dataset_get_indicators (self->dataset, &n);

  self->updating_dropdown = TRUE;
  /* A new list only for a new dataset: replacing it re-selects, which calls back here. */
  if (g_object_get_data (G_OBJECT (self->thematic_dropdown), "atlas-dataset") != self->dataset)
    {
      model = gtk_string_list_new (NULL);
      gtk_string_list_append (model, _("Partnerships"));
      for (guint i = 0; i < n; i++)
        {
          /* The button shows the title: on one line, or it would grow the legend card. */
          g_autofree char *title = atlas_text_one_line (indicators[i].title, 80);

          gtk_string_list_append (model, title);
        }
      gtk_drop_down_set_model (self->thematic_dropdown, G_LIST_MODEL (model));
      g_object_set_data (G_OBJECT (self->thematic_dropdown), "atlas-dataset", self->dataset);
    }
  if (gtk_drop_down_get_selected (self->thematic_dropdown) != selected)
    gtk_drop_down_set_selected (self->thematic_dropdown, selected);
  /* Nothing to choose from: the switch would only be in the way. */
  gtk_widget_set_visible (GTK_WIDGET (self->thematic_dropdown), n > 0);
  self->updating_dropdown = FALSE;
}

static void
dropdown_selected_cb (AtlasWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->thematic_dropdown);
  const AtlasIndicator *indicators;
  const char *layer = NULL;
  guint n = 0;

  if (self->updating_dropdown || self->dataset == NULL)
    return;
  indicators = atlas_dataset_get_indicators (self->dataset, &n);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    layer = ATLAS_MAP_STATE_PARTNERSHIPS;
  else if (selected - 1 < n)
    layer = indicators[selected - 1].id;
  if (layer != NULL && g_strcmp0 (layer, _atlas_window_get_thematic (self)) != 0)
    _atlas_window_set_thematic (self, layer);
}

/* The layer, the theme, the dataset or an update's selection changes the legend. */
static void
state_changed_cb (AtlasWindow *self,
                  guint        change)
{
  if (change & (ATLAS_MAP_STATE_CHANGE_THEMATIC | ATLAS_MAP_STATE_CHANGE_THEME
                | ATLAS_MAP_STATE_CHANGE_DATASET | ATLAS_MAP_STATE_CHANGE_SELECTION))
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
  const AtlasIndicator *indicator = _atlas_window_get_indicator (self);

  if (self->legend_card == NULL)
    return;
  fill_dropdown (self, indicator);
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
