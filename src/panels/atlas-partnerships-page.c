/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-summary.h"
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

static gboolean
atlas_partnerships_page_show_details (AtlasListPage      *page,
                                      AtlasSelectionKind  kind,
                                      gconstpointer       record,
                                      GtkWidget          *box)
{
  AtlasSelection *selection = atlas_list_page_get_selection (page);
  AtlasDataset *dataset = atlas_selection_get_dataset (selection);
  const AtlasPartnership *partnership = record;
  g_autoptr(AtlasRecordSummary) summary = NULL;
  GtkWidget *heading;

  if (kind != ATLAS_SELECTION_PARTNERSHIP)
    return FALSE;

  summary = atlas_record_summary_new (dataset, kind, partnership);
  heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (heading), atlas_panel_name_label (summary->title, "title-2", 4));
  gtk_box_append (GTK_BOX (heading), atlas_panel_label (summary->subtitle, "dim-label"));
  gtk_box_append (GTK_BOX (heading), atlas_panel_sources_label (dataset, summary->title_sources));
  gtk_box_append (GTK_BOX (box), heading);
  atlas_panel_append_summary (box, selection, summary);
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
