#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs a configured and built tree into a temporary DESTDIR, checks that every piece of the
# desktop integration is in place and valid, and runs the installed binary's dataset check.
#   build-aux/check-install.sh [BUILDDIR]      (default: _build beside this folder)
# Exits 0 when all is well, 1 on a failure. Set KEEP_DESTDIR=1 to keep the tree for a look.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$top/_build}" && pwd)
app_id=io.github.icsatlas.IcsAtlas
status=0

fail ()
{
  echo "FAIL: $*"
  status=1
}

destdir=$(mktemp -d "${TMPDIR:-/tmp}/ics-atlas-install.XXXXXX")
if [ "${KEEP_DESTDIR:-0}" = 1 ]; then
  echo "installing into $destdir (kept)"
else
  trap 'rm -rf "$destdir"' EXIT
fi

# --no-rebuild: this also runs from `meson test`, which has built the tree already and must not
# start a second ninja in the same folder.
meson install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet >/dev/null

option ()
{
  meson introspect --buildoptions "$builddir" |
    python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == sys.argv[1]))' "$1"
}
prefix=$(option prefix)
case "$(option datadir)" in /*) datadir=$(option datadir) ;; *) datadir=$prefix/$(option datadir) ;; esac
case "$(option bindir)" in /*) bindir=$(option bindir) ;; *) bindir=$prefix/$(option bindir) ;; esac
case "$(option localedir)" in /*) localedir=$(option localedir) ;; *) localedir=$prefix/$(option localedir) ;; esac
root=$destdir

bin=$root$bindir/ics-atlas
desktop=$root$datadir/applications/$app_id.desktop
metainfo=$root$datadir/metainfo/$app_id.metainfo.xml
schemas=$root$datadir/glib-2.0/schemas

for f in "$bin" "$desktop" "$metainfo" "$schemas/$app_id.gschema.xml" \
         "$root$datadir/icons/hicolor/scalable/apps/$app_id.svg" \
         "$root$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
         "$root$datadir/mime/packages/$app_id.mime.xml"; do
  [ -f "$f" ] || fail "not installed: ${f#$root}"
done
[ -x "$bin" ] || fail "not executable: ${bin#$root}"

for lang in $(grep -v '^[[:space:]]*\(#\|$\)' "$top/po/LINGUAS" || true); do
  mo=$root$localedir/$lang/LC_MESSAGES/ics-atlas.mo
  [ -f "$mo" ] || fail "translation not installed: ${mo#$root}"
  grep -q "^Name\[$lang\]=" "$desktop" 2>/dev/null || fail "desktop file has no $lang name"
done

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$metainfo" >/dev/null || fail "appstreamcli validate"
fi
grep -q "^Exec=ics-atlas" "$desktop" || fail "the desktop file does not run ics-atlas"
grep -q "^Icon=$app_id\$" "$desktop" || fail "the desktop file does not name the icon $app_id"
# Map documents open with the app: their type is declared, and the launcher takes it.
grep -q "^MimeType=.*application/x-ics-atlas-map;" "$desktop" \
  || fail "the desktop file does not take map documents"
if command -v xmllint >/dev/null; then
  xmllint --noout "$root$datadir/mime/packages/$app_id.mime.xml" || fail "the MIME type file"
fi

# A DESTDIR install skips the post-install steps; compile the schema here to use it.
glib-compile-schemas --strict "$schemas" || fail "glib-compile-schemas"

# The installed binary must find its bundled data without the source or build tree.
if [ -x "$bin" ]; then
  for id in hwe nel; do
    # A timeout, in case a broken option parser opened the window instead.
    if out=$(cd "$destdir" && env GSETTINGS_SCHEMA_DIR="$schemas" GSETTINGS_BACKEND=memory \
             timeout 60 "$bin" --validate "$id" 2>&1); then
      echo "ics-atlas --validate $id: $out"
    else
      case "$out" in
        *) fail "ics-atlas --validate $id: $out" ;;
      esac
    fi
  done

  # It speaks the user's language: LANGUAGE picks the installed German catalogue.
  if out=$(env LANGUAGE=de LANG=C.UTF-8 LC_ALL= timeout 60 "$bin" --help 2>&1) \
     && printf '%s' "$out" | grep -q "Version ausgeben und beenden"; then
    echo "ics-atlas --help in German: ok"
  else
    fail "LANGUAGE=de ics-atlas --help is not in German: $out"
  fi
fi

[ $status = 0 ] && echo "install check passed ($(find "$destdir" -type f | wc -l) files)"
exit $status
