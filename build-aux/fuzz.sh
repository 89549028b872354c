#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets of tests/fuzz/ with clang, AddressSanitizer and UBSan (in
# _build-fuzz, or $FUZZ_BUILDDIR) and runs each for RUNS executions (default 20000).
# Seeds come from tests/data/{good,bad}, tests/data/own-data, tests/data/documents, docs/examples
# and the bundled datasets in data/;
# the corpus each run grows is kept in BUILDDIR/fuzz/corpus-TARGET, and a crashing input is
# written to BUILDDIR/fuzz/artifacts/. FUZZ_TARGETS="json geojson dataset csv points layers
# document" picks targets; FUZZ_JOBS runs that many targets at once (default 1). Fails when any
# target finds a problem. Leaks are checked, but for the caches in tests/fuzz/lsan.supp.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-20000}
builddir=${FUZZ_BUILDDIR:-$top/_build-fuzz}
targets=${FUZZ_TARGETS:-json geojson dataset csv points layers document}

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" "$top" -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null || exit 1
fi
build=""
for t in $targets; do
  build="$build tests/fuzz/fuzz-$t"
done
# shellcheck disable=SC2086
ninja -C "$builddir" -j2 $build >/dev/null || exit 1

work="$builddir/fuzz"
mkdir -p "$work/artifacts"

# seed TARGET: a folder of small starting inputs for that target.
seed () {
  dir="$work/seeds-$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  # tests/fuzz/seeds holds small copies of the slow set's shapes (keys that collide in GLib's
  # string hash, long district lists, zigzag rings, control characters).
  case $1 in
    geojson) cp "$top"/tests/data/bad/*.geojson "$top"/tests/data/good/*.geojson \
                "$top"/tests/fuzz/seeds/*.geojson "$dir"/ ;;
    csv) cp "$top"/tests/data/own-data/*.csv "$top"/tests/data/own-data/*.tsv \
            "$top"/tests/data/own-data/bad/*.csv "$dir"/ ;;
    points) cp "$top"/tests/data/own-data/points-* "$top"/tests/data/own-data/bad/points-* \
               "$dir"/
            rm -f "$dir"/*.expected ;;
    layers) cp "$top"/tests/data/own-data/layers/* "$dir"/ ;;
    document) cp "$top"/docs/examples/*.atlas "$top"/tests/data/documents/good/*.atlas \
                 "$top"/tests/data/documents/bad/*.atlas "$dir"/ ;;
    *) cp "$top"/tests/data/bad/*.json "$top"/tests/data/good/*.json \
          "$top"/tests/fuzz/seeds/*.json "$top"/data/*/*.json "$dir"/ ;;
  esac
  rm -f "$dir"/*.schema.json
}

max_len () {
  case $1 in
    csv|points|layers) echo 8192 ;;
    # Small inputs keep the executions per second up; the bundled hwe.json fits whole.
    geojson) echo 16384 ;;
    *) echo 32768 ;;
  esac
}

dict () {
  case $1 in
    csv) echo csv.dict ;;
    layers) echo layers.dict ;;
    *) echo json.dict ;;
  esac
}

run_one () {
  t=$1
  log="$work/fuzz-$t.log"
  seed "$t"
  mkdir -p "$work/corpus-$t"
  start=$(date +%s)
  ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
  LSAN_OPTIONS=suppressions="$top/tests/fuzz/lsan.supp" \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$builddir/tests/fuzz/fuzz-$t" -runs="$runs" -max_len="$(max_len "$t")" -timeout=5 \
      -rss_limit_mb=2048 -dict="$top/tests/fuzz/$(dict "$t")" -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/$t-" \
      "$work/corpus-$t" "$work/seeds-$t" >"$log" 2>&1
  rc=$?
  end=$(date +%s)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "fuzz-$t: ${execs:-?} executions in $((end - start)) s, exit $rc (log: $log)"
  return $rc
}

status=0
jobs=${FUZZ_JOBS:-1}
if [ "$jobs" -gt 1 ]; then
  pids=""
  for t in $targets; do
    run_one "$t" &
    pids="$pids $!"
  done
  for p in $pids; do
    wait "$p" || status=1
  done
else
  for t in $targets; do
    run_one "$t" || status=1
  done
fi
exit $status
