/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Opening the files a user hands us without trusting what they are.
 *
 * A named pipe blocks open() until something writes to it, a device may never end, and a
 * folder has no bytes: every file is opened with O_NONBLOCK, checked with fstat, and refused
 * unless it is a regular file, before a byte is read. Errors are in the G_IO_ERROR domain
 * (NOT_FOUND, NOT_REGULAR_FILE, …) and their messages are a reason only, such as "it is a named
 * pipe, not a regular file", for the caller to put after the file's name. */

/* A stream on the regular file at path (its size in *size), or NULL with error. */
GInputStream *_atlas_file_open_regular (const char  *path,
                                        goffset     *size,
                                        GError     **error);

/* The real path (symbolic links resolved) of child, if it lies inside folder (itself
 * resolved); otherwise NULL with error: NOT_FOUND when child does not exist, PERMISSION_DENIED
 * when it leads outside the folder. */
char         *_atlas_file_resolve_inside (const char  *folder,
                                          const char  *child,
                                          GError     **error);

G_END_DECLS
