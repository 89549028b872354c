/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Milliseconds since the process was started (from the kernel's record), or -1. */
gint64 atlas_ms_since_exec   (void);
/* With ICS_ATLAS_TRACE_STARTUP=1, prints "trace MS POINT" to stderr. */
void   atlas_trace_startup   (const char *point);

G_END_DECLS
