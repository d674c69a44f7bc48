// Shared by the DiT unit tests: a small but complete configuration (every block type,
// fast on any CPU) and random per-pass inputs for it at batch 2.
#pragma once

#include <ATen/ATen.h>

#include "dit/dit_model.h"

namespace drs::test {

inline DitConfig small_dit_config(int64_t dim = 64) {
  DitConfig config;
  config.dim = dim;
  config.depth = 2;
  config.ff_mult = 2;
  config.conv_layers = 1;
  return config;
}

// cond zeros or random (`random_cond`), random lyric tokens and style, start 0, duration 1.
inline DitInputs random_dit_inputs(const DitConfig& config, int64_t frames,
                                   bool random_cond = false) {
  DitInputs in;
  in.cond =
      random_cond ? at::randn({2, frames, config.mel_dim}) : at::zeros({2, frames, config.mel_dim});
  in.text = at::randint(0, 364, {2, frames}, at::kLong);
  in.style = at::randn({2, 512});
  in.start_time = at::zeros({2});
  in.duration = at::ones({2});
  return in;
}

}  // namespace drs::test
