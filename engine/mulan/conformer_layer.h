// One Wav2Vec2-Conformer layer as MuQ runs it (eval, no mask): half-step feed-forward,
// rotary self-attention, convolution module, half-step feed-forward, final LayerNorm,
// each in a pre-norm residual.
#pragma once

#include <ATen/ATen.h>

#include <string>

#include "mulan/audio_tower_config.h"
#include "weights/weight_map.h"

namespace drs {

// cos and sin of the rotary angles, [T, 1, head_size] each (broadcast over heads).
struct RotaryTable {
  at::Tensor cos, sin;
};

class ConformerLayer {
 public:
  // Binds `prefix` (e.g. "...conformer.layers.3.").
  ConformerLayer(const ConformerConfig& config, WeightMap& weights, const std::string& prefix);
  // [T, dim] -> [T, dim]
  [[nodiscard]] at::Tensor forward(const at::Tensor& x, const RotaryTable& rotary) const;

 private:
  struct Norm {
    at::Tensor weight, bias;
  };
  struct Linear {
    at::Tensor weight, bias;
    [[nodiscard]] at::Tensor operator()(const at::Tensor& x) const {
      return at::linear(x, weight, bias);
    }
  };
  struct FeedForward {
    Norm norm;
    Linear in, out;
  };
  [[nodiscard]] at::Tensor norm(const at::Tensor& x, const Norm& n) const;
  [[nodiscard]] at::Tensor feed_forward(const at::Tensor& x, const FeedForward& f) const;
  [[nodiscard]] at::Tensor attention(const at::Tensor& x, const RotaryTable& rotary) const;
  [[nodiscard]] at::Tensor convolution(const at::Tensor& x) const;

  ConformerConfig config_;
  FeedForward ffn1_, ffn2_;
  Norm attn_norm_;
  Linear q_, k_, v_, out_;
  Norm conv_norm_;
  at::Tensor pointwise1_, depthwise_, pointwise2_;     // Conv1d weights, no bias
  at::Tensor bn_weight_, bn_bias_, bn_mean_, bn_var_;  // BatchNorm1d (eval)
  Norm final_norm_;
};

}  // namespace drs
