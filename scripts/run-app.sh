#!/usr/bin/env bash
# Builds DiffRhythm Studio and starts it (the demo model is used when no real
# DiffRhythm weights are installed). Extra arguments are passed to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh app
[[ -f build/CMakeCache.txt ]] || cmake --preset default >/dev/null
cmake --build build --target diffrhythm-studio
exec build/app/diffrhythm-studio "$@"
