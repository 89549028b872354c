/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-export.h"
#include "atlas-map-image.h"
#include "atlas-window-private.h"

G_BEGIN_DECLS

/* What the screenshot, export, print and meeting pack share from the window. */

/* The map widget's size in logical pixels and the lon/lat box it shows. */
gboolean    _atlas_window_get_view_bbox        (AtlasWindow          *self,
                                                int                  *width,
                                                int                  *height,
                                                AtlasBBox            *bbox);
/* The map as on screen (selection, labels, sites, attribution) at scale × its logical size. */
gboolean    _atlas_window_get_map_image_options (AtlasWindow          *self,
                                                 double                scale,
                                                 AtlasMapImageOptions *options);
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

G_END_DECLS
