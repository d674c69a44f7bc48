#include "vae/conv.h"

#include <array>

#include "vae/time_major.h"
#include "vae/weight_norm.h"

namespace drs {

OobleckConv::OobleckConv(WeightMap& weights, const std::string& layer, const ConvShape& shape,
                         const at::TensorOptions& options)
    : shape_(shape), time_major_(time_major_network(options)) {
  const auto rows = shape.transposed ? shape.in : shape.out;
  const auto cols = shape.transposed ? shape.out : shape.in;
  weight_ = take_conv_weight(weights, layer, {rows, cols, shape.kernel}, options);
  if (shape.bias) bias_ = weights.take(layer + ".bias", {shape.out}, options);
  if (shape.transposed && shape.dilation == 1 &&
      PolyphaseUpsample::supported(shape.kernel, shape.stride, shape.padding)) {
    upsample_.emplace(weight_, bias_, shape.stride, shape.padding, time_major_);
    weight_ = bias_ = at::Tensor();  // rearranged copies live in upsample_
  } else if (time_major_ && !shape.transposed) {
    weight_ = to_time_major(weight_);
  }
}

at::Tensor OobleckConv::forward(const at::Tensor& x) const {
  const auto& s = shape_;
  if (upsample_) return upsample_->forward(x);
  if (time_major_ && s.transposed)  // no Oobleck shape: through the [B, C, T] form
    return to_time_major(at::conv_transpose1d(from_time_major(x), weight_, bias_, s.stride,
                                              s.padding, 0, 1, s.dilation));
  if (time_major_) {
    const std::array<int64_t, 2> stride{1, s.stride}, padding{0, s.padding},
        dilation{1, s.dilation};
    return at::conv2d(x, weight_, bias_, stride, padding, dilation);
  }
  if (s.transposed)
    return at::conv_transpose1d(x, weight_, bias_, s.stride, s.padding, /*output_padding=*/0,
                                /*groups=*/1, s.dilation);
  return at::conv1d(x, weight_, bias_, s.stride, s.padding, s.dilation);
}

ConvShape same_conv(int64_t in, int64_t out, int64_t kernel, int64_t dilation, bool bias) {
  return {in, out, kernel, 1, dilation, dilation * (kernel - 1) / 2, false, bias};
}

ConvShape strided_conv(int64_t in, int64_t out, int64_t stride, bool bias) {
  return {in, out, 2 * stride, stride, 1, (stride + 1) / 2, false, bias};
}

ConvShape transposed_conv(int64_t in, int64_t out, int64_t stride, bool bias) {
  return {in, out, 2 * stride, stride, 1, (stride + 1) / 2, true, bias};
}

}  // namespace drs
