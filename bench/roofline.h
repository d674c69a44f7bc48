// The machine's attainable matrix-multiply throughput, measured in-process on the
// same GEMM shapes and dtype one DiT layer runs, so efficiency figures compare our
// forward with what this CPU/GPU and its BLAS can actually do.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>

#include "dit/dit_config.h"

namespace drs::bench {

struct Roofline {
  double flops_per_second = 0;  // median over repeats
  double spread = 0;            // (max - min) / median of the repeats
};

// rows = batch * sequence length.
Roofline measure_matmul_roofline(const DitConfig& config, int64_t rows,
                                 const at::TensorOptions& options, int repeats);

}  // namespace drs::bench
