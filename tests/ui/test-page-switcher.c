/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The side panel's page tabs at the panel's usual width (360 pixels), in German and in English:
 * no title is cut short, each fits its tab, and a long word wraps at the soft hyphen its
 * text puts in it ("Partner-" over "schaften", or "ships"). German needs the de_DE.UTF-8
 * locale (build-aux/install-deps.sh) and the catalogue built into the build folder's po/. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "atlas-page-switcher.h"
#include "atlas-sidebar.h"
#include "window-test-util.h"

#define PANEL_WIDTH 360

static AtlasDataset *hwe;

static gboolean
use_language (const char *locale,
              const char *language)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  if (setlocale (LC_ALL, locale) == NULL)
    return FALSE;
  g_setenv ("LANGUAGE", language, TRUE);
  /* As main () does: the panel's strings are in the default domain. */
  textdomain (GETTEXT_PACKAGE);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

static GtkWidget *
find_switcher (GtkWidget *widget)
{
  if (ATLAS_IS_PAGE_SWITCHER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switcher (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_any_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_any_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of a layout's first line, without a soft hyphen at its end. */
static char *
first_line (PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  g_autofree char *text = g_strndup (pango_layout_get_text (layout) + line->start_index,
                                     line->length);

  if (g_str_has_suffix (text, "\u00ad"))
    text[strlen (text) - strlen ("\u00ad")] = '\0';
  return g_steal_pointer (&text);
}

/* A panel of the usual width in a window; every tab's title whole and inside its tab. Returns
 * the number of lines of the Partnerships tab's title. */
static int
check_tabs (const char *capture_name)
{
  g_autoptr(AtlasSelection) selection = atlas_selection_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *sidebar, *switcher;
  int partnership_lines = 0;
  guint index = 0;

  atlas_selection_set_dataset (selection, hwe);
  sidebar = atlas_sidebar_new (selection);
  gtk_widget_set_size_request (sidebar, PANEL_WIDTH, -1);
  gtk_window_set_child (GTK_WINDOW (window), sidebar);
  gtk_window_set_default_size (GTK_WINDOW (window), PANEL_WIDTH, 600);
  gtk_window_present (GTK_WINDOW (window));
  TEST_WAIT_UNTIL (gtk_widget_get_mapped (sidebar) && gtk_widget_get_width (sidebar) > 0,
                   "the side panel to be shown");
  capture_free (capture_widget (window, capture_name));

  switcher = find_switcher (sidebar);
  g_assert_nonnull (switcher);
  for (GtkWidget *tab = gtk_widget_get_first_child (switcher); tab != NULL;
       tab = gtk_widget_get_next_sibling (tab))
    {
      GtkWidget *label = find_any_label (tab);
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
      graphene_rect_t bounds;
      g_autofree char *line = first_line (layout);

      g_assert_true (gtk_widget_compute_bounds (label, tab, &bounds));
      g_test_message ("“%s”: %d line(s), the first “%s”; %.0f of %d pixels",
                      gtk_label_get_text (GTK_LABEL (label)), pango_layout_get_line_count (layout),
                      line, bounds.size.width, gtk_widget_get_width (tab));
      g_assert_false (pango_layout_is_ellipsized (layout));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (tab));
      g_assert_cmpint (pango_layout_get_line_count (layout), <=, 2);
      /* The third tab: Partnerships. */
      if (index++ == 2)
        {
          partnership_lines = pango_layout_get_line_count (layout);
          /* A break, if any, at the soft hyphen. */
          if (partnership_lines == 2)
            g_assert_cmpstr (line, ==, "Partner");
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return partnership_lines;
}

static void
test_german (void)
{
  if (!use_language ("de_DE.UTF-8", "de"))
    {
      g_test_message ("the de_DE.UTF-8 locale is not compiled: run build-aux/install-deps.sh");
      g_test_fail ();
      return;
    }
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "side panel tab", "Partner\u00adships"), ==,
                   "Partner\u00adschaften");
  /* "Partnerschaften" does not fit a sixth of the panel: it wraps at its soft hyphen. */
  g_assert_cmpint (check_tabs ("page-switcher-de.png"), ==, 2);
}

/* "Partnerships" does not fit either: it wraps at its soft hyphen too. */
static void
test_english (void)
{
  g_assert_true (use_language ("C.UTF-8", "en"));
  g_assert_cmpint (check_tabs ("page-switcher-en.png"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  app = window_test_init (&argc, &argv);
  hwe = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);

  g_test_add_func ("/page-switcher/german", test_german);
  g_test_add_func ("/page-switcher/english", test_english);
  return g_test_run ();
}
