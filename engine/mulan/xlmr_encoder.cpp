#include "mulan/xlmr_encoder.h"

#include <cmath>

#include "mulan/text_tower_tensors.h"

namespace drs {

XlmrEncoder::XlmrEncoder(const XlmrConfig& config, WeightMap& w, const std::string& prefix)
    : config_(config) {
  const TensorShapes shapes = xlmr_tensor_shapes(config, prefix);
  const auto take = [&](const std::string& name) {
    return w.take(name, shapes.at(name), at::TensorOptions().dtype(at::kFloat));
  };
  const auto emb = prefix + "embeddings.";
  word_ = take(emb + "word_embeddings.weight");
  position_ = take(emb + "position_embeddings.weight");
  token_type_ = take(emb + "token_type_embeddings.weight");
  ln_w_ = take(emb + "LayerNorm.weight");
  ln_b_ = take(emb + "LayerNorm.bias");
  for (int64_t i = 0; i < config.num_hidden_layers; ++i) {
    const auto p = prefix + "encoder.layer." + std::to_string(i) + ".";
    Layer l;
    l.q_w = take(p + "attention.self.query.weight");
    l.q_b = take(p + "attention.self.query.bias");
    l.k_w = take(p + "attention.self.key.weight");
    l.k_b = take(p + "attention.self.key.bias");
    l.v_w = take(p + "attention.self.value.weight");
    l.v_b = take(p + "attention.self.value.bias");
    l.o_w = take(p + "attention.output.dense.weight");
    l.o_b = take(p + "attention.output.dense.bias");
    l.ln1_w = take(p + "attention.output.LayerNorm.weight");
    l.ln1_b = take(p + "attention.output.LayerNorm.bias");
    l.up_w = take(p + "intermediate.dense.weight");
    l.up_b = take(p + "intermediate.dense.bias");
    l.down_w = take(p + "output.dense.weight");
    l.down_b = take(p + "output.dense.bias");
    l.ln2_w = take(p + "output.LayerNorm.weight");
    l.ln2_b = take(p + "output.LayerNorm.bias");
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
