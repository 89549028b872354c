/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Large, short-lived arrays (a document's nodes and text, a file's points) are mapped with
 * transparent huge pages where the system offers them: touching fresh memory 4 KiB at a time
 * cost more than parsing it (a page fault per 85 JSON nodes). Untouched pages cost nothing, so
 * an upper bound can be reserved instead of growing and copying. The memory is zero-filled;
 * free it with the same size. */
gpointer _atlas_large_alloc (gsize    size);
void     _atlas_large_free  (gpointer data,
                             gsize    size);

G_END_DECLS
