/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-hash.h"

/* The hash for keys from files: SipHash-2-4 as published, and no way for a file to make its
 * keys collide as GLib's fixed string hash lets it. */

static void
test_siphash_vectors (void)
{
  /* From the reference implementation's vectors: key 00..0f, message 00..(n - 1). */
  static const struct {
    gsize length;
    guint64 hash;
  } vectors[] = {
    { 0, G_GUINT64_CONSTANT (0x726fdb47dd0e0e31) },
    { 1, G_GUINT64_CONSTANT (0x74f839c593dc67fd) },
    { 2, G_GUINT64_CONSTANT (0x0d6c8009d9a94f5a) },
    { 3, G_GUINT64_CONSTANT (0x85676696d7fb7e2d) },
    { 4, G_GUINT64_CONSTANT (0xcf2794e0277187b7) },
    { 15, G_GUINT64_CONSTANT (0xa129ca6149be45e5) },
    { 63, G_GUINT64_CONSTANT (0x958a324ceb064572) },
  };
  guint8 key[16], message[64];

  for (guint i = 0; i < 16; i++)
    key[i] = i;
  for (guint i = 0; i < 64; i++)
    message[i] = i;
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    g_assert_cmphex (atlas_siphash24 (key, message, vectors[i].length), ==, vectors[i].hash);
}

/* Strings of two-character blocks "c0" and "ar", which add the same to GLib's h * 33 + c. */
static char *
colliding_key (guint i)
{
  GString *key = g_string_new (NULL);

  for (guint b = 0; b < 16; b++)
    g_string_append (key, (i >> b) & 1 ? "ar" : "c0");
  return g_string_free (key, FALSE);
}

static void
test_no_collisions (void)
{
  const guint n = 65536;
  g_autoptr(GHashTable) table = atlas_str_table_new (g_free);
  g_autoptr(GHashTable) values = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (keys, colliding_key (i));
  /* They do all collide under g_str_hash... */
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (g_str_hash (keys->pdata[i]), ==, g_str_hash (keys->pdata[0]));

  /* ...and are spread under ours: at most a handful share a value by chance. */
  for (guint i = 0; i < n; i++)
    g_hash_table_add (values, GUINT_TO_POINTER (atlas_str_hash (keys->pdata[i])));
  g_assert_cmpuint (g_hash_table_size (values), >, n - 16);

  /* A table keyed by them works as any other. */
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (table, keys->pdata[i], g_strdup_printf ("%u", i));
  g_assert_cmpuint (g_hash_table_size (table), ==, n);
  for (guint i = 0; i < n; i += 997)
    {
      g_autofree char *expected = g_strdup_printf ("%u", i);

      g_assert_cmpstr (g_hash_table_lookup (table, keys->pdata[i]), ==, expected);
    }
  /* The same string hashes the same, wherever it is. */
  {
    g_autofree char *copy = g_strdup (keys->pdata[5]);

    g_assert_cmpuint (atlas_str_hash (copy), ==, atlas_str_hash (keys->pdata[5]));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hash/siphash-vectors", test_siphash_vectors);
  g_test_add_func ("/hash/no-collisions", test_no_collisions);
  return g_test_run ();
}
