/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-window.h"

G_BEGIN_DECLS

/* The options of the layers a planner added to the map, one layer at a time: for figures,
 * the column, how the classes are made, how many and their colours, with a warning in words
 * when two classes would be hard to tell apart for a reader with a colour-vision deficiency
 * or on a greyscale print, and the rows that matched no district (a count that opens to their
 * FILE:LINE lines); for points, the symbols' colour and shape. A choice the file cannot take
 * is said in the dialog and the map stays as it was. Remove takes the layer off the map. */

#define ATLAS_TYPE_DATA_DIALOG (atlas_data_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtlasDataDialog, atlas_data_dialog, ATLAS, DATA_DIALOG, AdwWindow)

AtlasDataDialog *atlas_data_dialog_new          (AtlasWindow     *window);
/* Shows the options of the layer with that id. */
void             atlas_data_dialog_show_layer   (AtlasDataDialog *self,
                                                 const char      *id);
const char      *atlas_data_dialog_get_layer_id (AtlasDataDialog *self);

/* For tests: what the rows show, and choosing as a planner would. */
/* The colour-vision warning, or NULL when there is none. */
const char      *atlas_data_dialog_get_warning  (AtlasDataDialog *self);
/* The message of a choice that was refused, or NULL. */
const char      *atlas_data_dialog_get_error    (AtlasDataDialog *self);
/* The unmatched rows' title ("4 rows not matched") and their lines. */
const char      *atlas_data_dialog_get_unmatched_title (AtlasDataDialog *self);
GStrv            atlas_data_dialog_dup_unmatched_lines (AtlasDataDialog *self);
/* Selects in the rows: a palette by its name, a number of classes, a column by its header. */
gboolean         atlas_data_dialog_choose_palette (AtlasDataDialog *self,
                                                   const char      *name);
void             atlas_data_dialog_choose_classes (AtlasDataDialog *self,
                                                   guint            n_classes);
gboolean         atlas_data_dialog_choose_column  (AtlasDataDialog *self,
                                                   const char      *header);

G_END_DECLS
