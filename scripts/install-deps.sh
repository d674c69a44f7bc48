#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, only those missing, without
# prompts. Usage: scripts/install-deps.sh [app|test|package]
# (package: test + what scripts/package-deb.sh and scripts/test-install-deb.sh need)
set -euo pipefail
profile=${1:-app}

packages=(
  # build
  cmake ninja-build pkg-config g++ ccache clang-format
  python3 librsvg2-bin  # man pages from --help, PNG icons from the SVG (packaging/)
  python3-jieba  # jieba dict.txt + HMM tables, converted into the Chinese segmenter at build time
  golang-github-mozillazg-go-pinyin-dev  # pinyin-data readings (data only) for the Chinese reading fallback
  # engine
  libtorch-dev libopenblas0-pthread libsndfile1-dev libsoxr-dev libespeak-ng-dev espeak-ng-data
  nlohmann-json3-dev
  libdnnl-dev  # oneDNN's int8 matmul (AMX / VNNI kernels) for --precision int8
  ocl-icd-opencl-dev  # only a recommendation of libdnnl-dev, but its CMake file requires OpenCL
  libcurl4-openssl-dev  # model downloads (engine/models; the .deb gets libcurl4 via shlibdeps)
  # desktop app (Qt Multimedia plays through GStreamer on Debian 12)
  qt6-base-dev qt6-multimedia-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  fonts-noto-cjk  # Chinese lyrics and the zh_CN interface (the base fonts have no CJK glyphs)
)
if [[ $profile == test || $profile == package ]]; then
  packages+=(
    libgtest-dev         # engine tests
    sentencepiece        # spm_encode cross-checks our own tokenizer (separate process)
    xvfb xauth           # screenshots under a real X server
    pulseaudio           # a null sink so playback tests have an audio device
    nginx          # real HTTP server for the downloader tests
    dbus-daemon    # private system/session buses for the sleep-inhibit and notification tests
    python3-torch        # writes the small official-format .pt test checkpoints
    python3-onnx         # reads .onnx files for the numpy cross-check of our ONNX interpreter
    clang libclang-rt-14-dev  # libFuzzer targets
    clang-tidy           # scripts/clang-tidy-changed.sh on the changed files
    desktop-file-utils appstream  # desktop file and AppStream metainfo validation
    locales              # localedef's de_DE source for the comma-decimal locale test
  )
fi
if [[ $profile == package ]]; then
  packages+=(
    dpkg-dev             # dpkg-shlibdeps: the .deb's Depends
    mmdebstrap           # a fresh Debian 12 root for the install test
  )
fi

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
fi
