/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes the national system of the scale figures into folder: national.json and
 * national-districts.geojson, every district of the GB local authority districts of a
 * TopoJSON file, whole, with one place partnership per county or region and one site per
 * district (see bench-national.c). Districts the loader would refuse are left out and
 * counted in the line it prints. With groups, one line per partnership is appended there
 * (its name, then its districts). Returns the path of the dataset file, or NULL with error
 * set. */
char *bench_national_write (const char  *topo_path,
                            const char  *folder,
                            GString     *groups,
                            GError     **error);

G_END_DECLS
