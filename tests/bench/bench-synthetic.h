/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes a synthetic care system for the growth figures into folder: synthetic.json and
 * synthetic-districts.geojson, with n_districts districts cut from the GB local authority
 * districts of a TopoJSON file and n_sites sites placed inside random districts.
 * Returns the path of the dataset file, or NULL with error set. */
char *bench_synthetic_write (const char  *topo_path,
                             const char  *folder,
                             guint        n_districts,
                             guint        n_sites,
                             guint32      seed,
                             GError     **error);

G_END_DECLS
