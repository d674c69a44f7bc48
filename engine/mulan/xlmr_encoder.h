// XLM-RoBERTa encoder (Hugging Face XLMRobertaModel, last hidden state): embeddings
// with positions counted from padding_idx + 1, post-LayerNorm layers, exact GELU.
#pragma once

#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "mulan/style_encoder_config.h"
#include "weights/weight_map.h"

namespace drs {

class XlmrEncoder {
 public:
  XlmrEncoder(const XlmrConfig& config, WeightMap& weights, const std::string& prefix);
  // ids [1,T] int64 -> hidden states [1,T,hidden]
  [[nodiscard]] at::Tensor forward(const at::Tensor& ids) const;

 private:
  struct Layer {
    at::Tensor q_w, q_b, k_w, k_b, v_w, v_b, o_w, o_b, ln1_w, ln1_b, up_w, up_b, down_w, down_b,
        ln2_w, ln2_b;
  };
  XlmrConfig config_;
  at::Tensor word_, position_, token_type_, ln_w_, ln_b_;
  std::vector<Layer> layers_;
};

}  // namespace drs
