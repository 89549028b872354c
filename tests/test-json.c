/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "atlas-json.h"

static AtlasJsonDocument *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  AtlasJsonDocument *doc = atlas_json_document_parse (text, strlen (text), "t.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Parses text expecting failure; returns the message. */
static char *
parse_fail (const char        *text,
            gsize              length,
            AtlasDatasetError  code)
{
  g_autoptr(GError) error = NULL;
  AtlasJsonDocument *doc = atlas_json_document_parse (text, length, "t.json", &error);

  g_assert_null (doc);
  g_assert_error (error, ATLAS_DATASET_ERROR, (int) code);
  return g_strdup (error->message);
}

static void
assert_fails (const char        *text,
              AtlasDatasetError  code,
              const char        *expected)
{
  g_autofree char *message = parse_fail (text, strlen (text), code);

  g_assert_cmpstr (message, ==, expected);
}

static void
test_kinds_and_order (void)
{
  g_autoptr(AtlasJsonDocument) doc =
    parse_ok ("{\"z\": 1, \"a\": [true, false, null, \"s\", -2.5e1], \"m\": {}}");
  const AtlasJsonNode *root = atlas_json_document_get_root (doc);
  const AtlasJsonNode *a;

  g_assert_cmpint (root->kind, ==, ATLAS_JSON_OBJECT);
  g_assert_cmpuint (atlas_json_node_get_length (root), ==, 3);
  g_assert_cmpstr (atlas_json_node_get_child (root, 0)->key, ==, "z");
  g_assert_cmpstr (atlas_json_node_get_child (root, 1)->key, ==, "a");
  g_assert_cmpstr (atlas_json_node_get_child (root, 2)->key, ==, "m");
  a = atlas_json_node_get_member (root, "a");
  g_assert_cmpuint (atlas_json_node_get_length (a), ==, 5);
  g_assert_cmpint (atlas_json_node_get_child (a, 0)->kind, ==, ATLAS_JSON_TRUE);
  g_assert_cmpint (atlas_json_node_get_child (a, 1)->kind, ==, ATLAS_JSON_FALSE);
  g_assert_cmpint (atlas_json_node_get_child (a, 2)->kind, ==, ATLAS_JSON_NULL);
  g_assert_cmpstr (atlas_json_node_get_child (a, 3)->v.string.str, ==, "s");
  g_assert_cmpfloat (atlas_json_node_get_child (a, 4)->v.number, ==, -25.0);
  g_assert_null (atlas_json_node_get_child (a, 5));
  g_assert_true (atlas_json_node_get_child (a, 4)->parent == a);
  g_assert_cmpuint (atlas_json_node_get_length (atlas_json_node_get_member (root, "m")), ==, 0);
  g_assert_null (atlas_json_node_get_member (root, "missing"));
  g_assert_cmpuint (atlas_json_document_get_n_nodes (doc), ==, 9);
}

static void
test_positions_and_paths (void)
{
  /* Columns count characters: "é" and "→" are one column each. */
  g_autoptr(AtlasJsonDocument) doc =
    parse_ok ("{\n  \"sites\": [\n    {\"name\": \"é→\", \"lat\": 51.5},\n"
              "    {\"odd key\": 2}\n  ]\n}");
  const AtlasJsonNode *root = atlas_json_document_get_root (doc);
  const AtlasJsonNode *sites = atlas_json_node_get_member (root, "sites");
  const AtlasJsonNode *lat = atlas_json_node_get_member (atlas_json_node_get_child (sites, 0), "lat");
  const AtlasJsonNode *odd = atlas_json_node_get_child (atlas_json_node_get_child (sites, 1), 0);
  g_autofree char *lat_path = atlas_json_node_get_path (lat);
  g_autofree char *odd_path = atlas_json_node_get_path (odd);
  g_autofree char *root_path = atlas_json_node_get_path (root);

  g_assert_cmpuint (root->line, ==, 1);
  g_assert_cmpuint (root->column, ==, 1);
  g_assert_cmpuint (sites->line, ==, 2);
  g_assert_cmpuint (sites->column, ==, 12);
  g_assert_cmpuint (lat->line, ==, 3);
  g_assert_cmpuint (lat->column, ==, 27);
  g_assert_cmpuint (odd->line, ==, 4);
  g_assert_cmpuint (odd->column, ==, 17);
  g_assert_cmpstr (root_path, ==, "$");
  g_assert_cmpstr (lat_path, ==, "$.sites[0].lat");
  g_assert_cmpstr (odd_path, ==, "$.sites[1][\"odd key\"]");
}

static void
test_escapes (void)
{
  g_autoptr(AtlasJsonDocument) doc =
    parse_ok ("[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", \"\\u00e9\\u2192\", \"\\ud83d\\ude00\", \"plain\"]");
  const AtlasJsonNode *root = atlas_json_document_get_root (doc);

  g_assert_cmpstr (atlas_json_node_get_child (root, 0)->v.string.str, ==, "a\"b\\c/d\b\f\n\r\t");
  g_assert_cmpstr (atlas_json_node_get_child (root, 1)->v.string.str, ==, "é→");
  g_assert_cmpstr (atlas_json_node_get_child (root, 2)->v.string.str, ==, "😀");
  g_assert_cmpuint (atlas_json_node_get_child (root, 2)->v.string.len, ==, 4);
  g_assert_cmpstr (atlas_json_node_get_child (root, 3)->v.string.str, ==, "plain");

  assert_fails ("[\"a\\x\"]", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:4: $[0]: invalid escape sequence in string");
  assert_fails ("[\"\\u12G4\"]", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:3: $[0]: invalid \\u escape, expected four hexadecimal digits");
  assert_fails ("[\"\\ud83d\"]", ATLAS_DATASET_ERROR_ENCODING,
                "t.json:1:3: $[0]: unpaired high surrogate \\uD83D in string");
  assert_fails ("[\"\\ude00\"]", ATLAS_DATASET_ERROR_ENCODING,
                "t.json:1:3: $[0]: unpaired low surrogate \\uDE00 in string");
  assert_fails ("[\"\\u0000\"]", ATLAS_DATASET_ERROR_ENCODING,
                "t.json:1:3: $[0]: \\u0000 is not allowed in text");
  assert_fails ("{\"k\": \"a\tb\"}", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:9: $.k: control character U+0009 in string (write it as an escape)");
}

static void
test_utf8 (void)
{
  g_autofree char *bad = parse_fail ("{\"a\": \"ok\",\n \"b\": \"x\xff\"}", 23,
                                     ATLAS_DATASET_ERROR_ENCODING);
  g_autofree char *outside = parse_fail ("[1, \xc3]", 6, ATLAS_DATASET_ERROR_ENCODING);
  g_autofree char *overlong = parse_fail ("[\"\xc0\xaf\"]", 6, ATLAS_DATASET_ERROR_ENCODING);
  g_autoptr(AtlasJsonDocument) bom = parse_ok ("\xEF\xBB\xBF{\"a\": 1}");
  const AtlasJsonNode *a = atlas_json_node_get_member (atlas_json_document_get_root (bom), "a");

  g_assert_cmpstr (bad, ==, "t.json:2:9: $.b: invalid UTF-8 (byte 0xFF)");
  g_assert_cmpstr (outside, ==, "t.json:1:5: $[1]: invalid UTF-8 (byte 0xC3)");
  g_assert_cmpstr (overlong, ==, "t.json:1:3: $[0]: invalid UTF-8 (byte 0xC0)");
  /* The byte order mark is skipped and takes no column. */
  g_assert_cmpuint (a->column, ==, 7);
  assert_fails ("[1, \xEF\xBB\xBF 2]", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:5: $[1]: unexpected U+FEFF, expected a JSON value");
}

static void
test_numbers (void)
{
  g_autoptr(AtlasJsonDocument) doc =
    parse_ok ("[0, -0, 51.6497, -0.4011, 1e3, 2E-2, 123456789012345678901234, 0.1, 1e-999,"
              " 0.30000000000000004, 9007199254740993]");
  const AtlasJsonNode *root = atlas_json_document_get_root (doc);
  static const double expected[] = {
    0, -0.0, 51.6497, -0.4011, 1000, 0.02, 123456789012345678901234.0, 0.1, 0,
    0.30000000000000004, 9007199254740993.0,
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpfloat (atlas_json_node_get_child (root, i)->v.number, ==, expected[i]);
  /* The fast path and strtod agree to the bit on typical coordinates. */
  for (i = 0; i < 2000; i++)
    {
      char text[64];
      g_autoptr(AtlasJsonDocument) one = NULL;
      double value = g_test_rand_double_range (-180, 180);

      g_snprintf (text, sizeof text, "%.6f", value);
      one = parse_ok (text);
      g_assert_cmpfloat (atlas_json_document_get_root (one)->v.number, ==, g_ascii_strtod (text, NULL));
    }

  assert_fails ("[1e999]", ATLAS_DATASET_ERROR_LIMIT, "t.json:1:2: $[0]: number 1e999 is out of range");
  assert_fails ("[-1e400]", ATLAS_DATASET_ERROR_LIMIT, "t.json:1:2: $[0]: number -1e400 is out of range");
  assert_fails ("[01]", ATLAS_DATASET_ERROR_SYNTAX, "t.json:1:2: $[0]: numbers may not have leading zeros");
  assert_fails ("[1.]", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:4: $[0]: unexpected ']', expected a digit after the decimal point");
  assert_fails ("[1e+]", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:5: $[0]: unexpected ']', expected a digit in the exponent");
  assert_fails ("[-]", ATLAS_DATASET_ERROR_SYNTAX, "t.json:1:3: $[0]: unexpected ']', expected a digit");
  assert_fails ("[NaN]", ATLAS_DATASET_ERROR_SYNTAX, "t.json:1:2: $[0]: unexpected 'N', expected a JSON value");
  assert_fails ("[+1]", ATLAS_DATASET_ERROR_SYNTAX, "t.json:1:2: $[0]: unexpected '+', expected a JSON value");
}

static void
test_syntax (void)
{
  assert_fails ("", ATLAS_DATASET_ERROR_SYNTAX, "t.json:1:1: $: the file is empty, expected a JSON value");
  assert_fails ("  \n ", ATLAS_DATASET_ERROR_SYNTAX, "t.json:2:2: $: the file is empty, expected a JSON value");
  assert_fails ("{\"a\": [1, 2", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:12: $.a: unexpected end of input, expected ',' or ']'");
  assert_fails ("{\"a\": \"open", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:12: $.a: unexpected end of input inside a string");
  assert_fails ("{\"a\": 1} x", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:10: $: unexpected 'x', expected end of input after the top-level value");
  assert_fails ("{\"a\" 1}", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:6: $.a: unexpected '1', expected ':' after the member name");
  assert_fails ("{a: 1}", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:2: $: unexpected 'a', expected a member name in double quotes");
  assert_fails ("[1,]", ATLAS_DATASET_ERROR_SYNTAX, "t.json:1:4: $[1]: unexpected ']', expected a JSON value");
  assert_fails ("{\"a\": 1,}", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:1:9: $: unexpected '}', expected a member name in double quotes");
  assert_fails ("[tru]", ATLAS_DATASET_ERROR_SYNTAX, "t.json:1:2: $[0]: unexpected 't', expected a JSON value");
  assert_fails ("[1 2]", ATLAS_DATASET_ERROR_SYNTAX, "t.json:1:4: $: unexpected '2', expected ',' or ']'");
}

static void
test_duplicates (void)
{
  GString *big = g_string_new ("{");
  g_autofree char *message = NULL;
  guint i;

  assert_fails ("{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2}}", ATLAS_DATASET_ERROR_SYNTAX,
                "t.json:2:16: $.b.c: duplicate member \"c\" (the first one's value is at line 2, column 13)");
  /* Large objects use a hash table. */
  for (i = 0; i < 100; i++)
    g_string_append_printf (big, "\"k%u\": %u, ", i, i);
  g_string_append (big, "\"k57\": 0}");
  message = parse_fail (big->str, big->len, ATLAS_DATASET_ERROR_SYNTAX);
  g_assert_true (strstr (message, "$.k57: duplicate member \"k57\"") != NULL);
  g_string_free (big, TRUE);
}

static void
test_limits (void)
{
  GString *deep = g_string_new (NULL);
  g_autofree char *message = NULL;
  g_autofree char *long_string = NULL;
  g_autoptr(AtlasJsonDocument) ok = NULL;
  guint i;

  for (i = 0; i < 64; i++)
    g_string_append_c (deep, '[');
  for (i = 0; i < 64; i++)
    g_string_append_c (deep, ']');
  ok = parse_ok (deep->str);
  g_string_insert_c (deep, 0, '[');
  g_string_append_c (deep, ']');
  message = parse_fail (deep->str, deep->len, ATLAS_DATASET_ERROR_LIMIT);
  g_assert_true (g_str_has_prefix (message, "t.json:1:65: $"));
  g_assert_true (g_str_has_suffix (message, "[0][0]: nesting deeper than 64 levels"));
  g_string_free (deep, TRUE);

  long_string = g_strnfill (ATLAS_JSON_MAX_STRING + 4, 'x');
  long_string[0] = '"';
  long_string[ATLAS_JSON_MAX_STRING + 1] = '"';
  long_string[ATLAS_JSON_MAX_STRING + 2] = '\0';
  g_clear_pointer (&ok, atlas_json_document_unref);
  ok = parse_ok (long_string);
  g_assert_cmpuint (atlas_json_document_get_root (ok)->v.string.len, ==, ATLAS_JSON_MAX_STRING);
  long_string[ATLAS_JSON_MAX_STRING + 1] = 'x';
  long_string[ATLAS_JSON_MAX_STRING + 2] = '"';
  g_clear_pointer (&message, g_free);
  message = parse_fail (long_string, ATLAS_JSON_MAX_STRING + 3, ATLAS_DATASET_ERROR_LIMIT);
  g_assert_cmpstr (message, ==, "t.json:1:1: $: string longer than 65536 bytes");

  g_clear_pointer (&message, g_free);
  message = parse_fail ("", (gsize) ATLAS_JSON_MAX_INPUT + 1, ATLAS_DATASET_ERROR_LIMIT);
  g_assert_cmpstr (message, ==, "t.json:1:1: $: file is larger than 64 MiB");
}

static void
test_getters (void)
{
  g_autoptr(AtlasJsonDocument) doc = parse_ok ("{\"s\": [{\"lat\": \"51\", \"ok\": true}]}");
  const AtlasJsonNode *site = atlas_json_node_get_child (
    atlas_json_node_get_member (atlas_json_document_get_root (doc), "s"), 0);
  g_autoptr(GError) error = NULL;
  const char *text = NULL;
  double number = 0;
  gboolean flag = FALSE;

  g_assert_true (atlas_json_object_get_string (site, "t.json", "lat", &text, &error));
  g_assert_cmpstr (text, ==, "51");
  g_assert_true (atlas_json_node_get_boolean (atlas_json_node_get_member (site, "ok"), "t.json",
                                              &flag, &error));
  g_assert_true (flag);
  g_assert_false (atlas_json_object_get_number (site, "t.json", "lat", &number, &error));
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_SCHEMA);
  g_assert_cmpstr (error->message, ==, "t.json:1:16: $.s[0].lat: expected a number, found a string");
  g_clear_error (&error);
  g_assert_false (atlas_json_object_get_number (site, "t.json", "lon", &number, &error));
  g_assert_cmpstr (error->message, ==, "t.json:1:8: $.s[0]: missing member \"lon\"");
}

/* The ASCII scan before UTF-8 validation goes eight bytes at a time: a bad byte, a NUL or a
 * valid multibyte character at every offset within and across those words. */
static void
test_encoding_at_every_offset (void)
{
  for (guint k = 2; k < 40; k++)
    {
      g_autofree char *text = g_strnfill (k + 8, 'a');
      g_autofree char *expected = NULL;
      g_autofree char *message = NULL;
      g_autoptr(AtlasJsonDocument) doc = NULL;
      gsize length = k + 8;

      text[0] = '"';
      text[length - 1] = '"';

      text[k] = (char) 0xFF;
      expected = g_strdup_printf ("t.json:1:%u: $: invalid UTF-8 (byte 0xFF)", k + 1);
      message = parse_fail (text, length, ATLAS_DATASET_ERROR_ENCODING);
      g_assert_cmpstr (message, ==, expected);
      g_clear_pointer (&message, g_free);

      /* A NUL byte in a string is a control character; between values, not UTF-8. */
      text[k] = '\0';
      g_clear_pointer (&expected, g_free);
      expected = g_strdup_printf ("t.json:1:%u: $: control character U+0000 in string "
                                  "(write it as an escape)", k + 1);
      message = parse_fail (text, length, ATLAS_DATASET_ERROR_SYNTAX);
      g_assert_cmpstr (message, ==, expected);
      g_clear_pointer (&message, g_free);
      memset (text, ' ', length);
      text[0] = '[';
      text[length - 1] = ']';
      text[k] = '\0';
      g_clear_pointer (&expected, g_free);
      expected = g_strdup_printf ("t.json:1:%u: $[0]: invalid UTF-8 (byte 0x00)", k + 1);
      message = parse_fail (text, length, ATLAS_DATASET_ERROR_ENCODING);
      g_assert_cmpstr (message, ==, expected);
      g_clear_pointer (&message, g_free);
      memset (text, 'a', length);
      text[0] = '"';
      text[length - 1] = '"';

      /* "é" then an error after it: the column counts it as one character. */
      text[k - 1] = (char) 0xC3;
      text[k] = (char) 0xA9;
      doc = parse_ok (text);
      g_assert_cmpuint (atlas_json_document_get_root (doc)->v.string.len, ==, length - 2);
      text[length - 1] = 'x';
      g_clear_pointer (&expected, g_free);
      message = parse_fail (text, length, ATLAS_DATASET_ERROR_SYNTAX);
      expected = g_strdup_printf ("t.json:1:%u:", (guint) length);
      g_assert_true (g_str_has_prefix (message, expected));
    }
}

/* Numbers take a fast path (digits into an integer, then one multiplication or division by an
 * exact power of ten) when that is exact, and strtod otherwise: either way every number reads
 * as the same double as g_ascii_strtod gives. */
static void
test_numbers_match_strtod (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  GString *text = g_string_new ("[");
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AtlasJsonDocument) doc = NULL;
  const AtlasJsonNode *root;

  for (guint i = 0; i < 20000; i++)
    {
      GString *n = g_string_new (NULL);
      guint int_digits = g_rand_int_range (rand, 1, i % 4 == 0 ? 20 : 4);
      guint frac_digits = g_rand_int_range (rand, 0, i % 3 == 0 ? 20 : 9);

      if (g_rand_boolean (rand))
        g_string_append_c (n, '-');
      g_string_append_c (n, int_digits == 1 ? '0' + g_rand_int_range (rand, 0, 10)
                                            : '1' + g_rand_int_range (rand, 0, 9));
      for (guint d = 1; d < int_digits; d++)
        g_string_append_c (n, '0' + g_rand_int_range (rand, 0, 10));
      if (frac_digits > 0)
        {
          g_string_append_c (n, '.');
          for (guint d = 0; d < frac_digits; d++)
            g_string_append_c (n, '0' + g_rand_int_range (rand, 0, 10));
        }
      if (i % 5 == 0)
        g_string_append_printf (n, "e%d", g_rand_int_range (rand, -30, 30));
      g_string_append_printf (text, "%s%s", i > 0 ? "," : "", n->str);
      g_ptr_array_add (numbers, g_string_free (n, FALSE));
    }
  /* Coordinates as boundary files write them. */
  g_ptr_array_add (numbers, g_strdup ("-0.4011"));
  g_ptr_array_add (numbers, g_strdup ("51.649700000000003"));
  g_ptr_array_add (numbers, g_strdup ("0.1"));
  g_ptr_array_add (numbers, g_strdup ("179.99999999999997"));
  g_ptr_array_add (numbers, g_strdup ("-0"));
  for (guint i = 20000; i < numbers->len; i++)
    g_string_append_printf (text, ",%s", (char *) numbers->pdata[i]);
  g_string_append_c (text, ']');

  doc = parse_ok (text->str);
  root = atlas_json_document_get_root (doc);
  g_assert_cmpuint (atlas_json_node_get_length (root), ==, numbers->len);
  for (guint i = 0; i < numbers->len; i++)
    {
      double expected = g_ascii_strtod (numbers->pdata[i], NULL);
      double value = atlas_json_node_get_child (root, i)->v.number;

      if (memcmp (&expected, &value, sizeof value) != 0)
        g_error ("%s read as %.17g, strtod gives %.17g", (char *) numbers->pdata[i], value,
                 expected);
    }
  g_string_free (text, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/kinds-and-order", test_kinds_and_order);
  g_test_add_func ("/json/positions-and-paths", test_positions_and_paths);
  g_test_add_func ("/json/escapes", test_escapes);
  g_test_add_func ("/json/utf8", test_utf8);
  g_test_add_func ("/json/numbers", test_numbers);
  g_test_add_func ("/json/syntax", test_syntax);
  g_test_add_func ("/json/duplicates", test_duplicates);
  g_test_add_func ("/json/limits", test_limits);
  g_test_add_func ("/json/getters", test_getters);

  g_test_add_func ("/json/encoding-at-every-offset", test_encoding_at_every_offset);
  g_test_add_func ("/json/numbers-match-strtod", test_numbers_match_strtod);
  return g_test_run ();
}
