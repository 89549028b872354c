/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-label-layout-private.h"

#include <math.h>
#include <string.h>

#define DISTRICT_FONT "Sans Bold"
#define SITE_FONT     "Sans"

/* Halo and leader widths, as fractions of the type size. */
#define HALO_WIDTH    0.24
#define LEADER_WIDTH  0.065
#define LEADER_HALO   0.22
#define LEADER_DOT    0.14

void
_atlas_label_text_init (LabelText *text)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: a name's width is the same on screen, in a PDF and at any scale, and
   * grows in proportion to its size. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  text->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_font_options (text->context, options);
  pango_cairo_context_set_resolution (text->context, 96.0);
  pango_context_set_round_glyph_positions (text->context, FALSE);
  cairo_font_options_destroy (options);

  text->layout = pango_layout_new (text->context);
  pango_layout_set_alignment (text->layout, PANGO_ALIGN_CENTER);
  text->district_font = pango_font_description_from_string (DISTRICT_FONT);
  text->site_font = pango_font_description_from_string (SITE_FONT);
  text->glyphs = pango_glyph_string_new ();
  memset (text->faces, 0, sizeof text->faces);
}

void
_atlas_label_text_clear (LabelText *text)
{
  g_clear_object (&text->layout);
  g_clear_object (&text->context);
  g_clear_pointer (&text->district_font, pango_font_description_free);
  g_clear_pointer (&text->site_font, pango_font_description_free);
  g_clear_pointer (&text->glyphs, pango_glyph_string_free);
  for (guint i = 0; i < G_N_ELEMENTS (text->faces); i++)
    g_clear_object (&text->faces[i].font);
}

static void
set_text (LabelText  *text,
          const char *string,
          gboolean    site,
          double      size)
{
  PangoFontDescription *font = site ? text->site_font : text->district_font;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (text->layout, font);
  pango_layout_set_text (text->layout, string, -1);
}

static gboolean
is_plain (const char *string,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (string[i] < 0x20 || string[i] > 0x7e)
      return FALSE;
  return TRUE;
}

static void
measure_with_layout (LabelText  *text,
                     const char *string,
                     gboolean    site,
                     double      size,
                     double     *width,
                     double     *height)
{
  PangoRectangle logical;

  set_text (text, string, site, size);
  pango_layout_get_extents (text->layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/* The font a layout would give plain text, and the height of its lines. */
static const LabelFace *
get_face (LabelText *text,
          gboolean   site,
          double     size)
{
  LabelFace *face = &text->faces[site ? 1 : 0];
  PangoFontDescription *font = site ? text->site_font : text->district_font;
  double width;

  if (face->font != NULL && face->size == size)
    return face;
  g_clear_object (&face->font);
  measure_with_layout (text, "Hg", site, size, &width, &face->line_height);
  face->font = pango_context_load_font (text->context, font);
  face->size = size;
  return face->font != NULL ? face : NULL;
}

static double
shape_width (LabelText       *text,
             const LabelFace *face,
             const char      *string,
             int              length)
{
  PangoAnalysis analysis = { 0, };

  analysis.font = face->font;
  analysis.gravity = PANGO_GRAVITY_SOUTH;
  analysis.script = PANGO_SCRIPT_LATIN;
  analysis.language = pango_context_get_language (text->context);
  pango_shape_with_flags (string, length, string, length, &analysis, text->glyphs,
                          PANGO_SHAPE_NONE);
  return (double) pango_glyph_string_get_width (text->glyphs) / PANGO_SCALE;
}

/* Most names are plain ASCII in one font: shaping them alone gives the same width as a whole
 * layout does (itemizing, breaking, shaping) at a quarter of the cost, which counts with
 * thousands of names. Anything else goes through a layout. */
static gboolean
measure_plain (LabelText  *text,
               const char *string,
               gboolean    site,
               double      size,
               double     *width,
               double     *height)
{
  const char *newline = strchr (string, '\n');
  const char *second = newline != NULL ? newline + 1 : "";
  gsize first_length = newline != NULL ? (gsize) (newline - string) : strlen (string);
  const LabelFace *face;

  if (!is_plain (string, first_length) || !is_plain (second, strlen (second))
      || (face = get_face (text, site, size)) == NULL)
    return FALSE;
  *width = shape_width (text, face, string, first_length);
  *height = face->line_height;
  if (newline != NULL)
    {
      *width = MAX (*width, shape_width (text, face, second, strlen (second)));
      *height *= 2;
    }
  return TRUE;
}

gboolean
_atlas_label_text_is_plain (const char *string)
{
  return is_plain (string, strlen (string));
}

double
_atlas_label_text_line_height (LabelText *text,
                               gboolean   site,
                               double     size)
{
  const LabelFace *face = get_face (text, site, size);
  double width, height;

  if (face != NULL)
    return face->line_height;
  measure_with_layout (text, "Hg", site, size, &width, &height);
  return height;
}

void
_atlas_label_text_measure (LabelText  *text,
                           const char *string,
                           gboolean    site,
                           double      size,
                           double     *width,
                           double     *height)
{
  if (!measure_plain (text, string, site, size, width, height))
    measure_with_layout (text, string, site, size, width, height);
}

void
_atlas_label_test_measure (const char *string,
                           gboolean    site,
                           double      size,
                           gboolean    shortcut,
                           double     *width,
                           double     *height)
{
  LabelText text;

  _atlas_label_text_init (&text);
  if (!shortcut || !measure_plain (&text, string, site, size, width, height))
    measure_with_layout (&text, string, site, size, width, height);
  _atlas_label_text_clear (&text);
}

char *
_atlas_label_text_clean (const char *name)
{
  char *clean = g_utf8_make_valid (name, -1);

  for (char *p = clean; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return clean;
}

char *
_atlas_label_text_two_lines (const char *name)
{
  glong total = g_utf8_strlen (name, -1), chars = 0, best_longer = G_MAXLONG;
  const char *best = NULL;
  gboolean keep = FALSE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p), chars++)
    {
      /* A break after a space drops it; after a hyphen keeps it. */
      gboolean space = *p == ' ', hyphen = *p == '-';
      glong first = chars + (hyphen ? 1 : 0), second = total - chars - 1;
      glong longer = MAX (first, second);

      if ((space || hyphen) && chars > 0 && p[1] != '\0' && longer < best_longer)
        {
          best_longer = longer;
          best = p;
          keep = hyphen;
        }
    }
  if (best == NULL)
    return NULL;
  {
    gsize head = best - name + (keep ? 1 : 0);
    GString *s = g_string_new_len (name, head);

    g_string_append_c (s, '\n');
    g_string_append (s, best + 1);
    return g_string_free (s, FALSE);
  }
}

static void
draw_leader (cairo_t                       *cr,
             const AtlasLabelItem          *item,
             const AtlasCartographyPalette *palette)
{
  double size = item->font_size;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, item->leader_x0, item->leader_y0);
  cairo_line_to (cr, item->leader_x1, item->leader_y1);
  _atlas_cartography_set_source_rgba (cr, palette->halo, 0.85);
  cairo_set_line_width (cr, size * LEADER_HALO);
  cairo_stroke (cr);
  cairo_move_to (cr, item->leader_x0, item->leader_y0);
  cairo_line_to (cr, item->leader_x1, item->leader_y1);
  _atlas_cartography_set_source_rgb (cr, palette->text);
  cairo_set_line_width (cr, size * LEADER_WIDTH);
  cairo_stroke (cr);
  /* A district's leader ends in a dot inside it; a site's at its symbol. */
  if (item->kind == ATLAS_LABEL_DISTRICT_CALLOUT)
    {
      cairo_arc (cr, item->leader_x1, item->leader_y1, size * LEADER_DOT, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_text (LabelText                     *text,
           cairo_t                       *cr,
           const AtlasLabelItem          *item,
           const AtlasCartographyPalette *palette)
{
  guint32 colour = item->flags & ATLAS_LABEL_FADED ? palette->muted_text : palette->text;

  set_text (text, item->text, item->kind == ATLAS_LABEL_SITE, item->font_size);
  cairo_save (cr);
  cairo_move_to (cr, item->box.x, item->box.y);
  pango_cairo_layout_path (cr, text->layout);
  _atlas_cartography_set_source_rgba (cr, palette->halo, 0.9);
  cairo_set_line_width (cr, item->font_size * HALO_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, item->box.x, item->box.y);
  _atlas_cartography_set_source_rgb (cr, colour);
  pango_cairo_show_layout (cr, text->layout);
  cairo_restore (cr);
}

void
_atlas_label_text_draw_items (LabelText              *text,
                              cairo_t                *cr,
                              const AtlasLabelLayout *layout)
{
  const AtlasCartographyPalette *palette = atlas_cartography_get_palette (layout->theme);
  const AtlasLabelItem *items = (const AtlasLabelItem *) layout->items->data;

  /* Leaders under every name, so that no line runs over text. */
  for (guint i = 0; i < layout->items->len; i++)
    if (items[i].has_leader)
      draw_leader (cr, &items[i], palette);
  for (guint i = 0; i < layout->items->len; i++)
    if (items[i].kind != ATLAS_LABEL_SITE_SYMBOL)
      draw_text (text, cr, &items[i], palette);
}
