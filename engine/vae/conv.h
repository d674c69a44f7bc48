// One bound 1-d convolution of the Oobleck VAE, plain or transposed, with the shapes
// MODEL.md 6.4 gives; its weights are checked against them when bound.
#pragma once

#include <ATen/ATen.h>

#include <optional>
#include <string>

#include "vae/polyphase.h"
#include "weights/weight_map.h"

namespace drs {

struct ConvShape {
  int64_t in = 0, out = 0, kernel = 1;
  int64_t stride = 1, dilation = 1, padding = 0;
  bool transposed = false;  // weight [in, out, k] instead of [out, in, k]
  bool bias = true;
};

class OobleckConv {
 public:
  OobleckConv() = default;
  OobleckConv(WeightMap& weights, const std::string& layer, const ConvShape& shape,
              const at::TensorOptions& options);

  // x [B, in, T], or time-major [B, in, 1, T] on a CPU network (vae/time_major.h).
  [[nodiscard]] at::Tensor forward(const at::Tensor& x) const;
  [[nodiscard]] const ConvShape& shape() const { return shape_; }

 private:
  ConvShape shape_;
  bool time_major_ = false;   // weight_ is then [rows, cols, 1, k] channels-last
  at::Tensor weight_, bias_;  // bias_ undefined when the layer has none
  // Transposed with kernel 2s (every Oobleck up-sampling): weight_ is dropped for this.
  std::optional<PolyphaseUpsample> upsample_;
};

// "Same" length for an odd kernel: dilation * (kernel - 1) / 2 on each side.
ConvShape same_conv(int64_t in, int64_t out, int64_t kernel, int64_t dilation, bool bias);
// Encoder down-sampling: kernel 2s, stride s, padding ceil(s / 2).
ConvShape strided_conv(int64_t in, int64_t out, int64_t stride, bool bias);
// Decoder up-sampling: transposed, kernel 2s, stride s, padding ceil(s / 2).
ConvShape transposed_conv(int64_t in, int64_t out, int64_t stride, bool bias);

}  // namespace drs
