/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-export-dialog.h"

G_BEGIN_DECLS

/* Internal: shared by the export dialog (atlas-export-dialog.c) and its worker jobs
 * (atlas-export-dialog-jobs.c). */

struct _AtlasExportDialog
{
  AdwWindow parent_instance;

  GtkButton *export_button;
  GtkSpinner *spinner;
  GtkPicture *preview;
  GtkLabel *note_label;
  GtkLabel *error_label;
  AdwComboRow *format_row;
  AdwComboRow *size_row;
  AdwActionRow *width_row;
  AdwActionRow *height_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkCheckButton *title_check;
  AdwEntryRow *title_entry;
  GtkCheckButton *subtitle_check;
  GtkCheckButton *legend_check;
  GtkCheckButton *scale_bar_check;
  GtkCheckButton *north_arrow_check;
  GtkCheckButton *caption_check;

  AtlasWindow *window;         /* weak: the dialog is modal and transient for it */
  AtlasDataset *dataset;
  AtlasExportOptions base;     /* selection and framing, taken when the dialog opens */
  GPtrArray *held;             /* what base borrows from the map state (layers, annotations) */
  AtlasBBox view_bbox;
  int view_width;
  int view_height;
  char *default_title;

  gboolean showing_preset;      /* the size fields are being set to a preset's size */

  GCancellable *preview_cancellable;
  guint preview_source;        /* a preview waits for the changes to pause */
  gboolean preview_running;    /* one preview at a time is drawn */
  gboolean preview_stale;      /* the options changed while it was drawn */
  char *preview_title;         /* the title the shown preview was drawn with */
  guint preview_count;
  GCancellable *export_cancellable;
  gboolean busy;
};

/* atlas-export-dialog.c */
const AtlasExportFormatInfo *_atlas_export_dialog_get_format (AtlasExportDialog *self);
const char *_atlas_export_dialog_get_size_id (AtlasExportDialog *self);
/* Selects a size by id; FALSE when there is no such size. */
gboolean _atlas_export_dialog_select_size    (AtlasExportDialog *self,
                                              const char        *size);

/* atlas-export-dialog-settings.c: every choice, remembered when an export is written and
 * brought back when the dialog opens */
void     _atlas_export_dialog_restore_settings (AtlasExportDialog *self);
void     _atlas_export_dialog_save_settings  (AtlasExportDialog *self,
                                              GFile             *file);
void     _atlas_export_dialog_emit_finished  (AtlasExportDialog *self,
                                              gboolean           success);
/* An idle callback: renders the preview in a worker thread, replacing any still running. */
gboolean _atlas_export_dialog_render_preview (gpointer           user_data);

G_END_DECLS
