#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the documentation's screenshots of the real application under a virtual display:
#   build-aux/take-screenshots.sh [BUILDDIR] [OUTDIR]
# Needs xvfb-run, dbus-run-session, gapplication and ImageMagick's import. The application is
# driven through its exported actions, as a script or another program would.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)
out=${2:-$top/docs/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ -z "${ATLAS_SCREENSHOT_INNER:-}" ]; then
  export ATLAS_SCREENSHOT_INNER=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$build" "$out"
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" XDG_DATA_HOME="$home/data"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GTK_A11Y=none
app=io.github.icsatlas.IcsAtlas

action ()
{
  gapplication action "$app" "$@"
}

shoot ()
{
  # Time for the map to glide into place and its tiles to be drawn.
  sleep "${2:-4}"
  import -window root "$out/$1"
  echo "wrote $out/$1"
}

"$build/src/ics-atlas" --dataset hwe &
pid=$!
sleep 8

action select-district "'watford'"
shoot window.png

action clear-selection
action set-thematic "'overweight-4-5'"
shoot window-indicator.png 2
action set-thematic "'partnerships'"

action select "'south-west-herts'"
shoot window-partnership.png

action open-dataset "'nel'"
sleep 3
action select-district "'hackney'"
shoot window-nel.png

kill "$pid"
wait "$pid" 2>/dev/null || true

# A planner's own data (made-up figures and a few places), as --data and --points add it.
own="$top/tests/data/own-data"
"$build/src/ics-atlas" --dataset hwe --data "$own/names-odd.csv" --points "$own/points-hwe.csv" &
pid=$!
sleep 8
# The pointer away from the map, so that no tooltip shows.
if command -v xdotool >/dev/null; then
  xdotool mousemove 1279 799
fi
shoot window-own-data.png 2
kill "$pid"
wait "$pid" 2>/dev/null || true
