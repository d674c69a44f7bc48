// Compact weight residency: float16 block matrices kept narrow and widened per block
// must give bit-identical results to widening at load, with half the matrix memory.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "dit/dit_model.h"
#include "dit/random_weights.h"
#include "small_dit.h"

namespace {

drs::DitConfig small_config() {
  return drs::test::small_dit_config(128);
}

// The official file's form: every tensor float16.
drs::WeightMap as_half(const drs::WeightMap& weights) {
  std::map<std::string, at::Tensor> half;
  for (const auto& [name, tensor] : weights.all()) half.emplace(name, tensor.to(at::kHalf));
  return drs::WeightMap(std::move(half), "half weights");
}

drs::DitInputs inputs(const drs::DitConfig& config, int64_t frames) {
  return drs::test::random_dit_inputs(config, frames, /*random_cond=*/true);
}

at::Tensor velocity(const drs::DiT& dit, const drs::DitInputs& in, bool with_checkpoints) {
  at::manual_seed(5);
  const auto x = at::randn({2, in.cond.size(1), in.cond.size(2)});
  const auto cond = dit.precompute(in);
  return with_checkpoints ? dit.velocity(x, at::full({2}, 0.3), cond, {}, [] {})
                          : dit.velocity(x, at::full({2}, 0.3), cond);
}

}  // namespace

TEST(StoredWeights, CompactFloat16BlocksGiveIdenticalResultsWithHalfTheMemory) {
  const auto config = small_config();
  const auto random = drs::random_dit_weights(config, 21);
  auto exact_weights = as_half(random), compact_weights = as_half(random);
  const drs::DiT exact(config, exact_weights, at::kFloat, drs::WeightResidency::Compute);
  const drs::DiT compact(config, compact_weights, at::kFloat, drs::WeightResidency::Compact);
  compact_weights.finish();

  EXPECT_EQ(compact.block_matrix_bytes() * 2, exact.block_matrix_bytes());
  const auto d = config.dim, ff = config.dim * config.ff_mult;
  EXPECT_EQ(exact.block_matrix_bytes(), config.depth * (4 * d * d + 3 * d * ff) * 4);

  at::manual_seed(3);
  const auto in = inputs(config, 40);
  for (const bool sliced : {false, true}) {
    const auto a = velocity(exact, in, sliced), b = velocity(compact, in, sliced);
    EXPECT_TRUE(at::equal(a, b)) << "sliced=" << sliced << " max diff "
                                 << (a - b).abs().max().item<double>();
  }
}

TEST(StoredWeights, CompactChangesNothingWhereItCannotBeExact) {
  const auto config = small_config();
  const auto random = drs::random_dit_weights(config, 22);
  // A float32 file: nothing narrower to keep.
  auto fp32_file = drs::random_dit_weights(config, 22);
  const drs::DiT from_fp32(config, fp32_file, at::kFloat, drs::WeightResidency::Compact);
  EXPECT_EQ(from_fp32.block_matrix_bytes(),
            config.depth *
                (4 * config.dim * config.dim + 3 * config.dim * config.dim * config.ff_mult) * 4);
  // bfloat16 compute: the matrices are kept in the compute dtype (2 bytes already).
  auto half_file = as_half(random);
  const drs::DiT bf16(config, half_file, at::kBFloat16, drs::WeightResidency::Compact);
  EXPECT_EQ(bf16.block_matrix_bytes(), from_fp32.block_matrix_bytes() / 2);
  at::manual_seed(4);
  const auto in = inputs(config, 16);
  EXPECT_EQ(velocity(bf16, in, false).scalar_type(), at::kBFloat16);
}

// Int8 residency (a CPU cost cutter): a quarter of the float32 matrix memory and a
// velocity close to the exact one; never identical.
TEST(StoredWeights, Int8MatricesStayCloseToFloat32WithAQuarterOfTheMemory) {
  if (!drs::Int8Linear::available()) GTEST_SKIP() << "no oneDNN quantized kernels in this build";
  const auto config = small_config();
  auto exact_weights = drs::random_dit_weights(config, 23);
  auto int8_weights = drs::random_dit_weights(config, 23);
  const drs::DiT exact(config, exact_weights, at::kFloat, drs::WeightResidency::Compute);
  const drs::DiT int8(config, int8_weights, at::kFloat, drs::WeightResidency::Int8);
  int8_weights.finish();
  // int8 values (in the kernels' layout) plus one scale per output row.
  EXPECT_LT(int8.block_matrix_bytes() * 3, exact.block_matrix_bytes());
  at::manual_seed(6);
  const auto in = inputs(config, 40);
  for (const bool sliced : {false, true}) {
    const auto a = velocity(exact, in, sliced), b = velocity(int8, in, sliced);
    const double relative_l2 = ((a - b).norm() / a.norm()).item<double>();
    EXPECT_LT(relative_l2, 0.05) << "sliced=" << sliced;
    EXPECT_GT(relative_l2, 0.0) << "int8 cannot be exact";
  }
}
