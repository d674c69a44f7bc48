#include "random_oobleck.h"

#include <cmath>
#include <map>
#include <string>

namespace drs::bench {
namespace {

class Builder {
 public:
  explicit Builder(uint64_t seed) : generator_(at::make_generator<at::CPUGeneratorImpl>(seed)) {}

  // Scaled like a trained layer (unit gain), so activations stay finite through the
  // 17 convolutions and the snakes see ordinary values.
  void weight(const std::string& layer, int64_t rows, int64_t cols, int64_t kernel,
              int64_t fan_in) {
    const double scale = 1.0 / std::sqrt(static_cast<double>(fan_in * kernel));
    tensors_[layer + ".weight"] = at::randn({rows, cols, kernel}, generator_) * scale;
  }
  void bias(const std::string& layer, int64_t out) {
    tensors_[layer + ".bias"] = at::randn({out}, generator_) * 0.01;
  }
  void plain(const std::string& layer, int64_t in, int64_t out, int64_t kernel, bool with_bias) {
    weight(layer, out, in, kernel, in);
    if (with_bias) bias(layer, out);
  }
  void transposed(const std::string& layer, int64_t in, int64_t out, int64_t kernel,
                  bool with_bias) {
    weight(layer, in, out, kernel, in);
    if (with_bias) bias(layer, out);
  }
  void snake(const std::string& layer, int64_t channels) {
    tensors_[layer + ".alpha"] = at::randn({channels}, generator_) * 0.1;  // log scale
    tensors_[layer + ".beta"] = at::randn({channels}, generator_) * 0.1;
  }
  WeightMap finish() { return WeightMap(std::move(tensors_), "random Oobleck decoder"); }

 private:
  at::Generator generator_;
  std::map<std::string, at::Tensor> tensors_;
};

void residual_unit(Builder& b, const std::string& layer, int64_t channels, bool bias) {
  b.snake(layer + ".layers.0", channels);
  b.plain(layer + ".layers.1", channels, channels, 7, bias);
  b.snake(layer + ".layers.2", channels);
  b.plain(layer + ".layers.3", channels, channels, 1, bias);
}

}  // namespace

OobleckConfig released_oobleck_config() {
  return {128, {1, 2, 4, 8, 16}, {2, 4, 4, 8, 8}, 64, 2, true, false};
}

OobleckConfig small_oobleck_config() {
  return {4, {1, 2, 4, 8, 16}, {2, 4, 4, 8, 8}, 64, 2, true, false};
}

WeightMap random_oobleck_decoder(const OobleckConfig& c, uint64_t seed) {
  Builder b(seed);
  const auto layer = [](std::size_t i) { return "decoder.layers." + std::to_string(i); };
  const auto n = c.blocks();
  b.plain(layer(0), c.latent_channels, c.width(n), 7, c.bias);
  for (std::size_t i = 1; i <= n; ++i) {
    const auto level = n - i;
    const auto in = c.width(level + 1), out = c.width(level);
    b.snake(layer(i) + ".layers.0", in);
    b.transposed(layer(i) + ".layers.1", in, out, 2 * c.strides[level], c.bias);
    for (int unit = 0; unit < 3; ++unit)
      residual_unit(b, layer(i) + ".layers." + std::to_string(2 + unit), out, c.bias);
  }
  b.snake(layer(n + 1), c.width(0));
  b.plain(layer(n + 2), c.width(0), c.audio_channels, 7, c.final_bias);
  return b.finish();
}

}  // namespace drs::bench
