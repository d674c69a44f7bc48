// Scalar -> 512-d conditioning (time, start time, duration): 256 sinusoidal features
// (sines first, frequencies exp(-j ln(1e4)/127), argument 1000 tau) -> Linear -> SiLU -> Linear.
#pragma once

#include <ATen/ATen.h>

#include <string>

#include "weights/weight_map.h"

namespace drs {

class TimestepEmbedding {
 public:
  TimestepEmbedding() = default;
  TimestepEmbedding(WeightMap& weights, const std::string& prefix,
                    const at::TensorOptions& options);
  [[nodiscard]] at::Tensor forward(const at::Tensor& tau) const;  // [B] -> [B,512]
  [[nodiscard]] bool defined() const { return w0_.defined(); }

 private:
  at::Tensor w0_, b0_, w2_, b2_;
};

}  // namespace drs
