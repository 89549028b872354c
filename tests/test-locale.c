/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates and numbers in the reader's language and locale: the date's order and punctuation from
 * the translation, the month's name from LC_TIME, the decimal separator from LC_NUMERIC, in
 * the panel's and the exports' shared helpers and in the legend's words. German needs the
 * de_DE.UTF-8 locale (build-aux/install-deps.sh compiles it) and the German catalogue built
 * into the build folder's po/. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "atlas-cartography.h"
#include "atlas-choropleth.h"
#include "atlas-dataset.h"
#include "atlas-legend-model.h"
#include "atlas-locale.h"

static gboolean
use_locale (const char *locale,
            const char *language)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  if (setlocale (LC_ALL, locale) == NULL)
    return FALSE;
  g_setenv ("LANGUAGE", language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

static gboolean
use_german (void)
{
  if (use_locale ("de_DE.UTF-8", "de"))
    return TRUE;
  g_test_message ("the de_DE.UTF-8 locale is not compiled: run build-aux/install-deps.sh");
  g_test_fail ();
  return FALSE;
}

static void
test_date_english (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 3, 12, 0, 0);
  g_autofree char *text = NULL;

  g_assert_true (use_locale ("C.UTF-8", "en"));
  text = atlas_format_date (date);
  g_assert_cmpstr (text, ==, "3 December 2026");
}

static void
test_date_german (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 3, 12, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;
  g_autofree char *day = NULL;

  if (!use_german ())
    return;
  text = atlas_format_date (date);
  g_assert_cmpstr (text, ==, "3. Dezember 2026");
  today = atlas_format_today ();
  day = g_strdup_printf ("%d. ", g_date_time_get_day_of_month (now));
  g_assert_true (g_str_has_prefix (today, day));
}

static void
test_numbers_german (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasLegendModel) legend = NULL;
  g_autoptr(AtlasChoropleth) choropleth = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  AtlasCartographyOptions options;

  if (!use_german ())
    return;
  number = atlas_format_number (20.1, 1);
  g_assert_cmpstr (number, ==, "20,1");

  /* The legend's classes, shared by the window and the exports, in German figures. */
  dataset = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);
  atlas_cartography_options_init (&options);
  options.indicator = &atlas_dataset_get_indicators (dataset, NULL)[0];
  g_assert_cmpstr (options.indicator->id, ==, "overweight-4-5");
  choropleth = atlas_choropleth_new_from_indicator (dataset, options.indicator);
  options.choropleth = choropleth;
  legend = atlas_legend_model_new (dataset, &options);
  text = atlas_legend_model_dup_text (legend, FALSE);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "20,1 %"));
  g_assert_null (strstr (text, "20.1"));
  /* The legend's own words are German too. */
  g_assert_nonnull (strstr (text, "Krankenhausstandorte"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/locale/date-english", test_date_english);
  g_test_add_func ("/locale/date-german", test_date_german);
  g_test_add_func ("/locale/numbers-german", test_numbers_german);
  return g_test_run ();
}
