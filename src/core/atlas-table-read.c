/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-table-private.h"

#include <csv.h>
#include <string.h>

#include "atlas-json-private.h"

/* libcsv reports fields and rows through callbacks but not where they are. The input is fed
 * to it in chunks that end at the only bytes that can end a field (the delimiter, CR, LF) or
 * be refused (a quote), so a callback always comes from the last byte of the chunk being
 * parsed, and a refusal from the byte libcsv stopped at: the reader's own line and column
 * counters, kept in the same pass, then say exactly where each field starts and where a
 * refused byte is. */

typedef struct {
  AtlasTable *self;
  GError **error;
  gboolean failed;
  guint32 line, column;            /* of the next byte */
  gsize offset;                    /* the next byte */
  guint32 start_line, start_column;  /* where the field being read started */
  gsize start_offset;
  gboolean row_ended;              /* the next field's start is the next byte not CR or LF */
  guint32 row_first;               /* first cell of the row being read */
  gboolean row_has_text;
} Reader;

static void
reader_fail (Reader           *r,
             AtlasImportError  code,
             guint32           line,
             guint32           column,
             const char       *format,
             ...) G_GNUC_PRINTF (5, 6);

static void
reader_fail (Reader           *r,
             AtlasImportError  code,
             guint32           line,
             guint32           column,
             const char       *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->failed)
    return;
  r->failed = TRUE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (r->error, ATLAS_IMPORT_ERROR, code, "%s:%u:%u: %s", r->self->name, line, column,
               message);
}

static void
field_cb (void   *data,
          size_t  length,
          void   *user_data)
{
  Reader *r = user_data;
  AtlasTable *self = r->self;
  AtlasTableCell cell;

  if (r->failed)
    return;
  if (length > ATLAS_TABLE_MAX_FIELD)
    {
      reader_fail (r, ATLAS_IMPORT_ERROR_LIMIT, r->start_line, r->start_column,
                   "field longer than %d bytes", ATLAS_TABLE_MAX_FIELD);
      return;
    }
  if (self->cells->len - r->row_first >= ATLAS_TABLE_MAX_COLUMNS)
    {
      reader_fail (r, ATLAS_IMPORT_ERROR_LIMIT, r->start_line, r->start_column,
                   "more than %d fields in a row", ATLAS_TABLE_MAX_COLUMNS);
      return;
    }
  if (self->cells->len >= ATLAS_TABLE_MAX_CELLS)
    {
      reader_fail (r, ATLAS_IMPORT_ERROR_LIMIT, r->start_line, r->start_column,
                   "more than %d fields in the file", ATLAS_TABLE_MAX_CELLS);
      return;
    }

  cell.text = self->text->len;
  cell.length = length;
  cell.line = r->start_line;
  cell.column = r->start_column;
  g_string_append_len (self->text, data, length);
  g_string_append_c (self->text, '\0');
  g_array_append_val (self->cells, cell);
  r->row_has_text |= length > 0;

  r->start_line = r->line;
  r->start_column = r->column;
  r->start_offset = r->offset;
}

static void
row_cb (int   terminator,
        void *user_data)
{
  Reader *r = user_data;
  AtlasTable *self = r->self;

  if (r->failed)
    return;
  if (r->row_has_text)
    {
      AtlasTableRow row = { r->row_first, self->cells->len - r->row_first };

      g_array_append_val (self->rows, row);
    }
  else if (self->cells->len > r->row_first)
    {
      /* A row of empty cells (",,,," at the end of a spreadsheet's export) says nothing. */
      g_string_truncate (self->text, g_array_index (self->cells, AtlasTableCell, r->row_first).text);
      g_array_set_size (self->cells, r->row_first);
    }
  r->row_first = self->cells->len;
  r->row_has_text = FALSE;
  r->row_ended = TRUE;
}

/* The delimiter the header line uses most outside quotes: tab, then semicolon, then comma
 * on a tie, since a comma is the likeliest to appear inside a name. */
static char
detect_delimiter (const char *data,
                  gsize       length)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }
  if (tabs > 0 && tabs >= semicolons && tabs >= commas)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

static int
is_space_only (unsigned char c)
{
  return c == ' ';
}

/* Counts the byte at data[i] into the reader's position. */
static inline void
advance (Reader     *r,
         const char *data,
         gsize       i,
         gsize       length)
{
  guchar c = data[i];

  r->offset = i + 1;
  if (c == '\n' || (c == '\r' && (i + 1 == length || data[i + 1] != '\n')))
    {
      r->line++;
      r->column = 1;
    }
  else if (c != '\r' && (c & 0xc0) != 0x80)
    r->column++;
}

/* Why libcsv's strict mode refused the byte at `at`, in the field that starts at `field`. */
static const char *
parse_error_message (const char *data,
                     gsize       field,
                     gsize       at)
{
  while (field < at && data[field] == ' ')
    field++;
  if (data[field] != '"')
    return "a quote inside a field that does not start with one (quote the whole field and "
           "double the quotes inside it)";
  return "text after the closing quote of a field (double a quote that belongs to the text)";
}

/* Where the byte at `at` is, counting from the start of the chunk (a chunk never spans a
 * line break but at its end). */
static guint32
column_within (const char *data,
               gsize       chunk,
               guint32     chunk_column,
               gsize       at)
{
  guint32 column = chunk_column;

  for (gsize i = chunk; i < at; i++)
    if (((guchar) data[i] & 0xc0) != 0x80)
      column++;
  return column;
}

static gboolean
feed (Reader             *r,
      struct csv_parser  *parser,
      const char         *data,
      gsize               start,
      gsize               length)
{
  AtlasTable *self = r->self;
  guchar delimiter = self->delimiter;
  gsize chunk = start;
  guint32 chunk_line = r->line, chunk_column = r->column;

  for (gsize i = start; i < length; i++)
    {
      guchar c = data[i];
      gsize parsed;

      if (r->row_ended && c != '\r' && c != '\n')
        {
          r->row_ended = FALSE;
          r->start_line = r->line;
          r->start_column = r->column;
          r->start_offset = i;
        }
      advance (r, data, i, length);
      /* A quote ends a chunk too, so that a refused one is found without a search. */
      if (c != delimiter && c != '\r' && c != '\n' && c != '"' && i + 1 < length)
        continue;

      parsed = csv_parse (parser, data + chunk, i + 1 - chunk, field_cb, row_cb, r);
      if (r->failed)
        return FALSE;
      if (parsed != i + 1 - chunk)
        {
          int status = csv_error (parser);
          gsize at = chunk + parsed;

          if (status == CSV_EPARSE)
            reader_fail (r, ATLAS_IMPORT_ERROR_SYNTAX, chunk_line,
                         column_within (data, chunk, chunk_column, at), "%s",
                         parse_error_message (data, r->start_offset, at));
          else
            reader_fail (r, ATLAS_IMPORT_ERROR_LIMIT, chunk_line, chunk_column, "%s",
                         csv_strerror (status));
          return FALSE;
        }
      chunk = i + 1;
      chunk_line = r->line;
      chunk_column = r->column;
    }
  return TRUE;
}

static gboolean
check_encoding (Reader     *r,
                const char *data,
                gsize       start,
                gsize       length)
{
  gboolean ascii;
  gsize bad = _atlas_json_find_bad_utf8 (data + start, length - start, &ascii);

  if (bad == G_MAXSIZE)
    return TRUE;
  for (gsize i = start; i < start + bad; i++)
    advance (r, data, i, length);
  if (data[start + bad] == '\0')
    reader_fail (r, ATLAS_IMPORT_ERROR_ENCODING, r->line, r->column,
                 "a NUL byte: this is not a text file");
  else
    reader_fail (r, ATLAS_IMPORT_ERROR_ENCODING, r->line, r->column,
                 "invalid UTF-8 (byte 0x%02X): save the file as CSV UTF-8",
                 (guchar) data[start + bad]);
  return FALSE;
}

static AtlasTable *
table_new (const char *display_name,
           gsize       length)
{
  AtlasTable *self = g_new0 (AtlasTable, 1);

  g_atomic_ref_count_init (&self->ref);
  self->name = g_strdup (display_name);
  /* Cells hold at most the input's bytes and one NUL each. */
  self->text = g_string_sized_new (MIN (length, ATLAS_TABLE_MAX_INPUT) + 64);
  self->cells = g_array_new (FALSE, FALSE, sizeof (AtlasTableCell));
  self->rows = g_array_new (FALSE, FALSE, sizeof (AtlasTableRow));
  return self;
}

static gboolean
run_parser (Reader     *r,
            const char *data,
            gsize       start,
            gsize       length)
{
  struct csv_parser parser;
  gboolean ok;

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    {
      reader_fail (r, ATLAS_IMPORT_ERROR_LIMIT, 1, 1, "out of memory");
      return FALSE;
    }
  csv_set_delim (&parser, r->self->delimiter);
  if (r->self->delimiter == '\t')
    csv_set_space_func (&parser, is_space_only);

  ok = feed (r, &parser, data, start, length);
  if (ok && csv_fini (&parser, field_cb, row_cb, r) != 0)
    reader_fail (r, ATLAS_IMPORT_ERROR_SYNTAX, r->start_line, r->start_column,
                 "the quoted field that starts here is never closed");
  csv_free (&parser);
  return !r->failed;
}

AtlasTable *
atlas_table_parse (const char  *data,
                   gsize        length,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(AtlasTable) self = NULL;
  Reader r = { 0 };
  gsize start = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = table_new (display_name, length);
  r.self = self;
  r.error = error;
  r.line = r.column = r.start_line = r.start_column = 1;
  r.row_ended = TRUE;

  if (length > ATLAS_TABLE_MAX_INPUT)
    {
      reader_fail (&r, ATLAS_IMPORT_ERROR_LIMIT, 1, 1, "file is larger than %d MiB",
                   ATLAS_TABLE_MAX_INPUT / (1024 * 1024));
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;
  if (!check_encoding (&r, data, start, length))
    return NULL;

  self->delimiter = detect_delimiter (data + start, length - start);
  if (!run_parser (&r, data, start, length))
    return NULL;

  if (self->rows->len == 0)
    {
      reader_fail (&r, ATLAS_IMPORT_ERROR_LAYOUT, 1, 1, "the file is empty");
      return NULL;
    }
  if (self->rows->len == 1)
    {
      reader_fail (&r, ATLAS_IMPORT_ERROR_LAYOUT, r.line, r.column,
                   "no rows below the header line");
      return NULL;
    }
  return g_steal_pointer (&self);
}
