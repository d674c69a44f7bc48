#include "real_size_vae.h"

#include <ATen/ATen.h>

#include <cmath>
#include <string>
#include <vector>

namespace drs::tools {
namespace {

int64_t widened(int64_t size, int64_t base, int64_t real) {
  if (size % base != 0) return size;
  const int64_t mult = size / base;
  for (const int64_t m : {1, 2, 4, 8, 16})
    if (mult == m) return m * real;
  return size;
}

// Same role, new width: weights ~ N(0, 1/fan_in) so activations stay finite (NaNs or
// denormals would time differently); per-channel vectors (bias, Snake alpha/beta)
// take the mean of the original values.
at::Tensor widen_tensor(const at::Tensor& t, int64_t base, int64_t real) {
  std::vector<int64_t> shape(t.sizes().begin(), t.sizes().end());
  const std::size_t channel_dims = t.dim() >= 2 ? 2 : 1;
  for (std::size_t d = 0; d < channel_dims && d < shape.size(); ++d)
    shape[d] = widened(shape[d], base, real);
  if (t.dim() < 2) return at::full(shape, t.mean().item<double>(), t.options());
  double fan_in = 1;
  for (std::size_t d = 1; d < shape.size(); ++d) fan_in *= static_cast<double>(shape[d]);
  return at::randn(shape, t.options()) * (1.0 / std::sqrt(fan_in));
}

}  // namespace

WidenedVae widen_oobleck(const std::filesystem::path& file, int64_t base, int64_t real,
                         uint64_t seed) {
  at::manual_seed(seed);
  WidenedVae out{torch::jit::load(file.string(), at::kCPU), 0};
  out.module.eval();
  for (const auto& sub : out.module.named_modules()) {
    auto module = sub.value;
    std::vector<std::pair<std::string, at::Tensor>> params;
    for (const auto& p : module.named_parameters(/*recurse=*/false))
      params.emplace_back(p.name, p.value);
    for (const auto& [name, tensor] : params)
      module.setattr(name, widen_tensor(tensor, base, real));
  }
  for (const auto& p : out.module.named_parameters()) {
    out.parameters += p.value.numel();
    if (p.name.rfind("decoder.", 0) == 0) out.decoder_parameters += p.value.numel();
  }
  return out;
}

}  // namespace drs::tools
