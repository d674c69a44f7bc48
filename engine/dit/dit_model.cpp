#include "dit/dit_model.h"

#include <vector>

#include "core/kernel_choice.h"
#include "dit/input_embedding.h"
#include "dit/llama_block.h"
#include "dit/text_embedding.h"
#include "dit/timestep_embedding.h"
#include "drs/cpu_features.h"

namespace drs {
namespace {

// The int8 path's position convolutions run in bfloat16 where the CPU multiplies bfloat16
// natively, under the same choice that lets its attention use reduced precision
// (CpuAttention::Float32 keeps both exact for comparisons).
bool bf16_position_conv(const at::TensorOptions& o, WeightResidency residency,
                        CpuAttention attention) {
  const auto cpu = detect_cpu_features();
  return attention == CpuAttention::Fastest && residency == WeightResidency::Int8 &&
         o.device().is_cpu() && c10::typeMetaToScalarType(o.dtype()) == at::kFloat &&
         has_avx512_core(cpu) && cpu.avx512_bf16;
}

}  // namespace

struct DiT::Impl {
  DitConfig config;
  at::TensorOptions options;
  TimestepEmbedding time, start_time, duration;
  TextEmbedding text;
  InputEmbedding input;
  std::vector<LlamaBlock> blocks;
  std::vector<std::pair<at::Tensor, at::Tensor>> fusion;  // weight, bias
  at::Tensor norm_out_w, norm_out_b, proj_out_w, proj_out_b;

  // Text fusion after the first depth / 2 layers (8 of 16 in the released models).
  [[nodiscard]] int64_t fusion_layers() const { return config.depth / 2; }
};

DiT::DiT(const DitConfig& c, WeightMap& w, const at::TensorOptions& o, WeightResidency residency,
         CpuAttention attention)
    : impl_(std::make_unique<Impl>()) {
  auto& m = *impl_;
  m.config = c;
  m.options = o;
  m.time = TimestepEmbedding(w, "transformer.time_embed.", o);
  m.start_time = TimestepEmbedding(w, "transformer.start_time_embed.", o);
  if (c.has_duration_embed())
    m.duration = TimestepEmbedding(w, "transformer.duration_time_embed.", o);
  m.text = TextEmbedding(c, w, o);
  m.input = InputEmbedding(c, w, o, bf16_position_conv(o, residency, attention));
  for (int64_t i = 0; i < c.depth; ++i)
    m.blocks.emplace_back(c, w, static_cast<int>(i), o, residency, attention);
  for (int64_t j = 0; j < m.fusion_layers(); ++j) {
    const auto p = "transformer.text_fusion_linears." + std::to_string(j) + ".0.";
    m.fusion.emplace_back(w.take(p + "weight", {c.dim, 512}, o), w.take(p + "bias", {c.dim}, o));
  }
  m.norm_out_w = w.take("transformer.norm_out.linear.weight", {2 * c.dim, 512}, o);
  m.norm_out_b = w.take("transformer.norm_out.linear.bias", {2 * c.dim}, o);
  m.proj_out_w = w.take("transformer.proj_out.weight", {c.mel_dim, c.dim}, o);
  m.proj_out_b = w.take("transformer.proj_out.bias", {c.mel_dim}, o);
}

DiT::~DiT() = default;
DiT::DiT(DiT&&) noexcept = default;
DiT& DiT::operator=(DiT&&) noexcept = default;

const DitConfig& DiT::config() const {
  return impl_->config;
}
at::TensorOptions DiT::options() const {
  return impl_->options;
}
int64_t DiT::block_matrix_bytes() const {
  int64_t bytes = 0;
  for (const auto& block : impl_->blocks) bytes += block.matrix_bytes();
  return bytes;
}

DitConditioning DiT::precompute(const DitInputs& in) const {
  const auto& m = *impl_;
  const auto o = m.options;
  DitConditioning c;
  const auto tokens = in.drop_text ? at::zeros_like(in.text) : in.text;
  c.text_embed = m.text.forward(tokens.to(o.device(), at::kLong));
  const auto cond = in.drop_audio_cond ? at::zeros_like(in.cond) : in.cond;
  c.static_input = m.input.static_part(cond.to(o), c.text_embed, in.style.to(o));
  std::vector<at::Tensor> fusion;
  for (const auto& [w, b] : m.fusion) fusion.push_back(at::silu(at::linear(c.text_embed, w, b)));
  if (!fusion.empty()) c.fusion = at::stack(fusion);
  c.static_time = m.start_time.forward(in.start_time.to(o));
  if (m.duration.defined()) c.static_time = c.static_time + m.duration.forward(in.duration.to(o));
  return c;
}

namespace {

at::Tensor as_batch(const at::Tensor& time, int64_t batch, const at::TensorOptions& o) {
  const auto t = time.to(o);
  return t.dim() == 0 ? t.expand({batch}) : t;
}

}  // namespace

at::Tensor DiT::velocity(const at::Tensor& x, const at::Tensor& time, const DitConditioning& cond,
                         const BlockCallback& on_block, const Checkpoint& checkpoint) const {
  const auto& m = *impl_;
  const auto xo = x.to(m.options);
  const auto c = m.time.forward(as_batch(time, x.size(0), m.options)) + cond.static_time;
  auto h = m.input.forward(cond.static_input, xo, c);
  const auto rotary = Rotary::make(x.size(1), m.config.head_dim(), m.options);
  const auto blocks = static_cast<int>(m.blocks.size());
  for (int i = 0; i < blocks; ++i) {
    h = m.blocks[static_cast<std::size_t>(i)].forward(h, rotary, checkpoint);
    if (i < m.fusion_layers()) h = h + cond.fusion[i];
    if (on_block) on_block(i + 1, blocks);
  }
  const auto g = at::linear(at::silu(c), m.norm_out_w, m.norm_out_b).chunk(2, 1);  // scale, shift
  h = at::layer_norm(h, {m.config.dim}, {}, {}, 1e-6) * (1 + g[0].unsqueeze(1)) + g[1].unsqueeze(1);
  return at::linear(h, m.proj_out_w, m.proj_out_b);
}

at::Tensor DiT::forward(const at::Tensor& x, const at::Tensor& time,
                        const DitInputs& inputs) const {
  return velocity(x, time, precompute(inputs));
}

at::Tensor DiT::forward_traced(const at::Tensor& x, const at::Tensor& time, const DitInputs& inputs,
                               Trace& trace) const {
  const auto& m = *impl_;
  const auto cond = precompute(inputs);
  trace.text_embed = cond.text_embed;
  const auto c = m.time.forward(as_batch(time, x.size(0), m.options)) + cond.static_time;
  trace.input_embed = m.input.forward(cond.static_input, x.to(m.options), c);
  const auto rotary = Rotary::make(x.size(1), m.config.head_dim(), m.options);
  trace.block0 = m.blocks.front().forward(trace.input_embed, rotary);
  return velocity(x, time, cond);
}

}  // namespace drs
