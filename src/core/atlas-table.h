/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-error.h"

G_BEGIN_DECLS

/* A planner's spreadsheet saved as CSV or TSV, read with libcsv into an immutable table of
 * text cells that remember where they are.
 *
 * Accepted: UTF-8 with or without a byte order mark; fields separated by commas, semicolons or
 * tabs (whichever the header line uses most, outside quotes); fields quoted with '"' (a quote
 * inside is doubled) and then free to hold separators and line breaks; lines ending in LF,
 * CRLF or CR. Spaces around an unquoted field are dropped. Rows whose cells are all empty are
 * skipped. The first row is the header: it names the columns.
 *
 * Refused, with ATLAS_IMPORT_ERROR and "FILE:LINE:COLUMN: what": bytes that are not UTF-8 or
 * are NUL, a quote that is never closed, a quote inside an unquoted field or text after a
 * closing quote, an empty file, a header with no row below it, and anything over the limits
 * below. Lines and columns are 1-based; a column counts characters, as an editor shows them,
 * and the byte order mark does not count.
 *
 * Rows may have more or fewer cells than the header: the readers built on the table decide
 * where that matters (a missing cell reads as ""). */

#define ATLAS_TABLE_MAX_INPUT   (64 * 1024 * 1024)
#define ATLAS_TABLE_MAX_COLUMNS 1000
#define ATLAS_TABLE_MAX_CELLS   (8 * 1000 * 1000)
#define ATLAS_TABLE_MAX_FIELD   (64 * 1024)

/* Where positions and problems of the header line are asked for. */
#define ATLAS_TABLE_HEADER G_MAXUINT

typedef struct _AtlasTable AtlasTable;

AtlasTable *atlas_table_parse            (const char  *data,
                                          gsize        length,
                                          const char  *display_name,
                                          GError     **error);
/* Refuses a file over ATLAS_TABLE_MAX_INPUT from its size, before reading it. */
AtlasTable *atlas_table_load_file        (GFile       *file,
                                          const char  *display_name,
                                          GError     **error);
AtlasTable *atlas_table_ref              (AtlasTable  *self);
void        atlas_table_unref            (AtlasTable  *self);

const char *atlas_table_get_name         (AtlasTable  *self);
char        atlas_table_get_delimiter    (AtlasTable  *self);  /* ',', ';' or '\t' */
guint       atlas_table_get_n_columns    (AtlasTable  *self);  /* cells of the header */
const char *atlas_table_get_column_name  (AtlasTable  *self,
                                          guint        column);
/* The first column whose name equals name ignoring case and surrounding spaces, or -1. */
int         atlas_table_find_column      (AtlasTable  *self,
                                          const char  *name);
guint       atlas_table_get_n_rows       (AtlasTable  *self);  /* below the header */
guint       atlas_table_get_row_width    (AtlasTable  *self,
                                          guint        row);
/* The cell's text (never NULL; "" past the end of a short row) and its length in bytes. */
const char *atlas_table_get_cell         (AtlasTable  *self,
                                          guint        row,
                                          guint        column);
gsize       atlas_table_get_cell_length  (AtlasTable  *self,
                                          guint        row,
                                          guint        column);
guint       atlas_table_get_row_line     (AtlasTable  *self,
                                          guint        row);
/* Where the cell starts; past the end of a short row, where its last cell starts. */
void        atlas_table_get_position     (AtlasTable  *self,
                                          guint        row,
                                          guint        column,
                                          guint       *line,
                                          guint       *column_out);
/* "FILE:LINE:COLUMN: message" for a cell (row may be ATLAS_TABLE_HEADER). Free with g_free. */
char       *atlas_table_format_problem   (AtlasTable  *self,
                                          guint        row,
                                          guint        column,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (4, 5);
/* The same as a GError of the import domain. */
void        atlas_table_set_error        (AtlasTable  *self,
                                          GError     **error,
                                          AtlasImportError code,
                                          guint        row,
                                          guint        column,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (6, 7);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTable, atlas_table_unref)

G_END_DECLS
