/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-table.h"

static AtlasTable *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  AtlasTable *table = atlas_table_parse (text, strlen (text), "t.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_refused (const char       *text,
                gsize             length,
                AtlasImportError  code,
                const char       *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasTable) table = atlas_table_parse (text, length, "t.csv", &error);

  g_assert_null (table);
  g_assert_error (error, ATLAS_IMPORT_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_cell (AtlasTable *table,
             guint       row,
             guint       column,
             const char *text,
             guint       line,
             guint       col)
{
  guint l, c;

  g_assert_cmpstr (atlas_table_get_cell (table, row, column), ==, text);
  g_assert_cmpuint (atlas_table_get_cell_length (table, row, column), ==, strlen (text));
  atlas_table_get_position (table, row, column, &l, &c);
  g_assert_cmpuint (l, ==, line);
  g_assert_cmpuint (c, ==, col);
}

static void
test_delimiters (void)
{
  g_autoptr(AtlasTable) comma = parse_ok ("a,b;c\n1,2;3\n");
  g_autoptr(AtlasTable) semicolon = parse_ok ("a;b;c,d\n1;2;3,4\n");
  g_autoptr(AtlasTable) tab = parse_ok ("a\tb,c;d\n1\t 2 \n");
  g_autoptr(AtlasTable) quoted = parse_ok ("\"a;b;c\",d\n1,2\n");

  g_assert_cmpint (atlas_table_get_delimiter (comma), ==, ',');
  g_assert_cmpuint (atlas_table_get_n_columns (comma), ==, 2);
  g_assert_cmpstr (atlas_table_get_cell (comma, 0, 1), ==, "2;3");
  g_assert_cmpint (atlas_table_get_delimiter (semicolon), ==, ';');
  g_assert_cmpstr (atlas_table_get_cell (semicolon, 0, 2), ==, "3,4");
  /* Tabs separate; spaces around an unquoted field go. */
  g_assert_cmpint (atlas_table_get_delimiter (tab), ==, '\t');
  g_assert_cmpstr (atlas_table_get_column_name (tab, 1), ==, "b,c;d");
  g_assert_cmpstr (atlas_table_get_cell (tab, 0, 1), ==, "2");
  /* Separators inside quotes do not count. */
  g_assert_cmpint (atlas_table_get_delimiter (quoted), ==, ',');
  g_assert_cmpstr (atlas_table_get_column_name (quoted, 0), ==, "a;b;c");
}

/* Lines and columns as an editor shows them: a column is a character, the byte order mark is
 * not one, CRLF and CR end lines, and a quoted field may span lines. */
static void
test_positions (void)
{
  g_autoptr(AtlasTable) table = parse_ok ("\xef\xbb\xbf" "Área,Wert\r\n"
                                          "Ünïcode,1\r\n"
                                          "\r\n"
                                          "\"two\nlines\",2\r"
                                          "x,\"a \"\"quote\"\"\"\n"
                                          ",,\n"
                                          "last,3");

  g_assert_cmpuint (atlas_table_get_n_rows (table), ==, 4);
  assert_cell (table, ATLAS_TABLE_HEADER, 0, "Área", 1, 1);
  assert_cell (table, ATLAS_TABLE_HEADER, 1, "Wert", 1, 6);
  assert_cell (table, 0, 0, "Ünïcode", 2, 1);
  assert_cell (table, 0, 1, "1", 2, 9);
  assert_cell (table, 1, 0, "two\nlines", 4, 1);
  assert_cell (table, 1, 1, "2", 5, 8);
  assert_cell (table, 2, 0, "x", 6, 1);
  assert_cell (table, 2, 1, "a \"quote\"", 6, 3);
  /* The row of empty cells is skipped. */
  assert_cell (table, 3, 0, "last", 8, 1);
  g_assert_cmpuint (atlas_table_get_row_line (table, 3), ==, 8);
}

static void
test_cells (void)
{
  g_autoptr(AtlasTable) table = parse_ok ("Area , VALUE,x\nWatford,12\nHarlow,3,4,5\n");
  g_autofree char *problem = NULL;
  guint line, column;

  g_assert_cmpint (atlas_table_find_column (table, "area"), ==, 0);
  g_assert_cmpint (atlas_table_find_column (table, " Value "), ==, 1);
  g_assert_cmpint (atlas_table_find_column (table, "rate"), ==, -1);
  g_assert_cmpuint (atlas_table_get_row_width (table, 0), ==, 2);
  g_assert_cmpuint (atlas_table_get_row_width (table, 1), ==, 4);
  /* Past the end of a short row: empty, located at its last cell. */
  g_assert_cmpstr (atlas_table_get_cell (table, 0, 2), ==, "");
  atlas_table_get_position (table, 0, 2, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 9);
  problem = atlas_table_format_problem (table, 1, 3, "%s", "here");
  g_assert_cmpstr (problem, ==, "t.csv:3:12: here");
  g_assert_cmpstr (atlas_table_get_name (table), ==, "t.csv");
}

static void
test_refusals (void)
{
  g_autofree char *long_field = NULL;
  g_autoptr(GString) wide = g_string_new ("a");

  assert_refused ("", 0, ATLAS_IMPORT_ERROR_LAYOUT, "t.csv:1:1: the file is empty");
  assert_refused ("\r\n \n", 4, ATLAS_IMPORT_ERROR_LAYOUT, "t.csv:1:1: the file is empty");
  assert_refused ("a,b\n", 4, ATLAS_IMPORT_ERROR_LAYOUT, "t.csv:2:1: no rows below the header line");
  assert_refused ("a,b\n\"x,1\n", 9, ATLAS_IMPORT_ERROR_SYNTAX,
                  "t.csv:2:1: the quoted field that starts here is never closed");
  assert_refused ("a,b\nx\"y,1\n", 10, ATLAS_IMPORT_ERROR_SYNTAX,
                  "t.csv:2:2: a quote inside a field that does not start with one (quote the "
                  "whole field and double the quotes inside it)");
  assert_refused ("a,b\n\"é\"z,1\n", 12, ATLAS_IMPORT_ERROR_SYNTAX,
                  "t.csv:2:4: text after the closing quote of a field (double a quote that "
                  "belongs to the text)");
  assert_refused ("a,b\né,\xff\n", 9, ATLAS_IMPORT_ERROR_ENCODING,
                  "t.csv:2:3: invalid UTF-8 (byte 0xFF): save the file as CSV UTF-8");
  assert_refused ("\xff\xfe" "a\0,\0", 6, ATLAS_IMPORT_ERROR_ENCODING,
                  "t.csv:1:1: invalid UTF-8 (byte 0xFF): save the file as CSV UTF-8");
  assert_refused ("a,b\n1,\0\n", 8, ATLAS_IMPORT_ERROR_ENCODING,
                  "t.csv:2:3: a NUL byte: this is not a text file");

  /* Limits: the size is refused before a byte is read. */
  assert_refused ("", (gsize) ATLAS_TABLE_MAX_INPUT + 1, ATLAS_IMPORT_ERROR_LIMIT,
                  "t.csv:1:1: file is larger than 64 MiB");
  long_field = g_strnfill (ATLAS_TABLE_MAX_FIELD + 1, 'x');
  {
    g_autofree char *text = g_strconcat ("a,b\n1,", long_field, "\n", NULL);

    assert_refused (text, strlen (text), ATLAS_IMPORT_ERROR_LIMIT,
                    "t.csv:2:3: field longer than 65536 bytes");
  }
  for (guint i = 0; i < ATLAS_TABLE_MAX_COLUMNS; i++)
    g_string_append (wide, ",a");
  g_string_append (wide, "\n1\n");
  assert_refused (wide->str, wide->len, ATLAS_IMPORT_ERROR_LIMIT,
                  "t.csv:1:2001: more than 1000 fields in a row");
}

static void
test_load_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-table-XXXXXX", NULL);
  g_autofree char *big = g_build_filename (dir, "big.csv", NULL);
  g_autofree char *small = g_build_filename (dir, "small.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  g_autoptr(GFile) small_file = g_file_new_for_path (small);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasTable) table = NULL;
  FILE *f;

  /* A sparse file over the limit: refused from its size, without reading it. */
  f = g_fopen (big, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, ATLAS_TABLE_MAX_INPUT, SEEK_SET), ==, 0);
  fputc ('\n', f);
  fclose (f);
  g_assert_null (atlas_table_load_file (big_file, "big.csv", &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "big.csv:1:1: file is larger than 64 MiB");
  g_clear_error (&error);

  g_assert_null (atlas_table_load_file (missing_file, "missing.csv", &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "missing.csv:1:1: cannot read the file: "));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (small, "a;b\n1;2\n", -1, NULL));
  table = atlas_table_load_file (small_file, "small.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_table_get_cell (table, 0, 1), ==, "2");

  g_unlink (big);
  g_unlink (small);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/delimiters", test_delimiters);
  g_test_add_func ("/table/positions", test_positions);
  g_test_add_func ("/table/cells", test_cells);
  g_test_add_func ("/table/refusals", test_refusals);
  g_test_add_func ("/table/load-file", test_load_file);

  return g_test_run ();
}
