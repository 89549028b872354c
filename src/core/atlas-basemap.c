/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-basemap-private.h"

#include <string.h>

#include "atlas-data-resources.h"

#define BASEMAP_RESOURCE "/io/github/icsatlas/IcsAtlas/data/basemap/gb.bin"

/* Colours 0xRRGGBB: a calm, printed-atlas look. */
typedef struct {
  guint32 sea, land, coast, border, text;
  double coast_width, border_width;
} StyleColours;

static const StyleColours style_colours[] = {
  [ATLAS_BASEMAP_STYLE_LIGHT] = { 0xdce5ea, 0xf5f2ec, 0x8fa3ae, 0xc8c1b6, 0x6e6a64, 0.9, 0.6 },
  [ATLAS_BASEMAP_STYLE_DARK] = { 0x1d2830, 0x34373b, 0x5f7480, 0x4b4f55, 0xa6a9ad, 0.9, 0.6 },
  [ATLAS_BASEMAP_STYLE_HIGH_CONTRAST] = { 0xc4e2ff, 0xffffff, 0x000000, 0x404040, 0x000000,
                                          1.6, 1.0 },
};

static AtlasBasemapPalette palettes[G_N_ELEMENTS (style_colours)];

static void
colour_to_rgb (guint32  colour,
               double  *rgb)
{
  rgb[0] = ((colour >> 16) & 0xff) / 255.0;
  rgb[1] = ((colour >> 8) & 0xff) / 255.0;
  rgb[2] = (colour & 0xff) / 255.0;
}

const AtlasBasemapPalette *
_atlas_basemap_palette (AtlasBasemapStyle style)
{
  static gsize init = 0;

  if (g_once_init_enter (&init))
    {
      for (guint i = 0; i < G_N_ELEMENTS (style_colours); i++)
        {
          colour_to_rgb (style_colours[i].sea, palettes[i].sea);
          colour_to_rgb (style_colours[i].land, palettes[i].land);
          colour_to_rgb (style_colours[i].coast, palettes[i].coast);
          colour_to_rgb (style_colours[i].border, palettes[i].border);
          colour_to_rgb (style_colours[i].text, palettes[i].text);
          palettes[i].coast_width = style_colours[i].coast_width;
          palettes[i].border_width = style_colours[i].border_width;
        }
      g_once_init_leave (&init, 1);
    }
  if ((guint) style >= G_N_ELEMENTS (style_colours))
    style = ATLAS_BASEMAP_STYLE_LIGHT;
  return &palettes[style];
}

static gboolean
section_fits (gsize   size,
              guint32 offset,
              gsize   count,
              gsize   item_size)
{
  return offset % 4 == 0 && offset <= size && count <= (size - offset) / item_size;
}

/* Checks every offset and index once, so that drawing can trust the data without checks. */
static gboolean
check_packed (AtlasBasemap  *self,
              const guint8  *data,
              gsize          size,
              GError       **error)
{
  const AtlasPackedHeader *h = (const AtlasPackedHeader *) data;

#define FAIL(what) \
  G_STMT_START { \
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, \
                 "packed base map: %s", what); \
    return FALSE; \
  } G_STMT_END

  if (size < sizeof *h || memcmp (h->magic, ATLAS_BASEMAP_MAGIC, sizeof ATLAS_BASEMAP_MAGIC) != 0)
    FAIL ("not a packed base map (bad magic)");
  if (h->version != ATLAS_BASEMAP_VERSION || h->n_levels != ATLAS_BASEMAP_N_LEVELS)
    FAIL ("unsupported version");
  if (h->total_size > size)
    FAIL ("truncated");
  if (h->first_land_ring > h->n_rings)
    FAIL ("land rings out of range");
  for (guint l = 0; l < ATLAS_BASEMAP_N_LEVELS; l++)
    {
      const guint32 *start = (const guint32 *) (data + h->level_arc_start_offset[l]);

      if (!section_fits (size, h->level_arc_start_offset[l], h->n_arcs + (gsize) 1, 4) ||
          !section_fits (size, h->level_points_offset[l], h->level_n_points[l], 8))
        FAIL ("level section out of bounds");
      for (guint a = 0; a < h->n_arcs; a++)
        if (start[a] > start[a + 1] || start[a + 1] - start[a] < 2)
          FAIL ("arc point index not increasing");
      if (start[0] != 0 || start[h->n_arcs] != h->level_n_points[l])
        FAIL ("arc point index does not cover the points");
      self->arc_start[l] = start;
      self->points[l] = (const float *) (data + h->level_points_offset[l]);
    }
  if (!section_fits (size, h->arcs_offset, h->n_arcs, sizeof (AtlasPackedArc)) ||
      !section_fits (size, h->rings_offset, h->n_rings, sizeof (AtlasPackedRing)) ||
      !section_fits (size, h->arc_refs_offset, h->n_arc_refs, 4) ||
      !section_fits (size, h->districts_offset, h->n_districts, sizeof (AtlasPackedDistrict)) ||
      !section_fits (size, h->strings_offset, h->strings_size, 1))
    FAIL ("section out of bounds");

  self->arcs = (const AtlasPackedArc *) (data + h->arcs_offset);
  self->rings = (const AtlasPackedRing *) (data + h->rings_offset);
  self->arc_refs = (const gint32 *) (data + h->arc_refs_offset);
  self->districts = (const AtlasPackedDistrict *) (data + h->districts_offset);
  self->strings = (const char *) (data + h->strings_offset);

  for (guint a = 0; a < h->n_arcs; a++)
    if (self->arcs[a].owner_ring >= h->n_rings && self->arcs[a].kind != ATLAS_PACKED_ARC_INTERNAL)
      FAIL ("arc owner out of range");
  for (guint i = 0; i < h->n_arc_refs; i++)
    {
      gint32 ref = self->arc_refs[i];
      if ((guint32) (ref >= 0 ? ref : ~ref) >= h->n_arcs)
        FAIL ("arc reference out of range");
    }
  for (guint r = 0; r < h->n_rings; r++)
    if (self->rings[r].n_refs == 0 || self->rings[r].first_ref > h->n_arc_refs ||
        self->rings[r].n_refs > h->n_arc_refs - self->rings[r].first_ref)
      FAIL ("ring out of range");
  if (h->strings_size == 0 || self->strings[h->strings_size - 1] != '\0')
    FAIL ("string table not terminated");
  for (guint d = 0; d < h->n_districts; d++)
    {
      const AtlasPackedDistrict *district = &self->districts[d];
      if (district->first_ring > h->n_rings || district->n_rings > h->n_rings - district->first_ring ||
          district->name_offset >= h->strings_size || district->code_offset >= h->strings_size)
        FAIL ("district out of range");
    }
#undef FAIL

  self->header = h;
  return TRUE;
}

/**
 * atlas_basemap_new_from_bytes:
 *
 * Wraps packed base-map bytes without copying them (unless they are not aligned for direct
 * access, which never happens for a compiled-in resource).
 */
AtlasBasemap *
atlas_basemap_new_from_bytes (GBytes  *packed,
                              GError **error)
{
  g_autoptr(AtlasBasemap) self = NULL;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (packed != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (AtlasBasemap, 1);
  g_atomic_ref_count_init (&self->ref_count);

  data = g_bytes_get_data (packed, &size);
  if (GPOINTER_TO_SIZE (data) % 8 != 0)
    self->bytes = g_bytes_new_take (g_memdup2 (data, size), size);
  else
    self->bytes = g_bytes_ref (packed);
  data = g_bytes_get_data (self->bytes, &size);

  if (data == NULL || !check_packed (self, data, size, error))
    return NULL;
  return g_steal_pointer (&self);
}

AtlasBasemap *
atlas_basemap_get_default (void)
{
  static AtlasBasemap *basemap = NULL;

  if (g_once_init_enter (&basemap))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resource_lookup_data (atlas_data_get_resource (),
                                                        BASEMAP_RESOURCE,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      AtlasBasemap *loaded = bytes ? atlas_basemap_new_from_bytes (bytes, &error) : NULL;

      if (loaded == NULL)
        g_critical ("The bundled base map is unusable: %s", error->message);
      g_once_init_leave (&basemap, loaded);
    }
  return basemap;
}

AtlasBasemap *
atlas_basemap_ref (AtlasBasemap *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_basemap_unref (AtlasBasemap *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_bytes_unref (self->bytes);
      g_free (self);
    }
}

guint32
atlas_basemap_style_sea_colour (AtlasBasemapStyle style)
{
  if ((guint) style >= G_N_ELEMENTS (style_colours))
    style = ATLAS_BASEMAP_STYLE_LIGHT;
  return style_colours[style].sea;
}

guint32
atlas_basemap_style_land_colour (AtlasBasemapStyle style)
{
  if ((guint) style >= G_N_ELEMENTS (style_colours))
    style = ATLAS_BASEMAP_STYLE_LIGHT;
  return style_colours[style].land;
}

const char *
atlas_basemap_get_attribution (void)
{
  return "Contains Ordnance Survey data © Crown copyright and database right. "
         "Contains National Statistics data © Crown copyright and database right. "
         "Licensed under the Open Government Licence v3.0.";
}

guint
atlas_basemap_get_n_districts (AtlasBasemap *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header->n_districts;
}

const char *
atlas_basemap_get_district_name (AtlasBasemap *self,
                                 guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->header->n_districts, NULL);

  return self->strings + self->districts[index].name_offset;
}
