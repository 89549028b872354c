/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text from a dataset, a file name or the command line, made safe for where it is shown.
 *
 * One line: line and paragraph breaks (\n, \r, \v, \f, U+0085, U+2028, U+2029), tabs and
 * other control characters become one space per run, so a name with thousands of line breaks
 * takes one line; then, past max_chars characters, the text is cut and ends with "…". Every
 * label meant to hold one line (the header bar, the banner, names in lists, the legend)
 * shows text through it: a label's own ellipsizing limits lines per paragraph, not in all.
 *
 * Escaped: for terminals and logs. Control characters are written as escapes (\t, \n, \r,
 * \x1b; \u0085 and \u2028 for the C1 and separator ones) and bytes that are not UTF-8 as
 * \xNN, so a record stays on one line and nothing in a file can drive the terminal. Other
 * characters, the backslash included, are left as they are: the output is for reading. */

#define ATLAS_TEXT_ELLIPSIS "…"
/* A name on one line is cut after this many characters; a label ellipsizes it further to the
 * width it has. */
#define ATLAS_TEXT_NAME_CHARS 300

/* A copy of text on one line, of at most max_chars characters (0: no limit) counting the
 * ellipsis. NULL gives NULL. Free with g_free. */
char     *atlas_text_one_line    (const char *text,
                                  guint       max_chars);
/* A copy of text with its control characters escaped. NULL gives NULL. Free with g_free. */
char     *atlas_text_escape      (const char *text);
/* Whether atlas_text_escape would change text. */
gboolean  atlas_text_needs_escape (const char *text);

G_END_DECLS
