/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "atlas-export-private.h"

typedef struct {
  const guint8 *data;
  gsize length;
  gsize offset;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *r = closure;

  if (r->offset + length > r->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data + r->offset, length);
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Encodes with our writer and decodes with cairo's reader. */
static cairo_surface_t *
round_trip (cairo_surface_t *surface)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  cairo_surface_t *decoded;
  Reader r;

  g_assert_true (_atlas_export_encode_png (surface, buffer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (buffer->len, >, sizeof signature);
  g_assert_cmpmem (buffer->data, sizeof signature, signature, sizeof signature);

  r = (Reader) { buffer->data, buffer->len, 0 };
  decoded = cairo_image_surface_create_from_png_stream (read_cb, &r);
  g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (decoded), ==,
                   cairo_image_surface_get_width (surface));
  g_assert_cmpint (cairo_image_surface_get_height (decoded), ==,
                   cairo_image_surface_get_height (surface));
  return decoded;
}

static void
fill_random (cairo_surface_t *surface,
             gboolean         alpha)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint8 *data;
  GRand *rand = g_rand_new_with_seed (42);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 a = alpha ? g_rand_int_range (rand, 0, 256) : 0xff;
        guint32 r = g_rand_int_range (rand, 0, a + 1);
        guint32 g = g_rand_int_range (rand, 0, a + 1);
        guint32 b = g_rand_int_range (rand, 0, a + 1);

        /* Some runs of equal pixels, as in a map. */
        if (x > 0 && g_rand_int_range (rand, 0, 4) == 0)
          memcpy (data + y * stride + x * 4, data + y * stride + (x - 1) * 4, 4);
        else
          ((guint32 *) (data + y * stride))[x] = a << 24 | r << 16 | g << 8 | b;
      }
  cairo_surface_mark_dirty (surface);
  g_rand_free (rand);
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b,
                    guint32          mask)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pa = ((guint32 *) (cairo_image_surface_get_data (a)
                                   + y * cairo_image_surface_get_stride (a)))[x];
        guint32 pb = ((guint32 *) (cairo_image_surface_get_data (b)
                                   + y * cairo_image_surface_get_stride (b)))[x];

        if ((pa & mask) != (pb & mask))
          g_error ("pixel %d,%d: %08x written, %08x read back", x, y, pa, pb);
      }
}

static void
test_rgb24 (void)
{
  /* An odd width: rows are not a multiple of four bytes in the file. */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 301, 77);
  cairo_surface_t *decoded;

  fill_random (surface, FALSE);
  decoded = round_trip (surface);
  g_assert_cmpint (cairo_image_surface_get_format (decoded), ==, CAIRO_FORMAT_RGB24);
  assert_same_pixels (surface, decoded, 0x00ffffff);
  cairo_surface_destroy (decoded);
  cairo_surface_destroy (surface);
}

static void
test_argb32_premultiplied (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 129);
  cairo_surface_t *decoded;

  fill_random (surface, TRUE);
  decoded = round_trip (surface);
  g_assert_cmpint (cairo_image_surface_get_format (decoded), ==, CAIRO_FORMAT_ARGB32);
  /* Unpremultiplied on writing and premultiplied again on reading: the same words. */
  assert_same_pixels (surface, decoded, 0xffffffff);
  cairo_surface_destroy (decoded);
  cairo_surface_destroy (surface);
}

static void
test_drawn_single_pixel (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_surface_t *decoded;
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  decoded = round_trip (surface);
  cairo_surface_flush (decoded);
  g_assert_cmphex (*(guint32 *) cairo_image_surface_get_data (decoded) & 0xffffff, ==, 0x123456);
  cairo_surface_destroy (decoded);
  cairo_surface_destroy (surface);
}

static void
test_unsupported_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 8, 8);

  g_assert_false (_atlas_export_encode_png (surface, buffer, &error));
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE);
  g_assert_cmpuint (buffer->len, ==, 0);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-png/rgb24", test_rgb24);
  g_test_add_func ("/export-png/argb32-premultiplied", test_argb32_premultiplied);
  g_test_add_func ("/export-png/drawn-single-pixel", test_drawn_single_pixel);
  g_test_add_func ("/export-png/unsupported-format", test_unsupported_format);
  return g_test_run ();
}
