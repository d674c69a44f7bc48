// The LRC editing helpers: stamps, untimed lines spread by token count, gap checks.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "frontend/lrc_tools.h"
#include "tests/frontend/fixtures.h"

using namespace drs;
using namespace drs::frontend;

TEST(LrcTools, FormatsTimestamps) {
  EXPECT_EQ(format_timestamp(0), "[00:00.00]");
  EXPECT_EQ(format_timestamp(75.456), "[01:15.45]");
  EXPECT_EQ(format_timestamp(-3), "[00:00.00]");
  EXPECT_EQ(format_timestamp(9.999), "[00:09.99]");
}

TEST(LrcTools, ReadsAndReplacesStamps) {
  EXPECT_EQ(line_timestamp("[01:02.50]hello").value_or(-1), 62.5);
  EXPECT_FALSE(line_timestamp("hello"));
  EXPECT_FALSE(line_timestamp("[ar:Someone]"));
  EXPECT_EQ(set_line_timestamp("[00:01.00]hello", 12.3), "[00:12.30]hello");
  EXPECT_EQ(set_line_timestamp("hello", 5), "[00:05.00]hello");
}

TEST(LrcTools, ClassifiesLines) {
  EXPECT_TRUE(is_untimed_lyric("just words"));
  EXPECT_FALSE(is_untimed_lyric("[00:01.00]words"));
  EXPECT_FALSE(is_untimed_lyric("   "));
  EXPECT_FALSE(is_untimed_lyric("[ti:Title]"));
}

TEST(LrcTools, SplitsAndJoinsLines) {
  EXPECT_EQ(split_lines("a\r\nb\n").size(), 3u);
  EXPECT_EQ(split_lines("a\r\nb")[0], "a");
  EXPECT_EQ(join_lines(split_lines("a\nb\n\nc")), "a\nb\n\nc");
}

TEST(LrcTools, SpreadsByTokenCount) {
  const auto count = [](std::string_view text) { return static_cast<int>(text.size()); };
  const auto lines = split_lines(spread_untimed("[00:10.00]aaaa\nbb\ncc\n[00:20.00]dd", 95, count));
  ASSERT_EQ(lines.size(), 4u);
  // Weights 4 (the timed line itself), 2, 2 share 10 s.
  EXPECT_EQ(lines[1], "[00:15.00]bb");
  EXPECT_EQ(lines[2], "[00:17.50]cc");
  EXPECT_EQ(lines[3], "[00:20.00]dd");
}

TEST(LrcTools, SpreadsTailAtNaturalPace) {
  const auto count = [](std::string_view) { return 10; };
  const auto lines = split_lines(spread_untimed("[00:10.00]x\ny\nz", 95, count, 0.5));
  // 3 lines x 10 tokens x 0.5 s = 15 s from 10 s; y after the first 10 tokens.
  EXPECT_EQ(lines[1], "[00:15.00]y");
  EXPECT_EQ(lines[2], "[00:20.00]z");
}

TEST(LrcTools, SpreadNeverPassesSongEnd) {
  const auto count = [](std::string_view) { return 100; };
  const auto lines = split_lines(spread_untimed("[01:30.00]x\ny", 95, count));
  EXPECT_LE(line_timestamp(lines[1]).value(), 94.0);
}

TEST(LrcTools, FindsShortAndLongGapsButNotTheLastLinesTail) {
  LyricsAnalysis analysis;
  analysis.lines = {test::placed_line(1, 40, 20, true), test::placed_line(2, 10, 600, false),
                    test::placed_line(3, 10, 900, false)};
  const auto gaps = find_gaps(analysis);
  ASSERT_EQ(gaps.size(), 2u);
  EXPECT_EQ(gaps[0].kind, LyricGap::Kind::TooShort);
  EXPECT_EQ(gaps[0].line, 1);
  EXPECT_EQ(gaps[0].tokens - gaps[0].frames_available, 20);
  EXPECT_NEAR(gaps[0].needed_seconds, 40 * 2048.0 / 44100.0, 1e-9);
  EXPECT_EQ(gaps[1].kind, LyricGap::Kind::TooLong);
  EXPECT_EQ(gaps[1].line, 2);
  EXPECT_NEAR(gaps[1].available_seconds, 600 * 2048.0 / 44100.0, 1e-9);
}
