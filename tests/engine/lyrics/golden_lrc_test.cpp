// Golden test: every lrc_doc fixture through drs::analyze_lyrics, compared frame by
// frame with the official get_lrc_token tensor. Where the official run fails (a line
// without letters), the expected tensor is the official placement with that line
// reduced to its end-of-line token (our documented behaviour), built from the
// fixture's own per-line tokens.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <limits>

#include "drs/lyrics.h"
#include "fixture_util.h"
#include "lyrics/frame_placement.h"
#include "support/reference.h"

namespace {

double json_time(const nlohmann::json& t) {
  if (t.is_number()) return t.get<double>();
  const std::string s = t.get<std::string>();
  if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
  return s == "-inf" ? -INFINITY : INFINITY;
}

bool same_time(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

std::vector<int64_t> expected_from_nonzero(const nlohmann::json& result) {
  std::vector<int64_t> frames(result.at("end_frame").get<std::size_t>(), 0);
  for (const auto& nz : result.at("nonzero")) frames.at(nz[0].get<std::size_t>()) = nz[1];
  return frames;
}

// The official placement with every failing line reduced to its end token.
std::vector<int64_t> expected_with_silent_lines(const nlohmann::json& doc, int max_frames,
                                                double seconds) {
  std::vector<std::vector<int64_t>> ids;
  std::vector<drs::lyrics::PlacementLine> lines;
  const auto& parsed = doc.at("parsed_lines");
  const auto& tokens = doc.at("parsed_line_tokens");
  for (std::size_t i = 0; i < parsed.size(); ++i)
    ids.push_back(tokens[i].is_array() ? tokens[i].get<std::vector<int64_t>>()
                                       : std::vector<int64_t>{});
  for (std::size_t i = 0; i < parsed.size(); ++i)
    lines.push_back({json_time(parsed[i][0]), ids[i]});
  return drs::lyrics::place_lines(lines, max_frames, seconds).frames;
}

bool has_issue(const drs::LyricsAnalysis& a, const std::string& code) {
  for (const auto& i : a.issues)
    if (i.code == code) return true;
  return false;
}

// Where the official run fails, we must have said which line is the cause.
bool has_any_line_failure(const drs::LyricsAnalysis& a) {
  for (const char* code : {"empty-lyric", "no-letters", "g2p-failed", "no-phonemes", "bad-time",
                           "unsupported-language"})
    if (has_issue(a, code)) return true;
  return false;
}

std::size_t count_diff(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) diff += a[i] != b[i];
  return diff;
}

void check_parsed_lines(const drs::test::Fixture& f, const drs::LyricsAnalysis& a) {
  const auto& parsed = f.json.at("parsed_lines");
  ASSERT_EQ(a.lines.size(), parsed.size()) << f.name();
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    EXPECT_TRUE(same_time(a.lines[i].time, json_time(parsed[i][0])))
        << f.name() << " line " << i << ": " << a.lines[i].time;
    EXPECT_EQ(a.lines[i].text, parsed[i][1].get<std::string>()) << f.name() << " line " << i;
  }
}

TEST(GoldenLrc, FrameTensorsMatchOfficial) {
  const auto fixtures = drs::test::find_fixtures("lrc_doc");
  ASSERT_FALSE(fixtures.empty()) << "no lrc_doc fixture under " << drs::test::reference_dir();
  std::size_t configs = 0;
  std::size_t exact = 0;
  for (const auto& f : fixtures) {
    const std::string bytes =
        drs::test::base64_decode(f.json.at("file_bytes_b64").get<std::string>());
    const bool read_error = f.json.contains("read_error");
    for (const auto& r : f.json.at("results")) {
      ++configs;
      const int max_frames = r.at("max_frames");
      const double seconds = r.at("audio_length");
      const auto a = drs::analyze_lyrics(bytes, max_frames, seconds);
      std::vector<int64_t> want;
      std::string how = "official tensor";
      if (read_error) {
        EXPECT_TRUE(has_issue(a, "invalid-utf8")) << f.name();
        EXPECT_TRUE(a.has_errors());
        want.assign(static_cast<std::size_t>(drs::end_frame_for(max_frames, seconds)), 0);
        how = "read error -> empty tensor";
      } else {
        check_parsed_lines(f, a);
        if (r.contains("error")) {
          want = expected_with_silent_lines(f.json, max_frames, seconds);
          how = "official fails (" + r["error"].value("message", "") +
                "); expected = official placement with the failing line silent";
          EXPECT_TRUE(has_any_line_failure(a)) << f.name();
        } else {
          want = expected_from_nonzero(r);
          EXPECT_EQ(a.end_frame, r.at("end_frame").get<int>()) << f.name();
          const auto bits = drs::test::float_to_half_bits(a.song_duration);
          EXPECT_EQ(bits, std::stoul(r.at("duration_fp16_bits").get<std::string>(), nullptr, 16))
              << f.name();
        }
      }
      const std::size_t diff = count_diff(a.frame_tokens, want);
      exact += diff == 0;
      std::size_t nonzero = 0;
      for (auto t : a.frame_tokens) nonzero += t != 0;
      std::cout << "lrc " << f.name() << " max_frames=" << max_frames << " L=" << seconds
                << ": N=" << a.end_frame << " nonzero=" << nonzero << " frames differing=" << diff
                << " (" << how << "), issues=" << a.issues.size() << "\n";
      EXPECT_EQ(diff, 0u) << f.name() << " " << max_frames << "/" << seconds;
    }
  }
  std::cout << "lrc documents: " << exact << "/" << configs << " document x configuration exact\n";
}

}  // namespace
