/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-export-pack.h"
#include "atlas-window.h"

G_BEGIN_DECLS

/* The meeting pack dialog: by district or by partnership, into a new folder inside the one
 * chosen; made in a worker thread with a progress bar, and cancellable without leaving files. */

#define ATLAS_TYPE_PACK_DIALOG (atlas_pack_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPackDialog, atlas_pack_dialog, ATLAS, PACK_DIALOG, AdwWindow)

AtlasPackDialog *atlas_pack_dialog_new (AtlasWindow *window);

/* Internal API, also for tests. "progress" (done, total) is emitted on the main thread after
 * each page; "finished" (TRUE when written) at the end, also after a cancel. */
void        _atlas_pack_dialog_start     (AtlasPackDialog   *self,
                                          GFile             *folder,
                                          AtlasExportPackBy  by);
void        _atlas_pack_dialog_cancel    (AtlasPackDialog   *self);
gboolean    _atlas_pack_dialog_is_busy   (AtlasPackDialog   *self);
const char *_atlas_pack_dialog_get_status (AtlasPackDialog  *self);

G_END_DECLS
