// DecoderBlock(in -> out, s): Snake(in), ConvTranspose1d(in -> out, k 2s, stride s,
// padding ceil(s/2)) (time x s), then ResidualUnits (out, 1), (out, 3), (out, 9).
#pragma once

#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "vae/conv.h"
#include "vae/residual_unit.h"
#include "vae/snake.h"
#include "weights/weight_map.h"

namespace drs {

class DecoderBlock {
 public:
  DecoderBlock(WeightMap& weights, const std::string& layer, int64_t in, int64_t out,
               int64_t stride, bool bias, const at::TensorOptions& options);

  [[nodiscard]] at::Tensor forward(const at::Tensor& x) const;

 private:
  Snake snake_;
  OobleckConv upsample_;
  std::vector<ResidualUnit> units_;
};

}  // namespace drs
