#include "dit/llama_block.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "core/torch_compat.h"
#include "dit/bf16_attention.h"
#include "dit/cpu_attention.h"
#include "dit/swiglu_int8.h"

namespace drs {
namespace {

at::Tensor rotate_half(const at::Tensor& x) {
  const auto halves = x.chunk(2, -1);
  return at::cat({-halves[1], halves[0]}, -1);
}

// Sliced only when something polls and on the CPU: a GPU runs a block in milliseconds,
// and slicing would only shrink its kernels.
bool sliced_for(const at::Tensor& x, const std::function<void()>& checkpoint) {
  return checkpoint && x.is_cpu();
}

// Row slices [start, length) of at most kSliceRows rows.
std::vector<std::pair<int64_t, int64_t>> row_slices(int64_t rows) {
  constexpr int64_t step = LlamaBlock::kSliceRows;
  std::vector<std::pair<int64_t, int64_t>> out;
  for (int64_t start = 0; start < rows; start += step)
    out.emplace_back(start, std::min(step, rows - start));
  return out;
}

// x [B,N,in] @ w^T -> [B,N,out], one GEMM per row slice written straight into the result
// (a row slice of a contiguous matrix is contiguous: no copies), checkpoint after each.
at::Tensor sliced_linear(const at::Tensor& x, const StoredWeight::Ready& w, int64_t out_features,
                         const std::function<void()>& checkpoint) {
  if (!sliced_for(x, checkpoint)) return w.apply(x);
  const auto x2 = x.reshape({-1, x.size(-1)});
  auto out = at::empty({x2.size(0), out_features}, x.options());
  for (const auto& [start, length] : row_slices(x2.size(0))) {
    auto target = out.narrow(0, start, length);
    w.apply_out(target, x2.narrow(0, start, length));
    checkpoint();
  }
  std::vector<int64_t> shape(x.sizes().begin(), x.sizes().end());
  shape.back() = out_features;
  return out.view(shape);
}

}  // namespace

Rotary Rotary::make(int64_t frames, int64_t head_dim, const at::TensorOptions& options) {
  const auto inv_freq = 1.0 / at::pow(10000.0, at::arange(0, head_dim, 2, at::kFloat) /
                                                   static_cast<double>(head_dim));
  const auto angles = at::outer(at::arange(frames, at::kFloat), inv_freq);
  const auto both = at::cat({angles, angles}, -1);
  return {at::cos(both).to(options), at::sin(both).to(options)};
}

// x * rsqrt(mean(x^2) + eps) * weight, in three passes over x (one reduction, one
// product, one in place) instead of five: measured 40 -> 13 ms for [2, 2048, 2048].
at::Tensor rms_norm(const at::Tensor& x, const at::Tensor& weight, double eps) {
  const auto x32 = x.to(at::kFloat);
  const double width = static_cast<double>(x.size(-1));
  const auto inverse =
      at::linalg_vector_norm(x32, 2, {-1}, /*keepdim=*/true).pow_(2).div_(width).add_(eps).rsqrt_();
  auto normed = x32 * inverse;
  if (x.scalar_type() != at::kFloat) normed = normed.to(x.scalar_type());
  return normed.mul_(weight);
}

LlamaBlock::LlamaBlock(const DitConfig& c, WeightMap& w, int index, const at::TensorOptions& o,
                       WeightResidency residency, CpuAttention attention)
    : dim_(c.dim), heads_(c.heads), ff_(c.dim * c.ff_mult) {
  bf16_attention_ =
      bf16_attention_chosen(attention, c10::typeMetaToScalarType(o.dtype()), o.device(),
                            residency == WeightResidency::Int8, dim_ / heads_);
  const auto p = "transformer.transformer_blocks." + std::to_string(index) + ".";
  const auto matrix = [&](std::vector<std::string> names, const std::vector<int64_t>& rows,
                          int64_t cols) {
    for (auto& name : names) name.insert(0, p);
    return StoredWeight(w, names, rows, cols, o, residency);
  };
  norm_in_ = w.take(p + "input_layernorm.weight", {dim_}, o);
  norm_post_ = w.take(p + "post_attention_layernorm.weight", {dim_}, o);
  qkv_ = matrix({"self_attn.q_proj.weight", "self_attn.k_proj.weight", "self_attn.v_proj.weight"},
                {dim_, dim_, dim_}, dim_);
  o_ = matrix({"self_attn.o_proj.weight"}, {dim_}, dim_);
  gate_up_ = matrix({"mlp.gate_proj.weight", "mlp.up_proj.weight"}, {ff_, ff_}, dim_);
  down_ = matrix({"mlp.down_proj.weight"}, {dim_}, ff_);
}

int64_t LlamaBlock::matrix_bytes() const {
  return qkv_.resident_bytes() + o_.resident_bytes() + gate_up_.resident_bytes() +
         down_.resident_bytes();
}

at::Tensor LlamaBlock::attention(const at::Tensor& a, const Rotary& rotary,
                                 const std::function<void()>& checkpoint) const {
  const int64_t b = a.size(0), n = a.size(1), hd = dim_ / heads_;
  const auto qkv = sliced_linear(a, qkv_.ready(), 3 * dim_, checkpoint)
                       .view({b, n, 3, heads_, hd})
                       .permute({2, 0, 3, 1, 4});  // [3,B,H,N,hd]
  // The bf16 kernel rotates q and k while packing them; the others take rotated copies.
  if (bf16_attention_ && qkv.is_cpu()) {
    const AttentionRope rope{rotary.cos, rotary.sin};
    const auto out =
        bf16_attention(qkv[0], qkv[1], qkv[2], checkpoint, Bf16AttentionKernel::Auto, &rope);
    return sliced_linear(out.transpose(1, 2).reshape({b, n, dim_}), o_.ready(), dim_, checkpoint);
  }
  const auto rope = [&](const at::Tensor& t) {
    return t * rotary.cos + rotate_half(t) * rotary.sin;
  };
  const auto q = rope(qkv[0]), k = rope(qkv[1]), v = qkv[2];
  // CPU: our float32 per-head kernel (no N x N x heads buffer); elsewhere the library's
  // (flash / memory-efficient kernels on CUDA with LibTorch 2.x).
  const auto out = q.is_cpu() && q.scalar_type() == at::kFloat ? cpu_attention(q, k, v, checkpoint)
                                                               : compat::attention(q, k, v);
  return sliced_linear(out.transpose(1, 2).reshape({b, n, dim_}), o_.ready(), dim_, checkpoint);
}

// out [rows, dim] = down(silu(gate(x)) * up(x)) for x [rows, dim]. Int8 layers (where the
// build can split their products) go through the fused SwiGLU of dit/swiglu_int8.h: the
// gate/up product's row scales, the activation and the down layer's quantisation in one
// pass.
void LlamaBlock::mlp_rows(at::Tensor& out, const at::Tensor& x,
                          const StoredWeight::Ready& gate_up_w,
                          const StoredWeight::Ready& down_w) const {
  const auto* gate_up_int8 = gate_up_w.int8();
  const auto* down_int8 = down_w.int8();
  if (gate_up_int8 && down_int8 && gate_up_int8->splits() && down_int8->splits()) {
    at::Tensor row_scales;
    const auto gate_up = gate_up_int8->apply_unscaled(x, row_scales);
    down_int8->apply_quantized_into(out, swiglu_quantized(gate_up, row_scales));
    return;
  }
  const auto gate_up = gate_up_w.apply(x);
  const auto hidden = at::silu(gate_up.narrow(1, 0, ff_)).mul_(gate_up.narrow(1, ff_, ff_));
  down_w.apply_out(out, hidden);
}

// SwiGLU MLP. Sliced by rows on the CPU when polled: gate/up, activation and down for
// one slice at a time, so the [rows, 2 ff] intermediate is a slice's, not the batch's.
at::Tensor LlamaBlock::mlp(const at::Tensor& x, const std::function<void()>& checkpoint) const {
  const auto gate_up_w = gate_up_.ready(), down_w = down_.ready();
  const auto x2 = x.reshape({-1, dim_});
  auto out = at::empty({x2.size(0), dim_}, x.options());
  if (!sliced_for(x, checkpoint)) {
    mlp_rows(out, x2.contiguous(), gate_up_w, down_w);
    return out.view(x.sizes());
  }
  for (const auto& [start, length] : row_slices(x2.size(0))) {
    auto target = out.narrow(0, start, length);
    mlp_rows(target, x2.narrow(0, start, length), gate_up_w, down_w);
    checkpoint();
  }
  return out.view(x.sizes());
}

at::Tensor LlamaBlock::forward(const at::Tensor& h, const Rotary& rotary,
                               const std::function<void()>& checkpoint) const {
  auto x = h + attention(rms_norm(h, norm_in_), rotary, checkpoint);
  return x + mlp(rms_norm(x, norm_post_), checkpoint);
}

}  // namespace drs
