#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "drs/presets.h"

TEST(Presets, BestIsTheOfficialSetting) {
  const auto* best = drs::find_preset("best");
  ASSERT_NE(best, nullptr);
  EXPECT_EQ(best->sampling.grid_points, 32);
  EXPECT_FLOAT_EQ(best->sampling.cfg_strength, 4.0f);
  EXPECT_FALSE(best->sampling.sway.has_value());
  EXPECT_EQ(best->sampling.forward_passes(), 62);
}

TEST(Presets, FastIsTheSixteenPointGridWithSway) {
  const auto* fast = drs::find_preset("fast");
  ASSERT_NE(fast, nullptr);
  EXPECT_EQ(fast->sampling.grid_points, 16);
  EXPECT_FLOAT_EQ(fast->sampling.cfg_strength, 2.0f);
  ASSERT_TRUE(fast->sampling.sway.has_value());
  EXPECT_FLOAT_EQ(*fast->sampling.sway, -1.0f);
}

TEST(Presets, OrderedByDecreasingCostWithUniqueIds) {
  std::set<std::string> ids;
  int previous_cost = 1 << 30;
  for (const auto& preset : drs::presets()) {
    EXPECT_TRUE(ids.insert(std::string(preset.id)).second) << preset.id;
    EXPECT_LT(preset.sampling.forward_passes(), previous_cost) << preset.id;
    previous_cost = preset.sampling.forward_passes();
  }
  EXPECT_GE(ids.size(), 4u);
  EXPECT_EQ(drs::find_preset("no-such-preset"), nullptr);
}

TEST(Presets, DisabledGuidanceHalvesTheCost) {
  drs::SamplingSettings settings{16, 0.0f, std::nullopt};
  EXPECT_EQ(settings.forward_passes(), 15);
}

// Partial guidance: steps starting at or after guidance_until cost one pass, not two,
// and the decision follows the (sway-bent) grid.
TEST(Presets, PartialGuidanceCountsOnePassPerUnguidedStep) {
  drs::SamplingSettings uniform{32, 4.0f, std::nullopt, 0.5f};
  // t_k = k / 31 < 0.5 for k = 0..15: 16 guided steps, 15 unguided.
  EXPECT_TRUE(uniform.guided_step(15));
  EXPECT_FALSE(uniform.guided_step(16));
  EXPECT_EQ(uniform.forward_passes(), 16 * 2 + 15);
  EXPECT_EQ(uniform.forward_passes(16), 15);  // what is left after 16 steps

  // On the sway grid t_k = 1 - cos(pi k / 30): 0.41 at k = 9, 0.50 at k = 10.
  const drs::SamplingSettings swayed{16, 2.0f, -1.0f, 0.45f};
  const auto grid = swayed.grid();
  int guided = 0;
  for (int k = 0; k < swayed.steps(); ++k) {
    EXPECT_EQ(swayed.guided_step(k), grid[static_cast<std::size_t>(k)] < swayed.guidance_until)
        << k;
    guided += swayed.guided_step(k) ? 1 : 0;
  }
  EXPECT_EQ(guided, 10);
  EXPECT_EQ(swayed.forward_passes(), 25);
  // No guidance at all: the cutoff changes nothing.
  drs::SamplingSettings unguided{16, 0.0f, std::nullopt, 0.5f};
  EXPECT_EQ(unguided.forward_passes(), 15);
}

TEST(Presets, GridMatchesTheSwayFormula) {
  drs::SamplingSettings s{5, 2.0f, -1.0f};
  const auto t = s.grid();
  ASSERT_EQ(t.size(), 5u);
  EXPECT_DOUBLE_EQ(t.front(), 0.0);
  EXPECT_NEAR(t.back(), 1.0, 1e-12);
  EXPECT_NEAR(t[2], 1.0 - std::cos(0.5 * M_PI / 2), 1e-12);  // s = -1: 1 - cos(pi u / 2)
}
