/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presenter mode (F5, or the header's button): the window full screen with the map and, in the
 * side panel's place, a caption card in large type, walked through in steps: the cover (the
 * whole system), each partnership, then each district, in the meeting pack's order. Each step
 * selects and frames its subject, with the annotations on the map as everywhere. The keys
 * presentation clickers send move on and back (→, Page Down, Space; ←, Page Up, Backspace),
 * Home and End go to the first and last step, B blanks the screen and Escape leaves, putting
 * the window back as it was: full screen or not, the side panel (its page and width, folded or
 * not, shown or not), the selection and the view. The mouse still works: a district clicked on
 * the map becomes the step shown.
 *
 * The steps select with atlas_selection_present (), so the back and forward history after a
 * presentation is what it was before it. */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-sidebar.h"
#include "atlas-window-private.h"

typedef struct _AtlasPresenter
{
  AtlasWindow *window;
  guint step;
  guint n_steps;
  gboolean blank;
  gboolean moving;               /* a step is selecting its subject */

  GtkWidget *caption;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *detail;
  GtkWidget *counter;
  GtkWidget *blank_screen;
  GtkEventController *keys;

  /* The window as it was, to be put back. */
  GtkWidget *sidebar;            /* a reference, while the caption takes its place */
  gboolean was_fullscreen;
  gboolean header_visible;
  gboolean palette_visible;
  char *page;                    /* the side panel's: each step's selection turns it */
  AtlasSelectionKind kind;
  char *selection;
  double latitude;
  double longitude;
  double zoom;
} AtlasPresenter;

static GtkWidget *
get_header (AtlasWindow *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self->window_title), ADW_TYPE_HEADER_BAR);
}

static void
step_subject (AtlasPresenter          *p,
              guint                    step,
              const AtlasPartnership **partnership,
              const AtlasDistrict    **district)
{
  guint n_partnerships = 0, n_districts = 0;
  const AtlasPartnership *partnerships;
  const AtlasDistrict *districts;

  partnerships = atlas_dataset_get_partnerships (p->window->dataset, &n_partnerships);
  districts = atlas_dataset_get_districts (p->window->dataset, &n_districts);
  *partnership = NULL;
  *district = NULL;
  if (step >= 1 && step <= n_partnerships)
    *partnership = &partnerships[step - 1];
  else if (step > n_partnerships && step - n_partnerships - 1 < n_districts)
    *district = &districts[step - n_partnerships - 1];
}

/* The labels of the annotations in the part of the map a step frames. */
static char *
annotations_in (AtlasPresenter  *p,
                const AtlasBBox *bbox)
{
  AtlasAnnotationSet *set = atlas_annotation_list_get_set (
                              atlas_map_state_get_annotations (p->window->state));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < atlas_annotation_set_get_n (set); i++)
    {
      const AtlasAnnotation *a = atlas_annotation_set_get (set, i);
      AtlasBBox box;

      atlas_annotation_get_bbox (a, &box);
      if (a->label == NULL || !atlas_bbox_intersects (&box, bbox))
        continue;
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", a->label);
    }
  if (text->len == 0)
    return NULL;
  /* TRANSLATORS: presenter mode's caption: the annotations in the part of the map shown */
  return g_strdup_printf (_("On the map:\n%s"), text->str);
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL && text[0] != '\0');
}

static void
fill_caption (AtlasPresenter *p)
{
  AtlasDataset *dataset = p->window->dataset;
  const AtlasPartnership *partnership;
  const AtlasDistrict *district;
  g_autofree char *subtitle = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *counter = NULL;
  AtlasBBox bbox;

  step_subject (p, p->step, &partnership, &district);
  if (partnership != NULL)
    {
      set_label (p->title, partnership->name);
      /* TRANSLATORS: presenter mode: a partnership's kind and how many districts it covers */
      subtitle = g_strdup_printf (ngettext ("%s · %u district", "%s · %u districts",
                                            partnership->n_districts),
                                  partnership->kind == ATLAS_PARTNERSHIP_PLACE
                                  ? _("Place partnership") : _("Thematic partnership"),
                                  partnership->n_districts);
    }
  else if (district != NULL)
    {
      set_label (p->title, district->name);
      subtitle = g_strdup (district->partnership != NULL ? district->partnership->name : NULL);
    }
  else
    {
      set_label (p->title, atlas_dataset_get_name (dataset));
      subtitle = g_strdup (atlas_dataset_get_nhs_body (dataset));
    }
  set_label (p->subtitle, subtitle);
  if (!atlas_map_state_get_selection_bbox (p->window->state, &bbox))
    bbox = *atlas_dataset_get_bbox (dataset);
  notes = annotations_in (p, &bbox);
  set_label (p->detail, notes);
  /* TRANSLATORS: presenter mode: the step shown and how many there are, "4 / 18" */
  counter = g_strdup_printf (_("%u / %u"), p->step + 1, p->n_steps);
  set_label (p->counter, counter);
}

static void
show_step (AtlasPresenter *p)
{
  const AtlasPartnership *partnership;
  const AtlasDistrict *district;
  AtlasSelection *selection = p->window->selection;
  gboolean animate = gtk_widget_get_mapped (GTK_WIDGET (p->window));

  step_subject (p, p->step, &partnership, &district);
  p->moving = TRUE;
  if (partnership != NULL)
    atlas_selection_present (selection, ATLAS_SELECTION_PARTNERSHIP, partnership->id);
  else if (district != NULL)
    atlas_selection_present (selection, ATLAS_SELECTION_DISTRICT, district->id);
  else
    atlas_selection_present (selection, ATLAS_SELECTION_NONE, NULL);
  p->moving = FALSE;
  if (partnership != NULL || district != NULL)
    atlas_window_frame_selection (p->window, animate);
  else
    atlas_window_frame_all (p->window, animate);
  fill_caption (p);
}

/* A black screen: over the map, and the caption column black and empty. */
static void
set_blank (AtlasPresenter *p,
           gboolean        blank)
{
  p->blank = blank;
  gtk_widget_set_visible (p->blank_screen, blank);
  if (blank)
    gtk_widget_add_css_class (p->caption, "atlas-presenter-blanked");
  else
    gtk_widget_remove_css_class (p->caption, "atlas-presenter-blanked");
}

static void
go_to (AtlasPresenter *p,
       int             step)
{
  set_blank (p, FALSE);
  p->step = CLAMP (step, 0, (int) p->n_steps - 1);
  show_step (p);
}

/* Whatever else selects a record meanwhile (the history buttons of a mouse, a script over
 * D-Bus): the caption follows, and a district is its step. */
static void
selection_changed_cb (AtlasPresenter *p)
{
  const AtlasDistrict *district;
  guint n_partnerships = 0;

  if (p->moving)
    return;
  atlas_dataset_get_partnerships (p->window->dataset, &n_partnerships);
  district = atlas_selection_get_district (p->window->selection);
  if (district != NULL)
    p->step = n_partnerships + 1 + district->index;
  else if (atlas_selection_get_kind (p->window->selection) == ATLAS_SELECTION_NONE)
    p->step = 0;
  fill_caption (p);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AtlasWindow           *self)
{
  /* Shortcuts with Ctrl or Alt are the window's own. */
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  return _atlas_window_presenter_key (self, keyval);
}

static GtkWidget *
caption_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The caption's width: a little over a third of the screen the window is on (it is about to
 * fill it), else of the window. */
static int
caption_width (AtlasWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *monitor = NULL;
  GdkRectangle screen = { 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), 0 };

  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  surface);
  if (monitor != NULL)
    gdk_monitor_get_geometry (monitor, &screen);
  return (int) (screen.width * 0.36);
}

/* The caption takes the side panel's place, beside the map rather than over it, however wide
 * the window: the subject each step frames is never under it. */
static void
build (AtlasPresenter *p)
{
  AtlasWindow *self = p->window;

  p->caption = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (p->caption, "atlas-presenter-caption");
  p->title = caption_label ("atlas-presenter-title");
  p->subtitle = caption_label ("atlas-presenter-subtitle");
  p->detail = caption_label ("atlas-presenter-detail");
  p->counter = caption_label ("atlas-presenter-counter");
  gtk_label_set_max_width_chars (GTK_LABEL (p->title), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (p->subtitle), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (p->detail), 20);
  gtk_box_append (GTK_BOX (p->caption), p->title);
  gtk_box_append (GTK_BOX (p->caption), p->subtitle);
  gtk_box_append (GTK_BOX (p->caption), p->detail);
  gtk_box_append (GTK_BOX (p->caption), p->counter);
  gtk_widget_set_vexpand (p->detail, TRUE);
  gtk_widget_set_valign (p->detail, GTK_ALIGN_START);
  p->sidebar = g_object_ref (adw_bin_get_child (self->sidebar_bin));
  adw_bin_set_child (self->sidebar_bin, p->caption);
  _atlas_window_hold_panel (self, caption_width (self));

  p->blank_screen = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (p->blank_screen, "atlas-presenter-blank");
  gtk_widget_set_visible (p->blank_screen, FALSE);
  gtk_overlay_add_overlay (p->window->map_overlay, p->blank_screen);
}

static void
remember_window (AtlasPresenter *p)
{
  AtlasWindow *self = p->window;
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);

  p->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  p->header_visible = gtk_widget_get_visible (get_header (self));
  p->palette_visible = gtk_widget_get_visible (self->annotation_palette);
  if (ATLAS_IS_SIDEBAR (_atlas_window_get_sidebar (self)))
    p->page = g_strdup (atlas_sidebar_get_page (ATLAS_SIDEBAR (_atlas_window_get_sidebar (self))));
  p->kind = atlas_selection_get_kind (self->selection);
  p->selection = g_strdup (atlas_selection_get_id (self->selection));
  p->latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  p->longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  p->zoom = shumate_viewport_get_zoom_level (viewport);
}

static void
restore_window (AtlasPresenter *p)
{
  AtlasWindow *self = p->window;
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);

  atlas_selection_present (self->selection, p->kind, p->selection);
  if (p->page != NULL && ATLAS_IS_SIDEBAR (p->sidebar))
    atlas_sidebar_set_page (ATLAS_SIDEBAR (p->sidebar), p->page);
  gtk_widget_set_visible (get_header (self), p->header_visible);
  adw_bin_set_child (self->sidebar_bin, p->sidebar);
  g_clear_object (&p->sidebar);
  gtk_widget_set_visible (self->annotation_palette, p->palette_visible);
  /* Folded or beside the map, shown or not, as before, once the window is its size again. */
  _atlas_window_release_panel (self);
  if (!p->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  shumate_map_stop_go_to (SHUMATE_MAP (_atlas_window_get_map_widget (self)));
  shumate_viewport_set_zoom_level (viewport, p->zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), p->latitude, p->longitude);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (self->presenter != NULL)
    atlas_window_stop_presenting (self);
  else
    atlas_window_start_presenting (self);
}

void
_atlas_window_class_init_presenter (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}

void
_atlas_window_presenter_dispose (AtlasWindow *self)
{
  if (self->presenter == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->selection, self->presenter);
  g_clear_object (&self->presenter->sidebar);
  g_free (self->presenter->selection);
  g_free (self->presenter->page);
  g_clear_pointer (&self->presenter, g_free);
}

void
_atlas_window_presenter_show_district (AtlasWindow         *self,
                                       const AtlasDistrict *district)
{
  guint n_partnerships = 0;

  if (self->presenter == NULL)
    return;
  atlas_dataset_get_partnerships (self->dataset, &n_partnerships);
  go_to (self->presenter, (int) (n_partnerships + 1 + district->index));
}

gboolean
_atlas_window_presenter_key (AtlasWindow *self,
                             guint        keyval)
{
  AtlasPresenter *p = self->presenter;

  if (p == NULL)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_Down:
      go_to (p, (int) p->step + (p->blank ? 0 : 1));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Up:
      go_to (p, (int) p->step - (p->blank ? 0 : 1));
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      go_to (p, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      go_to (p, (int) p->n_steps - 1);
      return TRUE;
    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
      set_blank (p, !p->blank);
      return TRUE;
    case GDK_KEY_Escape:
      atlas_window_stop_presenting (self);
      return TRUE;
    default:
      return FALSE;
    }
}

int
_atlas_window_get_presenter_step (AtlasWindow *self)
{
  return self->presenter != NULL ? (int) self->presenter->step : -1;
}

guint
_atlas_window_get_presenter_n_steps (AtlasWindow *self)
{
  return self->presenter != NULL ? self->presenter->n_steps : 0;
}

gboolean
_atlas_window_presenter_is_blank (AtlasWindow *self)
{
  return self->presenter != NULL && self->presenter->blank;
}

GtkWidget *
_atlas_window_get_presenter_caption (AtlasWindow *self)
{
  return self->presenter != NULL ? self->presenter->caption : NULL;
}

gboolean
atlas_window_start_presenting (AtlasWindow *self)
{
  AtlasPresenter *p;
  guint n_partnerships = 0, n_districts = 0;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  if (self->presenter != NULL || self->dataset == NULL)
    return FALSE;
  p = self->presenter = g_new0 (AtlasPresenter, 1);
  p->window = self;
  atlas_dataset_get_partnerships (self->dataset, &n_partnerships);
  atlas_dataset_get_districts (self->dataset, &n_districts);
  p->n_steps = 1 + n_partnerships + n_districts;
  remember_window (p);

  gtk_popover_popdown (atlas_annotation_layer_get_editor (self->annotation_layer));
  gtk_widget_set_visible (get_header (self), FALSE);
  gtk_widget_set_visible (self->annotation_palette, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "atlas-presenting");
  build (p);
  gtk_window_fullscreen (GTK_WINDOW (self));

  /* Before the map's and the window's own keys: arrows move the steps, not the map. */
  p->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (p->keys, GTK_PHASE_CAPTURE);
  g_signal_connect (p->keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), p->keys);
  g_signal_connect_swapped (self->selection, "changed", G_CALLBACK (selection_changed_cb), p);
  gtk_widget_grab_focus (_atlas_window_get_map_widget (self));
  go_to (p, 0);
  return TRUE;
}

void
atlas_window_stop_presenting (AtlasWindow *self)
{
  AtlasPresenter *p;

  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if ((p = self->presenter) == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->selection, p);
  gtk_widget_remove_controller (GTK_WIDGET (self), p->keys);
  gtk_overlay_remove_overlay (self->map_overlay, p->blank_screen);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "atlas-presenting");
  restore_window (p);
  g_free (p->selection);
  g_free (p->page);
  g_clear_pointer (&self->presenter, g_free);
}

gboolean
atlas_window_is_presenting (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return self->presenter != NULL;
}
