#include "mulan/mulan_transformer.h"

namespace drs {

int64_t MulanTransformerShape::ff_hidden() const {
  return static_cast<int64_t>(static_cast<double>(dim * ff_mult) * 2.0 / 3.0);
}

MulanTransformer::MulanTransformer(const MulanTransformerShape& shape, WeightMap& w,
                                   const std::string& prefix)
    : shape_(shape) {
  const auto f32 = at::TensorOptions().dtype(at::kFloat);
  const int64_t dim = shape.dim, inner = shape.heads * shape.dim_head, ff = shape.ff_hidden();
  for (int64_t i = 0; i < shape.depth; ++i) {
    const auto p = prefix + "layers." + std::to_string(i) + ".";
    Layer l;
    l.attn_gamma = w.take(p + "0.norm.learned_gamma", {dim}, f32);
    l.to_q = w.take(p + "0.to_q.weight", {inner, dim}, f32);
    l.to_kv = w.take(p + "0.to_kv.weight", {2 * inner, dim}, f32);
    l.q_scale = w.take(p + "0.q_scale", {shape.dim_head}, f32);
    l.k_scale = w.take(p + "0.k_scale", {shape.dim_head}, f32);
    l.to_out = w.take(p + "0.to_out.0.weight", {dim, inner}, f32);
    l.ff_gamma = w.take(p + "1.0.learned_gamma", {dim}, f32);
    l.ff_in = w.take(p + "1.1.weight", {2 * ff, dim}, f32);
    l.ff_out = w.take(p + "1.4.weight", {dim, ff}, f32);
    layers_.push_back(std::move(l));
  }
}

at::Tensor MulanTransformer::forward(at::Tensor x) const {
  const int64_t t = x.size(0), dim = shape_.dim, heads = shape_.heads, d = shape_.dim_head;
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
  return x;
}

}  // namespace drs
