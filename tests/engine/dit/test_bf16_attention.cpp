#include <gtest/gtest.h>

#include <stdexcept>
#include <tuple>
#include <vector>

#include "core/torch_compat.h"
#include "dit/bf16_attention.h"

namespace {

// Relative L2 distance of a from b.
double relative_error(const at::Tensor& a, const at::Tensor& b) {
  const auto a64 = a.to(at::kDouble), b64 = b.to(at::kDouble);
  return ((a64 - b64).norm() / b64.norm()).item<double>();
}

// The exact attention of the bfloat16-rounded operands, in double precision: what the
// kernel computes but for the rounding of the probabilities.
at::Tensor rounded_reference(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v) {
  const auto round = [](const at::Tensor& t) { return t.to(at::kBFloat16).to(at::kDouble); };
  const auto scores = at::matmul(round(q * 0.125), round(k).transpose(-1, -2));
  return at::matmul(at::softmax(scores, -1), round(v));
}

bool supported() {
  return drs::bf16_attention_supported(64);
}

// The kernels this CPU can run: dot products wherever the kernel is supported, AMX
// tiles where the CPU and the OS allow them.
std::vector<drs::Bf16AttentionKernel> kernels_here() {
  std::vector<drs::Bf16AttentionKernel> out{drs::Bf16AttentionKernel::DotProducts};
  if (drs::bf16_attention_tiles_supported(64)) out.push_back(drs::Bf16AttentionKernel::Tiles);
  return out;
}

const char* name(drs::Bf16AttentionKernel kernel) {
  return kernel == drs::Bf16AttentionKernel::Tiles ? "tiles" : "pairs";
}

}  // namespace

TEST(Bf16Attention, OnlyForItsHeadWidth) {
  EXPECT_FALSE(drs::bf16_attention_supported(32));
  EXPECT_FALSE(drs::bf16_attention_supported(128));
}

TEST(Bf16Attention, MatchesTheFloatKernelWithinBf16Rounding) {
  if (!supported()) GTEST_SKIP() << "this CPU has no AVX512-BF16";
  // Row and key counts that are and are not multiples of the kernel's blocks; k longer
  // and shorter than q; one row; a sharp softmax (large keys).
  for (const auto& [b, h, n, m, sharp] :
       std::vector<std::tuple<int64_t, int64_t, int64_t, int64_t, double>>{{1, 2, 37, 53, 1.0},
                                                                           {2, 3, 256, 256, 1.0},
                                                                           {1, 1, 1, 17, 1.0},
                                                                           {1, 2, 300, 129, 4.0},
                                                                           {1, 1, 64, 1, 1.0},
                                                                           {1, 2, 33, 100, 1.0}}) {
    const auto q = at::randn({b, h, n, 64}), k = at::randn({b, h, m, 64}) * sharp,
               v = at::randn({b, h, m, 64});
    for (const auto kernel : kernels_here()) {
      const auto ours = drs::bf16_attention(q, k, v, {}, kernel);
      ASSERT_EQ(ours.sizes(), q.sizes());
      ASSERT_EQ(ours.scalar_type(), at::kFloat);
      const double to_rounded = relative_error(ours, rounded_reference(q, k, v));
      const double to_exact = relative_error(ours, drs::compat::attention(q, k, v));
      std::printf(
          "%s %lldx%lldx%lld keys %lld sharp %.0f: vs rounded operands %.2e, "
          "vs float32 %.2e\n",
          name(kernel), static_cast<long long>(b), static_cast<long long>(h),
          static_cast<long long>(n), static_cast<long long>(m), sharp, to_rounded, to_exact);
      EXPECT_LT(to_rounded, 4e-3) << name(kernel);  // only the probabilities' rounding is left
      EXPECT_LT(to_exact, 2e-2) << name(kernel);
    }
  }
}

// Same operands, same softmax: the two kernels differ only in the order of their sums
// (and so, rarely, in a probability's bfloat16 rounding): far closer to each other than
// either is to float32 (~3e-3 above).
TEST(Bf16Attention, TilesAgreeWithDotProducts) {
  if (!drs::bf16_attention_tiles_supported(64)) GTEST_SKIP() << "no AMX tiles here";
  const auto q = at::randn({1, 3, 200, 64}), k = at::randn({1, 3, 150, 64}),
             v = at::randn({1, 3, 150, 64});
  const auto pairs = drs::bf16_attention(q, k, v, {}, drs::Bf16AttentionKernel::DotProducts);
  const auto tiles = drs::bf16_attention(q, k, v, {}, drs::Bf16AttentionKernel::Tiles);
  EXPECT_LT(relative_error(tiles, pairs), 2e-4);
  EXPECT_EQ(drs::bf16_attention_kernel_name(64), "amx-bf16 tiles");
}

TEST(Bf16Attention, KeepsBfloat16InputsInBfloat16AndAcceptsViews) {
  if (!supported()) GTEST_SKIP() << "this CPU has no AVX512-BF16";
  const auto qkv = at::randn({2, 40, 3, 4, 64}).permute({2, 0, 3, 1, 4});  // [3,B,H,N,d] views
  const auto ours = drs::bf16_attention(qkv[0].to(at::kBFloat16), qkv[1].to(at::kBFloat16),
                                        qkv[2].to(at::kBFloat16));
  EXPECT_EQ(ours.scalar_type(), at::kBFloat16);
  EXPECT_LT(relative_error(ours, rounded_reference(qkv[0], qkv[1], qkv[2])), 8e-3);
  EXPECT_LT(relative_error(drs::bf16_attention(qkv[0], qkv[1], qkv[2]),
                           drs::compat::attention(qkv[0], qkv[1], qkv[2])),
            2e-2);
}

TEST(Bf16Attention, CallsBackAfterEachHeadAndStopsWhenItThrows) {
  if (!supported()) GTEST_SKIP() << "this CPU has no AVX512-BF16";
  const auto q = at::randn({2, 3, 20, 64});
  int heads = 0;
  (void)drs::bf16_attention(q, q, q, [&] { ++heads; });
  EXPECT_EQ(heads, 6);
  heads = 0;
  EXPECT_THROW((void)drs::bf16_attention(q, q, q,
                                         [&] {
                                           if (++heads == 2) throw std::runtime_error("stop");
                                         }),
               std::runtime_error);
  EXPECT_EQ(heads, 2);
}

namespace {

// x · cos + rotate_half(x) · sin, as the DiT's unfused path computes it.
at::Tensor rotated(const at::Tensor& x, const drs::AttentionRope& rope) {
  const auto halves = x.chunk(2, -1);
  return x * rope.cos + at::cat({-halves[1], halves[0]}, -1) * rope.sin;
}

drs::AttentionRope rope_tables(int64_t positions) {
  const auto inv_freq = 1.0 / at::pow(10000.0, at::arange(0, 64, 2, at::kFloat) / 64.0);
  const auto angles = at::outer(at::arange(positions, at::kFloat), inv_freq);
  const auto both = at::cat({angles, angles}, -1);
  return {at::cos(both), at::sin(both)};
}

}  // namespace

TEST(Bf16Attention, RotatesWhilePackingExactlyAsTheTensorExpression) {
  if (!supported()) GTEST_SKIP() << "this CPU has no AVX512-BF16";
  // Strided views of one projection, as the DiT passes them, and an odd length.
  const int64_t n = 77;
  const auto qkv = at::randn({2, n, 3, 3, 64}).permute({2, 0, 3, 1, 4});  // [3,B,H,N,d]
  const auto rope = rope_tables(n);
  for (const auto kernel : kernels_here()) {
    const auto fused = drs::bf16_attention(qkv[0], qkv[1], qkv[2], {}, kernel, &rope);
    const auto unfused =
        drs::bf16_attention(rotated(qkv[0], rope), rotated(qkv[1], rope), qkv[2], {}, kernel);
    EXPECT_TRUE(at::equal(fused, unfused)) << name(kernel);
    // Stored head-interleaved: merging the heads back is a view.
    EXPECT_TRUE(fused.transpose(1, 2).is_contiguous()) << name(kernel);
  }
  const auto short_rope = rope_tables(n - 1);
  EXPECT_THROW((void)drs::bf16_attention(qkv[0], qkv[1], qkv[2], {}, drs::Bf16AttentionKernel::Auto,
                                         &short_rope),
               std::exception);
}
