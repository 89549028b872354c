#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the documentation's screenshots of the real application under a virtual display:
#   build-aux/take-screenshots.sh [BUILDDIR] [OUTDIR]
# Needs xvfb-run, dbus-run-session, gapplication and ImageMagick's import. The application is
# driven through its exported actions, as a script or another program would. The window fills
# a 1280×800 display, then an 800×600 one (its panel folded over the map); the dark ones use
# the desktop's dark style preference (org.gnome.desktop.interface color-scheme), as set by a
# planner's desktop.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)
out=${2:-$top/docs/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ -z "${ATLAS_SCREENSHOT_INNER:-}" ]; then
  ATLAS_SCREENSHOT_INNER=1280x800 xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$0" "$build" "$out"
  ATLAS_SCREENSHOT_INNER=800x600 exec xvfb-run -a -s "-screen 0 800x600x24" \
    dbus-run-session -- "$0" "$build" "$out"
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" XDG_DATA_HOME="$home/data"
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" GTK_A11Y=none
app=io.github.icsatlas.IcsAtlas
width=${ATLAS_SCREENSHOT_INNER%x*}
height=${ATLAS_SCREENSHOT_INNER#*x}

action ()
{
  gapplication action "$app" "$@"
}

shoot ()
{
  # Time for the map to glide into place and its tiles to be drawn; the pointer out of the
  # way, in the display's bottom-left corner.
  sleep "${2:-4}"
  xdotool mousemove 0 "$((height - 1))" 2>/dev/null || true
  import -window root "$out/$1"
  echo "wrote $out/$1"
}

# Settings as a planner's desktop would have them: the window filling the display, and the
# light or dark style.
start ()
{
  scheme=$1
  shift
  mkdir -p "$home/config/glib-2.0/settings"
  cat > "$home/config/glib-2.0/settings/keyfile" <<EOF
[io/github/icsatlas/IcsAtlas]
window-width=$width
window-height=$height

[org/gnome/desktop/interface]
color-scheme='$scheme'
EOF
  "$build/src/ics-atlas" --dataset hwe "$@" &
  pid=$!
  sleep 8
}

stop ()
{
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

if [ "$ATLAS_SCREENSHOT_INNER" = 1280x800 ]; then
  start default
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
  stop

  # A planner's own data (made-up figures and a few places), as --data and --points add it.
  own="$top/tests/data/own-data"
  start default --data "$own/names-odd.csv" --points "$own/points-hwe.csv"
  shoot window-own-data.png 2
  stop

  start prefer-dark
  action select-district "'watford'"
  shoot window-dark.png
  stop
else
  start default
  shoot window-800x600.png
  # A selection opens the panel over the map.
  action select-district "'watford'"
  shoot window-800x600-panel.png
  stop
fi
