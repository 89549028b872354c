/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-basemap-private.h"

#include <math.h>

/* Thin antialiased lines written straight into an ARGB32 tile.
 *
 * cairo 1.16 rasterises a stroke of a few thousand short segments in several milliseconds
 * (every segment becomes polygon edges for its scan converter), which is most of the cost of
 * a tile at zooms 6 to 9. The base map's lines are thin (under two pixels) and of one colour,
 * so tiles draw them here instead: for each step along the line's major axis, the line covers
 * an interval of the minor axis as long as its width divided by the cosine of its slope, and
 * each pixel gets the part of that interval it holds (a box filter). Steps are half-open at
 * the segment ends, so joined segments do not paint their shared pixel twice. Vector output
 * (exports) still strokes with cairo. */

static inline void
blend_pixel (guint8       *pixels,
             int           stride,
             int           x,
             int           y,
             const guint8 *rgb,
             double        alpha)
{
  guint32 *p = (guint32 *) (pixels + (gsize) y * stride) + x;
  guint32 v = *p;
  guint a = (guint) (alpha * 256.0 + 0.5);
  guint inv = 256 - MIN (a, 256);
  guint da = v >> 24, dr = (v >> 16) & 0xff, dg = (v >> 8) & 0xff, db = v & 0xff;

  a = MIN (a, 256);
  da = (da * inv + 255 * a) >> 8;
  dr = (dr * inv + rgb[0] * a) >> 8;
  dg = (dg * inv + rgb[1] * a) >> 8;
  db = (db * inv + rgb[2] * a) >> 8;
  *p = da << 24 | dr << 16 | dg << 8 | db;
}

void
_atlas_raster_line (AtlasRaster  *raster,
                    double        x0,
                    double        y0,
                    double        x1,
                    double        y1)
{
  double dx = x1 - x0, dy = y1 - y0;
  gboolean steep = fabs (dy) > fabs (dx);
  double major0, major1, minor0, slope, thickness, len;
  int i0, i1, limit_major, limit_minor;

  if (dx == 0 && dy == 0)
    return;
  len = sqrt (dx * dx + dy * dy);
  if (steep)
    {
      major0 = y0, major1 = y1, minor0 = x0, slope = dx / dy;
      thickness = raster->line_width * len / fabs (dy);
      limit_major = raster->height, limit_minor = raster->width;
    }
  else
    {
      major0 = x0, major1 = x1, minor0 = y0, slope = dy / dx;
      thickness = raster->line_width * len / fabs (dx);
      limit_major = raster->width, limit_minor = raster->height;
    }

  /* Pixel i (centre i + 0.5) belongs to the segment when its centre is in [start, end). */
  if (major0 <= major1)
    {
      i0 = (int) ceil (major0 - 0.5);
      i1 = (int) ceil (major1 - 0.5) - 1;
    }
  else
    {
      i0 = (int) floor (major1 - 0.5) + 1;
      i1 = (int) floor (major0 - 0.5);
    }
  i0 = MAX (i0, 0);
  i1 = MIN (i1, limit_major - 1);

  for (int i = i0; i <= i1; i++)
    {
      double c = minor0 + (i + 0.5 - major0) * slope;
      double lo = c - thickness / 2, hi = c + thickness / 2;
      int j0 = MAX ((int) floor (lo), 0), j1 = MIN ((int) floor (hi), limit_minor - 1);

      for (int j = j0; j <= j1; j++)
        {
          double cover = MIN (hi, j + 1.0) - MAX (lo, (double) j);

          if (cover <= 0)
            continue;
          if (steep)
            blend_pixel (raster->pixels, raster->stride, j, i, raster->rgb, MIN (cover, 1.0));
          else
            blend_pixel (raster->pixels, raster->stride, i, j, raster->rgb, MIN (cover, 1.0));
        }
    }
}
