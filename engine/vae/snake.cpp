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
  const auto channels = static_cast<int64_t>(cpu_frequency_.size());
  if (x.is_cpu() && (type == at::kFloat || type == at::kBFloat16) && x.size(1) == channels) {
    if (x.dim() == 3) return forward_rows(x);
    if (x.dim() == 4 && x.size(2) == 1) return forward_steps(x);
  }
  // Elsewhere: one temporary, updated in place, four passes.
  const auto shape =
      x.dim() == 4 ? std::vector<int64_t>{1, channels, 1, 1} : std::vector<int64_t>{1, channels, 1};
  auto y = at::mul(x, frequency_.view(shape));
  y.sin_().mul_(root_magnitude_.view(shape));
  return at::addcmul_out(y, x, y, y);  // x + y * y, written over y (same elements)
}

namespace {

template <typename T, typename Kernel>
void rows_in_parallel(const T* src, T* dst, int64_t rows, int64_t length, Kernel& kernel) {
  const auto n = static_cast<std::size_t>(length);
  const int64_t grain = std::max<int64_t>(1, (1 << 16) / std::max<int64_t>(length, 1));
  at::parallel_for(0, rows, grain, [&](int64_t begin, int64_t end) {
    for (int64_t row = begin; row < end; ++row) {
      const auto offset = static_cast<std::size_t>(row) * n;
      kernel(row, std::span<const T>(src + offset, n), std::span<T>(dst + offset, n));
    }
  });
}

// The storage of a float32 or bfloat16 tensor as rows of `length` elements, for kernels
// taking float or raw bfloat16 bits.
template <typename Kernel>
void for_each_row(const at::Tensor& in, at::Tensor& out, int64_t rows, int64_t length,
                  Kernel&& kernel) {
  if (in.scalar_type() == at::kBFloat16) {
    rows_in_parallel(reinterpret_cast<const std::uint16_t*>(in.data_ptr<at::BFloat16>()),
                     reinterpret_cast<std::uint16_t*>(out.data_ptr<at::BFloat16>()), rows, length,
                     kernel);
  } else {
    rows_in_parallel(in.data_ptr<float>(), out.data_ptr<float>(), rows, length, kernel);
  }
}

}  // namespace

at::Tensor Snake::forward_rows(const at::Tensor& x) const {
  const auto in = x.contiguous();
  auto out = at::empty_like(in);
  const int64_t channels = in.size(1);
  for_each_row(in, out, in.size(0) * channels, in.size(2), [&](int64_t row, auto src, auto dst) {
    const auto c = static_cast<std::size_t>(row % channels);
    snake_row(src, cpu_frequency_[c], cpu_root_[c], dst);
  });
  return out;
}

at::Tensor Snake::forward_steps(const at::Tensor& x) const {
  const auto in = x.contiguous(at::MemoryFormat::ChannelsLast);
  auto out = at::empty_like(in, at::MemoryFormat::ChannelsLast);
  for_each_row(in, out, in.size(0) * in.size(3), in.size(1), [&](int64_t, auto src, auto dst) {
    snake_step(src, cpu_frequency_, cpu_root_, dst);
  });
  return out;
}

}  // namespace drs
