// A random Oobleck decoder under the official tensor names, for timing the native VAE
// at the released size without its weights (random weights cost exactly what the real
// ones cost). Folded form (plain "weight"), float32 on the CPU.
#pragma once

#include <cstdint>

#include "vae/oobleck_config.h"
#include "weights/weight_map.h"

namespace drs::bench {

// The released VAE's decoder (MODEL.md 6.4): channels 128, c_mults 1,2,4,8,16,
// strides 2,4,4,8,8, latent 64, stereo, no bias on the last convolution.
OobleckConfig released_oobleck_config();
// A toy decoder of the same structure (seconds to run; what CI's smoke test uses).
OobleckConfig small_oobleck_config();

WeightMap random_oobleck_decoder(const OobleckConfig& config, uint64_t seed);

}  // namespace drs::bench
