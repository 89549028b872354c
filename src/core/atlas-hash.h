/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* String hashing for keys that come from files: ids, codes, member names.
 *
 * GLib's g_str_hash is the same function in every process (h = h * 33 + c), so a file can
 * hold tens of thousands of keys with one hash value, and every table lookup then walks them
 * all. atlas_str_hash is SipHash-2-4 under a key drawn at random once per process: without the
 * key nobody can build colliding strings, and any table of n keys costs n lookups of constant
 * expected time. */

guint       atlas_str_hash       (gconstpointer key);
/* A table keyed by strings it does not own, hashed with atlas_str_hash. */
GHashTable *atlas_str_table_new  (GDestroyNotify value_destroy);

/* SipHash-2-4 of data under the 16-byte key: for tests against the published vectors. */
guint64     atlas_siphash24      (const guint8 key[16],
                                  const void  *data,
                                  gsize        length);

G_END_DECLS
