/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-annotation.h"

#include <math.h>
#include <string.h>

struct _AtlasAnnotationSet
{
  gatomicrefcount ref_count;
  guint n_items;
  AtlasAnnotation **items;
};

static const char * const kind_names[ATLAS_ANNOTATION_N_KINDS] = {
  [ATLAS_ANNOTATION_PIN] = "pin",
  [ATLAS_ANNOTATION_TEXT] = "text",
  [ATLAS_ANNOTATION_ARROW] = "arrow",
  [ATLAS_ANNOTATION_AREA] = "area",
};

/* GNOME's palette: the darker shade holds against light fills and paper, the lighter one
 * against the dark map; "ink" is the theme's text colour. */
static const struct {
  const char *name;
  guint32 light;
  guint32 dark;
} colours[ATLAS_ANNOTATION_N_COLOURS] = {
  [ATLAS_ANNOTATION_RED] = { "red", 0xc01c28, 0xff7b63 },
  [ATLAS_ANNOTATION_BLUE] = { "blue", 0x1a5fb4, 0x99c1f1 },
  [ATLAS_ANNOTATION_GREEN] = { "green", 0x26a269, 0x8ff0a4 },
  [ATLAS_ANNOTATION_PURPLE] = { "purple", 0x813d9c, 0xdc8add },
  [ATLAS_ANNOTATION_INK] = { "ink", 0x1f1f1f, 0xf6f5f4 },
};

static char *
dup_text (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static AtlasAnnotation *
annotation_alloc (const AtlasAnnotation *like)
{
  AtlasAnnotation *self = g_new0 (AtlasAnnotation, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = like->id;
  self->kind = like->kind;
  self->colour = like->colour;
  self->n_points = like->n_points;
  self->points = g_memdup2 (like->points, sizeof (AtlasPoint) * MAX (like->n_points, 1));
  return self;
}

AtlasAnnotation *
atlas_annotation_new (AtlasAnnotationKind    kind,
                      AtlasAnnotationColour  colour,
                      const char            *label,
                      const char            *note,
                      const AtlasPoint      *points,
                      guint                  n_points)
{
  AtlasAnnotation like = { .kind = kind, .colour = colour, .n_points = n_points };
  AtlasAnnotation *self;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  like.points = (AtlasPoint *) points;
  self = annotation_alloc (&like);
  self->label = dup_text (label);
  self->note = dup_text (note);
  return self;
}

AtlasAnnotation *
atlas_annotation_ref (AtlasAnnotation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_annotation_unref (AtlasAnnotation *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->label);
  g_free (self->note);
  g_free (self->points);
  g_free (self);
}

AtlasAnnotation *
atlas_annotation_with_text (const AtlasAnnotation *self,
                            const char            *label,
                            const char            *note)
{
  AtlasAnnotation *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = annotation_alloc (self);
  copy->label = dup_text (label);
  copy->note = dup_text (note);
  return copy;
}

AtlasAnnotation *
atlas_annotation_with_colour (const AtlasAnnotation *self,
                              AtlasAnnotationColour  colour)
{
  AtlasAnnotation *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = atlas_annotation_with_text (self, self->label, self->note);
  copy->colour = colour;
  return copy;
}

AtlasAnnotation *
atlas_annotation_moved (const AtlasAnnotation *self,
                        double                 dx,
                        double                 dy)
{
  double top, bottom, unused;
  AtlasAnnotation *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = atlas_annotation_with_text (self, self->label, self->note);
  atlas_project (0, ATLAS_MERCATOR_MAX_LATITUDE, &unused, &top);
  atlas_project (0, -ATLAS_MERCATOR_MAX_LATITUDE, &unused, &bottom);
  for (guint i = 0; i < copy->n_points; i++)
    {
      double x, y, lon, lat;

      atlas_project (copy->points[i].x, copy->points[i].y, &x, &y);
      x += dx;
      y = CLAMP (y + dy, top, bottom);
      atlas_unproject (x, y, &lon, &lat);
      /* Round the world, so that a long drag eastwards comes back in from the west. */
      lon = remainder (lon, 360.0);
      copy->points[i].x = lon;
      copy->points[i].y = lat;
    }
  return copy;
}

static gboolean
text_too_long (const char *text,
               glong       max)
{
  return text != NULL && g_utf8_strlen (text, -1) > max;
}

const char *
atlas_annotation_check (const AtlasAnnotation *self)
{
  g_return_val_if_fail (self != NULL, "no annotation");

  switch (self->kind)
    {
    case ATLAS_ANNOTATION_PIN:
    case ATLAS_ANNOTATION_TEXT:
      if (self->n_points != 1)
        return "a pin or a text box has exactly one point";
      if (self->label == NULL)
        return self->kind == ATLAS_ANNOTATION_PIN ? "a pin needs a label"
                                                  : "a text box needs its text, as \"label\"";
      break;
    case ATLAS_ANNOTATION_ARROW:
      if (self->n_points != 2)
        return "an arrow has exactly two points, from its tail to its head";
      break;
    case ATLAS_ANNOTATION_AREA:
      if (self->n_points < 3)
        return "an area has at least three points";
      if (self->n_points > ATLAS_ANNOTATION_MAX_POINTS)
        return "an area has at most 10000 points";
      break;
    default:
      return "unknown kind of annotation";
    }
  if ((guint) self->colour >= ATLAS_ANNOTATION_N_COLOURS)
    return "unknown colour";
  for (guint i = 0; i < self->n_points; i++)
    if (!isfinite (self->points[i].x) || !isfinite (self->points[i].y)
        || fabs (self->points[i].x) > 180 || fabs (self->points[i].y) > ATLAS_MERCATOR_MAX_LATITUDE)
      return "a point is [longitude, latitude], longitude from -180 to 180 and latitude from "
             "-85.0511 to 85.0511";
  if (text_too_long (self->label, ATLAS_ANNOTATION_MAX_LABEL))
    return "a label has at most 1000 characters";
  if (text_too_long (self->note, ATLAS_ANNOTATION_MAX_NOTE))
    return "a note has at most 10000 characters";
  return NULL;
}

gboolean
atlas_annotation_equal (const AtlasAnnotation *a,
                        const AtlasAnnotation *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->kind == b->kind && a->colour == b->colour && a->n_points == b->n_points
         && g_strcmp0 (a->label, b->label) == 0 && g_strcmp0 (a->note, b->note) == 0
         && memcmp (a->points, b->points, sizeof (AtlasPoint) * a->n_points) == 0;
}

void
atlas_annotation_get_bbox (const AtlasAnnotation *self,
                           AtlasBBox             *bbox)
{
  g_return_if_fail (self != NULL && bbox != NULL);

  atlas_bbox_init_empty (bbox);
  for (guint i = 0; i < self->n_points; i++)
    atlas_bbox_extend (bbox, self->points[i].x, self->points[i].y);
}

const char *
atlas_annotation_kind_to_string (AtlasAnnotationKind kind)
{
  return (guint) kind < ATLAS_ANNOTATION_N_KINDS ? kind_names[kind] : NULL;
}

gboolean
atlas_annotation_kind_from_string (const char          *text,
                                   AtlasAnnotationKind *kind)
{
  for (guint i = 0; text != NULL && i < ATLAS_ANNOTATION_N_KINDS; i++)
    if (strcmp (text, kind_names[i]) == 0)
      {
        *kind = (AtlasAnnotationKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
atlas_annotation_colour_to_string (AtlasAnnotationColour colour)
{
  return (guint) colour < ATLAS_ANNOTATION_N_COLOURS ? colours[colour].name : NULL;
}

gboolean
atlas_annotation_colour_from_string (const char            *text,
                                     AtlasAnnotationColour *colour)
{
  for (guint i = 0; text != NULL && i < ATLAS_ANNOTATION_N_COLOURS; i++)
    if (strcmp (text, colours[i].name) == 0)
      {
        *colour = (AtlasAnnotationColour) i;
        return TRUE;
      }
  return FALSE;
}

guint32
atlas_annotation_colour_rgb (AtlasAnnotationColour colour,
                             gboolean              dark)
{
  if ((guint) colour >= ATLAS_ANNOTATION_N_COLOURS)
    colour = ATLAS_ANNOTATION_INK;
  return dark ? colours[colour].dark : colours[colour].light;
}

AtlasAnnotationSet *
atlas_annotation_set_new (AtlasAnnotation * const *items,
                          guint                    n_items)
{
  AtlasAnnotationSet *self = g_new0 (AtlasAnnotationSet, 1);

  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->n_items = n_items;
  self->items = g_new (AtlasAnnotation *, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    self->items[i] = atlas_annotation_ref (items[i]);
  return self;
}

AtlasAnnotationSet *
atlas_annotation_set_ref (AtlasAnnotationSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_annotation_set_unref (AtlasAnnotationSet *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < self->n_items; i++)
    atlas_annotation_unref (self->items[i]);
  g_free (self->items);
  g_free (self);
}

guint
atlas_annotation_set_get_n (const AtlasAnnotationSet *self)
{
  return self != NULL ? self->n_items : 0;
}

const AtlasAnnotation *
atlas_annotation_set_get (const AtlasAnnotationSet *self,
                          guint                     i)
{
  g_return_val_if_fail (self != NULL && i < self->n_items, NULL);
  return self->items[i];
}

const AtlasAnnotation *
atlas_annotation_set_find (const AtlasAnnotationSet *self,
                           guint                     id,
                           guint                    *position)
{
  for (guint i = 0; self != NULL && i < self->n_items; i++)
    if (self->items[i]->id == id)
      {
        if (position != NULL)
          *position = i;
        return self->items[i];
      }
  return NULL;
}

gboolean
atlas_annotation_set_equal (const AtlasAnnotationSet *a,
                            const AtlasAnnotationSet *b)
{
  if (atlas_annotation_set_get_n (a) != atlas_annotation_set_get_n (b))
    return FALSE;
  for (guint i = 0; i < atlas_annotation_set_get_n (a); i++)
    if (!atlas_annotation_equal (a->items[i], b->items[i]))
      return FALSE;
  return TRUE;
}
