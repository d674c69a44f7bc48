// MuQ's encoder: the Wav2Vec2-Conformer layers with a rotary table from the checkpoint's
// inv_freq, and the final LayerNorm applied to the last layer's output only. The
// checkpoint's pos_conv_embed exists but this encoder never applies it.
#pragma once

#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "mulan/audio_tower_config.h"
#include "mulan/conformer_layer.h"
#include "weights/weight_map.h"

namespace drs {

class ConformerEncoder {
 public:
  // Binds `prefix` + "embed_positions.inv_freq", "layers.{i}.*", "layer_norm.*".
  ConformerEncoder(const ConformerConfig& config, WeightMap& weights, const std::string& prefix);
  // Hidden state `layer_index` of [stem output, layer 0, ..., layer L-2, LN(layer L-1)]
  // (Python-style; -1 the last) for `stem_output` [T, dim]. `layer0_out`, when given,
  // receives layer 0's output (for the golden test's intermediates).
  [[nodiscard]] at::Tensor forward(const at::Tensor& stem_output, int64_t layer_index,
                                   at::Tensor* layer0_out = nullptr) const;

 private:
  [[nodiscard]] RotaryTable rotary_table(int64_t frames) const;
  ConformerConfig config_;
  at::Tensor inv_freq_;
  std::vector<ConformerLayer> layers_;
  at::Tensor norm_weight_, norm_bias_;
};

}  // namespace drs
