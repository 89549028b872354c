/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-util.h"
#include "atlas-priorities-page.h"

struct _AtlasPrioritiesPage
{
  GtkWidget parent_instance;

  AtlasSelection *selection;
  GtkWidget *scrolled;
  GtkWidget *details;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (AtlasPrioritiesPage, atlas_priorities_page, GTK_TYPE_WIDGET)

static void
show_priority (AtlasPrioritiesPage *self,
               const AtlasPriority *priority)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  GtkWidget *box = self->details;
  GtkWidget *owner = atlas_panel_link_box ();
  g_autofree char *number = g_strdup_printf (_("Priority %u"), priority->number);
  guint i;

  gtk_box_append (GTK_BOX (box), atlas_panel_label (number, "dim-label"));
  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (priority->title, "title-2", 6));
  if (priority->group != NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Group"), priority->group));

  if (priority->partnership != NULL)
    atlas_panel_link_box_add (owner, self->selection, ATLAS_SELECTION_PARTNERSHIP,
                              priority->partnership->id, priority->partnership->name);
  else
    gtk_box_append (GTK_BOX (owner), atlas_panel_label (atlas_dataset_get_name (dataset), NULL));
  gtk_box_append (GTK_BOX (box), atlas_panel_field_with (_("Priority of"), owner));

  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Summary"), priority->summary));
  for (i = 0; i < priority->n_sections; i++)
    gtk_box_append (GTK_BOX (box), atlas_panel_section (&priority->sections[i]));

  gtk_box_append (GTK_BOX (box), atlas_panel_source_label (dataset, priority->source));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

static GtkWidget *
build_row (const AtlasPriority *priority)
{
  g_autofree char *title = g_strdup_printf ("%u. %s", priority->number, priority->title);
  GtkWidget *row;
  guint i;

  if (priority->n_sections == 0)
    {
      row = atlas_panel_row (title, priority->summary);
      g_object_set_data_full (G_OBJECT (row), "atlas-id", g_strdup (priority->id), g_free);
      return row;
    }

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (priority->summary != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), priority->summary);
  g_object_set_data_full (G_OBJECT (row), "atlas-id", g_strdup (priority->id), g_free);

  for (i = 0; i < priority->n_sections; i++)
    {
      GtkWidget *child = gtk_list_box_row_new ();
      GtkWidget *section = atlas_panel_section (&priority->sections[i]);

      gtk_widget_set_margin_start (section, 12);
      gtk_widget_set_margin_end (section, 12);
      gtk_widget_set_margin_top (section, 12);
      gtk_widget_set_margin_bottom (section, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (child), section);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }

  return row;
}

static void
rebuild_list (AtlasPrioritiesPage *self)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  const AtlasPriority *priorities;
  guint n, i;

  atlas_panel_clear_list (self->list);
  if (dataset == NULL)
    return;

  priorities = atlas_dataset_get_priorities (dataset, &n);
  for (i = 0; i < n; i++)
    if (priorities[i].partnership == NULL)
      gtk_list_box_append (GTK_LIST_BOX (self->list), build_row (&priorities[i]));

  if (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0) == NULL)
    {
      GtkWidget *row = atlas_panel_row (_("Not recorded"), NULL);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

static void
selection_changed_cb (AtlasPrioritiesPage *self)
{
  const AtlasPriority *priority = atlas_selection_get_priority (self->selection);

  atlas_panel_clear (self->details);
  gtk_widget_set_visible (self->details, priority != NULL);
  if (priority != NULL)
    {
      show_priority (self, priority);
      atlas_panel_scroll_to_top (self->scrolled);
    }

  atlas_panel_mark_current (self->list, priority != NULL ? priority->id : NULL);
}

static void
dataset_changed_cb (AtlasPrioritiesPage *self)
{
  rebuild_list (self);
  selection_changed_cb (self);
}

static void
row_activated_cb (AtlasPrioritiesPage *self,
                  GtkListBoxRow       *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "atlas-id");

  /* Expander rows expand on activation; plain rows select their priority. */
  if (id != NULL && !ADW_IS_EXPANDER_ROW (row))
    atlas_selection_select (self->selection, ATLAS_SELECTION_PRIORITY, id);
}

static void
atlas_priorities_page_dispose (GObject *object)
{
  AtlasPrioritiesPage *self = ATLAS_PRIORITIES_PAGE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_priorities_page_parent_class)->dispose (object);
}

static void
atlas_priorities_page_class_init (AtlasPrioritiesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_priorities_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_priorities_page_init (AtlasPrioritiesPage *self)
{
  GtkWidget *content;

  self->scrolled = atlas_panel_scrolled (&content);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_visible (self->details, FALSE);
  gtk_box_append (GTK_BOX (content), self->details);

  gtk_box_append (GTK_BOX (content), atlas_panel_label (_("The system’s priorities"), "heading"));
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (content), self->list);
}

GtkWidget *
atlas_priorities_page_new (AtlasSelection *selection)
{
  AtlasPrioritiesPage *self;

  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  self = g_object_new (ATLAS_TYPE_PRIORITIES_PAGE, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "notify::dataset", G_CALLBACK (dataset_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  dataset_changed_cb (self);

  return GTK_WIDGET (self);
}
