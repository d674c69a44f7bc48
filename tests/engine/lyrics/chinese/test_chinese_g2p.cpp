// The Chinese front end on a data folder holding only the model store's two large files
// (the small official files are compiled in), its diagnostics, and the pieces the golden
// fixtures reach only indirectly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "drs/lyrics.h"
#include "lyrics/chinese/chinese_g2p.h"
#include "lyrics/chinese/number_reading.h"
#include "lyrics/chinese/word_merges.h"
#include "lyrics/line_g2p.h"
#include "lyrics/utf8.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using drs::lyrics::to_u32;
using drs::lyrics::to_utf8;
using namespace drs::lyrics::zh;

// Always answers class 0 (polydict "1": 丧{sang1}) and counts its calls.
class ConstantScorer final : public PolyphoneScorer {
 public:
  [[nodiscard]] std::vector<float> logits(std::span<const std::int32_t> ids) const override {
    ++calls;
    return std::vector<float>((ids.size() - 1) * 391, 0.0f);
  }
  [[nodiscard]] int num_classes() const override { return 391; }
  mutable int calls = 0;
};

struct DataDir {
  drs::test::TempDir temp{"zh-data"};
  fs::path dir = temp.path();
  DataDir() {
    fs::create_directories(dir / "g2p_chinese_model");
    std::ofstream(dir / "chinese_lexicon.txt")
        << "你\tni3\n好\thao3\n很\then3\n我\two3\n欸\tê4\n乃\tnai3\n你好\tni3 hao3\n";
    std::ofstream(dir / "g2p_chinese_model" / "poly_bert_model.onnx") << "unused";
  }
};

std::string convert(const ChineseG2p& g2p, std::u32string_view text) {
  return g2p.convert(text, 1).phonemes;
}

TEST(ChineseG2p, BundledSmallFilesCompleteAStoreFolder) {
  DataDir data;
  auto scorer = std::make_shared<ConstantScorer>();
  const ChineseG2p g2p({data.dir, [scorer](const fs::path&) { return scorer; }});
  EXPECT_EQ(convert(g2p, U"你好"), "n|i↑|x|ɑʊ↓↑");  // one word: 3-3 sandhi
  EXPECT_EQ(scorer->calls, 0);
  // 好 alone is a word of polychar.txt: the model decides (class 0 = 丧{sang1}); three
  // words, so no 3-3 sandhi between 我 and 很.
  EXPECT_EQ(convert(g2p, U"我很好"), "uo↓↑|x|ən↓↑|s|ɑŋ→");
  EXPECT_EQ(scorer->calls, 1);
  // Two polyphonic characters of one run: one model run answers both.
  EXPECT_EQ(convert(g2p, U"长长"), "s|ɑŋ→|s|ɑŋ→");
  EXPECT_EQ(scorer->calls, 2);
}

TEST(ChineseG2p, MissingDataSaysHowToInstallIt) {
  const ChineseG2p g2p({fs::path("/nonexistent/chinese-lyrics"), {}});
  try {
    (void)g2p.convert(U"你好", 3);
    FAIL() << "converted without data";
  } catch (const drs::lyrics::G2pError& e) {
    EXPECT_EQ(e.code(), "chinese-data-missing");
    EXPECT_EQ(e.column(), 3);
    EXPECT_NE(std::string(e.what()).find("chinese-lyrics"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("chinese_lexicon.txt"), std::string::npos) << e.what();
  }
}

TEST(ChineseG2p, DataInstalledLaterIsPickedUp) {
  const drs::test::TempDir temp("zh-later");
  const fs::path dir = temp / "chinese-lyrics";  // not there yet
  drs::LyricsOptions options;
  options.chinese_data_dir = dir;
  const std::string song = "[00:01.00]你好\n";
  EXPECT_TRUE(drs::analyze_lyrics(song, 6144, 120, options).has_errors());
  {
    DataDir data;
    fs::rename(data.dir, dir);  // the component is installed while the editor is open
  }
  const auto after = drs::analyze_lyrics(song, 6144, 120, options);
  EXPECT_FALSE(after.has_errors());
  EXPECT_EQ(after.lines[0].phonemes, "n|i↑|x|ɑʊ↓↑|");
}

TEST(ChineseG2p, OfficialKeyErrorIsALineDiagnostic) {
  DataDir data;
  const ChineseG2p g2p({data.dir, {}});
  try {
    (void)g2p.convert(U"你欸乃", 5);
    FAIL() << "欸 (ê4) is not in the table: the official code raises KeyError";
  } catch (const drs::lyrics::G2pError& e) {
    EXPECT_EQ(e.code(), "chinese-no-reading");
    EXPECT_EQ(e.column(), 6);  // the 欸
  }
  // Without a scorer, a polyphonic character is a clear failure too.
  try {
    (void)g2p.convert(U"长", 1);
    FAIL();
  } catch (const drs::lyrics::G2pError& e) {
    EXPECT_EQ(e.code(), "polyphone-model-failed");
  }
}

TEST(ChineseNumbers, Cn2anReadings) {
  EXPECT_EQ(to_utf8(read_number(U"13800138000")), "一百三十八亿零一十三万八千");
  EXPECT_EQ(to_utf8(read_number(U"10")), "十");
  EXPECT_EQ(to_utf8(read_number(U"-0.50")), "负零点五零");
  EXPECT_THROW((void)read_number(U"12345678901234567"), std::invalid_argument);
  const auto r = read_numbers(U"  2024年1月2日 3/4 50% 5-6 1.2.3 -5℃ ٣ ");
  EXPECT_EQ(to_utf8(r.text), "二零二四年一月二日 四分之三 百分之五十 五负六 一点二.三 -五摄氏度 ٣");
  ASSERT_EQ(r.unread.size(), 1u);
}

TEST(ChineseMerges, QuirksOfTheOfficialMerges) {
  auto w = [](std::initializer_list<std::u32string> l) { return Words(l); };
  EXPECT_EQ(merge_yi(w({U"走", U"一", U"走", U"跳", U"一", U"跳"})),
            w({U"走一走", U"跳", U"一跳"}));
  EXPECT_EQ(merge_bu(w({U"我", U"不"})), w({U"我"}));
  EXPECT_EQ(merge_bu(w({U"不", U"不", U"的"})), w({U"不的"}));
  EXPECT_EQ(merge_er(w({U"花", U"儿"})), w({U"花儿"}));
  EXPECT_EQ(merge_er(w({U"儿", U"子"})), w({U"儿", U"子"}));
}

}  // namespace
