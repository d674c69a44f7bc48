#include "mulan/mulan_text_head.h"

#include <string>

#include "drs/error.h"

namespace drs {
namespace {

// MuQ's feed-forward width: int(dim * mult * 2 / 3), doubled for the GEGLU gate.
int64_t ff_hidden(const MulanTextConfig& c) {
  return static_cast<int64_t>(static_cast<double>(c.dim * c.ff_mult) * 2.0 / 3.0);
}

// The config rule behind the decision, for the messages below.
std::string projection_rule(const StyleEncoderConfig& c) {
  const auto dim = " text_transformer.dim " + std::to_string(c.text.dim);
  if (c.text.has_projection)
    return "text_model.model_dim " + std::to_string(c.xlmr.hidden_size) + " differs from" + dim;
  return "text_model.model_dim unset or equal to" + dim;
}

// MuQ builds the projection from the config, not from the checkpoint: a file that
// disagrees with its config was made for another model, so it is refused by name rather
// than silently run with (or without) a Linear the config does not describe.
void check_projection_matches(const StyleEncoderConfig& c, const WeightMap& w) {
  const bool in_file = w.has("mulan.text.proj.weight") || w.has("mulan.text.proj.bias");
  if (c.text.has_projection && !in_file)
    throw Error(ErrorKind::ModelCorrupt,
                w.source() +
                    ": missing projection 'mulan.text.proj.weight': the config needs one (" +
                    projection_rule(c) + ")");
  if (!c.text.has_projection && in_file)
    throw Error(ErrorKind::ModelCorrupt,
                w.source() +
                    ": unexpected projection 'mulan.text.proj.weight': the config has none (" +
                    projection_rule(c) + ")");
}

}  // namespace

MulanTextHead::MulanTextHead(const StyleEncoderConfig& config, WeightMap& w)
    : config_(config.text) {
  const auto f32 = at::TensorOptions().dtype(at::kFloat);
  const int64_t dim = config_.dim, inner = config_.heads * config_.dim_head,
                ff = ff_hidden(config_);
  check_projection_matches(config, w);
  if (config_.has_projection) {
    proj_w_ = w.take("mulan.text.proj.weight", {dim, config.xlmr.hidden_size}, f32);
    proj_b_ = w.take("mulan.text.proj.bias", {dim}, f32);
  }
  for (int64_t i = 0; i < config_.tf_depth; ++i) {
    const auto p = "mulan.text.transformer.layers." + std::to_string(i) + ".";
    Layer l;
    l.attn_gamma = w.take(p + "0.norm.learned_gamma", {dim}, f32);
    l.to_q = w.take(p + "0.to_q.weight", {inner, dim}, f32);
    l.to_kv = w.take(p + "0.to_kv.weight", {2 * inner, dim}, f32);
    l.q_scale = w.take(p + "0.q_scale", {config_.dim_head}, f32);
    l.k_scale = w.take(p + "0.k_scale", {config_.dim_head}, f32);
    l.to_out = w.take(p + "0.to_out.0.weight", {dim, inner}, f32);
    l.ff_gamma = w.take(p + "1.0.learned_gamma", {dim}, f32);
    l.ff_in = w.take(p + "1.1.weight", {2 * ff, dim}, f32);
    l.ff_out = w.take(p + "1.4.weight", {dim, ff}, f32);
    layers_.push_back(std::move(l));
  }
  latent_w_ = w.take("mulan.text_to_latents.weight", {config_.dim_latent, dim}, f32);
  latent_b_ = w.take("mulan.text_to_latents.bias", {config_.dim_latent}, f32);
}

at::Tensor MulanTextHead::forward(const at::Tensor& hidden) const {
  auto x = hidden.squeeze(0);  // [T, width]
  if (proj_w_.defined()) x = at::linear(x, proj_w_, proj_b_);
  const int64_t t = x.size(0), dim = config_.dim, heads = config_.heads, d = config_.dim_head;
  const auto norm = [&](const at::Tensor& y, const at::Tensor& gamma) {
    return at::layer_norm(y, {dim}, gamma, at::Tensor(), 1e-5);  // beta is a fixed 0
  };
  const auto split = [&](const at::Tensor& y) { return y.reshape({t, heads, d}).transpose(0, 1); };
  const auto l2 = [](const at::Tensor& y) { return y / y.norm(2, -1, true).clamp_min(1e-12); };
  for (const auto& l : layers_) {
    const auto a = norm(x, l.attn_gamma);
    const auto kv = at::linear(a, l.to_kv).chunk(2, -1);
    const auto q = l2(split(at::linear(a, l.to_q))) * l.q_scale;
    const auto k = l2(split(kv[0])) * l.k_scale;
    const auto attention = at::softmax(at::matmul(q, k.transpose(1, 2)) * 8.0, -1);
    x = x + at::linear(at::matmul(attention, split(kv[1])).transpose(0, 1).reshape({t, heads * d}),
                       l.to_out);
    const auto parts = at::linear(norm(x, l.ff_gamma), l.ff_in).chunk(2, -1);
    x = x + at::linear(at::gelu(parts[1]) * parts[0], l.ff_out);
  }
  const auto pooled = x.mean(0, /*keepdim=*/true);  // every token, <s> and </s> included
  const auto latent = at::linear(pooled, latent_w_, latent_b_);
  return l2(latent);
}

}  // namespace drs
