// MuLan's small transformer (both towers): pre-norm blocks with a bias-free LayerNorm
// (learned gamma), attention with L2-normalised queries and keys times learned scales
// and a logit scale of 8, and a GEGLU feed-forward; no final norm. Depth 0 is the
// identity (the released audio tower).
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <string>
#include <vector>

#include "mulan/text_tower_tensors.h"
#include "weights/weight_map.h"

namespace drs {

class MulanTransformer {
 public:
  MulanTransformer() = default;
  // Binds `prefix` + "layers.{i}.…" (e.g. "mulan.audio.transformer.").
  MulanTransformer(const MulanTransformerShape& shape, WeightMap& weights,
                   const std::string& prefix);
  // [T, dim] -> [T, dim]
  [[nodiscard]] at::Tensor forward(at::Tensor x) const;

 private:
  struct Layer {
    at::Tensor attn_gamma, to_q, to_kv, q_scale, k_scale, to_out, ff_gamma, ff_in, ff_out;
  };
  MulanTransformerShape shape_;
  std::vector<Layer> layers_;
};

}  // namespace drs
