/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-application.h"
#include "atlas-window-test-private.h"
#include "test-wait.h"

G_BEGIN_DECLS

/* Helpers shared by the window tests: an application registered for tests, a home folder of
 * their own, waiting for the map, captures and their pixels. */

/* Per channel, out of 255: room for the renderer's rounding, not for another colour. */
#define COLOUR_TOLERANCE 6

/* Points HOME and XDG_*_HOME at a temporary folder, initialises GTK and libadwaita, and returns a
 * registered, non-unique application. */
AtlasApplication *window_test_init (int    *argc,
                                    char ***argv);

void     window_test_iterate_pending  (void);
void     window_test_wait_until_ready (AtlasWindow *window);
/* Lets a frame be painted, so that what was just changed is on screen. */
void     window_test_wait_for_frame   (AtlasWindow *window);
/* Until the base map tiles asked for by the view as it is now are in, and painted. */
void     window_test_wait_for_tiles   (AtlasWindow *window);
/* Until no dataset load is in flight. */
void     window_test_wait_for_load    (AtlasWindow *window);

/* A new window of app showing dataset, presented, with its map ready. The real pointer does
 * not hover districts in it (see _atlas_window_set_pointer_hover). */
AtlasWindow *window_test_open         (AtlasApplication *app,
                                       AtlasDataset     *dataset);
/* A new window of app that loads the system id itself (as the menu does), presented and ready. */
AtlasWindow *window_test_open_loading (AtlasApplication *app,
                                       const char       *id);
/* Copies the map image (win.copy-image) and reads it back from the clipboard, which must
 * offer it as a texture. */
GdkTexture  *window_test_copy_map_image (AtlasWindow *window);
/* Whether an export dialog (shown or not) is still a toplevel: an export runs until it goes. */
gboolean     window_test_has_export_dialog (void);

/* Destroys the window and lets what that set off run; the window's remembered size, panel
 * width and page go back to their defaults. */
void     window_test_close            (AtlasWindow *window);

/* Presses a key as GTK's shortcut controllers take it: from the focused widget of root up to
 * root (the bubble phase), the first shortcut whose trigger is keyval with exactly mods, and
 * whose action runs, takes it. GTK 4 has no public way to inject a key event; this runs the
 * very shortcut the event would run. Returns whether a shortcut took the key. */
gboolean window_test_press_key        (GtkWidget       *root,
                                       guint            keyval,
                                       GdkModifierType  mods);

/* Window pixels as premultiplied ARGB32 (so opaque pixels read as plain RGB). */
typedef struct {
  int width;
  int height;
  gsize stride;
  guint8 *data;
} Capture;

void     capture_free      (Capture *capture);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Capture, capture_free)

/* Saved as tests/artefacts/NAME in the build folder. */
Capture *capture_window    (AtlasWindow   *window,
                            const char    *name);
/* Any toplevel, such as a dialog. */
Capture *capture_widget    (GtkWidget     *widget,
                            const char    *name);
guint32  capture_get_pixel (const Capture *capture,
                            int            x,
                            int            y);
gboolean colours_close     (guint32        a,
                            guint32        b);

/* Where a place is in the map's and in the window's coordinates. */
void     location_to_window (AtlasWindow *window,
                             double       lat,
                             double       lon,
                             double      *map_x,
                             double      *map_y,
                             double      *window_x,
                             double      *window_y);
/* The commonest colour of the window's pixels inside a district near its label point, and
 * how many of the pixels looked at have it (out of *inside). */
guint32  district_commonest_colour (AtlasWindow         *window,
                                    const Capture       *capture,
                                    const AtlasDistrict *district,
                                    guint               *count,
                                    guint               *inside);
/* Whether a shown label under widget reads text. */
gboolean find_label        (GtkWidget     *widget,
                            const char    *text);
/* Whether a label under widget reads text, shown or not. */
gboolean has_label         (GtkWidget     *widget,
                            const char    *text);
/* The first widget under widget (itself included) with this name (gtk_widget_set_name), or
 * NULL. */
GtkWidget *window_test_find_named (GtkWidget  *widget,
                                   const char *name);
/* The action a shortcut of widget with this key names (read from its shortcut controllers, the
 * class's included), or NULL: what pressing the key would activate. */
char      *window_test_find_shortcut_action (GtkWidget       *widget,
                                             guint            keyval,
                                             GdkModifierType  mods);
/* The first label under widget whose text contains text. */
GtkWidget *find_label_containing (GtkWidget  *widget,
                                  const char *text);

G_END_DECLS
