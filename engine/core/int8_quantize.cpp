#include "core/int8_quantize.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/vector_clones.h"

namespace drs {
namespace {

constexpr std::size_t kBlock = kVectorBlock;

// max |x| through the bits: for non-negative floats the integer order is the float
// order, and an integer max reduction vectorises without -ffast-math.
DRS_VECTOR_CLONES float max_magnitude(const float* x, std::size_t n) {
  const auto magnitude = [](const float* v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, v, sizeof bits);
    return bits & 0x7fffffffu;
  };
  std::uint32_t top = 0;
  std::size_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    std::uint32_t block_top = 0;
    for (std::size_t j = 0; j < kBlock; ++j) block_top = std::max(block_top, magnitude(x + i + j));
    top = std::max(top, block_top);
  }
  for (; i < n; ++i) top = std::max(top, magnitude(x + i));
  return std::bit_cast<float>(top);
}

// round-to-nearest-even(x * inverse), clamped to ±level. Adding and subtracting 1.5 * 2^23
// rounds any |v| < 2^22 to an integer in the current (nearest-even) mode, branch-free.
DRS_VECTOR_CLONES void scale_round(const float* __restrict x, std::size_t n, float inverse,
                                   float level, std::int8_t* __restrict out) {
  const auto one = [=](float value) {
    constexpr float kRound = 12582912.0f;
    const float v = std::clamp(value * inverse, -level, level);
    return static_cast<std::int8_t>(static_cast<int>((v + kRound) - kRound));
  };
  std::size_t i = 0;
  for (; i + kBlock <= n; i += kBlock)
    for (std::size_t j = 0; j < kBlock; ++j) out[i + j] = one(x[i + j]);
  for (; i < n; ++i) out[i] = one(x[i]);
}

}  // namespace

float quantize_row(std::span<const float> x, std::span<std::int8_t> out, int level) {
  const float top = max_magnitude(x.data(), x.size());
  if (top == 0.0f || !std::isfinite(top)) {
    // A row with an infinity or NaN gets a NaN scale: its products become NaN, as they
    // would in float32, instead of a silently finite result.
    std::fill(out.begin(), out.end(), std::int8_t{0});
    return top == 0.0f ? 1.0f : std::numeric_limits<float>::quiet_NaN();
  }
  const float scale = top / static_cast<float>(level);
  scale_round(x.data(), x.size(), static_cast<float>(level) / top, static_cast<float>(level),
              out.data());
  return scale;
}

QuantizedRows quantize_rows(const at::Tensor& x, int level) {
  const auto m = x.to(at::kFloat).contiguous();
  const int64_t rows = m.size(0), cols = m.size(1);
  QuantizedRows q{at::empty({rows, cols}, m.options().dtype(at::kChar)),
                  at::empty({rows}, m.options())};
  const float* in = m.data_ptr<float>();
  auto* values = q.values.data_ptr<std::int8_t>();
  auto* scales = q.scales.data_ptr<float>();
  const auto width = static_cast<std::size_t>(cols);
  at::parallel_for(0, rows, 16, [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r)
      scales[r] = quantize_row({in + r * cols, width}, {values + r * cols, width}, level);
  });
  return q;
}

}  // namespace drs
