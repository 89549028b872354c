/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-lazy-private.h"

/* Long lists, built on demand: a list of 10,000 partnerships or a section of 200,000 items
 * would otherwise build every row at once, for seconds and hundreds of megabytes. Entries are
 * built ATLAS_PANEL_CHUNK at a time; a "Show more" entry at the end (a row in a list box, a
 * button in a box) builds the next chunk before itself. */

#define LAZY_KEY "atlas-panel-lazy"

struct _AtlasPanelLazy {
  GtkWidget *container;  /* not a reference: the lazy list is its data */
  GtkWidget *more;       /* the "Show more" entry, or NULL */
  guint n;
  guint next;            /* the first entry not built yet */
  AtlasPanelBuildFunc build;
  gpointer data;
  GDestroyNotify destroy;
};

static void
lazy_free (gpointer pointer)
{
  AtlasPanelLazy *lazy = pointer;

  if (lazy->destroy != NULL)
    lazy->destroy (lazy->data);
  g_free (lazy);
}

/* Before the "Show more" entry, or at the end. */
static void
append_entry (AtlasPanelLazy *lazy,
              GtkWidget      *entry)
{
  if (GTK_IS_LIST_BOX (lazy->container))
    gtk_list_box_insert (GTK_LIST_BOX (lazy->container), entry,
                         lazy->more != NULL
                         ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (lazy->more)) : -1);
  else if (lazy->more != NULL)
    gtk_box_insert_child_after (GTK_BOX (lazy->container), entry,
                                gtk_widget_get_prev_sibling (lazy->more));
  else
    gtk_box_append (GTK_BOX (lazy->container), entry);
}

static void
more_cb (AtlasPanelLazy *lazy)
{
  _atlas_panel_lazy_build_chunk (lazy);
}

void
_atlas_panel_lazy_update_more (AtlasPanelLazy *lazy)
{
  guint left = lazy->n - lazy->next;
  g_autofree char *text = NULL;

  if (left == 0)
    {
      if (lazy->more != NULL)
        gtk_widget_set_visible (lazy->more, FALSE);
      return;
    }
  /* TRANSLATORS: the entry at the end of a long list that shows more of it: "Show 200 more
   * of 9,800". */
  text = g_strdup_printf (ngettext ("Show %u more of %u", "Show %u more of %u", left),
                          MIN (left, ATLAS_PANEL_CHUNK), left);
  if (lazy->more == NULL && GTK_IS_LIST_BOX (lazy->container))
    {
      lazy->more = adw_action_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (lazy->more), TRUE);
      gtk_widget_add_css_class (lazy->more, "atlas-show-more");
      g_signal_connect_swapped (lazy->more, "activated", G_CALLBACK (more_cb), lazy);
      gtk_list_box_append (GTK_LIST_BOX (lazy->container), lazy->more);
    }
  else if (lazy->more == NULL)
    {
      lazy->more = gtk_button_new ();
      gtk_widget_set_halign (lazy->more, GTK_ALIGN_START);
      gtk_widget_add_css_class (lazy->more, "flat");
      gtk_widget_add_css_class (lazy->more, "atlas-show-more");
      g_signal_connect_swapped (lazy->more, "clicked", G_CALLBACK (more_cb), lazy);
      gtk_box_append (GTK_BOX (lazy->container), lazy->more);
    }
  if (ADW_IS_ACTION_ROW (lazy->more))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (lazy->more), text);
  else
    gtk_button_set_label (GTK_BUTTON (lazy->more), text);
  gtk_widget_set_visible (lazy->more, TRUE);
}

void
_atlas_panel_lazy_build_chunk (AtlasPanelLazy *lazy)
{
  guint end = MIN (lazy->n, lazy->next + ATLAS_PANEL_CHUNK);

  for (; lazy->next < end; lazy->next++)
    append_entry (lazy, lazy->build (lazy->next, lazy->data));
  _atlas_panel_lazy_update_more (lazy);
}

AtlasPanelLazy *
_atlas_panel_lazy_install (GtkWidget           *container,
                           guint                n,
                           AtlasPanelBuildFunc  build,
                           gpointer             data,
                           GDestroyNotify       destroy)
{
  AtlasPanelLazy *lazy = g_new0 (AtlasPanelLazy, 1);

  lazy->container = container;
  lazy->n = n;
  lazy->build = build;
  lazy->data = data;
  lazy->destroy = destroy;
  /* A refilled container frees the list it had. */
  g_object_set_data_full (G_OBJECT (container), LAZY_KEY, lazy, lazy_free);
  return lazy;
}

AtlasPanelLazy *
_atlas_panel_lazy_get (GtkWidget *container)
{
  return g_object_get_data (G_OBJECT (container), LAZY_KEY);
}

void
_atlas_panel_lazy_grow (AtlasPanelLazy *lazy)
{
  lazy->n++;
}

gpointer
_atlas_panel_lazy_get_data (AtlasPanelLazy *lazy)
{
  return lazy->data;
}

void
atlas_panel_fill_lazily (GtkWidget           *container,
                         guint                n,
                         AtlasPanelBuildFunc  build,
                         gpointer             data,
                         GDestroyNotify       destroy)
{
  g_return_if_fail (GTK_IS_LIST_BOX (container) || GTK_IS_BOX (container));
  g_return_if_fail (build != NULL);

  _atlas_panel_lazy_build_chunk (_atlas_panel_lazy_install (container, n, build, data, destroy));
}
