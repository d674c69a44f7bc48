// Cancellation points inside a transformer block: the row-sliced CPU path computes the
// same block, and a checkpoint that throws stops the forward before the block ends.
#include <gtest/gtest.h>

#include <stdexcept>

#include "dit/dit_model.h"
#include "dit/llama_block.h"
#include "dit/random_weights.h"
#include "small_dit.h"

namespace {

drs::DitConfig small_config() {
  return drs::test::small_dit_config();
}

// More rows than one slice, and a row count that is not a multiple of the slice.
constexpr int64_t kFrames = drs::LlamaBlock::kSliceRows / 2 + 77;

}  // namespace

TEST(BlockCheckpoints, SlicedBlockMatchesTheWholeBlock) {
  const auto config = small_config();
  auto weights = drs::random_dit_weights(config, 11);
  const drs::LlamaBlock block(config, weights, 0, at::kFloat, drs::WeightResidency::Compute);
  const auto rotary = drs::Rotary::make(kFrames, config.head_dim(), at::kFloat);
  const auto h = at::randn({2, kFrames, config.dim});
  int calls = 0;
  const auto whole = block.forward(h, rotary);
  const auto sliced = block.forward(h, rotary, [&] { ++calls; });
  EXPECT_LE((whole - sliced).abs().max().item<double>(), 1e-5);
  // 2 x 32 attention heads + 3 sliced GEMMs (qkv, o, MLP) of 2 slices each.
  EXPECT_EQ(calls, 2 * 32 + 3 * 2);
}

TEST(BlockCheckpoints, AThrowingCheckpointStopsInsideTheFirstBlock) {
  const auto config = small_config();
  auto weights = drs::random_dit_weights(config, 12);
  const drs::DiT dit(config, weights, at::kFloat);
  const auto in = drs::test::random_dit_inputs(config, kFrames);
  const auto conditioning = dit.precompute(in);
  const auto x = at::randn({2, kFrames, config.mel_dim});
  int blocks_done = 0, checkpoints = 0;
  EXPECT_THROW((void)dit.velocity(
                   x, at::full({2}, 0.5), conditioning, [&](int, int) { ++blocks_done; },
                   [&] {
                     if (++checkpoints == 5) throw std::runtime_error("stop");
                   }),
               std::runtime_error);
  EXPECT_EQ(checkpoints, 5);
  EXPECT_EQ(blocks_done, 0);  // stopped inside block 1, not at its end
}
