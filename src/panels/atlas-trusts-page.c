/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-summary.h"
#include "atlas-panel-util.h"
#include "atlas-trusts-page.h"

struct _AtlasTrustsPage
{
  AtlasListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasTrustsPage, atlas_trusts_page, ATLAS_TYPE_LIST_PAGE)

/* A trust or a site: its name (and a site's kind) with their sources, then its summary. */
static void
show_summary (AtlasSelection     *selection,
              GtkWidget          *box,
              AtlasSelectionKind  kind,
              gconstpointer       record)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (selection);
  g_autoptr(AtlasRecordSummary) summary = atlas_record_summary_new (dataset, kind, record);

  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (summary->title, "title-2", 4));
  if (summary->subtitle != NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_label (summary->subtitle, "dim-label"));
  gtk_box_append (GTK_BOX (box), atlas_panel_sources_label (dataset, summary->title_sources));
  atlas_panel_append_summary (box, selection, summary);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

static gboolean
atlas_trusts_page_show_details (AtlasListPage      *page,
                                AtlasSelectionKind  kind,
                                gconstpointer       record,
                                GtkWidget          *box)
{
  AtlasSelection *selection = atlas_list_page_get_selection (page);

  if (kind != ATLAS_SELECTION_TRUST && kind != ATLAS_SELECTION_SITE)
    return FALSE;
  show_summary (selection, box, kind, record);
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
