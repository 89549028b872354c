#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs ICS Atlas. Extra arguments go to the app.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/build-aux/install-deps.sh"
"$top/build-aux/build.sh" "$top/_build"
# The settings schema is compiled into the build folder; an installed app finds it in the system.
export GSETTINGS_SCHEMA_DIR="$top/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec "$top/_build/src/ics-atlas" "$@"
