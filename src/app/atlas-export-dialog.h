/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-export.h"
#include "atlas-window.h"

G_BEGIN_DECLS

/* The export dialog: format, size and furniture with a live preview of the composition; the
 * file is written in a worker thread and errors are shown in the dialog, which stays open. */

#define ATLAS_TYPE_EXPORT_DIALOG (atlas_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ATLAS, EXPORT_DIALOG, AdwWindow)

AtlasExportDialog *atlas_export_dialog_new (AtlasWindow *window);

/* Internal API, also for tests. */

/* Writes the export to file as the Export button does after its file chooser. "finished" is
 * emitted with TRUE (and the dialog closes) or FALSE (and the error is shown). */
void        _atlas_export_dialog_export_to_file (AtlasExportDialog *self,
                                                 GFile             *file);
/* "png", "svg" or "pdf"; and a size id: "view", "slide", "4k", "a4", "a4-portrait", "a3",
 * "a3-portrait" or "custom". */
void        _atlas_export_dialog_set_format     (AtlasExportDialog *self,
                                                 const char        *format);
void        _atlas_export_dialog_set_size       (AtlasExportDialog *self,
                                                 const char        *size);
/* The options the export would use now (pointers valid while the dialog lives). */
void        _atlas_export_dialog_get_options    (AtlasExportDialog *self,
                                                 AtlasExportOptions *options);
const char *_atlas_export_dialog_get_error      (AtlasExportDialog *self);
gboolean    _atlas_export_dialog_is_busy        (AtlasExportDialog *self);
/* The number of preview renders shown so far; whether one is waiting or being drawn; how many
 * are being drawn (never more than one); the title the last one shown was drawn with. */
guint       _atlas_export_dialog_get_preview_count (AtlasExportDialog *self);
gboolean    _atlas_export_dialog_is_preview_pending (AtlasExportDialog *self);
guint       _atlas_export_dialog_get_previews_running (AtlasExportDialog *self);
const char *_atlas_export_dialog_get_preview_title (AtlasExportDialog *self);
/* The check button of a piece of furniture (ATLAS_EXPORT_TITLE, …, ATLAS_EXPORT_CAPTION). */
GtkWidget  *_atlas_export_dialog_get_check      (AtlasExportDialog *self,
                                                 guint              flag);
/* What the Width and Height fields show. */
void        _atlas_export_dialog_get_size_fields (AtlasExportDialog *self,
                                                  int               *width,
                                                  int               *height);

G_END_DECLS
