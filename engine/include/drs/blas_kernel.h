// Which kernel the BLAS behind LibTorch's float32 GEMMs runs, and why.
//
// OpenBLAS picks its kernels ("cores") from the CPU model at load time. A CPU newer
// than the installed OpenBLAS gets a generic fallback (Prescott: SSE3) that runs
// several times slower than the kernel its vector units support. tune_process() (see
// process_tuning.h) detects that at start-up, tries the best matching core through
// OPENBLAS_CORETYPE, keeps it when a GEMM check says it is correct and not much slower, and
// records what it did in the environment; current_blas_kernel() reports it.
#pragma once

#include <string>
#include <string_view>

namespace drs {

enum class BlasCoreSelection {
  Library,    // the BLAS's own choice (or not OpenBLAS)
  User,       // OPENBLAS_CORETYPE set by the user: never overridden
  Automatic,  // we replaced the library's fallback choice with `core`
  Kept,       // we tried a better core, it failed the check, the library's choice stayed
};

struct BlasKernel {
  std::string config;  // openblas_get_config(), "" when the BLAS is not OpenBLAS
  std::string core;    // openblas_get_corename(): the kernel in use now
  BlasCoreSelection selection = BlasCoreSelection::Library;
  std::string library_core;    // what OpenBLAS chose by itself (Automatic, Kept)
  std::string tried_core;      // the rejected candidate (Kept)
  std::string reason;          // why it was rejected (Kept)
  double gflops_library = 0;   // float32 GEMM rate on the library's core (Automatic, Kept)
  double gflops_selected = 0;  // ... and on the selected/tried core
  std::string best_core;       // the best core this CPU could run ("" when unknown)
  bool fallback = false;       // `core` is below what this CPU's vector units support

  [[nodiscard]] bool is_openblas() const { return !core.empty(); }
  // One line for `diffrhythm-cli info`, the about box and logs.
  [[nodiscard]] std::string describe() const;
};

[[nodiscard]] BlasKernel current_blas_kernel();
// The threads OpenBLAS runs a GEMM on (it sizes its pool from the CPUs it may use, which
// can differ from LibTorch's intra-op count); 0 when the BLAS is not OpenBLAS.
[[nodiscard]] int openblas_threads();
[[nodiscard]] std::string_view selection_name(BlasCoreSelection selection);

}  // namespace drs
