#include "vae/decoder_block.h"

namespace drs {

DecoderBlock::DecoderBlock(WeightMap& w, const std::string& layer, int64_t in, int64_t out,
                           int64_t stride, bool bias, const at::TensorOptions& options)
    : snake_(w, layer + ".layers.0", in, options),
      upsample_(w, layer + ".layers.1", transposed_conv(in, out, stride, bias), options) {
  int index = 2;
  for (const int64_t dilation : {1, 3, 9})
    units_.emplace_back(w, layer + ".layers." + std::to_string(index++), out, dilation, bias,
                        options);
}

at::Tensor DecoderBlock::forward(const at::Tensor& x) const {
  auto h = upsample_.forward(snake_.forward(x));
  for (const auto& unit : units_) h = unit.forward(h);
  return h;
}

}  // namespace drs
