/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-annotation-layer.h"
#include "atlas-basemap.h"
#include "atlas-district-layer.h"
#include "atlas-watched-source.h"
#include "atlas-window.h"
#include "atlas-window-test-private.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkWidget *flap_bin;           /* decides the fold from its width, then lays out the flap */
  AdwFlap *flap;                 /* the map, and the side panel beside it or folded over it */
  GtkToggleButton *panel_button;
  GtkOverlay *map_overlay;
  ShumateSimpleMap *simple_map;
  GtkWidget *licence_box;
  GtkLabel *licence_label;
  GtkToggleButton *licence_button;
  GtkWidget *panel_separator;
  AdwClamp *sidebar_clamp;
  AdwBin *sidebar_bin;
  AdwToastOverlay *toast_overlay;

  AtlasDataset *dataset;
  AtlasMapState *state;          /* what the map shows: every output reads it */
  AtlasSelection *selection;     /* the state's */
  AtlasDistrictLayer *district_layer;
  GSettings *settings;           /* NULL when the schema is not installed */

  /* Base maps: the offline one always underneath, the street map above it when chosen. */
  char *basemap;                 /* "offline" or "osm" */
  AtlasWatchedSource *offline_source;
  AtlasWatchedSource *osm_source;
  ShumateMapLayer *osm_layer;
  ShumateMapSourceRegistry *registry;

  double press_x;
  double press_y;
  gboolean pointer_hover;        /* the pointer's motion hovers districts */

  gboolean ready;
  guint ready_filled_base;       /* tiles filled before readiness was last asked for */
  gboolean prerendered;          /* the first view's tiles are asked for, for this dataset */

  /* atlas-window-datasets.c */
  char *dataset_location;        /* bundled id or absolute path of the system shown */
  char *next_location;           /* that of the dataset being set, while it is set */
  GCancellable *load_cancellable;
  guint loading;                 /* loads in flight */
  GtkWidget *load_error_dialog;  /* not a reference; NULL when closed */

  /* atlas-window-thematic.c */
  GtkWidget *legend_card;
  GtkDropDown *thematic_dropdown;
  GtkWidget *legend;
  gboolean updating_dropdown;

  /* atlas-window-annotations.c */
  AtlasAnnotationLayer *annotation_layer;
  GtkWidget *annotation_palette;

  /* atlas-window-document.c */
  GFile *document;               /* the map document shown, or NULL */
  struct _AtlasWindowSaved *saved;  /* what it held when last opened or saved */
  GPtrArray *carried_layers;     /* its data layers the readers refused (AtlasDocumentLayer) */
  gboolean extent_pending;       /* a document's view waits for the map to have a size */
  AtlasBBox pending_extent;
  guint extent_tick;
  GCancellable *document_cancellable;
  GMenu *recent_menu;

  /* atlas-presenter.c */
  struct _AtlasPresenter *presenter;  /* while presenting, else NULL */

  /* atlas-window-adaptive.c */
  int panel_width;               /* the side panel's width when beside the map */
  double drag_start_width;
  int map_width;                 /* the map's size at the last layout */
  int map_height;
  gboolean stepping;             /* the selection is being moved from the keyboard */
  gboolean focus_panel_when_shown;
  /* Presenter mode holds the panel beside the map; the panel as it was, put back after. */
  gboolean panel_held;
  gboolean restore_pending;      /* whether it was shown waits for its fold to come back */
  int held_width;
  gboolean held_folded;
  gboolean held_revealed;

  /* atlas-window-overlays.c */
  GtkWidget *legend_button;      /* opens the legend when the card is compact */
  gboolean legend_compact;
  AdwStyleManager *style_manager;
  guint thematic_stamp;          /* counts changes of a planner's layers */

  /* atlas-window-data.c */
  GCancellable *data_cancellable;
  guint data_loading;            /* layer loads in flight */
  gboolean data_restored;        /* the remembered layers were asked for */
  GPtrArray *data_restoring;     /* their definitions, while they are read */
  GtkWidget *data_dialog;        /* the data layers' options; not a reference */
  GtkWidget *data_error_dialog;  /* a refused file's message; not a reference */
};

/* Whether settings (which may be NULL, when the schema is not installed) has key: the window,
 * its exports and the export dialog read and write only the keys their schema has. */
gboolean _atlas_settings_has_key         (GSettings   *settings,
                                          const char  *key);

void     _atlas_window_check_ready       (AtlasWindow *self);
/* atlas-window-basemap.c: starts drawing the offline tiles of the current view. */
void     _atlas_window_prerender_view    (AtlasWindow *self);

/* atlas-window-actions.c */
void     _atlas_window_class_init_actions (GtkWidgetClass *widget_class);
void     _atlas_window_update_actions    (AtlasWindow *self);
void     _atlas_window_add_map_shortcuts (AtlasWindow *self);
/* Frames or centres the map on a newly selected partnership, trust or site. */
void     _atlas_window_follow_selection  (AtlasWindow *self);

/* atlas-window-basemap.c */
/* Sets the offline map; call before any overlay layer is added. */
void     _atlas_window_basemap_init      (AtlasWindow *self);
void     _atlas_window_basemap_dispose   (AtlasWindow *self);
/* Brings back the remembered base map choice; call once the layers are in. */
void     _atlas_window_basemap_restore   (AtlasWindow *self);
/* The theme changed: a new offline source in its style, and the map state's theme. */
void     _atlas_window_basemap_restyle   (AtlasWindow *self);
gboolean _atlas_window_basemap_apply     (AtlasWindow *self,
                                          const char  *basemap);
void     _atlas_window_show_banner       (AtlasWindow *self,
                                          const char  *text);

/* atlas-window-export.c: screenshot, copy, export, print and meeting pack actions */
void     _atlas_window_class_init_export (GtkWidgetClass *widget_class);
void     _atlas_window_update_export_actions (AtlasWindow *self);

/* atlas-window-bench.c */
/* The frame benchmark's scripted pan and zoom, armed by ICS_ATLAS_BENCH_PAN=SECONDS. */
void     _atlas_window_bench_init        (AtlasWindow *self);

/* atlas-window-datasets.c */
void     _atlas_window_class_init_datasets (GtkWidgetClass *widget_class);
void     _atlas_window_datasets_init     (AtlasWindow *self);
void     _atlas_window_datasets_dispose  (AtlasWindow *self);
/* Called by atlas_window_set_dataset: radio items and the remembered system follow. */
void     _atlas_window_datasets_changed  (AtlasWindow *self);
/* A dialog listing error's problems, one per line, with path's folder left out of them
 * (path: the file they are in, or NULL). */
void     _atlas_window_show_problems     (AtlasWindow  *self,
                                          const char   *heading,
                                          const char   *body,
                                          const char   *path,
                                          const GError *error);
/* The first dataset of a new window: request (a bundled id or a file), or with NULL the
 * remembered one if it is trusted, else the default system with a word in the banner. */
void     _atlas_window_open_at_start     (AtlasWindow  *self,
                                          const char   *request);
/* Shows a loaded dataset, remembering where it came from (a bundled id or a path). */
void     _atlas_window_set_dataset_from  (AtlasWindow  *self,
                                          AtlasDataset *dataset,
                                          const char   *location);

/* atlas-window-annotations.c */
void     _atlas_window_class_init_annotations (GtkWidgetClass *widget_class);
/* Adds the annotation layer over the map, the tool palette, their keys and the side panel's
 * page; after setup_map () and the side panel. */
void     _atlas_window_annotations_init  (AtlasWindow *self);
/* "Label\nNote" of the annotation drawn at (x, y) in the map's coordinates, or NULL. */
char    *_atlas_window_describe_annotation (AtlasWindow *self,
                                            double       x,
                                            double       y);

/* atlas-window-document.c */
void     _atlas_window_class_init_document (GtkWidgetClass *widget_class);
void     _atlas_window_document_init     (AtlasWindow *self);
void     _atlas_window_document_dispose  (AtlasWindow *self);
/* The title: the document's name (with a bullet while it has unsaved changes), else the
 * system's. */
void     _atlas_window_document_update_title (AtlasWindow *self);
/* Opens a map document here, or in a new window when this one has unsaved changes. */
void     _atlas_window_open_map_in_place (AtlasWindow *self,
                                          GFile       *file);
/* TRUE when closing waits for the planner's answer about unsaved changes. */
gboolean _atlas_window_document_close_request (AtlasWindow *self);

/* atlas-presenter.c */
void     _atlas_window_class_init_presenter (GtkWidgetClass *widget_class);
void     _atlas_window_presenter_dispose (AtlasWindow *self);
/* Goes to a district's step (a click on the map while presenting). */
void     _atlas_window_presenter_show_district (AtlasWindow         *self,
                                                const AtlasDistrict *district);

/* atlas-window-adaptive.c: the side panel beside the map or folded over it */
void     _atlas_window_class_init_adaptive (GtkWidgetClass *widget_class);
void     _atlas_window_adaptive_init     (AtlasWindow *self);
/* Called before the window is first shown: the fold for the size it opens at. */
void     _atlas_window_adaptive_realize  (AtlasWindow *self);
/* Called at every layout: follows the map's size (the compact legend). */
void     _atlas_window_adaptive_layout   (AtlasWindow *self);

/* Called on selection changes: a selection opens the folded panel. */
void     _atlas_window_adaptive_selection_changed (AtlasWindow *self);
/* Shows the side panel, over the map when folded; and with the focus in its page. */
void     _atlas_window_reveal_panel      (AtlasWindow *self);
void     _atlas_window_focus_panel       (AtlasWindow *self);
/* Whether the panel is folded over the map rather than beside it. */
gboolean _atlas_window_panel_is_folded   (AtlasWindow *self);
/* Presenter mode: the panel's place (the caption, by then) beside the map at width, whatever
 * the window's width; _release puts back the panel's width, and whether it was shown once the
 * window is back at a size where it folds as it did. */
void     _atlas_window_hold_panel        (AtlasWindow *self,
                                          int          width);
void     _atlas_window_release_panel     (AtlasWindow *self);

/* atlas-window-keyboard.c: the map's focus, keys that move the selection, fullscreen */
void     _atlas_window_class_init_keyboard (GtkWidgetClass *widget_class);
void     _atlas_window_keyboard_init     (AtlasWindow *self);

/* atlas-window-state.c: size, maximised, the panel's page and width, remembered */
void     _atlas_window_state_restore     (AtlasWindow *self);

/* atlas-window-report.c: ICS_ATLAS_REPORT_LAYOUT and ICS_ATLAS_WINDOW_SIZE */
void     _atlas_window_report_init       (AtlasWindow *self);

void     _atlas_window_state_save        (AtlasWindow *self);

/* atlas-window-overlays.c: what lies over the map (legend card, licence line), in the theme's
 * colours, and the theme itself */
void     _atlas_window_overlays_init     (AtlasWindow *self);
void     _atlas_window_overlays_dispose  (AtlasWindow *self);
/* The legend under the thematic switch, with the button that opens it when compact. */
GtkWidget *_atlas_window_wrap_legend     (AtlasWindow *self,
                                          GtkWidget   *legend);
/* A small map shows the legend card compact, its legend behind a button. */
void     _atlas_window_set_legend_compact (AtlasWindow *self,
                                           gboolean     compact);
/* The licence line: the boundary data's licence, and the street map's when it is shown. */
void     _atlas_window_update_licence    (AtlasWindow *self);
/* The base map style and the cartography's theme that the resolved GTK theme asks for:
 * libadwaita's dark and high-contrast styles, and any other theme (GTK_THEME=Adwaita:dark)
 * by its colours. */
AtlasBasemapStyle _atlas_window_get_basemap_style (AtlasWindow *self);
AtlasTheme        _atlas_window_get_carto_theme   (AtlasWindow *self);
/* atlas-window-data.c */
void     _atlas_window_class_init_data   (GtkWidgetClass *widget_class);
void     _atlas_window_data_init         (AtlasWindow *self);
void     _atlas_window_data_dispose      (AtlasWindow *self);
void     _atlas_window_update_data_actions (AtlasWindow *self);
/* Whether a dropped file is a planner's data (CSV, TSV, GeoJSON) rather than a dataset. */
gboolean _atlas_window_is_data_file      (const char  *path);
/* Remembers the layers in the settings. */
void     _atlas_window_save_layers       (AtlasWindow *self);

/* atlas-window-thematic.c */
void     _atlas_window_class_init_thematic (GtkWidgetClass *widget_class);
void     _atlas_window_thematic_init     (AtlasWindow *self);
void     _atlas_window_thematic_dispose  (AtlasWindow *self);
/* Called by atlas_window_set_dataset and on theme changes: menu, layer and legend follow. */
void     _atlas_window_thematic_changed  (AtlasWindow *self);
/* Tells the district layer what lies over the map, after something there changed size. */
void     _atlas_window_update_covers     (AtlasWindow *self);
/* "partnerships" or an indicator id; FALSE when the dataset has no such indicator. */
gboolean _atlas_window_set_thematic      (AtlasWindow *self,
                                          const char  *layer);

G_END_DECLS
