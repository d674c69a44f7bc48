#!/usr/bin/env bash
# Builds the Debian 12 package of DiffRhythm Studio with CPack from a normal build.
#
#   scripts/package-deb.sh [BUILD_DIR]      (default: build-pkg)
#
# Configures BUILD_DIR if needed (preset default, install prefix /usr), builds what the
# package holds (both programs, the demo model set, man pages, icons; in a build folder
# of its own only those, elsewhere cpack also builds the rest first), runs
# `cpack -G DEB` there and prints the path of the .deb on stdout (logs go to stderr).
# Needs dpkg-dev (dpkg-shlibdeps computes Depends), python3 and librsvg2-bin; time
# stamps come from SOURCE_DATE_EPOCH (default: the last commit), so the same build
# gives the same bytes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-pkg}
[[ $build == /* ]] || build=$(pwd)/$build
jobs=${DRS_JOBS:-$(nproc)}

for tool in cmake cpack dpkg-shlibdeps python3 rsvg-convert; do
  command -v "$tool" >/dev/null || {
    echo "package-deb.sh: $tool is missing (scripts/install-deps.sh package)" >&2
    exit 1
  }
done

if [[ ! -f $build/CMakeCache.txt ]]; then
  # cpack installs through the `preinstall` target, which otherwise builds everything
  # (the whole test suite too); the targets below are what the package needs.
  (cd "$root" && cmake --preset default -B "$build" -DCMAKE_INSTALL_PREFIX=/usr \
    -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON) >&2
fi
# The same time stamp for what the build embeds (Qt's rcc stamps resources with it)
# and for CPack's archive members (packaging/debian/DrsCPackOptions.cmake.in).
if [[ -z ${SOURCE_DATE_EPOCH:-} ]] && epoch=$(git -C "$root" log -1 --format=%ct 2>/dev/null); then
  export SOURCE_DATE_EPOCH=$epoch
fi
targets=(diffrhythm-studio diffrhythm-cli demo_models drs_man_pages drs_png_icons)
cmake --build "$build" --parallel "$jobs" --target "${targets[@]}" >&2

# Only the package's own output folder: a stale .deb of another version is not ours.
out=$build/packages
rm -rf "$out" "$build/_CPack_Packages"
mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out") >&2
rm -rf "$out/_CPack_Packages"
deb=$(ls "$out"/*.deb)
[[ $(wc -l <<<"$deb") -eq 1 ]] || { echo "package-deb.sh: expected one .deb in $out" >&2; exit 1; }
echo "$deb"
