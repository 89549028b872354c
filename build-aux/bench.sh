#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a release build into _build-release and measures every figure of the README's
# "Performance" section beside its baseline, in one run, under a virtual display; prints the
# raw output, then the table (figure, ours, baseline, ratio, target, met).
#
#   build-aux/bench.sh               everything (about 8 minutes on two cores)
#   build-aux/bench.sh --quick       fewer runs, cairo renderer only, no slow set
#   build-aux/bench.sh --callgrind   instruction counts of load, hit-test and label placement
#                                    (stable figures)
#
# BENCH_RUNS=N sets the runs per start-up figure (default 5), BENCH_TABLE=FILE also writes
# the table there.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build-release"
mode=${1:-full}
runs=${BENCH_RUNS:-5}
renderers=cairo,gl,default
if [ "$mode" = --quick ]; then
  runs=3
  renderers=cairo
fi

"$top/build-aux/install-deps.sh" || exit 1
"$top/build-aux/build.sh" "$build" -Dbuildtype=release || exit 1

bench="$build/tests/bench"
topo="$top/data/basemap/gb-lad-2013.topo.json"
work=$(mktemp -d "${TMPDIR:-/tmp}/atlas-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# Nothing is read from or written to the user's home.
export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export GTK_A11Y=none NO_AT_BRIDGE=1

if [ "$mode" = --callgrind ]; then
  # Instructions executed inside bench_measured(): one load or one pass of lookups.
  count () {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --collect-atstart=no \
      --toggle-collect=bench_measured "$bench/bench-core" --points 10000 --once "$1" --once "$2" \
      2>&1 | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
  }
  ratio () { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
  printf '%-10s %-8s %16s %16s %8s\n' dataset figure ours baseline ratio
  ids="hwe nel"
  if [ -f "$topo" ]; then
    ids="$ids $("$bench/bench-core" --topo "$topo" --write-synthetic "$work" | tail -n 1)"
    ids="$ids $("$bench/bench-core" --topo "$topo" --write-national "$work" | tail -n 1)"
  fi
  for id in $ids; do
    load=$(count load $id); json=$(count json $id)
    name=$(basename "$id" .json)
    printf '%-10s %-8s %16s %16s %8s\n' $name load "$load" "$json" "$(ratio "$load" "$json")"
    locate=$(count locate $id); brute=$(count brute $id)
    printf '%-10s %-8s %16s %16s %8.2f\n' $name hit-test "$((locate / 10000))/lookup" \
      "$((brute / 10000))/lookup" "$(ratio "$locate" "$brute")"
  done
  echo "(load: instructions of atlas_dataset_load against json_parser_load_from_data of the" \
       "same bytes; hit-test: per lookup over 10,000 random points, against brute force)"
  echo
  # Instructions of one label placement (poles already found) against drawing the districts
  # on the same surface, and of finding every district's pole the first time.
  names () {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --collect-atstart=no \
      --toggle-collect=bench_measured "$bench/bench-labels" --once "$1" --once "$2" --once "$3" \
      2>&1 | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
  }
  printf '%-10s %-10s %-9s %16s %16s %8s\n' dataset size figure ours baseline ratio
  for id in $ids; do
    name=$(basename "$id" .json)
    for size in 1920x1080 800x600; do
      labels=$(names labels "$id" $size); districts=$(names districts "$id" $size)
      printf '%-10s %-10s %-9s %16s %16s %8s\n' $name $size labels "$labels" "$districts" \
        "$(ratio "$labels" "$districts")"
    done
    poles=$(names poles "$id" 1920x1080)
    printf '%-10s %-10s %-9s %16s %16s %8s\n' $name - poles "$poles" - -
  done
  echo "(labels: instructions of atlas_label_layout_new against atlas_cartography_draw_districts" \
       "on the same surface; poles: every district's pole of inaccessibility, found once)"
  echo
  # Start-up by phase: instructions (every thread) from exec to each point of the start-up
  # trace, the app with the cairo renderer until its map is complete, against the whole run
  # of the empty GTK4 window and of the same window with libadwaita initialised.
  phases () {
    xvfb-run -a -s "-screen 0 1280x800x24" valgrind --tool=callgrind \
      --dump-before=atlas_trace_startup --callgrind-out-file="$work/phases" "$@" \
      > "$work/phases.log" 2>&1
    i=0
    total=0
    for point in $(sed -n 's/^trace [0-9-]* //p' "$work/phases.log"); do
      i=$((i + 1))
      n=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$work/phases.$i" 2>/dev/null | head -n 1)
      total=$((total + ${n:-0}))
      printf '%-22s %14s\n' "$point" "$total"
      [ "$point" = map-complete ] && break
    done
  }
  whole () {
    xvfb-run -a -s "-screen 0 1280x800x24" valgrind --tool=callgrind \
      --callgrind-out-file=/dev/null "$@" 2>&1 | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
  }
  export GSK_RENDERER=cairo ICS_ATLAS_TRACE_STARTUP=1 ICS_ATLAS_BENCH_PAN=0.001
  printf '%-22s %14s\n' point instructions
  phases "$build/src/ics-atlas"
  printf '%-22s %14s\n' "empty window" "$(whole "$bench/bench-empty-window")"
  printf '%-22s %14s\n' "empty, libadwaita" "$(whole "$bench/bench-empty-window" --adwaita)"
  echo "(start-up: instructions from exec to each point of ICS_ATLAS_TRACE_STARTUP=1, every" \
       "thread; the empty windows: their whole run, to their first frame and a short redraw)"
  exit 0
fi

out="$work/out.txt"
run () {
  echo "\$ $*" | sed "s|$top/||g" >&2
  "$@" 2>&1 | tee -a "$out"
}

# Core figures: no display.
run "$bench/bench-core" --topo "$topo"
run "$bench/bench-search"
run "$bench/bench-own-data"
run "$bench/bench-labels" --topo "$topo"

# Tiles: bench-tiles prints one row per zoom (zoom, tiles, median, p95, ratios to a plain fill).
if [ -x "$build/tests/bench-tiles" ]; then
  "$build/tests/bench-tiles" 2>&1 | tee "$work/tiles.txt"
  awk '/^baseline/ { base = $(NF - 1) }
       $1 ~ /^[0-9]+$/ && NF == 6 {
         printf "RESULT\ttile median, zoom %s, %s tiles (vs plain cairo fill)\t%.3f ms\t%.4f ms\t%.1f\t<= 1 ms\t%s\n", $1, $2, $3, base, $5, ($3 <= 1 ? "yes" : "NO")
         printf "RESULT\ttile p95, zoom %s (vs plain cairo fill)\t%.3f ms\t%.4f ms\t%.1f\t<= 3 ms\t%s\n", $1, $4, base, $6, ($4 <= 3 ? "yes" : "NO")
       }' "$work/tiles.txt" >> "$out"
  # No PNG encoding or decoding on the tile path (the tile source hands pixels over as is).
  if grep -qi png "$top/src/map/atlas-tile-source.c" "$top"/src/core/atlas-basemap*.c 2>/dev/null; then
    printf 'RESULT\tno PNG on the tile path\tPNG found\t-\t-\tnone\tNO\n' >> "$out"
  else
    printf 'RESULT\tno PNG on the tile path\tnone\t-\t-\tnone\tyes\n' >> "$out"
  fi
else
  echo "tile figures skipped: no bench-tiles in this tree" | tee -a "$out"
fi

# Start-up, frames, memory and export: the app and the empty window on one virtual display;
# the synthetic system for the growth figures, every GB district for the national ones.
growth=""
national=""
if [ -f "$topo" ]; then
  growth=$("$bench/bench-core" --topo "$topo" --write-synthetic "$work" | tail -n 1)
  "$bench/bench-core" --topo "$topo" --write-national "$work" > "$work/national.txt"
  national=$(tail -n 1 "$work/national.txt")
  head -n 1 "$work/national.txt" | tee -a "$out"
fi
dbus=""
if command -v dbus-run-session >/dev/null; then
  dbus="dbus-run-session --"
fi
run xvfb-run -a -s "-screen 0 1280x800x24" $dbus "$bench/bench-app" \
  --app "$build/src/ics-atlas" --empty "$bench/bench-empty-window" \
  --runs "$runs" --renderers "$renderers" ${growth:+--growth-dataset "$growth"} \
  ${national:+--national-dataset "$national"}

# The slow set: pathological shapes written at run time (tests/data/slow/generate.py), against
# their baselines; a few minutes, so not with --quick.
if [ "$mode" != --quick ] && [ -x "$bench/bench-slow" ]; then
  run xvfb-run -a -s "-screen 0 1280x800x24" $dbus "$bench/bench-slow" \
    --generate "$top/tests/data/slow/generate.py" --data "$work/slow" \
    --app "$build/src/ics-atlas"
fi

table () {
  echo "| figure | ours | baseline | ratio | target | met? |"
  echo "| --- | --- | --- | --- | --- | --- |"
  grep '^RESULT' "$out" | awk -F '\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7 }'
}
echo
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)), release build:"
table
if [ -n "${BENCH_TABLE:-}" ]; then
  table > "$BENCH_TABLE"
fi
