/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "atlas-annotation-layer.h"
#include "atlas-district-layer.h"
#include "atlas-export.h"
#include "atlas-watched-source.h"
#include "atlas-window.h"

G_BEGIN_DECLS

/* The one way tests reach inside the window. Tests include this header and the public ones,
 * never atlas-window-private.h, and never read the window's struct: what they need is named
 * here, so a change of the window's insides touches this file, not every test. The functions
 * marked "for tests" exist only for them (atlas-window-test.c); the others are the window's own
 * internal API, shared with tests. */

/* Screenshots and copied images are this many pixels per logical pixel of the map. */
#define ATLAS_MAP_IMAGE_SCALE 2.0

/* The ShumateMap widget, which takes clicks and keys. */
GtkWidget          *_atlas_window_get_map_widget      (AtlasWindow *self);
GtkWidget          *_atlas_window_get_sidebar         (AtlasWindow *self);
/* The click handler of the map's gesture, taking the press and release points in the map's
 * coordinates; a release more than a few pixels from its press is a drag and does nothing. */
void                _atlas_window_handle_click        (AtlasWindow *self,
                                                       double       press_x,
                                                       double       press_y,
                                                       double       release_x,
                                                       double       release_y);
/* The motion handler of the map: hovers the district under (x, y) in the map's coordinates. */
void                _atlas_window_handle_motion       (AtlasWindow *self,
                                                       double       x,
                                                       double       y);
/* The tooltip for a point in the map's coordinates: the site whose symbol is there, else the
 * district with its partnership ("Watford\nSouth and West Hertfordshire Health and Care
 * Partnership"); NULL over nothing. */
char               *_atlas_window_describe_point      (AtlasWindow *self,
                                                       double       x,
                                                       double       y);
/* Asks for "ready" again once tiles newer than those already in are painted. */
void                _atlas_window_rearm_ready         (AtlasWindow *self);
/* The indicator the districts are coloured by, or NULL for partnerships. */
const AtlasIndicator *_atlas_window_get_indicator     (AtlasWindow *self);
/* "partnerships", an indicator id or a data layer's id. */
const char         *_atlas_window_get_thematic        (AtlasWindow *self);
AtlasTheme          _atlas_window_get_theme           (AtlasWindow *self);
gboolean            _atlas_window_street_map_shown    (AtlasWindow *self);
/* The export options the window's outputs start from. */
void                _atlas_window_fill_export_options (AtlasWindow        *self,
                                                       AtlasExportOptions *options);
/* e.g. "watford-hertfordshire-and-west-essex-2026-11-22.png". */
char               *_atlas_window_get_export_name     (AtlasWindow *self,
                                                       const char  *extension);
/* The map image as a texture (scale × the map's size); with file, also written there. */
void                _atlas_window_make_map_image_async (AtlasWindow         *self,
                                                        double               scale,
                                                        GFile               *file,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GdkTexture         *_atlas_window_make_map_image_finish (AtlasWindow   *self,
                                                         GAsyncResult  *result,
                                                         GError       **error);

/* The map state behind the window and its outputs. */
AtlasMapState      *_atlas_window_get_state           (AtlasWindow *self);

/* Annotations (atlas-window-annotations.c): the layer that draws them and takes the pointer on
 * them, and the tool palette over the map. */
AtlasAnnotationLayer *_atlas_window_get_annotation_layer   (AtlasWindow *self);
GtkWidget          *_atlas_window_get_annotation_palette (AtlasWindow *self);
/* Frames an annotation on the map and picks it (win.show-annotation); FALSE when there is
 * none with that id. */
gboolean            _atlas_window_show_annotation     (AtlasWindow *self,
                                                       guint        id);

/* Map documents (atlas-window-document.c): whether a document's view waits for the map to
 * have a size; the main menu's recent maps. */
gboolean            _atlas_window_map_view_pending    (AtlasWindow *self);
GMenuModel         *_atlas_window_get_recent_menu     (AtlasWindow *self);

/* Presenter mode (atlas-presenter.c). What a key does while presenting (the handler of the
 * window's key controller, for Right, Page Down, Space, Left, Page Up, Home, End, B and
 * Escape); TRUE when it is presenter mode's. The step shown (-1 when not presenting; the
 * cover is 0, then the partnerships, then the districts), how many there are, whether the
 * screen is blanked, and the caption card. */
gboolean            _atlas_window_presenter_key       (AtlasWindow *self,
                                                       guint        keyval);
int                 _atlas_window_get_presenter_step  (AtlasWindow *self);
guint               _atlas_window_get_presenter_n_steps (AtlasWindow *self);
gboolean            _atlas_window_presenter_is_blank  (AtlasWindow *self);
GtkWidget          *_atlas_window_get_presenter_caption (AtlasWindow *self);

/* A planner's files (atlas-window-data.c). Adds a CSV, TSV or GeoJSON file as a layer in the
 * background, what it makes read from it; once added, a values layer is shown and the data
 * dialog opens on it; a refused file is said in a dialog of its own, the map unchanged. */
void                _atlas_window_add_data_file       (AtlasWindow *self,
                                                       const char  *path);
/* Opens the data layers' dialog, on the layer with that id (NULL: the first). */
void                _atlas_window_show_data_dialog    (AtlasWindow *self,
                                                       const char  *id);
/* The layer made again with other choices (see atlas_user_layer_new_with_choices ()),
 * shown in its place and remembered; FALSE, and nothing changes, when they cannot be used. */
gboolean            _atlas_window_change_layer        (AtlasWindow                 *self,
                                                       AtlasUserLayer              *layer,
                                                       const AtlasLayerDefinition  *choices,
                                                       GError                     **error);
void                _atlas_window_remove_layer        (AtlasWindow *self,
                                                       const char  *id);
/* Layer loads in flight; the refusal dialog and the data dialog (NULL when closed). */
guint               _atlas_window_get_data_loading    (AtlasWindow *self);
GtkWidget          *_atlas_window_get_data_error_dialog (AtlasWindow *self);
GtkWidget          *_atlas_window_get_data_dialog     (AtlasWindow *self);

/* For tests. */
/* Whether the real pointer's motion hovers districts (on by default). Window tests turn it off:
 * the display is shared, and where the pointer happens to be must not change what they
 * compare. They hover with _atlas_window_handle_motion instead. */
void                _atlas_window_set_pointer_hover   (AtlasWindow *self,
                                                       gboolean     enabled);
AtlasDistrictLayer *_atlas_window_get_district_layer  (AtlasWindow *self);
/* The map frame, its names and symbols and what covers the map, in window pixels, a line each
 * (as ICS_ATLAS_REPORT_LAYOUT prints it; atlas-window-report.c). Free with g_free. */
char               *_atlas_window_dup_layout_report   (AtlasWindow *self);
ShumateViewport    *_atlas_window_get_viewport        (AtlasWindow *self);
AtlasWatchedSource *_atlas_window_get_offline_source  (AtlasWindow *self);
/* The header bar's title (the system's short name). */
const char         *_atlas_window_get_title_text      (AtlasWindow *self);
GtkLabel           *_atlas_window_get_licence_label   (AtlasWindow *self);
/* Whether the banner is asked to show, and whether it has finished sliding in. */
gboolean            _atlas_window_banner_is_shown     (AtlasWindow *self);
gboolean            _atlas_window_banner_is_revealed  (AtlasWindow *self);
const char         *_atlas_window_get_banner_text     (AtlasWindow *self);
/* The card over the map with the thematic switch and the legend; its two parts. */
GtkWidget          *_atlas_window_get_legend_card     (AtlasWindow *self);
GtkDropDown        *_atlas_window_get_thematic_dropdown (AtlasWindow *self);
GtkWidget          *_atlas_window_get_legend          (AtlasWindow *self);
/* The map and the side panel (AdwFlap: folded, revealed), the header's button that shows the
 * panel, the compact legend card's button and the licence line's expander. */
AdwFlap            *_atlas_window_get_flap            (AtlasWindow *self);
GtkWidget          *_atlas_window_get_panel_button    (AtlasWindow *self);
GtkWidget          *_atlas_window_get_legend_button   (AtlasWindow *self);
GtkWidget          *_atlas_window_get_licence_button  (AtlasWindow *self);
/* Whether a dataset load is in flight; the dialog listing a refused file's problems (NULL when
 * closed); where the system shown came from (a bundled id or an absolute path). */
gboolean            _atlas_window_is_loading          (AtlasWindow *self);
GtkWidget          *_atlas_window_get_load_error_dialog (AtlasWindow *self);
const char         *_atlas_window_get_dataset_location (AtlasWindow *self);

G_END_DECLS
