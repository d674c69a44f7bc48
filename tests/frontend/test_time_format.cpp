// Durations and clock times: one rounding rule, compact and m:ss renderings.
#include <gtest/gtest.h>

#include "frontend/time_format.h"

using namespace drs::frontend;

TEST(TimeFormat, SplitsDurationsAtTheMinuteAndTheHour) {
  const auto seconds = split_duration(0.2);
  EXPECT_EQ(seconds.unit, DurationParts::Unit::Seconds);
  EXPECT_EQ(seconds.major, 1);  // a short wait is never "0 s"
  const auto minutes = split_duration(185.9);
  EXPECT_EQ(minutes.unit, DurationParts::Unit::Minutes);
  EXPECT_EQ(minutes.major, 3);
  EXPECT_EQ(minutes.minor, 5);
  const auto hours = split_duration(3725);
  EXPECT_EQ(hours.unit, DurationParts::Unit::Hours);
  EXPECT_EQ(hours.major, 1);
  EXPECT_EQ(hours.minor, 2);
  EXPECT_EQ(split_duration(-4).major, 0);
}

TEST(TimeFormat, CompactDurations) {
  EXPECT_EQ(compact_duration(44.1), "45s");
  EXPECT_EQ(compact_duration(185), "3m05s");
  EXPECT_EQ(compact_duration(3725), "1h02m");
  EXPECT_EQ(compact_duration(-1), "?");
}

TEST(TimeFormat, ClockPositions) {
  EXPECT_EQ(format_clock(0), "0:00");
  EXPECT_EQ(format_clock(65.9), "1:05");
  EXPECT_EQ(format_clock(-3), "0:00");
  EXPECT_EQ(format_clock(600), "10:00");
}
