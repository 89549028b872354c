/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-export.h"

G_BEGIN_DECLS

/* Printing the map: one landscape page drawn by the export renderer, scaled to the page's
 * printable area, so a print looks like a PDF export. */

/* A print operation for the options (copied; the dataset is kept alive). */
GtkPrintOperation *atlas_print_operation_new (const AtlasExportOptions *options);

/* Opens the print dialog for parent and prints asynchronously. */
void               atlas_print_map           (GtkWindow                *parent,
                                              const AtlasExportOptions *options);

G_END_DECLS
