#include "mulan/mulan_audio_head.h"

namespace drs {

MulanAudioHead::MulanAudioHead(const AudioTowerConfig& c, WeightMap& w) {
  const auto f32 = at::TensorOptions().dtype(at::kFloat);
  // MuQ-MuLan always builds this projection (unlike the text tower's), even for equal widths.
  proj_w_ = w.take("mulan.audio.proj.weight", {c.head.dim, c.conformer.dim}, f32);
  proj_b_ = w.take("mulan.audio.proj.bias", {c.head.dim}, f32);
  transformer_ = MulanTransformer(c.head, w, "mulan.audio.transformer.");
  latent_w_ = w.take("mulan.audio_to_latents.weight", {c.dim_latent, c.head.dim}, f32);
  latent_b_ = w.take("mulan.audio_to_latents.bias", {c.dim_latent}, f32);
}

at::Tensor MulanAudioHead::pool(const at::Tensor& hidden) const {
  return transformer_.forward(at::linear(hidden, proj_w_, proj_b_)).mean(0, /*keepdim=*/true);
}

at::Tensor MulanAudioHead::to_latent(const at::Tensor& pooled) const {
  const auto latent = at::linear(pooled, latent_w_, latent_b_);
  return latent / latent.norm(2, -1, true).clamp_min(1e-12);
}

}  // namespace drs
