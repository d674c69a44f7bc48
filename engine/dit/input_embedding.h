// [x | cond | text | style | c] (64+64+512+512+512) -> dim, plus the grouped
// convolutional position embedding. The projection is split by input so the parts
// that do not change during sampling (cond, text, style) are computed once per run.
#pragma once

#include <ATen/ATen.h>

#include "dit/dit_config.h"
#include "weights/weight_map.h"

namespace drs {

class InputEmbedding {
 public:
  InputEmbedding() = default;
  // bf16_position_conv: run the position convolutions in bfloat16 on float32 activations
  // on the CPU (the int8 path's cost cutter on CPUs with native bfloat16 products;
  // inexact). Only for float32 CPU options.
  InputEmbedding(const DitConfig& config, WeightMap& weights, const at::TensorOptions& options,
                 bool bf16_position_conv = false);
  // cond [B,N,64], text [B,N,512], style [B,512] -> [B,N,dim] (bias included)
  [[nodiscard]] at::Tensor static_part(const at::Tensor& cond, const at::Tensor& text,
                                       const at::Tensor& style) const;
  // The per-step part and the position convolution: x [B,N,64], c [B,512].
  [[nodiscard]] at::Tensor forward(const at::Tensor& static_part, const at::Tensor& x,
                                   const at::Tensor& c) const;

 private:
  at::Tensor w_x_, w_cond_, w_text_, w_style_, w_c_, bias_;
  at::Tensor conv1_w_, conv1_b_, conv2_w_, conv2_b_;
  // The bf16 variant's weights, [dim, dim / 16, 1, 31] channels-last (empty when off);
  // with it conv1_b_ and conv2_b_ are bfloat16 too, converted once.
  at::Tensor conv1_bf16_, conv2_bf16_;

  [[nodiscard]] at::Tensor position_bf16(const at::Tensor& h) const;
};

}  // namespace drs
