// Our jieba port against Debian's python3-jieba (0.42.1) run as a separate process, on
// random CJK/Latin/digit/punctuation sentences (fixed seed), and on the segmentation
// the g2p_zh fixtures record.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include <nlohmann/json.hpp>

#include "lyrics/chinese/jieba_segmenter.h"
#include "lyrics/utf8.h"
#include "support/reference.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using drs::lyrics::to_u32;
using drs::lyrics::to_utf8;
using drs::lyrics::zh::JiebaSegmenter;

std::vector<std::string> to_strings(const std::vector<std::u32string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const auto& w : words) out.push_back(to_utf8(w));
  return out;
}

// Characters picked to reach every branch: common words (dictionary route), rare
// ideographs (HMM), U+9FD6+ (outside jieba's han class), Latin, digits and the
// block characters + # & . _ % -, whitespace incl. \r\n, marks and emoji.
std::u32string random_sentence(std::mt19937& rng) {
  static const std::u32string kCommon =
      U"的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去"
      U"之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如"
      U"前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种"
      U"声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口"
      U"使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九"
      U"笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王"
      U"果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱"
      U"让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近"
      U"留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李"
      U"息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际"
      U"则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切";
  static const std::u32string kRare = U"囧槑烎巭嘦孖兲乂龘靐齉爨癵驫鱻麤灥厵朤";
  static const std::u32string kOther =
      U"龦龧龨鿿〇ㄅ。，！？；：、…—“”‘’《》（）【】「」·～＠"
      U"＃"
      U"％"
      U"＆"
      U"＊";
  static const std::u32string kAscii =
      U"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-,!?;:'\"()[]/*@ ";
  static const std::u32string kSpace = U" \t\u3000\u00a0\r\n";
  static const std::u32string kWide = U"０１２３ＡＢＣａｂｃ😀🎵é";
  std::uniform_int_distribution<int> length(1, 24);
  std::uniform_int_distribution<int> kind(0, 99);
  std::u32string s;
  const int n = length(rng);
  auto pick = [&](const std::u32string& set) {
    return set[std::uniform_int_distribution<std::size_t>(0, set.size() - 1)(rng)];
  };
  for (int i = 0; i < n; ++i) {
    const int k = kind(rng);
    if (k < 60) {
      s += pick(kCommon);
    } else if (k < 66) {
      s += pick(kRare);
    } else if (k < 72) {
      s += pick(kOther);
    } else if (k < 90) {
      s += pick(kAscii);
    } else if (k < 95) {
      s += pick(kSpace);
    } else {
      s += pick(kWide);
    }
  }
  return s;
}

TEST(JiebaCrossCheck, RandomSentencesMatchPythonJieba) {
  const fs::path python = "/usr/bin/python3";
  const fs::path script = fs::path(DRS_TEST_SOURCE_DIR) / "jieba_lcut.py";
  if (std::system("/usr/bin/python3 -c 'import jieba' 2>/dev/null") != 0)
    GTEST_SKIP() << "Debian's python3-jieba is not installed (scripts/install-deps.sh test)";
  constexpr int kSentences = 20000;
  std::mt19937 rng(20240515);
  std::vector<std::u32string> sentences;
  const drs::test::TempDir temp("jieba");
  const fs::path& dir = temp.path();
  {
    std::ofstream in(dir / "in.jsonl");
    for (int i = 0; i < kSentences; ++i) {
      sentences.push_back(random_sentence(rng));
      in << nlohmann::json(to_utf8(sentences.back())).dump() << "\n";
    }
  }
  const std::string cmd = python.string() + " " + script.string() + " " +
                          (dir / "in.jsonl").string() + " " + (dir / "out.jsonl").string();
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream out(dir / "out.jsonl");
  const JiebaSegmenter jieba;
  int same = 0;
  int shown = 0;
  std::string line;
  for (int i = 0; i < kSentences && std::getline(out, line); ++i) {
    const auto want = nlohmann::json::parse(line).get<std::vector<std::string>>();
    const auto got = to_strings(jieba.cut(sentences[i]));
    if (got == want) {
      ++same;
    } else if (shown++ < 10) {
      std::cout << "MISMATCH [" << to_utf8(sentences[i]) << "]\n  want " << nlohmann::json(want)
                << "\n  got  " << nlohmann::json(got) << "\n";
    }
  }
  std::cout << "jieba cross-check: " << same << "/" << kSentences << " sentences identical\n";
  EXPECT_EQ(same, kSentences);
}

TEST(JiebaCrossCheck, FixtureSegmentation) {
  const JiebaSegmenter jieba;
  int runs = 0;
  int same = 0;
  for (const auto& fixture : drs::test::find_fixtures("g2p_lines")) {
    for (const auto& c : fixture.json.at("cases")) {
      if (!c.contains("debug") || !c["debug"].contains("runs")) continue;
      for (const auto& run : c["debug"]["runs"]) {
        if (!run.contains("jieba")) continue;
        ++runs;
        const auto want = run["jieba"].get<std::vector<std::string>>();
        const auto got = to_strings(jieba.cut(to_u32(run.at("normalized").get<std::string>())));
        if (got == want) {
          ++same;
        } else {
          std::cout << "MISMATCH " << c.value("id", "?") << " want " << nlohmann::json(want)
                    << " got " << nlohmann::json(got) << "\n";
        }
      }
    }
  }
  std::cout << "jieba fixture runs: " << same << "/" << runs << " identical\n";
  EXPECT_EQ(same, runs);
}

}  // namespace
