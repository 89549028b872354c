/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-panel-util.h"

G_BEGIN_DECLS

/* Internal: the lazy lists of atlas-panel-lazy.c, for the panel helpers that fill one entry at
 * a time (link boxes). */

typedef struct _AtlasPanelLazy AtlasPanelLazy;

/* Attaches an empty lazy list of n entries to container, replacing any it had. */
AtlasPanelLazy *_atlas_panel_lazy_install     (GtkWidget           *container,
                                               guint                n,
                                               AtlasPanelBuildFunc  build,
                                               gpointer             data,
                                               GDestroyNotify       destroy);
/* The lazy list attached to container, or NULL. */
AtlasPanelLazy *_atlas_panel_lazy_get         (GtkWidget           *container);
gpointer        _atlas_panel_lazy_get_data    (AtlasPanelLazy      *lazy);
/* One more entry to build, at the end. */
void            _atlas_panel_lazy_grow        (AtlasPanelLazy      *lazy);
void            _atlas_panel_lazy_build_chunk (AtlasPanelLazy      *lazy);
/* Shows, relabels or hides the "Show more" entry for the entries left. */
void            _atlas_panel_lazy_update_more (AtlasPanelLazy      *lazy);

G_END_DECLS
