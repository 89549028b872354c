/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-util.h"
#include "atlas-trusts-page.h"

struct _AtlasTrustsPage
{
  GtkWidget parent_instance;

  AtlasSelection *selection;
  GtkWidget *scrolled;
  GtkWidget *details;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (AtlasTrustsPage, atlas_trusts_page, GTK_TYPE_WIDGET)

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

static GtkWidget *
link_field (AtlasTrustsPage    *self,
            const char         *caption,
            AtlasSelectionKind  kind,
            const char         *id,
            const char         *text)
{
  GtkWidget *links = atlas_panel_link_box ();

  if (id != NULL)
    atlas_panel_link_box_add (links, self->selection, kind, id, text);
  return atlas_panel_field_with (caption, atlas_panel_link_box_finish (links, NULL));
}

static void
show_trust (AtlasTrustsPage  *self,
            const AtlasTrust *trust)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  GtkWidget *box = self->details;
  GtkWidget *sites = atlas_panel_link_box ();
  const AtlasSite *all_sites;
  guint n, i;

  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (trust->name, "title-2", 4));
  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Short name"), trust->short_name));
  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Kind"), trust->kind));
  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Main area"), trust->area));

  all_sites = atlas_dataset_get_sites (dataset, &n);
  for (i = 0; i < n; i++)
    if (all_sites[i].trust == trust)
      atlas_panel_link_box_add (sites, self->selection, ATLAS_SELECTION_SITE,
                                all_sites[i].id, all_sites[i].name);
  gtk_box_append (GTK_BOX (box),
                  atlas_panel_field_with (_("Sites"),
                                          atlas_panel_link_box_finish (sites,
                                                                       _("None recorded"))));

  gtk_box_append (GTK_BOX (box), atlas_panel_source_label (dataset, trust->source));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

static void
show_site (AtlasTrustsPage *self,
           const AtlasSite *site)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  GtkWidget *box = self->details;
  g_autofree char *location = g_strdup_printf ("%.4f, %.4f", site->lat, site->lon);

  gtk_box_append (GTK_BOX (box), atlas_panel_name_label (site->name, "title-2", 4));
  gtk_box_append (GTK_BOX (box), atlas_panel_label (describe_site_kind (site->kind),
                                                    "dim-label"));
  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Town"), site->town));
  gtk_box_append (GTK_BOX (box),
                  link_field (self, _("Trust"), ATLAS_SELECTION_TRUST,
                              site->trust != NULL ? site->trust->id : NULL,
                              site->trust != NULL ? site->trust->name : NULL));
  gtk_box_append (GTK_BOX (box),
                  link_field (self, _("District"), ATLAS_SELECTION_DISTRICT,
                              site->district != NULL ? site->district->id : NULL,
                              site->district != NULL ? site->district->name : NULL));
  gtk_box_append (GTK_BOX (box), atlas_panel_field (_("Latitude, longitude"), location));
  gtk_box_append (GTK_BOX (box), atlas_panel_source_label (dataset, site->source));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

static void
rebuild_list (AtlasTrustsPage *self)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (self->selection);
  const AtlasTrust *trusts;
  guint n, i;

  atlas_panel_clear_list (self->list);
  if (dataset == NULL)
    return;

  trusts = atlas_dataset_get_trusts (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasTrust *t = &trusts[i];
      g_autofree char *subtitle = t->short_name != NULL
                                  ? g_strdup_printf ("%s · %s", t->short_name, t->kind)
                                  : g_strdup (t->kind);
      GtkWidget *row = atlas_panel_row (t->name, subtitle);

      g_object_set_data_full (G_OBJECT (row), "atlas-id", g_strdup (t->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

static void
selection_changed_cb (AtlasTrustsPage *self)
{
  const AtlasTrust *trust = atlas_selection_get_trust (self->selection);
  const AtlasSite *site = atlas_selection_get_site (self->selection);

  atlas_panel_clear (self->details);
  gtk_widget_set_visible (self->details, trust != NULL || site != NULL);
  if (trust != NULL)
    show_trust (self, trust);
  else if (site != NULL)
    show_site (self, site);
  if (trust != NULL || site != NULL)
    atlas_panel_scroll_to_top (self->scrolled);

  if (site != NULL && site->trust != NULL)
    trust = site->trust;
  atlas_panel_mark_current (self->list, trust != NULL ? trust->id : NULL);
}

static void
dataset_changed_cb (AtlasTrustsPage *self)
{
  rebuild_list (self);
  selection_changed_cb (self);
}

static void
row_activated_cb (AtlasTrustsPage *self,
                  GtkListBoxRow   *row)
{
  atlas_selection_select (self->selection, ATLAS_SELECTION_TRUST,
                          g_object_get_data (G_OBJECT (row), "atlas-id"));
}

static void
atlas_trusts_page_dispose (GObject *object)
{
  AtlasTrustsPage *self = ATLAS_TRUSTS_PAGE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_trusts_page_parent_class)->dispose (object);
}

static void
atlas_trusts_page_class_init (AtlasTrustsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_trusts_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_trusts_page_init (AtlasTrustsPage *self)
{
  GtkWidget *content;

  self->scrolled = atlas_panel_scrolled (&content);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_visible (self->details, FALSE);
  gtk_box_append (GTK_BOX (content), self->details);

  gtk_box_append (GTK_BOX (content), atlas_panel_label (_("All trusts"), "heading"));
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (content), self->list);
}

GtkWidget *
atlas_trusts_page_new (AtlasSelection *selection)
{
  AtlasTrustsPage *self;

  g_return_val_if_fail (ATLAS_IS_SELECTION (selection), NULL);

  self = g_object_new (ATLAS_TYPE_TRUSTS_PAGE, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "notify::dataset", G_CALLBACK (dataset_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  dataset_changed_cb (self);

  return GTK_WIDGET (self);
}
