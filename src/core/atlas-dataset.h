/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-error.h"
#include "atlas-geometry.h"

G_BEGIN_DECLS

/* The records of one care system. They are plain structs owned by the AtlasDataset that holds
 * them: the dataset is immutable once loaded, so records and their strings stay valid for the
 * dataset's lifetime and can be shared with worker threads without locks.
 * Optional strings are NULL when the dataset leaves them out ("not recorded" in the UI).
 * Every record has a source: the id of an entry in the dataset's sources. A record whose
 * fields come from different documents (a trust named in one document, with its role a
 * structural fact) lists the others field by field in field_sources. */

typedef struct _AtlasSource      AtlasSource;
typedef struct _AtlasFieldSource AtlasFieldSource;
typedef struct _AtlasFact        AtlasFact;
typedef struct _AtlasSection     AtlasSection;
typedef struct _AtlasDistrict    AtlasDistrict;
typedef struct _AtlasPartnership AtlasPartnership;
typedef struct _AtlasTrust       AtlasTrust;
typedef struct _AtlasSite        AtlasSite;
typedef struct _AtlasPriority    AtlasPriority;
typedef struct _AtlasIndicator   AtlasIndicator;
typedef struct _AtlasIndicatorValue AtlasIndicatorValue;
typedef struct _AtlasUpdate      AtlasUpdate;

typedef enum {
  ATLAS_PARTNERSHIP_PLACE,     /* covers districts geographically: fills them on the map */
  ATLAS_PARTNERSHIP_THEMATIC,  /* a theme across districts: outline only */
} AtlasPartnershipKind;

typedef enum {
  ATLAS_SITE_ACUTE,
  ATLAS_SITE_LOCAL,
  ATLAS_SITE_OTHER,
} AtlasSiteKind;

struct _AtlasSource {
  const char *id;          /* e.g. "000_399340710ed370ab.txt" or "structure" */
  const char *title;
  const char *publisher;   /* optional */
  const char *licence;     /* optional */
  const char *url;         /* optional, http(s) only */
};

/* The source of one field of a record, when it is not the record's own source. */
struct _AtlasFieldSource {
  const char *field;       /* a member of the record: "kind", "area", "nhs_body" */
  const char *source;
};

struct _AtlasFact {
  const char *id;
  const char *label;       /* "Population" */
  const char *value;       /* "just over 1.6 million people" */
  const char *source;
};

/* A block of text: a heading, a paragraph and/or bullet items. A section without a title goes
 * on from the one before it. */
struct _AtlasSection {
  const char *title;       /* optional */
  const char *text;        /* optional */
  guint n_items;
  const char **items;      /* optional bullet points */
};

struct _AtlasDistrict {
  guint index;             /* position in the dataset's district array */
  const char *id;
  const char *name;
  const char *council;     /* optional */
  const char *county;      /* optional */
  const char *code;        /* ONS code, links to the boundary feature */
  guint n_field_sources;
  const AtlasFieldSource *field_sources;
  const char *source;
  const AtlasPartnership *partnership;  /* its place partnership, or NULL */
  const AtlasShape *shape;              /* never NULL once loaded */
};

struct _AtlasPartnership {
  guint index;
  const char *id;
  const char *name;
  const char *short_name;  /* optional */
  AtlasPartnershipKind kind;
  const char *description; /* optional */
  gboolean has_colour;
  guint32 colour;          /* 0xRRGGBB, when has_colour; else the palette decides */
  guint n_districts;
  const AtlasDistrict **districts;
  guint n_facts;
  const AtlasFact *facts;
  guint n_sections;
  const AtlasSection *sections;
  guint n_field_sources;
  const AtlasFieldSource *field_sources;
  const char *source;
};

struct _AtlasTrust {
  guint index;
  const char *id;
  const char *name;
  const char *short_name;  /* optional */
  const char *kind;        /* free text: "acute", "community", "mental health and community" */
  const char *area;        /* optional: the main area it serves */
  guint n_field_sources;
  const AtlasFieldSource *field_sources;
  const char *source;
};

struct _AtlasSite {
  guint index;
  const char *id;
  const char *name;
  const char *town;        /* optional */
  AtlasSiteKind kind;
  double lat;
  double lon;
  const AtlasTrust *trust;
  const AtlasDistrict *district;
  guint n_field_sources;
  const AtlasFieldSource *field_sources;
  const char *source;
};

struct _AtlasPriority {
  guint index;
  const char *id;
  guint number;            /* 1-based order within its group */
  const char *title;
  const char *group;       /* optional, e.g. "Key work programmes" */
  const char *summary;     /* optional */
  const AtlasPartnership *partnership;  /* NULL: the whole system's */
  guint n_sections;
  const AtlasSection *sections;
  guint n_field_sources;
  const AtlasFieldSource *field_sources;
  const char *source;
};

struct _AtlasIndicatorValue {
  const char *area;        /* label of the area the figure is for: "Essex" */
  double value;
  guint n_districts;
  const AtlasDistrict **districts;  /* the districts that take this figure */
};

struct _AtlasIndicator {
  guint index;
  const char *id;
  const char *title;
  const char *unit;        /* "%" */
  const char *period;      /* "2019-20" */
  const char *note;        /* optional */
  guint n_values;
  const AtlasIndicatorValue *values;
  guint n_field_sources;
  const AtlasFieldSource *field_sources;
  const char *source;
};

struct _AtlasUpdate {
  guint index;
  const char *id;
  const char *date;        /* ISO 8601, "2023-11-23" */
  const char *title;
  const char *place;       /* optional */
  const char *summary;     /* optional */
  guint n_items;
  const char **items;
  guint n_districts;
  const AtlasDistrict **districts;
  guint n_field_sources;
  const AtlasFieldSource *field_sources;
  const char *source;
};

#define ATLAS_TYPE_DATASET (atlas_dataset_get_type ())
G_DECLARE_FINAL_TYPE (AtlasDataset, atlas_dataset, ATLAS, DATASET, GObject)

/* Bundled ids: "hwe" (default) and "nel". Anything else is a file path.
 * Loading validates everything and reports all problems at once (ATLAS_DATASET_ERROR_INVALID
 * with one located line per problem), or a single located error. It never aborts. */
AtlasDataset *atlas_dataset_load              (const char    *id_or_path,
                                               GError       **error);
AtlasDataset *atlas_dataset_load_file         (GFile         *file,
                                               GError       **error);
/* display_name is what messages call the file; base resolves the boundary file reference. */
AtlasDataset *atlas_dataset_load_bytes        (GBytes        *bytes,
                                               const char    *display_name,
                                               GFile         *base,
                                               GError       **error);
const char * const *atlas_dataset_bundled_ids (void);

const char   *atlas_dataset_get_id            (AtlasDataset  *self);
const char   *atlas_dataset_get_name          (AtlasDataset  *self);
const char   *atlas_dataset_get_short_name    (AtlasDataset  *self);
const char   *atlas_dataset_get_summary       (AtlasDataset  *self);  /* optional */
const char   *atlas_dataset_get_nhs_body      (AtlasDataset  *self);  /* optional */
const char   *atlas_dataset_get_source        (AtlasDataset  *self);
/* The source of one of the system's fields ("name", "nhs_body", "summary"). */
const char   *atlas_dataset_get_field_source  (AtlasDataset  *self,
                                               const char    *field);
/* Attribution for the boundaries, shown in the window and on every export. */
const char   *atlas_dataset_get_boundary_licence (AtlasDataset *self);
/* The id of the source of the district boundaries. */
const char   *atlas_dataset_get_boundary_source  (AtlasDataset *self);
const AtlasBBox *atlas_dataset_get_bbox       (AtlasDataset  *self);  /* lon/lat of all districts */

const AtlasSource      *atlas_dataset_get_sources      (AtlasDataset *self, guint *n);
const AtlasFact        *atlas_dataset_get_facts        (AtlasDataset *self, guint *n);
const AtlasDistrict    *atlas_dataset_get_districts    (AtlasDataset *self, guint *n);
const AtlasPartnership *atlas_dataset_get_partnerships (AtlasDataset *self, guint *n);
const AtlasTrust       *atlas_dataset_get_trusts       (AtlasDataset *self, guint *n);
const AtlasSite        *atlas_dataset_get_sites        (AtlasDataset *self, guint *n);
const AtlasPriority    *atlas_dataset_get_priorities   (AtlasDataset *self, guint *n);
const AtlasIndicator   *atlas_dataset_get_indicators   (AtlasDataset *self, guint *n);
const AtlasUpdate      *atlas_dataset_get_updates      (AtlasDataset *self, guint *n);

const AtlasSource      *atlas_dataset_find_source      (AtlasDataset *self, const char *id);
const AtlasDistrict    *atlas_dataset_find_district    (AtlasDataset *self, const char *id);
const AtlasPartnership *atlas_dataset_find_partnership (AtlasDataset *self, const char *id);
const AtlasTrust       *atlas_dataset_find_trust       (AtlasDataset *self, const char *id);
const AtlasSite        *atlas_dataset_find_site        (AtlasDataset *self, const char *id);
const AtlasPriority    *atlas_dataset_find_priority    (AtlasDataset *self, const char *id);

/* The district containing the point, through the spatial index; NULL when none. */
const AtlasDistrict    *atlas_dataset_locate           (AtlasDataset *self,
                                                        double        lat,
                                                        double        lon);
/* The same answer by testing every district in turn: the reference for tests and benchmarks. */
const AtlasDistrict    *atlas_dataset_locate_brute     (AtlasDataset *self,
                                                        double        lat,
                                                        double        lon);

/* The source of one field of a record: its entry in field_sources, else record_source. */
const char *atlas_field_source (const char             *record_source,
                                const AtlasFieldSource *field_sources,
                                guint                   n_field_sources,
                                const char             *field);
/* The same for any record struct above (they all have source and field_sources). */
#define ATLAS_RECORD_FIELD_SOURCE(record, field) \
  atlas_field_source ((record)->source, (record)->field_sources, (record)->n_field_sources, \
                      (field))

/* The colour a district is filled with: its place partnership's colour, else the palette's. */
guint32 atlas_dataset_get_partnership_colour (AtlasDataset           *self,
                                              const AtlasPartnership *partnership);

G_END_DECLS
