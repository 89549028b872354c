/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-selection.h"

typedef struct {
  AtlasSelectionKind kind;
  char *id;
} Entry;

struct _AtlasSelection
{
  GObject parent_instance;

  AtlasDataset *dataset;
  AtlasSelectionKind kind;
  gconstpointer record;

  /* back holds what was selected before the current selection (newest last); forward holds
   * what go_back left (newest last). The current selection is in neither. */
  GArray *back;
  GArray *forward;
};

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasSelection, atlas_selection, G_TYPE_OBJECT)

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->id, g_free);
}

static gconstpointer
find_record (AtlasDataset       *dataset,
             AtlasSelectionKind  kind,
             const char         *id)
{
  guint n, i;

  if (dataset == NULL || id == NULL)
    return NULL;

  switch (kind)
    {
    case ATLAS_SELECTION_DISTRICT:
      return atlas_dataset_find_district (dataset, id);
    case ATLAS_SELECTION_PARTNERSHIP:
      return atlas_dataset_find_partnership (dataset, id);
    case ATLAS_SELECTION_TRUST:
      return atlas_dataset_find_trust (dataset, id);
    case ATLAS_SELECTION_SITE:
      return atlas_dataset_find_site (dataset, id);
    case ATLAS_SELECTION_PRIORITY:
      return atlas_dataset_find_priority (dataset, id);
    case ATLAS_SELECTION_UPDATE:
      {
        const AtlasUpdate *updates = atlas_dataset_get_updates (dataset, &n);

        for (i = 0; i < n; i++)
          if (g_strcmp0 (updates[i].id, id) == 0)
            return &updates[i];
        return NULL;
      }
    case ATLAS_SELECTION_NONE:
    default:
      return NULL;
    }
}

/* Every record struct starts with its index and then its id. */
static const char *
record_id (AtlasSelectionKind kind,
           gconstpointer      record)
{
  if (record == NULL)
    return NULL;

  switch (kind)
    {
    case ATLAS_SELECTION_DISTRICT:
      return ((const AtlasDistrict *) record)->id;
    case ATLAS_SELECTION_PARTNERSHIP:
      return ((const AtlasPartnership *) record)->id;
    case ATLAS_SELECTION_TRUST:
      return ((const AtlasTrust *) record)->id;
    case ATLAS_SELECTION_SITE:
      return ((const AtlasSite *) record)->id;
    case ATLAS_SELECTION_PRIORITY:
      return ((const AtlasPriority *) record)->id;
    case ATLAS_SELECTION_UPDATE:
      return ((const AtlasUpdate *) record)->id;
    case ATLAS_SELECTION_NONE:
    default:
      return NULL;
    }
}

static void
push_entry (GArray             *stack,
            AtlasSelectionKind  kind,
            const char         *id)
{
  Entry entry = { kind, g_strdup (id) };

  g_array_append_val (stack, entry);
}

static void
set_current (AtlasSelection     *self,
             AtlasSelectionKind  kind,
             gconstpointer       record)
{
  self->kind = record != NULL ? kind : ATLAS_SELECTION_NONE;
  self->record = record;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A new selection: the current one goes back, and what was forward is forgotten. */
static void
move_to (AtlasSelection     *self,
         AtlasSelectionKind  kind,
         gconstpointer       record)
{
  push_entry (self->back, self->kind, record_id (self->kind, self->record));
  g_array_set_size (self->forward, 0);
  set_current (self, kind, record);
}

/* Moves the current selection onto `onto`, and makes the newest entry of `from` current. */
static gboolean
step (AtlasSelection *self,
      GArray         *from,
      GArray         *onto)
{
  while (from->len > 0)
    {
      Entry *last = &g_array_index (from, Entry, from->len - 1);
      AtlasSelectionKind kind = last->kind;
      g_autofree char *id = g_steal_pointer (&last->id);
      gconstpointer record;

      g_array_set_size (from, from->len - 1);
      record = find_record (self->dataset, kind, id);
      if (record == NULL && kind != ATLAS_SELECTION_NONE)
        continue;

      push_entry (onto, self->kind, record_id (self->kind, self->record));
      set_current (self, kind, record);
      return TRUE;
    }

  return FALSE;
}

static void
atlas_selection_finalize (GObject *object)
{
  AtlasSelection *self = ATLAS_SELECTION (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->back, g_array_unref);
  g_clear_pointer (&self->forward, g_array_unref);

  G_OBJECT_CLASS (atlas_selection_parent_class)->finalize (object);
}

static void
atlas_selection_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasSelection *self = ATLAS_SELECTION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_selection_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtlasSelection *self = ATLAS_SELECTION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      atlas_selection_set_dataset (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_selection_class_init (AtlasSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_selection_finalize;
  object_class->get_property = atlas_selection_get_property;
  object_class->set_property = atlas_selection_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ATLAS_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_selection_init (AtlasSelection *self)
{
  self->back = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->forward = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->back, clear_entry);
  g_array_set_clear_func (self->forward, clear_entry);
}

AtlasSelection *
atlas_selection_new (void)
{
  return g_object_new (ATLAS_TYPE_SELECTION, NULL);
}

void
atlas_selection_set_dataset (AtlasSelection *self,
                             AtlasDataset   *dataset)
{
  g_return_if_fail (ATLAS_IS_SELECTION (self));
  g_return_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  /* The old record goes before anyone hears of the new dataset: a listener that reads the
   * selection then must not find a record of a dataset that may be gone. */
  g_array_set_size (self->back, 0);
  g_array_set_size (self->forward, 0);
  set_current (self, ATLAS_SELECTION_NONE, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

AtlasDataset *
atlas_selection_get_dataset (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);

  return self->dataset;
}

AtlasSelectionKind
atlas_selection_get_kind (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), ATLAS_SELECTION_NONE);

  return self->kind;
}

const char *
atlas_selection_get_id (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);

  return record_id (self->kind, self->record);
}

gconstpointer
atlas_selection_get_record (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL);

  return self->record;
}

#define DEFINE_GETTER(Type, name, KIND) \
  const Type * \
  atlas_selection_get_##name (AtlasSelection *self) \
  { \
    g_return_val_if_fail (ATLAS_IS_SELECTION (self), NULL); \
    return self->kind == KIND ? self->record : NULL; \
  }

DEFINE_GETTER (AtlasDistrict, district, ATLAS_SELECTION_DISTRICT)
DEFINE_GETTER (AtlasPartnership, partnership, ATLAS_SELECTION_PARTNERSHIP)
DEFINE_GETTER (AtlasTrust, trust, ATLAS_SELECTION_TRUST)
DEFINE_GETTER (AtlasSite, site, ATLAS_SELECTION_SITE)
DEFINE_GETTER (AtlasPriority, priority, ATLAS_SELECTION_PRIORITY)
DEFINE_GETTER (AtlasUpdate, update, ATLAS_SELECTION_UPDATE)

gboolean
atlas_selection_select (AtlasSelection     *self,
                        AtlasSelectionKind  kind,
                        const char         *id)
{
  gconstpointer record;

  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);

  record = find_record (self->dataset, kind, id);
  if (record == NULL)
    return FALSE;
  if (record == self->record)
    return TRUE;

  move_to (self, kind, record);
  return TRUE;
}

gboolean
atlas_selection_select_any (AtlasSelection *self,
                            const char     *id)
{
  static const AtlasSelectionKind order[] = {
    ATLAS_SELECTION_DISTRICT, ATLAS_SELECTION_PARTNERSHIP, ATLAS_SELECTION_TRUST,
    ATLAS_SELECTION_SITE, ATLAS_SELECTION_PRIORITY, ATLAS_SELECTION_UPDATE,
  };
  guint i;

  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);

  for (i = 0; i < G_N_ELEMENTS (order); i++)
    if (atlas_selection_select (self, order[i], id))
      return TRUE;

  return FALSE;
}

gboolean
atlas_selection_present (AtlasSelection     *self,
                         AtlasSelectionKind  kind,
                         const char         *id)
{
  gconstpointer record;

  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);

  record = find_record (self->dataset, kind, id);
  if (record == NULL && kind != ATLAS_SELECTION_NONE)
    return FALSE;
  if (self->kind != kind || self->record != record)
    set_current (self, kind, record);
  return TRUE;
}

void
atlas_selection_clear (AtlasSelection *self)
{
  g_return_if_fail (ATLAS_IS_SELECTION (self));

  if (self->record == NULL)
    return;

  move_to (self, ATLAS_SELECTION_NONE, NULL);
}

gboolean
atlas_selection_can_go_back (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);

  return self->back->len > 0;
}

gboolean
atlas_selection_can_go_forward (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);

  return self->forward->len > 0;
}

gboolean
atlas_selection_go_back (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);

  return step (self, self->back, self->forward);
}

gboolean
atlas_selection_go_forward (AtlasSelection *self)
{
  g_return_val_if_fail (ATLAS_IS_SELECTION (self), FALSE);

  return step (self, self->forward, self->back);
}

const char *
atlas_selection_kind_to_string (AtlasSelectionKind kind)
{
  switch (kind)
    {
    case ATLAS_SELECTION_DISTRICT: return "district";
    case ATLAS_SELECTION_PARTNERSHIP: return "partnership";
    case ATLAS_SELECTION_TRUST: return "trust";
    case ATLAS_SELECTION_SITE: return "site";
    case ATLAS_SELECTION_PRIORITY: return "priority";
    case ATLAS_SELECTION_UPDATE: return "update";
    case ATLAS_SELECTION_NONE:
    default: return "none";
    }
}
