#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures (once) and builds the project into the given folder. Extra arguments go to meson setup.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
builddir=$1
shift
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$top" "$@" >&2
fi
ninja -C "$builddir" >&2
