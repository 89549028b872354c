/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-error.h"

G_DEFINE_QUARK (atlas-dataset-error-quark, atlas_dataset_error)
G_DEFINE_QUARK (atlas-import-error-quark, atlas_import_error)
