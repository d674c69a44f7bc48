#include "vae/oobleck_encoder.h"

#include "vae/time_major.h"

namespace drs {
namespace {

std::string layer(const std::string& prefix, std::size_t index) {
  return prefix + "encoder.layers." + std::to_string(index);
}

}  // namespace

OobleckEncoder::OobleckEncoder(WeightMap& w, const std::string& prefix, const OobleckConfig& c,
                               const at::TensorOptions& options)
    : config_(c), time_major_(time_major_network(options)) {
  const auto n = c.blocks();
  conv_in_ = OobleckConv(w, layer(prefix, 0), same_conv(c.audio_channels, c.width(0), 7, 1, c.bias),
                         options);
  for (std::size_t i = 1; i <= n; ++i)
    blocks_.emplace_back(w, layer(prefix, i), c.width(i - 1), c.width(i), c.strides[i - 1], c.bias,
                         options);
  snake_out_ = Snake(w, layer(prefix, n + 1), c.width(n), options);
  conv_out_ = OobleckConv(w, layer(prefix, n + 2),
                          same_conv(c.width(n), c.latent_channels, 3, 1, c.final_bias), options);
}

at::Tensor OobleckEncoder::forward(const at::Tensor& audio) const {
  auto h = conv_in_.forward(time_major_ ? to_time_major(audio) : audio);
  for (const auto& block : blocks_) h = block.forward(h);
  auto out = conv_out_.forward(snake_out_.forward(h));
  return time_major_ ? from_time_major(out) : out;
}

}  // namespace drs
