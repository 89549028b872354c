#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: tests/check-gui-no-network.sh ICS-ATLAS
# Opens the real window with the offline base map, lets it pan and zoom for a second once the
# map is complete (ICS_ATLAS_BENCH_PAN=1, after which the window quits by itself), and fails
# when it opened any internet socket (tests/check-no-network.sh). The caches, settings and data
# folders are a temporary folder, so nothing in the home folder is read or written.
set -u
here=$(cd "$(dirname "$0")" && pwd)
app=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/atlas-no-network-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_STATE_HOME="$work/state"
export ICS_ATLAS_BENCH_PAN=1 ICS_ATLAS_REPORT_READY=1

"$here/check-no-network.sh" "$app" --dataset hwe > "$work/out.txt" 2>&1
status=$?
cat "$work/out.txt"
if [ "$status" != 0 ]; then
  exit "$status"
fi
# The window reached "ready" and finished the pan: it ran as it does for a user, it did not
# fail before the map was shown.
if ! grep -q '^ready ' "$work/out.txt" || ! grep -q '^frames ' "$work/out.txt"; then
  echo "check-gui-no-network: the window never showed a complete map and panned it" >&2
  exit 1
fi
exit 0
