/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-table-private.h"

#include <string.h>

#include "atlas-dataset-private.h"

AtlasTable *
atlas_table_load_file (GFile       *file,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean too_large;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  bytes = _atlas_dataset_read_file (file, ATLAS_TABLE_MAX_INPUT, &too_large, &local_error);
  if (too_large)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_LIMIT,
                   "%s:1:1: file is larger than %d MiB", display_name,
                   ATLAS_TABLE_MAX_INPUT / (1024 * 1024));
      return NULL;
    }
  if (bytes == NULL)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_IO,
                   "%s:1:1: cannot read the file: %s", display_name, local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  return atlas_table_parse (data != NULL ? data : "", length, display_name, error);
}

AtlasTable *
atlas_table_ref (AtlasTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
atlas_table_unref (AtlasTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->name);
  g_string_free (self->text, TRUE);
  g_array_unref (self->cells);
  g_array_unref (self->rows);
  g_free (self);
}

const char *
atlas_table_get_name (AtlasTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

char
atlas_table_get_delimiter (AtlasTable *self)
{
  g_return_val_if_fail (self != NULL, ',');
  return self->delimiter;
}

static const AtlasTableRow *
get_row (AtlasTable *self,
         guint       row)
{
  /* AtlasTableRow 0 of the array is the header. */
  guint index = row == ATLAS_TABLE_HEADER ? 0 : row + 1;

  g_return_val_if_fail (index < self->rows->len, &g_array_index (self->rows, AtlasTableRow, 0));
  return &g_array_index (self->rows, AtlasTableRow, index);
}

static const AtlasTableCell *
get_cell (AtlasTable *self,
          guint       row,
          guint       column)
{
  const AtlasTableRow *r = get_row (self, row);

  if (column >= r->n)
    return NULL;
  return &g_array_index (self->cells, AtlasTableCell, r->first + column);
}

guint
atlas_table_get_n_columns (AtlasTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return get_row (self, ATLAS_TABLE_HEADER)->n;
}

const char *
atlas_table_get_column_name (AtlasTable *self,
                             guint       column)
{
  g_return_val_if_fail (self != NULL, "");
  return atlas_table_get_cell (self, ATLAS_TABLE_HEADER, column);
}

int
atlas_table_find_column (AtlasTable *self,
                         const char *name)
{
  g_autofree char *wanted = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  wanted = g_utf8_casefold (name, -1);
  g_strstrip (wanted);
  n = atlas_table_get_n_columns (self);
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *folded = g_utf8_casefold (atlas_table_get_column_name (self, c), -1);

      if (strcmp (g_strstrip (folded), wanted) == 0)
        return c;
    }
  return -1;
}

guint
atlas_table_get_n_rows (AtlasTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len - 1;
}

guint
atlas_table_get_row_width (AtlasTable *self,
                           guint       row)
{
  g_return_val_if_fail (self != NULL, 0);
  return get_row (self, row)->n;
}

const char *
atlas_table_get_cell (AtlasTable *self,
                      guint       row,
                      guint       column)
{
  const AtlasTableCell *cell;

  g_return_val_if_fail (self != NULL, "");
  cell = get_cell (self, row, column);
  return cell != NULL ? self->text->str + cell->text : "";
}

gsize
atlas_table_get_cell_length (AtlasTable *self,
                             guint       row,
                             guint       column)
{
  const AtlasTableCell *cell;

  g_return_val_if_fail (self != NULL, 0);
  cell = get_cell (self, row, column);
  return cell != NULL ? cell->length : 0;
}

guint
atlas_table_get_row_line (AtlasTable *self,
                          guint       row)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_array_index (self->cells, AtlasTableCell, get_row (self, row)->first).line;
}

void
atlas_table_get_position (AtlasTable *self,
                          guint       row,
                          guint       column,
                          guint      *line,
                          guint      *column_out)
{
  const AtlasTableRow *r;
  const AtlasTableCell *cell;

  g_return_if_fail (self != NULL);

  r = get_row (self, row);
  cell = &g_array_index (self->cells, AtlasTableCell, r->first + MIN (column, r->n - 1));
  if (line != NULL)
    *line = cell->line;
  if (column_out != NULL)
    *column_out = cell->column;
}

static char *
format_problem_valist (AtlasTable *self,
                       guint       row,
                       guint       column,
                       const char *format,
                       va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  guint line, col;

  atlas_table_get_position (self, row, column, &line, &col);
  return g_strdup_printf ("%s:%u:%u: %s", self->name, line, col, message);
}

char *
atlas_table_format_problem (AtlasTable *self,
                            guint       row,
                            guint       column,
                            const char *format,
                            ...)
{
  va_list args;
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  va_start (args, format);
  text = format_problem_valist (self, row, column, format, args);
  va_end (args);
  return text;
}

void
atlas_table_set_error (AtlasTable        *self,
                       GError           **error,
                       AtlasImportError   code,
                       guint              row,
                       guint              column,
                       const char        *format,
                       ...)
{
  g_autofree char *text = NULL;
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  text = format_problem_valist (self, row, column, format, args);
  va_end (args);
  g_set_error_literal (error, ATLAS_IMPORT_ERROR, code, text);
}
