/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-json.h"

G_BEGIN_DECLS

/* Collects every problem found while loading a dataset, so that a planner sees them all at
 * once. Problems are reported sorted: by file (the dataset first, then its boundary file),
 * then by line and column. */

/* At most this many are listed, the first ones in that order; the message then says how many
 * more there were. */
#define ATLAS_PROBLEMS_MAX 1000

typedef struct _AtlasProblems AtlasProblems;

AtlasProblems *atlas_problems_new       (void);
void           atlas_problems_free      (AtlasProblems        *problems);
/* file_rank orders files: 0 for the dataset, 1 for its boundary file. */
void           atlas_problems_add       (AtlasProblems        *problems,
                                         guint                 file_rank,
                                         const char           *display_name,
                                         const AtlasJsonNode  *node,
                                         AtlasDatasetError     code,
                                         const char           *format,
                                         ...) G_GNUC_PRINTF (6, 7);
/* The same, for readers that wrap it in their own printf-like function. */
void           atlas_problems_add_valist (AtlasProblems       *problems,
                                          guint                file_rank,
                                          const char          *display_name,
                                          const AtlasJsonNode *node,
                                          AtlasDatasetError    code,
                                          const char          *format,
                                          va_list              args) G_GNUC_PRINTF (6, 0);
/* Takes a GError that already reads "FILE:LINE:COLUMN: PATH: …" (from the JSON reader). */
void           atlas_problems_add_error (AtlasProblems        *problems,
                                         guint                 file_rank,
                                         const GError         *error);
/* All problems found, listed or not. */
guint          atlas_problems_get_count (AtlasProblems        *problems);
/* TRUE when there is no problem; otherwise sets error: the single problem with its own code,
 * or ATLAS_DATASET_ERROR_INVALID with one line per problem. */
gboolean       atlas_problems_check     (AtlasProblems        *problems,
                                         GError              **error);

/* "FILE:LINE:COLUMN: PATH: message", as every problem reads, with control characters (from
 * names, keys and values of the file) escaped so that one problem is one line. */
char          *atlas_problems_format_line (const char *display_name,
                                           guint       line,
                                           guint       column,
                                           const char *path,
                                           const char *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasProblems, atlas_problems_free)

G_END_DECLS
