// Float32 GEMMs straight through the BLAS's cblas_sgemm (found with dlsym, so it is the
// library LibTorch calls), without LibTorch: usable before the re-exec of tune_process().
#pragma once

#include <string>

namespace drs {

// Rate of square 512 GEMMs on all of the BLAS's threads for about `budget_seconds`;
// 0 when the BLAS has no cblas_sgemm.
[[nodiscard]] double blas_sgemm_gflops(double budget_seconds);

// Compares a few odd-sized products (edge kernels included) with a double-precision
// reference: "" when they agree to float32 accuracy, else what went wrong.
[[nodiscard]] std::string blas_sgemm_check();

}  // namespace drs
