/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-panels-resources.h"

#include "atlas-panel-util.h"
#include "atlas-search-index.h"
#include "atlas-search.h"

/* Enough to fill the panel; a longer list is no help in finding a record. */
#define MAX_RESULTS 60
/* How much of a long text to show before the first word found, in bytes. */
#define EXCERPT_LEAD 40

struct _AtlasSearch
{
  GtkWidget parent_instance;

  AtlasSelection *selection;
  AtlasSearchIndex *index;
  AtlasAnnotationList *annotations;
  AtlasSearchIndex *annotation_index;   /* built at the first query after they change */
  gboolean active;

  GtkWidget *entry;
  GtkWidget *scroller;
  GtkWidget *results;
};

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasSearch, atlas_search, GTK_TYPE_WIDGET)

static const char *
describe_kind (AtlasSearchKind kind)
{
  switch (kind)
    {
    case ATLAS_SEARCH_DISTRICT: return _("Districts");
    case ATLAS_SEARCH_SITE: return _("Sites");
    case ATLAS_SEARCH_TRUST: return _("Trusts");
    case ATLAS_SEARCH_PARTNERSHIP: return _("Partnerships");
    case ATLAS_SEARCH_PRIORITY: return _("Priorities");
    case ATLAS_SEARCH_UPDATE: return _("Updates");
    case ATLAS_SEARCH_INDICATOR: return _("Indicators");
    case ATLAS_SEARCH_FACT: return _("Headline facts");
    case ATLAS_SEARCH_SYSTEM: return _("Overview");
    case ATLAS_SEARCH_ANNOTATION: return _("Annotations");
    default: return "";
    }
}

static AtlasSearchKind
row_kind (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "atlas-kind"));
}

/* A label showing text with the matched spans in bold, as attributes (never markup). */
static GtkWidget *
matched_label (const char *text,
               GArray     *spans,
               guint       offset,
               const char *css_class,
               int         max_lines)
{
  GtkWidget *label = atlas_panel_name_label (text, css_class, max_lines);
  PangoAttrList *attrs = pango_attr_list_new ();
  gsize length = strlen (text);

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const AtlasSearchSpan *span = &g_array_index (spans, AtlasSearchSpan, i);
      PangoAttribute *bold;

      if (span->start < offset || span->end - offset > length)
        continue;
      bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      bold->start_index = span->start - offset;
      bold->end_index = span->end - offset;
      pango_attr_list_insert (attrs, bold);
    }
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  return label;
}

/* Where in a long text the words were: from a little before the first matched word. */
static guint
excerpt_start (const AtlasSearchResult *result)
{
  const char *text = result->text;
  guint first = result->spans->len > 0 ? g_array_index (result->spans, AtlasSearchSpan, 0).start
                                       : 0;
  const char *p;

  if (first <= EXCERPT_LEAD)
    return 0;
  /* Back to a word's start, on a character boundary. */
  p = g_utf8_find_prev_char (text, text + first - EXCERPT_LEAD);
  while (p != NULL && p > text && *p != ' ')
    p = g_utf8_find_prev_char (text, p);
  first = p != NULL ? (guint) (p - text) + (*p == ' ' ? 1 : 0) : 0;
  /* Too near the start to be worth an ellipsis (which also keeps the offsets positive). */
  return first > strlen ("…") ? first : 0;
}

/* The result: its name, then the field its words were found in with those words in bold (or
 * the record's detail when they were all in the name). */
static GtkWidget *
build_row (const AtlasSearchResult *result)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  if (result->where == NULL)
    {
      gtk_box_append (GTK_BOX (box), matched_label (result->name, result->spans, 0, NULL, 3));
      if (result->detail != NULL)
        gtk_box_append (GTK_BOX (box), atlas_panel_name_label (result->detail, "dim-label", 2));
    }
  else
    {
      guint start = excerpt_start (result);
      g_autofree char *text = g_strconcat (start > 0 ? "…" : "", result->text + start, NULL);
      /* The excerpt's own offset: the ellipsis shifts everything after it. */
      guint offset = start > 0 ? start - strlen ("…") : 0;
      /* TRANSLATORS: where a search result's words are, above the words: "In council", "In
       * What will change, item 6" */
      g_autofree char *where = g_strdup_printf (_("In %s"), result->where);

      gtk_box_append (GTK_BOX (box), atlas_panel_name_label (result->name, NULL, 3));
      gtk_box_append (GTK_BOX (box), atlas_panel_name_label (where, "caption-heading", 2));
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
      gtk_box_append (GTK_BOX (box), matched_label (text, result->spans, offset, "caption", 3));
    }
  gtk_widget_add_css_class (box, "atlas-search-result");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "atlas-kind", GINT_TO_POINTER (result->kind));
  atlas_panel_set_id (row, result->id);
  return row;
}

static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  AtlasSearchKind kind = row_kind (row);
  GtkWidget *header;

  if (before != NULL && row_kind (before) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = atlas_panel_label (describe_kind (kind), "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 0);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_list_box_row_set_header (row, header);
}

static void
set_active (AtlasSearch *self,
            gboolean     active)
{
  if (self->active == active)
    return;
  self->active = active;
  gtk_widget_set_visible (self->scroller, active);
  gtk_widget_set_vexpand (GTK_WIDGET (self), active);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
run_query (AtlasSearch *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GArray) results = NULL;
  guint i;

  atlas_panel_clear_list (self->results);
  if (self->index == NULL || query == NULL || query[0] == '\0')
    {
      set_active (self, FALSE);
      return;
    }

  if (self->annotations != NULL && self->annotation_index == NULL)
    self->annotation_index =
      atlas_search_index_new_for_annotations (atlas_annotation_list_get_set (self->annotations));
  /* The planner's own annotations first, then what the system says. */
  if (self->annotation_index != NULL)
    {
      g_autoptr(GArray) own = atlas_search_index_query (self->annotation_index, query,
                                                        MAX_RESULTS);

      for (i = 0; i < own->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (self->results),
                             build_row (&g_array_index (own, AtlasSearchResult, i)));
    }
  results = atlas_search_index_query (self->index, query, MAX_RESULTS);
  for (i = 0; i < results->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->results),
                         build_row (&g_array_index (results, AtlasSearchResult, i)));
  set_active (self, TRUE);
}

/* Selects the record of a row; an indicator colours the map by it (the window's
 * win.thematic), and a headline fact or the system shows the overview. */
static void
select_row (AtlasSearch   *self,
            GtkListBoxRow *row)
{
  AtlasSearchKind kind = row_kind (row);
  g_autofree char *id = g_strdup (atlas_panel_get_id (GTK_WIDGET (row)));

  /* Clearing the query removes the row, so copy what it holds first. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  switch (kind)
    {
    case ATLAS_SEARCH_INDICATOR:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.thematic", "s", id);
      break;
    case ATLAS_SEARCH_FACT:
    case ATLAS_SEARCH_SYSTEM:
      gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.show-page", "s", "overview");
      break;
    case ATLAS_SEARCH_ANNOTATION:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-annotation", "u",
                                  (guint32) g_ascii_strtoull (id, NULL, 10));
      break;
    default:
      if (self->selection != NULL)
        atlas_selection_select (self->selection, (AtlasSelectionKind) kind, id);
    }
}

static void
rebuild_index (AtlasSearch *self)
{
  AtlasDataset *dataset = self->selection != NULL ? atlas_selection_get_dataset (self->selection)
                                                  : NULL;

  g_clear_object (&self->index);
  if (dataset != NULL)
    self->index = atlas_search_index_new_for_dataset (dataset);
  run_query (self);
}

static void
entry_changed_cb (AtlasSearch *self)
{
  run_query (self);
}

static void
entry_activate_cb (AtlasSearch *self)
{
  atlas_search_activate_first (self);
}

static void
entry_stop_search_cb (AtlasSearch *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
row_activated_cb (AtlasSearch   *self,
                  GtkListBoxRow *row)
{
  select_row (self, row);
}

/* Down in the entry moves into the results, so the keyboard alone can pick any of them. */
static gboolean
entry_key_pressed_cb (AtlasSearch     *self,
                      guint            keyval,
                      guint            keycode,
                      GdkModifierType  state)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->results), 0);

  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && first != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (first));
      return TRUE;
    }
  return FALSE;
}

static void
atlas_search_dispose (GObject *object)
{
  AtlasSearch *self = ATLAS_SEARCH (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SEARCH);
  g_clear_object (&self->index);
  g_clear_object (&self->annotation_index);
  g_clear_object (&self->annotations);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_search_parent_class)->dispose (object);
}

static void
atlas_search_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasSearch *self = ATLAS_SEARCH (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_search_class_init (AtlasSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_search_dispose;
  object_class->get_property = atlas_search_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Naming the resource keeps the linker from dropping it when the panel is used on its own. */
  (void) atlas_panels_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/icsatlas/IcsAtlas/panels/atlas-search.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSearch, entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasSearch, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasSearch, results);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
atlas_search_init (AtlasSearch *self)
{
  GtkEventController *keys;
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  gtk_list_box_set_header_func (GTK_LIST_BOX (self->results), update_header_cb, NULL, NULL);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->results),
                                atlas_panel_label (_("No matches"), "dim-label"));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, keys);
}

GtkWidget *
atlas_search_new (void)
{
  return g_object_new (ATLAS_TYPE_SEARCH, NULL);
}

void
atlas_search_set_selection (AtlasSearch    *self,
                            AtlasSelection *selection)
{
  g_return_if_fail (ATLAS_IS_SEARCH (self));
  g_return_if_fail (selection == NULL || ATLAS_IS_SELECTION (selection));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (!g_set_object (&self->selection, selection))
    return;
  if (selection != NULL)
    g_signal_connect_object (selection, "notify::dataset", G_CALLBACK (rebuild_index),
                             self, G_CONNECT_SWAPPED);
  rebuild_index (self);
}

static void
annotations_changed_cb (AtlasSearch *self)
{
  g_clear_object (&self->annotation_index);
  if (self->active)
    run_query (self);
}

void
atlas_search_set_annotations (AtlasSearch         *self,
                              AtlasAnnotationList *annotations)
{
  g_return_if_fail (ATLAS_IS_SEARCH (self));
  g_return_if_fail (annotations == NULL || ATLAS_IS_ANNOTATION_LIST (annotations));

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_set_object (&self->annotations, annotations);
  if (annotations != NULL)
    g_signal_connect_object (annotations, "changed", G_CALLBACK (annotations_changed_cb), self,
                             G_CONNECT_SWAPPED);
  annotations_changed_cb (self);
}

void
atlas_search_focus (AtlasSearch *self)
{
  g_return_if_fail (ATLAS_IS_SEARCH (self));

  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
atlas_search_set_query (AtlasSearch *self,
                        const char  *query)
{
  g_return_if_fail (ATLAS_IS_SEARCH (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), query != NULL ? query : "");
}

gboolean
atlas_search_get_active (AtlasSearch *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH (self), FALSE);

  return self->active;
}

guint
atlas_search_get_n_results (AtlasSearch *self)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_SEARCH (self), 0);

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->results), n) != NULL)
    n++;
  return n;
}

gboolean
atlas_search_activate_first (AtlasSearch *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (ATLAS_IS_SEARCH (self), FALSE);

  /* A focused result handles Enter itself (row-activated); from the entry, take the first. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->results), 0);
  if (row == NULL)
    return FALSE;
  select_row (self, row);
  return TRUE;
}
