#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (+ AddressSanitizer, UndefinedBehaviorSanitizer)
# and fuzzes each for a while on its corpus.
#
#   scripts/fuzz.sh [TARGET...] [--minutes N | --seconds N] [--build-only]
#
# TARGET: lrc safetensors sentencepiece model_formats model_files onnx (default: all).
# Per target: tests/fuzz/dict/<target>.dict when there is one, a -max_len suited to the
# format; new inputs that add coverage are merged into tests/fuzz/corpus/<target>/ (commit
# them: CI replays the corpus), and every crash is minimised into
# tests/fuzz/regressions/<target>/, which the replay test then runs on every CI build.
# The last line per target summarises: executions, corpus before/after, features, crashes;
# the exit status is non-zero when any target found one.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${DRS_FUZZ_BUILD_DIR:-build-fuzz}
seconds=60
build_only=0
targets=()
while (($#)); do
  case $1 in
    --minutes) seconds=$(($2 * 60)); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=(lrc safetensors sentencepiece model_formats model_files onnx)

for tool in clang clang++; do
  command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool is missing (apt-get install clang)" >&2; exit 2; }
done

if [[ ! -f $build/CMakeCache.txt ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDRS_BUILD_FUZZERS=ON >/dev/null
fi
cmake --build "$build" --target "${targets[@]/#/fuzz_}"
((build_only)) && exit 0

max_len() {
  case $1 in
    lrc) echo 8192 ;;            # a long song's LRC
    sentencepiece) echo 65536 ;;
    *) echo 131072 ;;           # headers, pickles and zip directories of small models
  esac
}

total_found=0
for target in "${targets[@]}"; do
  bin=$build/tests/fuzz/fuzz_$target
  corpus=tests/fuzz/corpus/$target
  regressions=tests/fuzz/regressions/$target
  work=$build/fuzz-work/$target
  crashes=$build/fuzz-crashes/$target
  log=$build/fuzz-logs/$target.log
  mkdir -p "$corpus" "$work" "$crashes" "$(dirname "$log")"
  before=$(find "$corpus" -type f | wc -l)
  dict=()
  [[ -f tests/fuzz/dict/$target.dict ]] && dict=(-dict="tests/fuzz/dict/$target.dict")
  # New inputs go to the work folder; the committed corpus only gets the ones that add
  # coverage (the merge below).
  # Known leaks of third-party libraries (e.g. espeak-ng's voice selection) only.
  lsan=detect_leaks=1
  [[ -f tests/fuzz/${target}_lsan.supp ]] && lsan+=":suppressions=tests/fuzz/${target}_lsan.supp"
  set +e
  export LSAN_OPTIONS=$lsan
  "$bin" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" \
    "$work" "$corpus" >"$log" 2>&1
  status=$?
  set -e
  "$bin" -merge=1 "$corpus" "$work" >>"$log" 2>&1 || true
  after=$(find "$corpus" -type f | wc -l)
  found=0
  for crash in "$crashes"/crash-* "$crashes"/timeout-* "$crashes"/oom-*; do
    [[ -f $crash ]] || continue
    mkdir -p "$regressions"
    "$bin" -minimize_crash=1 -runs=20000 -exact_artifact_path="$regressions/$(basename "$crash")" \
      "$crash" >>"$log" 2>&1 || cp "$crash" "$regressions/"
    found=$((found + 1))
  done
  total_found=$((total_found + found))
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo '?')
  features=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo '?')
  echo "fuzz_$target: ${seconds} s, $runs executions, corpus $before -> $after, $features features, $found crashes (exit $status; log $log)"
done
# A crash, hang or unbounded allocation is a bug: fail (its minimised input is saved).
((total_found == 0))
