/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The screen side of bench-observer (see bench-observer.c). */

#include "bench-observer-screen.h"

#include <X11/Xutil.h>
#include <stdio.h>
#include <sys/shm.h>

#define CLEAR_TIMEOUT_MS 5000

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* FNV-1a over the region's pixels (24 bits of each), and whether they are all one colour. */
static guint64
hash_image (XImage   *image,
            gboolean *flat)
{
  guint64 hash = 0xcbf29ce484222325ull;
  guint32 first = XGetPixel (image, 0, 0) & 0xffffff;

  /* Depth 24 in 32-bit pixels: what Xvfb -screen WxHx24 gives. */
  g_assert (image->bits_per_pixel == 32);
  *flat = TRUE;
  for (int y = 0; y < image->height; y++)
    {
      const guint32 *row = (const guint32 *) (image->data + (gsize) y * image->bytes_per_line);

      for (int x = 0; x < image->width; x++)
        {
          guint32 pixel = row[x] & 0xffffff;

          hash = (hash ^ pixel) * 0x100000001b3ull;
          *flat = *flat && pixel == first;
        }
    }
  return hash;
}

/* A binary PPM: the one image format that needs no library. */
static void
save_image (const char *folder,
            XImage     *image,
            double      ms)
{
  g_autofree char *name = g_strdup_printf ("state-%06.1f.ppm", ms);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GString) ppm = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_string_append_printf (ppm, "P6\n%d %d\n255\n", image->width, image->height);
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        unsigned long pixel = XGetPixel (image, x, y);
        char rgb[3] = { pixel >> 16 & 0xff, pixel >> 8 & 0xff, pixel & 0xff };

        g_string_append_len (ppm, rgb, 3);
      }
  if (!g_file_set_contents (path, ppm->str, ppm->len, &error))
    fprintf (stderr, "bench-observer: %s\n", error->message);
}

/* Whether a mapped top-level window covers part of the region. */
static gboolean
region_is_covered (ObserverScreen *self)
{
  Window root, parent, *children = NULL;
  unsigned int n = 0;
  gboolean covered = FALSE;

  if (!XQueryTree (self->display, self->root, &root, &parent, &children, &n))
    return FALSE;
  for (unsigned int i = 0; i < n && !covered; i++)
    {
      XWindowAttributes a;

      if (!XGetWindowAttributes (self->display, children[i], &a) || a.map_state != IsViewable)
        continue;
      covered = a.x < self->region.x + self->region.width && a.x + a.width > self->region.x
                && a.y < self->region.y + self->region.height
                && a.y + a.height > self->region.y;
    }
  if (children != NULL)
    XFree (children);
  return covered;
}

/* Through MIT-SHM where the server has it; otherwise XGetImage, which is slower. */
gboolean
observer_screen_init (ObserverScreen *self)
{
  int screen = DefaultScreen (self->display);

  self->has_shm = XShmQueryExtension (self->display);
  if (!self->has_shm)
    return TRUE;
  self->image = XShmCreateImage (self->display, DefaultVisual (self->display, screen),
                                 DefaultDepth (self->display, screen), ZPixmap, NULL, &self->shm,
                                 self->region.width, self->region.height);
  if (self->image == NULL)
    return FALSE;
  self->shm.shmid = shmget (IPC_PRIVATE, self->image->bytes_per_line * self->image->height,
                            IPC_CREAT | 0600);
  if (self->shm.shmid < 0)
    return FALSE;
  self->shm.shmaddr = self->image->data = shmat (self->shm.shmid, NULL, 0);
  /* Marked for removal now, so that it goes away with the process however that ends. */
  shmctl (self->shm.shmid, IPC_RMID, NULL);
  if (self->shm.shmaddr == (void *) -1)
    return FALSE;
  self->shm.readOnly = False;
  return XShmAttach (self->display, &self->shm);
}

guint64
observer_screen_read (ObserverScreen *self,
                      double          ms,
                      gboolean       *flat)
{
  XImage *image = self->image;
  guint64 hash;

  if (self->has_shm)
    XShmGetImage (self->display, self->root, image, self->region.x, self->region.y, AllPlanes);
  else
    image = XGetImage (self->display, self->root, self->region.x, self->region.y,
                       self->region.width, self->region.height, AllPlanes, ZPixmap);
  if (image == NULL)
    g_error ("bench-observer: the region cannot be read");
  hash = hash_image (image, flat);
  if (self->save_folder != NULL && hash != self->saved_hash)
    save_image (self->save_folder, image, ms);
  if (!self->has_shm)
    XDestroyImage (image);
  return self->saved_hash = hash;
}

/* Until no window covers the region: the last run's may still be going away. */
void
observer_screen_wait_until_clear (ObserverScreen *self)
{
  double deadline = now_ms () + CLEAR_TIMEOUT_MS;

  while (region_is_covered (self))
    {
      if (now_ms () > deadline)
        {
          fprintf (stderr, "bench-observer: a window still covers the region after %d ms\n",
                   CLEAR_TIMEOUT_MS);
          return;
        }
      g_usleep (10000);
    }
}

/* To the first corner of the screen outside the region; when the region is the whole
 * screen (a window without hover effects), the pointer stays where it is. */
void
observer_screen_move_pointer_away (ObserverScreen *self)
{
  int width = DisplayWidth (self->display, DefaultScreen (self->display));
  int height = DisplayHeight (self->display, DefaultScreen (self->display));
  const int corners[4][2] = { { width - 1, height - 1 }, { width - 1, 0 }, { 0, height - 1 },
                              { 0, 0 } };

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      int x = corners[i][0], y = corners[i][1];

      if (x >= self->region.x && x < self->region.x + self->region.width
          && y >= self->region.y && y < self->region.y + self->region.height)
        continue;
      XWarpPointer (self->display, None, self->root, 0, 0, 0, 0, x, y);
      if (self->log)
        fprintf (stderr, "  pointer moved to %d,%d\n", x, y);
      return;
    }
}

void
observer_screen_clear (ObserverScreen *self)
{
  if (!self->has_shm)
    return;
  XShmDetach (self->display, &self->shm);
  self->image->data = NULL;  /* the segment's, not malloc's */
  XDestroyImage (self->image);
  shmdt (self->shm.shmaddr);
}
