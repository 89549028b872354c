/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-districts-page.h"
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
  g_autofree char *number = g_strdup_printf ("%.1f", value->value);
  const char *unit = indicator->unit != NULL ? indicator->unit : "";
  const char *space = (unit[0] == '\0' || g_str_equal (unit, "%")) ? "" : " ";

  if (indicator->period != NULL)
    /* TRANSLATORS: an indicator's value, unit and period: "20.1% (2019-20)" */
    return g_strdup_printf (_("%s%s%s (%s)"), number, space, unit, indicator->period);
  return g_strdup_printf ("%s%s%s", number, space, unit);
}

static GtkWidget *
build_indicators (AtlasDataset        *dataset,
                  const AtlasDistrict *district,
                  GPtrArray           *sources)
{
  const AtlasIndicator *indicators;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  guint n, i, j;

  indicators = atlas_dataset_get_indicators (dataset, &n);
  for (i = 0; i < n; i++)
    for (j = 0; j < indicators[i].n_values; j++)
      {
        const AtlasIndicatorValue *value = &indicators[i].values[j];
        g_autofree char *text = NULL;
        GtkWidget *item;

        if (!has_district (value->districts, value->n_districts, district))
          continue;

        text = format_value (&indicators[i], value);
        item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        gtk_box_append (GTK_BOX (item), atlas_panel_label (text, "title-4"));
        if (value->area != NULL && g_strcmp0 (value->area, district->name) != 0)
          {
            g_autofree char *area = g_strdup_printf (_("Figure for %s"), value->area);

            gtk_box_append (GTK_BOX (item), atlas_panel_label (area, NULL));
          }
        if (indicators[i].note != NULL)
          gtk_box_append (GTK_BOX (item), atlas_panel_label (indicators[i].note, "dim-label"));
        gtk_box_append (GTK_BOX (box), atlas_panel_field_with (indicators[i].title, item));
        atlas_panel_add_source (sources, indicators[i].source);
        break;
      }

  if (gtk_widget_get_first_child (box) == NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_not_recorded ());

  return atlas_panel_field_with (_("Indicators"), box);
}

/* Trusts with a site in the district, and the sites themselves. */
static void
append_sites (AtlasSelection      *selection,
              GtkWidget           *box,
              AtlasDataset        *dataset,
              const AtlasDistrict *district,
              GPtrArray           *sources)
{
  const AtlasSite *sites;
  g_autoptr(GPtrArray) trusts = g_ptr_array_new ();
  GtkWidget *trust_links = atlas_panel_link_box ();
  GtkWidget *site_links = atlas_panel_link_box ();
  guint n, i;

  sites = atlas_dataset_get_sites (dataset, &n);
  for (i = 0; i < n; i++)
    {
      if (sites[i].district != district)
        continue;
      atlas_panel_link_box_add (site_links, selection, ATLAS_SELECTION_SITE,
                                sites[i].id, sites[i].name);
      atlas_panel_add_source (sources, sites[i].source);
      if (sites[i].trust != NULL && !g_ptr_array_find (trusts, sites[i].trust, NULL))
        {
          g_ptr_array_add (trusts, (gpointer) sites[i].trust);
          atlas_panel_link_box_add (trust_links, selection, ATLAS_SELECTION_TRUST,
                                    sites[i].trust->id, sites[i].trust->name);
        }
    }

  gtk_box_append (GTK_BOX (box),
                  atlas_panel_field_with (_("Trusts with sites here"),
                                          atlas_panel_link_box_finish (trust_links,
                                                                       _("None recorded"))));
  gtk_box_append (GTK_BOX (box),
                  atlas_panel_field_with (_("Sites"),
                                          atlas_panel_link_box_finish (site_links,
                                                                       _("None recorded"))));
}

static void
append_partnerships (AtlasSelection      *selection,
                     GtkWidget           *box,
                     AtlasDataset        *dataset,
                     const AtlasDistrict *district,
                     GPtrArray           *sources)
{
  const AtlasPartnership *partnerships;
  GtkWidget *place = atlas_panel_link_box ();
  GtkWidget *others = atlas_panel_link_box ();
  GtkWidget *priorities;
  guint n, i;

  if (district->partnership != NULL)
    {
      atlas_panel_link_box_add (place, selection, ATLAS_SELECTION_PARTNERSHIP,
                                district->partnership->id, district->partnership->name);
      atlas_panel_add_source (sources, district->partnership->source);
    }
  gtk_box_append (GTK_BOX (box),
                  atlas_panel_field_with (_("Partnership"),
                                          atlas_panel_link_box_finish (place, NULL)));

  partnerships = atlas_dataset_get_partnerships (dataset, &n);
  for (i = 0; i < n; i++)
    if (&partnerships[i] != district->partnership
        && has_district (partnerships[i].districts, partnerships[i].n_districts, district))
      atlas_panel_link_box_add (others, selection, ATLAS_SELECTION_PARTNERSHIP,
                                partnerships[i].id, partnerships[i].name);
  if (gtk_widget_get_first_child (others) != NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_field_with (_("Also part of"), others));
  else
    g_object_unref (g_object_ref_sink (others));

  priorities = atlas_panel_priorities_of (selection, district->partnership);
  if (priorities != NULL)
    {
      g_autofree char *caption = g_strdup_printf (_("Priorities of %s"),
                                                  district->partnership->short_name != NULL
                                                  ? district->partnership->short_name
                                                  : district->partnership->name);

      gtk_box_append (GTK_BOX (box), atlas_panel_field_with (caption, priorities));
    }
}

static void
append_updates (AtlasSelection      *selection,
                GtkWidget           *box,
                AtlasDataset        *dataset,
                const AtlasDistrict *district,
                GPtrArray           *sources)
{
  const AtlasUpdate *updates;
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
      atlas_panel_link_box_add (links, selection, ATLAS_SELECTION_UPDATE,
                                updates[i].id, text);
      atlas_panel_add_source (sources, updates[i].source);
    }

  gtk_box_append (GTK_BOX (box),
                  atlas_panel_field_with (_("Updates"),
                                          atlas_panel_link_box_finish (links, _("None recorded"))));
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
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();

  if (kind != ATLAS_SELECTION_DISTRICT)
    return FALSE;

  atlas_panel_add_source (sources, district->source);
  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (district->name, "title-2", 4));
  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Council"), district->council));
  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("County"), district->county));
  append_partnerships (selection, box, dataset, district, sources);
  append_sites (selection, box, dataset, district, sources);
  gtk_box_append (GTK_BOX (box), build_indicators (dataset, district, sources));
  append_updates (selection, box, dataset, district, sources);
  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("ONS code"), district->code));
  gtk_box_append (GTK_BOX (box), atlas_panel_sources (dataset, sources));
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
atlas_districts_page_class_init (AtlasDistrictsPageClass *klass)
{
  AtlasListPageClass *page_class = ATLAS_LIST_PAGE_CLASS (klass);

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
