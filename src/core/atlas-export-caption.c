/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-export-private.h"

#include <glib/gi18n-lib.h>

#define HEADING ATLAS_EXPORT_FONT " Bold 20"
#define SUBHEAD ATLAS_EXPORT_FONT " Bold 12"
#define BODY    ATLAS_EXPORT_FONT " 12"
#define SMALL   ATLAS_EXPORT_FONT " 10"

/* A column of text that flows down the caption panel and stops at its bottom. */
typedef struct {
  cairo_t *cr;
  const AtlasCartographyPalette *palette;
  AtlasDataset *dataset;
  double x, y, width, bottom;
  GPtrArray *sources;  /* ids cited, in order, no repeats */
} Column;

static void
put (Column     *col,
     const char *text,
     const char *font,
     guint32     colour,
     double      gap_after)
{
  g_autoptr(PangoLayout) pl = NULL;
  int h;

  if (text == NULL || col->y >= col->bottom)
    return;
  pl = _atlas_export_text (col->cr, text, font, col->width);
  pango_layout_get_pixel_size (pl, NULL, &h);
  if (col->y + h > col->bottom)
    {
      /* The last lines that fit, ending in an ellipsis. */
      pango_layout_set_height (pl, (int) ((col->bottom - col->y) * PANGO_SCALE));
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
    }
  cairo_move_to (col->cr, col->x, col->y);
  _atlas_cartography_set_source_rgba (col->cr, colour, 1.0);
  pango_cairo_show_layout (col->cr, pl);
  col->y += h + gap_after;
}

static void
put_field (Column     *col,
           const char *label,
           const char *value)
{
  g_autofree char *line = g_strdup_printf ("%s: %s", label, value ? value : _("not recorded"));

  put (col, line, BODY, col->palette->text, 4);
}

static void
cite (Column     *col,
      const char *source)
{
  if (source != NULL && !g_ptr_array_find_with_equal_func (col->sources, source, g_str_equal, NULL))
    g_ptr_array_add (col->sources, (gpointer) source);
}

static void
put_facts (Column          *col,
           const AtlasFact *facts,
           guint            n)
{
  if (n == 0)
    return;
  put (col, _("At a glance"), SUBHEAD, col->palette->text, 6);
  for (guint i = 0; i < n; i++)
    {
      put_field (col, facts[i].label, facts[i].value);
      cite (col, facts[i].source);
    }
  col->y += 10;
}

static void
put_sources (Column *col)
{
  if (col->sources->len == 0)
    return;
  col->y += 6;
  put (col, _("Sources"), SUBHEAD, col->palette->text, 4);
  for (guint i = 0; i < col->sources->len; i++)
    {
      const char *id = g_ptr_array_index (col->sources, i);
      const AtlasSource *s = atlas_dataset_find_source (col->dataset, id);
      g_autofree char *line = NULL;

      if (s == NULL)
        line = g_strdup (id);
      else if (s->publisher != NULL)
        line = g_strdup_printf ("%s — %s", s->title, s->publisher);
      else
        line = g_strdup (s->title);
      put (col, line, SMALL, col->palette->muted_text, 3);
    }
}

static void
put_district (Column              *col,
              const AtlasDistrict *d)
{
  const AtlasSite *sites;
  guint n, shown = 0;

  put (col, d->name, HEADING, col->palette->text, 10);
  put_field (col, _("Council"), d->council);
  put_field (col, _("County"), d->county);
  put_field (col, _("Partnership"), d->partnership ? d->partnership->name : NULL);
  put_field (col, _("ONS code"), d->code);
  cite (col, d->source);
  if (d->partnership != NULL)
    cite (col, d->partnership->source);
  col->y += 10;

  sites = atlas_dataset_get_sites (col->dataset, &n);
  for (guint i = 0; i < n; i++)
    if (sites[i].district == d)
      {
        g_autofree char *line = NULL;
        const AtlasTrust *t = sites[i].trust;

        if (shown++ == 0)
          put (col, _("Hospital sites"), SUBHEAD, col->palette->text, 6);
        line = g_strdup_printf ("%s (%s)", sites[i].name,
                                t ? (t->short_name ? t->short_name : t->name) : _("trust not recorded"));
        put (col, line, BODY, col->palette->text, 4);
        cite (col, sites[i].source);
      }
}

static void
put_partnership (Column                 *col,
                 const AtlasPartnership *p)
{
  g_autoptr(GString) names = g_string_new (NULL);

  put (col, p->name, HEADING, col->palette->text, 10);
  put (col, p->description, BODY, col->palette->text, 12);
  cite (col, p->source);
  put_facts (col, p->facts, p->n_facts);
  for (guint i = 0; i < p->n_districts; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", p->districts[i]->name);
  put (col, p->kind == ATLAS_PARTNERSHIP_PLACE ? _("Districts") : _("Districts it works across"),
       SUBHEAD, col->palette->text, 4);
  put (col, names->str, BODY, col->palette->text, 10);
}

static void
put_system (Column *col)
{
  const AtlasFact *facts;
  guint n;

  put (col, atlas_dataset_get_name (col->dataset), HEADING, col->palette->text, 10);
  put (col, atlas_dataset_get_nhs_body (col->dataset), BODY, col->palette->muted_text, 10);
  put (col, atlas_dataset_get_summary (col->dataset), BODY, col->palette->text, 12);
  cite (col, atlas_dataset_get_source (col->dataset));
  facts = atlas_dataset_get_facts (col->dataset, &n);
  put_facts (col, facts, n);
}

void
_atlas_export_draw_caption (cairo_t                  *cr,
                            const AtlasExportOptions *options,
                            double                    x,
                            double                    y,
                            double                    width,
                            double                    height)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  Column col = {
    cr, atlas_cartography_get_palette (options->carto.theme), options->dataset,
    x, y, width, y + height, sources,
  };

  cairo_save (cr);
  if (options->carto.selection_kind == ATLAS_SELECTION_DISTRICT && options->carto.selected != NULL)
    put_district (&col, options->carto.selected);
  else if (options->carto.selection_kind == ATLAS_SELECTION_PARTNERSHIP)
    put_partnership (&col, options->carto.highlighted);
  else
    put_system (&col);
  put_sources (&col);
  cairo_restore (cr);
}
