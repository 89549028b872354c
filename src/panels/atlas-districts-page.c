/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-districts-page.h"
#include "atlas-panel-summary.h"
#include "atlas-panel-util.h"

struct _AtlasDistrictsPage
{
  AtlasListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasDistrictsPage, atlas_districts_page, ATLAS_TYPE_LIST_PAGE)

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

  if (kind != ATLAS_SELECTION_DISTRICT)
    return FALSE;

  summary = atlas_record_summary_new (dataset, kind, district);
  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (district->name, "title-2", 4));
  atlas_panel_append_summary (box, selection, summary);
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
