#include "dit/llama_block.h"

#include <cmath>
#include <string>

#include "core/torch_compat.h"
#include "dit/cpu_attention.h"

namespace drs {
namespace {

at::Tensor rotate_half(const at::Tensor& x) {
  const auto halves = x.chunk(2, -1);
  return at::cat({-halves[1], halves[0]}, -1);
}

}  // namespace

Rotary Rotary::make(int64_t frames, int64_t head_dim, const at::TensorOptions& options) {
  const auto inv_freq = 1.0 / at::pow(10000.0, at::arange(0, head_dim, 2, at::kFloat) /
                                                   static_cast<double>(head_dim));
  const auto angles = at::outer(at::arange(frames, at::kFloat), inv_freq);
  const auto both = at::cat({angles, angles}, -1);
  return {at::cos(both).to(options), at::sin(both).to(options)};
}

at::Tensor rms_norm(const at::Tensor& x, const at::Tensor& weight, double eps) {
  const auto x32 = x.to(at::kFloat);
  const auto normed = x32 * at::rsqrt(x32.pow(2).mean(-1, /*keepdim=*/true) + eps);
  return normed.to(x.scalar_type()) * weight;
}

LlamaBlock::LlamaBlock(const DitConfig& c, WeightMap& w, int index, const at::TensorOptions& o)
    : dim_(c.dim), heads_(c.heads), ff_(c.dim * c.ff_mult) {
  const auto p = "transformer.transformer_blocks." + std::to_string(index) + ".";
  norm_in_ = w.take(p + "input_layernorm.weight", {dim_}, o);
  norm_post_ = w.take(p + "post_attention_layernorm.weight", {dim_}, o);
  qkv_ = at::cat({w.take(p + "self_attn.q_proj.weight", {dim_, dim_}, o),
                  w.take(p + "self_attn.k_proj.weight", {dim_, dim_}, o),
                  w.take(p + "self_attn.v_proj.weight", {dim_, dim_}, o)},
                 0);
  o_ = w.take(p + "self_attn.o_proj.weight", {dim_, dim_}, o).contiguous();
  gate_up_ = at::cat({w.take(p + "mlp.gate_proj.weight", {ff_, dim_}, o),
                      w.take(p + "mlp.up_proj.weight", {ff_, dim_}, o)},
                     0);
  down_ = w.take(p + "mlp.down_proj.weight", {dim_, ff_}, o).contiguous();
}

at::Tensor LlamaBlock::attention(const at::Tensor& a, const Rotary& rotary) const {
  const int64_t b = a.size(0), n = a.size(1), hd = dim_ / heads_;
  const auto qkv =
      at::linear(a, qkv_).view({b, n, 3, heads_, hd}).permute({2, 0, 3, 1, 4});  // [3,B,H,N,hd]
  const auto rope = [&](const at::Tensor& t) {
    return t * rotary.cos + rotate_half(t) * rotary.sin;
  };
  const auto q = rope(qkv[0]), k = rope(qkv[1]), v = qkv[2];
  // CPU float32: our per-head kernel (no N x N x heads buffer); elsewhere the library's
  // (flash / memory-efficient kernels on CUDA with LibTorch 2.x).
  const auto out = q.is_cpu() && q.scalar_type() == at::kFloat ? cpu_attention(q, k, v)
                                                               : compat::attention(q, k, v);
  return at::linear(out.transpose(1, 2).reshape({b, n, dim_}), o_);
}

at::Tensor LlamaBlock::forward(const at::Tensor& h, const Rotary& rotary) const {
  auto x = h + attention(rms_norm(h, norm_in_), rotary);
  const auto gate_up = at::linear(rms_norm(x, norm_post_), gate_up_).chunk(2, -1);
  return x + at::linear(at::silu(gate_up[0]) * gate_up[1], down_);
}

}  // namespace drs
