/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-annotation-layout-private.h"
#include "atlas-cartography-private.h"

#include <math.h>

/* Annotations drawn with cairo from their layout: outlines and arrows first, then pins and
 * text boxes, then labels and their leader lines, so that no text is ever under a line. Every
 * line and every letter has a halo in the map's halo colour, which keeps it legible over any
 * district fill; the colours have a shade for light maps and one for dark ones. */

#define HALO_WIDTH      3.5
#define AREA_FILL_ALPHA 0.18

typedef struct {
  const AtlasCartographyPalette *palette;
  gboolean dark;
} Style;

static guint32
colour_of (const Style           *style,
           const AtlasAnnotation *a)
{
  return atlas_annotation_colour_rgb (a->colour, style->dark);
}

static void
stroke_with_halo (cairo_t     *cr,
                  const Style *style,
                  guint32      colour,
                  double       width)
{
  _atlas_cartography_set_source_rgba (cr, style->palette->halo, 0.85);
  cairo_set_line_width (cr, width + HALO_WIDTH);
  cairo_stroke_preserve (cr);
  _atlas_cartography_set_source_rgb (cr, colour);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
draw_area (cairo_t                   *cr,
           const Style               *style,
           const AtlasAnnotationItem *item)
{
  const AtlasAnnotation *a = item->place.annotation;
  guint32 colour = colour_of (style, a);

  cairo_new_path (cr);
  for (guint i = 0; i < a->n_points; i++)
    cairo_line_to (cr, item->surface[i].x, item->surface[i].y);
  cairo_close_path (cr);
  _atlas_cartography_set_source_rgba (cr, colour, AREA_FILL_ALPHA);
  cairo_fill_preserve (cr);
  stroke_with_halo (cr, style, colour, ANNOTATION_LINE_WIDTH * 0.8);
}

static void
draw_arrow (cairo_t                   *cr,
            const Style               *style,
            const AtlasAnnotationItem *item)
{
  const AtlasPoint *tail = &item->surface[0], *head = &item->surface[1];
  guint32 colour = colour_of (style, item->place.annotation);
  double angle = atan2 (head->y - tail->y, head->x - tail->x);
  double length = hypot (head->x - tail->x, head->y - tail->y);
  double back = MIN (ANNOTATION_HEAD_LENGTH, length);

  /* The shaft stops where the head begins, so its end does not poke through the tip. */
  cairo_new_path (cr);
  cairo_move_to (cr, tail->x, tail->y);
  cairo_line_to (cr, head->x - cos (angle) * back * 0.8, head->y - sin (angle) * back * 0.8);
  stroke_with_halo (cr, style, colour, ANNOTATION_LINE_WIDTH);

  cairo_new_path (cr);
  cairo_move_to (cr, head->x, head->y);
  cairo_line_to (cr, head->x - back * cos (angle - 0.45), head->y - back * sin (angle - 0.45));
  cairo_line_to (cr, head->x - back * cos (angle + 0.45), head->y - back * sin (angle + 0.45));
  cairo_close_path (cr);
  _atlas_cartography_set_source_rgba (cr, style->palette->halo, 0.85);
  cairo_set_line_width (cr, HALO_WIDTH);
  cairo_stroke_preserve (cr);
  _atlas_cartography_set_source_rgb (cr, colour);
  cairo_fill (cr);
}

/* A map pin: a round head on a short point, the annotation's colour with a halo edge. */
static void
draw_pin (cairo_t                   *cr,
          const Style               *style,
          const AtlasAnnotationItem *item)
{
  double x = item->surface[0].x, y = item->surface[0].y;
  double hy = y - ANNOTATION_PIN_HEIGHT, r = ANNOTATION_PIN_RADIUS;
  /* The sides meet the head where they touch it. */
  double spread = acos (r / ANNOTATION_PIN_HEIGHT);

  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_arc (cr, x, hy, r, G_PI / 2 + spread, G_PI / 2 - spread + 2 * G_PI);
  cairo_close_path (cr);
  _atlas_cartography_set_source_rgb (cr, style->palette->halo);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke_preserve (cr);
  _atlas_cartography_set_source_rgb (cr, colour_of (style, item->place.annotation));
  cairo_fill (cr);

  cairo_arc (cr, x, hy, r * 0.38, 0, 2 * G_PI);
  _atlas_cartography_set_source_rgb (cr, style->palette->halo);
  cairo_fill (cr);
}

static void
rounded_rectangle (cairo_t                  *cr,
                   const AtlasAnnotationBox *box,
                   double                    radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, box->x1 - radius, box->y0 + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, box->x1 - radius, box->y1 - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, box->x0 + radius, box->y1 - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, box->x0 + radius, box->y0 + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A text box: the text on the map's paper colour, edged in the annotation's colour. */
static void
draw_text_box (cairo_t                   *cr,
               const Style               *style,
               const AtlasAnnotationItem *item)
{
  const AtlasAnnotationBox *box = &item->place.symbol;

  cairo_new_path (cr);
  rounded_rectangle (cr, box, 4.0);
  _atlas_cartography_set_source_rgba (cr, style->palette->background, 0.94);
  cairo_fill_preserve (cr);
  _atlas_cartography_set_source_rgb (cr, colour_of (style, item->place.annotation));
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);

  cairo_move_to (cr, box->x0 + ANNOTATION_TEXT_PAD, box->y0 + ANNOTATION_TEXT_PAD);
  _atlas_cartography_set_source_rgb (cr, style->palette->text);
  pango_cairo_show_layout (cr, item->body);
}

static void
show_with_halo (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y,
                const Style *style,
                guint32      colour)
{
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  _atlas_cartography_set_source_rgba (cr, style->palette->halo, 0.9);
  cairo_set_line_width (cr, HALO_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  _atlas_cartography_set_source_rgb (cr, colour);
  pango_cairo_show_layout (cr, layout);
}

/* The point of box nearest to (x, y): where a leader line meets its label. */
static void
nearest_on_box (const AtlasAnnotationBox *box,
                double                    x,
                double                    y,
                double                   *bx,
                double                   *by)
{
  *bx = CLAMP (x, box->x0, box->x1);
  *by = CLAMP (y, box->y0, box->y1);
}

static void
draw_label (cairo_t                   *cr,
            const Style               *style,
            const AtlasAnnotationItem *item)
{
  const AtlasAnnotationPlace *place = &item->place;

  if (place->callout)
    {
      double bx, by;

      nearest_on_box (&place->label, place->anchor_x, place->anchor_y, &bx, &by);
      cairo_new_path (cr);
      cairo_move_to (cr, place->anchor_x, place->anchor_y);
      cairo_line_to (cr, bx, by);
      stroke_with_halo (cr, style, colour_of (style, place->annotation), 1.5);
    }
  show_with_halo (cr, item->label_text, place->label.x0, place->label.y0, style,
                  style->palette->text);
}

void
atlas_cartography_draw_annotations (cairo_t                     *cr,
                                    const AtlasAnnotationLayout *layout)
{
  Style style;

  g_return_if_fail (cr != NULL && layout != NULL);

  style.palette = atlas_cartography_get_palette (layout->theme);
  style.dark = layout->theme == ATLAS_THEME_DARK;
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < layout->items->len; i++)
    {
      const AtlasAnnotationItem *item = &g_array_index (layout->items, AtlasAnnotationItem, i);

      if (item->place.annotation->kind == ATLAS_ANNOTATION_AREA)
        draw_area (cr, &style, item);
      else if (item->place.annotation->kind == ATLAS_ANNOTATION_ARROW)
        draw_arrow (cr, &style, item);
    }
  for (guint i = 0; i < layout->items->len; i++)
    {
      const AtlasAnnotationItem *item = &g_array_index (layout->items, AtlasAnnotationItem, i);

      if (item->place.annotation->kind == ATLAS_ANNOTATION_PIN)
        draw_pin (cr, &style, item);
      else if (item->place.annotation->kind == ATLAS_ANNOTATION_TEXT)
        draw_text_box (cr, &style, item);
    }
  for (guint i = 0; i < layout->items->len; i++)
    {
      const AtlasAnnotationItem *item = &g_array_index (layout->items, AtlasAnnotationItem, i);

      if (item->place.has_label)
        draw_label (cr, &style, item);
    }
  cairo_restore (cr);
}
