#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: tests/check-settings-survive-kill.sh ICS-ATLAS
# Settings survive a kill: the window remembers the system it shows while it runs (not only
# when it closes), so after SIGKILL the settings file still holds it, and the next start opens
# that system again. Uses GSettings' keyfile back end in a temporary folder, on a private bus.
set -u
app=$1

# A bus of its own: the application is unique on its bus, and other tests may be running it.
if [ -z "${ATLAS_PRIVATE_BUS:-}" ]; then
  exec env ATLAS_PRIVATE_BUS=1 dbus-run-session -- "$0" "$@"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/atlas-kill-XXXXXX")
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT INT TERM

export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_STATE_HOME="$work/state"
export GSETTINGS_BACKEND=keyfile ICS_ATLAS_REPORT_READY=1
schema=io.github.icsatlas.IcsAtlas

fail () {
  echo "check-settings-survive-kill: $*" >&2
  exit 1
}

# wait_for FILE PATTERN SECONDS
wait_for () {
  i=0
  while [ $i -lt $(($3 * 10)) ]; do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
    i=$((i + 1))
  done
  return 1
}

remembered () {
  gsettings get $schema last-dataset 2>/dev/null
}

# First run: open North East London, wait until its map is complete, then kill the process.
"$app" --dataset nel > "$work/first.txt" 2>&1 &
pid=$!
wait_for "$work/first.txt" '^ready ' 60 || fail "the first window never showed its map: $(cat "$work/first.txt")"
[ "$(remembered)" = "'nel'" ] || fail "last-dataset is $(remembered) while the window runs, not 'nel'"
kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=""

[ "$(remembered)" = "'nel'" ] || fail "after SIGKILL, last-dataset is $(remembered), not 'nel'"

# Second run, with no --dataset: it must open the remembered system. Falling back to the
# default would remember 'hwe' instead.
"$app" > "$work/second.txt" 2>&1 &
pid=$!
wait_for "$work/second.txt" '^ready ' 60 || fail "the second window never showed its map: $(cat "$work/second.txt")"
[ "$(remembered)" = "'nel'" ] || fail "the second start did not reopen 'nel': $(remembered)"
kill "$pid"
wait "$pid" 2>/dev/null
pid=""
echo "settings survived SIGKILL; the next start reopened nel"
