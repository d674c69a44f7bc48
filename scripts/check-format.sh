#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format (.clang-format) would write.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -co --exclude-standard '*.cpp' '*.h')
((${#files[@]})) || exit 0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! clang-format --dry-run --Werror "${files[@]}" 2>"$log"; then
  # clang-format reports "error:" with --Werror, "warning:" without: match the flag name.
  grep -E 'clang-format-violations' "$log" | cut -d: -f1 | sort -u | sed 's/^/needs clang-format: /' >&2
  echo "Run: clang-format -i \$(git ls-files '*.cpp' '*.h')" >&2
  exit 1
fi
