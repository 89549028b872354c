#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the given UI test programs one after another while another process moves the pointer at
# random over the display, with pauses of random length; fails when any of them fails. Window
# tests must not depend on where the pointer is (see HACKING.md, "Tests").
#   check-pointer-storm.sh TEST-PROGRAM…
# It starts a virtual display of its own (xvfb-run, xdotool: build-aux/install-deps.sh installs
# them), so it neither depends on nor disturbs the display the rest of the suite uses. The
# server runs with -noreset: without it, X resets whenever its last client leaves, and a test
# starting in that moment cannot open the display. STORM_SEED fixes the pointer's path.
set -u

for tool in xvfb-run xdotool; do
  if ! command -v "$tool" >/dev/null; then
    echo "check-pointer-storm: $tool is missing (build-aux/install-deps.sh installs it)" >&2
    exit 1
  fi
done
if [ -z "${ATLAS_STORM_DISPLAY:-}" ]; then
  exec env ATLAS_STORM_DISPLAY=1 xvfb-run -a -s "-screen 0 1280x800x24 -noreset" "$0" "$@"
fi

read -r width height < <(xdotool getdisplaygeometry)
seed=${STORM_SEED:-$(( $$ ^ $(date +%s) ))}
echo "# pointer storm over ${width}x${height}, seed $seed"

storm () {
  RANDOM=$seed
  while :; do
    xdotool mousemove "$(( RANDOM % width ))" "$(( RANDOM % height ))" 2>/dev/null
    # Mostly quick moves, now and then a rest long enough for hover effects to settle.
    if (( RANDOM % 10 == 0 )); then
      sleep "0.$(( 200 + RANDOM % 600 ))"
    else
      sleep "0.0$(( 1 + RANDOM % 9 ))"
    fi
  done
}

storm &
storm_pid=$!
trap 'kill "$storm_pid" 2>/dev/null; wait "$storm_pid" 2>/dev/null' EXIT

status=0
for program in "$@"; do
  name=$(basename "$program")
  if "$program" >"${TMPDIR:-/tmp}/storm-$name.$$.log" 2>&1; then
    echo "ok - $name under the pointer storm"
  else
    echo "not ok - $name under the pointer storm (seed $seed); its output:"
    sed 's/^/#   /' "${TMPDIR:-/tmp}/storm-$name.$$.log"
    status=1
  fi
  rm -f "${TMPDIR:-/tmp}/storm-$name.$$.log"
done
exit $status
