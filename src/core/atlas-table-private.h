/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-table.h"

G_BEGIN_DECLS

/* Internal: the table's storage, filled by the reader (atlas-table-read.c). */

typedef struct {
  guint32 text;    /* offset of the NUL-terminated text in self->text */
  guint32 length;
  guint32 line;
  guint32 column;
} AtlasTableCell;

typedef struct {
  guint32 first;   /* index of its first cell */
  guint32 n;
} AtlasTableRow;

struct _AtlasTable {
  gatomicrefcount ref;
  char *name;
  char delimiter;
  GString *text;
  GArray *cells;   /* AtlasTableCell */
  GArray *rows;    /* AtlasTableRow; the header first */
};

G_END_DECLS
