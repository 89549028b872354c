/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-choropleth.h"
#include "atlas-districts-page.h"
#include "atlas-map-state.h"
#include "atlas-panel-summary.h"
#include "atlas-panel-util.h"

struct _AtlasDistrictsPage
{
  AtlasListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasDistrictsPage, atlas_districts_page, ATLAS_TYPE_LIST_PAGE)

/* The district's figure in one of a planner's layers: the value and its confidence interval,
 * the period, how it compares, and the file and line it came from. NULL when the file has no
 * row for it. */
static GtkWidget *
build_user_value (AtlasUserLayer      *layer,
                  const AtlasDistrict *district)
{
  AtlasChoropleth *choropleth = atlas_user_layer_get_choropleth (layer);
  AtlasAreaValues *values = atlas_user_layer_get_values (layer);
  const AtlasChoroplethFigure *figure;
  const char *period, *comparison;
  g_autofree char *value = NULL;
  g_autofree char *source = NULL;
  GtkWidget *item;

  if (choropleth == NULL || (figure = atlas_choropleth_get_figure (choropleth, district)) == NULL
      || figure->line == 0)
    return NULL;
  item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  value = isnan (figure->value) ? g_strdup (_("No figure"))
                                : atlas_choropleth_format_value (choropleth, figure->value);
  period = atlas_choropleth_get_period (choropleth);
  if (period != NULL)
    {
      /* TRANSLATORS: a figure and the period it is for: "63.7% (2021/22)" */
      g_autofree char *with_period = g_strdup_printf (_("%s (%s)"), value, period);

      g_free (value);
      value = g_steal_pointer (&with_period);
    }
  gtk_box_append (GTK_BOX (item), atlas_panel_label (value, "title-4"));
  if (!isnan (figure->value) && !isnan (figure->lower) && !isnan (figure->upper))
    {
      g_autofree char *lower = atlas_choropleth_format_value (choropleth, figure->lower);
      g_autofree char *upper = atlas_choropleth_format_value (choropleth, figure->upper);
      /* TRANSLATORS: a figure's confidence interval: "Confidence interval: 60.8 to 66.5" */
      g_autofree char *interval = g_strdup_printf (_("Confidence interval: %s to %s"), lower,
                                                   upper);

      gtk_box_append (GTK_BOX (item), atlas_panel_label (interval, NULL));
    }
  comparison = atlas_area_values_get_category_column (values);
  if (figure->category != NULL && figure->category[0] != '\0' && comparison != NULL)
    {
      /* TRANSLATORS: how a figure compares, as the file says: "Compared to England: Similar" */
      g_autofree char *text = g_strdup_printf (_("%s: %s"), comparison, figure->category);

      gtk_box_append (GTK_BOX (item), atlas_panel_label (text, NULL));
    }
  if (figure->area != NULL && g_strcmp0 (figure->area, district->name) != 0)
    {
      g_autofree char *area = g_strdup_printf (_("Figure for %s"), figure->area);

      gtk_box_append (GTK_BOX (item), atlas_panel_label (area, NULL));
    }
  /* TRANSLATORS: where a planner's figure comes from: "Source: data.csv, line 31" */
  source = g_strdup_printf (_("Source: %s, line %u"), atlas_choropleth_get_source (choropleth),
                            figure->line);
  gtk_box_append (GTK_BOX (item), atlas_panel_label (source, "dim-label"));
  return atlas_panel_field_with (atlas_choropleth_get_title (choropleth), item);
}

/* The figures of the layers a planner added to the map, or NULL when none has the district. */
static GtkWidget *
build_user_values (AtlasSelection      *selection,
                   const AtlasDistrict *district)
{
  AtlasMapState *state = atlas_map_state_for_selection (selection);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  guint n = state != NULL ? atlas_map_state_get_n_layers (state) : 0;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *item = build_user_value (atlas_map_state_get_layer (state, i), district);

      if (item != NULL)
        gtk_box_append (GTK_BOX (box), item);
    }
  if (gtk_widget_get_first_child (box) == NULL)
    {
      g_object_ref_sink (box);
      g_object_unref (box);
      return NULL;
    }
  return atlas_panel_field_with (_("Your data"), box);
}

static gboolean
atlas_districts_page_show_details (AtlasListPage      *page,
                                   AtlasSelectionKind  kind,
                                   gconstpointer       record,
                                   GtkWidget          *box)
{
  AtlasSelection *selection = atlas_list_page_get_selection (page);
  AtlasDataset *dataset = atlas_selection_get_dataset (selection);
  const AtlasDistrict *district = record;
  g_autoptr(AtlasRecordSummary) summary = NULL;
  GtkWidget *user_values;

  if (kind != ATLAS_SELECTION_DISTRICT)
    return FALSE;

  summary = atlas_record_summary_new (dataset, kind, district);
  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (district->name, "title-2", 4));
  atlas_panel_append_summary (box, selection, summary);
  if ((user_values = build_user_values (selection, district)) != NULL)
    gtk_box_append (GTK_BOX (box), user_values);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  return TRUE;
}

static GtkWidget *
build_row (guint    i,
           gpointer dataset)
{
  const AtlasDistrict *d = &atlas_dataset_get_districts (dataset, NULL)[i];
  const char *subtitle = d->partnership != NULL
                         ? (d->partnership->short_name != NULL ? d->partnership->short_name
                                                               : d->partnership->name)
                         : d->county;
  GtkWidget *row = atlas_panel_row (d->name, subtitle);

  atlas_panel_set_id (row, d->id);
  return row;
}

static void
atlas_districts_page_rebuild_list (AtlasListPage *page,
                                   AtlasDataset  *dataset,
                                   GtkWidget     *list)
{
  guint n;

  if (dataset == NULL)
    return;

  atlas_dataset_get_districts (dataset, &n);
  atlas_panel_fill_lazily (list, n, build_row, g_object_ref (dataset), g_object_unref);
}

static void
state_changed_cb (AtlasListPage *page,
                  guint          change)
{
  if ((change & ATLAS_MAP_STATE_CHANGE_LAYERS)
      && atlas_selection_get_kind (atlas_list_page_get_selection (page))
         == ATLAS_SELECTION_DISTRICT)
    atlas_list_page_refresh_details (page);
}

static void
atlas_districts_page_constructed (GObject *object)
{
  AtlasMapState *state;

  G_OBJECT_CLASS (atlas_districts_page_parent_class)->constructed (object);

  state = atlas_map_state_for_selection (atlas_list_page_get_selection (ATLAS_LIST_PAGE (object)));
  if (state != NULL)
    g_signal_connect_object (state, "changed", G_CALLBACK (state_changed_cb), object,
                             G_CONNECT_SWAPPED);
}

static void
atlas_districts_page_class_init (AtlasDistrictsPageClass *klass)
{
  AtlasListPageClass *page_class = ATLAS_LIST_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = atlas_districts_page_constructed;

  page_class->kind = ATLAS_SELECTION_DISTRICT;
  page_class->heading = N_("All districts");
  page_class->rebuild_list = atlas_districts_page_rebuild_list;
  page_class->show_details = atlas_districts_page_show_details;
}

static void
atlas_districts_page_init (AtlasDistrictsPage *self)
{
}

GtkWidget *
atlas_districts_page_new (AtlasSelection *selection)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  return g_object_new (ATLAS_TYPE_DISTRICTS_PAGE, "selection", selection, NULL);
}
