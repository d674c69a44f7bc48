#include "dit/text_embedding.h"

namespace drs {
namespace {

constexpr int64_t kWidth = 512, kInner = 1024;

// Row p = [cos(p g_0..g_255), sin(p g_0..g_255)], g_j = 10000^(-2j/512), float32.
at::Tensor position_table(int64_t rows) {
  const auto j = at::arange(0, kWidth, 2, at::kFloat).slice(0, 0, kWidth / 2);
  const auto g = 1.0 / at::pow(10000.0, j / static_cast<double>(kWidth));
  const auto angles = at::outer(at::arange(rows, at::kFloat), g);
  return at::cat({at::cos(angles), at::sin(angles)}, 1);
}

}  // namespace

TextEmbedding::TextEmbedding(const DitConfig& c, WeightMap& w, const at::TensorOptions& o) {
  table_ = w.take("transformer.text_embed.text_embed.weight", {c.text_num_embeds + 1, kWidth}, o);
  positions_ = position_table(c.max_frames).to(o);
  for (int64_t k = 0; k < c.conv_layers; ++k) {
    const auto p = "transformer.text_embed.text_blocks." + std::to_string(k) + ".";
    blocks_.push_back(
        {w.take(p + "dwconv.weight", {kWidth, 1, 7}, o), w.take(p + "dwconv.bias", {kWidth}, o),
         w.take(p + "norm.weight", {kWidth}, o), w.take(p + "norm.bias", {kWidth}, o),
         w.take(p + "pwconv1.weight", {kInner, kWidth}, o), w.take(p + "pwconv1.bias", {kInner}, o),
         w.take(p + "grn.gamma", {1, 1, kInner}, o), w.take(p + "grn.beta", {1, 1, kInner}, o),
         w.take(p + "pwconv2.weight", {kWidth, kInner}, o),
         w.take(p + "pwconv2.bias", {kWidth}, o)});
  }
}

at::Tensor TextEmbedding::forward(const at::Tensor& tokens) const {
  const int64_t n = tokens.size(1);
  const auto rows = at::arange(n, tokens.options()).clamp_max(positions_.size(0) - 1);
  auto x = at::embedding(table_, tokens) + positions_.index_select(0, rows).unsqueeze(0);
  for (const auto& b : blocks_) {
    auto y = at::conv1d(x.transpose(1, 2), b.dw_w, b.dw_b, 1, 3, 1, kWidth).transpose(1, 2);
    y = at::layer_norm(y, {kWidth}, b.ln_w, b.ln_b, 1e-6);
    y = at::gelu(at::linear(y, b.pw1_w, b.pw1_b));
    // GRN: L2 norm over time per channel, divided by its mean over channels.
    const auto g = y.norm(2, {1}, /*keepdim=*/true);
    const auto nx = g / (g.mean(-1, /*keepdim=*/true) + 1e-6);
    y = b.gamma * (y * nx) + b.beta + y;
    x = x + at::linear(y, b.pw2_w, b.pw2_b);
  }
  return x;
}

}  // namespace drs
