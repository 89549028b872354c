/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-wait.h"

#include <stdlib.h>

#define WAKE_MS 50

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static int
get_limit_seconds (void)
{
  const char *env = g_getenv ("ATLAS_TEST_WAIT_SECONDS");
  int seconds = env != NULL ? atoi (env) : 0;

  return seconds > 0 ? seconds : TEST_WAIT_SECONDS;
}

void
test_wait_start (TestWait   *wait,
                 const char *what,
                 const char *file,
                 int         line,
                 const char *func)
{
  wait->what = what;
  wait->file = file;
  wait->line = line;
  wait->func = func;
  wait->deadline = g_get_monotonic_time () + (gint64) get_limit_seconds () * G_USEC_PER_SEC;
  wait->wake_id = g_timeout_add (WAKE_MS, wake_cb, NULL);
}

void
test_wait_step (TestWait *wait)
{
  if (g_get_monotonic_time () > wait->deadline)
    {
      g_autofree char *message = g_strdup_printf ("waited %d s for %s", get_limit_seconds (),
                                                  wait->what);

      g_clear_handle_id (&wait->wake_id, g_source_remove);
      g_assertion_message (G_LOG_DOMAIN, wait->file, wait->line, wait->func, message);
    }
  g_main_context_iteration (NULL, TRUE);
}

void
test_wait_stop (TestWait *wait)
{
  g_clear_handle_id (&wait->wake_id, g_source_remove);
}

void
test_iterate_pending (void)
{
  /* Bounded: a source that keeps itself ready (an animation) must not hold the test here. */
  for (int i = 0; i < 100000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}
