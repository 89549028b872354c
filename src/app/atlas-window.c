/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "atlas-sidebar.h"
#include "atlas-startup-trace.h"
#include "atlas-text.h"
#include "atlas-window-private.h"

/* A release further than this from its press (in pixels) ended a drag, not a click. */
#define CLICK_SLOP 4.0
#define READY_ENV "ICS_ATLAS_REPORT_READY"

/* Shown until a dataset is loaded (or when it fails to load): Great Britain. */
static const AtlasBBox great_britain = { -8.2, 49.9, 1.8, 58.7 };

enum {
  PROP_0,
  PROP_BASEMAP,
  PROP_SYSTEM,
  PROP_THEMATIC,
  N_PROPS
};

enum {
  READY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

gboolean
_atlas_settings_has_key (GSettings  *settings,
                         const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, key);
}

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* The schema is optional: without it (an uninstalled build) nothing is remembered. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
selection_changed_cb (AtlasWindow *self)
{
  _atlas_window_update_actions (self);
  /* The folded panel opens first: framing the selection keeps clear of it. */
  _atlas_window_adaptive_selection_changed (self);
  _atlas_window_follow_selection (self);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  AtlasWindow     *self)
{
  self->press_x = x;
  self->press_y = y;
  gtk_widget_grab_focus (_atlas_window_get_map_widget (self));
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   AtlasWindow     *self)
{
  if (n_press == 1)
    _atlas_window_handle_click (self, self->press_x, self->press_y, x, y);
}

/* What hovering a point of the map names: a site's symbol, else the district under it with
 * its partnership. The map, not the layer, is what the pointer finds. */
char *
_atlas_window_describe_point (AtlasWindow *self,
                              double       x,
                              double       y)
{
  GtkWidget *map = _atlas_window_get_map_widget (self);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  const AtlasDistrict *district;
  const AtlasSite *site;
  g_autofree char *name = NULL;
  g_autofree char *partnership = NULL;
  AtlasPointLayer *points;
  AtlasPointCluster point;
  double lx, ly, lat, lon;
  char *annotation;

  /* Annotations are drawn over everything. */
  if ((annotation = _atlas_window_describe_annotation (self, x, y)) != NULL)
    return annotation;
  /* Names from the dataset stay on one line each: a tooltip cannot grow past the screen. */
  if (gtk_widget_translate_coordinates (map, GTK_WIDGET (self->district_layer), x, y, &lx, &ly)
      && (site = atlas_district_layer_get_site_at (self->district_layer, lx, ly)) != NULL)
    return atlas_text_one_line (site->name, ATLAS_TEXT_NAME_CHARS);
  if (gtk_widget_translate_coordinates (map, GTK_WIDGET (self->district_layer), x, y, &lx, &ly)
      && atlas_district_layer_get_point_at (self->district_layer, lx, ly, &points, &point))
    {
      const AtlasPlace *place = &atlas_points_get_places (atlas_point_layer_get_points (points),
                                                          NULL)[point.index];
      g_autofree char *place_name = atlas_text_one_line (place->name, ATLAS_TEXT_NAME_CHARS);

      if (point.count > 1)
        /* TRANSLATORS: the tooltip of a symbol that stands for several of a planner's points */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more point",
                                             "%s and %u more points", point.count - 1),
                                place_name, point.count - 1);
      return g_steal_pointer (&place_name);
    }
  if (self->dataset == NULL || shumate_viewport_get_reference_map_source (viewport) == NULL)
    return NULL;
  shumate_viewport_widget_coords_to_location (viewport, map, x, y, &lat, &lon);
  district = atlas_dataset_locate (self->dataset, lat, lon);
  if (district == NULL)
    return NULL;
  name = atlas_text_one_line (district->name, ATLAS_TEXT_NAME_CHARS);
  if (district->partnership == NULL)
    return g_steal_pointer (&name);
  partnership = atlas_text_one_line (district->partnership->name, ATLAS_TEXT_NAME_CHARS);
  /* TRANSLATORS: a district's tooltip on the map: its name, then its partnership's */
  return g_strdup_printf (_("%s\n%s"), name, partnership);
}

static gboolean
query_tooltip_cb (GtkWidget   *map,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip,
                  AtlasWindow *self)
{
  g_autofree char *text = NULL;

  if (keyboard_mode || (text = _atlas_window_describe_point (self, x, y)) == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AtlasWindow              *self)
{
  if (self->pointer_hover)
    _atlas_window_handle_motion (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          AtlasWindow              *self)
{
  if (self->pointer_hover)
    atlas_district_layer_set_hovered (self->district_layer, NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                AtlasWindow   *self)
{
  if (!self->ready)
    atlas_trace_startup ("frame-painted");
  _atlas_window_check_ready (self);
}

/* Once the map has its size and the dataset is framed (the layout of the first frame), the
 * tiles of the view are drawn in worker threads while that frame is painted, instead of from
 * the idle that libshumate asks for them after it. */
static void
layout_cb (GdkFrameClock *clock,
           AtlasWindow   *self)
{
  _atlas_window_adaptive_layout (self);
  if (self->prerendered || self->dataset == NULL
      || gtk_widget_get_width (_atlas_window_get_map_widget (self)) <= 0)
    return;
  self->prerendered = TRUE;
  _atlas_window_prerender_view (self);
  atlas_trace_startup ("tiles-prerendering");
}

static void
banner_close_cb (AtlasWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static gboolean
close_request_cb (AtlasWindow *self)
{
  /* Unsaved changes to a map: asked first, and the window may stay. */
  if (_atlas_window_document_close_request (self))
    return TRUE;
  _atlas_window_state_save (self);
  return FALSE;
}

static void
atlas_window_realize (GtkWidget *widget)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  /* The panel folds or not before the first frame, without sliding. */
  _atlas_window_adaptive_realize (self);
  GTK_WIDGET_CLASS (atlas_window_parent_class)->realize (widget);

  /* Readiness is judged after a frame is painted: only then are finished tiles on screen. */
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (after_paint_cb), self, 0);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "layout",
                           G_CALLBACK (layout_cb), self, G_CONNECT_AFTER);
}

static void
atlas_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      g_value_set_string (value, self->basemap != NULL ? self->basemap : "offline");
      break;
    case PROP_SYSTEM:
      g_value_set_string (value, self->dataset_location != NULL ? self->dataset_location : "");
      break;
    case PROP_THEMATIC:
      g_value_set_string (value, _atlas_window_get_thematic (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      atlas_window_set_basemap (self, g_value_get_string (value));
      break;
    case PROP_SYSTEM:
      if (g_value_get_string (value) != NULL)
        atlas_window_open_dataset (self, g_value_get_string (value));
      break;
    case PROP_THEMATIC:
      _atlas_window_set_thematic (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  _atlas_window_presenter_dispose (self);
  _atlas_window_basemap_dispose (self);
  _atlas_window_datasets_dispose (self);
  _atlas_window_data_dispose (self);
  _atlas_window_thematic_dispose (self);
  _atlas_window_document_dispose (self);
  _atlas_window_overlays_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);
  self->district_layer = NULL;
  g_clear_object (&self->dataset);
  g_clear_object (&self->selection);
  g_clear_object (&self->state);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_window_dispose;
  object_class->get_property = atlas_window_get_property;
  object_class->set_property = atlas_window_set_property;
  widget_class->realize = atlas_window_realize;

  properties[PROP_BASEMAP] =
    g_param_spec_string ("basemap", NULL, NULL, "offline",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The system shown: a bundled id or a dataset file's absolute path. Setting it opens that
   * system in the background; the value changes once it is shown. */
  properties[PROP_SYSTEM] =
    g_param_spec_string ("system", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the districts are coloured by: "partnerships", an indicator's id or a data layer's
   * ("data:" and its file's name). */
  properties[PROP_THEMATIC] =
    g_param_spec_string ("thematic", NULL, NULL, "partnerships",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted once per dataset, when its visible base map tiles and districts are painted. */
  signals[READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/icsatlas/IcsAtlas/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, flap_bin);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, simple_map);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, licence_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, licence_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, licence_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, panel_separator);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar_bin);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, banner_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);

  /* Every window action is installed on the class, here: none on the instance. */
  _atlas_window_class_init_actions (widget_class);
  _atlas_window_class_init_datasets (widget_class);
  _atlas_window_class_init_thematic (widget_class);
  _atlas_window_class_init_data (widget_class);
  _atlas_window_class_init_export (widget_class);
  _atlas_window_class_init_annotations (widget_class);
  _atlas_window_class_init_document (widget_class);
  _atlas_window_class_init_presenter (widget_class);
  _atlas_window_class_init_adaptive (widget_class);
  _atlas_window_class_init_keyboard (widget_class);
}

static void
setup_map (AtlasWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  GtkWidget *map = _atlas_window_get_map_widget (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  /* The base map goes in first: libshumate puts the first base layer on top of everything. */
  self->district_layer = atlas_district_layer_new (viewport, self->state);
  _atlas_window_basemap_init (self);
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->district_layer));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (map, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (map, motion);
  gtk_widget_set_focusable (map, TRUE);
  gtk_widget_set_has_tooltip (map, TRUE);
  g_signal_connect (map, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  _atlas_window_add_map_shortcuts (self);
  _atlas_window_basemap_restore (self);
}

static void
atlas_window_init (AtlasWindow *self)
{
  /* The win.basemap action reads the property as soon as the template is built. */
  self->basemap = g_strdup ("offline");
  self->pointer_hover = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = create_settings ();
  self->state = atlas_map_state_new ();
  self->selection = g_object_ref (atlas_map_state_get_selection (self->state));
  g_signal_connect_swapped (self->selection, "changed", G_CALLBACK (selection_changed_cb), self);

  _atlas_window_overlays_init (self);
  setup_map (self);
  _atlas_window_datasets_init (self);
  _atlas_window_thematic_init (self);
  _atlas_window_data_init (self);

  adw_bin_set_child (self->sidebar_bin, atlas_sidebar_new (self->selection));
  _atlas_window_annotations_init (self);
  _atlas_window_document_init (self);
  _atlas_window_adaptive_init (self);
  _atlas_window_keyboard_init (self);
  _atlas_window_state_restore (self);
  _atlas_window_report_init (self);

  gtk_window_set_focus (GTK_WINDOW (self), _atlas_window_get_map_widget (self));
  atlas_district_layer_frame (self->district_layer, &great_britain, FALSE);
  _atlas_window_update_actions (self);
  _atlas_window_bench_init (self);
}

/* Internal API */

GtkWidget *
_atlas_window_get_map_widget (AtlasWindow *self)
{
  return GTK_WIDGET (shumate_simple_map_get_map (self->simple_map));
}

AtlasMapState *
_atlas_window_get_state (AtlasWindow *self)
{
  return self->state;
}

GtkWidget *
_atlas_window_get_sidebar (AtlasWindow *self)
{
  return adw_bin_get_child (self->sidebar_bin);
}

void
_atlas_window_handle_click (AtlasWindow *self,
                            double       press_x,
                            double       press_y,
                            double       release_x,
                            double       release_y)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  GtkWidget *map = _atlas_window_get_map_widget (self);
  const AtlasDistrict *district;
  const AtlasSite *site;
  AtlasPointLayer *points;
  AtlasPointCluster point;
  double lat, lon, lx, ly;

  if (hypot (release_x - press_x, release_y - press_y) > CLICK_SLOP || self->dataset == NULL)
    return;

  /* A site's symbol lies over its district: it takes the click. */
  if (gtk_widget_translate_coordinates (map, GTK_WIDGET (self->district_layer), release_x,
                                        release_y, &lx, &ly)
      && (site = atlas_district_layer_get_site_at (self->district_layer, lx, ly)) != NULL)
    {
      atlas_district_layer_popup_site (self->district_layer, site);
      return;
    }
  /* Then a planner's points, drawn over the sites. */
  if (gtk_widget_translate_coordinates (map, GTK_WIDGET (self->district_layer), release_x,
                                        release_y, &lx, &ly)
      && atlas_district_layer_get_point_at (self->district_layer, lx, ly, &points, &point))
    {
      atlas_district_layer_popup_point (self->district_layer, points, &point);
      return;
    }

  shumate_viewport_widget_coords_to_location (viewport, _atlas_window_get_map_widget (self),
                                              release_x, release_y, &lat, &lon);
  district = atlas_dataset_locate (self->dataset, lat, lon);
  /* While presenting, a district clicked is the step shown. */
  if (district != NULL && self->presenter != NULL)
    _atlas_window_presenter_show_district (self, district);
  else if (district != NULL)
    atlas_selection_select (self->selection, ATLAS_SELECTION_DISTRICT, district->id);
  else
    atlas_selection_clear (self->selection);
}

void
_atlas_window_handle_motion (AtlasWindow *self,
                             double       x,
                             double       y)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  const AtlasDistrict *district = NULL;
  double lat, lon;

  if (self->dataset != NULL && shumate_viewport_get_reference_map_source (viewport) != NULL)
    {
      shumate_viewport_widget_coords_to_location (viewport, _atlas_window_get_map_widget (self),
                                                  x, y, &lat, &lon);
      district = atlas_dataset_locate (self->dataset, lat, lon);
    }
  atlas_district_layer_set_hovered (self->district_layer, district);
}

void
_atlas_window_show_banner (AtlasWindow *self,
                           const char  *text)
{
  g_autofree char *line = atlas_text_one_line (text, 4 * ATLAS_TEXT_NAME_CHARS);

  /* At most three lines, whatever the text: the banner must not push the map away. */
  gtk_label_set_wrap_mode (self->banner_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->banner_label, 3);
  gtk_label_set_ellipsize (self->banner_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_text (self->banner_label, line);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

void
_atlas_window_check_ready (AtlasWindow *self)
{
  AtlasWatchedSource *source = self->offline_source;

  if (self->ready || self->dataset == NULL || source == NULL
      || atlas_watched_source_get_pending (source) > 0
      || atlas_watched_source_get_filled (source) <= self->ready_filled_base
      || atlas_district_layer_get_paint_count (self->district_layer) == 0
      || self->data_loading > 0)
    return;

  self->ready = TRUE;
  atlas_trace_startup ("map-complete");
  if (g_strcmp0 (g_getenv (READY_ENV), "1") == 0)
    {
      g_print ("ready %" G_GINT64_FORMAT "\n", atlas_ms_since_exec ());
      fflush (stdout);
    }
  g_signal_emit (self, signals[READY], 0);
}

void
_atlas_window_rearm_ready (AtlasWindow *self)
{
  self->ready = FALSE;
  self->prerendered = FALSE;
  self->ready_filled_base = self->offline_source != NULL
                              ? atlas_watched_source_get_filled (self->offline_source) : 0;
}

/* Public API */

AtlasWindow *
atlas_window_new (GtkApplication *application)
{
  return g_object_new (ATLAS_TYPE_WINDOW, "application", application, NULL);
}

void
atlas_window_set_dataset (AtlasWindow  *self,
                          AtlasDataset *dataset)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  _atlas_window_rearm_ready (self);
  atlas_district_layer_set_hovered (self->district_layer, NULL);
  atlas_map_state_set_dataset (self->state, dataset);

  if (dataset != NULL)
    {
      /* The dataset's text on one line each: a name of many lines would grow the window. */
      g_autofree char *name = atlas_text_one_line (atlas_dataset_get_name (dataset),
                                                   ATLAS_TEXT_NAME_CHARS);
      g_autofree char *short_name = atlas_text_one_line (atlas_dataset_get_short_name (dataset),
                                                         ATLAS_TEXT_NAME_CHARS);

      adw_window_title_set_title (self->window_title, short_name != NULL ? short_name : name);
      adw_window_title_set_subtitle (self->window_title, name);
      gtk_window_set_title (GTK_WINDOW (self), name);
      _atlas_window_document_update_title (self);
    }
  _atlas_window_update_licence (self);
  _atlas_window_datasets_changed (self);
  /* The legend first: framing keeps the districts clear of it. */
  _atlas_window_thematic_changed (self);
  if (dataset != NULL)
    atlas_window_frame_all (self, FALSE);

  _atlas_window_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

AtlasDataset *
atlas_window_get_dataset (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->dataset;
}

AtlasSelection *
atlas_window_get_selection (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->selection;
}

const char *
atlas_window_get_basemap (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->basemap;
}

gboolean
atlas_window_set_basemap (AtlasWindow *self,
                          const char  *basemap)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return _atlas_window_basemap_apply (self, basemap);
}

gboolean
atlas_window_select (AtlasWindow *self,
                     const char  *id)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return id != NULL && atlas_selection_select_any (self->selection, id);
}

gboolean
atlas_window_select_district (AtlasWindow *self,
                              const char  *id)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return id != NULL && atlas_selection_select (self->selection, ATLAS_SELECTION_DISTRICT, id);
}

void
atlas_window_clear_selection (AtlasWindow *self)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  atlas_selection_clear (self->selection);
}

void
atlas_window_frame_all (AtlasWindow *self,
                        gboolean     animate)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (self->dataset != NULL)
    atlas_district_layer_frame (self->district_layer, atlas_dataset_get_bbox (self->dataset),
                                animate);
}

gboolean
atlas_window_get_ready (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return self->ready;
}
