#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: tests/check-no-network.sh CMD [ARG…]
# Runs CMD under strace, following every process it starts, and fails when any of them creates
# an internet socket (AF_INET or AF_INET6) or connects to an internet address. Local sockets
# (AF_UNIX for D-Bus or the display, AF_NETLINK) are fine. CMD's own output passes through; a
# failing CMD fails the check too, unless NO_NETWORK_IGNORE_STATUS=1 (for a window that is
# stopped by a timeout). Exits 77 (skipped) when strace is missing or cannot trace here.
set -u
if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARG…]" >&2
  exit 2
fi
if ! command -v strace >/dev/null 2>&1; then
  echo "check-no-network: strace is not installed" >&2
  exit 77
fi
if ! strace -f -o /dev/null true 2>/dev/null; then
  echo "check-no-network: strace cannot trace processes here" >&2
  exit 77
fi

trace=$(mktemp "${TMPDIR:-/tmp}/no-network.XXXXXX")
trap 'rm -f "$trace"' EXIT
strace -f -qq -e trace=socket,connect,sendto,sendmsg -o "$trace" "$@"
status=$?

if grep -E 'AF_INET6?[,}]' "$trace" >/dev/null; then
  echo "check-no-network: $1 used the network:" >&2
  grep -E 'AF_INET6?[,}]' "$trace" | head -20 >&2
  exit 1
fi
calls=$(grep -c -E '(socket|connect)\(' "$trace")
echo "check-no-network: $1: no internet sockets ($calls socket or connect calls, all local)"
if [ "${NO_NETWORK_IGNORE_STATUS:-0}" != 1 ] && [ "$status" != 0 ]; then
  echo "check-no-network: $1 failed with status $status" >&2
  exit 1
fi
exit 0
