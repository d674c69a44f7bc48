// The int8 path's fused SwiGLU against the unfused tensor expression it replaces: the
// row scales applied, silu(gate) * up, then quantised per row.
#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include <cmath>
#include <cstdio>

#include "core/int8_quantize.h"
#include "dit/swiglu_int8.h"

namespace {

drs::QuantizedRows unfused(const at::Tensor& gate_up, const at::Tensor& row_scales) {
  const auto scaled = gate_up * row_scales.unsqueeze(1);
  const int64_t ff = gate_up.size(1) / 2;
  return drs::quantize_rows(at::silu(scaled.narrow(1, 0, ff)) * scaled.narrow(1, ff, ff));
}

}  // namespace

// Same scales to float rounding, the same int8 values but where the two silu formulas'
// last-bit difference crosses a rounding boundary (then by one step).
TEST(SwigluInt8, QuantisesWhatTheUnfusedExpressionQuantises) {
  at::manual_seed(3);
  // Widths off the vector block, rows with very different loudness, gates far out in both
  // tails (silu saturates to 0 and to the gate itself).
  for (const int64_t ff : {1, 63, 64, 200, 1031}) {
    auto gate_up = at::randn({29, 2 * ff}) * 4.0;
    gate_up.narrow(1, 0, ff)[3].fill_(-120.0);
    gate_up.narrow(1, 0, ff)[4].fill_(95.0);
    gate_up[5].zero_();
    const auto row_scales = at::linspace(1e-3, 3.0, 29);
    const auto fused = drs::swiglu_quantized(gate_up, row_scales);
    const auto reference = unfused(gate_up, row_scales);
    ASSERT_EQ(fused.values.sizes(), reference.values.sizes());
    const auto scale_error =
        ((fused.scales - reference.scales).abs() / reference.scales).max().item<double>();
    const auto steps = (fused.values.to(at::kInt) - reference.values.to(at::kInt)).abs();
    const auto differing = steps.gt(0).sum().item<int64_t>();
    std::printf("ff %4lld: scale error %.2e, %lld of %lld values one step apart\n",
                static_cast<long long>(ff), scale_error, static_cast<long long>(differing),
                static_cast<long long>(steps.numel()));
    EXPECT_LT(scale_error, 1e-5);
    EXPECT_LE(steps.max().item<int>(), 1);
    EXPECT_LE(differing, steps.numel() / 100 + 1);
    EXPECT_EQ(fused.scales[5].item<float>(), 1.0f);  // an all-zero row, as quantize_rows says
  }
}

TEST(SwigluInt8, ANonFiniteRowStaysNonFinite) {
  auto gate_up = at::ones({3, 8});
  gate_up[1][2] = std::nan("");
  gate_up[2][6] = INFINITY;  // in the up half
  const auto q = drs::swiglu_quantized(gate_up, at::ones({3}));
  EXPECT_TRUE(std::isfinite(q.scales[0].item<float>()));
  EXPECT_TRUE(std::isnan(q.scales[1].item<float>()));
  EXPECT_TRUE(std::isnan(q.scales[2].item<float>()));
}

TEST(SwigluInt8, RefusesWhatItCannotRead) {
  EXPECT_THROW((void)drs::swiglu_quantized(at::ones({2, 7}), at::ones({2})), std::exception);
  EXPECT_THROW((void)drs::swiglu_quantized(at::ones({2, 8}), at::ones({3})), std::exception);
  EXPECT_THROW((void)drs::swiglu_quantized(at::ones({8, 2}).t(), at::ones({2})), std::exception);
  EXPECT_THROW((void)drs::swiglu_quantized(at::ones({2, 8}, at::kDouble), at::ones({2})),
               std::exception);
}
