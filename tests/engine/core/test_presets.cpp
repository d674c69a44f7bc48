#include <gtest/gtest.h>

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
