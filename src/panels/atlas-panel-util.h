/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-panel-sources.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

/* Building blocks shared by the side panel's pages. Every string from a dataset goes through
 * these as plain text, never as markup, and every label wraps (breaking inside over-long
 * words) so no record can widen the panel. */

/* A wrapping label, left-aligned; css_class may be NULL. Text longer than a few lines is put
 * in a scrolled area of bounded height, so that no field can make a page endlessly tall. */
GtkWidget  *atlas_panel_label             (const char         *text,
                                           const char         *css_class);
/* A label for a name or title: on one line (atlas_text_one_line), wrapping, cut after
 * max_lines with an ellipsis. */
GtkWidget  *atlas_panel_name_label        (const char         *text,
                                           const char         *css_class,
                                           int                 max_lines);
/* Sets a label made by atlas_panel_name_label to another name. */
void        atlas_panel_set_name          (GtkWidget          *label,
                                           const char         *text);
/* "Not recorded", dimmed. */
GtkWidget  *atlas_panel_not_recorded      (void);
/* A caption and its value below it; "Not recorded" when value is NULL. */
GtkWidget  *atlas_panel_field             (const char         *caption,
                                           const char         *value);
/* A caption with an arbitrary child below it. */
GtkWidget  *atlas_panel_field_with        (const char         *caption,
                                           GtkWidget          *child);
/* A vertical box of links; "Not recorded"-style empty text when nothing is added. Past
 * ATLAS_PANEL_CHUNK links, the others are kept as text and built on demand. */
GtkWidget  *atlas_panel_link_box          (void);
void        atlas_panel_link_box_add      (GtkWidget          *box,
                                           AtlasSelection     *selection,
                                           AtlasSelectionKind  kind,
                                           const char         *id,
                                           const char         *text);
/* Shows empty_text when no link was added; returns box. */
GtkWidget  *atlas_panel_link_box_finish   (GtkWidget          *box,
                                           const char         *empty_text);
/* A section's title, paragraph and bullet items. */
GtkWidget  *atlas_panel_section           (const AtlasSection *section);
/* A bulleted list of plain-text items, each on one line, built on demand past
 * ATLAS_PANEL_CHUNK. The items are copied. */
GtkWidget  *atlas_panel_bullets           (const char * const *items,
                                           guint               n_items);
/* Long lists are built on demand: the first ATLAS_PANEL_CHUNK entries, then a "Show more"
 * entry that builds the next chunk each time it is activated. Builds entry i of a list. */
#define ATLAS_PANEL_CHUNK 200
typedef GtkWidget *(*AtlasPanelBuildFunc) (guint    i,
                                           gpointer data);
/* Fills container (a GtkListBox or a vertical GtkBox) with n entries so. data is kept, and
 * freed with destroy, as long as the container has entries left to build (or is refilled). */
void        atlas_panel_fill_lazily       (GtkWidget           *container,
                                           guint                n,
                                           AtlasPanelBuildFunc  build,
                                           gpointer             data,
                                           GDestroyNotify       destroy);
/* A row for a list of records: title and optional subtitle as plain text, on one line each. */
GtkWidget  *atlas_panel_row               (const char         *title,
                                           const char         *subtitle);
/* A scrolled page whose content is a vertical box, returned in content. */
GtkWidget  *atlas_panel_scrolled          (GtkWidget         **content);
void        atlas_panel_scroll_to_top     (GtkWidget          *scrolled);
void        atlas_panel_clear             (GtkWidget          *box);
/* The id of the record a list entry stands for, kept as its "atlas-id" data. */
void        atlas_panel_set_id            (GtkWidget          *widget,
                                           const char         *id);
const char *atlas_panel_get_id            (GtkWidget          *widget);
/* Marks the entry (a list box's row, a box's card) whose "atlas-id" is id as the current one
 * (NULL: none), looking into children without an id for entries grouped in several lists. */
void        atlas_panel_mark_current      (GtkWidget          *list,
                                           const char         *id);
/* GTK 4.8 has no gtk_list_box_remove_all. */
void        atlas_panel_clear_list        (GtkWidget          *list_box);

/* "23 November 2023" from "2023-11-23"; the input itself when it is not such a date. */
char       *atlas_panel_format_date       (const char         *iso_date);
/* The partnership's priorities as links, grouped by their group, with their sources; NULL when
 * it has none. */
GtkWidget  *atlas_panel_priorities_of     (AtlasSelection         *selection,
                                           const AtlasPartnership *partnership);

G_END_DECLS
