/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-hash.h"

/* SipHash-2-4, after Aumasson and Bernstein's description ("SipHash: a fast short-input PRF",
 * 2012): four 64-bit words of state, two rounds per 8-byte word of input, four to finish. */

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

#define SIP_ROUND(v0, v1, v2, v3) \
  G_STMT_START { \
    v0 += v1; v1 = ROTL (v1, 13); v1 ^= v0; v0 = ROTL (v0, 32); \
    v2 += v3; v3 = ROTL (v3, 16); v3 ^= v2; \
    v0 += v3; v3 = ROTL (v3, 21); v3 ^= v0; \
    v2 += v1; v1 = ROTL (v1, 17); v1 ^= v2; v2 = ROTL (v2, 32); \
  } G_STMT_END

static inline guint64
read_le64 (const guint8 *p)
{
  guint64 word;

  memcpy (&word, p, 8);
  return GUINT64_FROM_LE (word);
}

guint64
atlas_siphash24 (const guint8  key[16],
                 const void   *data,
                 gsize         length)
{
  const guint8 *in = data;
  guint64 k0 = read_le64 (key), k1 = read_le64 (key + 8);
  guint64 v0 = k0 ^ G_GUINT64_CONSTANT (0x736f6d6570736575);
  guint64 v1 = k1 ^ G_GUINT64_CONSTANT (0x646f72616e646f6d);
  guint64 v2 = k0 ^ G_GUINT64_CONSTANT (0x6c7967656e657261);
  guint64 v3 = k1 ^ G_GUINT64_CONSTANT (0x7465646279746573);
  guint64 last = (guint64) length << 56;
  gsize i, tail = length & 7;

  for (i = 0; i + 8 <= length; i += 8)
    {
      guint64 m = read_le64 (in + i);

      v3 ^= m;
      SIP_ROUND (v0, v1, v2, v3);
      SIP_ROUND (v0, v1, v2, v3);
      v0 ^= m;
    }
  for (gsize t = 0; t < tail; t++)
    last |= (guint64) in[i + t] << (8 * t);

  v3 ^= last;
  SIP_ROUND (v0, v1, v2, v3);
  SIP_ROUND (v0, v1, v2, v3);
  v0 ^= last;
  v2 ^= 0xff;
  for (int r = 0; r < 4; r++)
    SIP_ROUND (v0, v1, v2, v3);
  return v0 ^ v1 ^ v2 ^ v3;
}

static const guint8 *
get_key (void)
{
  static guint8 key[16];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      /* GLib seeds its generator from /dev/urandom. */
      g_autoptr(GRand) rand = g_rand_new ();

      for (guint i = 0; i < 4; i++)
        {
          guint32 word = g_rand_int (rand);

          memcpy (key + 4 * i, &word, 4);
        }
      g_once_init_leave (&initialised, 1);
    }
  return key;
}

guint
atlas_str_hash (gconstpointer key)
{
  const char *text = key;
  guint64 h = atlas_siphash24 (get_key (), text, strlen (text));

  return (guint) (h ^ (h >> 32));
}

GHashTable *
atlas_str_table_new (GDestroyNotify value_destroy)
{
  return g_hash_table_new_full (atlas_str_hash, g_str_equal, NULL, value_destroy);
}
