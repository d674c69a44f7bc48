#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (+ AddressSanitizer, UndefinedBehaviorSanitizer)
# and fuzzes each for a while on its corpus.
#
#   scripts/fuzz.sh [TARGET...] [--minutes N | --seconds N] [--timeout S] [--build-only | --no-build]
#
# TARGET: lrc safetensors sentencepiece model_formats model_files onnx audio hf_cache
# model_configs chinese_data (default: all).
# Per target: tests/fuzz/dict/<target>.dict when there is one, a -max_len suited to the
# format; new inputs that add coverage are merged into tests/fuzz/corpus/<target>/ (commit
# them: CI replays the corpus), and every crash is minimised into
# tests/fuzz/regressions/<target>/, which the replay test then runs on every CI build.
# The last line per target summarises: seconds run, executions, corpus before/after,
# features, findings;
# the exit status is non-zero when any target found one. --no-build fuzzes the binaries
# already built (e.g. while others' unfinished edits keep the tree from building).
# --timeout: seconds one input may take before it counts as a hang (default 10; libFuzzer
# measures wall time, so raise it when the fuzzers run niced on a busy machine).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${DRS_FUZZ_BUILD_DIR:-build-fuzz}
seconds=60
timeout=10
build_only=0
no_build=0
targets=()
while (($#)); do
  case $1 in
    --minutes) seconds=$(($2 * 60)); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --build-only) build_only=1; shift ;;
    --no-build) no_build=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=(lrc safetensors sentencepiece model_formats model_files onnx audio hf_cache
  model_configs chinese_data)

for tool in clang clang++; do
  command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool is missing (apt-get install clang)" >&2; exit 2; }
done

# The fuzzers need only the engine: configured on its own, a Qt-side change cannot stop them.
if [[ ! -f $build/CMakeCache.txt ]]; then
  CC=clang CXX=clang++ cmake -S engine -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDRS_BUILD_FUZZERS=ON >/dev/null
fi
((no_build)) || cmake --build "$build" --target "${targets[@]/#/fuzz_}"
((build_only)) && exit 0

max_len() {
  case $1 in
    lrc) echo 8192 ;;            # a long song's LRC
    sentencepiece) echo 65536 ;;
    audio) echo 16384 ;;         # 10 s at a low rate: reaches the clip rule and resampling
    hf_cache) echo 16384 ;;      # a few dozen folders, links and small files
    model_configs) echo 8192 ;;  # a config.json
    chinese_data) echo 32768 ;;  # five small data files and a lyric
    *) echo 131072 ;;           # headers, pickles and zip directories of small models
  esac
}

# A single allocation above this is reported as out-of-memory: a small file asking for
# hundreds of megabytes is a bug (the whole-process -rss_limit_mb stays 2048).
malloc_limit() {
  case $1 in
    audio) echo 128 ;;
    *) echo 2048 ;;
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
  started=$SECONDS
  "$bin" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout="$timeout" \
    -rss_limit_mb=2048 -malloc_limit_mb="$(malloc_limit "$target")" -print_final_stats=1 \
    -artifact_prefix="$crashes/" "${dict[@]}" "$work" "$corpus" >"$log" 2>&1
  status=$?
  ran=$((SECONDS - started))
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo '?')
  "$bin" -merge=1 "$corpus" "$work" >>"$log" 2>&1 || true
  after=$(find "$corpus" -type f | wc -l)
  found=0
  # libFuzzer stops at the first finding: a crash, hang, unbounded allocation or leak.
  for crash in "$crashes"/crash-* "$crashes"/timeout-* "$crashes"/oom-* "$crashes"/leak-*; do
    [[ -f $crash ]] || continue
    mkdir -p "$regressions" "$crashes/reported"
    "$bin" -minimize_crash=1 -runs=20000 -exact_artifact_path="$regressions/$(basename "$crash")" \
      "$crash" >>"$log" 2>&1 || cp "$crash" "$regressions/"
    mv "$crash" "$crashes/reported/"  # counted once, not again by the next run
    found=$((found + 1))
  done
  total_found=$((total_found + found))
  if ((status != 0 && found == 0)); then  # e.g. a bad option or dictionary: not a run
    echo "fuzz_$target: libFuzzer exited with $status without a finding; see $log" >&2
    total_found=$((total_found + 1))
  fi
  features=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo '?')
  echo "fuzz_$target: $ran of $seconds s, $runs executions, corpus $before -> $after," \
    "$features features (merged corpus), $found findings (exit $status; log $log)"
done
# A crash, hang, unbounded allocation or leak is a bug: fail (its minimised input is saved).
((total_found == 0))
