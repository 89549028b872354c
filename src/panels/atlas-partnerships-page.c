/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-util.h"
#include "atlas-partnerships-page.h"

struct _AtlasPartnershipsPage
{
  AtlasListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasPartnershipsPage, atlas_partnerships_page, ATLAS_TYPE_LIST_PAGE)

static const char *
describe_kind (AtlasPartnershipKind kind)
{
  return kind == ATLAS_PARTNERSHIP_PLACE ? _("Place partnership") : _("Thematic partnership");
}

static GtkWidget *
build_facts (AtlasDataset    *dataset,
             const AtlasFact *facts,
             guint            n_facts)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  guint i;

  for (i = 0; i < n_facts; i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_box_append (GTK_BOX (item), atlas_panel_label (facts[i].value, NULL));
      gtk_box_append (GTK_BOX (item), atlas_panel_source_label (dataset, facts[i].source));
      gtk_box_append (GTK_BOX (box), atlas_panel_field_with (facts[i].label, item));
    }

  return box;
}

/* A list of links as one fact, with the sources of its entries below. */
static GtkWidget *
links_fact (const char   *caption,
            GtkWidget    *links,
            AtlasDataset *dataset,
            GPtrArray    *sources)
{
  GtkWidget *box;

  if (gtk_widget_get_first_child (links) == NULL)
    return atlas_panel_field_with (caption, atlas_panel_link_box_finish (links,
                                                                         _("None recorded")));
  box = atlas_panel_field_with (caption, links);
  gtk_box_append (GTK_BOX (box), atlas_panel_sources_label (dataset, sources));
  return box;
}

/* Trusts that run a site in one of the partnership's districts. */
static GtkWidget *
build_trusts (AtlasSelection         *selection,
              AtlasDataset           *dataset,
              const AtlasPartnership *partnership)
{
  g_autoptr(GHashTable) trusts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) districts = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  GtkWidget *links = atlas_panel_link_box ();
  const AtlasSite *sites;
  guint n, i;

  /* Sets, not nested loops: a partnership may have thousands of districts, and a system
   * thousands of sites. */
  for (i = 0; i < partnership->n_districts; i++)
    g_hash_table_add (districts, (gpointer) partnership->districts[i]);
  sites = atlas_dataset_get_sites (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasSite *site = &sites[i];

      if (site->trust == NULL || !g_hash_table_contains (districts, site->district))
        continue;
      atlas_panel_add_source (sources, ATLAS_RECORD_FIELD_SOURCE (site, "trust"));
      atlas_panel_add_source (sources, ATLAS_RECORD_FIELD_SOURCE (site, "district"));
      atlas_panel_add_source (sources, ATLAS_RECORD_FIELD_SOURCE (partnership, "districts"));
      if (g_hash_table_add (trusts, (gpointer) site->trust))
        atlas_panel_link_box_add (links, selection, ATLAS_SELECTION_TRUST, site->trust->id,
                                  site->trust->name);
    }

  return links_fact (_("Trusts with sites here"), links, dataset, sources);
}

static gboolean
atlas_partnerships_page_show_details (AtlasListPage      *page,
                                      AtlasSelectionKind  kind,
                                      gconstpointer       record,
                                      GtkWidget          *box)
{
  AtlasSelection *selection = atlas_list_page_get_selection (page);
  AtlasDataset *dataset = atlas_selection_get_dataset (selection);
  const AtlasPartnership *partnership = record;
  g_autoptr(GPtrArray) name_sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) member_sources = g_ptr_array_new ();
  GtkWidget *heading;
  GtkWidget *members;
  GtkWidget *priorities;
  guint i;

  if (kind != ATLAS_SELECTION_PARTNERSHIP)
    return FALSE;

  heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (heading), atlas_panel_name_label (partnership->name, "title-2", 4));
  gtk_box_append (GTK_BOX (heading), atlas_panel_label (describe_kind (partnership->kind),
                                                        "dim-label"));
  atlas_panel_add_source (name_sources, ATLAS_RECORD_FIELD_SOURCE (partnership, "name"));
  atlas_panel_add_source (name_sources, ATLAS_RECORD_FIELD_SOURCE (partnership, "kind"));
  gtk_box_append (GTK_BOX (heading), atlas_panel_sources_label (dataset, name_sources));
  gtk_box_append (GTK_BOX (box), heading);
  atlas_panel_append_fact (box, _("Short name"), partnership->short_name, FALSE, dataset,
                           ATLAS_RECORD_FIELD_SOURCE (partnership, "short_name"));
  atlas_panel_append_fact (box, _("Description"), partnership->description, FALSE, dataset,
                           ATLAS_RECORD_FIELD_SOURCE (partnership, "description"));

  members = atlas_panel_link_box ();
  for (i = 0; i < partnership->n_districts; i++)
    atlas_panel_link_box_add (members, selection, ATLAS_SELECTION_DISTRICT,
                              partnership->districts[i]->id, partnership->districts[i]->name);
  atlas_panel_add_source (member_sources, ATLAS_RECORD_FIELD_SOURCE (partnership, "districts"));
  gtk_box_append (GTK_BOX (box), links_fact (_("Member districts"), members, dataset,
                                             member_sources));
  gtk_box_append (GTK_BOX (box), build_trusts (selection, dataset, partnership));

  if (partnership->n_facts > 0)
    gtk_box_append (GTK_BOX (box), build_facts (dataset, partnership->facts,
                                                partnership->n_facts));
  for (i = 0; i < partnership->n_sections; i++)
    gtk_box_append (GTK_BOX (box), atlas_panel_section (&partnership->sections[i]));
  if (partnership->n_sections > 0)
    gtk_box_append (GTK_BOX (box),
                    atlas_panel_source_label (dataset,
                                              ATLAS_RECORD_FIELD_SOURCE (partnership,
                                                                         "sections")));

  priorities = atlas_panel_priorities_of (selection, partnership);
  if (priorities != NULL)
    gtk_box_append (GTK_BOX (box), priorities);

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  return TRUE;
}

static GtkWidget *
build_row (guint    i,
           gpointer dataset)
{
  const AtlasPartnership *p = &atlas_dataset_get_partnerships (dataset, NULL)[i];
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%s · %u district",
                                                         "%s · %u districts",
                                                         p->n_districts),
                                               describe_kind (p->kind), p->n_districts);
  GtkWidget *row = atlas_panel_row (p->name, subtitle);

  atlas_panel_set_id (row, p->id);
  return row;
}

static void
atlas_partnerships_page_rebuild_list (AtlasListPage *page,
                                      AtlasDataset  *dataset,
                                      GtkWidget     *list)
{
  guint n;

  if (dataset == NULL)
    return;

  atlas_dataset_get_partnerships (dataset, &n);
  atlas_panel_fill_lazily (list, n, build_row, g_object_ref (dataset), g_object_unref);
}

static void
atlas_partnerships_page_class_init (AtlasPartnershipsPageClass *klass)
{
  AtlasListPageClass *page_class = ATLAS_LIST_PAGE_CLASS (klass);

  page_class->kind = ATLAS_SELECTION_PARTNERSHIP;
  page_class->heading = N_("All partnerships");
  page_class->rebuild_list = atlas_partnerships_page_rebuild_list;
  page_class->show_details = atlas_partnerships_page_show_details;
}

static void
atlas_partnerships_page_init (AtlasPartnershipsPage *self)
{
}

GtkWidget *
atlas_partnerships_page_new (AtlasSelection *selection)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  return g_object_new (ATLAS_TYPE_PARTNERSHIPS_PAGE, "selection", selection, NULL);
}
