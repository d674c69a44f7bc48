#include "mulan/conformer_encoder.h"

namespace drs {

ConformerEncoder::ConformerEncoder(const ConformerConfig& c, WeightMap& w,
                                   const std::string& prefix)
    : config_(c) {
  const auto f32 = at::TensorOptions().dtype(at::kFloat);
  inv_freq_ = w.take(prefix + "embed_positions.inv_freq", {c.head_size() / 2}, f32);
  for (int64_t i = 0; i < c.depth; ++i)
    layers_.emplace_back(c, w, prefix + "layers." + std::to_string(i) + ".");
  norm_weight_ = w.take(prefix + "layer_norm.weight", {c.dim}, f32);
  norm_bias_ = w.take(prefix + "layer_norm.bias", {c.dim}, f32);
}

// Angles in float32 from the stored inverse frequencies, duplicated for both halves.
RotaryTable ConformerEncoder::rotary_table(int64_t frames) const {
  const auto positions = at::arange(frames, at::TensorOptions().dtype(at::kFloat));
  const auto angles = at::outer(positions, inv_freq_);
  const auto both = at::cat({angles, angles}, -1).unsqueeze(1);  // [T, 1, head_size]
  return {both.cos(), both.sin()};
}

at::Tensor ConformerEncoder::forward(const at::Tensor& stem_output, int64_t layer_index,
                                     at::Tensor* layer0_out) const {
  const auto depth = static_cast<int64_t>(layers_.size());
  const int64_t index = layer_index < 0 ? depth + 1 + layer_index : layer_index;
  const auto rotary = rotary_table(stem_output.size(0));
  auto x = stem_output;
  for (int64_t i = 0; i < index; ++i) {
    x = layers_[static_cast<std::size_t>(i)].forward(x, rotary);
    if (i == 0 && layer0_out) *layer0_out = x;
  }
  if (index == depth)
    x = at::layer_norm(x, {config_.dim}, norm_weight_, norm_bias_, config_.final_layer_norm_eps);
  return x;
}

}  // namespace drs
