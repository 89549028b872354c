/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "atlas-figure.h"
#include "atlas-text.h"

/* Text made safe for one line and for terminals, and figures made readable whatever their
 * size: the helpers every label, legend and printed record goes through. */

static void
test_one_line (void)
{
  g_autofree char *plain = atlas_text_one_line ("Watford", 0);
  g_autofree char *breaks = atlas_text_one_line ("A\nB\r\nC\rD\u2028E\u2029F\vG\fH\xc2\x85I", 0);
  g_autofree char *runs = atlas_text_one_line ("one\n\n\n\ttwo", 0);
  g_autofree char *controls = atlas_text_one_line ("bell\x07 esc\x1b[2J del\x7f", 0);
  g_autofree char *cut = atlas_text_one_line ("Hertfordshire", 6);
  g_autofree char *exact = atlas_text_one_line ("Harlow", 6);
  g_autofree char *wide = atlas_text_one_line ("Åäöü€✓xyz", 5);
  g_autofree char *invalid = atlas_text_one_line ("bad\xff\xfe name", 0);
  GString *many = g_string_new ("Name");
  g_autofree char *flat = NULL;

  g_assert_cmpstr (plain, ==, "Watford");
  g_assert_cmpstr (breaks, ==, "A B C D E F G H I");
  g_assert_cmpstr (runs, ==, "one two");
  g_assert_cmpstr (controls, ==, "bell  esc [2J del ");
  g_assert_cmpstr (cut, ==, "Hertf…");
  g_assert_cmpstr (exact, ==, "Harlow");
  g_assert_cmpstr (wide, ==, "Åäöü…");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_prefix (invalid, "bad"));
  g_assert_true (g_str_has_suffix (invalid, " name"));
  g_assert_null (atlas_text_one_line (NULL, 10));

  /* Thousands of line breaks: one line, and no longer than asked whatever the input. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (many, i % 3 == 0 ? "\n" : i % 3 == 1 ? "\r" : "\u2028x");
  flat = atlas_text_one_line (many->str, 80);
  g_assert_null (strpbrk (flat, "\n\r"));
  g_assert_null (strstr (flat, "\u2028"));
  g_assert_cmpuint (g_utf8_strlen (flat, -1), ==, 80);
  g_assert_true (g_str_has_suffix (flat, "…"));
  g_string_free (many, TRUE);
}

static void
test_escape (void)
{
  g_autofree char *plain = atlas_text_escape ("Watford\\Three Rivers \"quoted\" – ü");
  g_autofree char *title = atlas_text_escape ("\x1b]0;owned\x07\x1b[2J");
  g_autofree char *layout = atlas_text_escape ("a\tb\nc\rd");
  g_autofree char *c1 = atlas_text_escape ("x\xc2\x85" "y\u2028z\u2029\x7f");
  g_autofree char *bytes = atlas_text_escape ("path/\xff\xfeok");
  g_autofree char *twice = atlas_text_escape (title);

  g_assert_cmpstr (plain, ==, "Watford\\Three Rivers \"quoted\" – ü");
  g_assert_false (atlas_text_needs_escape ("Watford\\Three Rivers – ü"));
  g_assert_cmpstr (title, ==, "\\x1b]0;owned\\x07\\x1b[2J");
  g_assert_cmpstr (layout, ==, "a\\tb\\nc\\rd");
  g_assert_cmpstr (c1, ==, "x\\u0085y\\u2028z\\u2029\\x7f");
  g_assert_cmpstr (bytes, ==, "path/\\xff\\xfeok");
  /* Escaped text has nothing left to escape. */
  g_assert_cmpstr (twice, ==, title);
  g_assert_null (atlas_text_escape (NULL));
}

static void
test_figure (void)
{
  static const struct {
    double value;
    int decimals;
    const char *unit;
    const char *expected;
  } cases[] = {
    { 20.1, 1, "%", "20.1 %" },
    { 20.1, 0, NULL, "20" },
    { 1234.5678, 2, "", "1234.57" },
    { -0.0, 1, "%", "0.0 %" },
    { 1e308, 1, "%", "1.00e308 %" },
    { -1e308, 2, "%", "-1.00e308 %" },
    { 1e15, 0, NULL, "1.00e15" },
    { 999999999999999.0, 0, NULL, "999999999999999" },
    { 0.0001, 1, NULL, "0.0" },
    { 0.06, 1, NULL, "0.1" },
    { 5e-324, 6, NULL, "0.000000" },
    { 20.1, 99, NULL, "20.100000" },
    { 20.1, -3, NULL, "20" },
    { INFINITY, 1, "%", "– %" },
    { -INFINITY, 1, NULL, "–" },
    { NAN, 1, "%", "– %" },
    { 3.2, 1, "per 1,000\npeople", "3.2 per 1,000 people" },
  };
  GString *unit = g_string_new (NULL);
  g_autofree char *long_unit = NULL;
  g_autofree char *figure = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_figure_format (cases[i].value, cases[i].decimals,
                                                   cases[i].unit);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* A 64 KB unit is cut on one line. */
  while (unit->len < 65536)
    g_string_append (unit, "people\n");
  figure = atlas_figure_format (12.5, 1, unit->str);
  g_assert_true (g_str_has_prefix (figure, "12.5 people people"));
  g_assert_cmpuint (g_utf8_strlen (figure, -1), ==, strlen ("12.5 ") + ATLAS_FIGURE_MAX_UNIT);
  g_assert_null (strchr (figure, '\n'));
  g_string_free (unit, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/one-line", test_one_line);
  g_test_add_func ("/text/escape", test_escape);
  g_test_add_func ("/text/figure", test_figure);
  return g_test_run ();
}
