// FLOP model of one DiT forward (MODEL.md section 8.1), used to turn times into
// throughput and efficiency figures. 1 multiply-accumulate = 2 FLOP.
#pragma once

#include <algorithm>
#include <cstdint>

#include "dit/dit_config.h"

namespace drs::bench {

// GEMM/convolution work per latent frame, in FLOP.
inline double dit_flops_per_frame(const DitConfig& c) {
  const double d = static_cast<double>(c.dim);
  const double ff = d * static_cast<double>(c.ff_mult);
  const double layers = static_cast<double>(c.depth);
  const double llama = layers * (4 * d * d + 3 * d * ff);
  const double conv_pos = 2 * d * (d / 16) * 31;
  const double fusion = static_cast<double>(c.depth / 2) * 512 * d;
  const double convnext = static_cast<double>(c.conv_layers) * (2 * 512 * 1024 + 512 * 7);
  const double input = 1664 * d;
  const double output = d * 64;
  return 2 * (llama + conv_pos + fusion + convnext + input + output);
}

// The attention GEMMs of one forward (Q K^T and scores x V in every layer and head).
inline double dit_attention_flops(const DitConfig& c, int64_t frames, int64_t batch) {
  const double n = static_cast<double>(frames);
  const double per_product = static_cast<double>(c.depth) * 2 * n * n * static_cast<double>(c.dim);
  return static_cast<double>(batch) * 2 * per_product;
}

// One forward at batch `batch` and sequence length `frames`.
inline double dit_forward_flops(const DitConfig& c, int64_t frames, int64_t batch) {
  const double n = static_cast<double>(frames);
  return static_cast<double>(batch) * dit_flops_per_frame(c) * n +
         dit_attention_flops(c, frames, batch);
}

}  // namespace drs::bench
