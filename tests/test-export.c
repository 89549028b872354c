/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-export.h"
#include "atlas-export-pack.h"
#include "atlas-test-util.h"

#include "atlas-data-resources.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

/* What the packs' pages show besides their subject: partnerships in each theme. */
static AtlasCartographyOptions light, dark, high_contrast;

typedef struct {
  AtlasDataset *dataset;
  char *tmp;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dataset = atlas_dataset_load ("hwe", &error);
  g_assert_no_error (error);
  f->tmp = g_dir_make_tmp ("atlas-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  atlas_test_remove_tree (f->tmp);
  g_free (f->tmp);
  g_clear_object (&f->dataset);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + (int) floor (y) * stride + (int) floor (x) * 4) & 0xffffff;
}

static guint32
pixel_at_district (cairo_surface_t          *surface,
                   const AtlasExportOptions *options,
                   const AtlasDistrict      *d)
{
  double x, y;

  atlas_export_location_to_surface (options, d->shape->label_point.x, d->shape->label_point.y,
                                    &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  return pixel_at (surface, x, y);
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
test_png_slide (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmp, "watford.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const AtlasDistrict *watford = atlas_dataset_find_district (f->dataset, "watford");
  const AtlasDistrict *harlow = atlas_dataset_find_district (f->dataset, "harlow");
  const AtlasDistrict *dacorum = atlas_dataset_find_district (f->dataset, "dacorum");
  AtlasCartographyOptions carto;
  AtlasExportOptions options;
  cairo_surface_t *png;

  atlas_export_options_init (&options, f->dataset);
  g_assert_true (atlas_export_parse_size ("slide", ATLAS_EXPORT_FORMAT_PNG, &options.width,
                                          &options.height, &error));
  atlas_cartography_options_set_selection (&options.carto, ATLAS_SELECTION_DISTRICT,
                                           watford);
  /* Names are drawn at the label points; leave them out to read the fills there. */
  options.furniture &= ~ATLAS_EXPORT_LABELS;
  g_assert_true (atlas_export_to_file (&options, file, ATLAS_EXPORT_FORMAT_PNG, NULL, &error));
  g_assert_no_error (error);

  png = load_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1080);

  atlas_cartography_options_init (&carto);
  carto.selected = watford;
  g_assert_cmphex (pixel_at_district (png, &options, watford), ==,
                   atlas_cartography_district_fill (f->dataset, watford, &carto));
  g_assert_cmphex (pixel_at_district (png, &options, watford), !=,
                   atlas_dataset_get_partnership_colour (f->dataset, watford->partnership));
  g_assert_cmphex (pixel_at_district (png, &options, harlow), ==,
                   atlas_dataset_get_partnership_colour (f->dataset, harlow->partnership));
  g_assert_cmphex (pixel_at_district (png, &options, dacorum), ==,
                   atlas_dataset_get_partnership_colour (f->dataset, dacorum->partnership));
  cairo_surface_destroy (png);
  /* The temporary file was renamed over the destination: nothing else is left. */
  g_assert_cmpuint (count_entries (f->tmp), ==, 1);
}

static void
test_png_4k_scales (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmp, "system.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const AtlasDistrict *stevenage = atlas_dataset_find_district (f->dataset, "stevenage");
  AtlasExportOptions options;
  AtlasExportLayout layout;
  cairo_surface_t *png;

  atlas_export_options_init (&options, f->dataset);
  g_assert_true (atlas_export_parse_size ("4k", ATLAS_EXPORT_FORMAT_PNG, &options.width,
                                          &options.height, &error));
  options.furniture &= ~ATLAS_EXPORT_LABELS;
  atlas_export_compute_layout (&options, &layout);
  g_assert_cmpfloat (layout.factor, ==, 2.0);
  g_assert_true (atlas_export_to_file (&options, file, ATLAS_EXPORT_FORMAT_PNG, NULL, &error));
  png = load_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 3840);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 2160);
  g_assert_cmphex (pixel_at_district (png, &options, stevenage), ==,
                   atlas_dataset_get_partnership_colour (f->dataset, stevenage->partnership));
  cairo_surface_destroy (png);
}

typedef struct {
  GHashTable *fills;     /* colour → count, of even-odd filled paths: one per district */
  guint n_elements;
} SvgScan;

static guint32
parse_svg_fill (const char *style)
{
  const char *p = strstr (style, ";fill:rgb(");
  double c[3];

  if (p == NULL)
    return G_MAXUINT32;
  p += strlen (";fill:rgb(");
  for (int i = 0; i < 3; i++)
    {
      char *end;

      c[i] = g_ascii_strtod (p, &end);
      g_assert_true (*end == '%');
      p = end + 2;
    }
  return ((guint32) lround (c[0] * 2.55) << 16) | ((guint32) lround (c[1] * 2.55) << 8)
         | (guint32) lround (c[2] * 2.55);
}

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SvgScan *scan = user_data;

  scan->n_elements++;
  if (g_strcmp0 (element, "path") != 0)
    return;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "style") && strstr (values[i], "fill-rule:evenodd") != NULL)
      {
        guint32 fill = parse_svg_fill (values[i]);
        gpointer key = GUINT_TO_POINTER (fill);

        g_hash_table_insert (scan->fills, key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (scan->fills, key)) + 1));
      }
}

static void
test_svg_structure (Fixture       *f,
                    gconstpointer  data)
{
  static const GMarkupParser parser = { svg_start_cb, NULL, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) fills = g_hash_table_new (NULL, NULL);
  SvgScan scan = { fills, 0 };
  GMarkupParseContext *context;
  AtlasExportOptions options;
  AtlasCartographyOptions carto;
  const AtlasDistrict *districts;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  atlas_export_options_init (&options, f->dataset);
  atlas_cartography_options_set_selection (&options.carto, ATLAS_SELECTION_DISTRICT,
                                           atlas_dataset_find_district (f->dataset, "watford"));
  bytes = atlas_export_to_bytes (&options, ATLAS_EXPORT_FORMAT_SVG, &error);
  g_assert_no_error (error);

  /* Well-formed XML. */
  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_assert_true (g_markup_parse_context_parse (context, g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_assert_cmpuint (scan.n_elements, >, 20);

  /* Vector output with one even-odd path per district (holes included), in its fill colour. */
  atlas_cartography_options_init (&carto);
  carto.selected = options.carto.selected;
  districts = atlas_dataset_get_districts (f->dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      gpointer k = GUINT_TO_POINTER (atlas_cartography_district_fill (f->dataset, &districts[i],
                                                                       &carto));

      g_hash_table_insert (expected, k,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (expected, k)) + 1));
    }
  g_assert_cmpuint (g_hash_table_size (fills), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (fills, key)), ==,
                      GPOINTER_TO_UINT (value));
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (g_find_program_in_path (argv[0]) == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                               | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run_tool (argv);
  const char *line;

  if (out == NULL)
    return 0;
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmp, "system.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasExportOptions options;

  atlas_export_options_init (&options, f->dataset);
  g_assert_true (atlas_export_parse_size ("a4", ATLAS_EXPORT_FORMAT_PDF, &options.width,
                                          &options.height, &error));
  g_assert_cmpfloat (options.width, ==, 842);
  options.furniture |= ATLAS_EXPORT_CAPTION;
  g_assert_true (atlas_export_to_file (&options, file, ATLAS_EXPORT_FORMAT_PDF, NULL, &error));
  g_assert_no_error (error);
  if (g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("pdfinfo is not installed");
      return;
    }
  g_assert_cmpuint (pdf_pages (path), ==, 1);
}

typedef struct {
  guint calls;
  guint last_done;
  guint total;
  guint cancel_after;
  GCancellable *cancellable;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, >, p->last_done);
  g_assert_cmpuint (done, <=, total);
  p->calls++;
  p->last_done = done;
  p->total = total;
  if (p->cancellable != NULL && done == p->cancel_after)
    g_cancellable_cancel (p->cancellable);
}

static void
test_pack (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_path = g_build_filename (f->tmp, "pack", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *pdf_name = atlas_export_pack_get_pdf_name (f->dataset);
  g_autofree char *pdf = g_build_filename (folder_path, pdf_name, NULL);
  g_autofree char *png = g_build_filename (folder_path, "hwe-watford.png", NULL);
  g_autofree char *prefix = g_build_filename (f->tmp, "page", NULL);
  Progress progress = { 0 };
  cairo_surface_t *surface;

  g_assert_true (atlas_export_pack (f->dataset, folder, ATLAS_EXPORT_PACK_BY_DISTRICT,
                                    &light, progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.last_done, ==, progress.total);
  g_assert_cmpuint (progress.total, ==, 1 + 2 * 13);

  /* The PDF, one PNG per district, and the list of what the pack wrote. */
  g_assert_cmpuint (count_entries (folder_path), ==, 1 + 13 + 1);
  surface = load_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
  cairo_surface_destroy (surface);

  if (g_find_program_in_path ("pdfinfo") == NULL || g_find_program_in_path ("pdftoppm") == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }
  g_assert_cmpuint (pdf_pages (pdf), ==, 14);
  {
    const char *argv[] = { "pdftoppm", "-r", "30", "-png", pdf, prefix, NULL };
    g_autofree char *out = run_tool (argv);
    g_autofree char *last = g_build_filename (f->tmp, "page-14.png", NULL);

    /* Every page rendered: the folder now also holds 14 page images. */
    g_assert_true (g_file_test (last, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_entries (f->tmp), ==, 1 + 14);
  }
}

static void
test_pack_cancelled (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *new_path = g_build_filename (f->tmp, "new", "pack", NULL);
  g_autoptr(GFile) new_folder = g_file_new_for_path (new_path);
  g_autoptr(GFile) existing = g_file_new_for_path (f->tmp);
  Progress progress = { 0, 0, 0, 5, cancellable };

  g_assert_false (atlas_export_pack (f->dataset, new_folder, ATLAS_EXPORT_PACK_BY_DISTRICT,
                                     &light, progress_cb, &progress, cancellable,
                                     &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.last_done, ==, 5);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (f->tmp), ==, 0);
  g_clear_error (&error);

  /* Into a folder that exists: it stays as it was. */
  g_cancellable_reset (cancellable);
  progress = (Progress) { 0, 0, 0, 9, cancellable };
  g_assert_false (atlas_export_pack (f->dataset, existing, ATLAS_EXPORT_PACK_BY_PARTNERSHIP,
                                     &dark, progress_cb, &progress, cancellable,
                                     &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_test (f->tmp, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (f->tmp), ==, 0);
}

typedef struct {
  gboolean finished;
  gboolean ok;
  GError *error;
} AsyncResultData;

static void
pack_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncResultData *data = user_data;

  data->ok = atlas_export_pack_finish (result, &data->error);
  data->finished = TRUE;
}

static void
test_pack_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->tmp);
  AsyncResultData result = { FALSE, FALSE, NULL };
  guint partnerships;

  atlas_dataset_get_partnerships (f->dataset, &partnerships);
  atlas_export_pack_async (f->dataset, folder, ATLAS_EXPORT_PACK_BY_PARTNERSHIP,
                           &high_contrast, NULL, NULL, NULL, pack_done_cb, &result);
  /* The callback runs on this thread's main context once the worker has finished. */
  while (!result.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);
  g_assert_cmpuint (count_entries (f->tmp), ==, 1 + partnerships + 1);
}

/* Tests run as root, which may write into a folder without write permission: a path whose
 * parent is a regular file cannot be written by anyone. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (f->tmp, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "map.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (blocker);
  AtlasExportOptions options;

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  atlas_export_options_init (&options, f->dataset);
  options.width = 640;
  options.height = 360;
  g_assert_false (atlas_export_to_file (&options, file, ATLAS_EXPORT_FORMAT_PNG, NULL, &error));
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (count_entries (f->tmp), ==, 1);
  g_clear_error (&error);

  g_assert_false (atlas_export_pack (f->dataset, folder, ATLAS_EXPORT_PACK_BY_PARTNERSHIP,
                                     &light, NULL, NULL, NULL, &error));
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, blocker));
  g_assert_cmpuint (count_entries (f->tmp), ==, 1);
  g_clear_error (&error);

  if (geteuid () != 0)
    {
      g_autofree char *ro = g_build_filename (f->tmp, "read-only", NULL);
      g_autofree char *ro_file = g_build_filename (ro, "map.svg", NULL);
      g_autoptr(GFile) ro_gfile = g_file_new_for_path (ro_file);

      g_assert_cmpint (g_mkdir (ro, 0555), ==, 0);
      g_assert_false (atlas_export_to_file (&options, ro_gfile, ATLAS_EXPORT_FORMAT_SVG, NULL,
                                            &error));
      g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE);
      g_assert_cmpuint (count_entries (ro), ==, 0);
      g_chmod (ro, 0755);
    }
}

static void
test_sizes_and_titles (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasExportOptions options;
  AtlasExportFormat format;
  g_autofree char *title = NULL;
  double w, h;

  g_assert_true (atlas_export_parse_size ("a4", ATLAS_EXPORT_FORMAT_PNG, &w, &h, NULL));
  g_assert_cmpfloat (w, ==, 3508);
  g_assert_cmpfloat (h, ==, 2480);
  g_assert_true (atlas_export_parse_size ("a3", ATLAS_EXPORT_FORMAT_PDF, &w, &h, NULL));
  g_assert_cmpfloat (w, ==, 1191);
  /* Portrait paper is the landscape size turned: 300 dpi pixels, points for PDF. */
  g_assert_true (atlas_export_parse_size ("a4-portrait", ATLAS_EXPORT_FORMAT_PNG, &w, &h, NULL));
  g_assert_cmpfloat (w, ==, 2480);
  g_assert_cmpfloat (h, ==, 3508);
  g_assert_true (atlas_export_parse_size ("A3-Portrait", ATLAS_EXPORT_FORMAT_PDF, &w, &h, NULL));
  g_assert_cmpfloat (w, ==, 842);
  g_assert_cmpfloat (h, ==, 1191);
  g_assert_true (atlas_export_parse_size ("a4-portrait", ATLAS_EXPORT_FORMAT_SVG, &w, &h, NULL));
  g_assert_cmpfloat (w, ==, 794);
  g_assert_cmpfloat (h, ==, 1123);
  g_assert_true (atlas_export_parse_size ("1280x720", ATLAS_EXPORT_FORMAT_SVG, &w, &h, NULL));
  g_assert_cmpfloat (h, ==, 720);
  g_assert_false (atlas_export_parse_size ("huge", ATLAS_EXPORT_FORMAT_PNG, &w, &h, &error));
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (atlas_export_parse_size ("0x10", ATLAS_EXPORT_FORMAT_PNG, &w, &h, &error));
  g_clear_error (&error);

  g_assert_true (atlas_export_format_from_name ("Map.SVG", &format, NULL));
  g_assert_cmpint (format, ==, ATLAS_EXPORT_FORMAT_SVG);
  g_assert_false (atlas_export_format_from_name ("map.jpg", &format, &error));
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT);

  atlas_export_options_init (&options, f->dataset);
  title = atlas_export_get_default_title (&options);
  g_assert_cmpstr (title, ==, atlas_dataset_get_name (f->dataset));
  g_clear_pointer (&title, g_free);
  atlas_cartography_options_set_selection (&options.carto, ATLAS_SELECTION_DISTRICT,
                                           atlas_dataset_find_district (f->dataset, "watford"));
  title = atlas_export_get_default_title (&options);
  g_assert_cmpstr (title, ==, "Watford — South and West Hertfordshire Health and Care Partnership");
}

/* The one table of formats: every row is complete, names and suffixes are unique and are
 * found again by name and by file name, and each format's surface encodes a file of its kind. */
static void
test_format_table (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const magic[ATLAS_EXPORT_N_FORMATS] = {
    [ATLAS_EXPORT_FORMAT_PNG] = "\x89PNG",
    [ATLAS_EXPORT_FORMAT_SVG] = "<?xml",
    [ATLAS_EXPORT_FORMAT_PDF] = "%PDF-",
  };
  g_autofree char *names = atlas_export_format_list_names (".");
  AtlasExportOptions options;

  g_assert_cmpstr (names, ==, ".png, .svg or .pdf");
  atlas_export_options_init (&options, f->dataset);
  options.width = 320;
  options.height = 180;
  for (guint i = 0; i < ATLAS_EXPORT_N_FORMATS; i++)
    {
      const AtlasExportFormatInfo *info = atlas_export_format_get_info (i);
      g_autofree char *file_name = g_strconcat ("Map", info->suffix, NULL);
      g_autofree char *upper = g_ascii_strup (file_name, -1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gsize size;
      const char *bytes_data;

      g_assert_cmpint (info->format, ==, i);
      g_assert_true (atlas_export_format_lookup (info->name) == info);
      g_assert_true (atlas_export_format_for_file (file_name) == info);
      g_assert_true (atlas_export_format_for_file (upper) == info);
      g_assert_nonnull (info->label);
      g_assert_nonnull (info->mime_type);
      g_assert_nonnull (info->create_surface);
      g_assert_true (info->units_per_point > 0 && info->units_per_pixel > 0);
      g_assert_true (info->vector == (info->encode == NULL));
      for (guint j = 0; j < i; j++)
        {
          g_assert_cmpstr (atlas_export_format_get_info (j)->name, !=, info->name);
          g_assert_cmpstr (atlas_export_format_get_info (j)->suffix, !=, info->suffix);
        }

      bytes = atlas_export_to_bytes (&options, info->format, &error);
      g_assert_no_error (error);
      bytes_data = g_bytes_get_data (bytes, &size);
      g_assert_cmpuint (size, >, strlen (magic[i]));
      g_assert_cmpmem (bytes_data, strlen (magic[i]), magic[i], strlen (magic[i]));
    }
  g_assert_null (atlas_export_format_lookup ("jpeg"));
  g_assert_null (atlas_export_format_for_file ("map.png.txt"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  atlas_cartography_options_init (&light);
  atlas_cartography_options_init (&dark);
  dark.theme = ATLAS_THEME_DARK;
  atlas_cartography_options_init (&high_contrast);
  high_contrast.theme = ATLAS_THEME_HIGH_CONTRAST;
  /* Links the data resource (and its registration) from the static core library. */
  (void) atlas_data_get_resource ();

#define ADD(path, func) \
  g_test_add ("/export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("png-slide", test_png_slide);
  ADD ("png-4k-scales", test_png_4k_scales);
  ADD ("svg-structure", test_svg_structure);
  ADD ("pdf", test_pdf);
  ADD ("pack", test_pack);
  ADD ("pack-cancelled", test_pack_cancelled);
  ADD ("pack-async", test_pack_async);
  ADD ("unwritable", test_unwritable);
  ADD ("sizes-and-titles", test_sizes_and_titles);
  ADD ("format-table", test_format_table);
#undef ADD

  return g_test_run ();
}
