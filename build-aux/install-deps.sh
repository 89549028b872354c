#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages that building, running and testing ICS Atlas need.
# Idempotent: installs only what is missing, and does nothing when all is there.
set -eu

PACKAGES="
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libshumate-dev libjson-glib-dev libepoxy-dev
  desktop-file-utils appstream
  gtk-update-icon-cache
  xvfb xauth xdotool dbus dbus-x11 at-spi2-core
  poppler-utils libxml2-utils
  python3 python3-jsonschema
  clang libclang-rt-14-dev
  valgrind strace util-linux
  fonts-cantarell fonts-dejavu-core
  libpng-dev
  libcsv-dev
  libx11-dev libxext-dev libxdamage-dev libxfixes-dev
  locales
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

SUDO=""
if [ "$(id -u)" != 0 ]; then
  SUDO="sudo"
fi

if [ -n "$missing" ]; then
  echo "Installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >&2
fi

# The German locale: the tests of dates and numbers in German (comma decimals, month names)
# need it compiled, and Debian compiles only the locales asked for.
if ! locale -a 2>/dev/null | grep -qix 'de_DE.utf-\{0,1\}8'; then
  echo "Compiling the de_DE.UTF-8 locale" >&2
  $SUDO localedef -i de_DE -f UTF-8 de_DE.UTF-8
fi
