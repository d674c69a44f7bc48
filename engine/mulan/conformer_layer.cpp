#include "mulan/conformer_layer.h"

#include <cmath>

namespace drs {
namespace {
// Every LayerNorm inside a layer is built with PyTorch's default eps, whatever the
// config's layer_norm_eps (that one is the encoder's last norm only).
constexpr double kInnerEps = 1e-5;
constexpr double kBatchNormEps = 1e-5;
}  // namespace

ConformerLayer::ConformerLayer(const ConformerConfig& c, WeightMap& w, const std::string& p)
    : config_(c) {
  const auto f32 = at::TensorOptions().dtype(at::kFloat);
  const int64_t d = c.dim;
  const auto norm = [&](const std::string& name) {
    return Norm{w.take(p + name + ".weight", {d}, f32), w.take(p + name + ".bias", {d}, f32)};
  };
  const auto linear = [&](const std::string& name, int64_t out, int64_t in) {
    return Linear{w.take(p + name + ".weight", {out, in}, f32),
                  w.take(p + name + ".bias", {out}, f32)};
  };
  const auto ffn = [&](const std::string& name) {
    return FeedForward{norm(name + "_layer_norm"),
                       linear(name + ".intermediate_dense", c.ffn_dim, d),
                       linear(name + ".output_dense", d, c.ffn_dim)};
  };
  ffn1_ = ffn("ffn1");
  attn_norm_ = norm("self_attn_layer_norm");
  q_ = linear("self_attn.linear_q", d, d);
  k_ = linear("self_attn.linear_k", d, d);
  v_ = linear("self_attn.linear_v", d, d);
  out_ = linear("self_attn.linear_out", d, d);
  conv_norm_ = norm("conv_module.layer_norm");
  pointwise1_ = w.take(p + "conv_module.pointwise_conv1.weight", {2 * d, d, 1}, f32);
  depthwise_ = w.take(p + "conv_module.depthwise_conv.weight", {d, 1, c.depthwise_kernel}, f32);
  const auto bn = p + "conv_module.batch_norm.";
  bn_weight_ = w.take(bn + "weight", {d}, f32);
  bn_bias_ = w.take(bn + "bias", {d}, f32);
  bn_mean_ = w.take(bn + "running_mean", {d}, f32);
  bn_var_ = w.take(bn + "running_var", {d}, f32);
  pointwise2_ = w.take(p + "conv_module.pointwise_conv2.weight", {d, d, 1}, f32);
  ffn2_ = ffn("ffn2");
  final_norm_ = norm("final_layer_norm");
}

at::Tensor ConformerLayer::norm(const at::Tensor& x, const Norm& n) const {
  return at::layer_norm(x, {config_.dim}, n.weight, n.bias, kInnerEps);
}

at::Tensor ConformerLayer::feed_forward(const at::Tensor& x, const FeedForward& f) const {
  return f.out(at::silu(f.in(norm(x, f.norm))));
}

// Rotary positions rotate the normalised input of the query and key projections (not
// their outputs, as most rotary transformers do); values see the unrotated input.
at::Tensor ConformerLayer::attention(const at::Tensor& x, const RotaryTable& rotary) const {
  const int64_t t = x.size(0), heads = config_.heads, hd = config_.head_size();
  const auto h = norm(x, attn_norm_);
  const auto per_head = h.reshape({t, heads, hd});
  const auto halves = per_head.chunk(2, -1);
  const auto rotated =
      (per_head * rotary.cos + at::cat({-halves[1], halves[0]}, -1) * rotary.sin).reshape({t, -1});
  const auto split = [&](const at::Tensor& y) { return y.reshape({t, heads, hd}).transpose(0, 1); };
  const auto q = split(q_(rotated)), k = split(k_(rotated)), v = split(v_(h));
  const auto scores = at::matmul(q, k.transpose(1, 2)) / std::sqrt(static_cast<double>(hd));
  const auto context = at::matmul(at::softmax(scores, -1), v);  // [heads, T, hd]
  return out_(context.transpose(0, 1).reshape({t, heads * hd}));
}

at::Tensor ConformerLayer::convolution(const at::Tensor& x) const {
  const int64_t pad = (config_.depthwise_kernel - 1) / 2;
  auto y = norm(x, conv_norm_).transpose(0, 1).unsqueeze(0);  // [1, dim, T]
  y = at::glu(at::conv1d(y, pointwise1_), 1);
  y = at::conv1d(y, depthwise_, {}, 1, pad, 1, /*groups=*/config_.dim);
  y = at::batch_norm(y, bn_weight_, bn_bias_, bn_mean_, bn_var_, /*training=*/false, 0.1,
                     kBatchNormEps, /*cudnn_enabled=*/false);
  y = at::conv1d(at::silu(y), pointwise2_);
  return y.squeeze(0).transpose(0, 1);
}

at::Tensor ConformerLayer::forward(const at::Tensor& input, const RotaryTable& rotary) const {
  auto x = feed_forward(input, ffn1_) * 0.5 + input;
  x = attention(x, rotary) + x;
  x = x + convolution(x);
  x = feed_forward(x, ffn2_) * 0.5 + x;
  return norm(x, final_norm_);
}

}  // namespace drs
