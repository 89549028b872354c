/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* Where each fact in the side panel comes from, shown under the fact itself.
 *
 * A source with a web address gets a button beside its title that opens it in the desktop's
 * browser, only when clicked: the button carries the ATLAS_PANEL_OPEN_URI_ACTION action (the
 * sidebar's) with the address as its target, and the action opens nothing but absolute http
 * and https addresses (atlas_panel_is_web_address). */

#define ATLAS_PANEL_OPEN_URI_ACTION "sidebar.open-uri"

/* TRUE for an absolute http:// or https:// address with a host, and nothing else. */
gboolean   atlas_panel_is_web_address  (const char   *uri);

/* A dimmed "Source: …" line for one source (its title, else its id). */
GtkWidget *atlas_panel_source_label    (AtlasDataset *dataset,
                                        const char   *source_id);
/* The same for a fact drawn from several sources: "Sources: A; B", in the order given. */
GtkWidget *atlas_panel_sources_label   (AtlasDataset *dataset,
                                        GPtrArray    *source_ids);
/* Appends a source id to source_ids unless it is there already (NULL is ignored). */
void       atlas_panel_add_source      (GPtrArray    *source_ids,
                                        const char   *source_id);

/* A fact: its caption, the value widget and its source below them. */
GtkWidget *atlas_panel_fact            (const char   *caption,
                                        GtkWidget    *value,
                                        AtlasDataset *dataset,
                                        const char   *source_id);
/* Appends a fact whose value is text. When text is NULL the fact is left out, unless a planner
 * expects it (expected), when it reads "Not recorded" without a source. */
void       atlas_panel_append_fact     (GtkWidget    *box,
                                        const char   *caption,
                                        const char   *text,
                                        gboolean      expected,
                                        AtlasDataset *dataset,
                                        const char   *source_id);

G_END_DECLS
