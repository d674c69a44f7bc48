// The machine's attainable matrix-multiply throughput, measured in-process on the
// same GEMM shapes and dtype one DiT layer runs, so efficiency figures compare our
// forward with what this CPU/GPU and its BLAS can actually do.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>

#include "dit/dit_config.h"
#include "dit/stored_weight.h"

namespace drs::bench {

struct Roofline {
  double flops_per_second = 0;  // median over repeats
  double spread = 0;            // (max - min) / median of the repeats
};

// The layer's seven projection GEMMs (q, k, v, o, gate, up, down) at rows = batch *
// sequence length, in the dtype of `options` (with Int8: the packed int8 kernels the
// engine then uses). The long-standing figure: the projections are ~90 % of the work.
Roofline measure_matmul_roofline(const DitConfig& config, int64_t rows,
                                 const at::TensorOptions& options, WeightResidency residency,
                                 int repeats);

// The attention GEMMs of one head at `frames` (scores = Q K^T: [n, 64] x [64, n], and
// scores x V: [n, n] x [n, 64]). Their K = 64 or N = 64 shapes reach well below the
// projections' rate on a CPU; a forward's shape-matched roofline weights both rates by
// their share of the FLOPs.
Roofline measure_attention_roofline(const DitConfig& config, int64_t frames,
                                    const at::TensorOptions& options, int repeats);

// FLOP-weighted combination: total FLOPs / sum of each part's FLOPs at its own rate.
double combined_rate(double projection_flops, const Roofline& projections, double attention_flops,
                     const Roofline& attention);

}  // namespace drs::bench
