#!/usr/bin/env bash
# Builds everything with warnings as errors and runs the whole test suite.
# Golden tests read fixtures from $DRS_REFERENCE_DIR (default: ../shared/reference).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
cmake --preset ci >/dev/null
cmake --build build --parallel "$(nproc)"
scripts/check-format.sh
# clang-tidy (.clang-tidy) on the C++ files changed since origin/main or the last commit.
if command -v clang-tidy >/dev/null; then
  DRS_BUILD_DIR=build scripts/clang-tidy-changed.sh
else
  echo "clang-tidy not installed (Debian: clang-tidy): changed files not checked" >&2
fi
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# The `packaging` test (install the .deb into a fresh Debian root) takes minutes and
# needs root and network: run it with ctest --test-dir build -L '^packaging$'.
ctest --test-dir build --output-on-failure --parallel "$(nproc)" -LE '^(packaging|bench)$' "$@"
# The benchmarks' reduced runs, apart from the unit suite: they keep the benchmarks
# building and running and assert nothing about speed.
ctest --test-dir build --output-on-failure --parallel "$(nproc)" -L '^bench$'
# The libFuzzer targets must keep building with clang; each runs a few seconds here (the
# long runs are `scripts/fuzz.sh --minutes 10`, outside CI).
scripts/fuzz.sh --seconds 5
