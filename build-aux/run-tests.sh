#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite under a virtual display.
# Extra arguments go to `meson test` (for example a test name or --suite core).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${ATLAS_BUILDDIR:-$top/_build}
"$top/build-aux/install-deps.sh"
"$top/build-aux/build.sh" "$builddir"
exec xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- meson test -C "$builddir" --print-errorlogs "$@"
