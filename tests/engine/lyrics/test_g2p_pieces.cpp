// The G2P stages one by one: language runs, punctuation split, phonemizer-style
// post-processing and restore, phone merges, vocabulary, espeak-ng ownership.
#include <gtest/gtest.h>

#include "fake_front_end.h"
#include "lyrics/english_g2p.h"
#include "lyrics/espeak_phonemizer.h"
#include "lyrics/language_runs.h"
#include "lyrics/line_g2p.h"
#include "lyrics/phone_merges.h"
#include "lyrics/phoneme_postprocess.h"
#include "lyrics/punctuation_split.h"
#include "lyrics/utf8.h"
#include "lyrics/vocabulary.h"

namespace {

using namespace drs::lyrics;

std::string u8(std::u32string_view s) {
  return to_utf8(s);
}

TEST(LanguageRuns, OtherCharactersJoinTheCurrentRun) {
  const auto runs = split_language_runs(U"12 hello, 你好 world!");
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].language, Language::English);
  EXPECT_EQ(u8(runs[0].text), "12 hello, ");
  EXPECT_EQ(runs[1].language, Language::Chinese);
  EXPECT_EQ(u8(runs[1].text), "你好 ");
  EXPECT_EQ(runs[1].offset, 10u);
  EXPECT_EQ(runs[2].language, Language::English);
  EXPECT_EQ(u8(runs[2].text), "world!");
  const auto none = split_language_runs(U"1999 ♪");
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].language, Language::None);
  EXPECT_EQ(split_language_runs(U"").size(), 1u);
  EXPECT_EQ(split_language_runs(U"é clair")[0].language, Language::English);
}

TEST(PunctuationSplit, AlternatesChunksAndMarkRuns) {
  const auto pieces = split_punctuation(U"'cause,I'm here!!!");
  ASSERT_EQ(pieces.size(), 7u);
  EXPECT_TRUE(pieces[0].is_marks);
  EXPECT_EQ(u8(pieces[1].text), "cause");
  EXPECT_EQ(u8(pieces[5].text), "m here");
  EXPECT_EQ(u8(pieces[6].text), "!!!");
}

TEST(Postprocess, PhonemizerRules) {
  EXPECT_EQ(u8(postprocess_chunk(U"h_ə_l_ˈoʊ w_ˈɜː_l_d").phones), "h|ə|l|oʊ|_|w|ɜː|l|d");
  EXPECT_EQ(u8(postprocess_chunk(U" h_ˈæ_n_d__ æ_n_d ").phones), "h|æ|n|d|_|æ|n|d");
  const auto flagged = postprocess_chunk(U"(ko)h_a_n(en-us) ɡ_ˈoʊ");
  EXPECT_TRUE(flagged.language_switch);
  EXPECT_EQ(u8(flagged.phones), "h|a|n|_|ɡ|oʊ");
  EXPECT_EQ(u8(postprocess_chunk(U"").phones), "");
}

TEST(Postprocess, RestoreMarksBetweenChunks) {
  const auto pieces = split_punctuation(U"Hello,world.");
  const std::vector<std::u32string> phones = {U"h|ə|l|oʊ", U"w|ɜː|l|d"};
  EXPECT_EQ(u8(assemble_line(pieces, phones)), "h|ə|l|oʊ|,|w|ɜː|l|d|.");
  const auto leading = split_punctuation(U"'cause");
  EXPECT_EQ(u8(assemble_line(leading, {U"k|ɔː|z"})), "|'|k|ɔː|z");
  // A chunk ending in an empty word loses that separator before its mark.
  EXPECT_EQ(u8(assemble_line(pieces, {U"h|ə|_|", U"w"})), "h|ə|,|w|.");
}

TEST(PhoneMerges, WholeTokensOnly) {
  EXPECT_EQ(u8(apply_phone_merges(U"t|ɹ|iː|_|b|ɛ|d|z")), "tɹ|iː|_|b|ɛ|dz");
  EXPECT_EQ(u8(apply_phone_merges(U"ɐ|x|ʔ|ᵻ|ɹ")), "ɚ|k|t|ɪ|ɹ");
  EXPECT_EQ(u8(apply_phone_merges(U"st|s")), "st|s");  // "t|s" must start a token
  EXPECT_EQ(u8(apply_phone_merges(U"oː|ɹ|d|z|d|z")), "oːɹ|dz|dz");
}

TEST(Vocabulary, EmbeddedAndExact) {
  const auto& v = Vocabulary::builtin();
  EXPECT_EQ(v.size(), 363u);
  EXPECT_EQ(v.token(","), 1);
  EXPECT_EQ(v.token("_"), 5);
  EXPECT_EQ(v.token("…"), 363);
  EXPECT_EQ(v.token("ɡ"), 33);   // U+0261
  EXPECT_EQ(v.token("g"), 328);  // U+0067: a different key
  EXPECT_FALSE(v.token("").has_value());
  EXPECT_THROW(Vocabulary::from_json("{\"nope\": 1}"), drs::Error);
}

TEST(Espeak, OwnerIsReusableAndRecoversFromTheHangulStateLeak) {
  auto& espeak = EspeakPhonemizer::instance();
  EXPECT_EQ(&espeak, &EspeakPhonemizer::instance());
  const std::string before = espeak.phonemize("go home");
  (void)espeak.phonemize("K한f");  // breaks espeak-ng 1.51's state without the re-selection
  EXPECT_EQ(espeak.phonemize("go home"), before);
  EXPECT_NE(before.find("oʊ"), std::string::npos) << before;
}

TEST(LineG2p, WorkedExamplesFromTheSpec) {
  const LineG2p g2p;
  const auto hello = g2p.convert(U"Hello, world. How are you?");
  EXPECT_EQ(hello.tokens, (std::vector<int64_t>{42, 58, 51, 24, 1, 49, 8, 51, 31, 2, 42, 23, 5, 16,
                                                5, 48, 14, 3}));
  const auto im = g2p.convert(U"I'm drowning in this mercury lagoon");
  EXPECT_EQ(im.tokens,
            (std::vector<int64_t>{21, 362, 18, 45, 5,  53, 23, 46, 7,  47, 5,  7, 46, 5,  37, 7,
                                  38, 5,   45, 8,  32, 48, 15, 50, 56, 5,  51, 9, 33, 14, 46}));
  EXPECT_THROW((void)g2p.convert(U""), G2pError);
  EXPECT_THROW((void)g2p.convert(U"24/7"), G2pError);
  try {
    (void)g2p.convert(U"hi 你好");
    FAIL() << "Chinese must not be converted yet";
  } catch (const G2pError& e) {
    EXPECT_EQ(e.code(), "unsupported-language");
    EXPECT_EQ(e.column(), 4);
  }
}

TEST(LineG2p, RunsAreJoinedAndOnlyAFinalEnglishRunLosesItsBoundary) {
  const LineG2p g2p(std::make_unique<drs::test::FakeChinese>());
  const auto en_zh = g2p.convert(U"hello 你好");
  EXPECT_EQ(en_zh.phonemes, "h|ə|l|oʊ|_|n|i↑|");
  EXPECT_EQ(en_zh.tokens, (std::vector<int64_t>{42, 58, 51, 24, 5, 46, 272}));
  const auto zh_en = g2p.convert(U"你好 hello");
  EXPECT_EQ(zh_en.phonemes, "n|i↑|h|ə|l|oʊ|");
  EXPECT_EQ(zh_en.tokens, (std::vector<int64_t>{46, 272, 42, 58, 51, 24}));
}

}  // namespace
