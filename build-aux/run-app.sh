#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs ICS Atlas. Extra arguments go to the app.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/build-aux/install-deps.sh"
"$top/build-aux/build.sh" "$top/_build"
exec "$top/_build/src/ics-atlas" "$@"
