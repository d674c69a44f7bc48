// The tensors MuQ-MuLan's text path binds (XLM-R, then the MuLan text head), with the
// shapes its configuration gives them: the one table the style encoder binds from and
// the model import checks a checkpoint against before anything is copied. Torch-free.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mulan/style_encoder_config.h"

namespace drs {

// Where the text path's XLM-R and MuLan transformer sit in MuQ-MuLan's state dict.
inline constexpr const char* kMulanTextModelPrefix = "mulan.text.model.";
inline constexpr const char* kMulanTextTransformerPrefix = "mulan.text.transformer.";

struct MulanTransformerShape {
  int64_t dim = 768;
  int64_t depth = 8;
  int64_t heads = 8;
  int64_t dim_head = 64;
  int64_t ff_mult = 4;
  // MuQ's feed-forward width: int(dim * mult * 2 / 3), doubled for the GEGLU gate.
  [[nodiscard]] int64_t ff_hidden() const;
};

// name -> shape
using TensorShapes = std::map<std::string, std::vector<int64_t>>;

// XLM-R's embeddings and layers under `prefix` (e.g. kMulanTextModelPrefix).
[[nodiscard]] TensorShapes xlmr_tensor_shapes(const XlmrConfig& config, const std::string& prefix);
// MuLan's transformer (either tower) under `prefix` + "layers.{i}.".
[[nodiscard]] TensorShapes mulan_transformer_tensor_shapes(const MulanTransformerShape& shape,
                                                           const std::string& prefix);
// The MuLan text head: the projection when the config has one, the transformer,
// text_to_latents.
[[nodiscard]] TensorShapes mulan_text_head_tensor_shapes(const StyleEncoderConfig& config);
// Everything the text path binds: XLM-R and the head.
[[nodiscard]] TensorShapes mulan_text_tensor_shapes(const StyleEncoderConfig& config);

}  // namespace drs
