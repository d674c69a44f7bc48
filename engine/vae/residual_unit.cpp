#include "vae/residual_unit.h"

namespace drs {

ResidualUnit::ResidualUnit(WeightMap& w, const std::string& layer, int64_t channels,
                           int64_t dilation, bool bias, const at::TensorOptions& options)
    : snake_in_(w, layer + ".layers.0", channels, options),
      snake_mid_(w, layer + ".layers.2", channels, options),
      dilated_(w, layer + ".layers.1", same_conv(channels, channels, 7, dilation, bias), options),
      pointwise_(w, layer + ".layers.3", same_conv(channels, channels, 1, 1, bias), options) {}

at::Tensor ResidualUnit::forward(const at::Tensor& x) const {
  auto y = pointwise_.forward(snake_mid_.forward(dilated_.forward(snake_in_.forward(x))));
  return y.add_(x);  // y is a fresh convolution output: adding in place saves a copy
}

}  // namespace drs
