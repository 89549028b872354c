/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* The one selection that the map, the side panel and the export all read. It holds at most one
 * record (a district, a partnership, a trust, a site, a priority or an update), and a history
 * of what was selected for back and forward. "changed" is emitted after every change. */

typedef enum {
  ATLAS_SELECTION_NONE,
  ATLAS_SELECTION_DISTRICT,
  ATLAS_SELECTION_PARTNERSHIP,
  ATLAS_SELECTION_TRUST,
  ATLAS_SELECTION_SITE,
  ATLAS_SELECTION_PRIORITY,
  ATLAS_SELECTION_UPDATE,
} AtlasSelectionKind;

#define ATLAS_TYPE_SELECTION (atlas_selection_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSelection, atlas_selection, ATLAS, SELECTION, GObject)

AtlasSelection     *atlas_selection_new             (void);

/* Setting a dataset clears the selection and its history. */
void                atlas_selection_set_dataset     (AtlasSelection     *self,
                                                     AtlasDataset       *dataset);
AtlasDataset       *atlas_selection_get_dataset     (AtlasSelection     *self);

AtlasSelectionKind  atlas_selection_get_kind        (AtlasSelection     *self);
/* The selected record's id, or NULL. */
const char         *atlas_selection_get_id          (AtlasSelection     *self);
/* The selected record (cast by kind), or NULL. */
gconstpointer       atlas_selection_get_record      (AtlasSelection     *self);
const AtlasDistrict    *atlas_selection_get_district    (AtlasSelection *self);
const AtlasPartnership *atlas_selection_get_partnership (AtlasSelection *self);
const AtlasTrust       *atlas_selection_get_trust       (AtlasSelection *self);
const AtlasSite        *atlas_selection_get_site        (AtlasSelection *self);
const AtlasPriority    *atlas_selection_get_priority    (AtlasSelection *self);
const AtlasUpdate      *atlas_selection_get_update      (AtlasSelection *self);

/* Selects the record of that kind and id; FALSE (and nothing changes) when there is none.
 * A new selection is pushed on the history and clears the forward list. */
gboolean            atlas_selection_select          (AtlasSelection     *self,
                                                     AtlasSelectionKind  kind,
                                                     const char         *id);
/* Selects by id whatever kind has that id, trying districts first; FALSE when nothing has it. */
gboolean            atlas_selection_select_any      (AtlasSelection     *self,
                                                     const char         *id);
void                atlas_selection_clear           (AtlasSelection     *self);
/* Makes the record of that kind and id (or nothing, for ATLAS_SELECTION_NONE) the selection
 * without touching the history: presenter mode's steps, and putting back what was selected
 * before them, leave back and forward as they were. FALSE (and nothing changes) when there is
 * no such record. */
gboolean            atlas_selection_present         (AtlasSelection     *self,
                                                     AtlasSelectionKind  kind,
                                                     const char         *id);

gboolean            atlas_selection_can_go_back     (AtlasSelection     *self);
gboolean            atlas_selection_can_go_forward  (AtlasSelection     *self);
gboolean            atlas_selection_go_back         (AtlasSelection     *self);
gboolean            atlas_selection_go_forward      (AtlasSelection     *self);

const char         *atlas_selection_kind_to_string  (AtlasSelectionKind  kind);

G_END_DECLS
