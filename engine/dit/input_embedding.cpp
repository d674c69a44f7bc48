#include "dit/input_embedding.h"

#include "core/torch_compat.h"

namespace drs {

InputEmbedding::InputEmbedding(const DitConfig& c, WeightMap& w, const at::TensorOptions& o)
    : mel_(c.mel_dim) {
  const int64_t in = 2 * c.mel_dim + 3 * 512;
  const auto proj = w.take("transformer.input_embed.proj.weight", {c.dim, in}, o);
  // Column blocks of the projection, in the official concatenation order.
  w_x_ = proj.slice(1, 0, c.mel_dim).contiguous();
  w_cond_ = proj.slice(1, c.mel_dim, 2 * c.mel_dim).contiguous();
  w_text_ = proj.slice(1, 2 * c.mel_dim, 2 * c.mel_dim + 512).contiguous();
  w_style_ = proj.slice(1, 2 * c.mel_dim + 512, 2 * c.mel_dim + 1024).contiguous();
  w_c_ = proj.slice(1, 2 * c.mel_dim + 1024, in).contiguous();
  bias_ = w.take("transformer.input_embed.proj.bias", {c.dim}, o);
  const auto p = std::string("transformer.input_embed.conv_pos_embed.conv1d.");
  conv1_w_ = w.take(p + "0.weight", {c.dim, c.dim / 16, 31}, o);
  conv1_b_ = w.take(p + "0.bias", {c.dim}, o);
  conv2_w_ = w.take(p + "2.weight", {c.dim, c.dim / 16, 31}, o);
  conv2_b_ = w.take(p + "2.bias", {c.dim}, o);
}

at::Tensor InputEmbedding::static_part(const at::Tensor& cond, const at::Tensor& text,
                                       const at::Tensor& style) const {
  return at::linear(cond, w_cond_, bias_) + at::linear(text, w_text_) +
         at::linear(style, w_style_).unsqueeze(1);
}

namespace {

// LibTorch 1.13 has no reduced-precision Mish on the CPU: compute it in float32 there
// (an element-wise op on [B, dim, N]; the convolutions stay in the compute dtype).
at::Tensor mish_any_dtype(const at::Tensor& x) {
  if (x.is_cpu() && x.scalar_type() != at::kFloat && !compat::kCpuReducedPrecision)
    return at::mish(x.to(at::kFloat)).to(x.scalar_type());
  return at::mish(x);
}

}  // namespace

at::Tensor InputEmbedding::forward(const at::Tensor& static_part, const at::Tensor& x,
                                   const at::Tensor& c) const {
  const auto h = static_part + at::linear(x, w_x_) + at::linear(c, w_c_).unsqueeze(1);
  auto y = mish_any_dtype(at::conv1d(h.transpose(1, 2), conv1_w_, conv1_b_, 1, 15, 1, 16));
  y = mish_any_dtype(at::conv1d(y, conv2_w_, conv2_b_, 1, 15, 1, 16));
  return h + y.transpose(1, 2);
}

}  // namespace drs
