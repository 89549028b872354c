/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_APPLICATION (atlas_application_get_type ())
G_DECLARE_FINAL_TYPE (AtlasApplication, atlas_application, ATLAS, APPLICATION, AdwApplication)

AtlasApplication *atlas_application_new (void);
/* The dataset the next activation opens (an id or a path); NULL for the remembered one. */
void              atlas_application_set_dataset_request (AtlasApplication *self,
                                                         const char       *id_or_path);
const char       *atlas_application_get_dataset_request (AtlasApplication *self);

G_END_DECLS
