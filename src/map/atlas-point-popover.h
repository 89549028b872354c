/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-points.h"

G_BEGIN_DECLS

/* The details a click on a planner's point opens: the fields of its row (or feature), the
 * district it lies in or that it lies outside them all, and its file and line. A symbol that
 * stands for several points (a crowded cell) shows its first and says how many more there
 * are. */

/* Fills the popover for point index of points, drawn for count points. */
void  atlas_point_popover_fill (GtkPopover  *popover,
                                AtlasPoints *points,
                                guint        index,
                                guint        count);

G_END_DECLS
