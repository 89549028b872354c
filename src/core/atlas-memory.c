/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-memory-private.h"

#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

/* Below this, malloc's own pages are as good. */
#define LARGE_SIZE (2 * 1024 * 1024)

/* Under AddressSanitizer everything comes from malloc, so that the fuzzers see overflows. */
#if defined(__SANITIZE_ADDRESS__)
#define USE_MAPPINGS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define USE_MAPPINGS 0
#endif
#endif
#if !defined(USE_MAPPINGS) && defined(G_OS_UNIX) && defined(MAP_ANONYMOUS)
#define USE_MAPPINGS 1
#elif !defined(USE_MAPPINGS)
#define USE_MAPPINGS 0
#endif

gpointer
_atlas_large_alloc (gsize size)
{
#if USE_MAPPINGS
  if (size >= LARGE_SIZE)
    {
      int flags = MAP_PRIVATE | MAP_ANONYMOUS;
      void *data;

#ifdef MAP_NORESERVE
      flags |= MAP_NORESERVE;
#endif
      data = mmap (NULL, size, PROT_READ | PROT_WRITE, flags, -1, 0);
      if (data == MAP_FAILED)
        g_error ("%s: failed to allocate %" G_GSIZE_FORMAT " bytes", G_STRLOC, size);
#ifdef MADV_HUGEPAGE
      madvise (data, size, MADV_HUGEPAGE);
#endif
      return data;
    }
#endif
  return g_malloc0 (size);
}

void
_atlas_large_free (gpointer data,
                   gsize    size)
{
  if (data == NULL)
    return;
#if USE_MAPPINGS
  if (size >= LARGE_SIZE)
    {
      munmap (data, size);
      return;
    }
#endif
  g_free (data);
}
