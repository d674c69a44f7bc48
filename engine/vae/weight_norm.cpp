#include "vae/weight_norm.h"

#include <vector>

namespace drs {

at::Tensor fold_weight_norm(const at::Tensor& g, const at::Tensor& v) {
  std::vector<int64_t> axes;
  for (int64_t axis = 1; axis < v.dim(); ++axis) axes.push_back(axis);
  const auto norm = at::linalg_vector_norm(v, 2, axes, /*keepdim=*/true);
  return v * (g / norm);
}

at::Tensor take_conv_weight(WeightMap& weights, const std::string& layer, at::IntArrayRef shape,
                            const at::TensorOptions& options) {
  if (!weights.has(layer + ".weight_v")) return weights.take(layer + ".weight", shape, options);
  // Folded in float32 on the CPU (as PyTorch folds it), then converted: a bfloat16
  // fold would round v and the norm separately.
  const auto cpu = at::TensorOptions().dtype(at::kFloat).device(at::kCPU);
  std::vector<int64_t> g_shape(shape.size(), 1);
  g_shape.front() = shape.front();
  const auto v = weights.take(layer + ".weight_v", shape, cpu);
  const auto g = weights.take(layer + ".weight_g", g_shape, cpu);
  return fold_weight_norm(g, v).to(options);
}

}  // namespace drs
