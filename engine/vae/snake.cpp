#include "vae/snake.h"

#include <ATen/Parallel.h>

#include <span>

#include "vae/snake_kernel.h"

namespace drs {

Snake::Snake(WeightMap& weights, const std::string& layer, int64_t channels,
             const at::TensorOptions& options) {
  const auto cpu = at::TensorOptions().dtype(at::kFloat).device(at::kCPU);
  const auto alpha = weights.take(layer + ".alpha", {channels}, cpu);
  const auto beta = weights.take(layer + ".beta", {channels}, cpu);
  const auto frequency = alpha.exp().contiguous();
  const auto root = (beta.exp() + 1e-9).reciprocal().sqrt().contiguous();
  cpu_frequency_.assign(frequency.data_ptr<float>(), frequency.data_ptr<float>() + channels);
  cpu_root_.assign(root.data_ptr<float>(), root.data_ptr<float>() + channels);
  frequency_ = frequency.view({1, channels, 1}).to(options);
  root_magnitude_ = root.view({1, channels, 1}).to(options);
}

at::Tensor Snake::forward(const at::Tensor& x) const {
  const auto type = x.scalar_type();
  if (x.is_cpu() && x.dim() == 3 && (type == at::kFloat || type == at::kBFloat16) &&
      x.size(1) == static_cast<int64_t>(cpu_frequency_.size()))
    return forward_fused(x);
  // One temporary, updated in place, four passes.
  auto y = at::mul(x, frequency_);
  y.sin_().mul_(root_magnitude_);
  return at::addcmul_out(y, x, y, y);  // x + y * y, written over y (same elements)
}

at::Tensor Snake::forward_fused(const at::Tensor& x) const {
  const auto in = x.contiguous();
  auto out = at::empty_like(in);
  const int64_t channels = in.size(1), t = in.size(2), rows = in.size(0) * channels;
  const auto length = static_cast<std::size_t>(t);
  const int64_t grain = std::max<int64_t>(1, (1 << 16) / std::max<int64_t>(t, 1));
  const bool bf16 = in.scalar_type() == at::kBFloat16;
  // Raw bits for bfloat16: the kernel widens and rounds them itself.
  const auto* src = static_cast<const std::byte*>(in.data_ptr());
  auto* dst = static_cast<std::byte*>(out.data_ptr());
  const auto element = static_cast<std::size_t>(in.element_size());
  at::parallel_for(0, rows, grain, [&](int64_t begin, int64_t end) {
    for (int64_t row = begin; row < end; ++row) {
      const auto c = static_cast<std::size_t>(row % channels);
      const auto offset = static_cast<std::size_t>(row) * length * element;
      const float f = cpu_frequency_[c], r = cpu_root_[c];
      if (bf16) {
        snake_row({reinterpret_cast<const std::uint16_t*>(src + offset), length}, f, r,
                  {reinterpret_cast<std::uint16_t*>(dst + offset), length});
      } else {
        snake_row({reinterpret_cast<const float*>(src + offset), length}, f, r,
                  {reinterpret_cast<float*>(dst + offset), length});
      }
    }
  });
  return out;
}

}  // namespace drs
