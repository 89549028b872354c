/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-annotation.h"
#include "atlas-map-state.h"

G_BEGIN_DECLS

/* A map document (.atlas): a planner's map to save, send and open again. It names the care
 * system (a bundled id, or a dataset file by its path relative to the document), and holds the
 * view, the thematic layer, the selection, the base map, the annotations and the planner's own
 * data layers, embedded so the document travels alone. The format is described in
 * docs/map-document.md and data/ics-atlas-map.schema.json.
 *
 * Reading uses the project's located JSON reader: every problem of a document is reported at
 * once, each as "FILE:LINE:COLUMN: JSON.PATH: what was expected" (ATLAS_DATASET_ERROR domain,
 * as for datasets). Checks happen in two steps: atlas_document_read () checks the document on
 * its own (its form, the annotations, a system id that is not bundled); atlas_document_check ()
 * checks it against the dataset it names (the selection and the thematic layer exist). Writing
 * uses json-glib's JsonBuilder and JsonGenerator, and replaces the file atomically. */

#define ATLAS_DOCUMENT_FORMAT  "ics-atlas-map/1"
#define ATLAS_DOCUMENT_SUFFIX  ".atlas"
#define ATLAS_DOCUMENT_MIME    "application/x-ics-atlas-map"

typedef struct _AtlasDocument AtlasDocument;

/* The parsed document, or NULL with every problem in error. base is the folder a dataset path
 * is relative to (the document's own; NULL: the working folder); display_name starts every
 * message. */
AtlasDocument      *atlas_document_read_bytes   (GBytes            *bytes,
                                                 const char        *display_name,
                                                 GFile             *base,
                                                 GError           **error);
/* The same from a file, named in messages by display_name (NULL: its parse name). */
AtlasDocument      *atlas_document_read         (GFile             *file,
                                                 const char        *display_name,
                                                 GError           **error);
AtlasDocument      *atlas_document_ref          (AtlasDocument     *self);
void                atlas_document_unref        (AtlasDocument     *self);

/* The system: a bundled id ("hwe"), or the absolute path of a dataset file (resolved from the
 * document's folder), which atlas_dataset_load () takes as it is. */
const char         *atlas_document_get_system   (AtlasDocument     *self);
/* Loads that system; a dataset that does not load fails with its own problems. */
AtlasDataset       *atlas_document_load_dataset (AtlasDocument     *self,
                                                 GError           **error);
/* The references into the dataset: the selected record and the thematic layer exist, and a
 * dataset file is the system the document says. FALSE with every problem, located. */
gboolean            atlas_document_check        (AtlasDocument     *self,
                                                 AtlasDataset      *dataset,
                                                 GError           **error);

/* Reads, loads the dataset and checks, in one go: what opening a document does. */
AtlasDocument      *atlas_document_open         (GFile             *file,
                                                 const char        *display_name,
                                                 AtlasDataset     **dataset,
                                                 GError           **error);

/* Sets state (already showing the document's dataset) to what the document holds: thematic
 * layer, selection, base map, view and annotations (a fresh undo history). The data layers
 * go through atlas_document_restore_data_layers (). */
void                atlas_document_apply        (AtlasDocument     *self,
                                                 AtlasMapState     *state);
/* What was saved: the view (lon/lat), FALSE when the document has none. */
gboolean            atlas_document_get_view     (AtlasDocument     *self,
                                                 AtlasBBox         *view);
const char         *atlas_document_get_basemap  (AtlasDocument     *self);
AtlasAnnotationSet *atlas_document_get_annotations (AtlasDocument  *self);
/* The embedded data layers, as read (AtlasDocumentLayer, see atlas-document-layers.h). */
GPtrArray          *atlas_document_get_data_layers (AtlasDocument  *self);

/* A document of what state shows. system is a bundled id or a dataset file's absolute path
 * (written relative to where the document is saved); view may be NULL. data_layers: what the
 * state does not hold itself but the document must keep (see atlas-document-layers.h); NULL
 * for none. */
AtlasDocument      *atlas_document_new_from_state (AtlasMapState   *state,
                                                   const char      *system,
                                                   const AtlasBBox *view,
                                                   GPtrArray       *data_layers);
/* The JSON text, with a dataset path relative to destination's folder. */
GBytes             *atlas_document_to_bytes     (AtlasDocument     *self,
                                                 GFile             *destination);
/* Writes atomically (a temporary file renamed over the destination). */
gboolean            atlas_document_write        (AtlasDocument     *self,
                                                 GFile             *file,
                                                 GError           **error);

/* Whether a file name is a map document's (by its suffix). */
gboolean            atlas_document_is_document_name (const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasDocument, atlas_document_unref)

G_END_DECLS
