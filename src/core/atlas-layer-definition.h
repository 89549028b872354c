/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-classify.h"
#include "atlas-point-layer.h"

G_BEGIN_DECLS

/* What a planner added to the map, enough to make it again: the file (its name, where it was,
 * and its bytes as read) and the choices made for it. The window remembers definitions in its
 * settings (without the bytes: the file is read again at the next start); a map document
 * embeds them with the bytes, so it opens the same map wherever the file has gone.
 *
 * As a GVariant of type a{sv} (atlas_layer_definition_to_variant), with members:
 *   "kind" s ("values" or "points"), "id" s, "name" s, "path" s (may be absent), "bytes" ay
 *   (may be absent); for values: "column" s, "indicator" s, "period" s, "unit" s, "title" s,
 *   "method" s ("quantile", "equal", "jenks", "manual"), "classes" u, "breaks" ad, "palette" s,
 *   "categorical" b; for points: "colour" u (0xRRGGBB), "shape" s ("circle", "square",
 *   "triangle", "diamond"). Absent members take the defaults below; unknown ones are ignored,
 *   so later versions can add members. */

typedef enum {
  ATLAS_LAYER_VALUES,   /* figures by area: a choropleth of the districts */
  ATLAS_LAYER_POINTS,   /* places: a point layer */
} AtlasLayerKind;

typedef struct {
  AtlasLayerKind kind;
  char *id;               /* in the map state: "data:NAME"; NULL until the state gives one */
  char *name;             /* the file's name as shown: legend source, FILE:LINE messages */
  char *path;             /* where it was read from, absolute; NULL when only embedded */
  GBytes *bytes;          /* the file's bytes as read; NULL: read from path */

  /* values (atlas-area-values.h, atlas-choropleth.h); NULL strings for the defaults */
  char *column;
  char *indicator;
  char *period;
  char *unit;
  char *title;
  AtlasClassifyMethod method;       /* default quantile */
  guint n_classes;                  /* default 5 */
  guint n_breaks;                   /* manual breaks */
  double breaks[ATLAS_CLASSIFY_MAX_CLASSES - 1];
  char *palette;
  gboolean categorical;

  /* points */
  guint32 colour;                   /* 0xRRGGBB */
  AtlasPointShape shape;
} AtlasLayerDefinition;

#define ATLAS_TYPE_LAYER_DEFINITION (atlas_layer_definition_get_type ())
GType                 atlas_layer_definition_get_type (void) G_GNUC_CONST;

/* A definition with every default, for a file of that kind. */
AtlasLayerDefinition *atlas_layer_definition_new   (AtlasLayerKind              kind);
AtlasLayerDefinition *atlas_layer_definition_copy  (const AtlasLayerDefinition *self);
void                  atlas_layer_definition_free  (AtlasLayerDefinition       *self);

/* with_bytes: the file's bytes too (a document), or not (the settings). */
GVariant             *atlas_layer_definition_to_variant   (const AtlasLayerDefinition *self,
                                                           gboolean                    with_bytes);
/* Errors (ATLAS_IMPORT_ERROR_OPTIONS): not a{sv}, an unknown kind or method or shape, no name,
 * neither path nor bytes, breaks that are not finite. */
AtlasLayerDefinition *atlas_layer_definition_new_from_variant (GVariant               *variant,
                                                               GError                **error);

const char           *atlas_layer_kind_to_string (AtlasLayerKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLayerDefinition, atlas_layer_definition_free)

G_END_DECLS
