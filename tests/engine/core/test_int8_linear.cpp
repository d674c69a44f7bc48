#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/int8_linear.h"
#include "core/int8_quantize.h"
#include "drs/cpu_features.h"

namespace {

double relative_l2(const at::Tensor& a, const at::Tensor& b) {
  return ((a - b).norm() / b.norm()).item<double>();
}

}  // namespace

// Each row gets its own scale (max |x| / level) and its values are x / scale rounded to
// the nearest integer, ties to even: checked against the same formula in ATen's ops.
TEST(Int8Quantize, EachRowUsesItsOwnFullRange) {
  at::manual_seed(1);
  auto x = at::randn({6, 131}) * at::tensor({1e-3, 1.0, 50.0, 1.0, 7.0, 1.0}).unsqueeze(1);
  x[3].zero_();
  x[4][17] = 3.5 * 7.0 / 127.0 * 127.0;  // lands exactly on the row's maximum
  for (const int level : {127, 63}) {
    const auto q = drs::quantize_rows(x.to(at::kFloat), level);
    ASSERT_EQ(q.values.scalar_type(), at::kChar);
    const auto top = x.abs().amax({1}).to(at::kFloat);
    for (int64_t r = 0; r < x.size(0); ++r) {
      if (r == 3) {
        EXPECT_EQ(q.scales[r].item<float>(), 1.0f);
        EXPECT_EQ(q.values[r].abs().max().item<int>(), 0);
        continue;
      }
      EXPECT_FLOAT_EQ(q.scales[r].item<float>(), top[r].item<float>() / level) << "row " << r;
      const auto expected =
          at::round(x[r].to(at::kFloat) * (static_cast<float>(level) / top[r])).to(at::kChar);
      EXPECT_TRUE(at::equal(q.values[r], expected)) << "row " << r << " level " << level;
      EXPECT_EQ(q.values[r].abs().max().item<int>(), level) << "row " << r;
    }
  }
}

TEST(Int8Quantize, ANonFiniteRowGetsANanScale) {
  auto x = at::ones({3, 70});
  x[1][5] = std::nan("");
  x[2][69] = INFINITY;
  const auto q = drs::quantize_rows(x);
  EXPECT_FLOAT_EQ(q.scales[0].item<float>(), 1.0f / 127.0f);
  EXPECT_TRUE(std::isnan(q.scales[1].item<float>()));
  EXPECT_TRUE(std::isnan(q.scales[2].item<float>()));
}

// Without dot-product instructions the kernels sum pairs of u8 x s8 products in 16 bits:
// 255 * 127 * 2 overflows, 255 * 63 * 2 does not. (ONEDNN_MAX_CPU_ISA can take the
// instructions away from oneDNN on a CPU that has them.)
TEST(Int8Linear, WeightsKeepSevenBitsWhereProductsGoThroughSixteenBitSums) {
  const auto cpu = drs::detect_cpu_features();
  const bool dot_products = cpu.avx512_vnni || cpu.avx_vnni || cpu.amx_int8;
  if (!dot_products) {
    EXPECT_EQ(drs::Int8Linear::weight_level(), 63);
  } else if (std::getenv("ONEDNN_MAX_CPU_ISA") == nullptr) {
    EXPECT_EQ(drs::Int8Linear::weight_level(), 127);
  }
}

// Close to the float32 product for every row count the DiT uses (odd ones too), and
// apply_into writes exactly what apply returns.
TEST(Int8Linear, StaysCloseToFloat32ForAnyRowCount) {
  if (!drs::Int8Linear::available()) GTEST_SKIP() << "no int8 kernels in this build";
  std::printf("int8 kernel: %s\n", drs::Int8Linear::kernel_name().c_str());
  at::manual_seed(2);
  const auto w = at::randn({96, 200}) * 0.05;
  const drs::Int8Linear int8(w);
  EXPECT_TRUE(int8.defined());
  EXPECT_GE(int8.bytes(), 96 * 200);
  for (const int64_t rows : {1, 5, 64, 1030}) {
    const auto x = at::randn({rows, 200});
    const auto exact = at::linear(x, w);
    const auto got = int8.apply(x);
    ASSERT_EQ(got.sizes(), exact.sizes());
    const double error = relative_l2(got, exact);
    std::printf("rows %lld: relative L2 %.4f\n", static_cast<long long>(rows), error);
    EXPECT_LT(error, 0.02) << rows << " rows";
    EXPECT_GT(error, 0.0);
    auto into = at::full({rows, 96}, 7.0f);
    int8.apply_into(into, x);
    EXPECT_TRUE(at::equal(into, got));
  }
  const auto batched = at::randn({2, 3, 200});
  EXPECT_EQ(int8.apply(batched).sizes(), (std::vector<int64_t>{2, 3, 96}));
}

// One loud token does not coarsen the others: activations are scaled per row.
TEST(Int8Linear, OneLoudRowDoesNotCoarsenTheOthers) {
  if (!drs::Int8Linear::available()) GTEST_SKIP() << "no int8 kernels in this build";
  at::manual_seed(3);
  const auto w = at::randn({64, 256}) * 0.05;
  const drs::Int8Linear int8(w);
  auto x = at::randn({32, 256});
  x[7] *= 1e4;
  const auto exact = at::linear(x, w), got = int8.apply(x);
  for (const int64_t r : {0, 6, 8, 31}) EXPECT_LT(relative_l2(got[r], exact[r]), 0.03) << r;
}

TEST(Int8Linear, KernelNameSaysWhatRuns) {
  const auto name = drs::Int8Linear::kernel_name();
#ifdef DRS_TEST_HAVE_ONEDNN
  EXPECT_EQ(name.rfind("oneDNN matmul ", 0), 0u) << name;
  EXPECT_EQ(name.find("ref"), std::string::npos) << "oneDNN's reference loops: " << name;
#else
  EXPECT_FALSE(name.empty());
#endif
}

// The split product (for a fused step between two int8 layers) is the whole one in two
// halves: the unscaled product times the returned row scales, and the product of rows
// quantised beforehand, give the same bits as apply().
TEST(Int8Linear, SplitProductsAreTheWholeOneInTwoHalves) {
  if (!drs::Int8Linear::available()) GTEST_SKIP() << "no int8 kernels in this build";
  at::manual_seed(5);
  const drs::Int8Linear layer(at::randn({96, 80}));
  if (!layer.splits()) GTEST_SKIP() << "this build runs LibTorch's unsplittable kernels";
  const auto x = at::randn({37, 80}) * at::linspace(0.1, 9.0, 37).unsqueeze(1);
  const auto whole = layer.apply(x);
  at::Tensor row_scales;
  const auto unscaled = layer.apply_unscaled(x, row_scales);
  ASSERT_EQ(row_scales.sizes(), (at::IntArrayRef{37}));
  EXPECT_TRUE(at::equal(unscaled * row_scales.unsqueeze(1), whole));
  auto out = at::empty({37, 96});
  layer.apply_quantized_into(out, drs::quantize_rows(x));
  EXPECT_TRUE(at::equal(out, whole));
  auto wrong = at::empty({37, 95});
  EXPECT_THROW(layer.apply_quantized_into(wrong, drs::quantize_rows(x)), std::exception);
  EXPECT_THROW(layer.apply_quantized_into(out, drs::quantize_rows(at::randn({37, 81}))),
               std::exception);
}
