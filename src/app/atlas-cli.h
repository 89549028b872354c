/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The command line: options that do their work and exit without opening a window (--validate,
 * --locate, --list, --version), and --dataset, which tells the window which care system to
 * open. Everything runs from GApplication::handle-local-options, before the application
 * registers or touches a display. */

void        atlas_cli_add_options            (GApplication *app);
/* Connect to GApplication::handle-local-options. Returns an exit status, or -1 to go on into
 * the window. */
int         atlas_cli_handle_local_options   (GApplication *app,
                                              GVariantDict *options);
/* The system the user asked the window to open (--dataset ID|FILE, or a single ID|FILE
 * argument), or NULL for the default. */
const char *atlas_cli_get_dataset_request    (GApplication *app);
/* The map document the user asked the window to open (--map FILE.atlas, or a single
 * FILE.atlas argument), as an absolute path, or NULL. */
const char *atlas_cli_get_document_request   (GApplication *app);
/* The files --data and --points asked the window to add (AtlasLayerDefinition), or NULL. */
GPtrArray  *atlas_cli_get_layers_request     (GApplication *app);

G_END_DECLS
