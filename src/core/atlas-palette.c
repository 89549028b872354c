/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-palette.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Ramps for 3 to 7 classes (row n - 3), lowest class first. */
typedef guint32 Ramps[5][ATLAS_PALETTE_MAX_CLASSES];

struct _AtlasPalette {
  const char *name;
  const char *title;
  AtlasPaletteKind kind;
  const Ramps *ramps;          /* ColorBrewer and viridis */
  const guint32 *two;          /* viridis has its own 2-class pair */
  const guint32 *categories;   /* the categorical palette: ATLAS_PALETTE_MAX_CLASSES colours */
};

static const Ramps ylgnbu = {
  { 0xedf8b1, 0x7fcdbb, 0x2c7fb8 },
  { 0xffffcc, 0xa1dab4, 0x41b6c4, 0x225ea8 },
  { 0xffffcc, 0xa1dab4, 0x41b6c4, 0x2c7fb8, 0x253494 },
  { 0xffffcc, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x2c7fb8, 0x253494 },
  { 0xffffcc, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x1d91c0, 0x225ea8, 0x0c2c84 },
};

static const Ramps blues = {
  { 0xdeebf7, 0x9ecae1, 0x3182bd },
  { 0xeff3ff, 0xbdd7e7, 0x6baed6, 0x2171b5 },
  { 0xeff3ff, 0xbdd7e7, 0x6baed6, 0x3182bd, 0x08519c },
  { 0xeff3ff, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x3182bd, 0x08519c },
  { 0xeff3ff, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x084594 },
};

static const Ramps purples = {
  { 0xefedf5, 0xbcbddc, 0x756bb1 },
  { 0xf2f0f7, 0xcbc9e2, 0x9e9ac8, 0x6a51a3 },
  { 0xf2f0f7, 0xcbc9e2, 0x9e9ac8, 0x756bb1, 0x54278f },
  { 0xf2f0f7, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x756bb1, 0x54278f },
  { 0xf2f0f7, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x807dba, 0x6a51a3, 0x4a1486 },
};

static const Ramps oranges = {
  { 0xfee6ce, 0xfdae6b, 0xe6550d },
  { 0xfeedde, 0xfdbe85, 0xfd8d3c, 0xd94701 },
  { 0xfeedde, 0xfdbe85, 0xfd8d3c, 0xe6550d, 0xa63603 },
  { 0xfeedde, 0xfdd0a2, 0xfdae6b, 0xfd8d3c, 0xe6550d, 0xa63603 },
  { 0xfeedde, 0xfdd0a2, 0xfdae6b, 0xfd8d3c, 0xf16913, 0xd94801, 0x8c2d04 },
};

static const Ramps greens = {
  { 0xe5f5e0, 0xa1d99b, 0x31a354 },
  { 0xedf8e9, 0xbae4b3, 0x74c476, 0x238b45 },
  { 0xedf8e9, 0xbae4b3, 0x74c476, 0x31a354, 0x006d2c },
  { 0xedf8e9, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x31a354, 0x006d2c },
  { 0xedf8e9, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x005a32 },
};

static const Ramps ylorrd = {
  { 0xffeda0, 0xfeb24c, 0xf03b20 },
  { 0xffffb2, 0xfecc5c, 0xfd8d3c, 0xe31a1c },
  { 0xffffb2, 0xfecc5c, 0xfd8d3c, 0xf03b20, 0xbd0026 },
  { 0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xf03b20, 0xbd0026 },
  { 0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026 },
};

static const Ramps rdbu = {
  { 0xef8a62, 0xf7f7f7, 0x67a9cf },
  { 0xca0020, 0xf4a582, 0x92c5de, 0x0571b0 },
  { 0xca0020, 0xf4a582, 0xf7f7f7, 0x92c5de, 0x0571b0 },
  { 0xb2182b, 0xef8a62, 0xfddbc7, 0xd1e5f0, 0x67a9cf, 0x2166ac },
  { 0xb2182b, 0xef8a62, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x67a9cf, 0x2166ac },
};

static const Ramps puor = {
  { 0xf1a340, 0xf7f7f7, 0x998ec3 },
  { 0xe66101, 0xfdb863, 0xb2abd2, 0x5e3c99 },
  { 0xe66101, 0xfdb863, 0xf7f7f7, 0xb2abd2, 0x5e3c99 },
  { 0xb35806, 0xf1a340, 0xfee0b6, 0xd8daeb, 0x998ec3, 0x542788 },
  { 0xb35806, 0xf1a340, 0xfee0b6, 0xf7f7f7, 0xd8daeb, 0x998ec3, 0x542788 },
};

static const Ramps brbg = {
  { 0xd8b365, 0xf5f5f5, 0x5ab4ac },
  { 0xa6611a, 0xdfc27d, 0x80cdc1, 0x018571 },
  { 0xa6611a, 0xdfc27d, 0xf5f5f5, 0x80cdc1, 0x018571 },
  { 0x8c510a, 0xd8b365, 0xf6e8c3, 0xc7eae5, 0x5ab4ac, 0x01665e },
  { 0x8c510a, 0xd8b365, 0xf6e8c3, 0xf5f5f5, 0xc7eae5, 0x5ab4ac, 0x01665e },
};

static const Ramps viridis = {
  { 0x440154, 0x21908c, 0xfde725 },
  { 0x440154, 0x31688e, 0x35b779, 0xfde725 },
  { 0x440154, 0x3b528b, 0x21908c, 0x5dc863, 0xfde725 },
  { 0x440154, 0x414487, 0x2a788e, 0x22a884, 0x7ad151, 0xfde725 },
  { 0x440154, 0x443a83, 0x31688e, 0x21908c, 0x35b779, 0x8fd744, 0xfde725 },
};
static const guint32 viridis_two[2] = { 0x440154, 0xfde725 };

static const guint32 okabe_ito[ATLAS_PALETTE_MAX_CLASSES] = {
  0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7,
};

static const AtlasPalette palettes[] = {
  { "ylgnbu", N_("Yellow, green, blue"), ATLAS_PALETTE_SEQUENTIAL, &ylgnbu, NULL, NULL },
  { "blues", N_("Blues"), ATLAS_PALETTE_SEQUENTIAL, &blues, NULL, NULL },
  { "purples", N_("Purples"), ATLAS_PALETTE_SEQUENTIAL, &purples, NULL, NULL },
  { "oranges", N_("Oranges"), ATLAS_PALETTE_SEQUENTIAL, &oranges, NULL, NULL },
  { "greens", N_("Greens"), ATLAS_PALETTE_SEQUENTIAL, &greens, NULL, NULL },
  { "ylorrd", N_("Yellow, orange, red"), ATLAS_PALETTE_SEQUENTIAL, &ylorrd, NULL, NULL },
  { "viridis", N_("Viridis"), ATLAS_PALETTE_SEQUENTIAL, &viridis, viridis_two, NULL },
  { "rdbu", N_("Red to blue"), ATLAS_PALETTE_DIVERGING, &rdbu, NULL, NULL },
  { "puor", N_("Orange to purple"), ATLAS_PALETTE_DIVERGING, &puor, NULL, NULL },
  { "brbg", N_("Brown to teal"), ATLAS_PALETTE_DIVERGING, &brbg, NULL, NULL },
  { "okabe-ito", N_("Okabe and Ito"), ATLAS_PALETTE_CATEGORICAL, NULL, NULL, okabe_ito },
};

static const AtlasPalette *palette_list[] = {
  &palettes[0], &palettes[1], &palettes[2], &palettes[3], &palettes[4], &palettes[5],
  &palettes[6], &palettes[7], &palettes[8], &palettes[9], &palettes[10], NULL,
};
G_STATIC_ASSERT (G_N_ELEMENTS (palette_list) == G_N_ELEMENTS (palettes) + 1);

/* Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB. */
static const double dichromacy[3][3][3] = {
  [ATLAS_VISION_PROTANOPIA] = {
    { 0.152286, 1.052583, -0.204868 },
    { 0.114503, 0.786281, 0.099216 },
    { -0.003882, -0.048116, 1.051998 },
  },
  [ATLAS_VISION_DEUTERANOPIA] = {
    { 0.367322, 0.860646, -0.227968 },
    { 0.280085, 0.672501, 0.047413 },
    { -0.011820, 0.042940, 0.968881 },
  },
  [ATLAS_VISION_TRITANOPIA] = {
    { 1.255528, -0.076749, -0.178779 },
    { -0.078411, 0.930809, 0.147602 },
    { 0.004733, 0.691367, 0.303900 },
  },
};

static const char * const vision_names[ATLAS_VISION_N] = {
  "protanopia", "deuteranopia", "tritanopia", "greyscale",
};

static double
srgb_to_linear (guint8 c)
{
  double v = c / 255.0;

  return v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

static guint8
linear_to_srgb (double v)
{
  v = CLAMP (v, 0.0, 1.0);
  v = v <= 0.0031308 ? v * 12.92 : 1.055 * pow (v, 1 / 2.4) - 0.055;
  return (guint8) lround (v * 255.0);
}

static void
to_linear (guint32  colour,
           double  *rgb)
{
  rgb[0] = srgb_to_linear ((colour >> 16) & 0xff);
  rgb[1] = srgb_to_linear ((colour >> 8) & 0xff);
  rgb[2] = srgb_to_linear (colour & 0xff);
}

static void
simulate_linear (const double *in,
                 AtlasVision   vision,
                 double       *out)
{
  if (vision == ATLAS_VISION_GREYSCALE)
    {
      out[0] = out[1] = out[2] = 0.2126 * in[0] + 0.7152 * in[1] + 0.0722 * in[2];
      return;
    }
  for (int i = 0; i < 3; i++)
    {
      const double *m = dichromacy[vision][i];

      out[i] = CLAMP (m[0] * in[0] + m[1] * in[1] + m[2] * in[2], 0.0, 1.0);
    }
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

/* CIE L*a*b* (D65) of a linear sRGB colour. */
static void
linear_to_lab (const double *rgb,
               double       *lab)
{
  double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
  double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
  double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
  double fx = lab_f (x / 0.95047), fy = lab_f (y), fz = lab_f (z / 1.08883);

  lab[0] = 116.0 * fy - 16.0;
  lab[1] = 500.0 * (fx - fy);
  lab[2] = 200.0 * (fy - fz);
}

static double
degrees (double radians)
{
  double d = radians * 180.0 / G_PI;

  return d < 0 ? d + 360.0 : d;
}

static double
radians (double deg)
{
  return deg * G_PI / 180.0;
}

/* Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula". */
static double
ciede2000 (const double *lab1,
           const double *lab2)
{
  double c1 = hypot (lab1[1], lab1[2]), c2 = hypot (lab2[1], lab2[2]);
  double c_mean7 = pow ((c1 + c2) / 2.0, 7.0);
  double g = 0.5 * (1.0 - sqrt (c_mean7 / (c_mean7 + pow (25.0, 7.0))));
  double a1 = (1.0 + g) * lab1[1], a2 = (1.0 + g) * lab2[1];
  double cp1 = hypot (a1, lab1[2]), cp2 = hypot (a2, lab2[2]);
  double hp1 = (a1 == 0 && lab1[2] == 0) ? 0 : degrees (atan2 (lab1[2], a1));
  double hp2 = (a2 == 0 && lab2[2] == 0) ? 0 : degrees (atan2 (lab2[2], a2));
  double dl = lab2[0] - lab1[0], dc = cp2 - cp1, dh = 0, h_mean;
  double l_mean = (lab1[0] + lab2[0]) / 2.0, c_mean = (cp1 + cp2) / 2.0;
  double t, d_theta, rc, sl, sc, sh, rt, c_mean_p7;

  if (cp1 * cp2 != 0)
    {
      dh = hp2 - hp1;
      if (dh > 180.0)
        dh -= 360.0;
      else if (dh < -180.0)
        dh += 360.0;
    }
  dh = 2.0 * sqrt (cp1 * cp2) * sin (radians (dh / 2.0));

  if (cp1 * cp2 == 0)
    h_mean = hp1 + hp2;
  else if (fabs (hp1 - hp2) <= 180.0)
    h_mean = (hp1 + hp2) / 2.0;
  else if (hp1 + hp2 < 360.0)
    h_mean = (hp1 + hp2 + 360.0) / 2.0;
  else
    h_mean = (hp1 + hp2 - 360.0) / 2.0;

  t = 1.0 - 0.17 * cos (radians (h_mean - 30.0)) + 0.24 * cos (radians (2.0 * h_mean))
      + 0.32 * cos (radians (3.0 * h_mean + 6.0)) - 0.20 * cos (radians (4.0 * h_mean - 63.0));
  d_theta = 30.0 * exp (-pow ((h_mean - 275.0) / 25.0, 2.0));
  c_mean_p7 = pow (c_mean, 7.0);
  rc = 2.0 * sqrt (c_mean_p7 / (c_mean_p7 + pow (25.0, 7.0)));
  sl = 1.0 + 0.015 * pow (l_mean - 50.0, 2.0) / sqrt (20.0 + pow (l_mean - 50.0, 2.0));
  sc = 1.0 + 0.045 * c_mean;
  sh = 1.0 + 0.015 * c_mean * t;
  rt = -sin (radians (2.0 * d_theta)) * rc;

  return sqrt (pow (dl / sl, 2.0) + pow (dc / sc, 2.0) + pow (dh / sh, 2.0)
               + rt * (dc / sc) * (dh / sh));
}

const AtlasPalette *
atlas_palette_find (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (palettes); i++)
    if (g_ascii_strcasecmp (palettes[i].name, name) == 0)
      return &palettes[i];
  return NULL;
}

const AtlasPalette * const *
atlas_palette_list (guint *n)
{
  if (n != NULL)
    *n = G_N_ELEMENTS (palettes);
  return palette_list;
}

const AtlasPalette *
atlas_palette_get_default (AtlasPaletteKind kind)
{
  switch (kind)
    {
    case ATLAS_PALETTE_DIVERGING:
      return atlas_palette_find ("rdbu");
    case ATLAS_PALETTE_CATEGORICAL:
      return atlas_palette_find ("okabe-ito");
    case ATLAS_PALETTE_SEQUENTIAL:
    default:
      return atlas_palette_find ("ylgnbu");
    }
}

const char *
atlas_palette_get_name (const AtlasPalette *palette)
{
  g_return_val_if_fail (palette != NULL, NULL);
  return palette->name;
}

const char *
atlas_palette_get_title (const AtlasPalette *palette)
{
  g_return_val_if_fail (palette != NULL, NULL);
  return palette->title;
}

AtlasPaletteKind
atlas_palette_get_kind (const AtlasPalette *palette)
{
  g_return_val_if_fail (palette != NULL, ATLAS_PALETTE_SEQUENTIAL);
  return palette->kind;
}

gboolean
atlas_palette_get_colours (const AtlasPalette *palette,
                           guint               n_classes,
                           guint32            *colours)
{
  g_return_val_if_fail (palette != NULL, FALSE);
  g_return_val_if_fail (colours != NULL, FALSE);

  if (n_classes < 1 || n_classes > ATLAS_PALETTE_MAX_CLASSES)
    return FALSE;
  if (palette->categories != NULL)
    memcpy (colours, palette->categories, n_classes * sizeof (guint32));
  else if (n_classes == 1)
    colours[0] = (*palette->ramps)[0][1];
  else if (n_classes == 2)
    {
      colours[0] = palette->two != NULL ? palette->two[0] : (*palette->ramps)[0][0];
      colours[1] = palette->two != NULL ? palette->two[1] : (*palette->ramps)[0][2];
    }
  else
    memcpy (colours, (*palette->ramps)[n_classes - 3], n_classes * sizeof (guint32));
  return TRUE;
}

const char *
atlas_vision_get_name (AtlasVision vision)
{
  g_return_val_if_fail (vision < ATLAS_VISION_N, NULL);
  return vision_names[vision];
}

guint32
atlas_colour_simulate (guint32     colour,
                       AtlasVision vision)
{
  double rgb[3], out[3];

  g_return_val_if_fail (vision < ATLAS_VISION_N, colour);

  to_linear (colour, rgb);
  simulate_linear (rgb, vision, out);
  return (guint32) linear_to_srgb (out[0]) << 16 | (guint32) linear_to_srgb (out[1]) << 8
         | linear_to_srgb (out[2]);
}

double
atlas_colour_difference (guint32 a,
                         guint32 b)
{
  double rgb[3], lab_a[3], lab_b[3];

  to_linear (a, rgb);
  linear_to_lab (rgb, lab_a);
  to_linear (b, rgb);
  linear_to_lab (rgb, lab_b);
  return ciede2000 (lab_a, lab_b);
}

double
atlas_colour_difference_lab (const double *lab1,
                             const double *lab2)
{
  g_return_val_if_fail (lab1 != NULL && lab2 != NULL, 0);
  return ciede2000 (lab1, lab2);
}

guint
atlas_palette_check_colours (const guint32       *colours,
                             guint                n,
                             double               threshold,
                             AtlasColourConflict *conflicts)
{
  guint found = 0;

  g_return_val_if_fail (colours != NULL || n == 0, 0);
  g_return_val_if_fail (conflicts != NULL, 0);

  for (guint v = 0; v < ATLAS_VISION_N; v++)
    {
      g_autofree double *lab = g_new (double, 3 * MAX (n, 1));
      AtlasColourConflict worst = { v, 0, 0, G_MAXDOUBLE };

      for (guint i = 0; i < n; i++)
        {
          double rgb[3], seen[3];

          to_linear (colours[i], rgb);
          simulate_linear (rgb, v, seen);
          linear_to_lab (seen, lab + 3 * i);
        }
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            double d = ciede2000 (lab + 3 * i, lab + 3 * j);

            if (d < worst.difference)
              {
                worst.first = i;
                worst.second = j;
                worst.difference = d;
              }
          }
      if (worst.difference < threshold)
        conflicts[found++] = worst;
    }
  return found;
}
