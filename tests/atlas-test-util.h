/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdarg.h>

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs the built ics-atlas (the ATLAS_CLI environment variable) in cwd with no display, with
 * the arguments from first to a NULL, and returns its exit status. out and err receive its
 * output (out NULL: standard output is dropped). Asserts that it ran and exited. */
int atlas_test_run_cli_valist (const char  *cwd,
                               char       **out,
                               char       **err,
                               const char  *first,
                               va_list      args);

/* Deletes a folder and everything in it (not following symbolic links). */
void atlas_test_remove_tree (const char *path);

G_END_DECLS
