#include "vae/encoder_block.h"

namespace drs {

EncoderBlock::EncoderBlock(WeightMap& w, const std::string& layer, int64_t in, int64_t out,
                           int64_t stride, bool bias, const at::TensorOptions& options)
    : snake_(w, layer + ".layers.3", in, options),
      downsample_(w, layer + ".layers.4", strided_conv(in, out, stride, bias), options) {
  int index = 0;
  for (const int64_t dilation : {1, 3, 9})
    units_.emplace_back(w, layer + ".layers." + std::to_string(index++), in, dilation, bias,
                        options);
}

at::Tensor EncoderBlock::forward(const at::Tensor& x) const {
  auto h = x;
  for (const auto& unit : units_) h = unit.forward(h);
  return downsample_.forward(snake_.forward(h));
}

}  // namespace drs
