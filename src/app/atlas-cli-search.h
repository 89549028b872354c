/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* `ics-atlas --search TEXT`: prints one line per result, best first, as
 * KIND<TAB>ID<TAB>NAME<TAB>WHERE (WHERE is "name" or the field the words were found in; tabs
 * and line breaks inside them print as spaces). Returns the exit status: 0 when something was
 * found, 1 when nothing was (said on standard error) or dataset is NULL (its loading already
 * reported why). Takes dataset over. */
int _atlas_cli_search (AtlasDataset *dataset,
                       const char   *text);

G_END_DECLS
