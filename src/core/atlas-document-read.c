/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "atlas-document-private.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "atlas-dataset.h"

/* Reading a map document's members. Every check reports into the problem list and carries
 * on, so one read shows every problem of the document; the wording follows the dataset
 * loader's. */

/* A longitude or latitude within limit (and what the map can show), or FALSE after saying so. */
static gboolean
read_degrees (AtlasDocumentReader *reader,
              const AtlasJsonNode *node,
              gboolean             latitude,
              double              *out)
{
  double limit = latitude ? ATLAS_MERCATOR_MAX_LATITUDE : 180.0;

  if (!_atlas_loader_expect (reader, node, ATLAS_JSON_NUMBER))
    return FALSE;
  if (fabs (node->v.number) > limit)
    {
      _atlas_loader_problem (reader, node, ATLAS_DATASET_ERROR_SCHEMA,
                             latitude ? "latitude %g is outside [-85.0511, 85.0511], the "
                                          "latitudes the map can show"
                                        : "longitude %g is outside [-180, 180]",
                             node->v.number);
      return FALSE;
    }
  *out = node->v.number;
  return TRUE;
}

static void
read_system (AtlasDocumentReader *reader,
             AtlasDocument       *doc,
             const AtlasJsonNode *system,
             GFile               *base)
{
  static const char * const allowed[] = { "id", "dataset", NULL };
  const char *id, *dataset;

  if (!_atlas_loader_check_members (reader, system, allowed))
    return;
  id = _atlas_loader_text (reader, system, "id", FALSE);
  dataset = _atlas_loader_text (reader, system, "dataset", FALSE);
  doc->system_node = system;
  if (id == NULL && dataset == NULL && atlas_json_node_get_member (system, "id") == NULL
      && atlas_json_node_get_member (system, "dataset") == NULL)
    _atlas_loader_problem (reader, system, ATLAS_DATASET_ERROR_SCHEMA,
                           "expected \"id\" (a bundled system) or \"dataset\" (the path of a "
                           "dataset file, relative to the document)");
  if (dataset != NULL)
    {
      g_autoptr(GFile) file = base != NULL ? g_file_resolve_relative_path (base, dataset)
                                           : g_file_new_for_path (dataset);

      doc->dataset_path = g_file_get_path (file);
      doc->system_node = atlas_json_node_get_member (system, "dataset");
    }
  else if (id != NULL && !g_strv_contains (atlas_dataset_bundled_ids (), id))
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) atlas_dataset_bundled_ids ());

      _atlas_loader_problem (reader, atlas_json_node_get_member (system, "id"),
                             ATLAS_DATASET_ERROR_REFERENCE,
                             "unknown system \"%s\": the bundled systems are %s; name a "
                             "dataset file with \"dataset\"", id, ids);
      return;
    }
  doc->system_id = g_strdup (id);
}

static void
read_view (AtlasDocumentReader *reader,
           AtlasDocument       *doc,
           const AtlasJsonNode *view)
{
  static const char * const allowed[] = { "west", "south", "east", "north", NULL };
  static const char * const sides[] = { "west", "south", "east", "north" };
  double values[4];
  gboolean ok = TRUE;

  if (!_atlas_loader_check_members (reader, view, allowed))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      const AtlasJsonNode *side = atlas_json_node_get_member (view, sides[i]);

      if (side == NULL)
        {
          _atlas_loader_problem (reader, view, ATLAS_DATASET_ERROR_SCHEMA,
                                 "missing required member \"%s\"", sides[i]);
          ok = FALSE;
        }
      else
        ok &= read_degrees (reader, side, i % 2 == 1, &values[i]);
    }
  if (!ok)
    return;
  if (values[0] >= values[2] || values[1] >= values[3])
    {
      _atlas_loader_problem (reader, view, ATLAS_DATASET_ERROR_SCHEMA,
                             "expected west < east and south < north");
      return;
    }
  doc->view = (AtlasBBox) { values[0], values[1], values[2], values[3] };
  doc->has_view = TRUE;
  doc->view_node = view;
}

static void
read_selection (AtlasDocumentReader *reader,
                AtlasDocument       *doc,
                const AtlasJsonNode *selection)
{
  static const char * const allowed[] = { "kind", "id", NULL };
  static const AtlasSelectionKind kinds[] = {
    ATLAS_SELECTION_DISTRICT, ATLAS_SELECTION_PARTNERSHIP, ATLAS_SELECTION_TRUST,
    ATLAS_SELECTION_SITE, ATLAS_SELECTION_PRIORITY, ATLAS_SELECTION_UPDATE,
  };
  const char *kind, *id;

  if (!_atlas_loader_check_members (reader, selection, allowed))
    return;
  kind = _atlas_loader_text (reader, selection, "kind", TRUE);
  id = _atlas_loader_text (reader, selection, "id", TRUE);
  if (kind == NULL || id == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kind, atlas_selection_kind_to_string (kinds[i])) == 0)
      {
        doc->selection_kind = kinds[i];
        doc->selection_id = g_strdup (id);
        doc->selection_node = atlas_json_node_get_member (selection, "id");
        return;
      }
  _atlas_loader_problem (reader, atlas_json_node_get_member (selection, "kind"),
                         ATLAS_DATASET_ERROR_SCHEMA,
                         "expected \"district\", \"partnership\", \"trust\", \"site\", "
                         "\"priority\" or \"update\", found \"%s\"", kind);
}

static void
read_basemap (AtlasDocumentReader *reader,
              AtlasDocument       *doc,
              const AtlasJsonNode *root)
{
  const char *basemap = _atlas_loader_text (reader, root, "basemap", FALSE);

  if (basemap == NULL)
    return;
  if (strcmp (basemap, "offline") != 0 && strcmp (basemap, "osm") != 0)
    {
      _atlas_loader_problem (reader, atlas_json_node_get_member (root, "basemap"),
                             ATLAS_DATASET_ERROR_SCHEMA,
                             "expected \"offline\" or \"osm\", found \"%s\"", basemap);
      return;
    }
  doc->basemap = g_strdup (basemap);
}

/* The annotation's points, or NULL after saying what is wrong with them. */
static AtlasPoint *
read_points (AtlasDocumentReader *reader,
             const AtlasJsonNode *points,
             AtlasAnnotationKind  kind,
             guint               *n_points)
{
  guint n = atlas_json_node_get_length (points);
  g_autofree AtlasPoint *out = NULL;
  gboolean ok = TRUE;

  if ((kind == ATLAS_ANNOTATION_PIN || kind == ATLAS_ANNOTATION_TEXT) && n != 1)
    _atlas_loader_problem (reader, points, ATLAS_DATASET_ERROR_SCHEMA,
                           "a %s has exactly one point, found %u",
                           kind == ATLAS_ANNOTATION_PIN ? "pin" : "text box", n);
  else if (kind == ATLAS_ANNOTATION_ARROW && n != 2)
    _atlas_loader_problem (reader, points, ATLAS_DATASET_ERROR_SCHEMA,
                           "an arrow has exactly two points (its tail, then its head), "
                           "found %u", n);
  else if (kind == ATLAS_ANNOTATION_AREA && (n < 3 || n > ATLAS_ANNOTATION_MAX_POINTS))
    _atlas_loader_problem (reader, points, ATLAS_DATASET_ERROR_SCHEMA,
                           "an area has from 3 to %d points, found %u",
                           ATLAS_ANNOTATION_MAX_POINTS, n);
  else
    {
      out = g_new (AtlasPoint, n);
      for (guint i = 0; i < n; i++)
        {
          const AtlasJsonNode *p = atlas_json_node_get_child (points, i);

          if (p->kind != ATLAS_JSON_ARRAY || atlas_json_node_get_length (p) != 2)
            {
              _atlas_loader_problem (reader, p, ATLAS_DATASET_ERROR_SCHEMA,
                                     "expected a position [longitude, latitude]");
              ok = FALSE;
              continue;
            }
          ok &= read_degrees (reader, atlas_json_node_get_child (p, 0), FALSE, &out[i].x);
          ok &= read_degrees (reader, atlas_json_node_get_child (p, 1), TRUE, &out[i].y);
        }
      *n_points = n;
      return ok ? g_steal_pointer (&out) : NULL;
    }
  return NULL;
}

/* A label or note within its length, or NULL (after a problem when it is too long). */
static const char *
read_annotation_text (AtlasDocumentReader *reader,
                      const AtlasJsonNode *obj,
                      const char          *name,
                      gboolean             required,
                      glong                max)
{
  const char *text = _atlas_loader_text (reader, obj, name, required);

  if (text != NULL && g_utf8_strlen (text, -1) > max)
    {
      _atlas_loader_problem (reader, atlas_json_node_get_member (obj, name),
                             ATLAS_DATASET_ERROR_LIMIT,
                             "a %s has at most %ld characters, found %ld", name, max,
                             g_utf8_strlen (text, -1));
      return NULL;
    }
  return text;
}

static AtlasAnnotation *
read_annotation (AtlasDocumentReader *reader,
                 const AtlasJsonNode *obj)
{
  static const char * const allowed[] = { "kind", "colour", "label", "note", "points", NULL };
  const char *kind_name, *colour_name, *label, *note;
  const AtlasJsonNode *points_node;
  g_autofree AtlasPoint *points = NULL;
  AtlasAnnotationKind kind;
  AtlasAnnotationColour colour = ATLAS_ANNOTATION_RED;
  guint n_points = 0;
  gboolean ok = TRUE;

  if (!_atlas_loader_check_members (reader, obj, allowed))
    return NULL;
  kind_name = _atlas_loader_text (reader, obj, "kind", TRUE);
  if (kind_name != NULL && !atlas_annotation_kind_from_string (kind_name, &kind))
    _atlas_loader_problem (reader, atlas_json_node_get_member (obj, "kind"),
                           ATLAS_DATASET_ERROR_SCHEMA,
                           "expected \"pin\", \"text\", \"arrow\" or \"area\", found \"%s\"",
                           kind_name);
  colour_name = _atlas_loader_text (reader, obj, "colour", FALSE);
  if (colour_name != NULL && !atlas_annotation_colour_from_string (colour_name, &colour))
    {
      _atlas_loader_problem (reader, atlas_json_node_get_member (obj, "colour"),
                             ATLAS_DATASET_ERROR_SCHEMA,
                             "expected \"red\", \"blue\", \"green\", \"purple\" or \"ink\", "
                             "found \"%s\"", colour_name);
      ok = FALSE;
    }
  if (kind_name == NULL || !atlas_annotation_kind_from_string (kind_name, &kind))
    return NULL;

  /* A pin's label and a text box's text are what they are for. */
  label = read_annotation_text (reader, obj, "label",
                                kind == ATLAS_ANNOTATION_PIN || kind == ATLAS_ANNOTATION_TEXT,
                                ATLAS_ANNOTATION_MAX_LABEL);
  ok &= label != NULL || atlas_json_node_get_member (obj, "label") == NULL;
  note = read_annotation_text (reader, obj, "note", FALSE, ATLAS_ANNOTATION_MAX_NOTE);
  ok &= note != NULL || atlas_json_node_get_member (obj, "note") == NULL;
  points_node = _atlas_loader_member (reader, obj, "points", ATLAS_JSON_ARRAY, TRUE);
  if (points_node != NULL)
    points = read_points (reader, points_node, kind, &n_points);
  if (!ok || points == NULL
      || ((kind == ATLAS_ANNOTATION_PIN || kind == ATLAS_ANNOTATION_TEXT) && label == NULL))
    return NULL;
  return atlas_annotation_new (kind, colour, label, note, points, n_points);
}

static void
read_annotations (AtlasDocumentReader *reader,
                  AtlasDocument       *doc,
                  const AtlasJsonNode *array)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                               atlas_annotation_unref);
  guint n = atlas_json_node_get_length (array);

  if (n > ATLAS_ANNOTATION_MAX_COUNT)
    {
      _atlas_loader_problem (reader, array, ATLAS_DATASET_ERROR_LIMIT,
                             "at most %d annotations, found %u", ATLAS_ANNOTATION_MAX_COUNT, n);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const AtlasJsonNode *node = atlas_json_node_get_child (array, i);
      AtlasAnnotation *annotation = read_annotation (reader, node);
      const char *problem;

      if (annotation == NULL)
        continue;
      /* The checks above are the model's, located; this one is what the model demands. */
      if ((problem = atlas_annotation_check (annotation)) != NULL)
        {
          _atlas_loader_problem (reader, node, ATLAS_DATASET_ERROR_SCHEMA, "%s", problem);
          atlas_annotation_unref (annotation);
          continue;
        }
      annotation->id = i + 1;
      g_ptr_array_add (items, annotation);
    }
  g_clear_pointer (&doc->annotations, atlas_annotation_set_unref);
  doc->annotations = atlas_annotation_set_new ((AtlasAnnotation * const *) items->pdata,
                                               items->len);
}

void
_atlas_document_read_root (AtlasDocumentReader *reader,
                           AtlasDocument       *doc,
                           const AtlasJsonNode *root,
                           GFile               *base)
{
  static const char * const allowed[] = {
    "format", "system", "view", "thematic", "selection", "basemap", "annotations",
    "data_layers", NULL,
  };
  const AtlasJsonNode *member;
  const char *format;

  if (!_atlas_loader_check_members (reader, root, allowed))
    return;
  format = _atlas_loader_text (reader, root, "format", TRUE);
  if (format != NULL && strcmp (format, ATLAS_DOCUMENT_FORMAT) != 0)
    _atlas_loader_problem (reader, atlas_json_node_get_member (root, "format"),
                           ATLAS_DATASET_ERROR_SCHEMA, "expected \"%s\", found \"%s\"",
                           ATLAS_DOCUMENT_FORMAT, format);
  if ((member = _atlas_loader_member (reader, root, "system", ATLAS_JSON_OBJECT, TRUE)))
    read_system (reader, doc, member, base);
  if ((member = _atlas_loader_member (reader, root, "view", ATLAS_JSON_OBJECT, FALSE)))
    read_view (reader, doc, member);
  if (_atlas_loader_text (reader, root, "thematic", FALSE) != NULL)
    {
      doc->thematic_node = atlas_json_node_get_member (root, "thematic");
      doc->thematic = g_strdup (doc->thematic_node->v.string.str);
    }
  if ((member = _atlas_loader_member (reader, root, "selection", ATLAS_JSON_OBJECT, FALSE)))
    read_selection (reader, doc, member);
  read_basemap (reader, doc, root);
  if ((member = _atlas_loader_member (reader, root, "annotations", ATLAS_JSON_ARRAY, FALSE)))
    read_annotations (reader, doc, member);
  if ((member = _atlas_loader_member (reader, root, "data_layers", ATLAS_JSON_ARRAY, FALSE)))
    _atlas_document_read_data_layers (reader, member, doc->data_layers);
}
