/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* bench-observer's side of the screen: the watched region's pixels, read cheaply and hashed,
 * the pointer kept out of the region, and the windows over it. */

#include <X11/Xlib.h>
#include <X11/extensions/XShm.h>
#include <glib.h>

typedef struct {
  Display *display;
  Window root;
  XRectangle region;           /* in root coordinates */
  const char *save_folder;     /* each new state of the region as a PPM there, or NULL */
  gboolean log;                /* where the pointer went, on stderr */
  XImage *image;               /* shared with the server, when has_shm */
  XShmSegmentInfo shm;
  gboolean has_shm;
  guint64 saved_hash;
} ObserverScreen;

/* Once display, root, region and the options are set. */
gboolean observer_screen_init (ObserverScreen *self);

/* The region's pixels now: their hash, and whether they are all one colour. MS names the
 * file when the state is saved. */
guint64 observer_screen_read (ObserverScreen *self,
                              double          ms,
                              gboolean       *flat);

void observer_screen_move_pointer_away (ObserverScreen *self);
void observer_screen_wait_until_clear (ObserverScreen *self);
void observer_screen_clear (ObserverScreen *self);
