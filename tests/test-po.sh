#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the translations.
#   test-po.sh potfiles SRCDIR      every file with translatable strings is in po/POTFILES.in,
#                                   and every listed file exists
#   test-po.sh complete SRCDIR      every language in po/LINGUAS has a .po that is valid and has
#                                   no untranslated or fuzzy message, measured against a template
#                                   freshly extracted from the sources (so a stale .po fails too)
# The one-line refresh after strings change is in HACKING.md.
set -eu
export LC_ALL=C

mode=$1
top=$(cd "$2" && pwd)
potfiles="$top/po/POTFILES.in"
status=0

check_potfiles ()
{
  listed=$(mktemp)
  found=$(mktemp)
  trap 'rm -f "$listed" "$found"' EXIT
  grep -v '^[[:space:]]*\(#\|$\)' "$potfiles" | sort -u > "$listed"

  # C sources under src/ that call a gettext macro, and UI files with translatable properties.
  ( cd "$top" &&
    { grep -rlE --include='*.c' --include='*.h' '(^|[^A-Za-z0-9_])(N|C|NC)?_ ?\(' src || true
      grep -rlE --include='*.ui' 'translatable="(yes|true)"' src resources || true
    } | sort -u ) > "$found"

  missing=$(comm -13 "$listed" "$found")
  if [ -n "$missing" ]; then
    echo "These files have translatable strings but are not in po/POTFILES.in:"
    echo "$missing" | sed 's/^/  /'
    status=1
  fi
  while read -r f; do
    if [ ! -f "$top/$f" ]; then
      echo "po/POTFILES.in lists $f, which does not exist"
      status=1
    fi
  done < "$listed"
  if ! sort -c "$potfiles" 2>/dev/null; then
    echo "po/POTFILES.in is not sorted"
    status=1
  fi
}

check_complete ()
{
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT

  # The same keywords as meson's i18n 'glib' preset, which builds the real template.
  ( cd "$top" &&
    xgettext --package-name=ics-atlas --from-code=UTF-8 --add-comments \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
      -f po/POTFILES.in -o "$work/template.pot" )

  langs=$(grep -v '^[[:space:]]*\(#\|$\)' "$top/po/LINGUAS" || true)
  if [ -z "$langs" ]; then
    echo "po/LINGUAS lists no language"
    status=1
  fi
  for lang in $langs; do
    po="$top/po/$lang.po"
    if [ ! -f "$po" ]; then
      echo "$lang: po/$lang.po is missing"
      status=1
      continue
    fi
    if ! msgfmt --check --output-file=/dev/null "$po"; then
      echo "$lang: po/$lang.po does not compile"
      status=1
      continue
    fi
    msgmerge --quiet --no-fuzzy-matching --output-file="$work/$lang.po" "$po" "$work/template.pot"
    stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$work/$lang.po" 2>&1)
    echo "$lang: $stats"
    case "$stats" in
      *untranslated*|*fuzzy*)
        echo "$lang: incomplete; untranslated or fuzzy against the current sources:"
        msgattrib --no-wrap --untranslated "$work/$lang.po" | grep '^msgid "..*"' | sed 's/^/  /' | head -n 40
        msgattrib --no-wrap --only-fuzzy "$work/$lang.po" | grep '^msgid "..*"' | sed 's/^/  fuzzy: /' | head -n 40
        status=1
        ;;
    esac
  done
}

case "$mode" in
  potfiles) check_potfiles ;;
  complete) check_complete ;;
  *) echo "usage: $0 potfiles|complete SRCDIR" >&2; exit 2 ;;
esac
exit $status
