/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-data-dialog.h"
#include "atlas-window-test-private.h"

/* The unmatched rows listed one by one, at most; then how many more. */
#define MAX_UNMATCHED_ROWS 200

typedef enum {
  METHOD_QUANTILE,
  METHOD_EQUAL,
  METHOD_JENKS,
  METHOD_CATEGORIES,
} MethodChoice;

struct _AtlasDataDialog
{
  AdwWindow parent_instance;

  /* template children */
  AdwComboRow *layer_row;
  AdwActionRow *file_row;
  GtkLabel *error_label;
  GtkWidget *values_group;
  AdwComboRow *column_row;
  AdwComboRow *method_row;
  GtkWidget *classes_row;
  GtkSpinButton *classes_spin;
  AdwComboRow *palette_row;
  GtkWidget *warning_box;
  GtkLabel *warning_label;
  GtkWidget *unmatched_group;
  AdwExpanderRow *unmatched_row;
  GtkWidget *points_group;
  AdwComboRow *colour_row;
  AdwComboRow *shape_row;

  AtlasWindow *window;           /* weak */
  char *layer_id;                /* the layer shown */
  GPtrArray *layer_ids;          /* the layer row's, in order */
  GArray *columns;               /* int: the column row's table columns */
  GPtrArray *unmatched;          /* the expander's rows */
  AtlasTable *filled_for;        /* the file the column and method rows list (not a ref) */
  gboolean updating;             /* rows being filled: their changes are no choice */
  guint apply_id;                /* a choice to apply, once the row's signal is over */
};

G_DEFINE_FINAL_TYPE (AtlasDataDialog, atlas_data_dialog, ADW_TYPE_WINDOW)

/* The words for the colours of point layers, in atlas_point_layer_get_colours () order. */
static const char * const colour_names[] = {
  N_("Black"), N_("Purple"), N_("Pink"), N_("Sky blue"), N_("Orange"), N_("Green"), N_("Blue"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (colour_names) == 7);

static const char * const shape_names[ATLAS_POINT_N_SHAPES] = {
  N_("Circle"), N_("Square"), N_("Triangle"), N_("Diamond"),
};

static AtlasMapState *
get_state (AtlasDataDialog *self)
{
  return self->window != NULL ? _atlas_window_get_state (self->window) : NULL;
}

static AtlasUserLayer *
get_layer (AtlasDataDialog *self)
{
  AtlasMapState *state = get_state (self);

  return state != NULL ? atlas_map_state_find_layer (state, self->layer_id) : NULL;
}

static void
set_strings (AdwComboRow        *row,
             const char * const *strings,
             guint               n,
             gboolean            translate)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, translate ? _(strings[i]) : strings[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

/* "Classes 2 and 3 look alike in greyscale print.", one sentence per way of seeing. */
static char *
describe_conflicts (const AtlasColourConflict *conflicts,
                    guint                      n_conflicts,
                    guint                      n_classes)
{
  static const char * const seen[ATLAS_VISION_N] = {
    [ATLAS_VISION_PROTANOPIA] = N_("to readers with protanopia (red-blind)"),
    [ATLAS_VISION_DEUTERANOPIA] = N_("to readers with deuteranopia (green-blind)"),
    [ATLAS_VISION_TRITANOPIA] = N_("to readers with tritanopia (blue-blind)"),
    [ATLAS_VISION_GREYSCALE] = N_("in greyscale print"),
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_conflicts; i++)
    {
      const AtlasColourConflict *c = &conflicts[i];

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (c->second >= n_classes)
        /* TRANSLATORS: e.g. “Class 1 and the grey of districts with no figure look alike in
         * greyscale print.” */
        g_string_append_printf (text, _("Class %u and the grey of districts with no figure "
                                        "look alike %s."), c->first + 1, _(seen[c->vision]));
      else
        /* TRANSLATORS: e.g. “Classes 2 and 3 look alike to readers with deuteranopia
         * (green-blind).” */
        g_string_append_printf (text, _("Classes %u and %u look alike %s."), c->first + 1,
                                c->second + 1, _(seen[c->vision]));
    }
  return g_string_free (text, FALSE);
}

static void
show_warning (AtlasDataDialog *self,
              AtlasChoropleth *choropleth)
{
  AtlasColourConflict conflicts[ATLAS_VISION_N];
  g_autofree char *text = NULL;
  guint n_classes, n = 0;

  if (choropleth != NULL)
    {
      atlas_choropleth_get_classes (choropleth, &n_classes);
      n = atlas_choropleth_check_colours (choropleth,
                                          atlas_map_state_get_theme (get_state (self)),
                                          conflicts);
    }
  if (n > 0)
    {
      text = describe_conflicts (conflicts, n, n_classes);
      gtk_label_set_text (self->warning_label, text);
    }
  gtk_widget_set_visible (self->warning_box, n > 0);
}

static void
clear_unmatched (AtlasDataDialog *self)
{
  for (guint i = 0; i < self->unmatched->len; i++)
    adw_expander_row_remove (self->unmatched_row, self->unmatched->pdata[i]);
  g_ptr_array_set_size (self->unmatched, 0);
}

static void
add_unmatched_line (AtlasDataDialog *self,
                    const char      *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  /* A row of our own around it: the expander removes only rows it was given. */
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  adw_expander_row_add_row (self->unmatched_row, row);
  g_ptr_array_add (self->unmatched, row);
}

static void
show_unmatched (AtlasDataDialog *self,
                AtlasAreaValues *values)
{
  g_autofree char *title = NULL;
  guint n = 0;

  clear_unmatched (self);
  if (values != NULL)
    atlas_area_values_get_unmatched (values, &n);
  gtk_widget_set_visible (self->unmatched_group, n > 0);
  if (n == 0)
    return;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row not matched to a district",
                                        "%u rows not matched to a district", n), n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unmatched_row), title);
  for (guint i = 0; i < n && i < MAX_UNMATCHED_ROWS; i++)
    {
      g_autofree char *line = atlas_area_values_format_unmatched (values, i);

      add_unmatched_line (self, line);
    }
  if (n > MAX_UNMATCHED_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("and %u more"), n - MAX_UNMATCHED_ROWS);

      add_unmatched_line (self, more);
    }
}

/* The columns a planner can take figures from: all but the areas'. */
static void
fill_columns (AtlasDataDialog *self,
              AtlasAreaValues *values)
{
  AtlasTable *table = atlas_area_values_get_table (values);
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();

  g_array_set_size (self->columns, 0);
  for (guint c = 0; c < atlas_table_get_n_columns (table); c++)
    {
      int column = c;

      if (atlas_area_values_is_area_column (values, column))
        continue;
      g_array_append_val (self->columns, column);
      g_ptr_array_add (headers, (gpointer) atlas_table_get_column_name (table, c));
    }
  set_strings (self->column_row, (const char * const *) headers->pdata, headers->len, FALSE);
  /* A Fingertips download's figures are its "Value" column. */
  gtk_widget_set_visible (GTK_WIDGET (self->column_row), !atlas_area_values_is_fingertips (values));
}

static void
fill_values (AtlasDataDialog            *self,
             AtlasUserLayer             *layer,
             const AtlasLayerDefinition *definition)
{
  AtlasChoropleth *choropleth = atlas_user_layer_get_choropleth (layer);
  AtlasAreaValues *values = atlas_user_layer_get_values (layer);
  static const char * const methods[] = {
    N_("Quantiles"), N_("Equal intervals"), N_("Natural breaks (Jenks)"),
    N_("Comparison"),
  };
  const AtlasPalette * const *palettes;
  guint n_palettes, n_classes, n_districts;
  MethodChoice method;

  atlas_choropleth_get_classes (choropleth, &n_classes);
  atlas_area_values_get_values (values, &n_districts);
  /* Lists are made once per file: a new list would select again while a choice is made. */
  if (self->filled_for != atlas_area_values_get_table (values))
    {
      self->filled_for = atlas_area_values_get_table (values);
      fill_columns (self, values);
      set_strings (self->method_row, methods,
                   atlas_area_values_get_category_column (values) != NULL ? 4 : 3, TRUE);
    }
  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, int, i) == atlas_area_values_get_value_column (values))
      adw_combo_row_set_selected (self->column_row, i);
  method = definition->categorical ? METHOD_CATEGORIES
           : definition->method == ATLAS_CLASSIFY_EQUAL ? METHOD_EQUAL
           : definition->method == ATLAS_CLASSIFY_JENKS ? METHOD_JENKS : METHOD_QUANTILE;
  adw_combo_row_set_selected (self->method_row, method);
  gtk_spin_button_set_value (self->classes_spin, definition->n_classes);
  gtk_widget_set_sensitive (self->classes_row, !definition->categorical);

  palettes = atlas_palette_list (&n_palettes);
  for (guint i = 0; i < n_palettes; i++)
    if (g_strcmp0 (atlas_palette_get_name (palettes[i]),
                   atlas_choropleth_get_palette_name (choropleth)) == 0)
      adw_combo_row_set_selected (self->palette_row, i);

  show_warning (self, choropleth);
  show_unmatched (self, values);
}

static void
fill_points (AtlasDataDialog            *self,
             const AtlasLayerDefinition *definition)
{
  guint n;
  const guint32 *colours = atlas_point_layer_get_colours (&n);

  for (guint i = 0; i < n; i++)
    if (colours[i] == definition->colour)
      adw_combo_row_set_selected (self->colour_row, i);
  adw_combo_row_set_selected (self->shape_row, definition->shape);
}

static char *
describe_layer (AtlasDataDialog *self,
                AtlasUserLayer  *layer)
{
  AtlasDataset *dataset = atlas_user_layer_get_dataset (layer);
  AtlasPointLayer *points = atlas_user_layer_get_point_layer (layer);
  AtlasAreaValues *values = atlas_user_layer_get_values (layer);
  guint n, n_districts;

  atlas_dataset_get_districts (dataset, &n_districts);
  if (points != NULL)
    {
      AtlasPoints *p = atlas_point_layer_get_points (points);

      atlas_points_get_places (p, &n);
      /* TRANSLATORS: “12 points, 1 outside the districts of Hertfordshire and West Essex” */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u point, %u outside the districts of %s",
                                           "%u points, %u outside the districts of %s", n),
                              n, atlas_points_get_n_outside (p),
                              atlas_dataset_get_short_name (dataset));
    }
  if (values != NULL)
    {
      atlas_area_values_get_values (values, &n);
      /* TRANSLATORS: “Physically active adults: 13 of 13 districts” */
      return g_strdup_printf (_("%s: %u of %u districts"), atlas_area_values_get_title (values),
                              n, n_districts);
    }
  return g_strdup (atlas_user_layer_get_problem (layer));
}

static void
refresh (AtlasDataDialog *self)
{
  AtlasUserLayer *layer = get_layer (self);
  const AtlasLayerDefinition *definition;
  g_autofree char *summary = NULL;
  const char *problem;

  if (layer == NULL)
    return;
  self->updating = TRUE;
  definition = atlas_user_layer_get_definition (layer);
  problem = atlas_user_layer_get_problem (layer);
  summary = describe_layer (self, layer);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), definition->name);
  adw_action_row_set_subtitle (self->file_row, problem != NULL ? "" : summary);
  gtk_label_set_text (self->error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);
  gtk_widget_set_visible (self->values_group, atlas_user_layer_get_choropleth (layer) != NULL);
  gtk_widget_set_visible (self->points_group, atlas_user_layer_get_point_layer (layer) != NULL);
  gtk_widget_set_visible (self->warning_box, FALSE);
  gtk_widget_set_visible (self->unmatched_group, FALSE);
  if (atlas_user_layer_get_choropleth (layer) != NULL)
    fill_values (self, layer, definition);
  else if (atlas_user_layer_get_point_layer (layer) != NULL)
    fill_points (self, definition);
  self->updating = FALSE;
}

/* The layer row lists the map's layers; the one shown stays selected. */
static void
fill_layers (AtlasDataDialog *self)
{
  AtlasMapState *state = get_state (self);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n = state != NULL ? atlas_map_state_get_n_layers (state) : 0, selected = 0;

  self->updating = TRUE;
  g_ptr_array_set_size (self->layer_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      AtlasUserLayer *layer = atlas_map_state_get_layer (state, i);

      g_ptr_array_add (self->layer_ids, g_strdup (atlas_user_layer_get_id (layer)));
      g_ptr_array_add (titles, (gpointer) atlas_user_layer_get_title (layer));
      if (g_strcmp0 (atlas_user_layer_get_id (layer), self->layer_id) == 0)
        selected = i;
    }
  set_strings (self->layer_row, (const char * const *) titles->pdata, titles->len, FALSE);
  adw_combo_row_set_selected (self->layer_row, selected);
  g_free (self->layer_id);
  self->layer_id = n > 0 ? g_strdup (self->layer_ids->pdata[selected]) : NULL;
  self->updating = FALSE;
}

/* The choices in the rows, as a definition. */
static AtlasLayerDefinition *
read_choices (AtlasDataDialog *self,
              AtlasUserLayer  *layer)
{
  AtlasLayerDefinition *choices = atlas_user_layer_dup_definition (layer);
  AtlasAreaValues *values = atlas_user_layer_get_values (layer);
  guint column = adw_combo_row_get_selected (self->column_row);
  guint palette = adw_combo_row_get_selected (self->palette_row);
  guint colour = adw_combo_row_get_selected (self->colour_row);
  guint n;

  if (atlas_user_layer_get_point_layer (layer) != NULL)
    {
      const guint32 *colours = atlas_point_layer_get_colours (&n);

      if (colour < n)
        choices->colour = colours[colour];
      choices->shape = MIN (adw_combo_row_get_selected (self->shape_row),
                            ATLAS_POINT_N_SHAPES - 1);
      return choices;
    }
  if (values != NULL && !atlas_area_values_is_fingertips (values) && column < self->columns->len)
    {
      g_free (choices->column);
      choices->column = g_strdup (atlas_table_get_column_name (
        atlas_area_values_get_table (values), g_array_index (self->columns, int, column)));
    }
  switch (adw_combo_row_get_selected (self->method_row))
    {
    case METHOD_EQUAL:
      choices->method = ATLAS_CLASSIFY_EQUAL;
      break;
    case METHOD_JENKS:
      choices->method = ATLAS_CLASSIFY_JENKS;
      break;
    case METHOD_QUANTILE:
    default:
      choices->method = ATLAS_CLASSIFY_QUANTILE;
      break;
    }
  choices->categorical = adw_combo_row_get_selected (self->method_row) == METHOD_CATEGORIES;
  choices->n_classes = (guint) gtk_spin_button_get_value_as_int (self->classes_spin);
  atlas_palette_list (&n);
  if (palette < n)
    {
      g_free (choices->palette);
      choices->palette = g_strdup (atlas_palette_get_name (atlas_palette_list (NULL)[palette]));
    }
  /* From figures to categories and back, each takes its own kind of colours. */
  if (choices->categorical != atlas_user_layer_get_definition (layer)->categorical)
    g_clear_pointer (&choices->palette, g_free);
  return choices;
}

static void
apply_choices (AtlasDataDialog *self)
{
  AtlasUserLayer *layer = get_layer (self);
  g_autoptr(AtlasLayerDefinition) choices = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->apply_id, g_source_remove);
  if (layer == NULL || self->window == NULL)
    return;
  choices = read_choices (self, layer);
  if (!_atlas_window_change_layer (self->window, layer, choices, &error))
    {
      /* The map stays as it was; the rows show what was asked, and why it cannot be. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  refresh (self);
}

static gboolean
apply_cb (gpointer user_data)
{
  AtlasDataDialog *self = user_data;

  self->apply_id = 0;
  apply_choices (self);
  return G_SOURCE_REMOVE;
}

/* A row changed: the choice is applied once its signal is over, since the map's change
 * refreshes the rows. */
static void
choice_changed_cb (AtlasDataDialog *self)
{
  if (self->updating || self->apply_id != 0)
    return;
  self->apply_id = g_idle_add (apply_cb, self);
}

static void
layer_selected_cb (AtlasDataDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->layer_row);

  if (self->updating || selected >= self->layer_ids->len)
    return;
  atlas_data_dialog_show_layer (self, self->layer_ids->pdata[selected]);
}

static void
state_changed_cb (AtlasDataDialog *self,
                  guint            change)
{
  if (!(change & (ATLAS_MAP_STATE_CHANGE_LAYERS | ATLAS_MAP_STATE_CHANGE_DATASET)))
    return;
  fill_layers (self);
  if (self->layer_id == NULL)
    gtk_window_close (GTK_WINDOW (self));
  else
    refresh (self);
}

static void
add_clicked_cb (AtlasDataDialog *self)
{
  if (self->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.add-data", NULL);
}

static void
remove_clicked_cb (AtlasDataDialog *self)
{
  g_autofree char *id = g_strdup (self->layer_id);

  if (self->window != NULL && id != NULL)
    _atlas_window_remove_layer (self->window, id);
}

static void
atlas_data_dialog_dispose (GObject *object)
{
  AtlasDataDialog *self = ATLAS_DATA_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_handle_id (&self->apply_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_DATA_DIALOG);

  G_OBJECT_CLASS (atlas_data_dialog_parent_class)->dispose (object);
}

static void
atlas_data_dialog_finalize (GObject *object)
{
  AtlasDataDialog *self = ATLAS_DATA_DIALOG (object);

  g_free (self->layer_id);
  g_ptr_array_unref (self->layer_ids);
  g_array_unref (self->columns);
  g_ptr_array_unref (self->unmatched);

  G_OBJECT_CLASS (atlas_data_dialog_parent_class)->finalize (object);
}

static void
atlas_data_dialog_class_init (AtlasDataDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_data_dialog_dispose;
  object_class->finalize = atlas_data_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/icsatlas/IcsAtlas/atlas-data-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, layer_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, values_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, column_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, classes_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, classes_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, palette_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, warning_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, unmatched_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, unmatched_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, points_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, colour_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasDataDialog, shape_row);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_data_dialog_init (AtlasDataDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->layer_ids = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_array_new (FALSE, FALSE, sizeof (int));
  self->unmatched = g_ptr_array_new ();

  /* The lists that are the same for every layer. */
  {
    guint n;
    const AtlasPalette * const *palettes = atlas_palette_list (&n);
    g_autoptr(GPtrArray) titles = g_ptr_array_new ();

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (titles, (gpointer) atlas_palette_get_title (palettes[i]));
    set_strings (self->palette_row, (const char * const *) titles->pdata, titles->len, TRUE);
    atlas_point_layer_get_colours (&n);
    set_strings (self->colour_row, colour_names, MIN (n, G_N_ELEMENTS (colour_names)), TRUE);
    set_strings (self->shape_row, shape_names, ATLAS_POINT_N_SHAPES, TRUE);
  }

  g_signal_connect_swapped (self->layer_row, "notify::selected", G_CALLBACK (layer_selected_cb),
                            self);
  for (GObject **row = (GObject *[]) { G_OBJECT (self->column_row), G_OBJECT (self->method_row),
                                       G_OBJECT (self->palette_row), G_OBJECT (self->colour_row),
                                       G_OBJECT (self->shape_row), NULL };
       *row != NULL; row++)
    g_signal_connect_swapped (*row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->classes_spin, "value-changed", G_CALLBACK (choice_changed_cb),
                            self);
}

AtlasDataDialog *
atlas_data_dialog_new (AtlasWindow *window)
{
  AtlasDataDialog *self;

  g_return_val_if_fail (ATLAS_IS_WINDOW (window), NULL);

  self = g_object_new (ATLAS_TYPE_DATA_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  g_signal_connect_object (_atlas_window_get_state (window), "changed",
                           G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  fill_layers (self);
  refresh (self);
  return self;
}

void
atlas_data_dialog_show_layer (AtlasDataDialog *self,
                              const char      *id)
{
  g_return_if_fail (ATLAS_IS_DATA_DIALOG (self));

  g_free (self->layer_id);
  self->layer_id = g_strdup (id);
  fill_layers (self);
  refresh (self);
}

const char *
atlas_data_dialog_get_layer_id (AtlasDataDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_DATA_DIALOG (self), NULL);
  return self->layer_id;
}

const char *
atlas_data_dialog_get_warning (AtlasDataDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_DATA_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->warning_box) ? gtk_label_get_text (self->warning_label)
                                                    : NULL;
}

const char *
atlas_data_dialog_get_error (AtlasDataDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_DATA_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_text (self->error_label) : NULL;
}

const char *
atlas_data_dialog_get_unmatched_title (AtlasDataDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_DATA_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->unmatched_group)
         ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->unmatched_row)) : NULL;
}

GStrv
atlas_data_dialog_dup_unmatched_lines (AtlasDataDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ATLAS_IS_DATA_DIALOG (self), NULL);
  for (guint i = 0; i < self->unmatched->len; i++)
    g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (
      gtk_list_box_row_get_child (self->unmatched->pdata[i]))));
  return g_strv_builder_end (builder);
}

gboolean
atlas_data_dialog_choose_palette (AtlasDataDialog *self,
                                  const char      *name)
{
  guint n;
  const AtlasPalette * const *palettes = atlas_palette_list (&n);

  g_return_val_if_fail (ATLAS_IS_DATA_DIALOG (self), FALSE);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (atlas_palette_get_name (palettes[i]), name) == 0)
      {
        adw_combo_row_set_selected (self->palette_row, i);
        apply_choices (self);
        return TRUE;
      }
  return FALSE;
}

void
atlas_data_dialog_choose_classes (AtlasDataDialog *self,
                                  guint            n_classes)
{
  g_return_if_fail (ATLAS_IS_DATA_DIALOG (self));
  gtk_spin_button_set_value (self->classes_spin, n_classes);
  apply_choices (self);
}

gboolean
atlas_data_dialog_choose_column (AtlasDataDialog *self,
                                 const char      *header)
{
  AtlasUserLayer *layer = get_layer (self);
  AtlasAreaValues *values = layer != NULL ? atlas_user_layer_get_values (layer) : NULL;

  g_return_val_if_fail (ATLAS_IS_DATA_DIALOG (self), FALSE);
  for (guint i = 0; values != NULL && i < self->columns->len; i++)
    if (g_strcmp0 (atlas_table_get_column_name (atlas_area_values_get_table (values),
                                                g_array_index (self->columns, int, i)),
                   header) == 0)
      {
        adw_combo_row_set_selected (self->column_row, i);
        apply_choices (self);
        return TRUE;
      }
  return FALSE;
}
