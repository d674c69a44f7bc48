#include "mulan/text_tower_tensors.h"

namespace drs {

int64_t MulanTransformerShape::ff_hidden() const {
  return static_cast<int64_t>(static_cast<double>(dim * ff_mult) * 2.0 / 3.0);
}

TensorShapes xlmr_tensor_shapes(const XlmrConfig& c, const std::string& prefix) {
  const int64_t h = c.hidden_size, inter = c.intermediate_size;
  const std::string emb = prefix + "embeddings.";
  TensorShapes t{{emb + "word_embeddings.weight", {c.vocab_size, h}},
                 {emb + "position_embeddings.weight", {c.max_position_embeddings, h}},
                 {emb + "token_type_embeddings.weight", {c.type_vocab_size, h}},
                 {emb + "LayerNorm.weight", {h}},
                 {emb + "LayerNorm.bias", {h}}};
  for (int64_t i = 0; i < c.num_hidden_layers; ++i) {
    const std::string p = prefix + "encoder.layer." + std::to_string(i) + ".";
    for (const char* proj : {"attention.self.query", "attention.self.key", "attention.self.value",
                             "attention.output.dense"}) {
      t[p + proj + ".weight"] = {h, h};
      t[p + proj + ".bias"] = {h};
    }
    for (const char* norm : {"attention.output.LayerNorm", "output.LayerNorm"}) {
      t[p + norm + ".weight"] = {h};
      t[p + norm + ".bias"] = {h};
    }
    t[p + "intermediate.dense.weight"] = {inter, h};
    t[p + "intermediate.dense.bias"] = {inter};
    t[p + "output.dense.weight"] = {h, inter};
    t[p + "output.dense.bias"] = {h};
  }
  return t;
}

TensorShapes mulan_transformer_tensor_shapes(const MulanTransformerShape& s,
                                             const std::string& prefix) {
  const int64_t dim = s.dim, inner = s.heads * s.dim_head, ff = s.ff_hidden();
  TensorShapes t;
  for (int64_t i = 0; i < s.depth; ++i) {
    const std::string p = prefix + "layers." + std::to_string(i) + ".";
    t[p + "0.norm.learned_gamma"] = {dim};
    t[p + "0.to_q.weight"] = {inner, dim};
    t[p + "0.to_kv.weight"] = {2 * inner, dim};
    t[p + "0.q_scale"] = {s.dim_head};
    t[p + "0.k_scale"] = {s.dim_head};
    t[p + "0.to_out.0.weight"] = {dim, inner};
    t[p + "1.0.learned_gamma"] = {dim};
    t[p + "1.1.weight"] = {2 * ff, dim};
    t[p + "1.4.weight"] = {dim, ff};
  }
  return t;
}

TensorShapes mulan_text_head_tensor_shapes(const StyleEncoderConfig& c) {
  const MulanTextConfig& text = c.text;
  TensorShapes t = mulan_transformer_tensor_shapes(
      {text.dim, text.tf_depth, text.heads, text.dim_head, text.ff_mult},
      kMulanTextTransformerPrefix);
  if (text.has_projection) {
    t["mulan.text.proj.weight"] = {text.dim, c.xlmr.hidden_size};
    t["mulan.text.proj.bias"] = {text.dim};
  }
  t["mulan.text_to_latents.weight"] = {text.dim_latent, text.dim};
  t["mulan.text_to_latents.bias"] = {text.dim_latent};
  return t;
}

TensorShapes mulan_text_tensor_shapes(const StyleEncoderConfig& c) {
  TensorShapes t = xlmr_tensor_shapes(c.xlmr, kMulanTextModelPrefix);
  t.merge(mulan_text_head_tensor_shapes(c));
  return t;
}

}  // namespace drs
