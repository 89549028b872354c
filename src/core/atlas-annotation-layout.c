/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-annotation-layout-private.h"

#include <math.h>

/* Room kept around a site symbol, and between a label and what it stands beside. */
#define SITE_CLEARANCE 7.0
#define GAP            4.0
/* How far a callout's label stands from its anchor. */
#define CALLOUT_REACH  46.0
/* How near (in surface units) a press must be to an arrow or an outline to take it. */
#define HIT_SLOP       6.0

static void
clear_item (gpointer data)
{
  AtlasAnnotationItem *item = data;

  g_clear_object (&item->label_text);
  g_clear_object (&item->body);
  g_free (item->surface);
}

static PangoLayout *
create_text (cairo_t    *cr,
             const char *font,
             const char *text,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  return layout;
}

static gboolean
boxes_overlap (const AtlasAnnotationBox *a,
               const AtlasAnnotationBox *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static gboolean
box_clear (const AtlasAnnotationBox *box,
           GArray                   *taken,
           const AtlasView          *view)
{
  if (box->x0 < 0 || box->y0 < 0 || box->x1 > view->width || box->y1 > view->height)
    return FALSE;
  for (guint i = 0; i < taken->len; i++)
    if (boxes_overlap (box, &g_array_index (taken, AtlasAnnotationBox, i)))
      return FALSE;
  return TRUE;
}

static void
box_extend (AtlasAnnotationBox *box,
            double              x,
            double              y)
{
  box->x0 = MIN (box->x0, x);
  box->y0 = MIN (box->y0, y);
  box->x1 = MAX (box->x1, x);
  box->y1 = MAX (box->y1, y);
}

/* The centre of an outline (of its area, in surface units), for its label. */
static void
outline_centre (const AtlasPoint *p,
                guint             n,
                double           *cx,
                double           *cy)
{
  double area = 0, x = 0, y = 0;

  for (guint i = 0; i < n; i++)
    {
      const AtlasPoint *a = &p[i], *b = &p[(i + 1) % n];
      double cross = a->x * b->y - b->x * a->y;

      area += cross;
      x += (a->x + b->x) * cross;
      y += (a->y + b->y) * cross;
    }
  if (fabs (area) < 1e-9)
    {
      AtlasAnnotationBox box = { p[0].x, p[0].y, p[0].x, p[0].y };

      for (guint i = 1; i < n; i++)
        box_extend (&box, p[i].x, p[i].y);
      *cx = (box.x0 + box.x1) / 2;
      *cy = (box.y0 + box.y1) / 2;
      return;
    }
  *cx = x / (3 * area);
  *cy = y / (3 * area);
}

/* The symbol's box and the point its label belongs to. */
static void
place_symbol (AtlasAnnotationItem *item)
{
  const AtlasAnnotation *a = item->place.annotation;
  AtlasAnnotationPlace *place = &item->place;
  const AtlasPoint *p = item->surface;

  switch (a->kind)
    {
    case ATLAS_ANNOTATION_PIN:
      place->anchor_x = p[0].x;
      place->anchor_y = p[0].y - ANNOTATION_PIN_HEIGHT;
      place->symbol = (AtlasAnnotationBox) {
        p[0].x - ANNOTATION_PIN_RADIUS - 1, place->anchor_y - ANNOTATION_PIN_RADIUS - 1,
        p[0].x + ANNOTATION_PIN_RADIUS + 1, p[0].y + 1 };
      break;
    case ATLAS_ANNOTATION_TEXT:
      {
        int w, h;

        pango_layout_get_pixel_size (item->body, &w, &h);
        place->anchor_x = p[0].x;
        place->anchor_y = p[0].y;
        place->symbol = (AtlasAnnotationBox) {
          p[0].x - w / 2.0 - ANNOTATION_TEXT_PAD, p[0].y - h / 2.0 - ANNOTATION_TEXT_PAD,
          p[0].x + w / 2.0 + ANNOTATION_TEXT_PAD, p[0].y + h / 2.0 + ANNOTATION_TEXT_PAD };
      }
      break;
    case ATLAS_ANNOTATION_ARROW:
    case ATLAS_ANNOTATION_AREA:
    default:
      place->symbol = (AtlasAnnotationBox) { p[0].x, p[0].y, p[0].x, p[0].y };
      for (guint i = 1; i < a->n_points; i++)
        box_extend (&place->symbol, p[i].x, p[i].y);
      if (a->kind == ATLAS_ANNOTATION_ARROW)
        {
          place->anchor_x = p[0].x;
          place->anchor_y = p[0].y;
        }
      else
        outline_centre (p, a->n_points, &place->anchor_x, &place->anchor_y);
      break;
    }
}

static void
label_size (const AtlasAnnotationItem *item,
            double                    *w,
            double                    *h)
{
  int lw = 0, lh = 0;

  pango_layout_get_pixel_size (item->label_text, &lw, &lh);
  *w = lw;
  *h = lh;
}

/* Places the label of item in the first free spot beside its anchor, else in the first free
 * spot further out (a callout), else beside it anyway. */
static void
place_label (AtlasAnnotationItem *item,
             const AtlasView     *view,
             GArray              *taken)
{
  AtlasAnnotationPlace *place = &item->place;
  AtlasAnnotationKind kind = place->annotation->kind;
  double ax = place->anchor_x, ay = place->anchor_y, w, h, near, flip = 1.0;
  /* Offsets of the label's centre, in multiples of its half size plus `near`. */
  static const struct { double dx, dy; } beside[] = {
    { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 }, { 0, 0 },
  };
  static const struct { double dx, dy; } further[] = {
    { 1, -1 }, { -1, -1 }, { 1, 1 }, { -1, 1 }, { 0, -1.4 }, { 0, 1.4 }, { 1.4, 0 }, { -1.4, 0 },
  };

  label_size (item, &w, &h);
  near = kind == ATLAS_ANNOTATION_PIN ? ANNOTATION_PIN_RADIUS + GAP : GAP;
  /* An arrow's label goes behind its tail first: the head points away from it. */
  if (kind == ATLAS_ANNOTATION_ARROW && item->surface[1].x > item->surface[0].x)
    flip = -1.0;

  for (guint k = 0; k < G_N_ELEMENTS (beside); k++)
    {
      double cx, cy;

      /* An area's label sits on its centre; the others beside their anchor. */
      if ((kind == ATLAS_ANNOTATION_AREA) != (k == G_N_ELEMENTS (beside) - 1))
        continue;
      cx = ax + flip * beside[k].dx * (w / 2 + near);
      cy = ay + beside[k].dy * (h / 2 + near);
      place->label = (AtlasAnnotationBox) { cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2 };
      if (box_clear (&place->label, taken, view))
        return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (further); k++)
    {
      double cx = ax + flip * further[k].dx * (w / 2 + CALLOUT_REACH);
      double cy = ay + further[k].dy * (h / 2 + CALLOUT_REACH * 0.6);
      AtlasAnnotationBox box = { cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2 };

      if (box_clear (&box, taken, view))
        {
          place->label = box;
          place->callout = TRUE;
          return;
        }
    }
  /* Nowhere free: beside it all the same, so that it is never lost. */
  if (kind == ATLAS_ANNOTATION_AREA)
    place->label = (AtlasAnnotationBox) { ax - w / 2, ay - h / 2, ax + w / 2, ay + h / 2 };
  else
    {
      double x0 = flip > 0 ? ax + near : ax - near - w;

      place->label = (AtlasAnnotationBox) { x0, ay - h / 2, x0 + w, ay + h / 2 };
    }
}

static void
add_site_obstacles (GArray                        *taken,
                    const AtlasView               *view,
                    AtlasDataset                  *dataset,
                    const AtlasCartographyOptions *options)
{
  const AtlasSite *sites;
  guint n = 0;

  if (dataset == NULL || !options->sites)
    return;
  sites = atlas_dataset_get_sites (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      double wx, wy, x, y;
      AtlasAnnotationBox box;

      atlas_project (sites[i].lon, sites[i].lat, &wx, &wy);
      atlas_view_world_to_surface (view, wx, wy, &x, &y);
      box = (AtlasAnnotationBox) { x - SITE_CLEARANCE, y - SITE_CLEARANCE,
                                   x + SITE_CLEARANCE, y + SITE_CLEARANCE };
      g_array_append_val (taken, box);
    }
}

static void
init_item (AtlasAnnotationItem   *item,
           cairo_t               *cr,
           const AtlasView       *view,
           const AtlasAnnotation *annotation)
{
  item->place.annotation = annotation;
  item->surface = g_new (AtlasPoint, MAX (annotation->n_points, 1));
  for (guint p = 0; p < annotation->n_points; p++)
    {
      double wx, wy;

      atlas_project (annotation->points[p].x, annotation->points[p].y, &wx, &wy);
      atlas_view_world_to_surface (view, wx, wy, &item->surface[p].x, &item->surface[p].y);
    }
  if (annotation->kind == ATLAS_ANNOTATION_TEXT)
    item->body = create_text (cr, ANNOTATION_TEXT_FONT, annotation->label, ANNOTATION_TEXT_WIDTH);
  else if (annotation->label != NULL)
    item->label_text = create_text (cr, ANNOTATION_LABEL_FONT, annotation->label,
                                    ANNOTATION_LABEL_WIDTH);
  place_symbol (item);
}

AtlasAnnotationLayout *
atlas_annotation_layout_new (cairo_t                       *cr,
                             const AtlasView               *view,
                             AtlasDataset                  *dataset,
                             const AtlasCartographyOptions *options)
{
  AtlasAnnotationLayout *self;
  g_autoptr(GArray) taken = NULL;
  guint n;

  g_return_val_if_fail (cr != NULL && view != NULL && options != NULL, NULL);

  self = g_new0 (AtlasAnnotationLayout, 1);
  self->view = *view;
  self->theme = options->theme;
  self->items = g_array_new (FALSE, TRUE, sizeof (AtlasAnnotationItem));
  g_array_set_clear_func (self->items, clear_item);
  n = atlas_annotation_set_get_n (options->annotations);
  if (n == 0)
    return self;

  g_array_set_size (self->items, n);
  taken = g_array_new (FALSE, FALSE, sizeof (AtlasAnnotationBox));
  add_site_obstacles (taken, view, dataset, options);
  /* Every symbol first: a label never covers a pin or a text box, whatever their order. */
  for (guint i = 0; i < n; i++)
    {
      AtlasAnnotationItem *item = &g_array_index (self->items, AtlasAnnotationItem, i);

      init_item (item, cr, view, atlas_annotation_set_get (options->annotations, i));
      if (item->place.annotation->kind == ATLAS_ANNOTATION_PIN
          || item->place.annotation->kind == ATLAS_ANNOTATION_TEXT)
        g_array_append_val (taken, item->place.symbol);
    }
  for (guint i = 0; i < n; i++)
    {
      AtlasAnnotationItem *item = &g_array_index (self->items, AtlasAnnotationItem, i);

      if (item->label_text == NULL)
        continue;
      item->place.has_label = TRUE;
      place_label (item, view, taken);
      g_array_append_val (taken, item->place.label);
    }
  return self;
}

void
atlas_annotation_layout_free (AtlasAnnotationLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_free (self);
}

guint
atlas_annotation_layout_get_n (const AtlasAnnotationLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

const AtlasAnnotationPlace *
atlas_annotation_layout_get (const AtlasAnnotationLayout *self,
                             guint                        i)
{
  g_return_val_if_fail (self != NULL && i < self->items->len, NULL);
  return &g_array_index (self->items, AtlasAnnotationItem, i).place;
}

static gboolean
box_contains (const AtlasAnnotationBox *box,
              double                    x,
              double                    y,
              double                    slop)
{
  return x >= box->x0 - slop && x <= box->x1 + slop && y >= box->y0 - slop && y <= box->y1 + slop;
}

static double
segment_distance (const AtlasPoint *a,
                  const AtlasPoint *b,
                  double            x,
                  double            y)
{
  double dx = b->x - a->x, dy = b->y - a->y, len2 = dx * dx + dy * dy, t = 0;

  if (len2 > 0)
    t = CLAMP (((x - a->x) * dx + (y - a->y) * dy) / len2, 0, 1);
  return hypot (a->x + t * dx - x, a->y + t * dy - y);
}

static gboolean
item_hit (const AtlasAnnotationItem *item,
          double                     x,
          double                     y)
{
  const AtlasAnnotation *a = item->place.annotation;
  guint n = a->n_points;

  if (item->place.has_label && box_contains (&item->place.label, x, y, 0))
    return TRUE;
  switch (a->kind)
    {
    case ATLAS_ANNOTATION_PIN:
    case ATLAS_ANNOTATION_TEXT:
      return box_contains (&item->place.symbol, x, y, 0);
    case ATLAS_ANNOTATION_ARROW:
      return segment_distance (&item->surface[0], &item->surface[1], x, y) <= HIT_SLOP;
    case ATLAS_ANNOTATION_AREA:
    default:
      for (guint i = 0; i < n; i++)
        if (segment_distance (&item->surface[i], &item->surface[(i + 1) % n], x, y) <= HIT_SLOP)
          return TRUE;
      return atlas_ring_contains (item->surface, n, x, y);
    }
}

int
atlas_annotation_layout_hit (const AtlasAnnotationLayout *self,
                             double                       x,
                             double                       y)
{
  g_return_val_if_fail (self != NULL, -1);

  /* Pins, text boxes and labels are drawn over lines and outlines. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = self->items->len; i-- > 0;)
      {
        const AtlasAnnotationItem *item = &g_array_index (self->items, AtlasAnnotationItem, i);
        gboolean on_top = item->place.annotation->kind == ATLAS_ANNOTATION_PIN
                          || item->place.annotation->kind == ATLAS_ANNOTATION_TEXT
                          || item->place.has_label;

        if ((pass == 0) == on_top && item_hit (item, x, y))
          return (int) i;
      }
  return -1;
}

GArray *
atlas_annotation_layout_get_boxes (const AtlasAnnotationLayout *self)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_val_if_fail (self != NULL, boxes);

  for (guint i = 0; i < self->items->len; i++)
    {
      const AtlasAnnotationPlace *place = atlas_annotation_layout_get (self, i);

      /* An area's or an arrow's extent is mostly map: names may sit inside it. */
      if (place->annotation->kind == ATLAS_ANNOTATION_PIN
          || place->annotation->kind == ATLAS_ANNOTATION_TEXT)
        g_array_append_vals (boxes, &place->symbol, 4);
      if (place->has_label)
        g_array_append_vals (boxes, &place->label, 4);
    }
  return boxes;
}

void
atlas_cartography_draw_labels_around (cairo_t                       *cr,
                                      const AtlasView               *view,
                                      AtlasDataset                  *dataset,
                                      const AtlasCartographyOptions *options,
                                      const AtlasAnnotationLayout   *layout,
                                      const double                  *boxes,
                                      guint                          n_boxes)
{
  g_autoptr(GArray) all = NULL;

  g_return_if_fail (cr != NULL && view != NULL && options != NULL);

  all = layout != NULL ? atlas_annotation_layout_get_boxes (layout)
                       : g_array_new (FALSE, FALSE, sizeof (double));
  if (boxes != NULL)
    g_array_append_vals (all, boxes, 4 * n_boxes);
  atlas_cartography_draw_labels_avoiding (cr, view, dataset, options, (const double *) all->data,
                                          all->len / 4);
}
