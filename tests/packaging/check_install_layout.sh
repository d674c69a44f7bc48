#!/usr/bin/env bash
# check_install_layout.sh CLI DEMO_SET: an installed diffrhythm-cli finds the demo set
# relative to itself (<prefix>/bin/.. /share/diffrhythm-studio/demo-models, as the
# package lays it out) rather than in the build tree. Lays out a throw-away prefix with
# a copy of the program (hard link where possible: /proc/self/exe must point into the
# prefix) and the demo set, and an empty home so no user model store interferes.
set -euo pipefail
cli=$1
demo=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
mkdir -p "$prefix/bin" "$prefix/share/diffrhythm-studio" "$tmp/home"
ln "$cli" "$prefix/bin/diffrhythm-cli" 2>/dev/null || cp "$cli" "$prefix/bin/diffrhythm-cli"
cp -r "$demo" "$prefix/share/diffrhythm-studio/demo-models"
info=$(env -u DRS_MODELS_DIR HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" \
  XDG_CACHE_HOME="$tmp/home/cache" "$prefix/bin/diffrhythm-cli" info 2>&1) || {
  echo "$info" >&2
  exit 1
}
if ! grep -qF "$prefix/share/diffrhythm-studio/demo-models" <<<"$info"; then
  echo "diffrhythm-cli info did not use $prefix/share/diffrhythm-studio/demo-models:" >&2
  echo "$info" >&2
  exit 1
fi
echo "installed layout: the demo set is found at <prefix>/share/diffrhythm-studio/demo-models"
