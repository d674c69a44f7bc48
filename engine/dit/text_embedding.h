// Lyric tokens -> [B,N,512]: embedding table + fixed sinusoidal positions (cosines
// first) + ConvNeXt-V2 blocks whose GRN normalises over time (couples all frames).
#pragma once

#include <ATen/ATen.h>

#include <vector>

#include "dit/dit_config.h"
#include "weights/weight_map.h"

namespace drs {

class TextEmbedding {
 public:
  TextEmbedding() = default;
  TextEmbedding(const DitConfig& config, WeightMap& weights, const at::TensorOptions& options);
  [[nodiscard]] at::Tensor forward(const at::Tensor& tokens) const;  // [B,N] int64 -> [B,N,512]

 private:
  struct Block {
    at::Tensor dw_w, dw_b, ln_w, ln_b, pw1_w, pw1_b, gamma, beta, pw2_w, pw2_b;
  };
  at::Tensor table_, positions_;
  std::vector<Block> blocks_;
};

}  // namespace drs
