/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-map-state.h"

G_BEGIN_DECLS

/* Map documents on the command line: `--validate FILE.atlas` and `--map FILE.atlas` for
 * --export and --export-pack. Problems are printed to standard error, one per line, as
 * FILE:LINE:COLUMN: JSON.PATH: what. */

/* Checks a document and the system it names; prints a summary line or its problems and
 * returns the exit status. */
int            _atlas_cli_validate_document (const char   *path);
/* The map state a document describes (--map), or NULL after saying what is wrong. --map
 * names the system, the selection and the thematic layer, so --dataset, --select and
 * --thematic are refused beside it. */
AtlasMapState *_atlas_cli_open_map          (GVariantDict *options,
                                             const char   *path);

G_END_DECLS
