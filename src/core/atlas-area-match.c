/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-area-values-private.h"

#include <math.h>
#include <string.h>

/* Stands in the name table for a key that two districts share: such a name matches neither. */
static const AtlasDistrict ambiguous;

struct _AtlasAreaMatcher {
  GHashTable *codes;   /* upper-case code → district */
  GHashTable *names;   /* name key → district, or &ambiguous */
};

/* Words that say what kind of council an area has, not which one it is. */
static const char * const trailing_words[] = {
  "council", "district", "borough", "metropolitan", "corporation", "city", "and", "ua", "la",
  "bc", "dc",
  NULL,
};
static const char * const leading_phrases[] = {
  "the ", "london borough of ", "royal borough of ", "metropolitan borough of ",
  "borough of ", "district of ", NULL,
};

static void
append_word (GString    *out,
             const char *word,
             gsize       length)
{
  if (length == 5 && strncmp (word, "saint", 5) == 0)
    word = "st", length = 2;
  else if (length == 5 && strncmp (word, "herts", 5) == 0)
    word = "hertfordshire", length = 13;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_len (out, word, length);
}

/* Lower case letters and digits in words one space apart; accents dropped, "&" as "and",
 * apostrophes joined ("St Margaret's" → "st margarets"), any other sign a space. */
static GString *
simplify (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  gboolean ascii = TRUE;

  /* Names are nearly always ASCII: Unicode normalisation is only paid for the others. */
  for (const char *p = name; *p != '\0' && ascii; p++)
    ascii = (guchar) *p < 0x80;
  if (ascii)
    folded = g_ascii_strdown (name, -1);
  else
    {
      decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
      folded = g_utf8_casefold (decomposed != NULL ? decomposed : "", -1);
    }
  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_ismark (c) || c == '\'' || c == 0x2019))
        continue;
      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        append_word (out, word->str, word->len);
      g_string_truncate (word, 0);
      if (c == '&')
        append_word (out, "and", 3);
      if (c == 0)
        break;
    }
  return out;
}

static gboolean
drop_trailing_word (GString *key)
{
  const char *space = strrchr (key->str, ' ');

  if (space == NULL)
    return FALSE;
  for (guint i = 0; trailing_words[i] != NULL; i++)
    if (strcmp (space + 1, trailing_words[i]) == 0)
      {
        g_string_truncate (key, space - key->str);
        return TRUE;
      }
  return FALSE;
}

static gboolean
drop_leading_phrase (GString *key)
{
  for (guint i = 0; leading_phrases[i] != NULL; i++)
    if (g_str_has_prefix (key->str, leading_phrases[i])
        && key->len > strlen (leading_phrases[i]))
      {
        g_string_erase (key, 0, strlen (leading_phrases[i]));
        return TRUE;
      }
  return FALSE;
}

char *
_atlas_area_name_key (const char *name,
                      gboolean    strip_city_of)
{
  GString *key;

  g_return_val_if_fail (name != NULL, NULL);

  key = simplify (name);
  /* "Bristol, City of" and "Herefordshire, County of", as ONS lists them. */
  if (g_str_has_suffix (key->str, " city of") || g_str_has_suffix (key->str, " county of"))
    {
      gboolean city = g_str_has_suffix (key->str, " city of");

      g_string_truncate (key, key->len - (city ? 8 : 10));
      g_string_prepend (key, city ? "city of " : "county of ");
    }
  while (drop_leading_phrase (key) || drop_trailing_word (key))
    ;
  if (strip_city_of && g_str_has_prefix (key->str, "city of ") && key->len > 8)
    g_string_erase (key, 0, 8);
  return g_string_free (key, FALSE);
}

/* Districts are known by their key as it is: a row is looked up as it is, then without a
 * leading "City of", so "City of Westminster" finds Westminster while "London" does not
 * find the City of London. */
static void
add_name (AtlasAreaMatcher    *self,
          const char          *name,
          const AtlasDistrict *district)
{
  char *key;
  const AtlasDistrict *known;

  if (name == NULL)
    return;
  key = _atlas_area_name_key (name, FALSE);
  known = g_hash_table_lookup (self->names, key);
  if (known != NULL && known != district)
    g_hash_table_replace (self->names, key, (gpointer) &ambiguous);
  else
    g_hash_table_replace (self->names, key, (gpointer) district);
}

AtlasAreaMatcher *
_atlas_area_matcher_new (AtlasDataset *dataset)
{
  AtlasAreaMatcher *self = g_new0 (AtlasAreaMatcher, 1);
  const AtlasDistrict *districts;
  guint n = 0;

  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  districts = atlas_dataset_get_districts (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      const AtlasDistrict *d = &districts[i];

      if (d->code != NULL)
        g_hash_table_replace (self->codes, g_ascii_strup (d->code, -1), (gpointer) d);
      add_name (self, d->name, d);
      add_name (self, d->council, d);
    }
  return self;
}

void
_atlas_area_matcher_free (AtlasAreaMatcher *self)
{
  g_hash_table_unref (self->codes);
  g_hash_table_unref (self->names);
  g_free (self);
}

const AtlasDistrict *
_atlas_area_matcher_by_code (AtlasAreaMatcher *self,
                             const char       *code)
{
  g_autofree char *key = g_ascii_strup (code, -1);

  return g_hash_table_lookup (self->codes, g_strstrip (key));
}

const AtlasDistrict *
_atlas_area_matcher_by_name (AtlasAreaMatcher *self,
                             const char       *name)
{
  g_autofree char *key = _atlas_area_name_key (name, FALSE);
  const AtlasDistrict *found = NULL;

  if (*key != '\0')
    found = g_hash_table_lookup (self->names, key);
  if (found == NULL && g_str_has_prefix (key, "city of ") && key[8] != '\0')
    found = g_hash_table_lookup (self->names, key + 8);
  return found == &ambiguous ? NULL : found;
}

gboolean
_atlas_area_is_missing (const char *text)
{
  static const char * const marks[] = {
    "", "*", "-", "..", ".", ":", "x", "c", "z", "~", "n/a", "na", "[c]", "[x]", "[z]", "[low]",
    "[u]", "[w]", "null", NULL,
  };
  g_autofree char *folded = g_ascii_strdown (text, -1);

  g_strstrip (folded);
  for (guint i = 0; marks[i] != NULL; i++)
    if (strcmp (folded, marks[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "1,234,567.5": groups of three digits after the first comma. */
static gboolean
is_grouped (const char *s,
            gsize       length)
{
  gsize i = 0, digits = 0;

  if (s[i] == '-' || s[i] == '+')
    i++;
  for (; i < length && g_ascii_isdigit (s[i]); i++)
    digits++;
  if (digits == 0 || digits > 3 || i == length || s[i] != ',')
    return FALSE;
  while (i < length && s[i] == ',')
    {
      for (gsize k = 1; k <= 3; k++)
        if (i + k >= length || !g_ascii_isdigit (s[i + k]))
          return FALSE;
      i += 4;
    }
  return i == length || s[i] == '.';
}

gboolean
_atlas_area_parse_number (const char *text,
                          char        delimiter,
                          double     *out,
                          gboolean   *percent)
{
  char buffer[128];
  gsize length, w = 0;
  const char *s = text;
  char *end = NULL;
  double value;
  gboolean grouped;

  while (*s == ' ')
    s++;
  length = strlen (s);
  while (length > 0 && s[length - 1] == ' ')
    length--;
  *percent = length > 0 && s[length - 1] == '%';
  if (*percent)
    length--;
  if (length == 0 || length >= sizeof buffer)
    return FALSE;

  grouped = is_grouped (s, length);
  for (gsize i = 0; i < length; i++)
    {
      char c = s[i];

      if (c == ',' && grouped)
        continue;
      if (c == ',' && delimiter != ',' && memchr (s, '.', length) == NULL)
        c = '.';
      /* Only what a decimal number is written with: no "inf", "nan" or hexadecimal. */
      if (!g_ascii_isdigit (c) && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E')
        return FALSE;
      buffer[w++] = c;
    }
  buffer[w] = '\0';
  if (buffer[0] == '+')
    memmove (buffer, buffer + 1, w--);
  value = g_ascii_strtod (buffer, &end);
  if (end == buffer || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}
