#include "mulan/xlmr_encoder.h"

#include <cmath>

namespace drs {

XlmrEncoder::XlmrEncoder(const XlmrConfig& config, WeightMap& w, const std::string& prefix)
    : config_(config) {
  const auto f32 = at::TensorOptions().dtype(at::kFloat);
  const int64_t h = config.hidden_size, inter = config.intermediate_size;
  const auto emb = prefix + "embeddings.";
  word_ = w.take(emb + "word_embeddings.weight", {config.vocab_size, h}, f32);
  position_ = w.take(emb + "position_embeddings.weight", {config.max_position_embeddings, h}, f32);
  token_type_ = w.take(emb + "token_type_embeddings.weight", {config.type_vocab_size, h}, f32);
  ln_w_ = w.take(emb + "LayerNorm.weight", {h}, f32);
  ln_b_ = w.take(emb + "LayerNorm.bias", {h}, f32);
  for (int64_t i = 0; i < config.num_hidden_layers; ++i) {
    const auto p = prefix + "encoder.layer." + std::to_string(i) + ".";
    Layer l;
    l.q_w = w.take(p + "attention.self.query.weight", {h, h}, f32);
    l.q_b = w.take(p + "attention.self.query.bias", {h}, f32);
    l.k_w = w.take(p + "attention.self.key.weight", {h, h}, f32);
    l.k_b = w.take(p + "attention.self.key.bias", {h}, f32);
    l.v_w = w.take(p + "attention.self.value.weight", {h, h}, f32);
    l.v_b = w.take(p + "attention.self.value.bias", {h}, f32);
    l.o_w = w.take(p + "attention.output.dense.weight", {h, h}, f32);
    l.o_b = w.take(p + "attention.output.dense.bias", {h}, f32);
    l.ln1_w = w.take(p + "attention.output.LayerNorm.weight", {h}, f32);
    l.ln1_b = w.take(p + "attention.output.LayerNorm.bias", {h}, f32);
    l.up_w = w.take(p + "intermediate.dense.weight", {inter, h}, f32);
    l.up_b = w.take(p + "intermediate.dense.bias", {inter}, f32);
    l.down_w = w.take(p + "output.dense.weight", {h, inter}, f32);
    l.down_b = w.take(p + "output.dense.bias", {h}, f32);
    l.ln2_w = w.take(p + "output.LayerNorm.weight", {h}, f32);
    l.ln2_b = w.take(p + "output.LayerNorm.bias", {h}, f32);
    layers_.push_back(std::move(l));
  }
}

at::Tensor XlmrEncoder::forward(const at::Tensor& ids) const {
  const int64_t t = ids.size(1), h = config_.hidden_size, heads = config_.num_attention_heads;
  const double eps = config_.layer_norm_eps;
  // Batch of one, no padding: positions are padding_idx + 1 ... padding_idx + T.
  const auto positions =
      at::arange(config_.pad_token_id + 1, config_.pad_token_id + 1 + t, at::kLong);
  auto x = word_.index_select(0, ids.reshape({-1})) + position_.index_select(0, positions) +
           token_type_[0];
  x = at::layer_norm(x, {h}, ln_w_, ln_b_, eps);
  const auto split_heads = [&](const at::Tensor& y) {
    return y.reshape({t, heads, h / heads}).transpose(0, 1);
  };
  const double scale = 1.0 / std::sqrt(static_cast<double>(h / heads));
  for (const auto& l : layers_) {
    const auto q = split_heads(at::linear(x, l.q_w, l.q_b));
    const auto k = split_heads(at::linear(x, l.k_w, l.k_b));
    const auto v = split_heads(at::linear(x, l.v_w, l.v_b));
    const auto attention = at::softmax(at::matmul(q, k.transpose(1, 2)) * scale, -1);
    const auto context = at::matmul(attention, v).transpose(0, 1).reshape({t, h});
    x = at::layer_norm(x + at::linear(context, l.o_w, l.o_b), {h}, l.ln1_w, l.ln1_b, eps);
    const auto ff = at::linear(at::gelu(at::linear(x, l.up_w, l.up_b)), l.down_w, l.down_b);
    x = at::layer_norm(x + ff, {h}, l.ln2_w, l.ln2_b, eps);
  }
  return x.unsqueeze(0);
}

}  // namespace drs
