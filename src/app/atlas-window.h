/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-dataset.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

/* The main window: the map of one care system (base map, districts, sites) and its side panel,
 * sharing one AtlasSelection. */

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())
G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow    *atlas_window_new              (GtkApplication *application);
void            atlas_window_set_dataset      (AtlasWindow    *self,
                                               AtlasDataset   *dataset);
AtlasDataset   *atlas_window_get_dataset      (AtlasWindow    *self);
/* Loads a bundled system (an id) or a dataset file in a worker thread and shows it; a dataset
 * that does not load is reported in a dialog and the one on screen stays. */
void            atlas_window_open_dataset     (AtlasWindow    *self,
                                               const char     *id_or_path);
/* The same at once, on this thread; FALSE with error set when it does not load. */
gboolean        atlas_window_load_dataset     (AtlasWindow    *self,
                                               const char     *id_or_path,
                                               GError        **error);
AtlasSelection *atlas_window_get_selection    (AtlasWindow    *self);

/* "offline" or "osm". Choosing "osm" falls back to "offline" when its tiles cannot be had. */
const char     *atlas_window_get_basemap      (AtlasWindow    *self);
gboolean        atlas_window_set_basemap      (AtlasWindow    *self,
                                               const char     *basemap);

/* Selects the record with this id (districts first); FALSE when the dataset has none. */
gboolean        atlas_window_select           (AtlasWindow    *self,
                                               const char     *id);
gboolean        atlas_window_select_district  (AtlasWindow    *self,
                                               const char     *id);
void            atlas_window_clear_selection  (AtlasWindow    *self);

void            atlas_window_frame_all        (AtlasWindow    *self,
                                               gboolean        animate);
void            atlas_window_frame_selection  (AtlasWindow    *self,
                                               gboolean        animate);

/* Writes the map as it is on screen (a PNG at twice the map's size, with the licence line),
 * as Save Screenshot does; FALSE when there is no map yet. Failures are reported as the window
 * reports them (a toast). */
gboolean        atlas_window_save_screenshot  (AtlasWindow    *self,
                                               const char     *path);
/* Exports the map to path with the export dialog's remembered choices (the format from the
 * name's suffix); FALSE when it cannot start. Failures are reported in a toast. */
gboolean        atlas_window_export_to        (AtlasWindow    *self,
                                               const char     *path);
/* Map documents (.atlas, see docs/map-document.md). Opens one in the background: its system,
 * view, thematic layer, selection, base map and annotations; one with problems is reported in
 * a dialog and the map on screen stays. */
void            atlas_window_open_map         (AtlasWindow    *self,
                                               GFile          *file);
/* Writes the map as a document (atomically); it becomes the window's document. */
gboolean        atlas_window_save_map         (AtlasWindow    *self,
                                               GFile          *file,
                                               GError        **error);
/* The document shown (NULL: none), and whether the map has changes it does not have (for a
 * map never saved: whether it has annotations). */
GFile          *atlas_window_get_map_file     (AtlasWindow    *self);
gboolean        atlas_window_get_modified     (AtlasWindow    *self);

/* Presenter mode (F5): full screen, the map and a caption card, step by step through the
 * cover, each partnership and each district. Stopping puts the window back as it was. */
gboolean        atlas_window_start_presenting (AtlasWindow    *self);
void            atlas_window_stop_presenting  (AtlasWindow    *self);
gboolean        atlas_window_is_presenting    (AtlasWindow    *self);

/* TRUE once the visible base map tiles and the districts have been painted. */
gboolean        atlas_window_get_ready        (AtlasWindow    *self);

/* Adds a planner's files (AtlasLayerDefinition, as the command line's --data and --points make
 * them) to the map once read, in the background; a values layer becomes the thematic layer. */
void          atlas_window_add_layers         (AtlasWindow  *self,
                                               GPtrArray    *definitions);

G_END_DECLS
