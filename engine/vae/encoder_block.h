// EncoderBlock(in -> out, s): ResidualUnits (in, 1), (in, 3), (in, 9), Snake(in), then
// Conv1d(in -> out, k 2s, stride s, padding ceil(s/2)) (time / s).
#pragma once

#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "vae/conv.h"
#include "vae/residual_unit.h"
#include "vae/snake.h"
#include "weights/weight_map.h"

namespace drs {

class EncoderBlock {
 public:
  EncoderBlock(WeightMap& weights, const std::string& layer, int64_t in, int64_t out,
               int64_t stride, bool bias, const at::TensorOptions& options);

  [[nodiscard]] at::Tensor forward(const at::Tensor& x) const;

 private:
  std::vector<ResidualUnit> units_;
  Snake snake_;
  OobleckConv downsample_;
};

}  // namespace drs
