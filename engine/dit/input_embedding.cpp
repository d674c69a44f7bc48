#include "dit/input_embedding.h"

#include <array>
#include <utility>

#include "core/torch_compat.h"
#include "drs/error.h"

namespace drs {

namespace {

// LibTorch 1.13 has no reduced-precision Mish on the CPU: compute it in float32 there
// (an element-wise op on [B, dim, N]; the convolutions stay in the compute dtype).
at::Tensor mish_any_dtype(const at::Tensor& x) {
  if (x.is_cpu() && x.scalar_type() != at::kFloat && !compat::kCpuReducedPrecision)
    return at::mish(x.to(at::kFloat)).to(x.scalar_type());
  return at::mish(x);
}

// [rows, cols, k] -> [rows, cols, 1, k] bfloat16, channels-last: the layout oneDNN's
// blocked kernels read when the activations are channels-last too.
at::Tensor conv2d_weight_bf16(const at::Tensor& w) {
  return w.to(at::kBFloat16).unsqueeze(2).contiguous(at::MemoryFormat::ChannelsLast);
}

}  // namespace

InputEmbedding::InputEmbedding(const DitConfig& c, WeightMap& w, const at::TensorOptions& o,
                               bool bf16_position_conv) {
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
  if (bf16_position_conv &&
      (!o.device().is_cpu() || c10::typeMetaToScalarType(o.dtype()) != at::kFloat))
    throw Error(ErrorKind::Internal,
                "InputEmbedding: bfloat16 position convolutions are for float32 on the CPU");
  if (bf16_position_conv) {  // then the only copies kept: the float32 ones are not used
    conv1_bf16_ = conv2d_weight_bf16(std::exchange(conv1_w_, {}));
    conv2_bf16_ = conv2d_weight_bf16(std::exchange(conv2_w_, {}));
    conv1_b_ = conv1_b_.to(at::kBFloat16);
    conv2_b_ = conv2_b_.to(at::kBFloat16);
  }
}

at::Tensor InputEmbedding::static_part(const at::Tensor& cond, const at::Tensor& text,
                                       const at::Tensor& style) const {
  return at::linear(cond, w_cond_, bias_) + at::linear(text, w_text_) +
         at::linear(style, w_style_).unsqueeze(1);
}

// h [B, N, dim] is already the channels-last storage of the [B, dim, 1, N] image the
// convolutions see: no transposed copies, and oneDNN's bfloat16 kernels on the native
// layout (several times the float32 convolution's speed where the CPU multiplies bfloat16
// natively). Mish in float32 (none in bfloat16 on LibTorch 1.13's CPU).
at::Tensor InputEmbedding::position_bf16(const at::Tensor& h) const {
  const std::array<int64_t, 2> one{1, 1}, padding{0, 15};  // kernel 31 along time, "same"
  const auto conv = [&](const at::Tensor& x, const at::Tensor& w, const at::Tensor& b) {
    return at::conv2d(x.to(at::kBFloat16), w, b, one, padding, one, 16).to(at::kFloat);
  };
  const auto image = h.transpose(1, 2).unsqueeze(2);
  const auto y =
      at::mish(conv(at::mish(conv(image, conv1_bf16_, conv1_b_)), conv2_bf16_, conv2_b_));
  return y.squeeze(2).transpose(1, 2);
}

at::Tensor InputEmbedding::forward(const at::Tensor& static_part, const at::Tensor& x,
                                   const at::Tensor& c) const {
  const auto h = static_part + at::linear(x, w_x_) + at::linear(c, w_c_).unsqueeze(1);
  if (conv1_bf16_.defined()) return h + position_bf16(h);
  auto y = mish_any_dtype(at::conv1d(h.transpose(1, 2), conv1_w_, conv1_b_, 1, 15, 1, 16));
  y = mish_any_dtype(at::conv1d(y, conv2_w_, conv2_b_, 1, 15, 1, 16));
  return h + y.transpose(1, 2);
}

}  // namespace drs
