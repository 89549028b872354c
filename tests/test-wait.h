/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bounded waits for tests that run a main loop. TEST_WAIT_UNTIL (cond, what) iterates the
 * default main context until cond holds; when it has not held after TEST_WAIT_SECONDS (60, or
 * ATLAS_TEST_WAIT_SECONDS from the environment) the test fails at that line with
 * "waited N s for WHAT", so a broken feature shows as a message and not as a meson timeout.
 * A timer wakes the loop while waiting, so a condition that changes without an event (a worker
 * thread's counter) is seen. */

#define TEST_WAIT_SECONDS 60

typedef struct {
  const char *what;
  const char *file;
  int line;
  const char *func;
  gint64 deadline;
  guint wake_id;
} TestWait;

void test_wait_start (TestWait   *wait,
                      const char *what,
                      const char *file,
                      int         line,
                      const char *func);
/* One blocking iteration; fails the test once the deadline has passed. */
void test_wait_step  (TestWait   *wait);
void test_wait_stop  (TestWait   *wait);

#define TEST_WAIT_UNTIL(cond, what)                                      \
  G_STMT_START {                                                         \
    TestWait test_wait_;                                                 \
    test_wait_start (&test_wait_, (what), __FILE__, __LINE__, G_STRFUNC); \
    while (!(cond))                                                      \
      test_wait_step (&test_wait_);                                      \
    test_wait_stop (&test_wait_);                                        \
  } G_STMT_END

/* Runs whatever is ready to run now, without blocking. */
void test_iterate_pending (void);

G_END_DECLS
