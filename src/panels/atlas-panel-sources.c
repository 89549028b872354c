/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-panel-sources.h"
#include "atlas-panel-util.h"

gboolean
atlas_panel_is_web_address (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;
  const char *host;

  if (uri == NULL)
    return FALSE;
  /* No spaces or control characters anywhere (GLib's parser lets some through in a host):
   * nothing a browser would have to guess at. */
  for (const char *p = uri; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;
  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (parsed);
  host = g_uri_get_host (parsed);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && host != NULL && host[0] != '\0';
}

/* The title of a source, else its id. */
static const char *
source_title (AtlasDataset *dataset,
              const char   *source_id)
{
  const AtlasSource *source = dataset != NULL ? atlas_dataset_find_source (dataset, source_id)
                                              : NULL;

  return source != NULL && source->title != NULL ? source->title : source_id;
}

static GtkWidget *
open_button (const AtlasSource *source)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Open “%s” in a web browser"), source->title);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "atlas-open-source");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), ATLAS_PANEL_OPEN_URI_ACTION);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_string (source->url));
  return button;
}

GtkWidget *
atlas_panel_sources_label (AtlasDataset *dataset,
                           GPtrArray    *source_ids)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autofree char *text = NULL;
  GtkWidget *label;
  guint i;

  for (i = 0; i < source_ids->len; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? "; " : "",
                            source_title (dataset, g_ptr_array_index (source_ids, i)));
  if (source_ids->len == 0)
    text = g_strdup_printf (_("Source: %s"), _("not recorded"));
  else
    text = g_strdup_printf (source_ids->len == 1 ? _("Source: %s") : _("Sources: %s"),
                            titles->str);

  label = atlas_panel_name_label (text, "caption", 4);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "atlas-source");

  for (i = 0; dataset != NULL && i < source_ids->len; i++)
    {
      const AtlasSource *source = atlas_dataset_find_source (dataset,
                                                             g_ptr_array_index (source_ids, i));

      if (source != NULL && atlas_panel_is_web_address (source->url))
        gtk_box_append (GTK_BOX (box), open_button (source));
    }

  return box;
}

GtkWidget *
atlas_panel_source_label (AtlasDataset *dataset,
                          const char   *source_id)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  atlas_panel_add_source (ids, source_id);
  return atlas_panel_sources_label (dataset, ids);
}

void
atlas_panel_add_source (GPtrArray  *source_ids,
                        const char *source_id)
{
  guint i;

  if (source_id == NULL)
    return;
  for (i = 0; i < source_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (source_ids, i), source_id) == 0)
      return;
  g_ptr_array_add (source_ids, (gpointer) source_id);
}

GtkWidget *
atlas_panel_fact (const char   *caption,
                  GtkWidget    *value,
                  AtlasDataset *dataset,
                  const char   *source_id)
{
  GtkWidget *box = atlas_panel_field_with (caption, value);

  gtk_box_append (GTK_BOX (box), atlas_panel_source_label (dataset, source_id));
  return box;
}

void
atlas_panel_append_fact (GtkWidget    *box,
                         const char   *caption,
                         const char   *text,
                         gboolean      expected,
                         AtlasDataset *dataset,
                         const char   *source_id)
{
  if (text != NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_fact (caption, atlas_panel_label (text, NULL),
                                                     dataset, source_id));
  else if (expected)
    gtk_box_append (GTK_BOX (box), atlas_panel_field (caption, NULL));
}
