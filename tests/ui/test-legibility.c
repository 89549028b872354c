/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What lies over the map stays legible in any theme: the text of the legend card and of the
 * licence line against their own background, read back from a capture of the window, has a
 * contrast of at least 4.5:1 (WCAG 2 AA for body text), and the map's palette follows the
 * theme. tests/meson.build runs this program once per theme: the default, GTK_THEME=Adwaita:dark
 * (a GTK theme that libadwaita does not style), libadwaita's dark style, and high contrast
 * (libadwaita's and GTK's HighContrast). */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "window-test-util.h"

#define MIN_CONTRAST 4.5

static AtlasApplication *app;

/* Relative luminance of an sRGB colour, as WCAG 2 defines it. */
static double
luminance (guint32 rgb)
{
  double channel[3];

  for (int i = 0; i < 3; i++)
    {
      double c = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;

      channel[i] = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

static double
contrast (guint32 a,
          guint32 b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static gboolean
get_bounds (GtkWidget       *widget,
            AtlasWindow     *window,
            graphene_rect_t *bounds)
{
  return gtk_widget_get_mapped (widget)
         && gtk_widget_compute_bounds (widget, GTK_WIDGET (window), bounds);
}

/* The commonest colour inside a box: a background, which text and swatches only dot. */
static guint32
commonest_colour (const Capture         *capture,
                  const graphene_rect_t *box)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint best_count = 0;
  guint32 best = 0;

  for (int y = (int) ceil (box->origin.y); y < (int) (box->origin.y + box->size.height); y++)
    for (int x = (int) ceil (box->origin.x); x < (int) (box->origin.x + box->size.width); x++)
      {
        gpointer pixel = GUINT_TO_POINTER (capture_get_pixel (capture, x, y));

        g_hash_table_insert (counts, pixel,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                      pixel)) + 1));
      }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count)
      {
        best_count = GPOINTER_TO_UINT (value);
        best = GPOINTER_TO_UINT (key);
      }
  return best;
}

/* The text's colour: of the pixels in the label's box, the one that stands out most from the
 * background (the inside of a stroke, where anti-aliasing has not blended it). */
static guint32
text_colour (const Capture         *capture,
             const graphene_rect_t *box,
             guint32                background)
{
  guint32 best = background;
  double best_contrast = 1.0;

  for (int y = (int) ceil (box->origin.y); y < (int) (box->origin.y + box->size.height); y++)
    for (int x = (int) ceil (box->origin.x); x < (int) (box->origin.x + box->size.width); x++)
      {
        guint32 pixel = capture_get_pixel (capture, x, y);
        double c = contrast (pixel, background);

        if (c > best_contrast)
          {
            best_contrast = c;
            best = pixel;
          }
      }
  return best;
}

/* Every shown label under widget, against background (or, with background 0 and a box, the
 * commonest colour of that box). Returns how many were checked. */
static guint
check_labels (AtlasWindow   *window,
              const Capture *capture,
              GtkWidget     *widget,
              guint32        background)
{
  graphene_rect_t box;
  guint checked = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && *gtk_label_get_text (GTK_LABEL (widget)) != '\0' && get_bounds (widget, window, &box))
    {
      guint32 text = text_colour (capture, &box, background);
      double c = contrast (text, background);

      g_test_message ("“%s”: #%06x on #%06x, %.1f:1", gtk_label_get_text (GTK_LABEL (widget)),
                      text, background, c);
      g_assert_cmpfloat (c, >=, MIN_CONTRAST);
      checked++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += check_labels (window, capture, child, background);
  return checked;
}

/* The theme this run was started in, from the environment tests/meson.build gives it. */
static AtlasTheme
expected_theme (void)
{
  const char *gtk_theme = g_getenv ("GTK_THEME");

  if (g_strcmp0 (g_getenv ("ADW_DEBUG_HIGH_CONTRAST"), "1") == 0
      || (gtk_theme != NULL && g_str_has_prefix (gtk_theme, "HighContrast")))
    return ATLAS_THEME_HIGH_CONTRAST;
  if (g_strcmp0 (g_getenv ("ADW_DEBUG_COLOR_SCHEME"), "prefer-dark") == 0
      || (gtk_theme != NULL && g_str_has_suffix (gtk_theme, ":dark")))
    return ATLAS_THEME_DARK;
  return ATLAS_THEME_LIGHT;
}

static void
test_overlays (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load ("hwe", &error);
  g_autofree char *name = NULL;
  g_autoptr(Capture) capture = NULL;
  AtlasWindow *window;
  GtkWidget *card, *licence_box;
  graphene_rect_t box;
  guint32 card_background, licence_background;
  AtlasTheme theme = expected_theme ();

  g_assert_no_error (error);
  window = window_test_open (app, dataset);
  /* An indicator's legend has every kind of line: classes, a note, small print. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.thematic", "s",
                                             "overweight-4-5"));
  window_test_wait_for_frame (window);
  name = g_strdup_printf ("legibility-%s.png", g_getenv ("ATLAS_TEST_THEME_NAME") != NULL
                                               ? g_getenv ("ATLAS_TEST_THEME_NAME") : "default");
  capture = capture_window (window, name);

  /* The map's palette follows the theme. */
  g_assert_cmpint (atlas_map_state_get_theme (_atlas_window_get_state (window)), ==, theme);

  /* The legend card: its background is the theme's, light or dark as the theme is; the legend
   * and its notes are legible on it. The card's rounded corners are left out. */
  card = _atlas_window_get_legend_card (window);
  g_assert_true (get_bounds (card, window, &box));
  graphene_rect_inset (&box, 12, 12);
  card_background = commonest_colour (capture, &box);
  g_test_message ("legend card #%06x", card_background);
  if (theme == ATLAS_THEME_DARK)
    g_assert_cmpfloat (luminance (card_background), <, 0.2);
  else
    g_assert_cmpfloat (luminance (card_background), >, 0.6);
  g_assert_cmpuint (check_labels (window, capture, _atlas_window_get_legend (window),
                                  card_background), >=, 5);

  /* The thematic switch on the card: its text on its own button. */
  g_assert_true (get_bounds (GTK_WIDGET (_atlas_window_get_thematic_dropdown (window)), window,
                             &box));
  graphene_rect_inset (&box, 4, 4);
  g_assert_cmpuint (check_labels (window, capture,
                                  GTK_WIDGET (_atlas_window_get_thematic_dropdown (window)),
                                  commonest_colour (capture, &box)), >=, 1);

  /* The licence line, over the map. */
  licence_box = gtk_widget_get_parent (GTK_WIDGET (_atlas_window_get_licence_label (window)));
  g_assert_true (get_bounds (licence_box, window, &box));
  graphene_rect_inset (&box, 4, 2);
  licence_background = commonest_colour (capture, &box);
  g_assert_cmpuint (check_labels (window, capture, licence_box, licence_background), ==, 1);

  window_test_close (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv);

  g_test_add_func ("/legibility/overlays", test_overlays);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
