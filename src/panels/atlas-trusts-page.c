/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-choropleth.h"
#include "atlas-panel-util.h"
#include "atlas-trusts-page.h"

struct _AtlasTrustsPage
{
  AtlasListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasTrustsPage, atlas_trusts_page, ATLAS_TYPE_LIST_PAGE)

static const char *
describe_site_kind (AtlasSiteKind kind)
{
  switch (kind)
    {
    case ATLAS_SITE_ACUTE: return _("Acute hospital");
    case ATLAS_SITE_LOCAL: return _("Local hospital");
    case ATLAS_SITE_OTHER:
    default: return _("Other site");
    }
}

/* A link to one record as a fact, with its source; "Not recorded" without a record. */
static GtkWidget *
link_fact (AtlasSelection     *selection,
           const char         *caption,
           AtlasSelectionKind  kind,
           const char         *id,
           const char         *text,
           const char         *source_id)
{
  GtkWidget *links = atlas_panel_link_box ();

  if (id == NULL)
    return atlas_panel_field (caption, NULL);
  atlas_panel_link_box_add (links, selection, kind, id, text);
  return atlas_panel_fact (caption, links, atlas_selection_get_dataset (selection), source_id);
}

static void
show_trust (AtlasSelection   *selection,
            GtkWidget        *box,
            const AtlasTrust *trust)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (selection);
  g_autoptr(GPtrArray) site_sources = g_ptr_array_new ();
  GtkWidget *sites = atlas_panel_link_box ();
  const AtlasSite *all_sites;
  guint n, i;

  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (trust->name, "title-2", 4));
  gtk_box_append (GTK_BOX (box),
                  atlas_panel_source_label (dataset, ATLAS_RECORD_FIELD_SOURCE (trust, "name")));
  atlas_panel_append_fact (box, _("Short name"), trust->short_name, FALSE, dataset,
                           ATLAS_RECORD_FIELD_SOURCE (trust, "short_name"));
  atlas_panel_append_fact (box, _("Kind"), trust->kind, TRUE, dataset,
                           ATLAS_RECORD_FIELD_SOURCE (trust, "kind"));
  atlas_panel_append_fact (box, _("Main area"), trust->area, TRUE, dataset,
                           ATLAS_RECORD_FIELD_SOURCE (trust, "area"));

  all_sites = atlas_dataset_get_sites (dataset, &n);
  for (i = 0; i < n; i++)
    if (all_sites[i].trust == trust)
      {
        atlas_panel_link_box_add (sites, selection, ATLAS_SELECTION_SITE,
                                  all_sites[i].id, all_sites[i].name);
        atlas_panel_add_source (site_sources, ATLAS_RECORD_FIELD_SOURCE (&all_sites[i], "trust"));
      }
  if (gtk_widget_get_first_child (sites) != NULL)
    {
      GtkWidget *field = atlas_panel_field_with (_("Sites"), sites);

      gtk_box_append (GTK_BOX (field), atlas_panel_sources_label (dataset, site_sources));
      gtk_box_append (GTK_BOX (box), field);
    }
  else
    gtk_box_append (GTK_BOX (box),
                    atlas_panel_field_with (_("Sites"),
                                            atlas_panel_link_box_finish (sites,
                                                                         _("None recorded"))));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

static void
show_site (AtlasSelection  *selection,
           GtkWidget       *box,
           const AtlasSite *site)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (selection);
  g_autofree char *lat = atlas_format_number (site->lat, 4);
  g_autofree char *lon = atlas_format_number (site->lon, 4);
  /* TRANSLATORS: a site's latitude and longitude, "51.6497, -0.4011"; where the decimal
   * separator is a comma, separate them otherwise ("51,6497; -0,4011"). */
  g_autofree char *location = g_strdup_printf (_("%s, %s"), lat, lon);
  g_autoptr(GPtrArray) location_sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) name_sources = g_ptr_array_new ();

  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (site->name, "title-2", 4));
  gtk_box_append (GTK_BOX (box), atlas_panel_label (describe_site_kind (site->kind),
                                                    "dim-label"));
  atlas_panel_add_source (name_sources, ATLAS_RECORD_FIELD_SOURCE (site, "name"));
  atlas_panel_add_source (name_sources, ATLAS_RECORD_FIELD_SOURCE (site, "kind"));
  gtk_box_append (GTK_BOX (box), atlas_panel_sources_label (dataset, name_sources));
  atlas_panel_append_fact (box, _("Town"), site->town, TRUE, dataset,
                           ATLAS_RECORD_FIELD_SOURCE (site, "town"));
  gtk_box_append (GTK_BOX (box),
                  link_fact (selection, _("Trust"), ATLAS_SELECTION_TRUST,
                             site->trust != NULL ? site->trust->id : NULL,
                             site->trust != NULL ? site->trust->name : NULL,
                             ATLAS_RECORD_FIELD_SOURCE (site, "trust")));
  gtk_box_append (GTK_BOX (box),
                  link_fact (selection, _("District"), ATLAS_SELECTION_DISTRICT,
                             site->district != NULL ? site->district->id : NULL,
                             site->district != NULL ? site->district->name : NULL,
                             ATLAS_RECORD_FIELD_SOURCE (site, "district")));
  atlas_panel_add_source (location_sources, ATLAS_RECORD_FIELD_SOURCE (site, "lat"));
  atlas_panel_add_source (location_sources, ATLAS_RECORD_FIELD_SOURCE (site, "lon"));
  gtk_box_append (GTK_BOX (box),
                  atlas_panel_field_with (_("Latitude, longitude"),
                                          atlas_panel_label (location, NULL)));
  gtk_box_append (GTK_BOX (gtk_widget_get_last_child (box)),
                  atlas_panel_sources_label (dataset, location_sources));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

static gboolean
atlas_trusts_page_show_details (AtlasListPage      *page,
                                AtlasSelectionKind  kind,
                                gconstpointer       record,
                                GtkWidget          *box)
{
  AtlasSelection *selection = atlas_list_page_get_selection (page);

  if (kind == ATLAS_SELECTION_TRUST)
    show_trust (selection, box, record);
  else if (kind == ATLAS_SELECTION_SITE)
    show_site (selection, box, record);
  else
    return FALSE;
  return TRUE;
}

/* A selected site marks the trust that runs it. */
static const char *
atlas_trusts_page_current_id (AtlasListPage      *page,
                              AtlasSelectionKind  kind,
                              gconstpointer       record)
{
  const AtlasSite *site = record;

  if (kind == ATLAS_SELECTION_TRUST)
    return ((const AtlasTrust *) record)->id;
  if (kind == ATLAS_SELECTION_SITE && site->trust != NULL)
    return site->trust->id;
  return NULL;
}

static GtkWidget *
build_row (guint    i,
           gpointer dataset)
{
  const AtlasTrust *t = &atlas_dataset_get_trusts (dataset, NULL)[i];
  g_autofree char *subtitle = t->short_name != NULL
                              ? g_strdup_printf ("%s · %s", t->short_name, t->kind)
                              : g_strdup (t->kind);
  GtkWidget *row = atlas_panel_row (t->name, subtitle);

  atlas_panel_set_id (row, t->id);
  return row;
}

static void
atlas_trusts_page_rebuild_list (AtlasListPage *page,
                                AtlasDataset  *dataset,
                                GtkWidget     *list)
{
  guint n;

  if (dataset == NULL)
    return;

  atlas_dataset_get_trusts (dataset, &n);
  atlas_panel_fill_lazily (list, n, build_row, g_object_ref (dataset), g_object_unref);
}

static void
atlas_trusts_page_class_init (AtlasTrustsPageClass *klass)
{
  AtlasListPageClass *page_class = ATLAS_LIST_PAGE_CLASS (klass);

  page_class->kind = ATLAS_SELECTION_TRUST;
  page_class->heading = N_("All trusts");
  page_class->rebuild_list = atlas_trusts_page_rebuild_list;
  page_class->show_details = atlas_trusts_page_show_details;
  page_class->current_id = atlas_trusts_page_current_id;
}

static void
atlas_trusts_page_init (AtlasTrustsPage *self)
{
}

GtkWidget *
atlas_trusts_page_new (AtlasSelection *selection)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  return g_object_new (ATLAS_TYPE_TRUSTS_PAGE, "selection", selection, NULL);
}
