// The fused Snake pass equals the activation's formula computed by ATen in double
// precision: float32 within float rounding (also for large arguments, in place, on lengths
// that are not whole vector blocks), bfloat16 within one bfloat16 rounding of the result,
// non-finite inputs stay non-finite; Snake::forward agrees with the formula on layer
// weights in both dtypes (bfloat16 rounded once), for non-contiguous input and in the
// time-major layout (per-channel constants along the storage's inner axis).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "vae/snake.h"
#include "vae/snake_kernel.h"
#include "vae/time_major.h"
#include "weights/weight_map.h"

namespace {

double exact(double x, double frequency, double root) {
  const double s = root * std::sin(frequency * x);
  return x + s * s;
}

std::vector<float> random_row(int64_t n, double spread, uint64_t seed) {
  at::manual_seed(seed);
  const auto t = (at::randn({n}) * spread).contiguous();
  return {t.data_ptr<float>(), t.data_ptr<float>() + n};
}

TEST(SnakeKernel, Float32MatchesTheFormula) {
  for (const int64_t n : {1, 63, 64, 65, 1000}) {
    for (const double spread : {0.5, 30.0, 3000.0}) {
      const auto x = random_row(n, spread, 7);
      std::vector<float> y(x.size());
      const float frequency = 1.7f, root = 0.8f;
      drs::snake_row(x, frequency, root, y);
      for (std::size_t i = 0; i < x.size(); ++i) {
        const double want = exact(x[i], frequency, root);
        // float32 rounding of frequency · x alone moves the phase by |t| · 2⁻²⁴.
        const double phase = std::abs(frequency * x[i]) * 6e-8;
        EXPECT_NEAR(y[i], want, 4e-7 * (std::abs(x[i]) + 1) + 2 * root * root * phase)
            << "n " << n << " x " << x[i];
      }
    }
  }
}

TEST(SnakeKernel, RunsInPlace) {
  auto x = random_row(200, 3.0, 11);
  const auto copy = x;
  drs::snake_row(x, 2.0f, 1.5f, x);
  for (std::size_t i = 0; i < x.size(); ++i)
    EXPECT_NEAR(x[i], exact(copy[i], 2.0, 1.5), 1e-5 * (std::abs(copy[i]) + 1));
}

TEST(SnakeKernel, Bfloat16RoundsOnceToNearest) {
  const auto wide = at::randn({300}) * 4;
  const auto bf = wide.to(at::kBFloat16).contiguous();
  std::vector<std::uint16_t> in(300), out(300);
  std::memcpy(in.data(), bf.data_ptr(), in.size() * sizeof(std::uint16_t));
  const float frequency = 0.9f, root = 1.1f;
  drs::snake_row(in, frequency, root, out);
  const auto x = bf.to(at::kFloat);
  at::Tensor got = at::empty({300}, at::kBFloat16);
  std::memcpy(got.data_ptr(), out.data(), out.size() * sizeof(std::uint16_t));
  const auto y = got.to(at::kFloat);
  for (int64_t i = 0; i < 300; ++i) {
    const double want = exact(x[i].item<double>(), frequency, root);
    // bfloat16 keeps 8 significant bits: half an ulp is 2⁻⁹ of the magnitude.
    EXPECT_NEAR(y[i].item<double>(), want, std::abs(want) * std::ldexp(1.0, -8) + 1e-6)
        << "x " << x[i].item<double>();
  }
}

TEST(SnakeKernel, StepUsesEachChannelsConstants) {
  const auto x = random_row(133, 5.0, 13), frequency = random_row(133, 1.0, 14),
             root = random_row(133, 1.0, 15);
  std::vector<float> y(x.size());
  drs::snake_step(x, frequency, root, y);
  for (std::size_t c = 0; c < x.size(); ++c)
    EXPECT_NEAR(y[c], exact(x[c], frequency[c], root[c]),
                1e-5 * (std::abs(x[c]) + 1) + std::abs(frequency[c] * x[c]) * 1e-6)
        << "channel " << c;
  std::vector<float> short_constants(10);
  EXPECT_THROW(drs::snake_step(x, short_constants, root, y), std::exception);
}

TEST(SnakeKernel, NonFiniteInputStaysNonFinite) {
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> x{std::numeric_limits<float>::quiet_NaN(), inf, -inf, 1.0f};
  std::vector<float> y(x.size());
  drs::snake_row(x, 1.0f, 1.0f, y);
  EXPECT_TRUE(std::isnan(y[0]));
  EXPECT_FALSE(std::isfinite(y[1]));
  EXPECT_FALSE(std::isfinite(y[2]));
  EXPECT_TRUE(std::isfinite(y[3]));
}

TEST(SnakeKernel, RefusesMismatchedLengths) {
  const std::vector<float> x(5);
  std::vector<float> y(4);
  EXPECT_THROW(drs::snake_row(x, 1.0f, 1.0f, y), std::exception);
}

std::map<std::string, at::Tensor> snake_weights(int64_t channels) {
  return {{"s.alpha", at::randn({channels}) * 0.5}, {"s.beta", at::randn({channels}) * 0.5}};
}

at::Tensor aten_snake(const at::Tensor& x, const std::map<std::string, at::Tensor>& w) {
  const auto& alpha = w.at("s.alpha");
  const auto& beta = w.at("s.beta");
  const auto xd = x.to(at::kDouble);
  const auto f = alpha.exp().to(at::kDouble).view({1, -1, 1});
  const auto m = (beta.exp() + 1e-9).reciprocal().to(at::kDouble).view({1, -1, 1});
  return xd + (f * xd).sin().pow(2) * m;
}

TEST(Snake, ForwardMatchesTheFormulaRoundedOnce) {
  at::manual_seed(5);
  const int64_t channels = 6;
  auto w = snake_weights(channels);
  const auto x = at::randn({2, channels, 131}) * 3;
  for (const auto dtype : {at::kFloat, at::kBFloat16}) {
    drs::WeightMap map(w, "test");
    const drs::Snake snake(map, "s", channels, at::TensorOptions().dtype(dtype));
    const auto input = x.to(dtype);
    const auto want = aten_snake(input.to(at::kFloat), w);
    const auto got = snake.forward(input).to(at::kDouble);
    // Computed in float32 (~1e-7 of |x|), then, in bfloat16, one rounding of the result
    // (half an ulp: at most 2^-8 of it), not one after each of ATen's four passes.
    const double rounding = dtype == at::kFloat ? 0.0 : std::ldexp(1.0, -8);
    const auto bound = want.abs() * rounding + (input.to(at::kDouble).abs() + 1) * 1e-6;
    EXPECT_TRUE(((got - want).abs() <= bound).all().item<bool>())
        << c10::toString(dtype) << ": largest excess "
        << ((got - want).abs() - bound).max().item<double>();
    // A transposed view (not contiguous) gives the same result.
    const auto strided = x.transpose(0, 2).contiguous().transpose(0, 2).to(dtype);
    ASSERT_FALSE(strided.is_contiguous());
    EXPECT_TRUE(at::equal(snake.forward(strided), snake.forward(x.to(dtype))));
    // Time-major storage (the CPU network's layout) gives the same values in that layout.
    const auto steps = snake.forward(drs::to_time_major(input));
    EXPECT_TRUE(steps.is_contiguous(at::MemoryFormat::ChannelsLast));
    EXPECT_TRUE(at::equal(drs::from_time_major(steps), snake.forward(input)));
  }
}

}  // namespace
