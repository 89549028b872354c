/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-choropleth.h"
#include "atlas-districts-page.h"
#include "atlas-map-state.h"
#include "atlas-panel-util.h"

struct _AtlasDistrictsPage
{
  AtlasListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasDistrictsPage, atlas_districts_page, ATLAS_TYPE_LIST_PAGE)

static gboolean
has_district (const AtlasDistrict * const *districts,
              guint                        n,
              const AtlasDistrict         *district)
{
  guint i;

  for (i = 0; i < n; i++)
    if (districts[i] == district)
      return TRUE;
  return FALSE;
}

static char *
format_value (const AtlasIndicator      *indicator,
              const AtlasIndicatorValue *value)
{
  /* One decimal, as the sources give them: "30.0", not "30". */
  g_autofree char *number = atlas_format_number (value->value, 1);
  const char *unit = indicator->unit != NULL ? indicator->unit : "";
  const char *space = (unit[0] == '\0' || g_str_equal (unit, "%")) ? "" : " ";

  if (indicator->period != NULL)
    /* TRANSLATORS: an indicator's value, unit and period: "20.1% (2019-20)" */
    return g_strdup_printf (_("%s%s%s (%s)"), number, space, unit, indicator->period);
  return g_strdup_printf ("%s%s%s", number, space, unit);
}

static GtkWidget *
build_indicators (AtlasDataset        *dataset,
                  const AtlasDistrict *district)
{
  const AtlasIndicator *indicators;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  guint n, i, j;

  indicators = atlas_dataset_get_indicators (dataset, &n);
  for (i = 0; i < n; i++)
    for (j = 0; j < indicators[i].n_values; j++)
      {
        const AtlasIndicator *indicator = &indicators[i];
        const AtlasIndicatorValue *value = &indicator->values[j];
        g_autoptr(GPtrArray) sources = g_ptr_array_new ();
        g_autofree char *text = NULL;
        GtkWidget *item;

        if (!has_district (value->districts, value->n_districts, district))
          continue;

        text = format_value (indicator, value);
        item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        gtk_box_append (GTK_BOX (item), atlas_panel_label (text, "title-4"));
        if (value->area != NULL && g_strcmp0 (value->area, district->name) != 0)
          {
            g_autofree char *area = g_strdup_printf (_("Figure for %s"), value->area);

            gtk_box_append (GTK_BOX (item), atlas_panel_label (area, NULL));
          }
        atlas_panel_add_source (sources, ATLAS_RECORD_FIELD_SOURCE (indicator, "values"));
        if (indicator->note != NULL)
          {
            gtk_box_append (GTK_BOX (item), atlas_panel_label (indicator->note, "dim-label"));
            atlas_panel_add_source (sources, ATLAS_RECORD_FIELD_SOURCE (indicator, "note"));
          }
        gtk_box_append (GTK_BOX (item), atlas_panel_sources_label (dataset, sources));
        gtk_box_append (GTK_BOX (box), atlas_panel_field_with (indicator->title, item));
        break;
      }

  if (gtk_widget_get_first_child (box) == NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_not_recorded ());

  return atlas_panel_field_with (_("Indicators"), box);
}

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

/* A list of links as one fact, with the sources of its entries below; empty_text when there
 * is no entry. */
static GtkWidget *
links_fact (const char   *caption,
            GtkWidget    *links,
            const char   *empty_text,
            AtlasDataset *dataset,
            GPtrArray    *sources)
{
  GtkWidget *box;

  if (gtk_widget_get_first_child (links) == NULL)
    return atlas_panel_field_with (caption, atlas_panel_link_box_finish (links, empty_text));
  box = atlas_panel_field_with (caption, links);
  gtk_box_append (GTK_BOX (box), atlas_panel_sources_label (dataset, sources));
  return box;
}

/* Trusts with a site in the district, and the sites themselves. */
static void
append_sites (AtlasSelection      *selection,
              GtkWidget           *box,
              AtlasDataset        *dataset,
              const AtlasDistrict *district)
{
  const AtlasSite *sites;
  g_autoptr(GPtrArray) trusts = g_ptr_array_new ();
  g_autoptr(GPtrArray) trust_sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) site_sources = g_ptr_array_new ();
  GtkWidget *trust_links = atlas_panel_link_box ();
  GtkWidget *site_links = atlas_panel_link_box ();
  guint n, i;

  sites = atlas_dataset_get_sites (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasSite *site = &sites[i];

      if (site->district != district)
        continue;
      atlas_panel_link_box_add (site_links, selection, ATLAS_SELECTION_SITE, site->id, site->name);
      atlas_panel_add_source (site_sources, ATLAS_RECORD_FIELD_SOURCE (site, "district"));
      if (site->trust == NULL)
        continue;
      /* That a trust has a site here rests on the site's trust and on where the site is. */
      atlas_panel_add_source (trust_sources, ATLAS_RECORD_FIELD_SOURCE (site, "trust"));
      atlas_panel_add_source (trust_sources, ATLAS_RECORD_FIELD_SOURCE (site, "district"));
      if (!g_ptr_array_find (trusts, site->trust, NULL))
        {
          g_ptr_array_add (trusts, (gpointer) site->trust);
          atlas_panel_link_box_add (trust_links, selection, ATLAS_SELECTION_TRUST,
                                    site->trust->id, site->trust->name);
        }
    }

  gtk_box_append (GTK_BOX (box), links_fact (_("Trusts with sites here"), trust_links,
                                             _("None recorded"), dataset, trust_sources));
  gtk_box_append (GTK_BOX (box), links_fact (_("Sites"), site_links, _("None recorded"),
                                             dataset, site_sources));
}

static void
append_partnerships (AtlasSelection      *selection,
                     GtkWidget           *box,
                     AtlasDataset        *dataset,
                     const AtlasDistrict *district)
{
  const AtlasPartnership *partnerships;
  const AtlasPartnership *place = district->partnership;
  g_autoptr(GPtrArray) place_sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) other_sources = g_ptr_array_new ();
  GtkWidget *place_links = atlas_panel_link_box ();
  GtkWidget *others = atlas_panel_link_box ();
  GtkWidget *priorities;
  guint n, i;

  if (place != NULL)
    {
      atlas_panel_link_box_add (place_links, selection, ATLAS_SELECTION_PARTNERSHIP, place->id,
                                place->name);
      atlas_panel_add_source (place_sources, ATLAS_RECORD_FIELD_SOURCE (place, "districts"));
    }
  gtk_box_append (GTK_BOX (box), links_fact (_("Partnership"), place_links, _("Not recorded"),
                                             dataset, place_sources));

  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  for (i = 0; i < n; i++)
    if (&partnerships[i] != place
        && has_district (partnerships[i].districts, partnerships[i].n_districts, district))
      {
        atlas_panel_link_box_add (others, selection, ATLAS_SELECTION_PARTNERSHIP,
                                  partnerships[i].id, partnerships[i].name);
        atlas_panel_add_source (other_sources,
                                ATLAS_RECORD_FIELD_SOURCE (&partnerships[i], "districts"));
      }
  if (gtk_widget_get_first_child (others) != NULL)
    gtk_box_append (GTK_BOX (box), links_fact (_("Also part of"), others, NULL, dataset,
                                               other_sources));
  else
    g_object_unref (g_object_ref_sink (others));

  priorities = atlas_panel_priorities_of (selection, place);
  if (priorities != NULL)
    {
      g_autofree char *caption = g_strdup_printf (_("Priorities of %s"),
                                                  place->short_name != NULL ? place->short_name
                                                                            : place->name);

      gtk_box_append (GTK_BOX (box), atlas_panel_field_with (caption, priorities));
    }
}

static void
append_updates (AtlasSelection      *selection,
                GtkWidget           *box,
                AtlasDataset        *dataset,
                const AtlasDistrict *district)
{
  const AtlasUpdate *updates;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  GtkWidget *links = atlas_panel_link_box ();
  guint n, i;

  updates = atlas_dataset_get_updates (dataset, &n);
  for (i = 0; i < n; i++)
    {
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;

      if (!has_district (updates[i].districts, updates[i].n_districts, district))
        continue;
      date = atlas_panel_format_date (updates[i].date);
      text = g_strdup_printf ("%s — %s", date, updates[i].title);
      atlas_panel_link_box_add (links, selection, ATLAS_SELECTION_UPDATE, updates[i].id, text);
      atlas_panel_add_source (sources, ATLAS_RECORD_FIELD_SOURCE (&updates[i], "districts"));
    }

  gtk_box_append (GTK_BOX (box), links_fact (_("Updates"), links, _("None recorded"), dataset,
                                             sources));
}

/* The ONS code, with where it comes from and where the boundary it links to comes from. */
static GtkWidget *
build_code (AtlasDataset        *dataset,
            const AtlasDistrict *district)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  GtkWidget *box = atlas_panel_field (_("ONS code"), district->code);
  const char *boundaries = atlas_dataset_get_boundary_source (dataset);

  atlas_panel_add_source (sources, ATLAS_RECORD_FIELD_SOURCE (district, "code"));
  atlas_panel_add_source (sources, boundaries);
  gtk_box_append (GTK_BOX (box), atlas_panel_sources_label (dataset, sources));
  return box;
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
  GtkWidget *user_values;

  if (kind != ATLAS_SELECTION_DISTRICT)
    return FALSE;

  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (district->name, "title-2", 4));
  atlas_panel_append_fact (box, _("Council"), district->council, TRUE, dataset,
                           ATLAS_RECORD_FIELD_SOURCE (district, "council"));
  atlas_panel_append_fact (box, _("County"), district->county, TRUE, dataset,
                           ATLAS_RECORD_FIELD_SOURCE (district, "county"));
  append_partnerships (selection, box, dataset, district);
  append_sites (selection, box, dataset, district);
  gtk_box_append (GTK_BOX (box), build_indicators (dataset, district));
  if ((user_values = build_user_values (selection, district)) != NULL)
    gtk_box_append (GTK_BOX (box), user_values);
  append_updates (selection, box, dataset, district);
  gtk_box_append (GTK_BOX (box), build_code (dataset, district));
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

/* A planner's layers change what a district's details show. */
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
