/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset-loader.h"

G_BEGIN_DECLS

/* Internal: shared by the pieces that read a dataset's records (atlas-dataset-records*.c). */

enum {
  KIND_SOURCE,
  KIND_DISTRICT,
  KIND_PARTNERSHIP,
  KIND_TRUST,
  KIND_SITE,
  KIND_PRIORITY,
  KIND_INDICATOR,
  KIND_UPDATE,
};

typedef struct {
  AtlasLoader l;
  const AtlasJsonNode **district_codes;  /* per district, its "code" node */
  const AtlasJsonNode **site_lats;       /* per site, its "lat" node when lat and lon are good */
} AtlasBuild;


const AtlasJsonNode *_atlas_records_list                (AtlasLoader *l, const AtlasJsonNode *root,
                                                         const char *name, gboolean required,
                                                         guint *n);
void                 _atlas_records_read_priorities     (AtlasLoader *l, const AtlasJsonNode *root);
void                 _atlas_records_read_indicators     (AtlasLoader *l, const AtlasJsonNode *root);
void                 _atlas_records_read_updates        (AtlasLoader *l, const AtlasJsonNode *root);
void                 _atlas_records_read_boundaries     (AtlasBuild *b, const AtlasJsonNode *root,
                                                         GFile *base, const char *display_dir);
void                 _atlas_records_check_sites_inside  (AtlasBuild *b);

G_END_DECLS
