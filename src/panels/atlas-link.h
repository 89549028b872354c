/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-selection.h"

G_BEGIN_DECLS

/* A link to a record: clicking it selects the record through the shared selection.
 * Never opens a URI. Its text is shown literally. */

#define ATLAS_TYPE_LINK (atlas_link_get_type ())
G_DECLARE_FINAL_TYPE (AtlasLink, atlas_link, ATLAS, LINK, GtkButton)

GtkWidget          *atlas_link_new      (AtlasSelection     *selection,
                                         AtlasSelectionKind  kind,
                                         const char         *id,
                                         const char         *text);
AtlasSelectionKind  atlas_link_get_kind (AtlasLink          *self);
const char         *atlas_link_get_id   (AtlasLink          *self);

G_END_DECLS
