// The edit-segment reader (parse_time_spans) and the frame ranges made from its spans.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "drs/error.h"
#include "drs/song_edit.h"
#include "pipeline/edit_frames.h"

namespace {

using drs::TimeSpan;

std::string error_of(const std::string& text) {
  try {
    drs::parse_time_spans(text);
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::BadInput);
    return e.what();
  }
  return "(parsed)";
}

TEST(TimeSpans, ReadsTheOfficialFormWithSentinels) {
  EXPECT_EQ(drs::parse_time_spans("[[10,20],[30,-1]]"),
            (std::vector<TimeSpan>{{10, 20}, {30, -1}}));
  EXPECT_EQ(drs::parse_time_spans("[[-1,41],[70,-1]]"),
            (std::vector<TimeSpan>{{-1, 41}, {70, -1}}));
  EXPECT_EQ(drs::parse_time_spans(" [ [ 1.5 , 2.25 ] ] "), (std::vector<TimeSpan>{{1.5, 2.25}}));
}

TEST(TimeSpans, ReadsMinutesAndSecondsQuotedOrNot) {
  EXPECT_EQ(drs::parse_time_spans("[[0:10,0:20],[1:30.5,-1]]"),
            (std::vector<TimeSpan>{{10, 20}, {90.5, -1}}));
  EXPECT_EQ(drs::parse_time_spans(R"([["01:05","2:00"]])"), (std::vector<TimeSpan>{{65, 120}}));
}

TEST(TimeSpans, ErrorsNameTheColumnAndTheProblem) {
  EXPECT_NE(error_of("[[10,20]").find("column 9"), std::string::npos) << error_of("[[10,20]");
  EXPECT_NE(error_of("[[10;20]]").find("column 5"), std::string::npos);
  EXPECT_NE(error_of("[[10,x]]").find("a time"), std::string::npos);
  EXPECT_NE(error_of("[[20,10]]").find("span 1"), std::string::npos);
  EXPECT_NE(error_of("[[5,5]]").find("empty"), std::string::npos);
  EXPECT_NE(error_of("[[-2,5]]").find("negative time -2"), std::string::npos);
  EXPECT_NE(error_of("[[1:75,2:00]]").find("below 60"), std::string::npos);
  EXPECT_NE(error_of("[[1:5,2:00]]").find("m:ss"), std::string::npos);
  EXPECT_NE(error_of("[]").find("no span"), std::string::npos);
  EXPECT_NE(error_of("[[1,2]] x").find("after the list"), std::string::npos);
  EXPECT_NE(error_of("").find("column 1 (at the end)"), std::string::npos) << error_of("");
  EXPECT_NE(error_of("[[1e999,2]]").find("finite"), std::string::npos);
  EXPECT_NE(error_of(R"([["1,2]])").find("'\"'"), std::string::npos) << error_of(R"([["1,2]])");
}

// Random span lists written in every accepted form read back to the same values;
// random corruptions of them either parse or fail with a BadInput naming a column.
TEST(TimeSpans, RandomListsRoundTripAndCorruptionsFailCleanly) {
  std::mt19937 rng(1234);
  std::uniform_int_distribution<int> count(1, 5), centis(0, 30000), coin(0, 3);
  const std::string alphabet = "[],:-.\"0123456789 e+x";
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<TimeSpan> spans;
    std::string text = "[";
    for (int i = 0, n = count(rng); i < n; ++i) {
      const double a = centis(rng) / 100.0, b = a + 0.01 + centis(rng) / 100.0;
      const bool open_start = coin(rng) == 0, open_end = coin(rng) == 0;
      const TimeSpan span{open_start ? -1 : a, open_end ? -1 : b};
      spans.push_back(span);
      const auto write = [&](double v) {
        if (v == -1) return std::string("-1");
        char buffer[32];
        if (coin(rng) == 0) {
          const int minutes = static_cast<int>(v / 60);
          std::snprintf(buffer, sizeof buffer, "%d:%05.2f", minutes, v - minutes * 60);
        } else {
          std::snprintf(buffer, sizeof buffer, "%.2f", v);
        }
        return coin(rng) == 0 ? "\"" + std::string(buffer) + "\"" : std::string(buffer);
      };
      text += (i ? ", [" : "[") + write(span.start) + "," + write(span.end) + "]";
    }
    text += "]";
    const auto parsed = drs::parse_time_spans(text);
    ASSERT_EQ(parsed.size(), spans.size()) << text;
    for (std::size_t i = 0; i < spans.size(); ++i) {
      EXPECT_NEAR(parsed[i].start, spans[i].start, 1e-9) << text;
      EXPECT_NEAR(parsed[i].end, spans[i].end, 1e-9) << text;
    }
    EXPECT_EQ(drs::parse_time_spans(drs::format_time_spans(parsed)), parsed);

    auto broken = text;
    std::uniform_int_distribution<std::size_t> where(0, broken.size() - 1);
    broken[where(rng)] =
        alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
    try {
      for (const auto& span : drs::parse_time_spans(broken)) {
        EXPECT_TRUE(span.start == -1 || span.start >= 0) << broken;
        EXPECT_TRUE(span.end == -1 || span.end >= 0) << broken;
        if (span.start >= 0 && span.end >= 0) {
          EXPECT_LT(span.start, span.end) << broken;
        }
      }
    } catch (const drs::Error& e) {
      EXPECT_EQ(e.kind(), drs::ErrorKind::BadInput);
      EXPECT_NE(std::string(e.what()).find("column "), std::string::npos) << e.what();
    }
  }
}

TEST(EditFrames, SecondsBecomeFramesAsUpstreamAndSentinelsTheSongsEnds) {
  EXPECT_EQ(drs::frame_at(10), 215);  // trunc(10 * 44100 / 2048) = trunc(215.33)
  const auto ranges = drs::edit_frame_ranges({{-1, 10}, {30, -1}}, 2048);
  EXPECT_EQ(ranges, (std::vector<drs::FrameRange>{{0, 215}, {645, 2048}}));
}

TEST(EditFrames, OverlappingAndTouchingSpansMergeAndEndsAreCut) {
  const auto ranges = drs::edit_frame_ranges({{30, 40}, {10, 20}, {15, 31}, {90, 500}}, 2048);
  EXPECT_EQ(ranges, (std::vector<drs::FrameRange>{{215, 861}, {1937, 2048}}));
}

TEST(EditFrames, SpansThatRegenerateNothingAreRefused) {
  EXPECT_THROW(drs::edit_frame_ranges({{100, 120}}, 2048), drs::Error);   // starts past 95.1 s
  EXPECT_THROW(drs::edit_frame_ranges({{10, 10.01}}, 2048), drs::Error);  // < one frame
  EXPECT_THROW(drs::edit_frame_ranges({}, 2048), drs::Error);
}

TEST(EditFrames, KeptFramesPastTheReferenceAreFound) {
  const std::vector<drs::FrameRange> ranges{{100, 200}, {300, 400}};
  EXPECT_EQ(drs::first_uncovered_kept_frame(ranges, 400, 400), -1);
  EXPECT_EQ(drs::first_uncovered_kept_frame(ranges, 400, 150), 200);
  EXPECT_EQ(drs::first_uncovered_kept_frame(ranges, 400, 300), -1);
  EXPECT_EQ(drs::first_uncovered_kept_frame(ranges, 500, 300), 400);
  EXPECT_EQ(drs::first_uncovered_kept_frame({{0, 500}}, 500, 10), -1);
}

}  // namespace
