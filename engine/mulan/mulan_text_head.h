// The MuLan text head on top of XLM-R (MuQ's text tower): a projection when the config
// has one (the weights must agree, or loading fails naming the tensor), a small
// pre-norm transformer (bias-free LayerNorm, L2-normalised q/k with learned scales,
// logit scale 8, GEGLU feed-forward), mean over all tokens, text_to_latents, L2 norm.
#pragma once

#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "mulan/mulan_transformer.h"
#include "mulan/style_encoder_config.h"
#include "weights/weight_map.h"

namespace drs {

class MulanTextHead {
 public:
  MulanTextHead(const StyleEncoderConfig& config, WeightMap& weights);
  // hidden [1,T,xlmr_hidden] -> [1, dim_latent], unit L2 norm
  [[nodiscard]] at::Tensor forward(const at::Tensor& hidden) const;

 private:
  MulanTextConfig config_;
  at::Tensor proj_w_, proj_b_;  // undefined when the widths match (identity)
  MulanTransformer transformer_;
  at::Tensor latent_w_, latent_b_;
};

}  // namespace drs
