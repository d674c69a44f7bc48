#include "vae/oobleck_decoder.h"

#include "vae/time_major.h"

namespace drs {
namespace {

std::string layer(const std::string& prefix, std::size_t index) {
  return prefix + "decoder.layers." + std::to_string(index);
}

}  // namespace

OobleckDecoder::OobleckDecoder(WeightMap& w, const std::string& prefix, const OobleckConfig& c,
                               const at::TensorOptions& options)
    : config_(c), time_major_(time_major_network(options)) {
  const auto n = c.blocks();
  conv_in_ = OobleckConv(w, layer(prefix, 0),
                         same_conv(c.latent_channels, c.width(n), 7, 1, c.bias), options);
  // Decoder block i undoes encoder level n - i: widest first.
  for (std::size_t i = 1; i <= n; ++i) {
    const auto level = n - i;
    blocks_.emplace_back(w, layer(prefix, i), c.width(level + 1), c.width(level), c.strides[level],
                         c.bias, options);
  }
  snake_out_ = Snake(w, layer(prefix, n + 1), c.width(0), options);
  conv_out_ = OobleckConv(w, layer(prefix, n + 2),
                          same_conv(c.width(0), c.audio_channels, 7, 1, c.final_bias), options);
}

at::Tensor OobleckDecoder::forward(const at::Tensor& latents) const {
  auto h = conv_in_.forward(time_major_ ? to_time_major(latents) : latents);
  for (const auto& block : blocks_) h = block.forward(h);
  auto out = conv_out_.forward(snake_out_.forward(h));
  return time_major_ ? from_time_major(out) : out;
}

}  // namespace drs
