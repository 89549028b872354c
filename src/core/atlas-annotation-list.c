/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-annotation-list.h"

#include <string.h>

struct _AtlasAnnotationList
{
  GObject parent_instance;

  AtlasAnnotationSet *set;
  GQueue undo;                   /* of AtlasAnnotationSet, newest at the tail */
  GQueue redo;
  guint next_id;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasAnnotationList, atlas_annotation_list, G_TYPE_OBJECT)

static void
clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, (GDestroyNotify) atlas_annotation_set_unref);
}

/* Makes set current (taking it), keeping the old one for undo. */
static void
commit (AtlasAnnotationList *self,
        AtlasAnnotationSet  *set)
{
  g_queue_push_tail (&self->undo, self->set);
  if (self->undo.length > ATLAS_ANNOTATION_LIST_MAX_UNDO)
    atlas_annotation_set_unref (g_queue_pop_head (&self->undo));
  clear_queue (&self->redo);
  self->set = set;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The current annotations as a new array, with room for one more. */
static AtlasAnnotation **
copy_items (AtlasAnnotationList *self,
            guint               *n)
{
  AtlasAnnotation **items;

  *n = atlas_annotation_set_get_n (self->set);
  items = g_new (AtlasAnnotation *, *n + 1);
  for (guint i = 0; i < *n; i++)
    items[i] = (AtlasAnnotation *) atlas_annotation_set_get (self->set, i);
  return items;
}

static void
atlas_annotation_list_finalize (GObject *object)
{
  AtlasAnnotationList *self = ATLAS_ANNOTATION_LIST (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_pointer (&self->set, atlas_annotation_set_unref);

  G_OBJECT_CLASS (atlas_annotation_list_parent_class)->finalize (object);
}

static void
atlas_annotation_list_class_init (AtlasAnnotationListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_annotation_list_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_annotation_list_init (AtlasAnnotationList *self)
{
  self->set = atlas_annotation_set_new (NULL, 0);
  self->next_id = 1;
}

AtlasAnnotationList *
atlas_annotation_list_new (void)
{
  return g_object_new (ATLAS_TYPE_ANNOTATION_LIST, NULL);
}

AtlasAnnotationSet *
atlas_annotation_list_get_set (AtlasAnnotationList *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (self), NULL);
  return self->set;
}

guint
atlas_annotation_list_get_n (AtlasAnnotationList *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (self), 0);
  return atlas_annotation_set_get_n (self->set);
}

const AtlasAnnotation *
atlas_annotation_list_find (AtlasAnnotationList *self,
                            guint                id)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (self), NULL);
  return atlas_annotation_set_find (self->set, id, NULL);
}

guint
atlas_annotation_list_add (AtlasAnnotationList   *self,
                           const AtlasAnnotation *annotation)
{
  g_autofree AtlasAnnotation **items = NULL;
  g_autoptr(AtlasAnnotation) copy = NULL;
  guint n;

  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (self), 0);
  g_return_val_if_fail (annotation != NULL, 0);

  if (atlas_annotation_check (annotation) != NULL
      || atlas_annotation_set_get_n (self->set) >= ATLAS_ANNOTATION_MAX_COUNT)
    return 0;
  copy = atlas_annotation_with_text (annotation, annotation->label, annotation->note);
  copy->id = self->next_id++;
  items = copy_items (self, &n);
  items[n] = copy;
  commit (self, atlas_annotation_set_new (items, n + 1));
  return copy->id;
}

gboolean
atlas_annotation_list_replace (AtlasAnnotationList   *self,
                               const AtlasAnnotation *annotation)
{
  g_autofree AtlasAnnotation **items = NULL;
  const AtlasAnnotation *old;
  guint n, position;

  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (self), FALSE);
  g_return_val_if_fail (annotation != NULL, FALSE);

  old = atlas_annotation_set_find (self->set, annotation->id, &position);
  if (old == NULL || atlas_annotation_check (annotation) != NULL
      || atlas_annotation_equal (old, annotation))
    return FALSE;
  items = copy_items (self, &n);
  items[position] = (AtlasAnnotation *) annotation;
  commit (self, atlas_annotation_set_new (items, n));
  return TRUE;
}

gboolean
atlas_annotation_list_remove (AtlasAnnotationList *self,
                              guint                id)
{
  g_autofree AtlasAnnotation **items = NULL;
  guint n, position;

  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (self), FALSE);

  if (atlas_annotation_set_find (self->set, id, &position) == NULL)
    return FALSE;
  items = copy_items (self, &n);
  memmove (items + position, items + position + 1, (n - position - 1) * sizeof *items);
  commit (self, atlas_annotation_set_new (items, n - 1));
  return TRUE;
}

void
atlas_annotation_list_reset (AtlasAnnotationList *self,
                             AtlasAnnotationSet  *set)
{
  g_autofree AtlasAnnotation **items = NULL;
  guint n = atlas_annotation_set_get_n (set);

  g_return_if_fail (ATLAS_IS_ANNOTATION_LIST (self));

  /* Fresh copies: ids are the list's own. */
  items = g_new (AtlasAnnotation *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const AtlasAnnotation *a = atlas_annotation_set_get (set, i);

      items[i] = atlas_annotation_with_text (a, a->label, a->note);
      items[i]->id = self->next_id++;
    }
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_pointer (&self->set, atlas_annotation_set_unref);
  self->set = atlas_annotation_set_new (items, n);
  for (guint i = 0; i < n; i++)
    atlas_annotation_unref (items[i]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
atlas_annotation_list_can_undo (AtlasAnnotationList *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (self), FALSE);
  return self->undo.length > 0;
}

gboolean
atlas_annotation_list_can_redo (AtlasAnnotationList *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (self), FALSE);
  return self->redo.length > 0;
}

gboolean
atlas_annotation_list_undo (AtlasAnnotationList *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (self), FALSE);

  if (self->undo.length == 0)
    return FALSE;
  g_queue_push_tail (&self->redo, self->set);
  self->set = g_queue_pop_tail (&self->undo);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
atlas_annotation_list_redo (AtlasAnnotationList *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOTATION_LIST (self), FALSE);

  if (self->redo.length == 0)
    return FALSE;
  g_queue_push_tail (&self->undo, self->set);
  self->set = g_queue_pop_tail (&self->redo);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}
