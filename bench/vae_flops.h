// FLOP model of the Oobleck decoder (MODEL.md 8.2): every convolution as the GEMM an
// im2col (plain) or col2im (transposed) implementation runs, 1 MAC = 2 FLOP. Snakes,
// biases and residual additions are not counted (they are memory traffic, not FLOPs).
// The released decoder gives 2.52 G MAC = 5.04 GFLOP per latent frame.
#pragma once

#include <cstdint>
#include <vector>

#include "vae/oobleck_config.h"

namespace drs::bench {

// out [m, n] = weight [m, k] x columns [k, n], n = columns_per_frame * latent frames.
//   plain conv:      m = out channels,          k = in channels * kernel, n = output length
//   transposed conv: m = out channels * kernel, k = in channels,          n = input length
struct ConvGemm {
  int64_t m = 0, k = 0;
  int64_t columns_per_frame = 0;
  int count = 1;  // identical convolutions in the decoder (the residual units' repeats)
  [[nodiscard]] double flops_per_frame() const {
    return 2.0 * static_cast<double>(m) * static_cast<double>(k) *
           static_cast<double>(columns_per_frame) * count;
  }
};

inline std::vector<ConvGemm> decoder_gemms(const OobleckConfig& c) {
  const auto n = c.blocks();
  std::vector<ConvGemm> gemms;
  gemms.push_back({c.width(n), c.latent_channels * 7, 1, 1});
  int64_t rate = 1;  // samples per latent frame at the current level
  for (std::size_t i = 1; i <= n; ++i) {
    const auto level = n - i;
    const auto in = c.width(level + 1), out = c.width(level), stride = c.strides[level];
    gemms.push_back({out * 2 * stride, in, rate, 1});
    rate *= stride;
    gemms.push_back({out, out * 7, rate, 3});  // dilated k7 of the three residual units
    gemms.push_back({out, out, rate, 3});      // their pointwise k1
  }
  gemms.push_back({c.audio_channels, c.width(0) * 7, rate, 1});
  return gemms;
}

inline double decoder_flops_per_frame(const OobleckConfig& c) {
  double flops = 0;
  for (const auto& g : decoder_gemms(c)) flops += g.flops_per_frame();
  return flops;
}

}  // namespace drs::bench
