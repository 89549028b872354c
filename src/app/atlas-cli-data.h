/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-map-state.h"

G_BEGIN_DECLS

/* A planner's files from the command line: `--data FILE [--column NAME] [--classes N]
 * [--method quantile|equal|jenks] [--palette NAME]` (figures by area, shown as the thematic
 * layer) and `--points FILE` (a point layer), for an export's map state and for the window. */

/* The definitions the options ask for (AtlasLayerDefinition, each named by its path as typed,
 * to be read from it); an empty array when there are none. NULL after saying on standard
 * error what is wrong with the options. */
GPtrArray *_atlas_cli_layer_definitions (GVariantDict *options);

/* Makes each layer for the state's dataset and adds it; the figures become the thematic layer.
 * Rows that match no district are listed on standard error, one FILE:LINE line each; a file
 * that cannot be used is reported there as FILE:LINE:COLUMN: what. FALSE after a refusal. */
gboolean   _atlas_cli_add_layers        (AtlasMapState *state,
                                         GPtrArray     *definitions);

G_END_DECLS
