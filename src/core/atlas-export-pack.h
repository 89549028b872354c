/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-export.h"

G_BEGIN_DECLS

/* The meeting pack: one multi-page A4 landscape PDF (a cover with the system at a glance, then
 * a page per district or per partnership, each framed on it with its caption) and one slide
 * PNG per district or partnership, all in one folder. */

typedef enum {
  ATLAS_EXPORT_PACK_BY_DISTRICT,
  ATLAS_EXPORT_PACK_BY_PARTNERSHIP,
} AtlasExportPackBy;

/* Called after each page or image with how many of total are done. From the worker thread when
 * the pack is made with atlas_export_pack_async (). */
typedef void (*AtlasExportProgressFunc) (guint    done,
                                         guint    total,
                                         gpointer user_data);

/* base: what every page's map shows besides its own subject (the theme and the thematic layer:
 * partnerships or an indicator), usually atlas_map_state_get_cartography (); its selection is
 * replaced by each page's. Pages are written one at a time into a staging folder and moved into
 * place only once the whole pack is written (see atlas-export-pack-writer.h): a cancelled or
 * failed pack changes nothing in the folder (and removes the folder if it made it), and a file
 * in the way that no earlier pack wrote makes it refuse before it draws anything. */
gboolean atlas_export_pack        (AtlasDataset                  *dataset,
                                   GFile                         *folder,
                                   AtlasExportPackBy              by,
                                   const AtlasCartographyOptions *base,
                                   AtlasExportProgressFunc        progress,
                                   gpointer                       user_data,
                                   GCancellable                  *cancellable,
                                   GError                       **error);

void     atlas_export_pack_async  (AtlasDataset                  *dataset,
                                   GFile                         *folder,
                                   AtlasExportPackBy              by,
                                   const AtlasCartographyOptions *base,
                                   AtlasExportProgressFunc        progress,
                                   gpointer                       user_data,
                                   GCancellable                  *cancellable,
                                   GAsyncReadyCallback            callback,
                                   gpointer                       callback_data);
gboolean atlas_export_pack_finish (GAsyncResult                  *result,
                                   GError                       **error);

/* The PDF's file name inside the folder, e.g. "hwe-meeting-pack.pdf". Free with g_free (). */
char    *atlas_export_pack_get_pdf_name (AtlasDataset *dataset);

G_END_DECLS
