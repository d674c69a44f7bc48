#include "mulan/mulan_transformer.h"

namespace drs {

MulanTransformer::MulanTransformer(const MulanTransformerShape& shape, WeightMap& w,
                                   const std::string& prefix)
    : shape_(shape) {
  const TensorShapes shapes = mulan_transformer_tensor_shapes(shape, prefix);
  const auto take = [&](const std::string& name) {
    return w.take(name, shapes.at(name), at::TensorOptions().dtype(at::kFloat));
  };
  for (int64_t i = 0; i < shape.depth; ++i) {
    const auto p = prefix + "layers." + std::to_string(i) + ".";
    Layer l;
    l.attn_gamma = take(p + "0.norm.learned_gamma");
    l.to_q = take(p + "0.to_q.weight");
    l.to_kv = take(p + "0.to_kv.weight");
    l.q_scale = take(p + "0.q_scale");
    l.k_scale = take(p + "0.k_scale");
    l.to_out = take(p + "0.to_out.0.weight");
    l.ff_gamma = take(p + "1.0.learned_gamma");
    l.ff_in = take(p + "1.1.weight");
    l.ff_out = take(p + "1.4.weight");
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
