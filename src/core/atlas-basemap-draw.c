/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-basemap-private.h"

#include <math.h>
#include <pango/pangocairo.h>

/* Drawing the packed base map. Nothing here writes to shared state, so any number of threads
 * may draw at once, each on its own cairo_t (Pango layouts are made per call on that cairo_t,
 * with the calling thread's default font map).
 *
 * Land is the land rings (the union of all districts, see atlas-basemap-format.h) in one path
 * filled with the nonzero rule, so borders never leave seams. Before a ring reaches cairo it is clipped (Sutherland–Hodgman) to the surface plus
 * a margin; an arc whose box lies wholly beyond one edge contributes only its two ends, which
 * is exact for the fill inside the surface. A tile at zoom 15 therefore hands cairo a few dozen
 * points even when it lies inside a district with thousands.
 *
 * Names: whether a name shows at a zoom was decided at build time for the whole map, and each
 * name is placed by its world position rounded to a whole pixel of that zoom. A tile draws
 * every name whose box touches it, so a name that straddles tiles is drawn by both, and the
 * halves meet exactly. */

#define CLIP_MARGIN 4.0   /* surface units beyond the edges: covers strokes and antialiasing */
#define TINY_RING 0.5     /* rings smaller than this (surface units) both ways are not drawn */

typedef struct {
  double x;
  double y;
} Pt;

/* One drawing: packed coordinates to surface coordinates, and the clip rectangle. */
typedef struct {
  AtlasBasemap *map;
  const guint32 *arc_start;
  const float *points;
  double ox;                /* surface position of the packed origin */
  double oy;
  double scale;
  double x0, y0, x1, y1;    /* clip rectangle, surface units */
  AtlasPackedBBox clip;     /* the same in packed units */
  cairo_t *cr;
  AtlasRaster *raster;      /* lines straight into pixels, or NULL to stroke with cairo */
} Frame;

typedef struct {
  gboolean has_first;
  gboolean prev_in;
  Pt first;
  Pt prev;
} ClipStage;

typedef struct {
  const Frame *frame;
  ClipStage stage[4];
  guint n_out;
} Clipper;

static inline Pt
frame_point (const Frame *f,
             guint32      index)
{
  Pt p = { f->ox + f->points[2 * index] * f->scale, f->oy + f->points[2 * index + 1] * f->scale };

  return p;
}

static inline gboolean
bbox_meets_clip (const Frame           *f,
                 const AtlasPackedBBox *box)
{
  return box->max_x >= f->clip.min_x && box->min_x <= f->clip.max_x &&
         box->max_y >= f->clip.min_y && box->min_y <= f->clip.max_y;
}

static inline gboolean
bbox_inside_clip (const Frame           *f,
                  const AtlasPackedBBox *box)
{
  return box->min_x >= f->clip.min_x && box->max_x <= f->clip.max_x &&
         box->min_y >= f->clip.min_y && box->max_y <= f->clip.max_y;
}

static inline gboolean
stage_inside (const Frame *f,
              int          k,
              Pt           p)
{
  switch (k)
    {
    case 0: return p.x >= f->x0;
    case 1: return p.x <= f->x1;
    case 2: return p.y >= f->y0;
    default: return p.y <= f->y1;
    }
}

static inline Pt
stage_crossing (const Frame *f,
                int          k,
                Pt           a,
                Pt           b)
{
  Pt r;

  if (k < 2)
    {
      r.x = k == 0 ? f->x0 : f->x1;
      r.y = a.y + (r.x - a.x) * (b.y - a.y) / (b.x - a.x);
    }
  else
    {
      r.y = k == 2 ? f->y0 : f->y1;
      r.x = a.x + (r.y - a.y) * (b.x - a.x) / (b.y - a.y);
    }
  return r;
}

/* Streaming Sutherland–Hodgman: stage k clips against one edge and feeds stage k + 1; the
 * last stage appends to the cairo path. */
static void
clipper_push (Clipper *c,
              int      k,
              Pt       p)
{
  ClipStage *s;
  gboolean in;

  if (k == 4)
    {
      if (c->n_out++ == 0)
        cairo_move_to (c->frame->cr, p.x, p.y);
      else
        cairo_line_to (c->frame->cr, p.x, p.y);
      return;
    }

  s = &c->stage[k];
  in = stage_inside (c->frame, k, p);
  if (!s->has_first)
    {
      s->has_first = TRUE;
      s->first = p;
    }
  else if (in != s->prev_in)
    clipper_push (c, k + 1, stage_crossing (c->frame, k, s->prev, p));
  if (in)
    clipper_push (c, k + 1, p);
  s->prev = p;
  s->prev_in = in;
}

static void
clipper_close (Clipper *c)
{
  for (int k = 0; k < 4; k++)
    {
      ClipStage *s = &c->stage[k];
      if (s->has_first && stage_inside (c->frame, k, s->first) != s->prev_in)
        clipper_push (c, k + 1, stage_crossing (c->frame, k, s->prev, s->first));
    }
  if (c->n_out > 0)
    cairo_close_path (c->frame->cr);
}

static void
add_point (const Frame *f,
           Clipper     *clipper,
           gboolean     first,
           guint32      index)
{
  Pt p = frame_point (f, index);

  if (clipper != NULL)
    clipper_push (clipper, 0, p);
  else if (first)
    cairo_move_to (f->cr, p.x, p.y);
  else
    cairo_line_to (f->cr, p.x, p.y);
}

static void
add_ring (const Frame           *f,
          const AtlasPackedRing *ring)
{
  Clipper clipper = { f };
  Clipper *c = bbox_inside_clip (f, &ring->bbox) ? NULL : &clipper;

  for (guint i = 0; i < ring->n_refs; i++)
    {
      gint32 ref = f->map->arc_refs[ring->first_ref + i];
      guint32 a = ref >= 0 ? (guint32) ref : (guint32) ~ref;
      guint32 start = f->arc_start[a], last = f->arc_start[a + 1] - 1;

      if (c != NULL && !bbox_meets_clip (f, &f->map->arcs[a].bbox))
        {
          /* Wholly beyond one edge: its ends carry all the clip needs. */
          if (i == 0)
            add_point (f, c, TRUE, ref >= 0 ? start : last);
          add_point (f, c, FALSE, ref >= 0 ? last : start);
          continue;
        }
      for (guint32 j = (i == 0 ? 0 : 1); j <= last - start; j++)
        add_point (f, c, i == 0 && j == 0, ref >= 0 ? start + j : last - j);
    }
  if (c != NULL)
    clipper_close (c);
  else
    cairo_close_path (f->cr);
}

static inline guint
outcode (const Frame *f,
         Pt           p)
{
  return (p.x < f->x0) | (p.x > f->x1) << 1 | (p.y < f->y0) << 2 | (p.y > f->y1) << 3;
}

/* An open line, leaving out the runs of segments that are wholly beyond one edge. */
static void
add_arc_line (const Frame *f,
              guint32      a)
{
  guint32 start = f->arc_start[a], end = f->arc_start[a + 1];
  gboolean pen_down = FALSE;
  Pt prev = frame_point (f, start);
  guint prev_code = outcode (f, prev);

  for (guint32 i = start + 1; i < end; i++)
    {
      Pt p = frame_point (f, i);
      guint code = outcode (f, p);

      if ((code & prev_code) == 0)
        {
          if (!pen_down)
            cairo_move_to (f->cr, prev.x, prev.y);
          cairo_line_to (f->cr, p.x, p.y);
          pen_down = TRUE;
        }
      else
        pen_down = FALSE;
      prev = p;
      prev_code = code;
    }
}

static gboolean
ring_is_tiny (const Frame           *f,
              const AtlasPackedRing *ring)
{
  return (ring->bbox.max_x - ring->bbox.min_x) * f->scale < TINY_RING &&
         (ring->bbox.max_y - ring->bbox.min_y) * f->scale < TINY_RING;
}

static void
collect_arcs (const Frame           *f,
              const AtlasPackedRing *ring,
              guint                  r,
              guint32                kind,
              GArray                *arcs)
{
  for (guint i = 0; i < ring->n_refs; i++)
    {
      gint32 ref = f->map->arc_refs[ring->first_ref + i];
      guint32 a = ref >= 0 ? (guint32) ref : (guint32) ~ref;

      if (f->map->arcs[a].owner_ring == r && f->map->arcs[a].kind == kind &&
          bbox_meets_clip (f, &f->map->arcs[a].bbox))
        g_array_append_val (arcs, a);
    }
}

/* The land path from the land rings, and the coasts they own. */
static void
build_land (const Frame *f,
            GArray      *coasts)
{
  const AtlasPackedHeader *h = f->map->header;

  for (guint r = h->first_land_ring; r < h->n_rings; r++)
    {
      const AtlasPackedRing *ring = &f->map->rings[r];

      if (!bbox_meets_clip (f, &ring->bbox) || ring_is_tiny (f, ring))
        continue;
      add_ring (f, ring);
      collect_arcs (f, ring, r, ATLAS_PACKED_ARC_COAST, coasts);
    }
}

/* The borders between districts, each through the one district ring that owns it. */
static void
collect_borders (const Frame *f,
                 GArray      *borders)
{
  const AtlasPackedHeader *h = f->map->header;

  for (guint d = 0; d < h->n_districts; d++)
    {
      const AtlasPackedDistrict *district = &f->map->districts[d];

      if (!bbox_meets_clip (f, &district->bbox))
        continue;
      for (guint r = district->first_ring; r < district->first_ring + district->n_rings; r++)
        {
          const AtlasPackedRing *ring = &f->map->rings[r];

          if (bbox_meets_clip (f, &ring->bbox) && !ring_is_tiny (f, ring))
            collect_arcs (f, ring, r, ATLAS_PACKED_ARC_BORDER, borders);
        }
    }
}

static void
raster_arc_line (const Frame *f,
                 guint32      a)
{
  guint32 start = f->arc_start[a], end = f->arc_start[a + 1];
  Pt prev = frame_point (f, start);
  guint prev_code = outcode (f, prev);

  for (guint32 i = start + 1; i < end; i++)
    {
      Pt p = frame_point (f, i);
      guint code = outcode (f, p);

      if ((code & prev_code) == 0)
        _atlas_raster_line (f->raster, prev.x, prev.y, p.x, p.y);
      prev = p;
      prev_code = code;
    }
}

static void
stroke_arcs (const Frame  *f,
             GArray       *arcs,
             const double *rgb,
             double        width)
{
  if (arcs->len == 0)
    return;
  if (f->raster != NULL)
    {
      cairo_surface_t *target = cairo_get_target (f->cr);

      cairo_surface_flush (target);
      for (int c = 0; c < 3; c++)
        f->raster->rgb[c] = (guint8) (rgb[c] * 255 + 0.5);
      f->raster->line_width = width;
      for (guint i = 0; i < arcs->len; i++)
        raster_arc_line (f, g_array_index (arcs, guint32, i));
      cairo_surface_mark_dirty (target);
      return;
    }
  cairo_new_path (f->cr);
  for (guint i = 0; i < arcs->len; i++)
    add_arc_line (f, g_array_index (arcs, guint32, i));
  cairo_set_source_rgb (f->cr, rgb[0], rgb[1], rgb[2]);
  cairo_set_line_width (f->cr, width);
  cairo_stroke (f->cr);
}

static PangoLayout *
create_label_layout (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted, so a name cut by a tile edge has the same glyph positions on both sides. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_font_description_set_absolute_size (font, ATLAS_BASEMAP_LABEL_FONT_PX * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_context_changed (layout);
  return layout;
}

static void
draw_labels (const Frame               *f,
             const AtlasView           *view,
             const AtlasBasemapPalette *palette,
             guint                      zoom)
{
  const AtlasPackedHeader *h = f->map->header;
  g_autoptr(PangoLayout) layout = NULL;

  for (guint d = 0; d < h->n_districts; d++)
    {
      const AtlasPackedDistrict *district = &f->map->districts[d];
      double wx, wy, lx, ly;
      PangoRectangle ink, logical;

      if (district->label_min_zoom == 0 || district->label_min_zoom > zoom)
        continue;
      /* World pixel first, rounded, so that every tile puts the name at the same place. */
      wx = round ((h->origin_x + district->label_x) * f->scale);
      wy = round ((h->origin_y + district->label_y) * f->scale);
      lx = wx - view->origin_x * f->scale;
      ly = wy - view->origin_y * f->scale;
      if (lx + district->label_width < f->x0 || lx - district->label_width > f->x1 ||
          ly + district->label_height < f->y0 || ly - district->label_height > f->y1)
        continue;

      if (layout == NULL)
        {
          layout = create_label_layout (f->cr);
          cairo_set_line_join (f->cr, CAIRO_LINE_JOIN_ROUND);
        }
      pango_layout_set_text (layout, f->map->strings + district->name_offset, -1);
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      lx -= floor (logical.width / 2.0) + logical.x;
      ly -= floor (logical.height / 2.0) + logical.y;

      /* No halo: the lines under a name are faint, and a halo (the glyph outlines stroked)
       * would cost more than the rest of the tile. */
      cairo_move_to (f->cr, lx, ly);
      cairo_set_source_rgb (f->cr, palette->text[0], palette->text[1], palette->text[2]);
      pango_cairo_show_layout (f->cr, layout);
    }
}

static guint
level_for_zoom (AtlasBasemap *self,
                double        zoom)
{
  guint need = (guint) MAX (ceil (zoom - 0.01), 0);

  for (guint l = 0; l < ATLAS_BASEMAP_N_LEVELS; l++)
    if (self->header->level_max_zoom[l] >= need)
      return l;
  return ATLAS_BASEMAP_N_LEVELS - 1;
}

static void
draw_frame (AtlasBasemap      *self,
            cairo_t           *cr,
            const AtlasView   *view,
            AtlasBasemapStyle  style,
            AtlasRaster       *raster)
{
  const AtlasBasemapPalette *palette = _atlas_basemap_palette (style);
  g_autoptr(GArray) borders = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) coasts = g_array_new (FALSE, FALSE, sizeof (guint32));
  double zoom = atlas_view_get_zoom (view);
  guint level;
  Frame f;

  level = level_for_zoom (self, zoom);
  f.map = self;
  f.cr = cr;
  f.raster = raster;
  f.arc_start = self->arc_start[level];
  f.points = self->points[level];
  f.scale = view->scale;
  f.ox = (self->header->origin_x - view->origin_x) * view->scale;
  f.oy = (self->header->origin_y - view->origin_y) * view->scale;
  f.x0 = -CLIP_MARGIN;
  f.y0 = -CLIP_MARGIN;
  f.x1 = view->width + CLIP_MARGIN;
  f.y1 = view->height + CLIP_MARGIN;
  f.clip.min_x = (f.x0 - f.ox) / f.scale;
  f.clip.min_y = (f.y0 - f.oy) / f.scale;
  f.clip.max_x = (f.x1 - f.ox) / f.scale;
  f.clip.max_y = (f.y1 - f.oy) / f.scale;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, palette->sea[0], palette->sea[1], palette->sea[2]);
  cairo_paint (cr);

  build_land (&f, coasts);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_source_rgb (cr, palette->land[0], palette->land[1], palette->land[2]);
  cairo_fill (cr);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  collect_borders (&f, borders);
  stroke_arcs (&f, borders, palette->border,
               zoom < 8 ? palette->border_width * 0.7 : palette->border_width);
  stroke_arcs (&f, coasts, palette->coast, palette->coast_width);

  if (zoom >= ATLAS_BASEMAP_LABEL_MIN_ZOOM - 0.01)
    draw_labels (&f, view, palette, (guint) floor (zoom + 0.01));
  cairo_restore (cr);
}

void
atlas_basemap_draw (AtlasBasemap      *self,
                    cairo_t           *cr,
                    const AtlasView   *view,
                    AtlasBasemapStyle  style)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL && view->scale > 0);

  draw_frame (self, cr, view, style, NULL);
}

void
_atlas_basemap_render_view (AtlasBasemap      *self,
                            AtlasBasemapStyle  style,
                            const AtlasView   *view,
                            guint8            *pixels,
                            int                stride)
{
  AtlasRaster raster = { pixels, stride, (int) view->width, (int) view->height };
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32, raster.width,
                                                 raster.height, stride);
  cr = cairo_create (surface);
  draw_frame (self, cr, view, style, &raster);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

void
atlas_basemap_render_tile (AtlasBasemap      *self,
                           AtlasBasemapStyle  style,
                           int                zoom,
                           int                tile_x,
                           int                tile_y,
                           guint8            *pixels,
                           int                stride)
{
  AtlasView view;

  g_return_if_fail (self != NULL);
  g_return_if_fail (pixels != NULL);
  g_return_if_fail (stride >= 256 * 4);

  atlas_view_init_tile (&view, zoom, tile_x, tile_y);
  _atlas_basemap_render_view (self, style, &view, pixels, stride);
}
