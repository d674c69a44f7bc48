#include <gtest/gtest.h>

#include "core/torch_compat.h"
#include "dit/cpu_attention.h"

TEST(CpuAttention, MatchesTheLibraryKernel) {
  for (const auto& [b, h, n, d] : std::vector<std::tuple<int64_t, int64_t, int64_t, int64_t>>{
           {2, 32, 96, 4}, {1, 4, 257, 64}, {2, 2, 1, 8}}) {
    const auto q = at::randn({b, h, n, d}), k = at::randn({b, h, n, d}) * 2,
               v = at::randn({b, h, n, d});
    const auto ours = drs::cpu_attention(q, k, v);
    const auto reference = drs::compat::attention(q, k, v);
    EXPECT_LE((ours - reference).abs().max().item<double>(), 1e-5)
        << b << "x" << h << "x" << n << "x" << d;
  }
}

TEST(CpuAttention, AcceptsNonContiguousViews) {
  const auto qkv = at::randn({2, 40, 3, 4, 8}).permute({2, 0, 3, 1, 4});
  const auto ours = drs::cpu_attention(qkv[0], qkv[1], qkv[2]);
  EXPECT_LE((ours - drs::compat::attention(qkv[0], qkv[1], qkv[2])).abs().max().item<double>(),
            1e-5);
}
