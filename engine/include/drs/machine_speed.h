// How fast this machine multiplies matrices, measured in a fraction of a second. Two
// uses: a warning when LibTorch runs on a slow BLAS (Debian's reference libblas.so.3
// instead of OpenBLAS, or an OpenBLAS fallback kernel), and the first-run time estimate
// of a CPU generation before any step has been timed.
#pragma once

#include <string>

#include "drs/blas_kernel.h"
#include "drs/cpu_features.h"

namespace drs {

struct MatmulSpeed {
  double gflops = 0;         // float32 GEMM on all of the BLAS's threads
  int threads = 0;           // threads the GEMM ran on (OpenBLAS's, else intra-op)
  std::string blas_library;  // the BLAS library mapped into this process, if found
  BlasKernel kernel;         // the OpenBLAS core in use and how it was chosen
  // The least a tuned BLAS gives on these vector units: half of one FMA unit's peak at a
  // conservative clock, per thread.
  double expected_gflops = 0;
  bool slow = false;        // far below expected_gflops
  double bf16_speedup = 0;  // cpu_bfloat16_speedup() where measured, else 0
  double int8_speedup = 0;  // cpu_int8_speedup() where measured, else 0
  std::string advice;       // what to do about it (empty unless slow)
};

// Runs square float32 GEMMs on the CPU for about `budget_seconds`. Never throws.
[[nodiscard]] MatmulSpeed measure_matmul_speed(double budget_seconds = 0.25);

// The verdict and advice for a measured rate (measure_matmul_speed's second half): slow
// when far below what `cpu`'s vector width gives on `threads` cores with a tuned BLAS.
[[nodiscard]] MatmulSpeed classify_matmul_speed(double gflops, int threads,
                                                std::string blas_library,
                                                const CpuFeatures& cpu = {},
                                                const BlasKernel& kernel = {});

// bfloat16 / float32 GEMM rate on this CPU (same shapes, `budget_seconds` each). Above 1
// on CPUs with native bf16 (AVX512-BF16, AMX), far below 1 where bf16 is emulated
// (README, "Cost cutters"). 0 when it cannot be measured.
// Runs with `threads` intra-op threads (0 = all cores, as a generation does).
[[nodiscard]] double cpu_bfloat16_speedup(int threads = 0, double budget_seconds = 0.1);
// From this speed-up on, bfloat16 is worth suggesting on the CPU.
inline constexpr double kBfloat16HintSpeedup = 1.3;

// int8 (dynamic, oneDNN) / float32 GEMM rate on this CPU for a projection-sized product,
// `budget_seconds` each: above 1 where the CPU has int8 dot-product instructions
// (AVX512-VNNI, AMX). 0 when the build has no int8 kernels or it cannot be measured.
[[nodiscard]] double cpu_int8_speedup(int threads = 0, double budget_seconds = 0.1);

// What runs --precision int8's matrix products here, e.g. "oneDNN matmul
// brg:avx512_core_amx_int8"; "none" where this build has no int8 kernels.
[[nodiscard]] std::string int8_kernel_name();
// From this speed-up on, int8 maths is worth offering.
inline constexpr double kInt8HintSpeedup = 1.3;

// Fraction of the GEMM rate one real-size DiT forward reaches on a CPU (drs-bench's
// "efficiency" at seq 2048, batch 2, float32): turns a measured GEMM rate into a
// first-run estimate of seconds per transformer pass.
inline constexpr double kCpuDitEfficiency = 0.85;

}  // namespace drs
