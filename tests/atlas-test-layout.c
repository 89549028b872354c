/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-test-layout.h"

#include <stdlib.h>

/* Boxes are rounded to whole pixels: neighbours may share a pixel. */
#define SLACK 1.0

static void
item_free (gpointer data)
{
  AtlasTestItem *item = data;

  g_free (item->kind);
  g_free (item->text);
  g_free (item);
}

GPtrArray *
atlas_test_parse_report (const char *report)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      AtlasTestItem *item;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 6)
        g_error ("not a layout line: “%s”", lines[i]);
      item = g_new0 (AtlasTestItem, 1);
      item->kind = g_strdup (fields[0]);
      item->text = g_strdup (fields[1]);
      item->x = atof (fields[2]);
      item->y = atof (fields[3]);
      item->width = atof (fields[4]);
      item->height = atof (fields[5]);
      g_ptr_array_add (items, item);
    }
  return items;
}

const AtlasTestItem *
atlas_test_find_item (GPtrArray  *items,
                      const char *kind,
                      const char *text)
{
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasTestItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->kind, kind) && (text == NULL || g_str_equal (item->text, text)))
        return item;
    }
  return NULL;
}

gboolean
atlas_test_is_furniture (const char *kind)
{
  static const char * const kinds[] = {
    "title", "subtitle", "legend-box", "scale-bar", "north-arrow", "caption", "attribution",
    "zoom-buttons",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_name (const AtlasTestItem *item)
{
  return g_str_equal (item->kind, "label") || g_str_equal (item->kind, "callout-label")
         || g_str_equal (item->kind, "site-label");
}

static gboolean
boxes_meet (double ax, double ay, double aw, double ah,
            const AtlasTestItem *b)
{
  return MIN (ax + aw, b->x + b->width) - MAX (ax, b->x) > SLACK
         && MIN (ay + ah, b->y + b->height) - MAX (ay, b->y) > SLACK;
}

static gboolean
inside (double               x,
        double               y,
        double               width,
        double               height,
        const AtlasTestItem *frame)
{
  return x >= frame->x - SLACK && y >= frame->y - SLACK
         && x + width <= frame->x + frame->width + SLACK
         && y + height <= frame->y + frame->height + SLACK;
}

gboolean
atlas_test_box_is_clear (GPtrArray *items,
                         double     x,
                         double     y,
                         double     width,
                         double     height)
{
  const AtlasTestItem *frame = atlas_test_find_item (items, "map-frame", NULL);

  g_assert_nonnull (frame);
  if (!inside (x, y, width, height, frame))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const AtlasTestItem *item = g_ptr_array_index (items, i);

      if (atlas_test_is_furniture (item->kind) && boxes_meet (x, y, width, height, item))
        return FALSE;
    }
  return TRUE;
}

static void
check_name_clear (GPtrArray           *items,
                  const AtlasTestItem *name,
                  const AtlasTestItem *frame,
                  const char          *what)
{
  if (!inside (name->x, name->y, name->width, name->height, frame))
    g_error ("%s: “%s” is outside the map frame", what, name->text);
  for (guint j = 0; j < items->len; j++)
    {
      const AtlasTestItem *other = g_ptr_array_index (items, j);
      gboolean obstacle = atlas_test_is_furniture (other->kind)
                          || g_str_equal (other->kind, "site")
                          || (is_name (other) && other != name);

      if (obstacle && boxes_meet (name->x, name->y, name->width, name->height, other))
        g_error ("%s: the %s “%s” meets the %s “%s”", what, name->kind, name->text,
                 other->kind, other->text);
    }
}

void
atlas_test_check_names (GPtrArray    *items,
                        AtlasDataset *dataset,
                        const char   *what)
{
  const AtlasTestItem *frame = atlas_test_find_item (items, "map-frame", NULL);
  const AtlasDistrict *districts;
  const AtlasSite *sites;
  guint n_districts, n_sites;

  g_assert_nonnull (frame);
  districts = atlas_dataset_get_districts (dataset, &n_districts);
  for (guint i = 0; i < n_districts; i++)
    if (atlas_test_find_item (items, "label", districts[i].name) == NULL
        && atlas_test_find_item (items, "callout-label", districts[i].name) == NULL)
      g_error ("%s: %s is not named", what, districts[i].name);

  sites = atlas_dataset_get_sites (dataset, &n_sites);
  for (guint i = 0; i < n_sites; i++)
    if (sites[i].kind == ATLAS_SITE_ACUTE
        && atlas_test_find_item (items, "site-label", sites[i].name) == NULL)
      g_error ("%s: the acute hospital %s is not named", what, sites[i].name);

  for (guint i = 0; i < items->len; i++)
    {
      const AtlasTestItem *item = g_ptr_array_index (items, i);

      if (is_name (item))
        check_name_clear (items, item, frame, what);
    }
}
