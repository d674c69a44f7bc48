// Snake activation with separate frequency and magnitude per channel (SnakeBeta):
// y = x + sin^2(e^alpha * x) / (e^beta + 1e-9), alpha and beta stored as logarithms.
#pragma once

#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "weights/weight_map.h"

namespace drs {

class Snake {
 public:
  Snake() = default;
  Snake(WeightMap& weights, const std::string& layer, int64_t channels,
        const at::TensorOptions& options);

  // x [B, channels, T], or time-major [B, channels, 1, T] (vae/time_major.h). On the CPU
  // (float32 or bfloat16) one fused pass (vae/snake_kernel.h); elsewhere ATen's
  // element-wise operations. The result has x's layout.
  [[nodiscard]] at::Tensor forward(const at::Tensor& x) const;

 private:
  [[nodiscard]] at::Tensor forward_rows(const at::Tensor& x) const;
  [[nodiscard]] at::Tensor forward_steps(const at::Tensor& x) const;

  // Taken once at load, in float32 (they depend on the weights only): e^alpha and
  // sqrt(1 / (e^beta + 1e-9)), so that y = x + (root * sin(e^alpha x))^2 is one fused
  // multiply-add over the data. Shapes [1, channels, 1] broadcast over batch and time.
  at::Tensor frequency_, root_magnitude_;
  // The same per-channel constants for the fused CPU pass, kept in float32 also when the
  // network computes in bfloat16 (the pass computes in float32 and rounds once).
  std::vector<float> cpu_frequency_, cpu_root_;
};

}  // namespace drs
