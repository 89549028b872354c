/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* How the meeting pack reaches the disk: as a transaction that destroys nothing.
 *
 * Begin names every file the pack will write and checks each against the folder: a name that
 * is free, or taken by a regular file an earlier pack wrote (its manifest, ATLAS_PACK_MANIFEST
 * in the folder, lists them), may be written; any other file in the way (a colleague's, a
 * folder, a link) makes the pack refuse before drawing anything. Pages are then written one at
 * a time into a fresh staging folder inside the pack's folder, so memory stays flat however
 * many pages there are. Commit moves them into place only once every page is written, each
 * old file set aside first; if a move fails, everything goes back as it was. Abort (a failure
 * or Cancel before commit) removes the staging folder, and the pack's folder too if the pack
 * made it. Files of the earlier pack that this one no longer has are removed at commit; files
 * the manifest does not list are never touched.
 *
 * The writer's files may be written from several threads at once (each file by one). */

#define ATLAS_PACK_MANIFEST ".ics-atlas-pack"

typedef struct _AtlasPackWriter AtlasPackWriter;

AtlasPackWriter *_atlas_pack_writer_begin       (GFile               *folder,
                                                 const char * const  *names,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
/* Writes one of the pack's files, whole, into the staging folder. */
gboolean         _atlas_pack_writer_write       (AtlasPackWriter     *writer,
                                                 const char          *name,
                                                 GBytes              *bytes,
                                                 GError             **error);
/* A PDF surface of that size whose pages stream into the pack's file name as they are shown. */
cairo_surface_t *_atlas_pack_writer_create_pdf  (AtlasPackWriter     *writer,
                                                 const char          *name,
                                                 double               width,
                                                 double               height);
/* Finishes (and destroys) a surface from _atlas_pack_writer_create_pdf. */
gboolean         _atlas_pack_writer_finish_pdf  (AtlasPackWriter     *writer,
                                                 cairo_surface_t     *surface,
                                                 GError             **error);
gboolean         _atlas_pack_writer_commit      (AtlasPackWriter     *writer,
                                                 GError             **error);
/* Aborts unless committed, and frees the writer. */
void             _atlas_pack_writer_free        (AtlasPackWriter     *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasPackWriter, _atlas_pack_writer_free)

G_END_DECLS
