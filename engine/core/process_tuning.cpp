#include "drs/process_tuning.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/blas_core_state.h"
#include "core/blas_probe.h"
#include "core/kernel_choice.h"
#include "drs/blas_kernel.h"

namespace drs {
namespace {

// Long enough for a steady rate on a busy laptop, short enough to go unnoticed; paid
// only on machines whose OpenBLAS fell back.
constexpr double kProbeSeconds = 0.15;
// A candidate is only tried when its float32 kernels are wider than the library core's,
// so the choice is made on hardware grounds; the rate only guards against a pathology
// (e.g. kernels the CPU runs emulated). A "must be faster" margin would let timing noise
// decide between near-equal cores, and cores round differently: the same song would not
// come out bit for bit the same from one start of the app to the next.
constexpr double kMinimumShare = 0.5;

// Sleeping OpenMP and OpenBLAS threads; true when something changed.
bool set_thread_waiting() {
  if (std::getenv("OMP_WAIT_POLICY") != nullptr) return false;
  ::setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
  ::setenv("OPENBLAS_THREAD_TIMEOUT", "4", 0);
  return true;
}

// Transparent huge pages for malloc's large blocks (glibc 2.35+; older releases ignore
// the name). Weights, activations and the per-step buffers are hundreds of megabytes, and
// touching them 4 KiB at a time costs a page fault each; under virtualisation a fault
// costs several times more, enough to show in the load time and the first step. Only
// where the kernel's THP mode is "madvise" does this change anything ("always" already
// does it, "never" refuses it). True when something changed.
bool set_huge_page_malloc() {
  constexpr std::string_view kTunable = "glibc.malloc.hugetlb";
  const char* current = std::getenv("GLIBC_TUNABLES");
  std::string tunables = current ? current : "";
  if (tunables.find(kTunable) != std::string::npos) return false;  // the user's choice
  if (!tunables.empty()) tunables += ':';
  tunables += std::string(kTunable) + "=1";
  ::setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
  return true;
}

bool same_core(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

void set_core(const std::string& core, bool simulated) {
  if (core.empty() || !simulated)
    ::unsetenv("OPENBLAS_CORETYPE");
  else
    ::setenv("OPENBLAS_CORETYPE", core.c_str(), 1);
}

// This process runs the candidate core: keep it if OpenBLAS took it and it is correct and
// not much slower, else go back to the library's choice. True when a re-exec is needed.
bool finish_trial(BlasCoreState state) {
  const auto kernel = current_blas_kernel();
  state.gflops_candidate = 0;
  if (!same_core(kernel.core, state.candidate)) {
    state.reason =
        "this OpenBLAS has no " + state.candidate + " kernels (it ran " + kernel.core + ")";
  } else if (auto error = blas_sgemm_check(); !error.empty()) {
    state.reason = "wrong results: " + error;
  } else {
    state.gflops_candidate = blas_sgemm_gflops(kProbeSeconds);
    if (state.gflops_candidate < kMinimumShare * state.gflops_library) state.reason = "much slower";
  }
  if (state.reason.empty()) {
    state.phase = BlasCoreState::Phase::Selected;
    state.to_environment();
    return false;
  }
  state.phase = BlasCoreState::Phase::Kept;
  state.to_environment();
  set_core(state.library_core, state.simulated);
  return true;
}

// OpenBLAS's choice as this process sees it: try a better core if there is one. True when
// a re-exec is needed.
bool start_trial(BlasCoreState state) {
  const auto kernel = current_blas_kernel();
  if (!kernel.is_openblas()) return false;
  const auto candidate = better_openblas_core(detect_cpu_features(), kernel.core);
  if (candidate.empty()) return false;
  state.phase = BlasCoreState::Phase::Trial;
  state.library_core = kernel.core;
  state.candidate = candidate;
  state.gflops_library = blas_sgemm_gflops(kProbeSeconds);
  state.to_environment();
  ::setenv("OPENBLAS_CORETYPE", candidate.c_str(), 1);
  return true;
}

// True when a re-exec is needed.
bool choose_blas_core() {
  auto state = BlasCoreState::from_environment();
  switch (state.phase) {
    case BlasCoreState::Phase::Trial: return finish_trial(state);
    case BlasCoreState::Phase::Selected:
    case BlasCoreState::Phase::Kept: return false;  // decided before this (re-)exec
    case BlasCoreState::Phase::Simulated: state.simulated = true; return start_trial(state);
    case BlasCoreState::Phase::None: break;
  }
  if (std::getenv("OPENBLAS_CORETYPE") != nullptr) return false;  // the user's choice
  if (const char* start = std::getenv("DRS_BLAS_CORE_START"); start && *start) {
    BlasCoreState simulated;
    simulated.phase = BlasCoreState::Phase::Simulated;
    simulated.library_core = start;
    simulated.simulated = true;
    simulated.to_environment();
    ::setenv("OPENBLAS_CORETYPE", start, 1);
    return true;
  }
  return start_trial(state);
}

}  // namespace

void tune_process(char** argv) {
  if (argv == nullptr || argv[0] == nullptr) return;
  const bool waiting = set_thread_waiting();
  const bool pages = set_huge_page_malloc();
  const bool core = choose_blas_core();
  if (!waiting && !pages && !core) return;
  // /proc/self/exe is this very binary even when argv[0] is a bare name or a symlink.
  ::execv("/proc/self/exe", argv);
}

}  // namespace drs
