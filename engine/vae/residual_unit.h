// ResidualUnit(c, d): x + Conv1d(c->c, k1)(Snake(Conv1d(c->c, k7, dilation d)(Snake(x)))).
#pragma once

#include <ATen/ATen.h>

#include <string>

#include "vae/conv.h"
#include "vae/snake.h"
#include "weights/weight_map.h"

namespace drs {

class ResidualUnit {
 public:
  // `layer` is the unit's name; its Sequential holds snake 0, conv 1, snake 2, conv 3.
  ResidualUnit(WeightMap& weights, const std::string& layer, int64_t channels, int64_t dilation,
               bool bias, const at::TensorOptions& options);

  [[nodiscard]] at::Tensor forward(const at::Tensor& x) const;

 private:
  Snake snake_in_, snake_mid_;
  OobleckConv dilated_, pointwise_;
};

}  // namespace drs
