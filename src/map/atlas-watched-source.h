/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* A map source that forwards every tile to another source and keeps count: tiles in flight,
 * tiles filled and tiles that failed. libshumate 1.0 drops tile errors silently, so this is how
 * the window learns that street map tiles cannot be fetched, and when the visible tiles are in. */

#define ATLAS_TYPE_WATCHED_SOURCE (atlas_watched_source_get_type ())
G_DECLARE_FINAL_TYPE (AtlasWatchedSource, atlas_watched_source, ATLAS, WATCHED_SOURCE,
                      ShumateMapSource)

AtlasWatchedSource *atlas_watched_source_new          (ShumateMapSource   *inner);
ShumateMapSource   *atlas_watched_source_get_inner    (AtlasWatchedSource *self);
guint               atlas_watched_source_get_pending  (AtlasWatchedSource *self);
guint               atlas_watched_source_get_filled   (AtlasWatchedSource *self);
guint               atlas_watched_source_get_failed   (AtlasWatchedSource *self);
/* The first error a tile reported (not counting cancelled ones), or NULL. */
const GError       *atlas_watched_source_get_error    (AtlasWatchedSource *self);

G_END_DECLS
