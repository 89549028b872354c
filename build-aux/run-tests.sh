#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite under a virtual display:
# once in the normal build (_build) and once with AddressSanitizer and UBSan (_build-asan).
# Extra arguments go to `meson test` (for example a test name or `--suite core`).
# ATLAS_SANITIZE=0 skips the sanitizer pass.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/build-aux/install-deps.sh" || exit 1

run_suite () {
  builddir=$1
  shift
  # -noreset: the server stays up between clients, so a test never meets it mid-reset.
  xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
    dbus-run-session -- meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
}

status=0
"$top/build-aux/build.sh" "$top/_build" || exit 1
run_suite "$top/_build" "$@" || status=1

if [ "${ATLAS_SANITIZE:-1}" != 0 ]; then
  "$top/build-aux/build.sh" "$top/_build-asan" \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug || exit 1
  # Leaks are checked on the core tests with valgrind (build-aux/memcheck.sh); GTK and
  # fontconfig keep caches for the process lifetime that LeakSanitizer would report.
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite "$top/_build-asan" "$@" || status=1
fi

exit $status
