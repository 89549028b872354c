/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-export.h"
#include "atlas-map-image.h"
#include "atlas-window-private.h"

G_BEGIN_DECLS

/* What the screenshot, export, print and meeting pack share from the window. */

/* Screenshots and copied images are this many pixels per logical pixel of the map. */
#define ATLAS_MAP_IMAGE_SCALE 2.0

AtlasTheme  _atlas_window_get_theme            (AtlasWindow          *self);
gboolean    _atlas_window_street_map_shown     (AtlasWindow          *self);
/* The map widget's size in logical pixels and the lon/lat box it shows. */
gboolean    _atlas_window_get_view_bbox        (AtlasWindow          *self,
                                                int                  *width,
                                                int                  *height,
                                                AtlasBBox            *bbox);
/* The map as on screen (selection, labels, sites, attribution) at scale × its logical size. */
gboolean    _atlas_window_get_map_image_options (AtlasWindow          *self,
                                                 double                scale,
                                                 AtlasMapImageOptions *options);
/* The current selection (a district or a partnership), the light theme, the offline map,
 * the whole system framed. */
void        _atlas_window_fill_export_options  (AtlasWindow          *self,
                                                AtlasExportOptions   *options);
/* e.g. "watford-hertfordshire-and-west-essex-2026-11-22.png". */
char       *_atlas_window_get_export_name      (AtlasWindow          *self,
                                                const char           *extension);
/* The folder last exported to, else Pictures, else home. */
GFile      *_atlas_window_get_export_folder    (AtlasWindow          *self);
void        _atlas_window_remember_export_folder (AtlasWindow        *self,
                                                  GFile              *folder);
GSettings  *_atlas_window_get_settings         (AtlasWindow          *self);
/* "Saved … to NAME", with a button that opens the folder holding file. */
void        _atlas_window_toast_saved          (AtlasWindow          *self,
                                                const char           *message,
                                                GFile                *file);
/* "Saved … to FOLDER", with a button that opens that folder. */
void        _atlas_window_toast_folder         (AtlasWindow          *self,
                                                const char           *message,
                                                GFile                *folder);

/* The map image as a texture (scale × the map's size); with file, also written there as a PNG
 * (atomically, in a worker thread). */
void        _atlas_window_make_map_image_async (AtlasWindow          *self,
                                                double                scale,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GdkTexture *_atlas_window_make_map_image_finish (AtlasWindow         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
