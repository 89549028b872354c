/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-link.h"
#include "atlas-locale.h"
#include "atlas-panel-lazy-private.h"
#include "atlas-panel-util.h"
#include "atlas-text.h"

/* Keeps a wrapped label's natural width near a panel's width, so a long text wraps instead of
 * asking for a wider panel. */
#define MAX_WIDTH_CHARS 40
/* Text longer than this, or of more lines, is shown in a scrolled area of bounded height. */
#define LONG_TEXT_CHARS 1200
#define LONG_TEXT_LINES 16
#define LONG_TEXT_HEIGHT 240
/* A bulleted item, on one line, wraps over at most this many lines. */
#define ITEM_LINES 6

static gboolean
is_long_text (const char *text)
{
  guint lines = 0;
  const char *p;

  if (text == NULL)
    return FALSE;
  for (p = text; *p != '\0'; p++)
    if (p - text > LONG_TEXT_CHARS || (*p == '\n' && ++lines > LONG_TEXT_LINES))
      return TRUE;
  return FALSE;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
atlas_panel_label (const char *text,
                   const char *css_class)
{
  GtkWidget *label = new_label (text, css_class);
  GtkWidget *scrolled;

  if (!is_long_text (text))
    return label;
  /* Scrolls inside the page rather than making it endlessly tall. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), LONG_TEXT_HEIGHT);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_add_css_class (scrolled, "atlas-long-text");
  return scrolled;
}

GtkWidget *
atlas_panel_name_label (const char *text,
                        const char *css_class,
                        int         max_lines)
{
  GtkWidget *label = new_label (NULL, css_class);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), max_lines);
  atlas_panel_set_name (label, text);

  return label;
}

void
atlas_panel_set_name (GtkWidget  *label,
                      const char *text)
{
  /* A label limits lines per paragraph: a name of thousands of lines must be one. */
  g_autofree char *line = atlas_text_one_line (text, ATLAS_TEXT_NAME_CHARS);

  gtk_label_set_text (GTK_LABEL (label), line != NULL ? line : "");
}

GtkWidget *
atlas_panel_not_recorded (void)
{
  GtkWidget *label = atlas_panel_label (_("Not recorded"), "dim-label");

  gtk_widget_add_css_class (label, "atlas-not-recorded");
  return label;
}

GtkWidget *
atlas_panel_field_with (const char *caption,
                        GtkWidget  *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), atlas_panel_label (caption, "caption-heading"));
  gtk_widget_add_css_class (gtk_widget_get_first_child (box), "dim-label");
  gtk_box_append (GTK_BOX (box), child);

  return box;
}

GtkWidget *
atlas_panel_field (const char *caption,
                   const char *value)
{
  return atlas_panel_field_with (caption, value != NULL ? atlas_panel_label (value, NULL)
                                                        : atlas_panel_not_recorded ());
}

GtkWidget *
atlas_panel_link_box (void)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
}

/* The links of a long link box past the first ATLAS_PANEL_CHUNK, as text until shown. */
typedef struct {
  AtlasSelection *selection;
  GArray *links;
} PendingLinks;

typedef struct {
  AtlasSelectionKind kind;
  char *id;
  char *text;
} PendingLink;

static void
pending_link_clear (gpointer data)
{
  PendingLink *link = data;

  g_free (link->id);
  g_free (link->text);
}

static void
pending_links_free (gpointer data)
{
  PendingLinks *pending = data;

  g_object_unref (pending->selection);
  g_array_unref (pending->links);
  g_free (pending);
}

static GtkWidget *
build_pending_link (guint    i,
                    gpointer data)
{
  PendingLinks *pending = data;
  PendingLink *link = &g_array_index (pending->links, PendingLink, i);

  return atlas_link_new (pending->selection, link->kind, link->id, link->text);
}

#define LINK_COUNT_KEY "atlas-panel-links"

void
atlas_panel_link_box_add (GtkWidget          *box,
                          AtlasSelection     *selection,
                          AtlasSelectionKind  kind,
                          const char         *id,
                          const char         *text)
{
  guint count = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), LINK_COUNT_KEY));
  AtlasPanelLazy *lazy;
  PendingLinks *pending;
  PendingLink link;

  g_object_set_data (G_OBJECT (box), LINK_COUNT_KEY, GUINT_TO_POINTER (count + 1));
  if (count < ATLAS_PANEL_CHUNK)
    {
      gtk_box_append (GTK_BOX (box), atlas_link_new (selection, kind, id, text));
      return;
    }
  lazy = _atlas_panel_lazy_get (box);
  if (lazy == NULL)
    {
      pending = g_new0 (PendingLinks, 1);
      pending->selection = g_object_ref (selection);
      pending->links = g_array_new (FALSE, FALSE, sizeof (PendingLink));
      g_array_set_clear_func (pending->links, pending_link_clear);
      lazy = _atlas_panel_lazy_install (box, 0, build_pending_link, pending, pending_links_free);
    }
  pending = _atlas_panel_lazy_get_data (lazy);
  link.kind = kind;
  link.id = g_strdup (id);
  link.text = g_strdup (text);
  g_array_append_val (pending->links, link);
  _atlas_panel_lazy_grow (lazy);
  if (count == ATLAS_PANEL_CHUNK)
    _atlas_panel_lazy_update_more (lazy);
}

GtkWidget *
atlas_panel_link_box_finish (GtkWidget  *box,
                             const char *empty_text)
{
  AtlasPanelLazy *lazy = _atlas_panel_lazy_get (box);

  /* The "Show more" button says how many are left. */
  if (lazy != NULL)
    _atlas_panel_lazy_update_more (lazy);
  if (gtk_widget_get_first_child (box) == NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_label (empty_text != NULL ? empty_text
                                                                         : _("Not recorded"),
                                                      "dim-label"));
  return box;
}

static GtkWidget *
build_bullet (guint    i,
              gpointer data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bullet = gtk_label_new ("•");

  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), bullet);
  gtk_box_append (GTK_BOX (row), atlas_panel_name_label (((char **) data)[i], NULL, ITEM_LINES));
  gtk_widget_set_hexpand (gtk_widget_get_last_child (row), TRUE);
  return row;
}

GtkWidget *
atlas_panel_bullets (const char * const *items,
                     guint               n_items)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  char **copy = g_new (char *, n_items + 1);

  /* The items may be a caller's temporary array; their text lives with the dataset, which
   * may go first. */
  for (guint i = 0; i < n_items; i++)
    copy[i] = g_strdup (items[i]);
  copy[n_items] = NULL;
  atlas_panel_fill_lazily (box, n_items, build_bullet, copy, (GDestroyNotify) g_strfreev);
  return box;
}

GtkWidget *
atlas_panel_section (const AtlasSection *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (section->title != NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_name_label (section->title, "heading", 4));
  if (section->text != NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_label (section->text, NULL));
  if (section->n_items > 0)
    gtk_box_append (GTK_BOX (box), atlas_panel_bullets (section->items, section->n_items));

  return box;
}

GtkWidget *
atlas_panel_row (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_line = atlas_text_one_line (title, ATLAS_TEXT_NAME_CHARS);
  g_autofree char *subtitle_line = atlas_text_one_line (subtitle, ATLAS_TEXT_NAME_CHARS);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_line != NULL ? title_line : "");
  if (subtitle_line != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_line);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

GtkWidget *
atlas_panel_scrolled (GtkWidget **content)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  *content = box;

  return scrolled;
}

void
atlas_panel_scroll_to_top (GtkWidget *scrolled)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

void
atlas_panel_clear (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_widget_unparent (child);
}

void
atlas_panel_set_id (GtkWidget  *widget,
                    const char *id)
{
  g_object_set_data_full (G_OBJECT (widget), "atlas-id", g_strdup (id), g_free);
}

const char *
atlas_panel_get_id (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "atlas-id");
}

void
atlas_panel_mark_current (GtkWidget  *list,
                          const char *id)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *child_id = atlas_panel_get_id (child);

      /* Entries may sit in groups of their own (a page of several lists): look inside. */
      if (child_id == NULL)
        atlas_panel_mark_current (child, id);
      else if (id != NULL && g_strcmp0 (child_id, id) == 0)
        gtk_widget_add_css_class (child, "atlas-current");
      else
        gtk_widget_remove_css_class (child, "atlas-current");
    }
}

void
atlas_panel_clear_list (GtkWidget *list_box)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list_box), GTK_WIDGET (row));
}

char *
atlas_panel_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char tail;

  if (iso_date == NULL)
    return NULL;
  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3
      || !g_date_valid_dmy (day, month, year))
    return g_strdup (iso_date);

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso_date);
  return atlas_format_date (date);
}

GtkWidget *
atlas_panel_priorities_of (AtlasSelection         *selection,
                           const AtlasPartnership *partnership)
{
  AtlasDataset *dataset = atlas_selection_get_dataset (selection);
  const AtlasPriority *priorities;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  GtkWidget *box = NULL;
  GtkWidget *links = NULL;
  const char *group = NULL;
  guint n, i;

  if (dataset == NULL || partnership == NULL)
    return NULL;

  priorities = atlas_dataset_get_priorities (dataset, &n);
  for (i = 0; i < n; i++)
    {
      const AtlasPriority *p = &priorities[i];
      g_autofree char *text = NULL;

      if (p->partnership != partnership)
        continue;
      if (box == NULL)
        box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      /* A new group heading whenever the group changes (the data keeps groups together). */
      if (links == NULL || g_strcmp0 (group, p->group) != 0)
        {
          GtkWidget *group_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

          group = p->group;
          links = atlas_panel_link_box ();
          gtk_box_append (GTK_BOX (group_box),
                          atlas_panel_name_label (group != NULL ? group : _("Priorities"),
                                                  "heading", 3));
          gtk_box_append (GTK_BOX (group_box), links);
          gtk_box_append (GTK_BOX (box), group_box);
        }
      text = g_strdup_printf ("%u. %s", p->number, p->title);
      atlas_panel_link_box_add (links, selection, ATLAS_SELECTION_PRIORITY, p->id, text);
      atlas_panel_add_source (sources, ATLAS_RECORD_FIELD_SOURCE (p, "partnership"));
    }

  if (box != NULL)
    gtk_box_append (GTK_BOX (box), atlas_panel_sources_label (dataset, sources));
  return box;
}
