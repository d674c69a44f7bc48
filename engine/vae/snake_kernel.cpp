#include "vae/snake_kernel.h"

#include <cstring>

#include "core/vector_clones.h"
#include "drs/error.h"

namespace drs {
namespace {

// The polynomial is most of the work: its multiply-adds contract into FMAs where the
// clone has them.
DRS_FMA_CONTRACTION

constexpr std::size_t kBlock = kVectorBlock;

// sin²(t) has period π, so only t - kπ with k = round(t / π) matters and the sign of the
// sine does not. π in three parts (Cody-Waite) keeps the reduction exact while k needs at
// most 16 bits (|t| up to ~2·10⁵, far beyond what an activation times e^alpha reaches);
// then an odd Taylor polynomial through r¹¹ is within 6·10⁻⁸ of sin(r) on |r| <= π/2.
inline float snake_one(float x, float frequency, float root) {
  constexpr float kInvPi = 0.318309886183790671f;
  constexpr float kPiA = 3.140625f, kPiB = 9.67502593994140625e-4f, kPiC = 1.509957990978376432e-7f;
  constexpr float kRound = 12582912.0f;  // 1.5 · 2²³: (v + it) - it rounds to an integer
  const float t = x * frequency;
  const float k = (t * kInvPi + kRound) - kRound;
  const float r = ((t - k * kPiA) - k * kPiB) - k * kPiC;
  const float r2 = r * r;
  float p = -2.50521083854417188e-8f;  // -1/11!
  p = p * r2 + 2.75573192239858907e-6f;
  p = p * r2 - 1.98412698412698413e-4f;
  p = p * r2 + 8.33333333333333333e-3f;
  p = p * r2 - 1.66666666666666667e-1f;
  const float s = root * (r + r * r2 * p);
  return x + s * s;
}

float widen(std::uint16_t bits) {
  const std::uint32_t wide = static_cast<std::uint32_t>(bits) << 16;
  float f = 0;
  std::memcpy(&f, &wide, sizeof f);
  return f;
}

// Round to nearest even; infinities stay infinite and NaNs stay NaN (their payload's top
// bits are set, so the carry never reaches the exponent).
std::uint16_t narrow(float f) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &f, sizeof bits);
  return static_cast<std::uint16_t>((bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16);
}

DRS_VECTOR_CLONES void snake_f32(const float* x, std::size_t n, float frequency, float root,
                                 float* y) {
  std::size_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    float block[kBlock];  // a copy first: y may alias x, and __restrict needs disjoint data
    for (std::size_t j = 0; j < kBlock; ++j) block[j] = snake_one(x[i + j], frequency, root);
    std::memcpy(y + i, block, sizeof block);
  }
  for (; i < n; ++i) y[i] = snake_one(x[i], frequency, root);
}

DRS_VECTOR_CLONES void snake_bf16(const std::uint16_t* x, std::size_t n, float frequency,
                                  float root, std::uint16_t* y) {
  std::size_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    std::uint16_t block[kBlock];
    for (std::size_t j = 0; j < kBlock; ++j)
      block[j] = narrow(snake_one(widen(x[i + j]), frequency, root));
    std::memcpy(y + i, block, sizeof block);
  }
  for (; i < n; ++i) y[i] = narrow(snake_one(widen(x[i]), frequency, root));
}

DRS_VECTOR_CLONES void snake_step_f32(const float* x, std::size_t n, const float* frequency,
                                      const float* root, float* y) {
  std::size_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    float block[kBlock];
    for (std::size_t j = 0; j < kBlock; ++j)
      block[j] = snake_one(x[i + j], frequency[i + j], root[i + j]);
    std::memcpy(y + i, block, sizeof block);
  }
  for (; i < n; ++i) y[i] = snake_one(x[i], frequency[i], root[i]);
}

DRS_VECTOR_CLONES void snake_step_bf16(const std::uint16_t* x, std::size_t n,
                                       const float* frequency, const float* root,
                                       std::uint16_t* y) {
  std::size_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    std::uint16_t block[kBlock];
    for (std::size_t j = 0; j < kBlock; ++j)
      block[j] = narrow(snake_one(widen(x[i + j]), frequency[i + j], root[i + j]));
    std::memcpy(y + i, block, sizeof block);
  }
  for (; i < n; ++i) y[i] = narrow(snake_one(widen(x[i]), frequency[i], root[i]));
}

void check_lengths(std::size_t in, std::size_t out) {
  if (in != out)
    throw Error(ErrorKind::Internal, "snake_row: input and output lengths differ (" +
                                         std::to_string(in) + " vs " + std::to_string(out) + ")");
}

void check_constants(std::size_t channels, std::size_t frequency, std::size_t root) {
  if (frequency != channels || root != channels)
    throw Error(ErrorKind::Internal, "snake_step: " + std::to_string(channels) + " channels but " +
                                         std::to_string(frequency) + " / " + std::to_string(root) +
                                         " constants");
}

}  // namespace

void snake_row(std::span<const float> x, float frequency, float root, std::span<float> y) {
  check_lengths(x.size(), y.size());
  snake_f32(x.data(), x.size(), frequency, root, y.data());
}

void snake_row(std::span<const std::uint16_t> x, float frequency, float root,
               std::span<std::uint16_t> y) {
  check_lengths(x.size(), y.size());
  snake_bf16(x.data(), x.size(), frequency, root, y.data());
}

void snake_step(std::span<const float> x, std::span<const float> frequency,
                std::span<const float> root, std::span<float> y) {
  check_lengths(x.size(), y.size());
  check_constants(x.size(), frequency.size(), root.size());
  snake_step_f32(x.data(), x.size(), frequency.data(), root.data(), y.data());
}

void snake_step(std::span<const std::uint16_t> x, std::span<const float> frequency,
                std::span<const float> root, std::span<std::uint16_t> y) {
  check_lengths(x.size(), y.size());
  check_constants(x.size(), frequency.size(), root.size());
  snake_step_bf16(x.data(), x.size(), frequency.data(), root.data(), y.data());
}

}  // namespace drs
