/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Annotations in core: the model's checks, the list's undo and redo, moving, and the layout
 * and drawing every output shares (labels beside their anchor or in a callout, hit-testing,
 * names kept clear, the pin's colour in light and dark). */
#include <math.h>

#include "atlas-annotation-layout.h"
#include "atlas-annotation-list.h"
#include "atlas-map-state.h"

#define WIDTH  800
#define HEIGHT 600

static const AtlasPoint watford = { -0.3966, 51.6567 };

static AtlasAnnotation *
make_pin (const char *label,
          double      lon,
          double      lat)
{
  AtlasPoint point = { lon, lat };

  return atlas_annotation_new (ATLAS_ANNOTATION_PIN, ATLAS_ANNOTATION_RED, label, NULL, &point, 1);
}

static void
test_check (void)
{
  AtlasPoint two[] = { { 0, 51 }, { 1, 52 } };
  AtlasPoint far[] = { { 0, 86 } };
  g_autoptr(AtlasAnnotation) pin = make_pin ("Hub", watford.x, watford.y);
  g_autoptr(AtlasAnnotation) unlabelled = make_pin ("", watford.x, watford.y);
  g_autoptr(AtlasAnnotation) two_point_pin = atlas_annotation_new (ATLAS_ANNOTATION_PIN,
                                                                   ATLAS_ANNOTATION_RED, "x",
                                                                   NULL, two, 2);
  g_autoptr(AtlasAnnotation) arrow = atlas_annotation_new (ATLAS_ANNOTATION_ARROW,
                                                           ATLAS_ANNOTATION_BLUE, NULL, NULL,
                                                           two, 2);
  g_autoptr(AtlasAnnotation) short_area = atlas_annotation_new (ATLAS_ANNOTATION_AREA,
                                                                ATLAS_ANNOTATION_GREEN, NULL,
                                                                NULL, two, 2);
  g_autoptr(AtlasAnnotation) polar = atlas_annotation_new (ATLAS_ANNOTATION_TEXT,
                                                           ATLAS_ANNOTATION_INK, "x", NULL,
                                                           far, 1);

  g_assert_null (atlas_annotation_check (pin));
  g_assert_null (atlas_annotation_check (arrow));
  /* "" is no label. */
  g_assert_null (unlabelled->label);
  g_assert_cmpstr (atlas_annotation_check (unlabelled), ==, "a pin needs a label");
  g_assert_nonnull (atlas_annotation_check (two_point_pin));
  g_assert_cmpstr (atlas_annotation_check (short_area), ==, "an area has at least three points");
  g_assert_nonnull (atlas_annotation_check (polar));
}

static void
test_names (void)
{
  for (guint k = 0; k < ATLAS_ANNOTATION_N_KINDS; k++)
    {
      AtlasAnnotationKind kind;

      g_assert_true (atlas_annotation_kind_from_string (atlas_annotation_kind_to_string (k),
                                                        &kind));
      g_assert_cmpint (kind, ==, k);
    }
  for (guint c = 0; c < ATLAS_ANNOTATION_N_COLOURS; c++)
    {
      AtlasAnnotationColour colour;

      g_assert_true (atlas_annotation_colour_from_string (atlas_annotation_colour_to_string (c),
                                                          &colour));
      g_assert_cmpint (colour, ==, c);
      /* A shade for each theme, and they differ. */
      g_assert_cmpuint (atlas_annotation_colour_rgb (c, FALSE), !=,
                        atlas_annotation_colour_rgb (c, TRUE));
    }
  g_assert_false (atlas_annotation_colour_from_string ("pink", &(AtlasAnnotationColour) { 0 }));
  g_assert_false (atlas_annotation_kind_from_string ("circle", &(AtlasAnnotationKind) { 0 }));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_list_undo_redo (void)
{
  g_autoptr(AtlasAnnotationList) list = atlas_annotation_list_new ();
  g_autoptr(AtlasAnnotation) pin = make_pin ("Hub", watford.x, watford.y);
  g_autoptr(AtlasAnnotation) moved = NULL;
  g_autoptr(AtlasAnnotation) renamed = NULL;
  g_autoptr(AtlasAnnotation) bad = make_pin ("", 0, 0);
  AtlasAnnotationSet *before;
  guint changes = 0, id, second;

  g_signal_connect_swapped (list, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_false (atlas_annotation_list_can_undo (list));
  g_assert_cmpuint (atlas_annotation_list_add (list, bad), ==, 0);
  g_assert_cmpuint (changes, ==, 0);

  id = atlas_annotation_list_add (list, pin);
  second = atlas_annotation_list_add (list, pin);
  g_assert_cmpuint (id, !=, 0);
  g_assert_cmpuint (second, !=, id);
  g_assert_cmpuint (atlas_annotation_list_get_n (list), ==, 2);
  g_assert_cmpuint (changes, ==, 2);

  /* A move is one change: the set before it is kept as it was. */
  before = atlas_annotation_set_ref (atlas_annotation_list_get_set (list));
  moved = atlas_annotation_moved (atlas_annotation_list_find (list, id), 0.001, 0);
  g_assert_true (atlas_annotation_list_replace (list, moved));
  g_assert_cmpfloat (atlas_annotation_list_find (list, id)->points[0].x, >, watford.x);
  g_assert_cmpfloat (atlas_annotation_set_find (before, id, NULL)->points[0].x, ==, watford.x);
  /* The same again changes nothing and records nothing. */
  g_assert_false (atlas_annotation_list_replace (list, moved));
  g_assert_cmpuint (changes, ==, 3);

  renamed = atlas_annotation_with_text (moved, "Health hub", "a note");
  g_assert_true (atlas_annotation_list_replace (list, renamed));
  g_assert_true (atlas_annotation_list_remove (list, second));
  g_assert_false (atlas_annotation_list_remove (list, second));
  g_assert_cmpuint (atlas_annotation_list_get_n (list), ==, 1);

  /* Back through the removal, the rename and the move. */
  g_assert_true (atlas_annotation_list_undo (list));
  g_assert_cmpuint (atlas_annotation_list_get_n (list), ==, 2);
  g_assert_true (atlas_annotation_list_undo (list));
  g_assert_cmpstr (atlas_annotation_list_find (list, id)->label, ==, "Hub");
  g_assert_true (atlas_annotation_list_undo (list));
  g_assert_true (atlas_annotation_set_equal (atlas_annotation_list_get_set (list), before));
  g_assert_cmpfloat (atlas_annotation_list_find (list, id)->points[0].x, ==, watford.x);
  /* And forward again. */
  g_assert_true (atlas_annotation_list_redo (list));
  g_assert_cmpfloat (atlas_annotation_list_find (list, id)->points[0].x, ==, moved->points[0].x);
  g_assert_true (atlas_annotation_list_can_redo (list));
  /* A new change forgets what could be redone. */
  g_assert_true (atlas_annotation_list_remove (list, id));
  g_assert_false (atlas_annotation_list_can_redo (list));
  g_assert_false (atlas_annotation_list_redo (list));

  /* A reset (a document opened) starts a fresh history. */
  atlas_annotation_list_reset (list, before);
  g_assert_false (atlas_annotation_list_can_undo (list));
  g_assert_true (atlas_annotation_set_equal (atlas_annotation_list_get_set (list), before));
  atlas_annotation_set_unref (before);
}

static void
test_list_history_bounded (void)
{
  g_autoptr(AtlasAnnotationList) list = atlas_annotation_list_new ();
  g_autoptr(AtlasAnnotation) pin = make_pin ("Hub", 0, 51);
  guint undone = 0;

  for (guint i = 0; i < ATLAS_ANNOTATION_LIST_MAX_UNDO + 20; i++)
    atlas_annotation_list_add (list, pin);
  while (atlas_annotation_list_undo (list))
    undone++;
  g_assert_cmpuint (undone, ==, ATLAS_ANNOTATION_LIST_MAX_UNDO);
  g_assert_cmpuint (atlas_annotation_list_get_n (list), ==, 20);
}

static void
test_moved_keeps_shape (void)
{
  AtlasPoint corners[] = { { -0.40, 51.60 }, { -0.30, 51.62 }, { -0.35, 51.70 } };
  g_autoptr(AtlasAnnotation) area = atlas_annotation_new (ATLAS_ANNOTATION_AREA,
                                                          ATLAS_ANNOTATION_GREEN, "Area", NULL,
                                                          corners, 3);
  g_autoptr(AtlasAnnotation) moved = atlas_annotation_moved (area, 1e-4, -2e-4);

  for (guint i = 0; i < 3; i++)
    {
      double x0, y0, x1, y1;

      atlas_project (area->points[i].x, area->points[i].y, &x0, &y0);
      atlas_project (moved->points[i].x, moved->points[i].y, &x1, &y1);
      g_assert_cmpfloat_with_epsilon (x1 - x0, 1e-4, 1e-12);
      g_assert_cmpfloat_with_epsilon (y1 - y0, -2e-4, 1e-12);
    }
  g_assert_cmpuint (moved->id, ==, area->id);
  g_assert_cmpstr (moved->label, ==, "Area");
}

typedef struct {
  cairo_surface_t *surface;
  cairo_t *cr;
  AtlasView view;
  AtlasCartographyOptions options;
  AtlasAnnotationSet *set;
} Canvas;

static void
canvas_init (Canvas              *canvas,
             AtlasAnnotation    **items,
             guint                n,
             AtlasTheme           theme)
{
  AtlasBBox bbox = { -0.55, 51.58, -0.25, 51.75 };

  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  canvas->cr = cairo_create (canvas->surface);
  cairo_set_source_rgb (canvas->cr, 0.5, 0.5, 0.5);
  cairo_paint (canvas->cr);
  atlas_view_init_framing (&canvas->view, &bbox, WIDTH, HEIGHT, 0);
  atlas_cartography_options_init (&canvas->options);
  canvas->options.theme = theme;
  canvas->set = atlas_annotation_set_new (items, n);
  canvas->options.annotations = canvas->set;
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
  atlas_annotation_set_unref (canvas->set);
}

static guint32
canvas_pixel (Canvas *canvas,
              double  x,
              double  y)
{
  const guint8 *data;

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  return *(const guint32 *) (data + (int) y * cairo_image_surface_get_stride (canvas->surface)
                             + (int) x * 4) & 0xffffff;
}

static void
to_surface (const AtlasView  *view,
            const AtlasPoint *point,
            double           *x,
            double           *y)
{
  double wx, wy;

  atlas_project (point->x, point->y, &wx, &wy);
  atlas_view_world_to_surface (view, wx, wy, x, y);
}

static void
test_layout_callout (void)
{
  g_autoptr(AtlasAnnotation) first = make_pin ("New health hub (ICP, November 2023)", watford.x,
                                               watford.y);
  g_autoptr(AtlasAnnotation) second = make_pin ("Second pin on the same spot", watford.x,
                                                watford.y);
  AtlasAnnotation *items[] = { first, second };
  g_autoptr(AtlasAnnotationLayout) layout = NULL;
  g_autoptr(GArray) boxes = NULL;
  const AtlasAnnotationPlace *a, *b;
  Canvas canvas;
  double x, y;

  canvas_init (&canvas, items, 2, ATLAS_THEME_LIGHT);
  layout = atlas_annotation_layout_new (canvas.cr, &canvas.view, NULL, &canvas.options);
  g_assert_cmpuint (atlas_annotation_layout_get_n (layout), ==, 2);
  a = atlas_annotation_layout_get (layout, 0);
  b = atlas_annotation_layout_get (layout, 1);
  to_surface (&canvas.view, &watford, &x, &y);

  /* The first label stands beside the pin's head, on the right; the second cannot stand on
   * the left either without covering the first's pin, so it goes out, or beside elsewhere. */
  g_assert_true (a->has_label && b->has_label);
  g_assert_false (a->callout);
  g_assert_cmpfloat (a->label.x0, >, x);
  g_assert_cmpfloat (fabs ((a->label.y0 + a->label.y1) / 2 - a->anchor_y), <, 1);
  g_assert_false (a->label.x0 < b->label.x1 && b->label.x0 < a->label.x1
                  && a->label.y0 < b->label.y1 && b->label.y0 < a->label.y1);
  g_assert_false (b->label.x0 < a->symbol.x1 && a->symbol.x0 < b->label.x1
                  && b->label.y0 < a->symbol.y1 && a->symbol.y0 < b->label.y1);

  /* Hits: the head of the pin, its label; nothing far away. */
  g_assert_cmpint (atlas_annotation_layout_hit (layout, x, y - 20), ==, 1);
  g_assert_cmpint (atlas_annotation_layout_hit (layout, (a->label.x0 + a->label.x1) / 2,
                                                (a->label.y0 + a->label.y1) / 2), ==, 0);
  g_assert_cmpint (atlas_annotation_layout_hit (layout, 5, 5), ==, -1);

  /* Names keep off two symbols and two labels. */
  boxes = atlas_annotation_layout_get_boxes (layout);
  g_assert_cmpuint (boxes->len, ==, 4 * 4);
  canvas_clear (&canvas);
}

static void
test_layout_edges_callout (void)
{
  AtlasPoint near_edge = { -0.2505, 51.66 };
  g_autoptr(AtlasAnnotation) pin = make_pin ("A label too long to fit at the right edge",
                                             near_edge.x, near_edge.y);
  AtlasAnnotation *items[] = { pin };
  g_autoptr(AtlasAnnotationLayout) layout = NULL;
  const AtlasAnnotationPlace *place;
  Canvas canvas;

  canvas_init (&canvas, items, 1, ATLAS_THEME_LIGHT);
  layout = atlas_annotation_layout_new (canvas.cr, &canvas.view, NULL, &canvas.options);
  place = atlas_annotation_layout_get (layout, 0);
  /* Not cut by the edge: to the left of the pin instead. */
  g_assert_cmpfloat (place->label.x1, <=, WIDTH);
  g_assert_cmpfloat (place->label.x1, <, place->anchor_x);
  canvas_clear (&canvas);
}

static void
test_arrow_and_area_hits (void)
{
  AtlasPoint arrow_points[] = { { -0.50, 51.70 }, { -0.40, 51.62 } };
  AtlasPoint corners[] = { { -0.35, 51.60 }, { -0.28, 51.60 }, { -0.28, 51.66 },
                           { -0.35, 51.66 } };
  g_autoptr(AtlasAnnotation) arrow = atlas_annotation_new (ATLAS_ANNOTATION_ARROW,
                                                           ATLAS_ANNOTATION_PURPLE, NULL, NULL,
                                                           arrow_points, 2);
  g_autoptr(AtlasAnnotation) area = atlas_annotation_new (ATLAS_ANNOTATION_AREA,
                                                          ATLAS_ANNOTATION_GREEN, NULL, NULL,
                                                          corners, 4);
  AtlasAnnotation *items[] = { arrow, area };
  g_autoptr(AtlasAnnotationLayout) layout = NULL;
  g_autoptr(GArray) boxes = NULL;
  double x0, y0, x1, y1, cx, cy;
  Canvas canvas;

  canvas_init (&canvas, items, 2, ATLAS_THEME_LIGHT);
  layout = atlas_annotation_layout_new (canvas.cr, &canvas.view, NULL, &canvas.options);
  to_surface (&canvas.view, &arrow_points[0], &x0, &y0);
  to_surface (&canvas.view, &arrow_points[1], &x1, &y1);
  g_assert_cmpint (atlas_annotation_layout_hit (layout, (x0 + x1) / 2, (y0 + y1) / 2), ==, 0);
  g_assert_cmpint (atlas_annotation_layout_hit (layout, (x0 + x1) / 2 + 20, (y0 + y1) / 2), ==,
                   -1);
  to_surface (&canvas.view, &(AtlasPoint) { -0.315, 51.63 }, &cx, &cy);
  g_assert_cmpint (atlas_annotation_layout_hit (layout, cx, cy), ==, 1);
  /* Without labels, lines and outlines are no obstacle to names. */
  boxes = atlas_annotation_layout_get_boxes (layout);
  g_assert_cmpuint (boxes->len, ==, 0);
  canvas_clear (&canvas);
}

static void
test_pin_colour_by_theme (gconstpointer data)
{
  AtlasTheme theme = GPOINTER_TO_INT (data);
  g_autoptr(AtlasAnnotation) pin = make_pin ("Hub", watford.x, watford.y);
  AtlasAnnotation *items[] = { pin };
  g_autoptr(AtlasAnnotationLayout) layout = NULL;
  guint32 expected = atlas_annotation_colour_rgb (ATLAS_ANNOTATION_RED, theme == ATLAS_THEME_DARK);
  Canvas canvas;
  double x, y;

  canvas_init (&canvas, items, 1, theme);
  layout = atlas_annotation_layout_new (canvas.cr, &canvas.view, NULL, &canvas.options);
  atlas_cartography_draw_annotations (canvas.cr, layout);
  to_surface (&canvas.view, &watford, &x, &y);
  /* The head's colour, beside its white dot, and the grey map where nothing is drawn. */
  g_assert_cmpuint (canvas_pixel (&canvas, x + 5, y - 20), ==, expected);
  g_assert_cmpuint (canvas_pixel (&canvas, x - 40, y + 40), ==, 0x808080);
  canvas_clear (&canvas);
}

static void
test_state_emits (void)
{
  g_autoptr(AtlasMapState) state = atlas_map_state_new ();
  g_autoptr(AtlasMapState) copy = NULL;
  g_autoptr(AtlasAnnotation) pin = make_pin ("Hub", watford.x, watford.y);
  g_autoptr(GPtrArray) held = NULL;
  AtlasCartographyOptions options;
  guint changes = 0;

  g_signal_connect_swapped (state, "changed", G_CALLBACK (count_cb), &changes);
  atlas_annotation_list_add (atlas_map_state_get_annotations (state), pin);
  g_assert_cmpuint (changes, ==, 1);
  atlas_map_state_get_cartography (state, &options);
  g_assert_true (options.annotations
                 == atlas_annotation_list_get_set (atlas_map_state_get_annotations (state)));
  /* A copy for a worker has the same annotations, which nothing changes under it. */
  copy = atlas_map_state_copy (state);
  g_assert_true (atlas_annotation_set_equal (
    atlas_annotation_list_get_set (atlas_map_state_get_annotations (copy)), options.annotations));
  /* Held options outlive the change that replaces their set. */
  held = atlas_cartography_options_hold (&options);
  g_assert_cmpuint (held->len, ==, 1);
  atlas_annotation_list_undo (atlas_map_state_get_annotations (state));
  g_assert_true (options.annotations
                 != atlas_annotation_list_get_set (atlas_map_state_get_annotations (state)));
  g_assert_cmpuint (atlas_annotation_set_get_n (options.annotations), ==, 1);
  g_assert_cmpstr (atlas_annotation_set_get (options.annotations, 0)->label, ==, "Hub");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotations/check", test_check);
  g_test_add_func ("/annotations/names", test_names);
  g_test_add_func ("/annotations/list/undo-redo", test_list_undo_redo);
  g_test_add_func ("/annotations/list/history-bounded", test_list_history_bounded);
  g_test_add_func ("/annotations/moved", test_moved_keeps_shape);
  g_test_add_func ("/annotations/layout/callout", test_layout_callout);
  g_test_add_func ("/annotations/layout/edge", test_layout_edges_callout);
  g_test_add_func ("/annotations/layout/arrow-area", test_arrow_and_area_hits);
  g_test_add_data_func ("/annotations/draw/light", GINT_TO_POINTER (ATLAS_THEME_LIGHT),
                        test_pin_colour_by_theme);
  g_test_add_data_func ("/annotations/draw/dark", GINT_TO_POINTER (ATLAS_THEME_DARK),
                        test_pin_colour_by_theme);
  g_test_add_func ("/annotations/state", test_state_emits);
  return g_test_run ();
}
