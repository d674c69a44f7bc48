// A second-language front end plugged in through G2pCache and drs::LyricsOptions (the
// public entry point), with the stand-in Chinese front end.
#include <gtest/gtest.h>

#include <memory>

#include "drs/lyrics.h"
#include "fake_front_end.h"
#include "lyrics/g2p_cache.h"

namespace {

using drs::lyrics::G2pCache;

bool has_issue(const drs::LyricsAnalysis& a, const std::string& code) {
  for (const auto& i : a.issues)
    if (i.code == code) return true;
  return false;
}

TEST(G2pCache, TakesASecondLanguageFrontEndLikeLineG2p) {
  G2pCache english_only;
  const auto unsupported = english_only.convert(U"hello 你好");
  EXPECT_FALSE(unsupported.ok);
  EXPECT_EQ(unsupported.error_code, "unsupported-language");

  G2pCache with_chinese(std::make_unique<drs::test::FakeChinese>());
  const auto joined = with_chinese.convert(U"hello 你好");
  ASSERT_TRUE(joined.ok) << joined.error_message;
  EXPECT_EQ(joined.result.phonemes, "h|ə|l|oʊ|_|n|i↑|");
  EXPECT_EQ(joined.result.tokens, (std::vector<int64_t>{42, 58, 51, 24, 5, 46, 272}));
}

TEST(G2pCache, SharedCachesAreKeptPerFrontEnd) {
  const auto fake = std::make_shared<const drs::test::FakeChinese>();
  const auto first = G2pCache::shared(fake);
  EXPECT_EQ(G2pCache::shared(fake), first);
  EXPECT_NE(G2pCache::shared(nullptr), first);
  EXPECT_EQ(G2pCache::shared(nullptr).get(), &G2pCache::instance());
  // The memo answers the second time: the front end runs once per distinct text.
  (void)first->convert(U"你好");
  (void)first->convert(U"你好");
  EXPECT_EQ(fake->calls(), 1);
}

TEST(AnalyzeOptions, SecondLanguageFrontEndFromThePublicEntryPoint) {
  const std::string song = "[00:01.00]Hello 你好\n[00:03.00]World\n[00:05.00]x\n";
  drs::LyricsOptions options;
  options.second_language = std::make_shared<const drs::test::FakeChinese>();
  const auto with = drs::analyze_lyrics(song, 6144, 120, options);
  EXPECT_FALSE(has_issue(with, "unsupported-language"));
  EXPECT_FALSE(with.has_errors());
  EXPECT_EQ(with.lines[0].phonemes, "h|ə|l|oʊ|_|n|i↑|");
  EXPECT_EQ(with.lines[0].tokens, 8);  // 7 ids and the end-of-line token
  const int start = with.lines[0].start_frame;
  EXPECT_EQ(with.frame_tokens[start + 5], 46);
  EXPECT_EQ(with.frame_tokens[start + 6], 272);

  // The analysis without it (no Chinese data) is not served from the other memo.
  const auto without = drs::analyze_lyrics(song, 6144, 120);
  EXPECT_TRUE(has_issue(without, "chinese-data-missing"));
  EXPECT_EQ(without.lines[0].tokens, 1);
}

}  // namespace
