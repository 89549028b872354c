#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the core unit tests under valgrind's memcheck and fails on any memory error or definite
# leak. BUILDDIR defaults to _build (built first when needed); further arguments name the tests
# to run (default: json dataset selection geometry reliability validate text hash hostile and
# the own-data ones: table classify palette area-values choropleth points; not the export tests,
# where fontconfig keeps caches valgrind reports). test-validate runs its
# library half only: the command-line half spawns ics-atlas, which is not the code under test.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-$top/_build}
[ $# -gt 0 ] && shift
tests=${*:-json dataset selection geometry reliability validate text hash hostile table classify
  palette area-values choropleth points}

supp=/usr/share/glib-2.0/valgrind/glib.supp
if [ ! -f "$supp" ]; then
  echo "memcheck: GLib's suppression file $supp is missing (package libglib2.0-dev)" >&2
  exit 1
fi
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$top" >/dev/null || exit 1
fi
targets=""
for t in $tests; do
  targets="$targets tests/test-$t"
done
# shellcheck disable=SC2086
ninja -C "$builddir" -j2 $targets >/dev/null || exit 1

logdir="$builddir/meson-logs/memcheck"
mkdir -p "$logdir"
status=0
for t in $tests; do
  log="$logdir/test-$t.log"
  if env -u ATLAS_CLI ATLAS_MEMCHECK=1 \
       G_SLICE=always-malloc G_DEBUG=gc-friendly GSETTINGS_BACKEND=memory \
       G_TEST_SRCDIR="$top/tests" G_TEST_BUILDDIR="$builddir/tests" \
       valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite \
         --error-exitcode=1 --suppressions="$supp" --num-callers=30 --log-file="$log" \
         "$builddir/tests/test-$t" >"$log.out" 2>&1; then
    errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -1)
    echo "memcheck test-$t: ok ($errors errors)"
  else
    echo "memcheck test-$t: FAILED (see $log)"
    grep -A 30 "definitely lost in\|Invalid \|uninitialised\|Conditional jump" "$log" | head -80
    status=1
  fi
done
exit $status
