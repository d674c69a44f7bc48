#include <gtest/gtest.h>

#include <vector>

#include "dit/random_weights.h"
#include "drs/error.h"
#include "sampler/cfm_sampler.h"

namespace {

struct TinyModel {
  drs::DitConfig config;
  std::unique_ptr<drs::DiT> dit;
  drs::SampleInputs in;
  TinyModel() {
    config.dim = 64;
    config.depth = 4;
    config.ff_mult = 2;
    config.conv_layers = 1;
    auto weights = drs::random_dit_weights(config, 3);
    dit = std::make_unique<drs::DiT>(config, weights, at::kFloat);
    const int64_t n = 48;
    in.y0 = at::randn({1, n, 64});
    in.cond = at::zeros({1, n, 64});
    in.text = at::randint(0, 364, {1, n}, at::kLong);
    in.style = at::randn({1, 512});
    in.negative_style = at::randn({1, 512});
    in.start_time = at::zeros({1});
    in.song_duration = at::ones({1});
    in.segments = {{0, n}};
  }
};

// A cancel requested during block 2 of step 3 returns before block 3 runs, and the
// model is reusable: a later run gives exactly the uninterrupted result.
TEST(SamplerCancel, StopsWithinOneBlockAndLeavesTheModelReusable) {
  TinyModel s;
  const drs::SamplingSettings settings{8, 4.0f, std::nullopt};
  const auto reference = drs::sample(*s.dit, s.in, settings, {}, {});

  std::stop_source source;
  std::vector<std::pair<int, int>> blocks_run;
  drs::SamplerProgress progress;
  progress.on_block = [&](int step, int, int block, int) {
    blocks_run.emplace_back(step, block);
    if (step == 2 && block == 2) source.request_stop();  // step index 2 = the third step
  };
  try {
    (void)drs::sample(*s.dit, s.in, settings, progress, source.get_token());
    FAIL() << "not cancelled";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::Cancelled);
  }
  ASSERT_FALSE(blocks_run.empty());
  EXPECT_EQ(blocks_run.back(), (std::pair<int, int>{2, 2}));  // no block ran after the request
  EXPECT_EQ(blocks_run.size(), 2u * 4u + 2u);

  const auto again = drs::sample(*s.dit, s.in, settings, {}, {});
  EXPECT_TRUE(at::equal(again, reference));
}

TEST(SamplerCancel, UnguidedRunSkipsTheSecondPassAndTakesAreIndependent) {
  TinyModel s;
  s.in.y0 = at::randn({2, 48, 64});
  const auto both = drs::sample(*s.dit, s.in, {6, 0.0f, std::nullopt}, {}, {});
  auto first = s.in;
  first.y0 = s.in.y0.narrow(0, 0, 1);
  const auto one = drs::sample(*s.dit, first, {6, 0.0f, std::nullopt}, {}, {});
  EXPECT_LE((both.narrow(0, 0, 1) - one).abs().max().item<double>(), 1e-5);
}

TEST(SamplerCancel, EditModeKeepsTheReferenceOutsideTheSegments) {
  TinyModel s;
  s.in.cond = at::randn({1, 48, 64});
  s.in.segments = {{10, 20}};
  const auto out = drs::sample(*s.dit, s.in, {4, 2.0f, -1.0f}, {}, {});
  EXPECT_TRUE(at::equal(out.narrow(1, 0, 10), s.in.cond.narrow(1, 0, 10)));
  EXPECT_TRUE(at::equal(out.narrow(1, 20, 28), s.in.cond.narrow(1, 20, 28)));
  EXPECT_FALSE(at::equal(out.narrow(1, 10, 10), s.in.cond.narrow(1, 10, 10)));
}

TEST(TimeGrid, SwayBendsTheGridTowardsTheStartAndKeepsTheEnds) {
  const auto plain = drs::time_grid({16, 2.0f, std::nullopt}, at::kFloat);
  const auto sway = drs::time_grid({16, 2.0f, -1.0f}, at::kFloat);
  EXPECT_FLOAT_EQ(sway[0].item<float>(), 0.0f);
  EXPECT_NEAR(sway[15].item<float>(), 1.0f, 1e-6);
  EXPECT_LT(sway[5].item<float>(), plain[5].item<float>());
}

}  // namespace
