/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Times a program's start-up from outside it, by what the X server shows (README,
 * "Performance"):
 *
 *   bench-observer [--region X,Y,W,H] [--quiet MS] [--timeout MS] [--require-detail]
 *                  [--log] [--save FOLDER] -- PROGRAM ARGS…
 *
 * The pointer goes to a corner outside the region (at the screen's centre, where Xvfb puts
 * it, the map shows a tooltip); once no window covers the region (the last run's may still be
 * going away) a Damage object on the root window watches it. Without a window manager the
 * program's window opens at 0,0, so the region is in root coordinates (default: the screen).
 * Each batch of damage that meets the region is one sample: the time its first event
 * arrived, and a hash of the region's pixels read right after it, through MIT-SHM where the
 * server has it (under 1 ms for 900×750 pixels under Xvfb, against 8 ms through XGetImage,
 * which would hold up the server, and so the program, at every sample).
 *
 * When the region has had no damage for the quiet period (default 1.5 s), or at the timeout
 * (30 s), the program is killed and one line printed, times in ms from just before the spawn
 * (-1: none):
 *
 *   observed STATUS first-ms F complete-ms C settled-ms S ready-ms R damages N states M
 *            flat 0|1 window X,Y,WxH
 *
 *  - first: the first sample whose pixels differ from those before the spawn;
 *  - complete: the first sample from which on the region shows its final pixels, so a redraw
 *    that changes no pixel (a hand-over between two sources of one picture) does not count;
 *  - settled: the last damage in the region, changing pixels or not;
 *  - ready: when the program printed a line starting with "ready " (ICS_ATLAS_REPORT_READY=1);
 *  - damages: samples; states: how many of them changed the region's pixels; flat: the final
 *    region is one colour; window: the first top-level window mapped after the spawn (to
 *    check that it opened where assumed).
 * STATUS is ok, or flat (with --require-detail: a blank window is not a complete map), busy
 * (never quiet), exited (the program ended first) or none (the region never changed). */

#include <X11/extensions/Xdamage.h>
#include <X11/extensions/Xfixes.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-observer-screen.h"

#define KILL_TIMEOUT_MS 5000
#define OPEN_ATTEMPTS 20
/* How often the program is checked for having ended while nothing else happens. */
#define CHILD_CHECK_MS 100

typedef struct {
  double ms;
  guint64 hash;
} Sample;

typedef struct {
  ObserverScreen screen;
  Display *display;
  Damage damage;
  int damage_event;
  XserverRegion watched;
  XserverRegion parts;
  GPid pid;
  int out_fd;                  /* the program's stdout, -1 once closed */
  GString *pending;
  double t0;
  GArray *samples;
  double settled_ms;
  double ready_ms;
  XRectangle window;
  gboolean has_window;
} Observer;

static char *region_text = NULL;
static char *save_folder = NULL;
static double quiet_ms = 1500;
static double timeout_ms = 30000;
static gboolean require_detail, log_damage;

static const GOptionEntry entries[] = {
  { "region", 0, 0, G_OPTION_ARG_STRING, &region_text,
    "The watched region in root coordinates; default the whole screen", "X,Y,W,H" },
  { "quiet", 0, 0, G_OPTION_ARG_DOUBLE, &quiet_ms,
    "Quiet period that ends the observation; default 1500", "MS" },
  { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &timeout_ms,
    "Longest observation; default 30000", "MS" },
  { "require-detail", 0, 0, G_OPTION_ARG_NONE, &require_detail,
    "A final region of one colour is not complete", NULL },
  { "log", 0, 0, G_OPTION_ARG_NONE, &log_damage, "Every damage and sample on stderr", NULL },
  { "save", 0, 0, G_OPTION_ARG_FILENAME, &save_folder,
    "Each new state of the region as FOLDER/state-MS.ppm, to look at", "FOLDER" },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static gboolean
parse_region (const char *text,
              XRectangle *out)
{
  int x, y, w, h;
  char end;

  if (sscanf (text, "%d,%d,%d,%d%c", &x, &y, &w, &h, &end) != 4 || x < 0 || y < 0 || w <= 0
      || h <= 0 || x > G_MAXSHORT || y > G_MAXSHORT || w > G_MAXUSHORT || h > G_MAXUSHORT)
    return FALSE;
  *out = (XRectangle) { x, y, w, h };
  return TRUE;
}

/* Takes all the damage so far away from the Damage object; returns whether any of it meets
 * the region. */
static gboolean
take_damage (Observer *self)
{
  XRectangle *rects;
  int n = 0;

  XDamageSubtract (self->display, self->damage, None, self->parts);
  XFixesIntersectRegion (self->display, self->parts, self->parts, self->watched);
  rects = XFixesFetchRegion (self->display, self->parts, &n);
  for (int i = 0; log_damage && i < n; i++)
    fprintf (stderr, "  %8.1f ms  damage %d,%d %dx%d\n", now_ms () - self->t0, rects[i].x,
             rects[i].y, rects[i].width, rects[i].height);
  if (rects != NULL)
    XFree (rects);
  return n > 0;
}

static void
handle_map (Observer  *self,
            XMapEvent *event)
{
  XWindowAttributes a;

  if (self->has_window || event->event != self->screen.root
      || !XGetWindowAttributes (self->display, event->window, &a) || a.override_redirect)
    return;
  self->window = (XRectangle) { a.x, a.y, a.width, a.height };
  self->has_window = TRUE;
}

/* The program's stdout is read all along (so that it never blocks on a full pipe); only the
 * time of its "ready" line is kept. */
static void
read_output (Observer *self)
{
  char buffer[4096];
  ssize_t n = read (self->out_fd, buffer, sizeof buffer);
  double at = now_ms () - self->t0;
  char *newline;

  if (n <= 0)
    {
      close (self->out_fd);
      self->out_fd = -1;
      return;
    }
  g_string_append_len (self->pending, buffer, n);
  while ((newline = strchr (self->pending->str, '\n')) != NULL)
    {
      if (self->ready_ms < 0 && g_str_has_prefix (self->pending->str, "ready "))
        self->ready_ms = at;
      g_string_erase (self->pending, 0, newline - self->pending->str + 1);
    }
}

/* Handles what is queued; one sample for all the damage in it: the pixels after the batch, at
 * the time the first of it arrived. */
static void
handle_events (Observer *self)
{
  gboolean damaged = FALSE;
  double damaged_ms = 0;
  gboolean flat;
  Sample sample;

  while (XPending (self->display) > 0)
    {
      XEvent event;
      double at;

      XNextEvent (self->display, &event);
      at = now_ms () - self->t0;
      if (event.type == MapNotify)
        handle_map (self, &event.xmap);
      else if (event.type == self->damage_event + XDamageNotify && take_damage (self)
               && !damaged)
        damaged = TRUE, damaged_ms = at;
    }
  if (!damaged)
    return;
  sample = (Sample) { damaged_ms, observer_screen_read (&self->screen, damaged_ms, &flat) };
  g_array_append_val (self->samples, sample);
  self->settled_ms = damaged_ms;
  if (log_damage)
    fprintf (stderr, "  %8.1f ms  pixels %016" G_GINT64_MODIFIER "x%s\n", damaged_ms,
             sample.hash, flat ? " (one colour)" : "");
}

/* Until the region has been quiet for quiet_ms after its last damage, the timeout, or the
 * program's end; returns the status word. */
static const char *
observe (Observer *self)
{
  for (;;)
    {
      struct pollfd fds[2] = { { ConnectionNumber (self->display), POLLIN, 0 },
                               { self->out_fd, POLLIN, 0 } };
      double t = now_ms () - self->t0;
      gboolean quiet = self->samples->len > 0;
      double until = quiet ? MIN (timeout_ms, self->settled_ms + quiet_ms) : timeout_ms;
      int status;

      if (quiet && t >= self->settled_ms + quiet_ms)
        return "ok";
      if (t >= timeout_ms)
        return quiet ? "busy" : "none";
      if (waitpid (self->pid, &status, WNOHANG) == self->pid)
        {
          self->pid = 0;
          return "exited";
        }
      if (XPending (self->display) == 0
          && poll (fds, self->out_fd >= 0 ? 2 : 1, (int) MIN (until - t, CHILD_CHECK_MS) + 1) < 0
          && errno != EINTR)
        g_error ("bench-observer: poll: %s", g_strerror (errno));
      if (self->out_fd >= 0 && fds[1].revents != 0)
        read_output (self);
      handle_events (self);
    }
}

static void
end_program (Observer *self)
{
  double deadline = now_ms () + KILL_TIMEOUT_MS;
  int status;

  if (self->out_fd >= 0)
    close (self->out_fd);
  if (self->pid == 0)
    return;
  kill (self->pid, SIGTERM);
  while (waitpid (self->pid, &status, WNOHANG) == 0)
    {
      if (now_ms () > deadline)
        {
          kill (self->pid, SIGKILL);
          waitpid (self->pid, &status, 0);
          break;
        }
      g_usleep (5000);
    }
  g_spawn_close_pid (self->pid);
}

/* first, complete and the number of states, from the samples and the final pixels. */
static void
summarise (Observer *self,
           guint64   initial,
           guint64   final,
           double   *first_ms,
           double   *complete_ms,
           guint    *states)
{
  *first_ms = *complete_ms = -1;
  *states = 0;
  for (guint i = 0; i < self->samples->len; i++)
    {
      const Sample *s = &g_array_index (self->samples, Sample, i);
      guint64 before = i > 0 ? g_array_index (self->samples, Sample, i - 1).hash : initial;

      if (*first_ms < 0 && s->hash != initial)
        *first_ms = s->ms;
      if (s->hash != before)
        (*states)++;
      if (s->hash != final)
        *complete_ms = -1;
      else if (*complete_ms < 0)
        *complete_ms = s->ms;
    }
}

static gboolean
open_display (Observer *self)
{
  ObserverScreen *screen = &self->screen;
  int damage_error, fixes_event, fixes_error;

  /* Xvfb started without -noreset resets when its last client leaves, as between two runs
   * here, and refuses connections while it does. */
  for (int i = 0; i < OPEN_ATTEMPTS && self->display == NULL; i++)
    if ((self->display = XOpenDisplay (NULL)) == NULL)
      g_usleep (100000);
  if (self->display == NULL)
    {
      fprintf (stderr, "bench-observer: cannot open the display %s\n", XDisplayName (NULL));
      return FALSE;
    }
  if (!XDamageQueryExtension (self->display, &self->damage_event, &damage_error)
      || !XFixesQueryExtension (self->display, &fixes_event, &fixes_error))
    {
      fprintf (stderr, "bench-observer: the X server has no DAMAGE or XFIXES extension\n");
      return FALSE;
    }
  screen->display = self->display;
  screen->root = DefaultRootWindow (self->display);
  screen->region = (XRectangle) { 0, 0,
                                  DisplayWidth (self->display, DefaultScreen (self->display)),
                                  DisplayHeight (self->display, DefaultScreen (self->display)) };
  screen->save_folder = save_folder;
  screen->log = log_damage;
  if (region_text != NULL && !parse_region (region_text, &screen->region))
    {
      fprintf (stderr, "bench-observer: --region %s: expected X,Y,W,H\n", region_text);
      return FALSE;
    }
  if (!observer_screen_init (screen))
    {
      fprintf (stderr, "bench-observer: no shared memory for the region's pixels\n");
      return FALSE;
    }
  self->watched = XFixesCreateRegion (self->display, &screen->region, 1);
  self->parts = XFixesCreateRegion (self->display, NULL, 0);
  return TRUE;
}

/* Everything up to the spawn; returns the hash of the region's pixels before it. */
static guint64
start (Observer  *self,
       char     **child_argv,
       GError   **error)
{
  gboolean flat;
  guint64 initial;

  self->samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  self->pending = g_string_new (NULL);
  observer_screen_move_pointer_away (&self->screen);
  observer_screen_wait_until_clear (&self->screen);
  XSelectInput (self->display, self->screen.root, SubstructureNotifyMask);
  self->damage = XDamageCreate (self->display, self->screen.root, XDamageReportNonEmpty);
  initial = observer_screen_read (&self->screen, 0, &flat);
  /* What was damaged before the spawn is not the program's. */
  XDamageSubtract (self->display, self->damage, None, None);
  XSync (self->display, False);

  self->t0 = now_ms ();
  g_spawn_async_with_pipes (NULL, child_argv, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH, NULL, NULL,
                            &self->pid, NULL, &self->out_fd, NULL, error);
  return initial;
}

static void
close_display (Observer *self)
{
  XDamageDestroy (self->display, self->damage);
  observer_screen_clear (&self->screen);
  XCloseDisplay (self->display);
  g_array_unref (self->samples);
  g_string_free (self->pending, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("-- PROGRAM [ARGS…]");
  g_autoptr(GError) error = NULL;
  Observer self = { .out_fd = -1, .ready_ms = -1 };
  char **child_argv;
  const char *status;
  guint64 initial, final;
  gboolean flat, ok;
  double first_ms, complete_ms;
  guint states;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-observer: %s\n", error->message);
      return 2;
    }
  child_argv = argv + 1;
  if (child_argv[0] != NULL && g_str_equal (child_argv[0], "--"))
    child_argv++;
  if (child_argv[0] == NULL)
    {
      fprintf (stderr, "bench-observer: no program to observe (give it after --)\n");
      return 2;
    }
  if (!open_display (&self))
    return 2;
  initial = start (&self, child_argv, &error);
  if (error != NULL)
    {
      fprintf (stderr, "bench-observer: %s: %s\n", child_argv[0], error->message);
      return 2;
    }
  status = observe (&self);
  final = observer_screen_read (&self.screen, now_ms () - self.t0, &flat);
  end_program (&self);

  summarise (&self, initial, final, &first_ms, &complete_ms, &states);
  ok = g_str_equal (status, "ok");
  if (ok && first_ms < 0)
    status = "none";
  else if (ok && require_detail && flat)
    status = "flat";
  printf ("observed %s first-ms %.1f complete-ms %.1f settled-ms %.1f ready-ms %.1f "
          "damages %u states %u flat %d window %d,%d,%ux%u\n", status, first_ms, complete_ms,
          self.samples->len > 0 ? self.settled_ms : -1, self.ready_ms, self.samples->len, states,
          flat, self.window.x, self.window.y, self.window.width, self.window.height);
  fflush (stdout);
  close_display (&self);
  return g_str_equal (status, "ok") ? 0 : 1;
}
