// MuLan's audio head on MuQ's hidden state: Linear to the tower width, the MuLan
// transformer (depth 0 in the released model), mean over time, audio_to_latents, L2 norm.
#pragma once

#include <ATen/ATen.h>

#include "mulan/audio_tower_config.h"
#include "mulan/mulan_transformer.h"
#include "weights/weight_map.h"

namespace drs {

class MulanAudioHead {
 public:
  MulanAudioHead(const AudioTowerConfig& config, WeightMap& weights);
  // The time-mean of the transformed features: hidden [T, encoder_dim] -> [1, dim].
  [[nodiscard]] at::Tensor pool(const at::Tensor& hidden) const;
  // pooled [1, dim] -> [1, dim_latent], unit L2 norm.
  [[nodiscard]] at::Tensor to_latent(const at::Tensor& pooled) const;

 private:
  at::Tensor proj_w_, proj_b_;
  MulanTransformer transformer_;
  at::Tensor latent_w_, latent_b_;
};

}  // namespace drs
