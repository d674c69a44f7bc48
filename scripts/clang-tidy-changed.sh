#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) on the C++ files changed relative to a base revision:
# every changed .cpp that the build compiles, with diagnostics from the changed headers
# too. Usage: scripts/clang-tidy-changed.sh [BASE]   (default: origin/main when it
# exists, else HEAD~1; uncommitted and untracked files count as changed).
# The build folder's compile_commands.json is used: DRS_BUILD_DIR, default build/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${DRS_BUILD_DIR:-build}
base=${1:-}
if [[ -z $base ]]; then
  if git rev-parse -q --verify origin/main >/dev/null; then base=origin/main; else base=HEAD~1; fi
fi
if ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
  echo "clang-tidy-changed: no revision $base to compare with; nothing checked" >&2
  exit 0
fi
if [[ ! -f $build/compile_commands.json ]]; then
  echo "clang-tidy-changed: $build/compile_commands.json missing (configure the build first)" >&2
  exit 1
fi

mapfile -t changed < <({
  git diff --name-only --diff-filter=d "$base" -- '*.cpp' '*.h'
  git ls-files -o --exclude-standard -- '*.cpp' '*.h'
} | sort -u)
sources=()
headers=()
for file in "${changed[@]}"; do
  case $file in
    *.h) headers+=("$file") ;;
    # Only what the build compiles (not fuzz-only or disabled sources).
    *.cpp) grep -qF "\"$PWD/$file\"" "$build/compile_commands.json" && sources+=("$file") ;;
  esac
done
if ((${#sources[@]} == 0)); then
  echo "clang-tidy-changed: no compiled C++ file changed since $base"
  exit 0
fi

# Diagnostics in the changed headers, wherever they are included from.
filter='^$'
if ((${#headers[@]})); then
  filter="$PWD/($(printf '%s\n' "${headers[@]}" | sed 's/[.]/\\./g' | paste -sd'|'))\$"
fi
echo "clang-tidy-changed: ${#sources[@]} file(s) changed since $base"
# clang with libstdc++ 12 needs c10::IValue complete before LibTorch 1.13's other headers
# (the same -include the clang builds get, cmake/DrsDependencies.cmake); only for the
# files that see LibTorch.
mapfile -t torch_sources < <(python3 - "$build/compile_commands.json" "$PWD" "${sources[@]}" <<'PY'
import json, sys
entries = json.load(open(sys.argv[1]))
torch = {e["file"] for e in entries if "torch/csrc/api/include" in e.get("command", "")}
print("\n".join(f for f in sys.argv[3:] if f"{sys.argv[2]}/{f}" in torch))
PY
)
tidy() {
  xargs -r -P "$(nproc)" -n 1 clang-tidy --quiet -p "$build" --header-filter="$filter" "$@"
}
comm -23 <(printf '%s\n' "${sources[@]}" | sort) <(printf '%s\n' "${torch_sources[@]}" | sort) |
  sed '/^$/d' | tidy
printf '%s\n' "${torch_sources[@]}" | sed '/^$/d' |
  tidy --extra-arg=-include --extra-arg=ATen/core/ivalue.h
