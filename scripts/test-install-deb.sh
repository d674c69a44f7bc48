#!/usr/bin/env bash
# Installs the .deb into a fresh Debian 12 system and uses it there, then purges it.
#
#   scripts/test-install-deb.sh [BUILD_DIR | PACKAGE.deb]      (default: build-pkg)
#
# 1. scripts/package-deb.sh BUILD_DIR builds the package (or PACKAGE.deb is tested);
# 2. a minimal Debian 12 root (mmdebstrap --variant=apt, or debootstrap) is made once
#    and cached as a tarball under ~/.cache/diffrhythm-studio/packaging-test (with the
#    .debs apt downloads), then unpacked afresh for every run;
# 3. in a chroot: `apt-get install --no-install-recommends ./diffrhythm-studio_*.deb`
#    (so Depends alone must be enough), `diffrhythm-cli info` must find the demo set
#    under /usr/share and OpenBLAS, a draft `generate` must write a WAV, the GUI is
#    started under Xvfb and a screenshot taken (BUILD_DIR/packaging/install-test.png,
#    or next to PACKAGE.deb);
# 4. `apt-get remove --purge` must leave none of the package's files behind.
# Prints how long each step took. Exits 77 (skipped, with the reason) without root,
# without mmdebstrap/debootstrap, or without network when nothing is cached.
# DRS_PACKAGING_CACHE moves the cache, DRS_DEBIAN_MIRROR the mirror, DRS_KEEP_ROOT=1
# keeps the chroot for inspection.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build-pkg}
[[ $build == /* ]] || build=$(pwd)/$build
given_deb=""
shot=$build/packaging/install-test.png
if [[ $build == *.deb ]]; then
  given_deb=$build
  shot=${given_deb%.deb}.install-test.png
fi

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || skip "needs root (debootstrap, chroot and mounts)"
bootstrap=""
if command -v mmdebstrap >/dev/null; then
  bootstrap=mmdebstrap
elif command -v debootstrap >/dev/null; then
  bootstrap=debootstrap
else
  skip "needs mmdebstrap or debootstrap (apt-get install mmdebstrap)"
fi

cache=${DRS_PACKAGING_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/diffrhythm-studio/packaging-test}
mirror=${DRS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DRS_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
base=$cache/debian12-amd64-base.tar
mkdir -p "$cache/apt-archives/partial"

# apt-get update in the chroot needs the mirror even when everything is cached.
host=$(sed -E 's|^[a-z]+://([^/:]+).*|\1|' <<<"$mirror")
if ! timeout 10 bash -c "exec 3<>/dev/tcp/$host/80" 2>/dev/null; then
  skip "cannot reach the Debian mirror $mirror (no network)"
fi

t_start=$(date +%s)
t_last=$t_start
timings=()
step() {
  local now elapsed
  now=$(date +%s)
  elapsed=$((now - t_last))
  t_last=$now
  timings+=("$(printf '%-38s %4d s' "$1" "$elapsed")")
  echo "== $1: $elapsed s" >&2
}

# --- 1. the package -----------------------------------------------------------------
if [[ -n $given_deb ]]; then
  deb=$given_deb
else
  deb=$("$repo/scripts/package-deb.sh" "$build")
fi
echo "package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Package Version Depends Recommends
step "build package"

# --- 2. a fresh Debian 12 root --------------------------------------------------------
sources=("deb $mirror bookworm main" "deb $mirror bookworm-updates main"
  "deb $security bookworm-security main")
if [[ ! -f $base ]]; then
  echo "making the cached Debian 12 base system with $bootstrap (once)" >&2
  if [[ $bootstrap == mmdebstrap ]]; then
    mmdebstrap --variant=apt --architectures=amd64 bookworm "$base.new.tar" "${sources[@]}" >&2
  else
    tmp_root=$(mktemp -d /var/tmp/drs-debootstrap.XXXXXX)
    debootstrap --variant=minbase --arch=amd64 bookworm "$tmp_root" "$mirror" >&2
    printf '%s\n' "${sources[@]}" >"$tmp_root/etc/apt/sources.list"
    tar -C "$tmp_root" --numeric-owner -cf "$base.new.tar" .
    rm -rf "$tmp_root"
  fi
  mv "$base.new.tar" "$base"
fi
work=$(mktemp -d /var/tmp/drs-install-test.XXXXXX)
chroot_dir=$work/root
mkdir "$chroot_dir"
cleanup() {
  # Our own processes still running in the chroot (the GUI, Xvfb), then the mounts.
  for proc in /proc/[0-9]*; do
    [[ $(readlink "$proc/root" 2>/dev/null) == "$chroot_dir" ]] && kill -9 "${proc#/proc/}" 2>/dev/null
  done
  for mount_point in var/cache/apt/archives dev proc sys; do
    mountpoint -q "$chroot_dir/$mount_point" && umount -R -l "$chroot_dir/$mount_point"
  done
  if [[ ${DRS_KEEP_ROOT:-0} == 1 ]]; then
    echo "chroot kept in $chroot_dir" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
tar -C "$chroot_dir" -xf "$base"
mount -t proc proc "$chroot_dir/proc"
mount -t sysfs sys "$chroot_dir/sys"
mount --rbind /dev "$chroot_dir/dev"
mount --make-rslave "$chroot_dir/dev"
mount --bind "$cache/apt-archives" "$chroot_dir/var/cache/apt/archives"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf" 2>/dev/null || true
printf '#!/bin/sh\nexit 101\n' >"$chroot_dir/usr/sbin/policy-rc.d"  # start no services
chmod +x "$chroot_dir/usr/sbin/policy-rc.d"
cp "$deb" "$chroot_dir/tmp/"
in_root() { chroot "$chroot_dir" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
step "fresh Debian 12 root"

# --- 3. install and use ---------------------------------------------------------------
in_root apt-get update -qq
in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >&2
in_root dpkg -s diffrhythm-studio | grep -q '^Status: install ok installed' || fail "not installed"
step "apt-get install ./$(basename "$deb")"

for path in /usr/bin/diffrhythm-studio /usr/bin/diffrhythm-cli \
  /usr/share/applications/io.github.diffrhythm_studio.DiffRhythmStudio.desktop \
  /usr/share/metainfo/io.github.diffrhythm_studio.DiffRhythmStudio.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/io.github.diffrhythm_studio.DiffRhythmStudio.svg \
  /usr/share/icons/hicolor/128x128/apps/io.github.diffrhythm_studio.DiffRhythmStudio.png \
  /usr/share/icons/hicolor/256x256/apps/io.github.diffrhythm_studio.DiffRhythmStudio.png \
  /usr/share/man/man1/diffrhythm-cli.1.gz /usr/share/man/man1/diffrhythm-studio.1.gz \
  /usr/share/doc/diffrhythm-studio/copyright /usr/share/diffrhythm-studio/demo-models/manifest.json; do
  [[ -e $chroot_dir$path ]] || fail "$path is not installed"
done

# OpenBLAS, never the reference BLAS: libblas.so.3 must resolve to OpenBLAS.
blas=$(in_root sh -c 'ldd /usr/bin/diffrhythm-cli | sed -n "s/.*libblas.so.3 => \([^ ]*\).*/\1/p" | head -1')
[[ -n $blas ]] || fail "diffrhythm-cli does not load libblas.so.3"
blas_real=$(in_root readlink -f "$blas")
echo "libblas.so.3 -> $blas_real"
[[ $blas_real == *openblas* ]] || fail "libblas.so.3 resolves to $blas_real, not OpenBLAS"

info=$(in_root diffrhythm-cli info 2>&1) || fail "diffrhythm-cli info failed: $info"
echo "$info"
grep -q '/usr/share/diffrhythm-studio/demo-models' <<<"$info" ||
  fail "diffrhythm-cli info does not use the installed demo set"
step "diffrhythm-cli info"

in_root diffrhythm-cli generate --style "test, installed package" --preset draft --seed 1 \
  --out /tmp/installed.wav >&2 || fail "diffrhythm-cli generate failed"
[[ $(head -c 4 "$chroot_dir/tmp/installed.wav") == RIFF ]] || fail "no WAV written"
echo "generate (draft, demo set): $(du -h "$chroot_dir/tmp/installed.wav" | cut -f1) WAV"
step "diffrhythm-cli generate (draft)"

# The GUI under Xvfb (a test tool, installed only now so it cannot hide a missing
# dependency of the package); Xvfb keeps its screen as an XWD file in -fbdir.
in_root apt-get install -y -q --no-install-recommends xvfb >&2
mkdir -p "$chroot_dir/tmp/fb"
install -d -m 700 "$chroot_dir/tmp/runtime"
in_root sh -c 'Xvfb :42 -screen 0 1280x800x24 -fbdir /tmp/fb -nolisten tcp >/tmp/xvfb.log 2>&1 &'
for _ in $(seq 50); do [[ -e $chroot_dir/tmp/.X11-unix/X42 ]] && break; sleep 0.2; done
[[ -e $chroot_dir/tmp/.X11-unix/X42 ]] || fail "Xvfb did not start: $(cat "$chroot_dir/tmp/xvfb.log")"
gui_pid=$(in_root sh -c 'DISPLAY=:42 XDG_RUNTIME_DIR=/tmp/runtime diffrhythm-studio >/tmp/gui.log 2>&1 &
  echo $!')
sleep "${DRS_GUI_WAIT:-20}"
kill -0 "$gui_pid" 2>/dev/null || fail "diffrhythm-studio exited: $(cat "$chroot_dir/tmp/gui.log")"
mkdir -p "$(dirname "$shot")"
colours=$(python3 "$repo/tests/packaging/xwd2png.py" "$chroot_dir/tmp/fb/Xvfb_screen0" "$shot")
echo "screenshot: $shot ($colours colours sampled)"
[[ $colours -gt 8 ]] || fail "the screen is blank ($colours colours): $(cat "$chroot_dir/tmp/gui.log")"
step "GUI under Xvfb + screenshot"
for proc in /proc/[0-9]*; do
  [[ $(readlink "$proc/root" 2>/dev/null) == "$chroot_dir" ]] && kill "${proc#/proc/}" 2>/dev/null
done
sleep 1

# --- 4. purge leaves nothing ----------------------------------------------------------
in_root dpkg -L diffrhythm-studio >"$work/files"
in_root apt-get remove --purge -y -q diffrhythm-studio >&2
left=()
while read -r path; do
  [[ $path == /. || -z $path ]] && continue
  [[ -e $chroot_dir$path || -L $chroot_dir$path ]] || continue
  # Directories that other packages share (/usr/bin, /usr/share/man/man1, ...) stay.
  if [[ -d $chroot_dir$path && ! -L $chroot_dir$path ]] &&
    { [[ -n $(ls -A "$chroot_dir$path") ]] || in_root dpkg -S "$path" >/dev/null 2>&1; }; then
    continue
  fi
  left+=("$path")
done <"$work/files"
((${#left[@]} == 0)) || fail "left behind after purge: ${left[*]}"
for path in /usr/share/diffrhythm-studio /usr/share/doc/diffrhythm-studio; do
  [[ ! -e $chroot_dir$path ]] || fail "$path still exists after purge"
done
if compgen -G "$chroot_dir/var/lib/dpkg/info/diffrhythm-studio.*" >/dev/null; then
  fail "dpkg still has diffrhythm-studio's control files"
fi
step "apt-get remove --purge"

echo "install test passed; durations:"
printf '  %s\n' "${timings[@]}"
printf '  %-38s %4d s\n' total $(($(date +%s) - t_start))
