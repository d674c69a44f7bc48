#include "mulan/mel_stem.h"

namespace drs {
namespace {
constexpr double kBatchNormEps = 1e-5;
}

MelStem::ConvBn MelStem::bind(WeightMap& w, const std::string& p, const std::string& index,
                              int64_t in, int64_t out, int64_t stride) {
  const auto f32 = at::TensorOptions().dtype(at::kFloat);
  const auto bn = p + "bn" + index + ".";
  ConvBn c;
  c.weight = w.take(p + "conv" + index + ".weight", {out, in, 3, 3}, f32);
  c.bias = w.take(p + "conv" + index + ".bias", {out}, f32);
  c.bn_weight = w.take(bn + "weight", {out}, f32);
  c.bn_bias = w.take(bn + "bias", {out}, f32);
  c.mean = w.take(bn + "running_mean", {out}, f32);
  c.var = w.take(bn + "running_var", {out}, f32);
  c.stride = stride;
  return c;
}

MelStem::MelStem(const AudioTowerConfig& config, WeightMap& w, const std::string& prefix) {
  const int64_t channels = config.stem_channels;
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    const auto p = prefix + "conv." + std::to_string(i) + ".";
    const int64_t in = i == 0 ? 1 : channels;
    blocks_[i] = {bind(w, p, "1", in, channels, 2), bind(w, p, "2", channels, channels, 1),
                  bind(w, p, "3", in, channels, 2)};
  }
  const auto f32 = at::TensorOptions().dtype(at::kFloat);
  const int64_t features = channels * (config.mel.n_mels / 4);
  linear_w_ = w.take(prefix + "linear.weight", {config.conformer.dim, features}, f32);
  linear_b_ = w.take(prefix + "linear.bias", {config.conformer.dim}, f32);
}

at::Tensor MelStem::ConvBn::forward(const at::Tensor& x) const {
  const auto y = at::conv2d(x, weight, bias, {stride, stride}, {1, 1});
  return at::batch_norm(y, bn_weight, bn_bias, mean, var, /*training=*/false, 0.1, kBatchNormEps,
                        /*cudnn_enabled=*/false);
}

at::Tensor MelStem::forward(const at::Tensor& mel) const {
  auto x = mel.unsqueeze(0).unsqueeze(0);  // [1, 1, n_mels (height), T (width)]
  for (const auto& b : blocks_) {
    const auto main = b.conv2.forward(at::relu(b.conv1.forward(x)));
    x = at::relu(b.conv3.forward(x) + main);
  }
  // [1, C, F, T'] -> [T', C * F]: the feature index is channel * F + frequency.
  const auto frames = x.squeeze(0).permute({2, 0, 1}).reshape({x.size(3), -1});
  return at::linear(frames, linear_w_, linear_b_);
}

}  // namespace drs
